//! The form reader: form entries (urlencoded or multipart bodies, `FormData`, a form's controls) into [`Slots`].
//!
//! Form mode differs from JSON in two rules: every value is text, and an empty value is no
//! value for every field type, as the HTML `required` attribute sees it. A checkbox control
//! gives a bool field its checked state (an unchecked checkbox is `false`).

use alloc::borrow::Cow;

use crate::bind::Slots;
use crate::input::Input;
use crate::table::{DtoTable, Kind};

/// One form entry's value.
#[derive(Clone, Debug, PartialEq)]
pub enum FormValue<'a> {
    Text(Cow<'a, str>),
    /// A checkbox control of that name, checked or not (its text, if checked, is a separate entry).
    Checkbox(bool),
    /// A file: never a valid value of any field.
    File,
}

/// Binds form `entries` to the fields of `table`, with the repeated-key rules of JSON text.
pub(crate) fn bind<'a, I>(entries: I, table: &'static DtoTable) -> Slots<'a>
where
    I: IntoIterator<Item = (Cow<'a, str>, FormValue<'a>)>,
{
    let mut slots = Slots::new(table);
    for (name, value) in entries {
        offer(&mut slots, name, value);
    }
    slots
}

/// Offers one form entry to `slots`: an empty text is no value, a checkbox speaks for a bool
/// field only, a file is never a valid value.
pub(crate) fn offer<'a>(slots: &mut Slots<'a>, name: Cow<'a, str>, value: FormValue<'a>) {
    let Some(index) = slots.field_index(&name) else {
        return;
    };
    let is_bool = slots
        .table
        .fields
        .get(index)
        .is_some_and(|f| f.kind == Kind::Bool);
    let input = match value {
        FormValue::Text(text) if text.is_empty() => Input::Null,
        FormValue::Text(text) => Input::Text(text),
        FormValue::Checkbox(checked) if is_bool => Input::Bool(checked),
        FormValue::Checkbox(_) => return,
        FormValue::File => Input::Unsupported,
    };
    slots.offer(index, name, input);
}

/// Form entries from name/value text pairs.
pub(crate) fn text_entries<'a>(
    pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
) -> impl Iterator<Item = (Cow<'a, str>, FormValue<'a>)> {
    pairs
        .into_iter()
        .map(|(name, value)| (name, FormValue::Text(value)))
}
