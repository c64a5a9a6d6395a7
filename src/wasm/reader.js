// The JS half of the boundary: copies a value's own enumerable entries into one string and one number array in a single pass.
//
// It only reads and copies, generically: which key binds to which field, every rule and every
// message is decided in Rust (src/wasm/read.rs, then the same code the native server runs).
// Every read that can throw (getters, Proxy traps) is caught here and recorded as UNREADABLE.
//
// Layout of `meta` (read by src/wasm/read.rs): [status, entryCount, keysReset], then per entry
// [kind, key, payload]. Keys and string values are appended to the returned text, in order;
// lengths are UTF-16 code units. An OBJECT entry's payload is its entry count; its entries
// follow it (one level only: deeper objects are NESTED and not read), each key as its length.
//
// A top-level key is interned: the first time it is seen it gets the next number and its
// text is sent (`key` = -1 - length); later it is sent as that number alone (`key` >= 0).
// Rust keeps the same table and decides what each key means. Past KEY_LIMIT keys, or for a
// key longer than KEY_MAX_UNITS, the key is sent as text (`kind` + TEXT_KEY, `key` = length).
// `keysReset` = 1 tells Rust to forget its table: the numbering starts again.
//
// Rust may also mark a key number as needing no text for a DTO (`skipText`: its field's rules
// never read the text, or it names no field); a string under such a key is sent as
// STRING_UNREAD with its length, and its text is not copied.

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, OBJECT = 5, ARRAY = 6, UNREADABLE = 7, NESTED = 8;
const CHECKED = 9, UNCHECKED = 10, STRING_UNREAD = 11;
const IS_OBJECT = 0, NOT_AN_OBJECT = 1, UNREADABLE_OBJECT = 2, IS_FORM = 3, NOT_A_FORM = 4;
const TEXT_KEY = 16, KEY_LIMIT = 1024, KEY_MAX_UNITS = 64;

let keyIds = new Map();
let keysReset = 1;
// Per DTO number: 1 at each key number whose strings Rust does not read.
let unread = [];
// The table of the read in progress.
let skips = null;

// The meta array a read writes: wasm memory's own (readInput's `metaOut`) while it has room,
// else `scratch`, which Rust then copies (`copyMeta`).
let scratch = new Float64Array(1024);
let meta = scratch;
let length = 0;
let text = "";
// The last UTF-16 unit appended to `text` (see `append`).
let lastUnit = 0;
// The text of the last read, until `encodeText` hands it to Rust.
let pending = "";
const encoder = new TextEncoder();

// Appends a key or string to `text`. Every piece crosses into wasm as its own string would: a
// lone surrogate becomes U+FFFD. A lone high surrogate ending one piece and a lone low one
// starting the next would join into one character in the joined text, so the low one is
// written as the U+FFFD it stands for (same length, so lengths stay exact).
function append(piece) {
  if (piece.length === 0) return;
  const first = piece.charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff && lastUnit >= 0xd800 && lastUnit <= 0xdbff) piece = "\ufffd" + piece.slice(1);
  text += piece;
  lastUnit = piece.charCodeAt(piece.length - 1);
}

function push(kind, keyLength, payload) {
  if (length + 3 > meta.length) {
    const grown = new Float64Array(Math.max(1024, meta.length * 2));
    grown.set(meta.subarray(0, length));
    meta = scratch = grown;
  }
  meta[length] = kind;
  meta[length + 1] = keyLength;
  meta[length + 2] = payload;
  length += 3;
}

function isArray(value) {
  try {
    return Array.isArray(value) ? ARRAY : OBJECT;
  } catch {
    return UNREADABLE; // a revoked Proxy
  }
}

function keysOf(value) {
  try {
    return Object.keys(value);
  } catch {
    return null;
  }
}

// Appends one top-level entry: its key interned (see the layout above), its value read one level deep.
function entry(owner, key) {
  let id = keyIds.get(key);
  let flag = 0;
  if (id !== undefined && skips !== null && skips[id] === 1) return entryValue(owner, key, id, 0, true, true);
  if (id === undefined) {
    append(key);
    if (keyIds.size < KEY_LIMIT && key.length <= KEY_MAX_UNITS) {
      keyIds.set(key, keyIds.size);
      id = -1 - key.length;
    } else {
      flag = TEXT_KEY;
      id = key.length;
    }
  }
  entryValue(owner, key, id, flag, true, false);
}

// Appends an object value's entry: its key as text, its value not read deeper.
function nested(owner, key) {
  append(key);
  entryValue(owner, key, key.length, 0, false, false);
}

// Appends the value of `owner[key]`; `deep` reads an object value's own entries (one level);
// `skip` sends a string's length only.
function entryValue(owner, key, id, flag, deep, skip) {
  let value;
  try {
    value = owner[key];
  } catch {
    return push(UNREADABLE + flag, id, 0);
  }
  switch (typeof value) {
    case "string":
      if (skip) return push(STRING_UNREAD, id, value.length);
      append(value);
      return push(STRING + flag, id, value.length);
    case "number":
      return push(NUMBER + flag, id, value);
    case "boolean":
      return push((value ? TRUE : FALSE) + flag, id, 0);
    case "undefined":
      return push(NULL + flag, id, 0);
    case "object": {
      if (value === null) return push(NULL + flag, id, 0);
      const kind = isArray(value);
      if (kind !== OBJECT) return push(kind + flag, id, 0);
      if (!deep) return push(NESTED + flag, id, 0);
      const keys = keysOf(value);
      if (keys === null) return push(UNREADABLE + flag, id, 0);
      push(OBJECT + flag, id, keys.length);
      for (let i = 0; i < keys.length; i++) nested(value, keys[i]);
      return;
    }
    default: // bigint, symbol, function
      return push(UNREADABLE + flag, id, 0);
  }
}

/** Marks key number `id` as needing no text for DTO number `dto`. */
export function skipText(dto, id) {
  (unread[dto] ??= [])[id] = 1;
}

/** Forgets every interned key; the next read tells Rust to do the same. */
export function forgetKeys() {
  keyIds.clear();
  unread = [];
  skips = null;
  keysReset = 1;
}

/** Reads `value` for DTO number `dto` straight into wasm memory when it fits: the layout into
 * `metaOut`, the text as UTF-8 into `textOut`; then returns `metaLength * 2**32 + textBytes`.
 * If it does not fit, returns `-2 - units` (units: the text's length in UTF-16 units) and keeps
 * the copy for `metaLength`, `copyMeta` and `encodeText`. Returns -1 if the copy outgrows what
 * JS can hold (the only way reading can throw). One crossing for a request of usual size. */
export function readInput(value, dto, metaOut, textOut) {
  skips = unread[dto] ?? null;
  meta = metaOut;
  const units = guarded(read, value);
  if (units < 0) {
    meta = scratch;
    return -1;
  }
  if (meta === metaOut && units * 3 <= textOut.length) {
    const { written } = encoder.encodeInto(pending, textOut);
    pending = "";
    meta = scratch; // never keep a view of wasm memory past the call
    return length * 4294967296 + written;
  }
  if (meta === metaOut) {
    if (scratch.length < length) scratch = new Float64Array(length);
    scratch.set(metaOut.subarray(0, length));
    meta = scratch;
  }
  return -2 - units;
}

// Runs a reader; -1 if it threw (only a copy too large for JS can make it throw).
function guarded(reader, value) {
  try {
    return reader(value);
  } catch {
    text = "";
    lastUnit = 0;
    // Keys numbered during the failed read never reached Rust: start the numbering again.
    forgetKeys();
    return -1;
  }
}

function read(value) {
  length = 0;
  text = "";
  lastUnit = 0;
  if (typeof value !== "object" || value === null) {
    push(NOT_AN_OBJECT, 0, 0);
    return finish();
  }
  const kind = isArray(value);
  const keys = kind === OBJECT ? keysOf(value) : null;
  if (keys === null) {
    push(kind === ARRAY ? NOT_AN_OBJECT : UNREADABLE_OBJECT, 0, 0);
    return finish();
  }
  if (keyIds.size >= KEY_LIMIT) forgetKeys();
  push(IS_OBJECT, keys.length, keysReset);
  keysReset = 0;
  for (let i = 0; i < keys.length; i++) entry(value, keys[i]);
  return finish();
}

function finish() {
  pending = text;
  text = "";
  lastUnit = 0;
  return pending.length;
}

/** Writes the pending text as UTF-8 into `out` (a view of wasm memory, 3 bytes per unit); returns the bytes written. */
export function encodeText(out) {
  const { written } = encoder.encodeInto(pending, out);
  pending = "";
  return written;
}

/** Takes a string for `encodeText`; returns its length, or -1 if `value` is not a string. */
export function readText(value) {
  if (typeof value !== "string") return -1;
  pending = value;
  return value.length;
}

/** Reads one value as the entry `value` of an object. */
export function readValue(value) {
  skips = null;
  meta = scratch;
  return guarded(read, { value });
}

// The entries of a form: FormData's (text and files, in tree order), then one record per named
// checkbox with its checked state, so Rust can read an unchecked checkbox of a bool field as false.
function formEntries(value) {
  if (typeof HTMLFormElement !== "undefined" && value instanceof HTMLFormElement) {
    const entries = [...new FormData(value)];
    for (const control of value.elements) {
      if (control.type === "checkbox" && control.name && !control.disabled) entries.push([control.name, control.checked]);
    }
    return entries;
  }
  if ((typeof FormData !== "undefined" && value instanceof FormData) || (typeof URLSearchParams !== "undefined" && value instanceof URLSearchParams)) {
    return [...value];
  }
  return null;
}

/** Reads a form (HTMLFormElement, FormData or URLSearchParams), as `readInput` reads an object. */
export function readForm(value) {
  return guarded(readFormEntries, value);
}

function readFormEntries(value) {
  meta = scratch;
  length = 0;
  text = "";
  lastUnit = 0;
  let entries;
  try {
    entries = formEntries(value);
  } catch {
    push(UNREADABLE_OBJECT, 0, 0);
    return finish();
  }
  if (entries === null) {
    push(NOT_A_FORM, 0, 0);
    return finish();
  }
  push(IS_FORM, entries.length, 0);
  for (const [name, entry] of entries) {
    append(name);
    if (typeof entry === "string") {
      append(entry);
      push(STRING, name.length, entry.length);
    } else if (typeof entry === "boolean") {
      push(entry ? CHECKED : UNCHECKED, name.length, 0);
    } else {
      push(UNREADABLE, name.length, 0); // a File
    }
  }
  return finish();
}

export function metaLength() {
  return length;
}

export function copyMeta(out) {
  out.set(meta.subarray(0, out.length));
  // One huge request must not hold its memory for every later one.
  if (meta.length > 1 << 16) meta = scratch = new Float64Array(1024);
}

// The DTO names, in registry order (Rust gives them once): a name's index is what Rust knows it by.
let dtoNames = null;

/** Gives the registry's names (NUL-separated, in registry order). */
export function knowDtoNames(names) {
  dtoNames = new Map(names.split("\u0000").map((name, index) => [name, index]));
}

/** The registry index of the DTO named `name`: -1 if none has that name, -2 before `knowDtoNames`. */
export function dtoIndex(name) {
  if (dtoNames === null) return -2;
  return typeof name === "string" ? (dtoNames.get(name) ?? -1) : -1;
}

/** The errors of a ValidationResult as `field NUL code NUL message NUL …`, or null if `result` is
 * not one (not an object, `errors` not an array of { field, code, message } strings without
 * NUL, or a getter or Proxy trap that throws). */
export function readErrors(result) {
  try {
    const errors = typeof result === "object" && result !== null ? result.errors : undefined;
    if (!Array.isArray(errors)) return null;
    let text = "";
    for (let i = 0; i < errors.length; i++) {
      const error = errors[i];
      if (typeof error !== "object" || error === null) return null;
      for (const part of [error.field, error.code, error.message]) {
        if (typeof part !== "string" || part.includes("\u0000")) return null;
        text += part + "\u0000";
      }
    }
    return text;
  } catch {
    return null;
  }
}

/** `String(n)`: a number's shortest round-trip text (ECMAScript's Number::toString). */
export function numberText(n) {
  return String(n);
}

/** `Number(text)`: the nearest double to decimal text Rust has checked (ECMAScript's StringToNumber). */
export function parseNumber(text) {
  return Number(text);
}

/** A fresh object from Rust's JSON text of it (a result or a server body). */
export function fromJson(json) {
  return JSON.parse(json);
}

/** A fresh result of an invalid request from `field NUL code NUL message NUL …` (a split is
 * several times faster than JSON.parse of the same result). */
export function invalidResult(text) {
  const parts = text.split("\u0000");
  const errors = [];
  for (let i = 0; i + 2 < parts.length; i += 3) errors.push({ field: parts[i], code: parts[i + 1], message: parts[i + 2] });
  return { valid: false, errors };
}

/** A fresh result of a valid request (no text to pass). */
export function validResult() {
  return { valid: true, errors: [] };
}
