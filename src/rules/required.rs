//! `Required` for strings: DataAnnotations' `[Required]` also rejects "" and whitespace-only text.

use super::RuleError;

/// Not empty and not only whitespace. (`validator`'s `required` covers the missing value.)
pub fn not_blank<E: RuleError>(value: &str) -> Result<(), E> {
    if value.trim().is_empty() {
        Err(E::new("Required"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn rejects_blank_text() {
        check_ok(not_blank, &["a", " a ", "0"]);
        check_fail(not_blank, "Required", &["", " ", "\t\n", "\u{3000}"]);
    }
}
