//! The WebAssembly boundary: the JS API (`validate`, `validateJson`, `serverError`, `dtoNames`, `validateForm`, `validateField`, `describe`); it only converts data.
//!
//! Every decision is made by the same Rust code the native server runs; this module reads JS
//! values into [`Slots`](crate::bind::Slots) (`read.rs`, with `reader.js`'s one-pass copy) and
//! writes results back as plain JS objects. `validate`, `parse`, `validateForm` and
//! `validateJson` are reader.js's own functions: they copy their input into buffers Rust
//! offered and call a raw export below with numbers only (the Rust functions of those names
//! call them, so the wasm tests run the package's path). No JS exception ever unwinds through wasm: the
//! reader catches every throw, and every other JS operation that can throw is imported with
//! `catch`.

mod json_text;
mod read;
/// `String(n)` in JS: the shortest round-trip text of a number (see `number.rs`).
pub(crate) use read::js_string_of;
#[cfg(not(feature = "std"))]
mod runtime;
// Read by `#[wasm_bindgen(typescript_custom_section)]` below, which rustc's lint does not see.
#[allow(dead_code)]
mod typescript;

use wasm_bindgen::prelude::*;

use crate::alloc_prelude::*;
use crate::bind::Slots;
use crate::dto::UnknownDto;
use crate::engine;
use crate::input::{Input, RequestError};
use crate::report::FieldError;
use crate::wording;
use crate::DtoName;
use core::sync::atomic::{AtomicBool, Ordering};

#[wasm_bindgen(typescript_custom_section)]
const DTO_TYPES: &str = typescript::DTO_TYPES;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** One error: the field's wire name ("" for the request as a whole), a stable code, the server's message. */
export interface FieldError { field: string; code: string; message: string }

/** The outcome of `validate`: `valid` is true exactly when `errors` is empty. */
export interface ValidationResult { valid: boolean; errors: FieldError[] }

/** ServiceStack's `ResponseError`. */
export interface ResponseError { errorCode: string; fieldName: string; message: string; meta: { PropertyName: string } }

/** ServiceStack's `ResponseStatus`, as @servicestack/client reads it. */
export interface ResponseStatus { errorCode: string; message: string; errors: ResponseError[] }

/** The 400 body of a ServiceStack API (every DTO but the `WebApiDtoName`s). */
export interface ServiceStackErrorBody { responseStatus: ResponseStatus }

/** The 400 body of an ASP.NET Web API (a `WebApiDtoName`): `model.<property>` to messages. */
export interface WebApiErrorBody { Message: "The request is invalid."; ModelState: Record<string, string[]> }

/** The 400 body of the API behind `D`. */
export type ServerErrorBody<D extends DtoName = DtoName> = D extends WebApiDtoName ? WebApiErrorBody : ServiceStackErrorBody;

/**
 * Options of every validating function. `locale`: a .NET culture name (`fr-CA`); a ServiceStack
 * DTO's messages are then in the language it resolves to among those the page loaded
 * (`import "payrules/locales/fr"`, or `payrules/locales/all`), through .NET's parents
 * (`fr-CA` → `fr`), else English. Codes never change; Web API DTOs, request-level errors and
 * payrules' own codes (Url, TypeMismatch, Date) stay English.
 */
export interface ValidateOptions { locale?: string }

/** A language of the server's messages (what `payrules/locales/<culture>` registers). */
export interface Language {
  name: string;
  /** The .NET culture names it is chosen by, its own first. */
  cultures: string[];
  /** Its template of each violation, in payrules' order ("" where payrules words it in English). */
  templates: string[];
  /** .NET parents that are not the name less its last subtag (`["zh-CN", "zh-Hans"]`). */
  parents?: [string, string][];
}

/**
 * Registers a language for `{ locale }`; `payrules/locales/<culture>` calls it on import.
 * @throws TypeError if `language` is not a Language.
 */
export function addLanguage(language: Language): void;

/**
 * Validates `input` (every JS value is accepted; a plain object as `JSON.parse` gives) against the rules of `dto`.
 * Never throws for bad input: every problem is an error in the result.
 * @throws Error if `dto` is not one of `dtoNames()`; the message lists them.
 */
export function validate(dto: DtoName, input: unknown, options?: ValidateOptions): ValidationResult;

/** A DTO's request as bound: `DtoValues[D]`. */
export type DtoValue<D extends DtoName = DtoName> = DtoValues[D];

/** The outcome of `parse`: a `ValidationResult` that, when valid, also holds the request as bound. */
export type ParseResult<D extends DtoName = DtoName> =
  | { valid: true; errors: []; value: DtoValue<D> }
  | { valid: false; errors: FieldError[] };

/**
 * Validates `input` exactly as `validate` does; when it is valid, `value` is the request as the
 * server binds it: canonical wire names whatever the case sent, converted values (`"10"` for a
 * number field is `10`, a date is .NET's round-trip text), fields without a value left out.
 * Money is a number: the nearest double, as the native crate's `Money::value` and the reference
 * server hold it; the decimal rule has already judged the digits as sent.
 * @throws Error if `dto` is not one of `dtoNames()`.
 */
export function parse<D extends DtoName>(dto: D, input: unknown, options?: ValidateOptions): ParseResult<D>;

/**
 * Validates JSON text against the rules of `dto`: exactly what the server answers for that
 * request body (`JSON.parse`'s acceptance; a repeated key keeps its first place and takes its
 * last value). Text that is not JSON, or JSON that is not an object, is one request error.
 * @throws Error if `dto` is not one of `dtoNames()`.
 */
export function validateJson(dto: DtoName, json: string, options?: ValidateOptions): ValidationResult;

/**
 * The exact 400 body the API's server answers for `result`; `null` if it has no errors.
 * @throws Error if `dto` is unknown or `result` is not a ValidationResult.
 */
export function serverError<D extends DtoName>(dto: D, result: ValidationResult): ServerErrorBody<D> | null;

/** The names of the registered DTOs. */
export function dtoNames(): DtoName[];

/** The API a DTO is posted to, from its declaration. */
export interface ApiDescription<D extends DtoName = DtoName> {
  name: D;
  /** Whose words and error body: FluentValidation's `responseStatus`, or Web API's `ModelState`. */
  framework: D extends WebApiDtoName ? "WebApi" : "ServiceStack";
  method: "POST";
  /** The path its API is posted to (`/payments`). */
  route: string;
  /** Whether it also accepts form bodies (`multipart/form-data`, urlencoded). */
  forms: boolean;
}

/** The API `dto` is posted to. */
export function describeApi<D extends DtoName>(dto: D): ApiDescription<D>;

/** What `validateForm` reads. */
export type FormInput = HTMLFormElement | FormData | URLSearchParams;

/**
 * Validates a form in form mode: every value is text, an empty value is no value, and an
 * unchecked checkbox is `false` for a bool field. Anything that is not a form is a request error.
 * @throws Error if `dto` is unknown.
 */
export function validateForm(dto: DtoName, form: FormInput, options?: ValidateOptions): ValidationResult;

/**
 * The errors `validate` (or, with a form as `context`, `validateForm`) gives `field` when it
 * holds `value` and the rest of the request is `context`: for on-blur and on-input feedback.
 * Cross-field rules (gstAmount <= amount) read the other fields from `context`.
 * @throws Error if `dto` is unknown or `field` names none of its fields (the message lists them).
 */
export function validateField(dto: DtoName, field: string, value: unknown, context?: FormInput | Record<string, unknown>, options?: ValidateOptions): ValidationResult;

/** The attributes of a form control that agree with the rules. */
export interface HtmlAttributes {
  type: "text" | "checkbox" | "date";
  required?: true;
  maxlength?: number;
  inputmode?: "email" | "url" | "numeric" | "decimal";
}

/** One field's rules, as a form needs them. `html` is null for a map, which no single control holds. */
export interface FieldDescription {
  name: string;
  label: string;
  type: "string" | "int32" | "money" | "bool" | "datetime" | "map";
  required: boolean;
  maxLength?: number;
  min?: number;
  exclusiveMin?: number;
  max?: number;
  step?: number;
  format?: "email" | "url" | "date";
  html: HtmlAttributes | null;
}

/** The fields of `dto` in field order, with their rules and HTML constraint attributes. */
export function describe(dto: DtoName): FieldDescription[];
"#;

/// Declares, over each of reader.js's validating functions (the package's own), the Rust
/// function that calls it (readying the module first: the wasm tests run no start function).
macro_rules! reader_js_functions {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),*) = $js:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name($($arg: &JsValue),*) -> Result<JsValue, JsValue> {
            ready();
            read::$js($($arg),*)
        }
    )*};
}

reader_js_functions! {
    /// Validates any JS value against the rules of the DTO named `dto` (reader.js's `validate`:
    /// it copies the value, then calls [`payrules_judge_copy`]).
    validate(dto, input, options) = js_validate;
    /// Validates any JS value like `validate`; when it is valid, also gives the request as bound.
    parse(dto, input, options) = js_parse;
    /// Validates JSON text (a JS string) against the rules of the DTO named `dto`, as the server
    /// does (reader.js's `validateJson`: it calls [`payrules_judge_json`]).
    validate_json(dto, json, options) = js_validate_json;
    /// Validates a form (`HTMLFormElement`, `FormData`, `URLSearchParams`) in form mode.
    validate_form(dto, form, options) = js_validate_form;
}

/// Readies reader.js when the module starts: its memory and exports, buffers for the first
/// copy, and the registry's names (reader.js's `validate` and the rest call the module only
/// through the exports below, with numbers).
#[wasm_bindgen(start, private)]
fn ready() {
    read::prepare();
    give_names();
}

// What reader.js keeps for the call in progress (`keep`): a result from its errors' text, a
// value from JSON text, or an Error (from its message) to throw.
const KEPT_RESULT: u32 = 0;
const KEPT_JSON: u32 = 1;
const KEPT_ERROR: u32 = 2;

/// reader.js's `validate`, `parse` and `validateForm` after it copied the value (read as
/// `mode`, reader.js's `readCopy` modes) for DTO number `dto` into the buffers Rust offered;
/// `read` is what the copy returned. Answers 0 for a valid request (reader.js makes the
/// result), else 1: the answer is kept in reader.js. A raw export (numbers only): no JS value
/// crosses, so the call costs no table slot.
#[allow(unsafe_code)] // `no_mangle` names the export; the function itself is safe code.
#[no_mangle]
pub extern "C" fn payrules_judge_copy(mode: u32, dto: u32, read: f64) -> u32 {
    let copy = read::Copy::made(read);
    // Read for the DTO (an object: its fields decide which strings crossed), or in form mode.
    use read::Read;
    let how = match mode {
        _ if mode == Read::Object as u32 => Some((true, Answer::Result)),
        _ if mode == Read::ObjectWithText as u32 => Some((true, Answer::Parsed)),
        _ if mode == Read::Form as u32 => Some((false, Answer::Result)),
        _ => None,
    };
    let (Some(&dto), Some((object, answer))) = (DtoName::ALL.get(dto as usize), how) else {
        // Not a call reader.js makes: this copy is not walked.
        read::forget_every_key();
        read::keep(KEPT_ERROR, "payrules: no such DTO number or read");
        return 1;
    };
    let mut slots = Slots::new(dto.table());
    let bound = match &copy {
        Some(copy) => copy.bind(
            &mut slots,
            object.then_some(dto),
            matches!(answer, Answer::Parsed),
        ),
        None => Err(RequestError::UnreadableObject),
    };
    keep(outcome(
        dto,
        bound.map(|()| &slots),
        answer,
        read::words_asked,
    ))
}

/// reader.js's `validateJson` for DTO number `dto`, after `readText` took the JSON (`units`,
/// as it answered): 0 or 1 as [`payrules_judge_copy`] answers.
#[allow(unsafe_code)] // `no_mangle` names the export; the function itself is safe code.
#[no_mangle]
pub extern "C" fn payrules_judge_json(dto: u32, units: f64) -> u32 {
    let Some(&dto) = DtoName::ALL.get(dto as usize) else {
        read::keep(KEPT_ERROR, "payrules: no such DTO number");
        return 1;
    };
    let copy = read::Copy::of_text(units);
    let mut slots = Slots::new(dto.table());
    let bound = match &copy {
        Some(text) => crate::json::bind_into(text.bytes(), &mut slots),
        None => Err(RequestError::NotText),
    };
    keep(outcome(
        dto,
        bound.map(|()| &slots),
        Answer::Result,
        read::words_asked,
    ))
}

/// reader.js's answer to a DTO name it does not know, after `readText` took it (`units`, as it
/// answered): the Error listing the known names, kept (1).
#[allow(unsafe_code)] // `no_mangle` names the export; the function itself is safe code.
#[no_mangle]
pub extern "C" fn payrules_unknown_dto(units: f64) -> u32 {
    let name = read::take_text(units);
    read::keep(KEPT_ERROR, &UnknownDto::message(name.as_deref()));
    1
}

/// What a result holds.
#[derive(Clone, Copy)]
enum Answer {
    /// Every error (`validate`).
    Result,
    /// Every error; when there is none, the request as bound too (`parse`).
    Parsed,
    /// Only this field's errors (`validateField`).
    Field(usize),
}

/// What judging a request found, as it crosses to JS.
enum Outcome {
    Valid,
    /// The errors as `field NUL code NUL message NUL …` (in the reused `ERRORS_TEXT` buffer).
    Invalid(String),
    /// A valid request as bound, as JSON text (`parse`).
    Parsed(String),
}

/// Judges `slots`, keeping what `answer` asks for; `words` gives the page's language for the
/// call's `locale` (asked only for an invalid request).
fn outcome(
    dto: DtoName,
    slots: Result<&Slots<'_>, RequestError>,
    answer: Answer,
    words: impl FnOnce() -> Option<String>,
) -> Outcome {
    // The errors' text goes into a buffer kept between calls (no allocation once it has grown).
    let errors_text = || {
        let mut text = core::mem::take(&mut *ERRORS_TEXT.lock());
        text.clear();
        text
    };
    let slots = match slots {
        Ok(slots) => slots,
        Err(error) => {
            let mut text = errors_text();
            for part in [
                "",
                wording::request_code(dto.framework()),
                wording::request_message(error),
            ] {
                text.push_str(part);
                text.push('\0');
            }
            return Outcome::Invalid(text);
        }
    };
    let mut judgement = engine::judge(slots);
    if let Answer::Field(index) = answer {
        judgement
            .found
            .retain(|found| usize::from(found.field) == index);
    }
    if judgement.is_valid() {
        return match answer {
            Answer::Parsed => Outcome::Parsed(json_text::parsed(&judgement)),
            _ => Outcome::Valid,
        };
    }
    let mut text = errors_text();
    // The page's language for the call's locale, if it loaded one (request-level errors stay English).
    let words = words();
    judgement.write_errors(&mut text, words.as_deref());
    Outcome::Invalid(text)
}

/// Gives the errors' buffer back for the next invalid request (unless one huge request grew it).
fn reuse_errors_text(text: String) {
    if text.capacity() <= 1 << 16 {
        *ERRORS_TEXT.lock() = text;
    }
}

/// `outcome` as a fresh JS value.
fn outcome_to_js(outcome: Outcome) -> JsValue {
    match outcome {
        Outcome::Valid => read::valid_result(),
        Outcome::Parsed(json) => read::from_json(&json),
        Outcome::Invalid(text) => {
            let result = read::invalid_result(&text);
            reuse_errors_text(text);
            result
        }
    }
}

/// `outcome` kept in reader.js for the call in progress: 0 if valid (nothing kept), else 1.
fn keep(outcome: Outcome) -> u32 {
    match outcome {
        Outcome::Valid => 0,
        Outcome::Parsed(json) => {
            read::keep(KEPT_JSON, &json);
            1
        }
        Outcome::Invalid(text) => {
            read::keep(KEPT_RESULT, &text);
            reuse_errors_text(text);
            1
        }
    }
}

// The exports that can throw. Each answers its result, or the `Error` a bad argument makes, as
// its value, and the glue throws an `Error` (scripts/package.mjs adds the throw to both glues,
// failing the build if their shape changes). A `Result` would cross through wasm-bindgen's
// externref table and a `WebAssembly.Table.get` call per result: 6% of a valid request's time
// (bench/compare.mjs's method); arguments are borrowed, which spares a table slot each (4%).
// No JS exception unwinds through wasm either way.

/// Declares each export (`js_name`, its Rust name, its arguments) over the function it answers for.
macro_rules! exports_for_the_glue {
    ($($js:ident: $export:ident($($arg:ident),*) = $function:ident;)*) => {$(
        #[doc = concat!("`", stringify!($js), "`'s export (see above).")]
        #[wasm_bindgen(js_name = $js, skip_typescript)]
        pub fn $export($($arg: &JsValue),*) -> JsValue {
            for_the_glue($function($($arg),*))
        }
    )*};
}

exports_for_the_glue! {
    validateField: validate_field_export(dto, field, value, context, options) = validate_field;
    serverError: server_error_export(dto, result) = server_error;
    describe: describe_export(dto) = describe;
    describeApi: describe_api_export(dto) = describe_api;
}

/// A result, or the `Error` to throw, as one value.
fn for_the_glue(answer: Result<JsValue, JsValue>) -> JsValue {
    answer.unwrap_or_else(JsValue::from)
}

/// A JS `Error` with `message`: what the functions below answer for a bad argument.
fn error(message: &str) -> JsValue {
    JsError::new(message).into()
}

/// The 400 body for a `ValidationResult` of `dto`, or `null`.
pub fn server_error(dto: &JsValue, result: &JsValue) -> Result<JsValue, JsValue> {
    let dto = dto_name(dto)?;
    let errors = read::field_errors(result)
        .ok_or_else(|| error("serverError: `result` is not a ValidationResult ({ valid, errors: [{ field, code, message }] })"))?;
    Ok(match crate::server_body(dto, &errors) {
        Some(body) => read::from_json(&json_text::body(&body)),
        None => JsValue::NULL,
    })
}

/// The errors of one field holding `value`, with the rest of the request from `context`.
pub fn validate_field(
    dto: &JsValue,
    field: &JsValue,
    value: &JsValue,
    context: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let dto = dto_name(dto)?;
    let table = dto.table();
    let name = read::string_of(field).unwrap_or_default();
    let Some(index) = table
        .fields
        .iter()
        .position(|f| f.name.eq_ignore_ascii_case(&name))
    else {
        let mut message = String::from("unknown field ");
        crate::dto::push_quoted(&mut message, &name);
        message.push_str(" of ");
        message.push_str(dto.as_str());
        message.push_str("; its fields: ");
        for (i, field) in table.fields.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push_str(field.name);
        }
        return Err(error(&message));
    };
    let value_copy = read::Copy::of(read::Read::Value, value, None);
    // The rest of the request: a form, an object, or nothing (any other value reads as none).
    let context = read::Copy::of(read::Read::Context, context, Some(dto));
    let form = context.as_ref().is_some_and(read::Copy::is_form);
    let mut slots = Slots::new(table);
    if let Some(context) = &context {
        if context.bind(&mut slots, Some(dto), false).is_err() {
            // What was bound before the copy broke off is not the request's: none of it.
            slots = Slots::new(table);
        }
    }
    let mut input = value_copy
        .as_ref()
        .and_then(|copy| copy.value_into(&mut slots))
        .unwrap_or(Input::Unsupported);
    if form && matches!(&input, Input::Text(text) if text.is_empty()) {
        input = Input::Null;
    }
    slots.set(index, input);
    let outcome = outcome(dto, Ok(&slots), Answer::Field(index), || {
        read::words(options)
    });
    Ok(outcome_to_js(outcome))
}

/// The fields of `dto` with their rules and HTML constraint attributes.
pub fn describe(dto: &JsValue) -> Result<JsValue, JsValue> {
    let fields = crate::describe(dto_name(dto)?);
    Ok(read::from_json(&json_text::fields(&fields)))
}

/// The API a DTO is posted to: its framework, method, route and whether it takes forms.
pub fn describe_api(dto: &JsValue) -> Result<JsValue, JsValue> {
    let api = crate::describe::describe_api(dto_name(dto)?);
    Ok(read::from_json(&json_text::api(&api)))
}

/// The names of the registered DTOs.
#[wasm_bindgen(js_name = dtoNames, skip_typescript)]
pub fn dto_names() -> JsValue {
    let mut json = String::from("[");
    for (i, dto) in DtoName::ALL.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        // Names are Rust identifiers: nothing to escape.
        json.push('"');
        json.push_str(dto.as_str());
        json.push('"');
    }
    json.push(']');
    read::from_json(&json)
}

/// The buffer the errors of an invalid result are written into, kept for the next one.
static ERRORS_TEXT: spin::mutex::SpinMutex<String> = spin::mutex::SpinMutex::new(String::new());

/// Whether reader.js knows the registry's names yet.
static NAMES_GIVEN: AtomicBool = AtomicBool::new(false);

/// The DTO named `dto`; a JS `Error` listing the known names if there is none. The name is
/// looked up in JS (no copy of it crosses), in the table Rust gives reader.js once.
fn dto_name(dto: &JsValue) -> Result<DtoName, JsValue> {
    let mut index = read::dto_index(dto);
    if index == -2 && give_names() {
        index = read::dto_index(dto);
    }
    if let Some(&dto) = usize::try_from(index)
        .ok()
        .and_then(|i| DtoName::ALL.get(i))
    {
        return Ok(dto);
    }
    Err(error(&UnknownDto::message(read::string_of(dto).as_deref())))
}

/// Gives reader.js the registry's names, the first time only (whether this call gave them).
fn give_names() -> bool {
    if NAMES_GIVEN.swap(true, Ordering::Relaxed) {
        return false;
    }
    let mut names = String::new();
    for (i, name) in DtoName::ALL.iter().enumerate() {
        if i > 0 {
            names.push('\0');
        }
        names.push_str(name.as_str());
    }
    read::know_dto_names(&names);
    true
}

/// `Number(text)` in JS: the nearest double to decimal text (see `number.rs`).
pub(crate) fn js_number_of(text: &str) -> f64 {
    read::parse_number(text)
}

/// The errors of a `ValidationResult`, as `read.rs` recovers them from JS.
pub(crate) type Errors = Vec<FieldError>;
