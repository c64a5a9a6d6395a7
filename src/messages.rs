//! Error messages in the words of each API's server framework, and the display names they use.
//!
//! ServiceStack templates are FluentValidation's English ones
//! (`Resources/Languages/EnglishLanguage.cs`); Web API templates are DataAnnotations' defaults
//! (`System.ComponentModel.Annotations/src/Resources/Strings.resx`). Codes with no framework
//! equivalent (`TypeMismatch`, `Date`, `Url`, `Precision`) are ours, worded in the same style.

use std::sync::OnceLock;

use crate::dto::{DtoName, Field, Framework, Kind};
use crate::input::RequestError;
use crate::rules::{Param, Violation};

/// FluentValidation's `SplitPascalCase`: a space before each capital that follows a
/// non-capital (from the third character on) or precedes one; then trimmed.
/// `FirstName` → `First Name`, `IBANCode` → `IBAN Code`, `order_id` → `order_id`.
pub fn split_pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut chars = name.chars().enumerate().peekable();
    let mut prev = None;
    while let Some((i, c)) = chars.next() {
        let prev_lower = i > 1 && prev.is_some_and(|p: char| !p.is_uppercase());
        let next_lower = chars.peek().is_some_and(|(_, n)| !n.is_uppercase());
        // A leading space would be trimmed: never written.
        if c.is_uppercase() && (prev_lower || next_lower) && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    match out.trim() {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_owned(),
    }
}

/// The name a message uses for `field`: FluentValidation splits the C# name; DataAnnotations
/// uses the property name as declared.
pub fn display_name(framework: Framework, field: &Field) -> String {
    match framework {
        Framework::ServiceStack => split_pascal_case(field.csharp),
        Framework::WebApi => field.csharp.to_owned(),
    }
}

/// The display names of every field of `dto`, in field order: made once, then borrowed by
/// every message (error messages are the hot part of an invalid request).
pub(crate) fn display_names(dto: DtoName) -> &'static [String] {
    static NAMES: [OnceLock<Vec<String>>; 4] = [const { OnceLock::new() }; 4];
    let index = DtoName::ALL.iter().position(|d| *d == dto).unwrap_or(0);
    NAMES.get(index).map_or(&[], |names| {
        names.get_or_init(|| {
            dto.fields()
                .iter()
                .map(|field| display_name(dto.framework(), field))
                .collect()
        })
    })
}

/// What a field of `kind` expects, for `TypeMismatch` messages.
fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::String => "a string",
        Kind::Int32 => "a whole number between -2147483648 and 2147483647",
        Kind::Money => "a decimal number",
        Kind::Bool => "true or false",
        Kind::DateTime => "a date in the form YYYY-MM-DD",
        Kind::Map => "an object whose values are strings",
    }
}

/// A placeholder value of `error` as text (numbers as JavaScript writes them).
fn param(error: &Violation, name: &str) -> Option<String> {
    Some(match error.param(name)? {
        Param::Int(n) => n.to_string(),
        Param::Text(text) => text.to_string(),
    })
}

/// The message of `error` on `field`.
pub(crate) fn field_message(
    framework: Framework,
    field: &Field,
    name: &str,
    error: &Violation,
) -> String {
    let p = |key: &str| param(error, key).unwrap_or_default();
    let compared = |fallback: &str| {
        param(error, "ComparisonValue")
            .or_else(|| param(error, fallback))
            .unwrap_or_else(|| "0".into())
    };
    match (framework, error.code.as_ref()) {
        (Framework::ServiceStack, "NotNull") => format!("'{name}' must not be empty."),
        (Framework::ServiceStack, "GreaterThan") => format!("'{name}' must be greater than '{}'.", compared("exclusive_min")),
        (Framework::ServiceStack, "GreaterThanOrEqual") => {
            format!("'{name}' must be greater than or equal to '{}'.", compared("min"))
        }
        (Framework::ServiceStack, "LessThanOrEqual") => {
            format!("'{name}' must be less than or equal to '{}'.", compared("max"))
        }
        (Framework::ServiceStack, "Email") => format!("'{name}' is not a valid email address."),
        (Framework::ServiceStack, "ScalePrecision") => format!(
            "'{name}' must not be more than 18 digits in total, with allowance for 2 decimals. {} digits and {} decimals were found.",
            p("Digits"),
            p("ActualScale")
        ),
        (Framework::ServiceStack, "Url") => format!("'{name}' must be an absolute http or https URL."),
        (Framework::ServiceStack, "Date") => format!("'{name}' is not a valid date."),
        (Framework::ServiceStack, "TypeMismatch") => format!("'{name}' must be {}.", expected(field.kind)),
        (Framework::ServiceStack, _) => format!("'{name}' is not valid."),
        (Framework::WebApi, "Required") => format!("The {name} field is required."),
        (Framework::WebApi, "MaxLength") => {
            format!("The field {name} must be a string or array type with a maximum length of '{}'.", p("max"))
        }
        (Framework::WebApi, "Range") => match (param(error, "min"), param(error, "max")) {
            (Some(min), Some(max)) => format!("The field {name} must be between {min} and {max}."),
            _ => format!("The field {name} must be greater than {}.", compared("exclusive_min")),
        },
        (Framework::WebApi, "Precision") => {
            format!("The field {name} must be a number with at most 16 integer digits and 2 decimals.")
        }
        (Framework::WebApi, "TypeMismatch") => format!("The field {name} must be {}.", expected(field.kind)),
        (Framework::WebApi, _) => format!("The field {name} is invalid."),
    }
}

/// The code of a request-level error.
pub(crate) fn request_code(framework: Framework) -> &'static str {
    match framework {
        // What ServiceStack answers for a body it cannot deserialize.
        Framework::ServiceStack => "SerializationException",
        Framework::WebApi => "InvalidRequest",
    }
}

/// The message of a request-level error (the same words for both frameworks).
pub(crate) fn request_message(error: RequestError) -> &'static str {
    match error {
        RequestError::NotAnObject => "The request body must be a JSON object.",
        RequestError::MalformedJson => "The request body is not valid JSON.",
        RequestError::UnreadableObject => "The request object could not be read.",
        RequestError::NotText => "The request body must be JSON text (a string).",
        RequestError::NotAForm => {
            "The form must be an HTMLFormElement, FormData or URLSearchParams."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn split_pascal_case_as_fluent_validation() {
        for (name, expected) in [
            ("FirstName", "First Name"),
            ("AmountOutstanding", "Amount Outstanding"),
            ("UrlToDocument", "Url To Document"),
            ("IBANCode", "IBAN Code"),
            ("URLValue", "URL Value"),
            ("CVV2", "CV V2"),
            ("Address1Line", "Address1 Line"),
            ("eMail", "e Mail"),
            ("aBC", "aBC"),
            ("order_id", "order_id"),
            ("GstAmount", "Gst Amount"),
            ("Email", "Email"),
            ("", ""),
        ] {
            assert_eq!(split_pascal_case(name), expected, "{name}");
        }
    }
}
