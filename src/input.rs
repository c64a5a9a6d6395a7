//! `Input`: one input value as the binding rules see it, whichever runtime read it (JSON bytes, form fields or a JS value).

use alloc::borrow::Cow;
use core::ops::Range;

/// One value of the request, reduced to what binding can tell apart.
///
/// Readers (`json.rs` natively, `form.rs`, `wasm/read.rs` in the browser) only classify and
/// copy; every decision about what a value means for a field is made in `bind.rs`, shared by all.
#[derive(Clone, Debug, PartialEq)]
pub enum Input<'a> {
    /// `null`, `undefined`, or an absent key: the field has no value.
    Null,
    Bool(bool),
    /// A number, read as the nearest double (NaN and ±Infinity only come from JS).
    Number(f64),
    Text(Cow<'a, str>),
    /// An object: its own enumerable entries, in order, are `Slots::entries[range]`. Readers
    /// fill the entries of a field's value only (one level deep); an object nested deeper, or
    /// inside a field's object, arrives with none.
    Object(Range<u32>),
    Array,
    /// A value JSON cannot hold or that could not be read: `BigInt`, `Symbol`, a function, a
    /// file in a form, or a property whose getter or Proxy trap threw.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Unsupported,
}

/// One entry of an object value: its key and its value.
pub type Entry<'a> = (Cow<'a, str>, Input<'a>);

/// Why a request as a whole could not be bound to a DTO: the one request-level error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// The input is valid, but not a JSON object (null, an array, a string, a number, …).
    NotAnObject,
    /// The bytes are not well-formed JSON.
    MalformedJson,
    /// A JS object whose keys could not be listed (a Proxy whose `ownKeys` trap throws).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    UnreadableObject,
    /// `validateJson` was given something that is not a string.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    NotText,
    /// `validateForm` was given something that is not a form, `FormData` or `URLSearchParams`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    NotAForm,
}
