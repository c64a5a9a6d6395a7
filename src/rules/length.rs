//! `MaxLength`: a maximum length counted in UTF-16 code units, as .NET, JavaScript and HTML `maxlength` count.

use super::RuleError;

/// At most `MAX` UTF-16 code units ("😀" is 2). `validator`'s own `length` counts chars.
pub fn max_utf16_len<const MAX: usize, E: RuleError>(value: &str) -> Result<(), E> {
    let length = value.encode_utf16().count();
    if length <= MAX {
        return Ok(());
    }
    Err(E::new("MaxLength").with("max", MAX).with("actual", length))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};
    use crate::rules::{Param, Violation};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn counts_utf16_units() {
        check_ok(
            max_utf16_len::<4, _>,
            &[
                "",
                "abcd",
                "😀😀",
                "é€ab",
                "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
            ],
        );
        check_fail(
            max_utf16_len::<4, _>,
            "MaxLength",
            &["abcde", "😀😀a", "😀😀😀"],
        );
        assert_eq!(
            max_utf16_len::<1, Violation>("😀").map_err(|e| e.param("actual").cloned()),
            Err(Some(Param::Int(2)))
        );
    }
}
