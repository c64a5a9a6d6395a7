//! `MaxLength`: a maximum length counted in UTF-16 code units, as .NET, JavaScript and HTML `maxlength` count.

use validator::ValidationError;

/// At most `MAX` UTF-16 code units ("😀" is 2). `validator`'s own `length` counts chars.
pub fn max_utf16_len<const MAX: usize>(value: &str) -> Result<(), ValidationError> {
    let length = value.encode_utf16().count();
    if length <= MAX {
        return Ok(());
    }
    let mut error = ValidationError::new("MaxLength");
    super::param(&mut error, "max", MAX as u64);
    super::param(&mut error, "actual", length as u64);
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn counts_utf16_units() {
        check_ok(
            max_utf16_len::<4>,
            &[
                "",
                "abcd",
                "😀😀",
                "é€ab",
                "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
            ],
        );
        check_fail(
            max_utf16_len::<4>,
            "MaxLength",
            &["abcde", "😀😀a", "😀😀😀"],
        );
        assert_eq!(
            max_utf16_len::<1>("😀").map_err(|e| e.params["actual"].clone()),
            Err(2.into())
        );
    }
}
