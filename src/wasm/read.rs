//! Reads JS values for the boundary: a request into `Slots` via `reader.js`'s one-pass copy, a `ValidationResult` back into Rust.
//!
//! `reader.js` copies every own enumerable key and value (one level into object values) into
//! one string and one `Float64Array`; this module walks that copy and offers each entry to
//! [`Slots`], which decides the binding exactly as for JSON bytes. String values are borrowed
//! from the copied text, so a request costs four boundary crossings however many fields it has;
//! the text arrives through `TextEncoder.encodeInto` straight into a reused wasm buffer.

use std::borrow::Cow;
use std::cell::RefCell;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::Errors;
use crate::bind::Slots;
use crate::dto::Field;
use crate::form::{self, FormValue};
use crate::input::{Input, RequestError};
use crate::report::FieldError;

#[wasm_bindgen(module = "/src/wasm/reader.js")]
extern "C" {
    /// Copies `value` in JS; returns the length of its text in UTF-16 units, or -1 if the
    /// copy outgrew what JS can hold. Never throws (reader.js catches), so no `catch` wrapper.
    #[wasm_bindgen(js_name = readInput)]
    fn read_input(value: &JsValue) -> f64;
    #[wasm_bindgen(js_name = readForm)]
    fn read_form(value: &JsValue) -> f64;
    #[wasm_bindgen(js_name = readValue)]
    fn read_value(value: &JsValue) -> f64;
    /// Writes the copied text as UTF-8 into `out` (`TextEncoder.encodeInto`); returns the bytes written.
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(out: &mut [u8]) -> u32;
    #[wasm_bindgen(js_name = metaLength)]
    fn meta_length() -> usize;
    #[wasm_bindgen(js_name = copyMeta)]
    fn copy_meta(out: &mut [f64]);
    /// A fresh JS object from JSON text (a result or a server body).
    #[wasm_bindgen(js_name = fromJson)]
    pub(super) fn from_json(json: &str) -> JsValue;
    #[wasm_bindgen(js_name = validResult)]
    pub(super) fn valid_result() -> JsValue;
    /// A fresh `{ valid: false, errors }` from `field NUL code NUL message NUL …`.
    #[wasm_bindgen(js_name = invalidResult)]
    pub(super) fn invalid_result(text: &str) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    // Throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

// Entry kinds and request statuses, as reader.js writes them.
const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const NUMBER: u8 = 3;
const STRING: u8 = 4;
const OBJECT: u8 = 5;
const ARRAY: u8 = 6;
const UNREADABLE: u8 = 7;
const NESTED: u8 = 8;
const CHECKED: u8 = 9;
const UNCHECKED: u8 = 10;
const IS_OBJECT: u8 = 0;
const NOT_AN_OBJECT: u8 = 1;
const IS_FORM: u8 = 3;
const NOT_A_FORM: u8 = 4;

/// A JS request copied into wasm memory. Its buffers are reused from call to call.
pub(super) struct Copy {
    text: String,
    meta: Vec<f64>,
}

thread_local! {
    /// The buffers of the last `Copy`, kept for the next one (no allocation per call).
    static BUFFERS: RefCell<(Vec<u8>, Vec<f64>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

impl Drop for Copy {
    fn drop(&mut self) {
        let text = std::mem::take(&mut self.text).into_bytes();
        let meta = std::mem::take(&mut self.meta);
        BUFFERS.with(|buffers| *buffers.borrow_mut() = (text, meta));
    }
}

impl Copy {
    /// Copies a request object.
    pub(super) fn of(value: &JsValue) -> Option<Copy> {
        Copy::with(read_input(value))
    }

    /// Copies a form (`HTMLFormElement`, `FormData`, `URLSearchParams`).
    pub(super) fn of_form(value: &JsValue) -> Option<Copy> {
        Copy::with(read_form(value))
    }

    /// Copies a single value.
    pub(super) fn of_value(value: &JsValue) -> Option<Copy> {
        Copy::with(read_value(value))
    }

    fn with(units: f64) -> Option<Copy> {
        if units.is_nan() || units < 0.0 {
            return None;
        }
        let units = units as usize;
        let (mut bytes, mut meta) =
            BUFFERS.with(|buffers| std::mem::take(&mut *buffers.borrow_mut()));
        // UTF-8 takes at most 3 bytes per UTF-16 unit (a lone surrogate becomes U+FFFD: 3 bytes).
        let room = units.checked_mul(3)?;
        bytes.resize(room, 0);
        let written = encode_text(&mut bytes) as usize;
        bytes.truncate(written);
        meta.clear();
        meta.resize(meta_length(), 0.0);
        copy_meta(&mut meta);
        let text = String::from_utf8(bytes).ok()?;
        Some(Copy { text, meta })
    }

    fn walk(&self) -> Walk<'_> {
        Walk {
            text: &self.text,
            ascii: self.text.is_ascii(),
            meta: &self.meta,
        }
    }

    /// Whether the copy is of a form (else `bind_form` reports `NotAForm`).
    pub(super) fn is_form(&self) -> bool {
        self.meta
            .first()
            .is_some_and(|&status| status as u8 == IS_FORM)
    }

    /// The value copied by [`Copy::of_value`].
    pub(super) fn value(&self) -> Option<Input<'_>> {
        let mut walk = self.walk();
        walk.triple()?;
        let (kind, key_length, payload) = walk.triple()?;
        walk.units(key_length)?;
        walk.value(kind, payload, true)
    }

    /// Binds the copied form to `fields` (form mode).
    pub(super) fn bind_form(&self, fields: &'static [Field]) -> Result<Slots<'_>, RequestError> {
        let mut walk = self.walk();
        let count = walk.header(IS_FORM, NOT_A_FORM, RequestError::NotAForm)?;
        let mut entries = Vec::with_capacity(count.min(256));
        for _ in 0..count {
            let (kind, name_length, payload) =
                walk.triple().ok_or(RequestError::UnreadableObject)?;
            let name = walk
                .units(name_length)
                .ok_or(RequestError::UnreadableObject)?;
            let value = match kind {
                STRING => FormValue::Text(Cow::Borrowed(
                    walk.units(payload as usize)
                        .ok_or(RequestError::UnreadableObject)?,
                )),
                CHECKED => FormValue::Checkbox(true),
                UNCHECKED => FormValue::Checkbox(false),
                _ => FormValue::File,
            };
            entries.push((Cow::Borrowed(name), value));
        }
        Ok(form::bind(entries, fields))
    }

    /// Binds the copied object to `fields`.
    pub(super) fn bind(&self, fields: &'static [Field]) -> Result<Slots<'_>, RequestError> {
        let mut walk = self.walk();
        let count = walk.header(IS_OBJECT, NOT_AN_OBJECT, RequestError::NotAnObject)?;
        let mut slots = Slots::new(fields);
        for _ in 0..count {
            let (kind, key_length, payload) =
                walk.triple().ok_or(RequestError::UnreadableObject)?;
            let key = walk
                .units(key_length)
                .ok_or(RequestError::UnreadableObject)?;
            let value = walk
                .value(kind, payload, true)
                .ok_or(RequestError::UnreadableObject)?;
            if let Some(index) = slots.field_index(key) {
                // A JS object never repeats a key, so the later matching key simply wins; the
                // repeated-key bookkeeping of `offer` is for JSON bytes.
                slots.set(index, value);
            }
        }
        Ok(slots)
    }
}

/// A cursor over the copy: `text` is consumed by UTF-16 lengths, `meta` by triples.
struct Walk<'a> {
    text: &'a str,
    ascii: bool,
    meta: &'a [f64],
}

impl<'a> Walk<'a> {
    /// The copy's header: its entry count if its status is `ok`; `wrong_kind` (not an
    /// object, or not a form) if it is `not`; otherwise the value could not be read.
    fn header(&mut self, ok: u8, not: u8, wrong_kind: RequestError) -> Result<usize, RequestError> {
        match self.triple() {
            Some((status, count, _)) if status == ok => Ok(count),
            Some((status, _, _)) if status == not => Err(wrong_kind),
            _ => Err(RequestError::UnreadableObject),
        }
    }

    fn triple(&mut self) -> Option<(u8, usize, f64)> {
        let (head, rest) = self.meta.split_first_chunk::<3>()?;
        self.meta = rest;
        Some((head[0] as u8, head[1] as usize, head[2]))
    }

    /// The next `units` UTF-16 code units of the text (lone surrogates arrive as U+FFFD, one unit each).
    fn units(&mut self, units: usize) -> Option<&'a str> {
        let bytes = if self.ascii {
            units
        } else {
            let mut counted = 0;
            let mut bytes = 0;
            for c in self.text.chars() {
                if counted >= units {
                    break;
                }
                counted += c.len_utf16();
                bytes += c.len_utf8();
            }
            if counted != units {
                return None;
            }
            bytes
        };
        let (taken, rest) = self.text.split_at_checked(bytes)?;
        self.text = rest;
        Some(taken)
    }

    /// The value of an entry of `kind`; `deep` for a top-level entry, whose object entries follow.
    fn value(&mut self, kind: u8, payload: f64, deep: bool) -> Option<Input<'a>> {
        Some(match kind {
            NULL => Input::Null,
            FALSE => Input::Bool(false),
            TRUE => Input::Bool(true),
            NUMBER => Input::Number(payload),
            STRING => Input::Text(Cow::Borrowed(self.units(payload as usize)?)),
            OBJECT if deep => {
                let count = payload as usize;
                let mut entries = Vec::with_capacity(count.min(64));
                for _ in 0..count {
                    let (kind, key_length, payload) = self.triple()?;
                    let key = self.units(key_length)?;
                    let value = self.value(kind, payload, false)?;
                    // A JS object has no repeated keys, so entries keep their order as read.
                    entries.push((Cow::Borrowed(key), value));
                }
                Input::Object(entries)
            }
            NESTED => Input::Object(Vec::new()),
            ARRAY => Input::Array,
            UNREADABLE => Input::Unsupported,
            _ => return None,
        })
    }
}

/// The errors of a JS `ValidationResult`, or `None` if `result` does not have that shape.
/// Reads through `Reflect` only, so a Proxy or getter that throws yields `None`.
pub(super) fn field_errors(result: &JsValue) -> Option<Errors> {
    let get = |target: &JsValue, key: JsValue| {
        if target.is_object() {
            Reflect::get(target, &key).ok()
        } else {
            None
        }
    };
    let errors = get(result, "errors".into())?;
    if !is_array(&errors).ok()? {
        return None;
    }
    let length = get(&errors, "length".into())?.as_f64()? as u32;
    let mut out = Vec::new();
    for index in 0..length {
        let item = get(&errors, index.into())?;
        let text = |key: &str| get(&item, key.into())?.as_string();
        out.push(FieldError {
            field: text("field")?,
            code: text("code")?,
            message: text("message")?,
        });
    }
    Some(out)
}
