//! The native reader: JSON bytes into [`Slots`], streaming, without building a `serde_json::Value`.
//!
//! Only the values of keys that name a field are kept, one level deep (a map field's entries);
//! everything else is skipped as it is parsed. Numbers are read as the nearest double, exactly
//! as JavaScript's `JSON.parse` reads them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::bind::Slots;
use crate::dto::Field;
use crate::input::{Input, RequestError};

/// Binds the JSON object in `bytes` to `fields`.
pub(crate) fn bind<'a>(
    bytes: &'a [u8],
    fields: &'static [Field],
) -> Result<Slots<'a>, RequestError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let outcome = deserializer.deserialize_any(Request {
        slots: Slots::new(fields),
    });
    match (outcome, deserializer.end()) {
        (Ok(Some(slots)), Ok(())) => Ok(slots),
        (Ok(None), Ok(())) => Err(RequestError::NotAnObject),
        _ => Err(RequestError::MalformedJson),
    }
}

/// The top-level value: `Some(slots)` for an object, `None` for any other (well-formed) value.
struct Request<'a> {
    slots: Slots<'a>,
}

impl<'de> Visitor<'de> for Request<'de> {
    type Value = Option<Slots<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            match self.slots.field_index(&key) {
                Some(index) => {
                    let value = map.next_value_seed(Depth::Field)?;
                    self.slots.offer(index, key, value);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(self.slots))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor).map(Key)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// How deep a value sits: a field's value keeps its object entries; anything deeper is skipped.
#[derive(Clone, Copy)]
enum Depth {
    Field,
    Nested,
}

impl<'de> DeserializeSeed<'de> for Depth {
    type Value = Input<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Input<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Depth {
    type Value = Input<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Input<'de>, E> {
        Ok(Input::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Input<'de>, E> {
        Ok(Input::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Input<'de>, E> {
        Ok(Input::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Input<'de>, E> {
        Ok(Input::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Input<'de>, E> {
        Ok(Input::Number(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Input<'de>, E> {
        Ok(Input::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Input<'de>, E> {
        Ok(Input::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Input<'de>, E> {
        Ok(Input::Text(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Input<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Input::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Input<'de>, A::Error> {
        let mut entries: Vec<(Cow<'de, str>, Input<'de>)> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            match self {
                Depth::Field => {
                    let value = map.next_value_seed(Depth::Nested)?;
                    // A repeated key keeps its first place and takes the later value, as in JS.
                    match entries.iter_mut().find(|(k, _)| *k == key) {
                        Some(entry) => entry.1 = value,
                        None => entries.push((key, value)),
                    }
                }
                Depth::Nested => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Input::Object(entries))
    }
}
