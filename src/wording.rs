//! The words of each framework: the code and the English message template of every violation, the type names, and the request-level errors (data every export reads: messages, the docs tables).
//!
//! ServiceStack's codes and templates are FluentValidation's (`Resources/Languages/EnglishLanguage.cs`
//! in ServiceStack's bundled copy); Web API's are DataAnnotations' defaults
//! (`System.ComponentModel.Annotations/src/Resources/Strings.resx`). Where a framework has no
//! equivalent (type errors, dates, URLs, money scale on Web API) the code and words are ours, in
//! the framework's style; `docs/rules.md` lists which. Templates use FluentValidation's
//! `{Placeholder}` syntax; `Violation::placeholders` says which ones a violation fills.

use crate::alloc_prelude::*;

use crate::input::RequestError;
use crate::table::{Framework, Kind, Violation};

/// The code and message template of one violation in one framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording {
    pub code: &'static str,
    pub template: &'static str,
}

const fn w(code: &'static str, template: &'static str) -> Wording {
    Wording { code, template }
}

/// Indexed by `Violation as usize`: an entry per violation, or the array does not compile.
const SERVICE_STACK: [Wording; Violation::COUNT] = [
    w("NotNull", "'{PropertyName}' must not be empty."),
    w("NotEmpty", "'{PropertyName}' must not be empty."),
    w("MaximumLength", "The length of '{PropertyName}' must be {MaxLength} characters or fewer. You entered {TotalLength} characters."),
    w("Email", "'{PropertyName}' is not a valid email address."),
    w("Url", "'{PropertyName}' must be an absolute http or https URL."),
    w("ScalePrecision", "'{PropertyName}' must not be more than {ExpectedPrecision} digits in total, with allowance for {ExpectedScale} decimals. {Digits} digits and {ActualScale} decimals were found."),
    w("GreaterThan", "'{PropertyName}' must be greater than '{ComparisonValue}'."),
    w("GreaterThanOrEqual", "'{PropertyName}' must be greater than or equal to '{ComparisonValue}'."),
    w("LessThan", "'{PropertyName}' must be less than '{ComparisonValue}'."),
    w("LessThanOrEqual", "'{PropertyName}' must be less than or equal to '{ComparisonValue}'."),
    w("InclusiveBetween", "'{PropertyName}' must be between {From} and {To}. You entered {PropertyValue}."),
    w("ExclusiveBetween", "'{PropertyName}' must be between {From} and {To} (exclusive). You entered {PropertyValue}."),
    w("TypeMismatch", "'{PropertyName}' must be {ExpectedType}."),
    w("Date", "'{PropertyName}' is not a valid date."),
];

const WEB_API: [Wording; Violation::COUNT] = [
    w("Required", "The {PropertyName} field is required."),
    w("Required", "The {PropertyName} field is required."),
    w("MaxLength", "The field {PropertyName} must be a string or array type with a maximum length of '{MaxLength}'."),
    w("EmailAddress", "The {PropertyName} field is not a valid e-mail address."),
    w("Url", "The field {PropertyName} must be an absolute http or https URL."),
    w("Precision", "The field {PropertyName} must be a number with at most {IntegerDigits} integer digits and {ExpectedScale} decimals."),
    w("Range", "The field {PropertyName} must be greater than {ComparisonValue}."),
    w("Range", "The field {PropertyName} must be greater than or equal to {ComparisonValue}."),
    w("Range", "The field {PropertyName} must be less than {ComparisonValue}."),
    w("Range", "The field {PropertyName} must be less than or equal to {ComparisonValue}."),
    w("Range", "The field {PropertyName} must be between {From} and {To}."),
    w("Range", "The field {PropertyName} must be between {From} exclusive and {To} exclusive."),
    w("TypeMismatch", "The field {PropertyName} must be {ExpectedType}."),
    w("Date", "The field {PropertyName} is not a valid date."),
];

/// The wording of `violation` in `framework`.
pub const fn wording(framework: Framework, violation: Violation) -> Wording {
    let table = match framework {
        Framework::ServiceStack => &SERVICE_STACK,
        Framework::WebApi => &WEB_API,
    };
    table[violation as usize]
}

/// The code of `violation` in `framework`.
pub const fn code(framework: Framework, violation: Violation) -> &'static str {
    wording(framework, violation).code
}

/// What a field of `kind` expects, for `TypeMismatch` messages (`{ExpectedType}`).
pub const fn expected_type(kind: Kind) -> &'static str {
    match kind {
        Kind::String => "a string",
        Kind::Int32 => "a whole number between -2147483648 and 2147483647",
        Kind::Money => "a decimal number",
        Kind::Bool => "true or false",
        Kind::DateTime => "a date in the form YYYY-MM-DD",
        Kind::Map => "an object whose values are strings",
    }
}

/// The code of a request-level error.
pub const fn request_code(framework: Framework) -> &'static str {
    match framework {
        // What ServiceStack answers for a body it cannot deserialize.
        Framework::ServiceStack => "SerializationException",
        Framework::WebApi => "InvalidRequest",
    }
}

/// The message of a request-level error (the same words for both frameworks).
pub const fn request_message(error: RequestError) -> &'static str {
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

/// Fills `template` into `out`: each `{Name}` by `fill(Name)`. A name `fill` does not know
/// stays as written, braces included (never silently empty; the tests keep it from happening).
pub fn render(
    template: &str,
    out: &mut String,
    mut fill: impl FnMut(crate::table::Placeholder, &mut String) -> bool,
) {
    // Braces are ASCII: every index found below is a character boundary.
    let mut rest = template;
    while let Some(open) = crate::text::find(rest, b'{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let tail = rest.get(open..).unwrap_or_default();
        let Some(close) = crate::text::find(tail, b'}') else {
            out.push_str(tail);
            return;
        };
        let name = tail.get(1..close).unwrap_or_default();
        let known = crate::table::Placeholder::named(name).is_some_and(|p| fill(p, out));
        if !known {
            out.push_str(tail.get(..=close).unwrap_or_default());
        }
        rest = tail.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// The placeholders `template` uses, in order (with repeats). (For tests: the languages' tests
/// hold their templates to the same placeholders.)
#[cfg(test)]
pub(crate) fn placeholders_of(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open + 1..).unwrap_or("");
        let Some(close) = tail.find('}') else { break };
        found.push(tail.get(..close).unwrap_or(""));
        rest = tail.get(close + 1..).unwrap_or("");
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Placeholder;

    /// Every template uses only placeholders its violation fills (or `PropertyName`); every
    /// placeholder a violation fills is used by some framework's template; every violation
    /// has a code and a template in every framework.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn templates_use_exactly_what_violations_fill() {
        for violation in Violation::ALL {
            let filled = violation.placeholders();
            let mut used_somewhere = Vec::new();
            for framework in Framework::ALL {
                let wording = wording(framework, violation);
                assert!(!wording.code.is_empty(), "{framework:?} {violation:?}");
                for name in placeholders_of(wording.template) {
                    let placeholder = Placeholder::named(name).unwrap_or_else(|| {
                        panic!("{framework:?} {violation:?}: unknown placeholder {{{name}}}")
                    });
                    assert!(
                        placeholder == Placeholder::PropertyName || filled.contains(&placeholder),
                        "{framework:?} {violation:?}: {{{name}}} is not filled"
                    );
                    used_somewhere.push(placeholder);
                }
                assert!(
                    placeholders_of(wording.template).contains(&"PropertyName"),
                    "{framework:?} {violation:?} names its field"
                );
            }
            for placeholder in filled {
                assert!(
                    used_somewhere.contains(placeholder),
                    "{violation:?} fills {placeholder:?}, which no template uses"
                );
            }
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_placeholder_is_known_by_its_name() {
        for placeholder in Placeholder::ALL {
            assert_eq!(Placeholder::named(placeholder.as_str()), Some(placeholder));
        }
        assert_eq!(Placeholder::named("propertyName"), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn render_fills_known_placeholders_and_keeps_the_rest() {
        let mut out = String::new();
        render(
            "'{PropertyName}' > '{ComparisonValue}' {Nope} {",
            &mut out,
            |p, out| {
                match p {
                    Placeholder::PropertyName => out.push_str("Amount"),
                    Placeholder::ComparisonValue => out.push('0'),
                    _ => return false,
                }
                true
            },
        );
        assert_eq!(out, "'Amount' > '0' {Nope} {");
    }
}
