//! The WebAssembly boundary: the JS API (`validate`, `serverError`, `dtoNames`); it only converts data.
//!
//! Every decision is made by the same Rust code the native server runs; this module reads JS
//! values into [`Slots`](crate::bind::Slots) (`read.rs`, with `reader.js`'s one-pass copy) and
//! writes results back as plain JS objects. No JS exception ever unwinds through wasm: the
//! reader catches every throw, and every other JS operation that can throw is imported with
//! `catch`.

mod read;

use wasm_bindgen::prelude::*;

use crate::dto::DtoName;
use crate::input::RequestError;
use crate::report::FieldError;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The four DTOs. */
export type DtoName = "OnceOffPaymentRequest" | "CreatePaymentRequest" | "RecordPaymentBindingModel" | "FinancePaymentLogRequest";

/** One error: the field's wire name ("" for the request as a whole), a stable code, the server's message. */
export interface FieldError { field: string; code: string; message: string }

/** The outcome of `validate`: `valid` is true exactly when `errors` is empty. */
export interface ValidationResult { valid: boolean; errors: FieldError[] }

/** ServiceStack's `ResponseError`. */
export interface ResponseError { errorCode: string; fieldName: string; message: string; meta: { PropertyName: string } }

/** ServiceStack's `ResponseStatus`, as @servicestack/client reads it. */
export interface ResponseStatus { errorCode: string; message: string; errors: ResponseError[] }

/** The 400 body of a ServiceStack API (OnceOffPaymentRequest, CreatePaymentRequest, FinancePaymentLogRequest). */
export interface ServiceStackErrorBody { responseStatus: ResponseStatus }

/** The 400 body of an ASP.NET Web API (RecordPaymentBindingModel): `model.<property>` to messages. */
export interface WebApiErrorBody { Message: "The request is invalid."; ModelState: Record<string, string[]> }

/** The 400 body of the API behind `D`. */
export type ServerErrorBody<D extends DtoName = DtoName> = D extends "RecordPaymentBindingModel" ? WebApiErrorBody : ServiceStackErrorBody;

/**
 * Validates `input` (every JS value is accepted; a plain object as `JSON.parse` gives) against the rules of `dto`.
 * Never throws for bad input: every problem is an error in the result.
 * @throws Error if `dto` is not one of `dtoNames()`; the message lists them.
 */
export function validate(dto: DtoName, input: unknown): ValidationResult;

/**
 * The exact 400 body the API's server answers for `result`; `null` if it has no errors.
 * @throws Error if `dto` is unknown or `result` is not a ValidationResult.
 */
export function serverError<D extends DtoName>(dto: D, result: ValidationResult): ServerErrorBody<D> | null;

/** The names of the four DTOs. */
export function dtoNames(): DtoName[];
"#;

/// Validates any JS value against the rules of the DTO named `dto`.
#[wasm_bindgen(skip_typescript)]
pub fn validate(dto: JsValue, input: JsValue) -> Result<JsValue, JsError> {
    let dto = dto_name(&dto)?;
    let copy = read::Copy::of(&input);
    let slots = copy
        .as_ref()
        .map_or(Err(RequestError::UnreadableObject), |copy| {
            copy.bind(dto.fields())
        });
    let result = crate::judge_named(dto, slots);
    if result.valid {
        return Ok(read::valid_result());
    }
    to_js(&result)
}

/// The 400 body for a `ValidationResult` of `dto`, or `null`.
#[wasm_bindgen(js_name = serverError, skip_typescript)]
pub fn server_error(dto: JsValue, result: JsValue) -> Result<JsValue, JsError> {
    let dto = dto_name(&dto)?;
    let errors = read::field_errors(&result)
        .ok_or_else(|| JsError::new("serverError: `result` is not a ValidationResult ({ valid, errors: [{ field, code, message }] })"))?;
    match crate::server_body(dto, &errors) {
        Some(body) => to_js(&body),
        None => Ok(JsValue::NULL),
    }
}

/// The names of the four DTOs.
#[wasm_bindgen(js_name = dtoNames, skip_typescript)]
pub fn dto_names() -> Vec<JsValue> {
    DtoName::ALL
        .iter()
        .map(|d| JsValue::from_str(d.as_str()))
        .collect()
}

thread_local! {
    /// The DTO names as JS strings, so a call compares strings in JS instead of copying one in.
    static DTO_NAMES: Vec<(JsValue, DtoName)> = DtoName::ALL.iter().map(|&d| (JsValue::from_str(d.as_str()), d)).collect();
}

fn dto_name(dto: &JsValue) -> Result<DtoName, JsError> {
    if let Some(known) =
        DTO_NAMES.with(|names| names.iter().find(|(name, _)| name == dto).map(|(_, d)| *d))
    {
        return Ok(known);
    }
    let name = dto.as_string().unwrap_or_else(|| format!("{dto:?}"));
    name.parse::<DtoName>()
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A fresh JS object of `value`: serialized to JSON here, `JSON.parse`d in JS (one crossing).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(read::from_json(&json))
}

/// The errors of a `ValidationResult`, as `read.rs` recovers them from JS.
pub(crate) type Errors = Vec<FieldError>;
