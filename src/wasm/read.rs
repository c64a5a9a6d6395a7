//! Reads JS values for the boundary: a request into `Slots` via `reader.js`'s one-pass copy, a `ValidationResult` back into Rust.
//!
//! `reader.js` copies every own enumerable key and value (one level into object values) into
//! one string and one `Float64Array`; this module walks that copy and offers each entry to
//! [`Slots`], which decides the binding exactly as for JSON bytes. String values are borrowed
//! from the copied text, so a request costs one call into the module however many fields it has
//! (the copy is written straight into buffers Rust offers, `offerBuffers`, before the call; a
//! copy too large for them takes three calls back);
//! the text arrives through `TextEncoder.encodeInto` straight into a reused wasm buffer.

use alloc::borrow::Cow;

use spin::mutex::SpinMutex as Mutex;

use wasm_bindgen::prelude::*;

use super::Errors;
use crate::alloc_prelude::*;
use crate::bind::{self, Slots};
use crate::form::{self, FormValue};
use crate::input::{Input, RequestError};
use crate::report::FieldError;
use crate::table::{DtoTable, Field, Framework, Kind};
use crate::DtoName;

#[wasm_bindgen(module = "/src/wasm/reader.js")]
extern "C" {
    /// Copies `value` into the `meta_len` doubles at address `meta` and the `text_len` bytes at
    /// `text` when it fits (see reader.js): as a request object for DTO number `dto`, a form, a
    /// single value, or a form if it is one (`Read`); returns `meta length * 2^32 + text
    /// bytes`, or `-2 - text bytes` when it did not fit (then `metaLength`, `copyMeta` and
    /// `copyText` hand over the copy), or -1 if the read failed. Addresses, not slices: reader.js
    /// keeps its views of the two buffers from call to call (a slice would cost two new views a
    /// call). Never throws (reader.js catches), so no `catch` wrapper.
    #[wasm_bindgen(js_name = readCopy)]
    fn read_copy(
        mode: u32,
        value: &JsValue,
        dto: i32,
        meta: usize,
        meta_len: usize,
        text: usize,
        text_len: usize,
    ) -> f64;
    /// Tells reader.js that strings under key number `id` need no text for DTO number `dto`
    /// (`level` 1), or need not be sent at all (`level` 2: [`DtoTable::ignores_strings`]).
    #[wasm_bindgen(js_name = skipText)]
    fn skip_text(dto: i32, id: u32, level: u32);
    /// Takes a string for `encodeText`: its length in UTF-16 units, or -1 if not a string.
    #[wasm_bindgen(js_name = readText)]
    fn read_text(value: &JsValue) -> f64;
    /// Writes the string `readText` took as UTF-8 into the `len` bytes at address `at`
    /// (`TextEncoder.encodeInto`); returns the bytes written.
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(at: usize, len: usize) -> u32;
    #[wasm_bindgen(js_name = metaLength)]
    fn meta_length() -> usize;
    #[wasm_bindgen(js_name = copyMeta)]
    fn copy_meta(out: &mut [f64]);
    /// Copies the text of a read that did not fit (its UTF-8 bytes) into `out`.
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(out: &mut [u8]);
    /// Takes the errors of a `ValidationResult` as `field NUL code NUL message NUL …` for
    /// `encodeText` (as `readText` answers); -1 if it is not one.
    #[wasm_bindgen(js_name = readErrors)]
    fn read_errors(result: &JsValue) -> f64;
    /// Takes the templates of the language `options.locale` resolves to among the languages the
    /// page loaded (NUL-separated, in `Violation` order) for `encodeText`; -1: English. Never throws.
    #[wasm_bindgen(js_name = wordsFor)]
    fn words_for(options: &JsValue) -> f64;
    /// The registry index of the DTO named `name` (-1: no DTO has that name; -2: the names
    /// are not known yet, see `knowDtoNames`).
    #[wasm_bindgen(js_name = dtoIndex)]
    pub(super) fn dto_index(name: &JsValue) -> i32;
    /// Gives reader.js the registry's names, `NUL`-separated, in registry order.
    #[wasm_bindgen(js_name = knowDtoNames)]
    pub(super) fn know_dto_names(names: &str);
    /// Gives reader.js the module's memory, where it writes copies and text, and its exports,
    /// which its `validate` calls (once, before any).
    #[wasm_bindgen(js_name = useModule)]
    fn use_module(memory: &JsValue, exports: &JsValue);
    /// Offers reader.js the buffers its next copy goes into: `meta_len` doubles at address
    /// `meta`, `text_len` bytes at `text` (again whenever they change).
    #[wasm_bindgen(js_name = offerBuffers)]
    fn offer_buffers(meta: usize, meta_len: usize, text: usize, text_len: usize);
    /// Takes the templates of the language the options of the call in progress (`validate`,
    /// …) resolve to, as `wordsFor` does.
    #[wasm_bindgen(js_name = wordsAsked)]
    fn words_asked_js() -> f64;
    /// Keeps the answer of the call in progress for reader.js to return (`Kept`).
    #[wasm_bindgen(js_name = keep)]
    pub(super) fn keep(kind: u32, text: &str);
    /// reader.js's `validate`, `parse`, `validateJson` and `validateForm` (the package's own).
    #[wasm_bindgen(js_name = validate, catch)]
    pub(super) fn js_validate(
        dto: &JsValue,
        input: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = parse, catch)]
    pub(super) fn js_parse(
        dto: &JsValue,
        input: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = validateJson, catch)]
    pub(super) fn js_validate_json(
        dto: &JsValue,
        json: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = validateForm, catch)]
    pub(super) fn js_validate_form(
        dto: &JsValue,
        form: &JsValue,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// Forgets reader.js's interned keys (after a copy Rust could not walk to the end).
    #[wasm_bindgen(js_name = forgetKeys)]
    fn forget_keys();
    /// Takes `String(n)` for `encodeText`: the shortest round-trip text of a number, as
    /// ECMAScript defines it.
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(n: f64) -> f64;
    /// `Number(text)`: the nearest double to decimal text, as ECMAScript defines it.
    #[wasm_bindgen(js_name = parseNumber)]
    pub(crate) fn parse_number(text: &str) -> f64;
    /// A fresh JS object from JSON text (a result or a server body).
    #[wasm_bindgen(js_name = fromJson)]
    pub(super) fn from_json(json: &str) -> JsValue;
    #[wasm_bindgen(js_name = validResult)]
    pub(super) fn valid_result() -> JsValue;
    /// A fresh `{ valid: false, errors }` from `field NUL code NUL message NUL …`.
    #[wasm_bindgen(js_name = invalidResult)]
    pub(super) fn invalid_result(text: &str) -> JsValue;
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
/// A string whose text was not copied (Rust said its field never reads it); payload = length.
const STRING_UNREAD: u8 = 11;
/// Added to an entry's kind when its key comes as text rather than as an interned number.
const TEXT_KEY: u8 = 16;
/// The flags of a copy's header (its third number): forget the interned keys; the text is ASCII.
const KEYS_RESET: u8 = 1;
const ASCII_TEXT: u8 = 2;
const IS_OBJECT: u8 = 0;
const NOT_AN_OBJECT: u8 = 1;
const IS_FORM: u8 = 3;
const NOT_A_FORM: u8 = 4;

/// A JS request copied into wasm memory. Its buffers are reused from call to call, at their
/// full length (so they are never zeroed again): the copy is `text[..text_len]`, `meta[..meta_len]`.
pub(super) struct Copy {
    text: Vec<u8>,
    text_len: usize,
    meta: Vec<f64>,
    meta_len: usize,
}

/// The room a request is first offered for its copy: 128 entries, 4 KB of text.
const META_ROOM: usize = 3 * 128;
const TEXT_ROOM: usize = 4096;

/// The buffers of the last `Copy`, kept for the next one (no allocation per call). (The module
/// runs on one thread: the locks are never contended, and never held across a JS call that
/// could re-enter.)
static BUFFERS: Mutex<(Vec<u8>, Vec<f64>)> = Mutex::new((Vec::new(), Vec::new()));
/// The top-level keys reader.js has interned, numbered as it numbers them.
static KEYS: Mutex<Keys> = Mutex::new(Keys {
    names: Vec::new(),
    meanings: Vec::new(),
});

/// The interned keys (reader.js sends a key it has seen before as its number), and what each
/// means to each field table. What a key means is decided here, by [`bind::field_index`].
struct Keys {
    names: Vec<Box<str>>,
    /// Per field table (by DTO number; the last for a copy made for no DTO): each key
    /// number's field index (or `NO_FIELD`), and whether each field needs its text.
    meanings: Vec<(usize, Vec<u8>, Vec<bool>)>,
}

const NO_FIELD: u8 = u8::MAX;

impl Keys {
    fn forget(&mut self) {
        self.names.clear();
        self.meanings.clear();
    }

    /// What the interned keys mean to `table` (of `dto`, if copied for one).
    fn meanings(&mut self, table: &'static DtoTable, dto: Option<DtoName>) -> Meanings<'_> {
        let Keys { names, meanings } = self;
        let number = dto.map_or(DtoName::ALL.len(), registry_index);
        let found = match meanings.iter().position(|(n, _, _)| *n == number) {
            Some(found) => found,
            None => {
                let needs = (0..table.fields.len())
                    .map(|i| table.needs_text(Some(i)))
                    .collect();
                meanings.push((number, Vec::new(), needs));
                meanings.len() - 1
            }
        };
        let (ids, needs_text) = match meanings.get_mut(found) {
            Some((_, ids, needs)) => (Some(ids), needs.as_slice()),
            None => (None, &[][..]),
        };
        Meanings {
            fields: table,
            dto,
            names,
            table: ids,
            needs_text,
        }
    }
}

/// The interned keys as one field table sees them.
struct Meanings<'k> {
    fields: &'static DtoTable,
    dto: Option<DtoName>,
    names: &'k mut Vec<Box<str>>,
    table: Option<&'k mut Vec<u8>>,
    needs_text: &'k [bool],
}

impl Meanings<'_> {
    /// The field that key number `id` names; `None` if no key has that number.
    #[inline(always)]
    fn field(&mut self, id: usize) -> Option<Option<usize>> {
        let table = self.table.as_deref_mut()?;
        while table.len() <= id {
            let name = self.names.get(table.len())?;
            let index = bind::field_index(self.fields, name);
            skip_unread(self.dto, table.len(), index);
            table.push(
                index
                    .and_then(|index| u8::try_from(index).ok())
                    .unwrap_or(NO_FIELD),
            );
        }
        let meaning = *table.get(id)?;
        Some((meaning != NO_FIELD).then_some(usize::from(meaning)))
    }

    /// Interns a key seen for the first time (it takes the next number); the field it names.
    fn learn(&mut self, name: &str) -> Option<usize> {
        self.names.push(name.into());
        let index = bind::field_index(self.fields, name);
        skip_unread(self.dto, self.names.len() - 1, index);
        index
    }

    /// Whether a string without its text may stand for field `index`'s input: copied for a
    /// DTO, and a key that names no field or a field that needs no text.
    fn may_skip(&self, index: usize) -> bool {
        self.dto.is_some() && self.needs_text.get(index) != Some(&true)
    }
}

/// Buffers larger than this (bytes) are not kept after a copy: one huge request must not hold
/// its memory for every later one.
const KEEP_AT_MOST: usize = 1 << 20;

impl Drop for Copy {
    fn drop(&mut self) {
        let text = core::mem::take(&mut self.text);
        let meta = core::mem::take(&mut self.meta);
        give_back(text, meta);
    }
}

/// Keeps buffers for the next copy (new ones if they grew past `KEEP_AT_MOST`), with room for
/// a request of usual size, and offers them to reader.js if they moved.
fn give_back(mut text: Vec<u8>, mut meta: Vec<f64>) {
    if text.len() > KEEP_AT_MOST {
        text = Vec::new();
    }
    if meta.len() * core::mem::size_of::<f64>() > KEEP_AT_MOST {
        meta = Vec::new();
    }
    with_room(&mut text, &mut meta);
    let at = (
        meta.as_ptr() as usize,
        meta.len(),
        text.as_ptr() as usize,
        text.len(),
    );
    let mut offered = OFFERED.lock();
    // (Compared field by field: an array's `!=` is a call to `memcmp`.)
    if *offered != at {
        *offered = at;
        give_memory();
        offer_buffers(at.0, at.1, at.2, at.3);
    }
    drop(offered);
    *BUFFERS.lock() = (text, meta);
}

/// Grows the buffers to the room a request of usual size needs, if they are smaller.
fn with_room(text: &mut Vec<u8>, meta: &mut Vec<f64>) {
    if meta.len() < META_ROOM {
        meta.resize(META_ROOM, 0.0);
    }
    if text.len() < TEXT_ROOM {
        text.resize(TEXT_ROOM, 0);
    }
}

/// Where the buffers offered to reader.js are (`offerBuffers`' arguments).
static OFFERED: Mutex<(usize, usize, usize, usize)> = Mutex::new((0, 0, 0, 0));

/// The buffers of the last copy (or new ones).
fn take_buffers() -> (Vec<u8>, Vec<f64>) {
    core::mem::take(&mut *BUFFERS.lock())
}

/// What reader.js reads a value as (its `readCopy` modes).
#[derive(Clone, Copy)]
pub(super) enum Read {
    /// A request object, for a DTO.
    Object = 0,
    /// A form (`HTMLFormElement`, `FormData`, `URLSearchParams`).
    Form = 1,
    /// A single value, as the entry `value` of an object.
    Value = 2,
    /// A form if it is one, else a request object (`validateField`'s context).
    Context = 3,
    /// A request object for a DTO with the text of every string, map entries included
    /// (`parse`: the bound value holds them).
    ObjectWithText = 4,
}

impl Copy {
    /// Copies `value` read as `mode` (for `dto`, whose fields decide which strings of an
    /// object need their text).
    pub(super) fn of(mode: Read, value: &JsValue, dto: Option<DtoName>) -> Option<Copy> {
        let number = dto.map_or(-1, dto_number);
        Copy::read(|meta, text| {
            read_copy(
                mode as u32,
                value,
                number,
                meta.as_mut_ptr() as usize,
                meta.len(),
                text.as_mut_ptr() as usize,
                text.len(),
            )
        })
    }

    /// Runs a reader of reader.js on the reused buffers: straight into them when the copy fits
    /// (one crossing), else the long way (the buffers grow to the copy).
    fn read(reader: impl FnOnce(&mut [f64], &mut [u8]) -> f64) -> Option<Copy> {
        give_memory();
        let (mut text, mut meta) = take_buffers();
        with_room(&mut text, &mut meta);
        let read = reader(&mut meta, &mut text);
        Copy::finish(read, text, meta)
    }

    /// The copy reader.js made by itself (its `validate`, …) into the buffers last offered
    /// (`give_back`); `read` is what its read returned.
    pub(super) fn made(read: f64) -> Option<Copy> {
        let (text, meta) = take_buffers();
        Copy::finish(read, text, meta)
    }

    /// The copy a read returned `read` for, in `text` and `meta` if it fit them, else fetched
    /// from reader.js's scratch arrays (the buffers grow to it).
    fn finish(read: f64, mut text: Vec<u8>, mut meta: Vec<f64>) -> Option<Copy> {
        if read >= 0.0 {
            let meta_len = crate::number::floor(read / 4_294_967_296.0);
            let text_len = read - meta_len * 4_294_967_296.0;
            return Copy::checked(text, text_len as usize, meta, meta_len as usize);
        }
        if read == -1.0 || read.is_nan() {
            give_back(text, meta);
            return None;
        }
        let text_len = (-2.0 - read) as usize;
        if text.len() < text_len {
            text.resize(text_len, 0);
        }
        copy_text(text.get_mut(..text_len).unwrap_or_default());
        let meta_len = meta_length();
        if meta.len() < meta_len {
            meta.resize(meta_len, 0.0);
        }
        copy_meta(meta.get_mut(..meta_len).unwrap_or_default());
        Copy::checked(text, text_len, meta, meta_len)
    }

    /// The string reader.js took (`readText` answered `units`), as UTF-8 text (lone surrogates
    /// as U+FFFD); `None` if it took none (not a string).
    pub(super) fn of_text(units: f64) -> Option<Copy> {
        let (mut text, meta) = take_buffers();
        let Some(text_len) = encode(units, &mut text) else {
            give_back(text, meta);
            return None;
        };
        Copy::checked(text, text_len, meta, 0)
    }

    /// The copied text, as bytes (what [`Copy::of_text`] copied).
    pub(super) fn bytes(&self) -> &[u8] {
        self.text.get(..self.text_len).unwrap_or_default()
    }

    /// A copy whose lengths fit its buffers; else nothing, and reader.js forgets the keys it
    /// numbered, since this copy will not be walked. (The text is checked to be UTF-8 once,
    /// where it is read: by [`Copy::walk`], or by the JSON reader for [`Copy::of_text`].)
    fn checked(text: Vec<u8>, text_len: usize, meta: Vec<f64>, meta_len: usize) -> Option<Copy> {
        if text_len <= text.len() && meta_len <= meta.len() {
            return Some(Copy {
                text,
                text_len,
                meta,
                meta_len,
            });
        }
        forget_keys();
        give_back(text, meta);
        None
    }

    /// A cursor over the copy; `None` if its text is not UTF-8 (`TextEncoder` always writes
    /// UTF-8, so only a broken copy is refused).
    fn walk(&self, every_entry: bool) -> Option<Walk<'_>> {
        let text = core::str::from_utf8(self.text.get(..self.text_len)?).ok()?;
        let meta = self.meta.get(..self.meta_len)?;
        Some(Walk {
            text,
            // reader.js counted (bytes = UTF-16 units); a wrong flag could only misplace values
            // within valid UTF-8, which `units` refuses at a character boundary it does not find.
            ascii: meta
                .get(2)
                .is_some_and(|&flags| flags as u8 & ASCII_TEXT != 0),
            meta,
            every_entry,
        })
    }

    /// Whether the copy is of a form (else binding it reports `NotAForm`).
    pub(super) fn is_form(&self) -> bool {
        self.meta_len > 0
            && self
                .meta
                .first()
                .is_some_and(|&status| status as u8 == IS_FORM)
    }

    /// The value copied by [`Copy::of_value`] (as the entry `value` of an object), as an input
    /// of `slots` (an object's entries move there).
    pub(super) fn value_into<'a>(&'a self, slots: &mut Slots<'a>) -> Option<Input<'a>> {
        // Copied with no DTO (`Read::Value`), so every string came with its text.
        const VALUE: DtoTable = DtoTable {
            name: "value",
            framework: Framework::ServiceStack,
            route: "",
            forms: false,
            fields: &[Field {
                name: "value",
                csharp: "value",
                label: "value",
                kind: Kind::String,
                rules: &[],
            }],
        };
        let mut bound = Slots::new(&VALUE);
        self.bind(&mut bound, None, true).ok()?;
        let input = match bound.inputs().next()? {
            Input::Object(range) => slots.object(bound.entries_of(range).iter().cloned()),
            other => other.clone(),
        };
        Some(input)
    }

    /// Binds the copied object, or form (form mode), to the fields of `table`. Walks the whole
    /// copy (its new keys are interned here as reader.js numbered them), or forgets every
    /// interned key on both sides.
    ///
    /// `every_entry`: keep every entry of an object value; else only those a map may not hold
    /// (`bind::is_map_value`), which are all its verdict needs (its entries are then never
    /// shown: a request being validated, not parsed).
    pub(super) fn bind<'a>(
        &'a self,
        slots: &mut Slots<'a>,
        dto: Option<DtoName>,
        every_entry: bool,
    ) -> Result<(), RequestError> {
        let Some(mut walk) = self.walk(every_entry) else {
            // Not walked: the keys this copy numbered never reach `KEYS`; both sides start again.
            KEYS.lock().forget();
            forget_keys();
            return Err(RequestError::UnreadableObject);
        };
        let (status, count, reset) = walk.triple().ok_or(RequestError::UnreadableObject)?;
        let form = match status {
            IS_OBJECT => false,
            IS_FORM => true,
            NOT_AN_OBJECT => return Err(RequestError::NotAnObject),
            NOT_A_FORM => return Err(RequestError::NotAForm),
            _ => return Err(RequestError::UnreadableObject),
        };
        let mut keys = KEYS.lock();
        if reset as u8 & KEYS_RESET != 0 {
            keys.forget();
        }
        let table = slots.table;
        let bound = walk.entries(slots, count as usize, keys.meanings(table, dto), form);
        if bound.is_none() {
            keys.forget();
            forget_keys();
        }
        bound.ok_or(RequestError::UnreadableObject)
    }
}

/// Readies reader.js before its first call: the module's memory and exports, and buffers for
/// its first copy.
pub(super) fn prepare() {
    give_memory();
    let (text, meta) = take_buffers();
    give_back(text, meta);
}

/// Forgets the interned keys on both sides (after a copy that will not be walked).
pub(super) fn forget_every_key() {
    KEYS.lock().forget();
    forget_keys();
}

/// Whether reader.js has the module's memory and exports.
static MEMORY_GIVEN: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Gives reader.js the module's memory and exports, the first time only (before it writes
/// into the memory or calls an export).
pub(super) fn give_memory() {
    if !MEMORY_GIVEN.swap(true, core::sync::atomic::Ordering::Relaxed) {
        use_module(&wasm_bindgen::memory(), &wasm_bindgen::exports());
    }
}

/// Tells reader.js when strings under key number `id` (naming field `index` of `dto`) need no
/// text, or need not be sent.
fn skip_unread(dto: Option<DtoName>, id: usize, index: Option<usize>) {
    if let (Some(dto), Ok(id)) = (dto, u32::try_from(id)) {
        let table = dto.table();
        if !table.needs_text(index) {
            skip_text(
                dto_number(dto),
                id,
                1 + u32::from(table.ignores_strings(index)),
            );
        }
    }
}

/// The number reader.js knows a DTO by: its place in the registry.
fn dto_number(dto: DtoName) -> i32 {
    i32::try_from(registry_index(dto)).unwrap_or(-1)
}

fn registry_index(dto: DtoName) -> usize {
    DtoName::ALL
        .iter()
        .position(|&d| d == dto)
        .unwrap_or(DtoName::ALL.len())
}

/// The string reader.js took for Rust (`readText` and the functions that answer as it does:
/// `units` UTF-16 units, negative for none). Every string from JS crosses this one way.
pub(super) fn take_text(units: f64) -> Option<String> {
    let mut bytes = Vec::new();
    let written = encode(units, &mut bytes)?;
    bytes.truncate(written);
    String::from_utf8(bytes).ok()
}

/// `value` if it is a JS string.
pub(super) fn string_of(value: &JsValue) -> Option<String> {
    take_text(read_text(value))
}

/// The templates `options.locale` resolves to among the languages the page loaded; `None`: English.
pub(super) fn words(options: &JsValue) -> Option<String> {
    take_text(words_for(options))
}

/// The templates the options of the call in progress resolve to (see `words`).
pub(super) fn words_asked() -> Option<String> {
    take_text(words_asked_js())
}

/// `String(n)` in JS.
pub(crate) fn js_string_of(n: f64) -> String {
    take_text(number_text(n)).unwrap_or_default()
}

/// Writes the string `readText` took (`units` UTF-16 units) into `bytes` (reused; grown if needed) as
/// UTF-8; the bytes written, or `None` if nothing is pending (`units` < 0: not a string, or a
/// read that failed).
fn encode(units: f64, bytes: &mut Vec<u8>) -> Option<usize> {
    if units.is_nan() || units < 0.0 {
        return None;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a lone surrogate becomes U+FFFD: 3 bytes).
    let room = (units as usize).checked_mul(3)?;
    if bytes.len() < room {
        bytes.resize(room, 0);
    }
    give_memory();
    Some(encode_text(bytes.as_mut_ptr() as usize, bytes.len()) as usize)
}

/// A cursor over the copy: `text` is consumed by UTF-16 lengths, `meta` by triples.
struct Walk<'a> {
    text: &'a str,
    ascii: bool,
    meta: &'a [f64],
    /// Whether an object value keeps every entry (see `Copy::bind`).
    every_entry: bool,
}

impl<'a> Walk<'a> {
    #[inline(always)]
    fn triple(&mut self) -> Option<(u8, f64, f64)> {
        let (head, rest) = self.meta.split_first_chunk::<3>()?;
        self.meta = rest;
        Some((head[0] as u8, head[1], head[2]))
    }

    /// Offers `count` top-level entries (of a form, in form mode) to `slots`; `None` if the
    /// copy is cut short. (Slots are filled where the caller keeps them: a `Slots` moved in
    /// and out of functions is copied each time.)
    fn entries(
        &mut self,
        slots: &mut Slots<'a>,
        count: usize,
        mut keys: Meanings<'_>,
        form: bool,
    ) -> Option<()> {
        let table = slots.table;
        for _ in 0..count {
            let (kind, key, payload) = self.triple()?;
            if form {
                // A form's entry: its name as text, its value text, a checkbox or a file.
                let name = self.units(key as usize)?;
                let value = match kind {
                    STRING => FormValue::Text(Cow::Borrowed(self.units(payload as usize)?)),
                    CHECKED => FormValue::Checkbox(true),
                    UNCHECKED => FormValue::Checkbox(false),
                    _ => FormValue::File,
                };
                form::offer(slots, Cow::Borrowed(name), value);
                continue;
            }
            let index = if kind & TEXT_KEY != 0 {
                bind::field_index(table, self.units(key as usize)?)
            } else if key >= 0.0 {
                keys.field(key as usize)?
            } else {
                keys.learn(self.units((-1.0 - key) as usize)?)
            };
            // A JS object never repeats a key, so the later matching key simply wins; the
            // repeated-key bookkeeping of `offer` is for JSON bytes. (Each value is made where
            // it is set: a value moved through memory costs more than its making.)
            let index = index.unwrap_or(usize::MAX);
            match kind & !TEXT_KEY {
                STRING_UNREAD => {
                    // Only where no rule reads the text (else the copy is out of step: start again).
                    if !keys.may_skip(index) {
                        return None;
                    }
                    slots.set(index, Input::Text(Cow::Borrowed("")));
                }
                STRING => {
                    let text = self.units(payload as usize)?;
                    slots.set(index, Input::Text(Cow::Borrowed(text)));
                }
                NUMBER => slots.set(index, Input::Number(payload)),
                OBJECT => {
                    let value = self.object(payload, slots)?;
                    slots.set(index, value);
                }
                kind => {
                    let value = self.scalar(kind, payload)?;
                    slots.set(index, value);
                }
            }
        }
        Some(())
    }

    /// The next `units` UTF-16 code units of the text (lone surrogates arrive as U+FFFD, one unit each).
    #[inline(always)]
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

    /// The value of an entry of `kind` that is not an object with its entries: a scalar, a
    /// string with its text, or only the kind of an object, array or unreadable value.
    #[inline(always)]
    fn scalar(&mut self, kind: u8, payload: f64) -> Option<Input<'a>> {
        Some(match kind {
            NULL => Input::Null,
            FALSE => Input::Bool(false),
            TRUE => Input::Bool(true),
            NUMBER => Input::Number(payload),
            STRING => Input::Text(Cow::Borrowed(self.units(payload as usize)?)),
            NESTED => Input::Object(0..0),
            ARRAY => Input::Array,
            UNREADABLE => Input::Unsupported,
            _ => return None,
        })
    }

    /// A top-level object value: its `count` entries (they follow it in the copy) go to
    /// `slots`, every one or only those a map may not hold (`every_entry`).
    fn object(&mut self, count: f64, slots: &mut Slots<'a>) -> Option<Input<'a>> {
        let start = slots.entries.len();
        for _ in 0..count as usize {
            let (kind, key_length, payload) = self.triple()?;
            let key = self.units(key_length as usize)?;
            let value = match kind {
                // Sent without its text (no rule reads a map's entries).
                STRING_UNREAD => Input::Text(Cow::Borrowed("")),
                kind => self.scalar(kind, payload)?,
            };
            // A JS object has no repeated keys, so entries keep their order as read.
            if self.every_entry || !bind::is_map_value(&value) {
                slots.entries.push((Cow::Borrowed(key), value));
            }
        }
        let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Some(Input::Object(index(start)..index(slots.entries.len())))
    }
}

/// The errors of a JS `ValidationResult`, or `None` if `result` does not have that shape
/// (reader.js reads it, catching every throw of a getter or Proxy).
pub(super) fn field_errors(result: &JsValue) -> Option<Errors> {
    let text = take_text(read_errors(result))?;
    let mut parts = crate::text::split(&text, 0);
    let mut out = Vec::new();
    while let (Some(field), Some(code), Some(message)) = (parts.next(), parts.next(), parts.next())
    {
        out.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.to_owned(),
        });
    }
    Some(out)
}
