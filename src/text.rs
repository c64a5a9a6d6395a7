//! Text helpers on ASCII delimiters, found byte by byte (core's char searchers carry panics whose messages would link `core::fmt` into the wasm module).

/// The index of the first `byte` (ASCII) in `text`.
pub(crate) fn find(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// `text` split around its first `byte` (ASCII).
pub(crate) fn split_once(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = find(text, byte)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The pieces of `text` between `byte`s (ASCII), in order.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn split(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    core::iter::from_fn(move || {
        let current = rest?;
        match split_once(current, byte) {
            Some((piece, after)) => {
                rest = Some(after);
                Some(piece)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `text` without surrounding whitespace, as `str::trim`; answered without decoding a character
/// when `text` starts and ends with visible ASCII (as nearly every value does).
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// `text` without leading `byte`s (ASCII), as `trim_start_matches`.
pub(crate) fn trim_start_byte(text: &str, byte: u8) -> &str {
    let leading = text.bytes().take_while(|&b| b == byte).count();
    text.get(leading..).unwrap_or_default()
}

/// `text` without trailing `byte`s (ASCII), as `trim_end_matches`.
pub(crate) fn trim_end_byte(text: &str, byte: u8) -> &str {
    let trailing = text.bytes().rev().take_while(|&b| b == byte).count();
    text.get(..text.len() - trailing).unwrap_or_default()
}

/// `text` without one leading `+` or `-`.
pub(crate) fn unsigned(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(b'+' | b'-') => text.get(1..).unwrap_or_default(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn trims_as_str_does() {
        for text in [
            "", "0", "00", "a", "0a0", "007", "700", "0é0", "😀00", "000.000",
        ] {
            assert_eq!(
                trim_start_byte(text, b'0'),
                text.trim_start_matches('0'),
                "{text}"
            );
            assert_eq!(
                trim_end_byte(text, b'0'),
                text.trim_end_matches('0'),
                "{text}"
            );
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn splits_as_str_does() {
        for text in ["", "a", "a.b", ".b", "a.", "é.😀.x", "..", "a.b.c"] {
            assert_eq!(split_once(text, b'.'), text.split_once('.'), "{text}");
            assert_eq!(
                split(text, b'.').collect::<Vec<_>>(),
                text.split('.').collect::<Vec<_>>(),
                "{text}"
            );
            assert_eq!(find(text, b'.'), text.find('.'), "{text}");
        }
        assert_eq!(unsigned("-1"), "1");
        assert_eq!(unsigned("+-1"), "-1");
        assert_eq!(unsigned("é"), "é");
    }
}
