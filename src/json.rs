//! The native reader: JSON bytes into [`Slots`], streaming, accepting exactly what `JSON.parse` accepts.
//!
//! Only the values of keys that name a field are kept, one level deep (a map field's entries);
//! everything else is checked for well-formedness and skipped without recursion, so any depth
//! of nesting is fine (as in `JSON.parse`, and unlike a recursive parser's depth limit).
//! Numbers are read as the nearest double, as `JSON.parse` reads them. A `\u` escape of a lone
//! surrogate becomes U+FFFD, exactly what a JS string with that surrogate becomes when it
//! crosses into wasm, so both runtimes see the same text and the same UTF-16 lengths.

use crate::alloc_prelude::*;

use alloc::borrow::Cow;

use crate::bind::Slots;
use crate::input::{Input, RequestError};
use crate::table::DtoTable;

/// Binds the JSON object in `bytes` to the fields of `table`.
pub(crate) fn bind<'a>(
    bytes: &'a [u8],
    table: &'static DtoTable,
) -> Result<Slots<'a>, RequestError> {
    let mut slots = Slots::new(table);
    bind_into(bytes, &mut slots)?;
    Ok(slots)
}

/// [`bind`] into `slots` (new ones: a `Slots` moved in and out of functions is copied each
/// time, so the wasm boundary keeps its own where it judges them).
pub(crate) fn bind_into<'a>(bytes: &'a [u8], slots: &mut Slots<'a>) -> Result<(), RequestError> {
    let text = core::str::from_utf8(bytes).map_err(|_| RequestError::MalformedJson)?;
    let mut reader = Reader { text, bytes, at: 0 };
    let object = reader.request(slots).ok_or(RequestError::MalformedJson)?;
    reader.skip_whitespace();
    if reader.at != bytes.len() {
        return Err(RequestError::MalformedJson);
    }
    object.then_some(()).ok_or(RequestError::NotAnObject)
}

/// A cursor over JSON text (checked to be UTF-8 as a whole, once), read byte by byte.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

/// `None` everywhere below means "not well-formed JSON".
impl<'a> Reader<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Compact JSON has no whitespace: one test, inline; the loop only when there is some.
    #[inline(always)]
    fn skip_whitespace(&mut self) {
        if matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.skip_whitespace_run();
        }
    }

    fn skip_whitespace_run(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let hit = self.peek() == Some(byte);
        self.at += usize::from(hit);
        hit
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let rest = self.bytes.get(self.at..)?;
        rest.starts_with(word).then(|| self.at += word.len())
    }

    /// The top-level value, its fields offered to `slots`: `Some(true)` for an object,
    /// `Some(false)` for another value.
    fn request(&mut self, slots: &mut Slots<'a>) -> Option<bool> {
        self.skip_whitespace();
        if self.peek() != Some(b'{') {
            self.skip_value()?;
            return Some(false);
        }
        self.object_entries(|reader, key| {
            match slots.field_index(&key) {
                Some(index) => {
                    let value = reader.field_value(slots)?;
                    slots.offer(index, key, value);
                }
                None => reader.skip_value()?,
            }
            Some(())
        })?;
        Some(true)
    }

    /// A field's value: an object's entries (one level) go to `slots`.
    fn field_value(&mut self, slots: &mut Slots<'a>) -> Option<Input<'a>> {
        self.skip_whitespace();
        if self.peek() != Some(b'{') {
            return self.value();
        }
        let start = slots.entries.len();
        self.object_entries(|reader, key| {
            let value = reader.value()?;
            // A repeated key keeps its first place and takes the later value, as in JS.
            let entries = slots.entries.get_mut(start..).unwrap_or_default();
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = value,
                None => slots.entries.push((key, value)),
            }
            Some(())
        })?;
        let range = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Some(Input::Object(range(start)..range(slots.entries.len())))
    }

    /// Reads `{ "key": value, … }`, calling `entry` after each key to read its value.
    fn object_entries(
        &mut self,
        mut entry: impl FnMut(&mut Self, Cow<'a, str>) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            entry(self, key)?;
            self.skip_whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.skip_whitespace();
                }
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A value; an object's entries are not kept (it arrives with none).
    fn value(&mut self) -> Option<Input<'a>> {
        self.skip_whitespace();
        Some(match self.peek()? {
            b'"' => Input::Text(self.string()?),
            b'{' => {
                self.skip_value()?;
                Input::Object(0..0)
            }
            b'[' => {
                self.skip_value()?;
                Input::Array
            }
            b't' => self.literal(b"true").map(|()| Input::Bool(true))?,
            b'f' => self.literal(b"false").map(|()| Input::Bool(false))?,
            b'n' => self.literal(b"null").map(|()| Input::Null)?,
            _ => Input::Number(self.number()?),
        })
    }

    /// Skips one well-formed value of any depth, iteratively.
    fn skip_value(&mut self) -> Option<()> {
        // Open brackets, innermost last: `true` for an object (whose entries need keys).
        let mut open: Vec<bool> = Vec::new();
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b'{' => {
                    self.at += 1;
                    if !self.eat(b'}') {
                        open.push(true);
                        self.skip_whitespace();
                        self.string()?;
                        self.expect(b':')?;
                        continue;
                    }
                }
                b'[' => {
                    self.at += 1;
                    if !self.eat(b']') {
                        open.push(false);
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => {
                    self.number()?;
                }
            }
            // A value is complete: close what it completes, or move to the next entry.
            loop {
                let Some(&in_object) = open.last() else {
                    return Some(());
                };
                if self.eat(b',') {
                    if in_object {
                        self.skip_whitespace();
                        self.string()?;
                        self.expect(b':')?;
                    }
                    break;
                }
                self.expect(if in_object { b'}' } else { b']' })?;
                open.pop();
            }
        }
    }

    /// A JSON number, as the nearest double (`1e400` is Infinity, as in `JSON.parse`).
    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        let digits = |reader: &mut Self| {
            let from = reader.at;
            while reader.peek().is_some_and(|b| b.is_ascii_digit()) {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                digits(self);
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        // The grammar above is a subset of Rust's float syntax; read as the nearest double.
        Some(crate::number::parse_decimal(self.text.get(start..self.at)?))
    }

    /// A JSON string, borrowed when it has no escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let start = self.at;
        self.at += plain_run(self.bytes.get(start..)?);
        let plain = self.text.get(start..self.at)?;
        match self.peek()? {
            b'"' => {
                self.at += 1;
                return Some(Cow::Borrowed(plain));
            }
            b'\\' => {}
            _ => return None, // a control character
        }
        let mut out = String::from(plain);
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    let escaped = *self.bytes.get(self.at + 1)?;
                    self.at += 2;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                _ => {
                    let start = self.at;
                    self.at += plain_run(self.bytes.get(start..)?);
                    if self.at == start {
                        return None; // a control character
                    }
                    out.push_str(self.text.get(start..self.at)?);
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (after `\u`), joining a surrogate pair; a lone
    /// surrogate becomes U+FFFD.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..)?.starts_with(b"\\u") {
            let save = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Some(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.at = save;
        }
        Some(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Option<u32> {
        let hex = self.bytes.get(self.at..self.at + 4)?;
        let mut value = 0;
        for &digit in hex {
            value = value * 16 + char::from(digit).to_digit(16)?;
        }
        self.at += 4;
        Some(value)
    }
}

/// The length of the run of plain string bytes `bytes` starts with: up to the first `"`, `\`
/// or control character. Eight bytes at a time (byte-wise tests on one `u64`), then byte by byte.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // The high bit of each byte of `word` below `n` (n <= 128). Borrows can only mark bytes
    // above a marked one, so the lowest mark is exact.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let special = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if special != 0 {
            return at + (special.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-at-a-time scan stops exactly where a byte-by-byte scan stops.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn plain_runs_end_at_the_first_special_byte() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let length = (crate::xorshift(&mut seed) % 40) as usize;
            let bytes: Vec<u8> = (0..length)
                .map(|_| match crate::xorshift(&mut seed) % 8 {
                    0 => [b'"', b'\\', 0x1f, 0x00, 0x20, 0x7f, 0x80, 0xff]
                        [(crate::xorshift(&mut seed) % 8) as usize],
                    _ => (crate::xorshift(&mut seed) % 256) as u8,
                })
                .collect();
            let expected = bytes
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(bytes.len());
            assert_eq!(plain_run(&bytes), expected, "{bytes:?}");
        }
    }
    use crate::input::Entry;
    use crate::table::test_tables::{field, table};
    use crate::table::Kind;

    const TABLE: DtoTable = table(&[field("a", Kind::String), field("m", Kind::Map)]);

    /// Each field's input, and the entries of object inputs.
    type Bound<'a> = (Vec<Input<'a>>, Vec<Entry<'a>>);

    #[track_caller]
    fn check(json: &str, expected: Result<Bound<'_>, RequestError>) {
        let got = bind(json.as_bytes(), &TABLE)
            .map(|slots| (slots.inputs().cloned().collect(), slots.entries.clone()));
        assert_eq!(got, expected, "{json}");
    }

    fn text(s: &str) -> Input<'_> {
        Input::Text(Cow::Borrowed(s))
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn reads_what_json_parse_reads() {
        check(
            r#" {"a": "x", "A": "y", "b": [1, {"c": []}], "m": {"k": 1e3, "k": null, "n": {"deep": 1}}} "#,
            Ok((
                vec![text("y"), Input::Object(0..2)],
                vec![
                    (Cow::Borrowed("k"), Input::Null),
                    (Cow::Borrowed("n"), Input::Object(0..0)),
                ],
            )),
        );
        check(
            r#"{"a": "\ud83d\ude00 \u00e9 \ud800 \udc00x \" \\ \/ \b\f\n\r\t"}"#,
            Ok((
                vec![
                    Input::Text(Cow::Owned(
                        "😀 é \u{FFFD} \u{FFFD}x \" \\ / \u{8}\u{c}\n\r\t".into(),
                    )),
                    Input::Null,
                ],
                vec![],
            )),
        );
        let one = |input: Input<'static>| Ok((vec![input, Input::Null], vec![]));
        check(r#"{"a": -0.5e-3}"#, one(Input::Number(-0.0005)));
        check(r#"{"a": 1e400}"#, one(Input::Number(f64::INFINITY)));
        check(
            r#"{"a": 123456789012345678901234567890}"#,
            one(Input::Number(1.2345678901234568e29)),
        );
        check("{}", one(Input::Null));
        let deep = format!(
            r#"{{"a": {}1{}, "m": {{}}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        check(&deep, Ok((vec![Input::Array, Input::Object(0..0)], vec![])));
        for other in ["null", "[1, 2]", "\"text\"", "12", "true", " [] "] {
            check(other, Err(RequestError::NotAnObject));
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            " ",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{,}",
            "[1,]",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":1e}",
            "{\"a\":NaN}",
            "{\"a\":'x'}",
            "{\"a\":\"\t\"}",
            "{\"a\":\"\\x\"}",
            "{\"a\":\"\\u12\"}",
            "{\"a\":tru}",
            "{} {}",
            "\u{feff}{}",
            "{\"a\":1}x",
            "{a:1}",
            "[[[]]",
            "{\"b\":[1 2]}",
            "{\"b\":{\"c\" 1}}",
            "{\"b\":{\"c\":1,}}",
        ] {
            check(bad, Err(RequestError::MalformedJson));
        }
        // Bytes that are not UTF-8, in a field's string, a key, a skipped value, an escaped
        // string, or outside any string.
        for bad in [
            &b"{\"a\":\"\xff\"}"[..],
            b"{\"a\xc3\":1}",
            b"{\"x\":[\"\xed\xa0\x80\"]}",
            b"{\"a\":\"\\n\xc3\"}",
            b"{\"a\":1\xc2\xa0}",
        ] {
            assert_eq!(
                bind(bad, &TABLE).map(|_| ()),
                Err(RequestError::MalformedJson),
                "{bad:?}"
            );
        }
        assert_eq!(
            bind("{\"a\":\"é\\n€\"}".as_bytes(), &TABLE)
                .map(|s| s.inputs().cloned().collect::<Vec<_>>()),
            Ok(vec![Input::Text(Cow::Owned("é\n€".into())), Input::Null])
        );
    }
}
