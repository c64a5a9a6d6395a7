//! `NotBlank`: DataAnnotations' `[Required]` on text also rejects "" and whitespace-only strings.

/// Not empty and not only whitespace. (The missing value is `required`'s.)
#[inline(always)]
pub fn holds(value: &str) -> bool {
    !crate::text::trim(value).is_empty()
}

/// For `validator`'s derive: `#[validate(custom(function = not_blank, code = ..))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn not_blank(value: &str) -> Result<(), validator::ValidationError> {
    super::verdict(holds(value), "NotEmpty")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn rejects_blank_text() {
        check_ok(holds, &["a", " a ", "0"]);
        check_fail(holds, &["", " ", "\t\n", "\u{3000}"]);
    }
}
