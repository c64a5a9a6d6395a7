//! `Input`: one input value as the binding rules see it, whichever runtime read it (JSON bytes or a JS value).

use std::borrow::Cow;

/// One value of the request, reduced to what binding can tell apart.
///
/// Readers (`json.rs` natively, `wasm/read.rs` in the browser) only classify and copy; every
/// decision about what a value means for a field is made in `bind.rs`, shared by both.
#[derive(Clone, Debug, PartialEq)]
pub enum Input<'a> {
    /// `null`, `undefined`, or an absent key: the field has no value.
    Null,
    Bool(bool),
    /// A number, read as the nearest double (NaN and ±Infinity only come from JS).
    Number(f64),
    Text(Cow<'a, str>),
    /// An object and its own enumerable entries, in order. Readers fill the entries of a
    /// field's value only (one level deep); an object nested deeper arrives empty.
    Object(Vec<(Cow<'a, str>, Input<'a>)>),
    Array,
    /// A value JSON cannot hold or that could not be read: `BigInt`, `Symbol`, a function, or
    /// a property whose getter or Proxy trap threw. Only JS values produce it.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Unsupported,
}

/// Why a request as a whole could not be bound to a DTO: the one request-level error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestError {
    /// The input is valid, but not a JSON object (null, an array, a string, a number, …).
    NotAnObject,
    /// The bytes are not well-formed JSON (or nest deeper than the parser allows).
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
