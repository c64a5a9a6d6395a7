//! `MaxLength`: a maximum length counted in UTF-16 code units, as .NET, JavaScript and HTML `maxlength` count.

/// At most `max` UTF-16 code units ("😀" is 2). (`validator`'s own `length` counts chars.)
#[inline(always)]
pub fn holds(value: &str, max: u32) -> bool {
    // UTF-8 never takes fewer bytes than UTF-16 takes units: a text that short passes unmeasured.
    value.len() <= max as usize || utf16_len(value) <= max as usize
}

/// The length of `value` in UTF-16 code units.
pub fn utf16_len(value: &str) -> usize {
    if value.is_ascii() {
        return value.len();
    }
    value.chars().map(char::len_utf16).sum()
}

/// For `validator`'s derive: `#[validate(custom(function = max_length::<10>, code = ..))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn max_length<const MAX: u32>(value: &str) -> Result<(), validator::ValidationError> {
    super::verdict(holds(value, MAX), "MaxLength")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn counts_utf16_units() {
        let four = |value: &str| holds(value, 4);
        check_ok(
            four,
            &[
                "",
                "abcd",
                "😀😀",
                "é€ab",
                "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
            ],
        );
        check_fail(four, &["abcde", "😀😀a", "😀😀😀"]);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(utf16_len("é€a"), 3);
    }
}
