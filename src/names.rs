//! Display names: FluentValidation's `SplitPascalCase`, which ServiceStack's messages and `meta.PropertyName` use.

use crate::alloc_prelude::*;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Framework;
    use crate::DtoName;

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

    /// The labels `#[dto]` wrote into every table at compile time are the ones this rule makes.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_label_is_the_frameworks_display_name() {
        for dto in DtoName::ALL {
            for field in dto.fields() {
                // FluentValidation splits the C# name; DataAnnotations uses it as declared.
                let expected = match dto.framework() {
                    Framework::ServiceStack => split_pascal_case(field.csharp),
                    Framework::WebApi => field.csharp.to_owned(),
                };
                assert_eq!(field.label, expected, "{dto}.{}", field.name);
            }
        }
    }
}
