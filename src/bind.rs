//! Binding: which input key feeds which field, and how each field's input converts to its typed value.
//!
//! Both readers feed [`Slots`]; [`convert`] turns one slot into a [`Value`] or a type error.
//! These are the spec's section 1 rules, written once for both runtimes.

use std::borrow::Cow;

use crate::rules::{RuleError, Violation};

use crate::dto::{Field, Kind, MapView};
use crate::input::Input;
use crate::number::js_number_text;
use crate::types::{DateTime, Money};

/// A field's value after conversion, before the DTO's view is assembled; text stays borrowed.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    None,
    String(Cow<'a, str>),
    Int32(i32),
    Money(Money),
    Bool(bool),
    DateTime(DateTime),
    Map(MapView<'a>),
}

/// The input value chosen for each field of a DTO, by field index.
///
/// Keys match field names case-insensitively (ASCII); when several keys match one field the
/// later one wins. A repeat of the very same key keeps its first position and takes the later
/// value, as `JSON.parse` builds an object, so JSON bytes bind exactly as the parsed JS object.
pub(crate) struct Slots<'a> {
    fields: &'static [Field],
    values: Vec<Input<'a>>,
    /// The key that last took each field (`offer` only), by field index.
    winners: Vec<Option<Cow<'a, str>>>,
    /// Keys that held a field before a different key took it, with the field's index.
    displaced: Vec<(usize, Cow<'a, str>)>,
    /// Bit `i` of `by_length[n]`: field `i`'s name is `n` bytes long (`n` capped at
    /// `LONG_NAME`), so a key is compared with the few names of its length only.
    by_length: [u32; LONG_NAME + 1],
}

/// Names of this many bytes or more share the last `by_length` entry.
const LONG_NAME: usize = 32;

impl<'a> Slots<'a> {
    pub(crate) fn new(fields: &'static [Field]) -> Slots<'a> {
        let mut by_length = [0u32; LONG_NAME + 1];
        for (index, field) in fields.iter().enumerate().take(32) {
            if let Some(names) = by_length.get_mut(field.name.len().min(LONG_NAME)) {
                *names |= 1 << index;
            }
        }
        Slots {
            fields,
            values: std::iter::repeat_with(|| Input::Null)
                .take(fields.len())
                .collect(),
            winners: Vec::new(),
            displaced: Vec::new(),
            by_length,
        }
    }

    /// The index of the field `key` names, if any.
    pub(crate) fn field_index(&self, key: &str) -> Option<usize> {
        if self.fields.len() > 32 {
            return field_index(self.fields, key);
        }
        let mut names = *self.by_length.get(key.len().min(LONG_NAME))?;
        while names != 0 {
            let index = names.trailing_zeros() as usize;
            let name = self.fields.get(index)?.name;
            // Most clients send the canonical case: an exact comparison settles it.
            if name == key || name.eq_ignore_ascii_case(key) {
                return Some(index);
            }
            names &= names - 1;
        }
        None
    }

    /// Offers `value` under `key` (which names field `index`) as the field's input.
    pub(crate) fn offer(&mut self, index: usize, key: Cow<'a, str>, value: Input<'a>) {
        if self.winners.is_empty() {
            self.winners.resize_with(self.fields.len(), || None);
        }
        let Some(winner) = self.winners.get_mut(index) else {
            return;
        };
        match winner {
            // The first key of this field, or the winning key again (it keeps its place, the
            // last among the field's keys, and takes the new value).
            None => *winner = Some(key),
            Some(won) if *won == key => {}
            // An earlier key again: it keeps its first place, before the winner's.
            Some(_) if self.displaced.iter().any(|(i, k)| *i == index && *k == key) => return,
            // A new key: it comes last, so it wins.
            Some(won) => {
                let old = std::mem::replace(won, key);
                self.displaced.push((index, old));
            }
        }
        set(&mut self.values, index, value);
    }

    /// Sets field `index` to `value` whatever keys were offered (a field edited in a form).
    pub(crate) fn set(&mut self, index: usize, value: Input<'a>) {
        set(&mut self.values, index, value);
    }

    pub(crate) fn into_values(self) -> Vec<Input<'a>> {
        self.values
    }
}

/// The index of the field of `fields` that `key` names (ASCII case-insensitively), if any.
pub(crate) fn field_index(fields: &[Field], key: &str) -> Option<usize> {
    let first = key.as_bytes().first()?.to_ascii_lowercase();
    fields.iter().position(|field| {
        // Length and first letter rule out almost every field before the full comparison.
        let name = field.name.as_bytes();
        name.len() == key.len()
            && name.first().map(u8::to_ascii_lowercase) == Some(first)
            && field.name.eq_ignore_ascii_case(key)
    })
}

fn set<'a>(values: &mut [Input<'a>], index: usize, value: Input<'a>) {
    if let Some(slot) = values.get_mut(index) {
        *slot = value;
    }
}

/// The type error of a field: code `TypeMismatch`; the message names what the field expects.
pub(crate) fn type_mismatch() -> Violation {
    Violation::new("TypeMismatch")
}

/// Converts a field's input to its typed value, or to the field's one conversion error.
pub(crate) fn convert(kind: Kind, input: Input<'_>) -> Result<Value<'_>, Violation> {
    if matches!(input, Input::Null) {
        return Ok(Value::None);
    }
    match kind {
        Kind::String => to_string(input)
            .map(Value::String)
            .ok_or_else(type_mismatch),
        Kind::Int32 => scalar(input, to_int32).map(|v| v.map_or(Value::None, Value::Int32)),
        Kind::Money => scalar(input, to_money).map(|v| v.map_or(Value::None, Value::Money)),
        Kind::Bool => scalar(input, to_bool).map(|v| v.map_or(Value::None, Value::Bool)),
        Kind::DateTime => match input {
            Input::Text(text) if text.trim().is_empty() => Ok(Value::None),
            Input::Text(text) => DateTime::parse(&text)
                .map(Value::DateTime)
                .ok_or_else(|| Violation::new("Date")),
            _ => Err(type_mismatch()),
        },
        Kind::Map => to_map(input).map(Value::Map).ok_or_else(type_mismatch),
    }
}

/// A string field: text as is; a number or boolean as its JSON text.
fn to_string(input: Input<'_>) -> Option<Cow<'_, str>> {
    match input {
        Input::Text(text) => Some(text),
        Input::Number(n) if n.is_finite() => Some(Cow::Owned(js_number_text(n))),
        Input::Bool(b) => Some(Cow::Borrowed(if b { "true" } else { "false" })),
        _ => None,
    }
}

/// A number, boolean or date field: a blank string is no value; other strings parse.
fn scalar<T>(input: Input<'_>, parse: fn(Input<'_>) -> Option<T>) -> Result<Option<T>, Violation> {
    match input {
        Input::Text(text) if text.trim().is_empty() => Ok(None),
        input => parse(input).map(Some).ok_or_else(type_mismatch),
    }
}

fn to_int32(input: Input<'_>) -> Option<i32> {
    match input {
        Input::Number(n)
            if n.fract() == 0.0 && (-2_147_483_648.0..=2_147_483_647.0).contains(&n) =>
        {
            Some(n as i32)
        }
        Input::Text(text) => {
            let text = text.trim();
            let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
            if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Leading zeros are allowed, so parse through i64 after trimming them.
            let digits = unsigned.trim_start_matches('0');
            if digits.len() > 10 {
                return None;
            }
            let magnitude: i64 = if digits.is_empty() {
                0
            } else {
                digits.parse().ok()?
            };
            let value = if text.starts_with('-') {
                -magnitude
            } else {
                magnitude
            };
            i32::try_from(value).ok()
        }
        _ => None,
    }
}

fn to_money(input: Input<'_>) -> Option<Money> {
    match input {
        Input::Number(n) => Money::from_number(n),
        // Blank strings were handled by `scalar`, so `Ok(None)` cannot occur here.
        Input::Text(text) => Money::from_text(&text).ok().flatten(),
        _ => None,
    }
}

fn to_bool(input: Input<'_>) -> Option<bool> {
    match input {
        Input::Bool(b) => Some(b),
        Input::Text(text) if text.trim().eq_ignore_ascii_case("true") => Some(true),
        Input::Text(text) if text.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// A map field: an object whose values are strings (numbers and booleans as their JSON text,
/// null kept as no value); any object or array inside makes the whole map a type error.
fn to_map(input: Input<'_>) -> Option<MapView<'_>> {
    let Input::Object(entries) = input else {
        return None;
    };
    let mut map = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let value = match value {
            Input::Null => None,
            value => Some(to_string(value)?),
        };
        map.push((key, value));
    }
    Some(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(kind: Kind, input: Input<'_>, expected: Result<Value, &str>) {
        let got = convert(kind, input.clone()).map_err(|e| e.code.into_owned());
        assert_eq!(
            got,
            expected.map_err(str::to_owned),
            "{kind:?} from {input:?}"
        );
    }

    fn text(s: &str) -> Input<'_> {
        Input::Text(Cow::Borrowed(s))
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn int32_accepts_whole_numbers_and_integer_strings() {
        check(Kind::Int32, Input::Number(12.0), Ok(Value::Int32(12)));
        check(Kind::Int32, Input::Number(1e3), Ok(Value::Int32(1000)));
        check(
            Kind::Int32,
            Input::Number(-2147483648.0),
            Ok(Value::Int32(i32::MIN)),
        );
        check(Kind::Int32, text(" +0012 "), Ok(Value::Int32(12)));
        check(Kind::Int32, text("-2147483648"), Ok(Value::Int32(i32::MIN)));
        check(Kind::Int32, text("   "), Ok(Value::None));
        check(Kind::Int32, text(""), Ok(Value::None));
        for bad in [
            text("2147483648"),
            text("12.0"),
            text("1e3"),
            text("abc"),
            text("+"),
            text("00000000000000000000009x"),
        ] {
            check(Kind::Int32, bad, Err("TypeMismatch"));
        }
        for bad in [
            Input::Number(12.5),
            Input::Number(2147483648.0),
            Input::Number(f64::NAN),
            Input::Bool(true),
            Input::Array,
        ] {
            check(Kind::Int32, bad, Err("TypeMismatch"));
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn strings_take_numbers_and_booleans_as_json_text() {
        check(
            Kind::String,
            Input::Number(1e21),
            Ok(Value::String("1e+21".into())),
        );
        check(
            Kind::String,
            Input::Bool(false),
            Ok(Value::String("false".into())),
        );
        check(Kind::String, text(""), Ok(Value::String(Cow::Borrowed(""))));
        check(Kind::String, Input::Object(vec![]), Err("TypeMismatch"));
        check(Kind::String, Input::Unsupported, Err("TypeMismatch"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn bools_and_dates() {
        check(Kind::Bool, text(" TRUE "), Ok(Value::Bool(true)));
        check(Kind::Bool, text("False"), Ok(Value::Bool(false)));
        check(Kind::Bool, text("yes"), Err("TypeMismatch"));
        check(Kind::Bool, Input::Number(1.0), Err("TypeMismatch"));
        check(Kind::DateTime, text("2023-02-29"), Err("Date"));
        check(
            Kind::DateTime,
            Input::Number(20230228.0),
            Err("TypeMismatch"),
        );
        check(Kind::DateTime, text(" "), Ok(Value::None));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn maps_hold_text_values() {
        let entries = vec![
            (Cow::Borrowed("a"), Input::Number(1.5)),
            (Cow::Borrowed("b"), Input::Null),
        ];
        let expected = vec![
            (Cow::Borrowed("a"), Some(Cow::Borrowed("1.5"))),
            (Cow::Borrowed("b"), None),
        ];
        check(Kind::Map, Input::Object(entries), Ok(Value::Map(expected)));
        check(
            Kind::Map,
            Input::Object(vec![(Cow::Borrowed("a"), Input::Array)]),
            Err("TypeMismatch"),
        );
        check(Kind::Map, text("x"), Err("TypeMismatch"));
    }

    /// The by-length lookup finds what a scan of every field finds, for every DTO.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn field_lookup_agrees_with_a_scan() {
        for dto in crate::DtoName::ALL {
            let slots = Slots::new(dto.fields());
            for field in dto.fields() {
                let name = field.name;
                for key in [
                    name.to_owned(),
                    name.to_ascii_uppercase(),
                    name.to_ascii_lowercase(),
                    format!("{name}x"),
                    name.get(1..).unwrap_or_default().to_owned(),
                    field.csharp.to_owned(),
                    field.rust.to_owned(),
                    "x".repeat(40),
                ] {
                    assert_eq!(
                        slots.field_index(&key),
                        field_index(dto.fields(), &key),
                        "{dto} {key}"
                    );
                }
            }
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn later_keys_win_and_repeated_keys_keep_their_place() {
        const FIELDS: &[Field] = &[Field {
            name: "firstName",
            csharp: "FirstName",
            rust: "first_name",
            kind: Kind::String,
        }];
        let mut slots = Slots::new(FIELDS);
        assert_eq!(slots.field_index("FIRSTNAME"), Some(0));
        assert_eq!(slots.field_index("first_name"), None);
        // {"firstName": "x", "FirstName": "y", "firstName": "z"} parses to {firstName: "z", FirstName: "y"}.
        slots.offer(0, "firstName".into(), text("x"));
        slots.offer(0, "FirstName".into(), text("y"));
        slots.offer(0, "firstName".into(), text("z"));
        assert_eq!(slots.into_values(), vec![text("y")]);
    }
}
