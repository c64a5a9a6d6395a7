//! The form reader: name/value pairs (urlencoded or multipart bodies, `FormData`) into [`Slots`].
//!
//! Form mode differs from JSON in one rule: every value is text, and an empty value is no value
//! for every field type, as the HTML `required` attribute sees it.

use std::borrow::Cow;

use crate::bind::Slots;
use crate::dto::Field;
use crate::input::Input;

/// Binds form `pairs` to `fields`; a repeated name binds its last value.
pub(crate) fn bind<'a, I>(pairs: I, fields: &'static [Field]) -> Slots<'a>
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    let mut slots = Slots::new(fields);
    for (name, value) in pairs {
        if let Some(index) = slots.field_index(&name) {
            let value = if value.is_empty() {
                Input::Null
            } else {
                Input::Text(value)
            };
            slots.offer(index, name, value);
        }
    }
    slots
}
