//! Binding: which input key feeds which field (`Slots`), and how each field's input converts to its typed value (`convert`).
//!
//! Every reader feeds [`Slots`]; [`convert`] turns one slot into a [`Value`] or a type error.
//! These are the spec's section 1 rules, written once for every runtime and every DTO.

use crate::alloc_prelude::*;

use alloc::borrow::Cow;

use crate::input::{Entry, Input};
use crate::number::js_number_text;
use crate::table::{DtoTable, Kind, Violation};
use crate::types::{DateTime, Money};

/// A field's value after conversion; text stays borrowed from the input where it can.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Text(Cow<'a, str>),
    Int32(i32),
    Money(Money),
    Bool(bool),
    DateTime(DateTime),
    /// A map's entries (every value null or a scalar). No rule reads them; they become the
    /// owned map of a valid request. (`check` on an owned DTO passes none.)
    Map(&'a [Entry<'a>]),
}

impl Value<'_> {
    /// The value as a number, for comparisons: int32 and money only.
    #[inline(always)]
    pub(crate) fn number(&self) -> Option<f64> {
        match self {
            Value::Int32(n) => Some(f64::from(*n)),
            Value::Money(money) => Some(money.value()),
            _ => None,
        }
    }
}

/// The input chosen for each field of a DTO, by field index, and the entries of object values.
///
/// Keys match field names case-insensitively (ASCII); when several keys match one field the
/// later one wins. A repeat of the very same key keeps its first position and takes the later
/// value, as `JSON.parse` builds an object, so JSON bytes bind exactly as the parsed JS object.
pub(crate) struct Slots<'a> {
    pub(crate) table: &'static DtoTable,
    /// Per field, by index: its input.
    slots: Vec<Slot<'a>>,
    /// Keys that held a field before a different key took it, with the field's index.
    displaced: Vec<(usize, Cow<'a, str>)>,
    /// The entries of every object value, in order (`Input::Object` holds a range of them).
    pub(crate) entries: Vec<Entry<'a>>,
    /// The field after the last one a key named: where the next key is looked for first.
    next: usize,
}

/// A field's input, and the key that last gave it one (`offer` only: JSON text and forms).
struct Slot<'a> {
    input: Input<'a>,
    key: Option<Cow<'a, str>>,
}

impl<'a> Slots<'a> {
    pub(crate) fn new(table: &'static DtoTable) -> Slots<'a> {
        let fields = table.fields.len();
        Slots {
            table,
            slots: core::iter::repeat_with(|| Slot {
                input: Input::Null,
                key: None,
            })
            .take(fields)
            .collect(),
            displaced: Vec::new(),
            entries: Vec::new(),
            next: 0,
        }
    }

    /// The index of the field `key` names, if any. Clients mostly send fields in declaration
    /// order (some left out): the search starts after the field the last key named.
    pub(crate) fn field_index(&mut self, key: &str) -> Option<usize> {
        let index = field_index_from(self.table, key, self.next)?;
        self.next = index + 1;
        Some(index)
    }

    /// Offers `value` under `key` (which names field `index`) as the field's input, with the
    /// repeated-key rules of JSON text (see the type's doc).
    pub(crate) fn offer(&mut self, index: usize, key: Cow<'a, str>, value: Input<'a>) {
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        match &mut slot.key {
            // The first key of this field, or the winning key again (it keeps its place, the
            // last among the field's keys, and takes the new value).
            winner @ None => *winner = Some(key),
            Some(won) if *won == key => {}
            // An earlier key again: it keeps its first place, before the winner's.
            Some(_) if self.displaced.iter().any(|(i, k)| *i == index && *k == key) => return,
            // A new key: it comes last, so it wins.
            Some(won) => {
                let old = core::mem::replace(won, key);
                self.displaced.push((index, old));
            }
        }
        slot.input = value;
    }

    /// Sets field `index` to `value` whatever keys were offered (a JS object, whose keys never
    /// repeat, so the later matching key simply wins; or a field edited in a form).
    #[inline(always)]
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn set(&mut self, index: usize, value: Input<'a>) {
        if let Some(slot) = self.slots.get_mut(index) {
            slot.input = value;
        }
    }

    /// Appends the entries of an object value; returns its `Input::Object`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn object(&mut self, entries: impl IntoIterator<Item = Entry<'a>>) -> Input<'a> {
        let start = self.entries.len();
        self.entries.extend(entries);
        Input::Object(index32(start)..index32(self.entries.len()))
    }

    /// Each field's input, in field order.
    pub(crate) fn inputs(&self) -> impl Iterator<Item = &Input<'a>> {
        self.slots.iter().map(|slot| &slot.input)
    }

    /// The entries of an `Input::Object`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn entries_of(&self, range: &core::ops::Range<u32>) -> &[Entry<'a>] {
        self.entries
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn index32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The index of the field of `table` that `key` names (ASCII case-insensitively), if any.
/// (`#[dto]` rejects names that differ only in case, so at most one field matches.)
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn field_index(table: &DtoTable, key: &str) -> Option<usize> {
    field_index_from(table, key, 0)
}

/// [`field_index`], looking from field `start` on, then from the first.
fn field_index_from(table: &DtoTable, key: &str, start: usize) -> Option<usize> {
    let fields = table.fields;
    let mut index = start;
    for _ in 0..fields.len() {
        if index >= fields.len() {
            index = 0;
        }
        if fields
            .get(index)
            .is_some_and(|field| names(field.name, key))
        {
            return Some(index);
        }
        index += 1;
    }
    None
}

/// Whether `key` names the field called `name`: ASCII case-insensitively. The length rules
/// out most fields; most clients send the declared case, which an exact comparison settles.
#[inline(always)]
fn names(name: &str, key: &str) -> bool {
    name.len() == key.len() && (name == key || name.eq_ignore_ascii_case(key))
}

/// Converts a field's input to its typed value (`None`: no value), or to the field's one
/// conversion error (`TypeMismatch`, or `Date` for text that is not a date).
pub(crate) fn convert<'b>(
    kind: Kind,
    input: &'b Input<'b>,
    entries: &'b [Entry<'b>],
) -> Result<Option<Value<'b>>, Violation> {
    if matches!(input, Input::Null) {
        return Ok(None);
    }
    let value = match kind {
        Kind::String => Value::Text(to_string(input).ok_or(Violation::TypeMismatch)?),
        Kind::Int32 => match scalar(input, to_int32)? {
            Some(n) => Value::Int32(n),
            None => return Ok(None),
        },
        Kind::Money => match scalar(input, to_money)? {
            Some(money) => Value::Money(money),
            None => return Ok(None),
        },
        Kind::Bool => match scalar(input, to_bool)? {
            Some(b) => Value::Bool(b),
            None => return Ok(None),
        },
        Kind::DateTime => match input {
            Input::Text(text) if crate::text::trim(text).is_empty() => return Ok(None),
            Input::Text(text) => Value::DateTime(DateTime::parse(text).ok_or(Violation::Date)?),
            _ => return Err(Violation::TypeMismatch),
        },
        Kind::Map => match input {
            Input::Object(range) => {
                let entries = entries
                    .get(range.start as usize..range.end as usize)
                    .unwrap_or_default();
                if !entries.iter().all(|(_, value)| is_map_value(value)) {
                    return Err(Violation::TypeMismatch);
                }
                Value::Map(entries)
            }
            _ => return Err(Violation::TypeMismatch),
        },
    };
    Ok(Some(value))
}

/// Whether a map may hold `value`: text, as null, a string, a finite number or a boolean;
/// nothing deeper. (A map's verdict is that every value is one: entries that are change nothing.)
#[inline(always)]
pub(crate) fn is_map_value(value: &Input<'_>) -> bool {
    matches!(value, Input::Null | Input::Bool(_) | Input::Text(_))
        || matches!(value, Input::Number(n) if n.is_finite())
}

/// A string field: text as is; a number or boolean as its JSON text.
#[inline(always)]
pub(crate) fn to_string<'b>(input: &'b Input<'_>) -> Option<Cow<'b, str>> {
    match input {
        Input::Text(text) => Some(Cow::Borrowed(text.as_ref())),
        Input::Number(n) if n.is_finite() => Some(Cow::Owned(js_number_text(*n))),
        Input::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        _ => None,
    }
}

/// A number, boolean or date field: a blank string is no value; other strings parse.
#[inline(always)]
fn scalar<T>(
    input: &Input<'_>,
    parse: fn(&Input<'_>) -> Option<T>,
) -> Result<Option<T>, Violation> {
    match input {
        Input::Text(text) if crate::text::trim(text).is_empty() => Ok(None),
        input => parse(input).map(Some).ok_or(Violation::TypeMismatch),
    }
}

#[inline(always)]
fn to_int32(input: &Input<'_>) -> Option<i32> {
    match *input {
        Input::Number(n)
            if crate::number::fract(n) == 0.0
                && (-2_147_483_648.0..=2_147_483_647.0).contains(&n) =>
        {
            Some(n as i32)
        }
        Input::Text(ref text) => {
            let text = crate::text::trim(text);
            let negative = text.starts_with('-');
            let unsigned = crate::text::unsigned(text);
            if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Leading zeros are allowed: count the digits after them.
            let digits = crate::text::trim_start_byte(unsigned, b'0');
            if digits.len() > 10 {
                return None;
            }
            let magnitude = digits
                .bytes()
                .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
            i32::try_from(if negative { -magnitude } else { magnitude }).ok()
        }
        _ => None,
    }
}

#[inline(always)]
fn to_money(input: &Input<'_>) -> Option<Money> {
    match input {
        Input::Number(n) => Money::from_number(*n),
        // Blank strings were handled by `scalar`, so `Ok(None)` cannot occur here.
        Input::Text(text) => Money::from_text(text).ok().flatten(),
        _ => None,
    }
}

#[inline(always)]
fn to_bool(input: &Input<'_>) -> Option<bool> {
    match input {
        Input::Bool(b) => Some(*b),
        Input::Text(text) if crate::text::trim(text).eq_ignore_ascii_case("true") => Some(true),
        Input::Text(text) if crate::text::trim(text).eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(kind: Kind, input: Input<'_>, expected: Result<Option<Value<'_>>, Violation>) {
        let got = convert(kind, &input, &[]);
        assert_eq!(got, expected, "{kind:?} from {input:?}");
    }

    fn text(s: &str) -> Input<'_> {
        Input::Text(Cow::Borrowed(s))
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn keys_find_their_field_in_any_order_and_case() {
        use crate::table::test_tables::{field, table};
        const TABLE: DtoTable = table(&[
            field("amount", Kind::String),
            field("payerEmail", Kind::String),
            field("reason", Kind::String),
            field("Reason2", Kind::String),
            field("note", Kind::String),
        ]);
        // Keys in one request, one after another: declaration order, then any order and case
        // (the next field is tried first, then every field).
        let mut slots = Slots::new(&TABLE);
        for (key, expected) in [
            ("amount", Some(0)),
            ("payerEmail", Some(1)),
            ("reason", Some(2)),
            ("note", Some(4)),
            ("REASON2", Some(3)),
            ("reason2", Some(3)),
            ("Note", Some(4)),
            ("AMOUNT", Some(0)),
            ("payeremail", Some(1)),
            ("amounts", None),
            ("", None),
            ("ämount", None),
            ("reason", Some(2)),
        ] {
            assert_eq!(slots.field_index(key), expected, "{key}");
            assert_eq!(field_index(&TABLE, key), expected, "{key}");
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn int32_accepts_whole_numbers_and_integer_strings() {
        let int = |n| Ok(Some(Value::Int32(n)));
        check(Kind::Int32, Input::Number(12.0), int(12));
        check(Kind::Int32, Input::Number(1e3), int(1000));
        check(Kind::Int32, Input::Number(-2147483648.0), int(i32::MIN));
        check(Kind::Int32, text(" +0012 "), int(12));
        check(Kind::Int32, text("-2147483648"), int(i32::MIN));
        check(Kind::Int32, text("-0"), int(0));
        check(Kind::Int32, text("   "), Ok(None));
        check(Kind::Int32, text(""), Ok(None));
        for bad in [
            text("2147483648"),
            text("12.0"),
            text("1e3"),
            text("abc"),
            text("+"),
            text("--1"),
            text("00000000000000000000009x"),
            Input::Number(12.5),
            Input::Number(2147483648.0),
            Input::Number(f64::NAN),
            Input::Bool(true),
            Input::Array,
        ] {
            check(Kind::Int32, bad, Err(Violation::TypeMismatch));
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn strings_take_numbers_and_booleans_as_json_text() {
        let string = |s: &'static str| Ok(Some(Value::Text(Cow::Borrowed(s))));
        check(Kind::String, Input::Number(1e21), string("1e+21"));
        check(Kind::String, Input::Bool(false), string("false"));
        check(Kind::String, text(""), string(""));
        check(
            Kind::String,
            Input::Object(0..0),
            Err(Violation::TypeMismatch),
        );
        check(
            Kind::String,
            Input::Unsupported,
            Err(Violation::TypeMismatch),
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn bools_and_dates() {
        check(Kind::Bool, text(" TRUE "), Ok(Some(Value::Bool(true))));
        check(Kind::Bool, text("False"), Ok(Some(Value::Bool(false))));
        check(Kind::Bool, text("yes"), Err(Violation::TypeMismatch));
        check(Kind::Bool, Input::Number(1.0), Err(Violation::TypeMismatch));
        check(Kind::DateTime, text("2023-02-29"), Err(Violation::Date));
        check(
            Kind::DateTime,
            Input::Number(20230228.0),
            Err(Violation::TypeMismatch),
        );
        check(Kind::DateTime, text(" "), Ok(None));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn maps_hold_scalar_values() {
        let entries: Vec<Entry<'_>> = vec![
            (Cow::Borrowed("a"), Input::Number(1.5)),
            (Cow::Borrowed("b"), Input::Null),
            (Cow::Borrowed("c"), Input::Array),
        ];
        let good = Input::Object(0..2);
        assert_eq!(
            convert(Kind::Map, &good, &entries),
            Ok(Some(Value::Map(&entries[..2])))
        );
        let bad = Input::Object(0..3);
        assert_eq!(
            convert(Kind::Map, &bad, &entries),
            Err(Violation::TypeMismatch)
        );
        check(Kind::Map, text("x"), Err(Violation::TypeMismatch));
    }
}
