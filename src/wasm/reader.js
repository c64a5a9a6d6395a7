// The JS half of the boundary: copies a value's own enumerable entries, in one pass, into a number array (the layout) and UTF-8 text, straight into wasm memory.
//
// It only reads and copies, generically: which key binds to which field, every rule and every
// message is decided in Rust (src/wasm/read.rs, then the same code the native server runs).
// Every read that can throw (getters, Proxy traps) is caught here and recorded as UNREADABLE.
//
// Layout of `meta` (read by src/wasm/read.rs): [status, entryCount, flags] (flags: keysReset,
// plus ASCII_TEXT if the text is ASCII), then per entry [kind, key, payload]. Keys and string
// values go to the text in order, joined and encoded as UTF-8 once at the end of the read, each
// as it would be on its own (a lone surrogate becomes U+FFFD, as a string crossing alone would);
// lengths in `meta` are UTF-16 code units. An OBJECT entry's payload is its entry count; its
// entries follow it (one level only: deeper objects are NESTED and not read), each key as its
// length. Rust offers the two buffers by address in its memory (`offerBuffers`, again whenever
// they move; `readCopy` also takes them as arguments); the views of them are kept from call to
// call. The package's validating functions (`validate`, … below) are this file's: they copy,
// then call the module once with numbers only.
//
// A top-level key is interned: the first time it is seen it gets the next number and its
// text is sent (`key` = -1 - length); later it is sent as that number alone (`key` >= 0).
// Rust keeps the same table and decides what each key means. Past KEY_LIMIT keys, or for a
// key longer than KEY_MAX_UNITS, the key is sent as text (`kind` + TEXT_KEY, `key` = length).
// The keysReset flag (1) tells Rust to forget its table: the numbering starts again.
//
// Rust may also mark a key number as needing no text for a DTO (`skipText`: its field's rules
// never read the text, or it names no field); a string under such a key is sent as
// STRING_UNREAD with its length, and its text is not copied; or as changing no verdict (level
// 2: a string field with no rule, or a key that names no field): a string under such a key is
// left out of the copy of an object read by its kept shape (see below). No rule reads the
// entries of an object value, only their kinds: read for a DTO, their keys and strings are sent
// without text.
//
// The keys of the last object read for each DTO, and what each was sent as, are kept (`shapes`):
// the next object with the same keys in the same order (as a form or an app sends, call after
// call) is read in one for-in walk and sent the same way without looking its keys up again. Any change to what the keys
// mean (a new key, a `skipText`, `forgetKeys`) makes every kept shape stale (`version`).
//
// A getter or Proxy trap of the value being read may make a validating call of its own: that
// call's read is nested (`depth`), and the read around it is moved off wasm memory and set
// aside until it is done (`setAside`).
//
// Every read returns `metaLength * 2**32 + textBytes` when the copy fit the buffers Rust offered
// (the module then reads it where it is); `-2 - textBytes` when it did not, the
// copy then waiting in scratch arrays for `metaLength`, `copyMeta` and `copyText`; -1 if the copy
// outgrew what JS can hold (the only way reading can throw).

const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, OBJECT = 5, ARRAY = 6, UNREADABLE = 7, NESTED = 8;
const CHECKED = 9, UNCHECKED = 10, STRING_UNREAD = 11;
const IS_OBJECT = 0, NOT_AN_OBJECT = 1, UNREADABLE_OBJECT = 2, IS_FORM = 3, NOT_A_FORM = 4;
const TEXT_KEY = 16, KEY_LIMIT = 1024, KEY_MAX_UNITS = 64, ASCII_TEXT = 2;

let keyIds = new Map();
let keysReset = 1;
// Per DTO number: at each key number whose strings Rust does not read, 1, or 2 if a string
// under it changes no verdict.
let unread = [];
// The table of the read in progress (null: read for no DTO, every text sent).
let skips = null;
// Per DTO number: { keys, ids, version } of its last object (ids[i]: the key's number, or
// -1 - number where its strings go without text); `version` counts changes to the tables.
let shapes = [];
let version = 0;
let currentDto = -1;

// Where a read writes its layout: the buffer Rust offers (a view of wasm memory) while it has
// room, else this scratch array, which Rust then copies.
let metaScratch = new Float64Array(1024);
let meta = metaScratch;
let length = 0;
// The read's text, in order: every piece joined, encoded as UTF-8 once at the end of the read
// (one `encodeInto` costs less than any loop over the pieces' characters), into the buffer Rust
// offers if it has room, else into this scratch array.
let textScratch = new Uint8Array(4096);
let text = "";
// The layout, its length and the text of the last read that did not fit: what `metaLength`,
// `copyMeta` and `copyText` hand Rust (a read nested in another may end between the two).
let lastMeta = metaScratch, lastLength = 0, lastText = textScratch;
// How many reads are in progress: two or more while a getter or Proxy trap of the value being
// read makes a validating call of its own. A nested read interns no key and keeps no shape: the
// keys the read around it numbered have not reached Rust yet.
let depth = 0;
// The view of wasm memory the read in progress writes its layout into; null when no read is in
// progress, or once a nested call moved that read's layout off wasm memory (`moveOff`).
let writingInto = null;
// How often the keys were forgotten: a read in the middle of which they were (by a nested call)
// fails, as a copy too large does, since Rust no longer knows the numbers it sent.
let forgotten = 0;
// The string `validateJson` passes, until `encodeText` hands it to Rust.
let pending = "";
const encoder = new TextEncoder();

// Appends `piece` to the text. Each piece is UTF-8 on its own, as a string crossing alone would
// be (a lone surrogate becomes U+FFFD): a piece that ends in a high surrogate ends in U+FFFD,
// so that it never pairs with a low surrogate that starts the next piece.
function put(piece) {
  const last = piece.charCodeAt(piece.length - 1);
  text += last >= 0xd800 && last < 0xdc00 ? piece.slice(0, -1) + "\ufffd" : piece;
}

function push(kind, keyLength, payload) {
  const n = length;
  let m = meta;
  if (n + 3 > m.length) {
    m = new Float64Array(Math.max(1024, m.length * 2));
    m.set(meta.subarray(0, n));
    meta = metaScratch = m;
  }
  m[n] = kind;
  m[n + 1] = keyLength;
  m[n + 2] = payload;
  length = n + 3;
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

// Appends one top-level entry: its key interned (see the layout above), its value read one level
// deep. Returns what the key was sent as, for `shapes`: its number, -1 - number if its strings
// went without text, or NaN if it went as text (then the shape is not kept).
function entry(owner, key) {
  let id = depth === 1 ? keyIds.get(key) : undefined;
  let flag = 0;
  if (id !== undefined && skips !== null && skips[id] > 0) {
    entryValue(owner, key, id, 0, true, true);
    return -1 - id;
  }
  let sent = id;
  if (id === undefined) {
    put(key);
    if (depth === 1 && keyIds.size < KEY_LIMIT && key.length <= KEY_MAX_UNITS) {
      sent = keyIds.size;
      keyIds.set(key, sent);
      version++;
      id = -1 - key.length;
    } else {
      flag = TEXT_KEY;
      id = key.length;
      sent = NaN;
    }
  }
  entryValue(owner, key, id, flag, true, false);
  return sent;
}

// Appends an object value's entry: its key as text, its value not read deeper (read for a DTO,
// neither key nor string has its text: only kinds are judged there).
function nested(owner, key) {
  if (skips !== null) return entryValue(owner, key, 0, 0, false, true);
  put(key);
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
  return valueEntry(value, id, flag, deep, skip);
}

// Appends an entry holding `value` (see `entryValue`).
// (`typeof x === "…"` tests, not a `switch (typeof x)`: V8 compiles each test to a type check,
// and the switch to a call that makes the type's name.)
function valueEntry(value, id, flag, deep, skip) {
  if (typeof value === "string") {
    if (skip) return push(STRING_UNREAD, id, value.length);
    put(value);
    return push(STRING + flag, id, value.length);
  }
  if (typeof value === "number") return push(NUMBER + flag, id, value);
  if (typeof value === "boolean") return push((value ? TRUE : FALSE) + flag, id, 0);
  if (typeof value === "undefined" || value === null) return push(NULL + flag, id, 0);
  if (typeof value === "object") return objectEntry(value, id, flag, deep);
  return push(UNREADABLE + flag, id, 0); // bigint, symbol, function
}

// Appends an entry holding the object `value` (an array is only its kind); `deep` reads its own
// entries, one level (out of `valueEntry`, which stays small enough to inline where it is hot).
function objectEntry(value, id, flag, deep) {
  const kind = isArray(value);
  if (kind !== OBJECT) return push(kind + flag, id, 0);
  if (!deep) return push(NESTED + flag, id, 0);
  const keys = keysOf(value);
  if (keys === null) return push(UNREADABLE + flag, id, 0);
  push(OBJECT + flag, id, keys.length);
  for (let i = 0; i < keys.length; i++) nested(value, keys[i]);
}

/** Marks key number `id` as needing no text for DTO number `dto` (`level` 1), or as changing
 * no verdict when it holds a string (`level` 2). */
export function skipText(dto, id, level) {
  (unread[dto] ??= [])[id] = level;
  version++;
}

/** Forgets every interned key; the next read tells Rust to do the same. */
export function forgetKeys() {
  keyIds.clear();
  unread = [];
  skips = null;
  keysReset = 1;
  version++;
  forgotten++;
}

// Runs `reader` on `value` writing into `metaOut` and `textOut` while they have room; returns
// what the layout above says a read returns.
function copy(reader, value, metaOut, textOut) {
  meta = metaOut;
  length = 0;
  text = "";
  writingInto = metaOut;
  const keysBefore = forgotten;
  let bytes;
  let fits;
  try {
    reader(value);
    if (forgotten !== keysBefore && depth === 1) throw null;
    // UTF-8 takes at most 3 bytes per UTF-16 unit; none goes to wasm memory once a nested call
    // moved the layout off it (that call's module may have reused or moved the buffers).
    const textFits = writingInto === metaOut && 3 * text.length <= textOut.length;
    if (!textFits && textScratch.length < 3 * text.length) textScratch = new Uint8Array(3 * text.length);
    bytes = encoder.encodeInto(text, textFits ? textOut : textScratch).written;
    // As many bytes as units: every character is ASCII (the header's third number says so).
    if (length > 0 && bytes === text.length) meta[2] += ASCII_TEXT;
    fits = meta === metaOut && textFits;
    // What went into wasm memory joins the rest in the scratch arrays.
    if (!fits) {
      if (meta === metaOut) {
        if (metaScratch.length < length) metaScratch = new Float64Array(length);
        metaScratch.set(metaOut.subarray(0, length));
      }
      if (textFits) {
        if (textScratch.length < bytes) textScratch = new Uint8Array(bytes);
        textScratch.set(textOut.subarray(0, bytes));
      }
      lastMeta = metaScratch;
      lastLength = length;
      lastText = textScratch;
    }
  } catch {
    // A copy too large for JS, or keys forgotten during the read. Keys numbered during the
    // failed read never reached Rust: start the numbering again (a nested read numbers none).
    if (depth === 1) forgetKeys();
    return -1;
  } finally {
    // Never keep a view of wasm memory past the call.
    meta = metaScratch;
    text = "";
    writingInto = null;
  }
  return fits ? length * 4294967296 + bytes : -2 - bytes;
}

// The languages the page loaded (payrules/locales/<culture>, through addLanguage), by culture
// name in lower case: each one's templates, NUL-joined in Violation order ("" where payrules words
// it in English); and .NET's parents that are not the name less its last subtag (zh-CN: zh-Hans).
// A locale resolves as src/languages/mod.rs's `resolve` does natively: `_` read as `-`, a
// culture name or English, then the culture and each parent in turn (tests/locales.json).
const languages = new Map();

// How many templates a language has: one per Violation (tests/js/locales.test.mjs holds this to
// the module's own count).
const TEMPLATES = 14;

/** Registers a language for `{ locale }` (payrules/locales/<culture> calls it on import; the
 * package exports it as `addLanguage`). Throws a TypeError for what is not a language. */
export function addLanguage(language) {
  const { cultures, templates, parents = [] } = language ?? {};
  const lists = [cultures, templates, ...(Array.isArray(parents) ? parents : [0])];
  if (templates?.length !== TEMPLATES || !lists.every((list) => Array.isArray(list) && list.every((item) => typeof item === "string"))) {
    throw new TypeError("addLanguage: not a payrules Language");
  }
  for (const culture of cultures) languages.set(culture.toLowerCase(), templates.join("\0"));
  for (const [child, parent] of parents) languages.set(child.toLowerCase(), parent);
}

/** Takes for `encodeText` the templates of the loaded language `options.locale` resolves to (as
 * `readText` answers); -1: English. */
export function wordsFor(options) {
  inside++;
  const units = readText(templatesFor(options)); // never throws
  inside--;
  return units;
}

/** `wordsFor` the options of the call in progress. */
export function wordsAsked() {
  return wordsFor(asked);
}

// How many of this file's functions that run the caller's code (getters, Proxy traps) while a
// copy holds the buffers Rust offered are running: a read, a locale lookup. A validating call
// made from that code copies into the scratch arrays (see `judge`).
let inside = 0;

function templatesFor(options) {
  // No options, or no string locale, returns before any throw: a caught TypeError costs ~13 µs
  // (its stack trace), several times a whole validation.
  if (typeof options !== "object" || options === null) return;
  try {
    let name = options.locale;
    if (typeof name !== "string") return;
    name = name.replaceAll("_", "-");
    if (name.length > 85 || !/^[a-z]{2,8}(-[a-z\d]{1,8})*$/i.test(name)) return;
    // A language's entry is its templates (they hold NUL); a parent's, the parent's name.
    for (let entry; name; name = entry ?? name.replace(/-?[^-]*$/, "")) {
      entry = languages.get(name.toLowerCase());
      if (entry?.includes("\0")) return entry;
    }
  } catch {} // a getter or Proxy trap that throws: English
}

const OBJECT_READ = 0, FORM_READ = 1, VALUE_READ = 2, CONTEXT_READ = 3, OBJECT_TEXT_READ = 4;

/** Reads `value` (see the layout above): for DTO number `dto` as a request object (OBJECT_READ),
 * as a form (FORM_READ: an HTMLFormElement, FormData or URLSearchParams), as the one entry
 * `value` of an object (VALUE_READ), as a form if it is one, else as an object (CONTEXT_READ),
 * or as a request object with every text (OBJECT_TEXT_READ). */
export function readCopy(mode, value, dto, metaAt, metaUnits, textAt, textBytes) {
  inside++;
  const around = depth > 0 ? setAside() : null;
  depth++;
  const read = readInto(mode, value, dto, metaAt, metaUnits, textAt, textBytes); // never throws
  depth--;
  if (around !== null) {
    [meta, length, text, skips, currentDto, metaScratch] = around;
  }
  inside--;
  return read;
}

// A read nested in another (a getter of the value being read made a validating call): the read
// around it moves off wasm memory, and its state is set aside until the nested read is done.
function setAside() {
  moveOff();
  const around = [meta, length, text, skips, currentDto, metaScratch];
  metaScratch = new Float64Array(1024); // the nested read's own (the outer's layout is in the other)
  return around;
}

// Moves the layout of the read in progress off wasm memory, before the module takes the buffers
// it writes into (a nested call's copy or text goes there).
function moveOff() {
  if (writingInto !== null && meta === writingInto) {
    const m = new Float64Array(Math.max(1024, 2 * length));
    m.set(meta.subarray(0, length));
    meta = metaScratch = m;
  }
  writingInto = null;
}

function readInto(mode, value, dto, metaAt, metaUnits, textAt, textBytes) {
  // Rust offers the same two buffers call after call: their views are kept until they move or
  // the memory grows (a grown memory's old views have length 0).
  if (metaView.byteOffset !== metaAt || metaView.length !== metaUnits) metaView = new Float64Array(memory.buffer, metaAt, metaUnits);
  const textOut = bytesAt(textAt, textBytes);
  const metaOut = metaView;
  // A full table starts again before the read (the read fails if its keys are forgotten).
  if (depth === 1 && keyIds.size >= KEY_LIMIT) forgetKeys();
  skips = null;
  currentDto = -1;
  // Every string with its text, map entries included, and no kept shape (`parse`).
  if (mode === VALUE_READ || mode === OBJECT_TEXT_READ) return copy(read, mode === VALUE_READ ? { value } : value, metaOut, textOut);
  if (mode === FORM_READ || (mode === CONTEXT_READ && isForm(value))) return copy(readFormEntries, value, metaOut, textOut);
  skips = unread[dto] ?? [];
  currentDto = dto;
  return copy(read, value, metaOut, textOut);
}

// The module's memory and exports (Rust gives them when it starts) and views of the buffers Rust offers.
let memory;
let wasm;
let metaView = new Float64Array(0);
let textView = new Uint8Array(0);

/** Takes the module's memory, where copies and text are written, and its exports. */
export function useModule(wasmMemory, wasmExports) {
  memory = wasmMemory;
  wasm = wasmExports;
}

// The buffers Rust offers for the next copy that `validate` and the rest make (addresses in its
// memory; offered again whenever they move).
let metaAt = 0, metaUnits = 0, textAt = 0, textBytes = 0;

/** Takes the buffers for the next copy: `metaLength` doubles at `meta`, `textLength` bytes at `textStart`. */
export function offerBuffers(meta, metaLength, textStart, textLength) {
  metaAt = meta;
  metaUnits = metaLength;
  textAt = textStart;
  textBytes = textLength;
}

// A view of the `length` bytes at address `at` of the module's memory.
function bytesAt(at, length) {
  if (textView.byteOffset !== at || textView.length !== length) textView = new Uint8Array(memory.buffer, at, length);
  return textView;
}

function read(value) {
  if (typeof value !== "object" || value === null) return push(NOT_AN_OBJECT, 0, 0);
  const kind = isArray(value);
  if (kind !== OBJECT) return push(kind === ARRAY ? NOT_AN_OBJECT : UNREADABLE_OBJECT, 0, 0);
  const outermost = depth === 1;
  const shape = outermost && currentDto >= 0 ? shapes[currentDto] : undefined;
  if (shape !== undefined && shape.version === version && readShaped(value, shape)) return;
  const keys = keysOf(value);
  if (keys === null) return push(UNREADABLE_OBJECT, 0, 0);
  push(IS_OBJECT, keys.length, outermost ? keysReset : 0);
  if (outermost) keysReset = 0;
  const ids = new Array(keys.length);
  let kept = outermost && currentDto >= 0;
  for (let i = 0; i < keys.length; i++) {
    const id = entry(value, keys[i]);
    ids[i] = id;
    kept &&= id === id; // not NaN: every key went as a number
  }
  if (kept) shapes[currentDto] = { keys, ids, version };
}

// Reads `value` as `shape` says its keys go, if its own enumerable keys are the shape's, in
// order; else writes nothing and returns false. One for-in walk, no key array: for-in gives the
// own enumerable keys in Object.keys' order, then inherited ones (any key past the shape's, own
// or inherited, fails the match), and V8 reads each value straight from the object's layout.
// A getter that throws fails the match too (the long way then reads each key on its own). A
// string that changes no verdict (`skipText` level 2) is left out, and the count says so.
function readShaped(value, { keys, ids }) {
  const start = length;
  const textBefore = text;
  const n = keys.length;
  push(IS_OBJECT, n, keysReset);
  let i = 0;
  let left = 0;
  try {
    for (const key in value) {
      if (i === n || key !== keys[i]) {
        i = -1;
        break;
      }
      const id = ids[i++];
      const entry = value[key];
      // The usual entries (a string without its text, a number) written here, the rest by valueEntry.
      if (id < 0 && typeof entry === "string") {
        if (skips[-1 - id] === 2) left++;
        else push(STRING_UNREAD, -1 - id, entry.length);
      } else if (typeof entry === "number") push(NUMBER, id < 0 ? -1 - id : id, entry);
      else valueEntry(entry, id < 0 ? -1 - id : id, 0, true, id < 0);
    }
  } catch {
    i = -1;
  }
  if (i === n) {
    meta[start + 1] = n - left;
    keysReset = 0;
    return true;
  }
  length = start;
  text = textBefore;
  return false;
}

function isForm(value) {
  try {
    return (
      (typeof HTMLFormElement !== "undefined" && value instanceof HTMLFormElement) ||
      (typeof FormData !== "undefined" && value instanceof FormData) ||
      (typeof URLSearchParams !== "undefined" && value instanceof URLSearchParams)
    );
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws
  }
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

function readFormEntries(value) {
  let entries;
  try {
    entries = formEntries(value);
  } catch {
    return push(UNREADABLE_OBJECT, 0, 0);
  }
  if (entries === null) return push(NOT_A_FORM, 0, 0);
  push(IS_FORM, entries.length, 0);
  for (const [name, entry] of entries) {
    put(name);
    if (typeof entry === "string") {
      put(entry);
      push(STRING, name.length, entry.length);
    } else if (typeof entry === "boolean") {
      push(entry ? CHECKED : UNCHECKED, name.length, 0);
    } else {
      push(UNREADABLE, name.length, 0); // a File
    }
  }
}

export function metaLength() {
  return lastLength;
}

/** Copies the last read's layout (when it did not fit) into `target`. */
export function copyMeta(target) {
  target.set(lastMeta.subarray(0, target.length));
  // One huge request must not hold its memory for every later one (nor may a read in progress
  // lose the array it writes into).
  if (depth === 0 && metaScratch.length > 1 << 16) metaScratch = new Float64Array(1024);
  lastMeta = metaScratch;
}

/** Copies the last read's text (when it did not fit) into `target`. */
export function copyText(target) {
  target.set(lastText.subarray(0, target.length));
  if (textScratch.length > 1 << 20) textScratch = new Uint8Array(4096);
  lastText = textScratch;
}

/** Takes a string for `encodeText` (every string Rust gets from JS crosses this way); returns its
 * length, or -1 if `value` is not a string. */
export function readText(value) {
  if (writingInto !== null) moveOff(); // a call from a getter of a value being read
  if (typeof value !== "string") return -1;
  pending = value;
  return value.length;
}

/** Writes the pending string as UTF-8 into the `length` bytes at address `at` of the module's
 * memory (3 bytes per unit); returns the bytes written. */
export function encodeText(at, length) {
  const { written } = encoder.encodeInto(pending, bytesAt(at, length));
  pending = "";
  return written;
}

// The DTO names, in registry order (Rust gives them once): a name's index is what Rust knows it by.
let dtoNames = null;

/** Gives the registry's names (NUL-separated, in registry order). */
export function knowDtoNames(names) {
  dtoNames = new Map(names.split("\u0000").map((name, index) => [name, index]));
}

/** The registry index of the DTO named `name`: -1 if none has that name, -2 before `knowDtoNames`. */
export function dtoIndex(name) {
  if (name === lastName) return lastIndex;
  if (dtoNames === null) return -2;
  const index = typeof name === "string" ? (dtoNames.get(name) ?? -1) : -1;
  if (index >= 0) (lastName = name), (lastIndex = index);
  return index;
}
let lastName, lastIndex;

/** Takes for `encodeText` the errors of a ValidationResult as `field NUL code NUL message NUL …`
 * (as `readText` answers); -1 if `result` is not one (not an object, `errors` not an array of
 * { field, code, message } strings without NUL, or a getter or Proxy trap that throws). */
export function readErrors(result) {
  return readText(errorsText(result));
}

function errorsText(result) {
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

/** Takes for `encodeText` `String(n)`: a number's shortest round-trip text (ECMAScript's
 * Number::toString). */
export function numberText(n) {
  return readText(String(n));
}

/** `Number(text)`: the nearest double to decimal text Rust has checked (ECMAScript's StringToNumber). */
export function parseNumber(text) {
  return Number(text);
}

// The package's validating functions. Each copies its input here (a string is taken for
// `encodeText`), then calls the module once with numbers only: no JS value crosses, so no
// wasm-bindgen glue runs and no table slot is used. The module answers 0 for a valid request
// (the result is made here), else 1 with the answer kept (`keep`): a result, a bound value, or
// an Error to throw. Every decision is the module's; a DTO name is looked up here in the names
// it gave (`knowDtoNames`), and one it does not know gets the module's Error.

/** See `validate` in the package's types (src/wasm/mod.rs). */
export function validate(dto, input, options) {
  return judge(OBJECT_READ, dto, input, options);
}

/** See `parse` in the package's types. */
export function parse(dto, input, options) {
  return judge(OBJECT_TEXT_READ, dto, input, options);
}

/** See `validateForm` in the package's types. */
export function validateForm(dto, form, options) {
  return judge(FORM_READ, dto, form, options);
}

/** See `validateJson` in the package's types. */
export function validateJson(dto, json, options) {
  const index = dtoIndex(dto);
  if (index < 0) return answer(wasm.payrules_unknown_dto(readText(dto)));
  asked = options;
  return answer(wasm.payrules_judge_json(index, readText(json)));
}

// Copies `value` as `mode` for the DTO named `dto` into the buffers Rust offered, and has it
// judged. A call made from a getter that runs while another call holds those buffers (`inside`)
// copies into the scratch arrays instead.
function judge(mode, dto, value, options) {
  const index = dtoIndex(dto);
  if (index < 0) return answer(wasm.payrules_unknown_dto(readText(dto)));
  const read = inside === 0 ? readCopy(mode, value, index, metaAt, metaUnits, textAt, textBytes) : readCopy(mode, value, index, 0, 0, 0, 0);
  asked = options;
  return answer(wasm.payrules_judge_copy(mode, index, read));
}

// The options of the call in progress (`wordsAsked` reads them), and what the module kept for it.
let asked;
let kept;
const KEPT_RESULT = 0, KEPT_JSON = 1;

/** Keeps the answer of the call in progress: a result from its errors' text (`invalidResult`),
 * a value from JSON text, or an Error with the message `text`. */
export function keep(kind, text) {
  kept = kind === KEPT_RESULT ? invalidResult(text) : kind === KEPT_JSON ? fromJson(text) : new Error(text);
}

// What a call returns when the module answered `verdict` (see above); throws a kept Error.
function answer(verdict) {
  asked = undefined;
  if (verdict === 0) return validResult();
  const value = kept;
  kept = undefined;
  if (value instanceof Error) throw value;
  return value;
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
