//! payrules: payment-request validation rules written once, run natively and as WebAssembly.
#![doc = include_str!("../README.md")]
// No unsafe code; the one exception is naming the module's three raw exports (`#[no_mangle]`,
// which the lint counts as unsafe): src/wasm/mod.rs.
#![deny(unsafe_code)]
// Without `std` (the npm package's wasm build) the crate is `no_std` + `alloc`; see Cargo.toml.
#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(all(not(feature = "std"), not(target_arch = "wasm32")))]
compile_error!("payrules builds without `std` for wasm32 only");

extern crate alloc;

/// What std's prelude gives that `alloc` holds, for modules that also build without std.
#[allow(unused_imports)]
mod alloc_prelude {
    pub(crate) use alloc::borrow::ToOwned;
    pub(crate) use alloc::boxed::Box;
    pub(crate) use alloc::format;
    pub(crate) use alloc::string::{String, ToString};
    pub(crate) use alloc::vec;
    pub(crate) use alloc::vec::Vec;
}

mod bind;
mod body;
mod describe;
mod dto;
mod engine;
mod form;
mod input;
mod json;
#[cfg(not(target_arch = "wasm32"))]
mod languages;
#[cfg(not(target_arch = "wasm32"))]
pub use languages::{language_of, languages_data};
mod names;
mod number;
#[cfg(not(target_arch = "wasm32"))]
mod read_back;
mod report;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
pub mod table;
mod text;
mod types;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod wording;

use alloc::borrow::Cow;

use crate::alloc_prelude::*;
pub use body::{
    server_body, ModelState, ResponseError, ResponseStatus, ServerBody, ServiceStackBody,
    WebApiBody,
};
pub use describe::{describe, describe_api, ApiDescription, FieldDescription, HtmlAttributes};
/// The DTOs (every one the registry names), `DtoName`, `AnyDto` and the `Dto` trait.
pub use dto::*;
pub use form::FormValue;
pub use names::split_pascal_case;
pub use number::js_number_text;
#[cfg(not(target_arch = "wasm32"))]
pub use read_back::{from_server_error, read_back_data, ServerReply, SERVER_ONLY_CODE};
pub use report::{FieldError, Report, ValidationResult};
/// JSON Schema of each DTO and the OpenAPI document of the routes (native only).
#[cfg(not(target_arch = "wasm32"))]
pub use schema::{
    bound_request_schema, json_schema, openapi, RequestAnswer, JSON_SCHEMA_DIALECT,
    JSON_SCHEMA_KEYWORDS,
};
pub use table::{DtoTable, Field, Framework, Kind, Rule};
pub use types::{DateTime, Money, StringMap};

use crate::bind::Slots;
use crate::input::RequestError;

/// Parses JSON `bytes` into the typed DTO, or a [`Report`] of every error, in field order.
pub fn parse<D: Dto>(bytes: &[u8]) -> Result<D, Report> {
    let slots = json::bind(bytes, D::TABLE);
    judged(D::NAME, &slots, <D as dto::sealed::Owned>::own)
}

/// Parses JSON `bytes` into the DTO named `dto` ([`AnyDto`]), or a [`Report`] of every error.
pub fn parse_named(dto: DtoName, bytes: &[u8]) -> Result<AnyDto, Report> {
    let slots = json::bind(bytes, dto.table());
    judged(dto, &slots, |values| AnyDto::own(dto, values))
}

/// Validates JSON `bytes` against the DTO named `dto`.
pub fn validate_json(dto: DtoName, bytes: &[u8]) -> ValidationResult {
    result_of(dto, &json::bind(bytes, dto.table()))
}

/// [`validate_json`] with messages in the language of `locale` (a .NET culture name such as
/// `fr-CA`), as a ServiceStack server whose request's UI culture is `locale` words them:
/// FluentValidation's translation, found through the culture's .NET parents (`fr-CA` → `fr`),
/// else English. Codes, fields and verdicts are the same in every language; Web API DTOs,
/// payrules' own codes (`Url`, `TypeMismatch`, `Date`) and request-level errors stay English.
/// Natively only; see `docs/languages.md`.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_json_in(dto: DtoName, bytes: &[u8], locale: &str) -> ValidationResult {
    let language = languages::resolve(locale);
    result_worded(dto, &json::bind(bytes, dto.table()), |judgement| {
        judgement.errors_in(language)
    })
}

/// [`parse_named`] with messages in the language of `locale` (see [`validate_json_in`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_named_in(dto: DtoName, bytes: &[u8], locale: &str) -> Result<AnyDto, Report> {
    let language = languages::resolve(locale);
    let slots = json::bind(bytes, dto.table());
    judged_worded(
        dto,
        &slots,
        |values| AnyDto::own(dto, values),
        |judgement| judgement.errors_in(language),
    )
}

/// Parses form fields (an urlencoded or multipart body, decoded into name/value pairs) into the
/// typed DTO: every value is text, and an empty value is no value.
pub fn parse_form<'a, D, I>(pairs: I) -> Result<D, Report>
where
    D: Dto,
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    let slots = form::bind(form::text_entries(pairs), D::TABLE);
    judged(D::NAME, &Ok(slots), <D as dto::sealed::Owned>::own)
}

/// Parses form fields into the DTO named `dto` (see [`parse_form`]).
pub fn parse_form_named<'a, I>(dto: DtoName, pairs: I) -> Result<AnyDto, Report>
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    let slots = form::bind(form::text_entries(pairs), dto.table());
    judged(dto, &Ok(slots), |values| AnyDto::own(dto, values))
}

/// Validates form fields against the DTO named `dto` (see [`parse_form`]).
pub fn validate_form<'a, I>(dto: DtoName, pairs: I) -> ValidationResult
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    result_of(dto, &Ok(form::bind(form::text_entries(pairs), dto.table())))
}

/// Runs the rules of an already-typed DTO (built in Rust, not bound from input) and words
/// its errors as the DTO's server would.
pub fn check<D: Dto>(dto: &D) -> Result<(), Report> {
    let values = dto::sealed::Owned::values(dto);
    let judgement = engine::Judgement {
        table: D::TABLE,
        found: engine::judge_values(D::TABLE, &values),
        values,
    };
    if judgement.is_valid() {
        return Ok(());
    }
    Err(Report {
        dto: D::NAME,
        errors: judgement.errors(),
    })
}

/// Judges bound input: the typed request made by `own` if it is valid, else every error.
fn judged<T>(
    dto: DtoName,
    slots: &Result<Slots<'_>, RequestError>,
    own: impl FnOnce(&[engine::Converted<'_>]) -> T,
) -> Result<T, Report> {
    judged_worded(dto, slots, own, |judgement| judgement.errors())
}

/// [`judged`] with the errors worded by `words` (English: `Judgement::errors`).
fn judged_worded<T>(
    dto: DtoName,
    slots: &Result<Slots<'_>, RequestError>,
    own: impl FnOnce(&[engine::Converted<'_>]) -> T,
    words: impl FnOnce(&engine::Judgement<'_>) -> Vec<FieldError>,
) -> Result<T, Report> {
    let slots = match slots {
        Ok(slots) => slots,
        Err(error) => {
            return Err(Report {
                dto,
                errors: vec![engine::request_error(dto.table(), *error)],
            })
        }
    };
    let judgement = engine::judge(slots);
    if judgement.is_valid() {
        return Ok(own(&judgement.values));
    }
    Err(Report {
        dto,
        errors: words(&judgement),
    })
}

/// The result of bound input (the entry point of every reader that only validates).
pub(crate) fn result_of(dto: DtoName, slots: &Result<Slots<'_>, RequestError>) -> ValidationResult {
    result_worded(dto, slots, |judgement| judgement.errors())
}

/// [`result_of`] with the errors worded by `words`.
fn result_worded(
    dto: DtoName,
    slots: &Result<Slots<'_>, RequestError>,
    words: impl FnOnce(&engine::Judgement<'_>) -> Vec<FieldError>,
) -> ValidationResult {
    match slots {
        Ok(slots) => {
            let judgement = engine::judge(slots);
            ValidationResult {
                valid: judgement.is_valid(),
                errors: words(&judgement),
            }
        }
        Err(error) => ValidationResult {
            valid: false,
            errors: vec![engine::request_error(dto.table(), *error)],
        },
    }
}

/// Random test inputs (xorshift64: small, seeded, reproducible on both targets).
#[cfg(test)]
pub(crate) fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// `validator`'s derive on the owned DTOs (what `Validate` users get) finds the same codes as
/// the engine on every vector case whose values all convert.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod validator_agreement {
    use alloc::collections::BTreeMap;

    use validator::{Validate, ValidationErrorsKind};

    use super::*;

    /// Codes by field index, each field's sorted (`validator` orders a field's rules its own way).
    type Codes = BTreeMap<usize, Vec<String>>;

    fn engine_codes(found: &[engine::Found], table: &DtoTable) -> Codes {
        let mut codes = Codes::new();
        for found in found {
            let code = wording::code(table.framework, found.violation).to_owned();
            codes
                .entry(usize::from(found.field))
                .or_default()
                .push(code);
        }
        codes.values_mut().for_each(|list| list.sort());
        codes
    }

    fn validator_codes<D: Dto + Validate>(dto: &D, rust_names: &[&str]) -> Codes {
        let mut codes = Codes::new();
        let Err(errors) = dto.validate() else {
            return codes;
        };
        for (key, kind) in errors.into_errors() {
            let ValidationErrorsKind::Field(list) = kind else {
                continue;
            };
            for error in list {
                // Cross-field rules land under `__all__`, naming their field.
                let name = match error.params.get("field") {
                    Some(serde_json::Value::String(field)) if key == "__all__" => field.clone(),
                    _ => key.to_string(),
                };
                let index = rust_names.iter().position(|n| *n == name);
                let index = index.unwrap_or_else(|| panic!("{} has no field {name}", D::NAME));
                codes
                    .entry(index)
                    .or_default()
                    .push(error.code.into_owned());
            }
        }
        codes.values_mut().for_each(|list| list.sort());
        codes
    }

    /// Compares the two on every case of `vectors` (a vector file's text); returns how many.
    fn compare<D: Dto + Validate>(vectors: &str, rust_names: &[&str]) -> usize {
        let file: serde_json::Value = serde_json::from_str(vectors).unwrap_or_default();
        let mut compared = 0;
        for case in file["cases"].as_array().into_iter().flatten() {
            let text = match case.get("input_text") {
                Some(serde_json::Value::String(text)) => text.clone(),
                _ => case["input"].to_string(),
            };
            let Ok(slots) = json::bind(text.as_bytes(), D::TABLE) else {
                continue;
            };
            let judgement = engine::judge(&slots);
            if judgement.values.iter().any(Result::is_err) {
                continue; // a type error: no owned DTO holds that value
            }
            let owned = <D as dto::sealed::Owned>::own(&judgement.values);
            assert_eq!(
                engine_codes(&judgement.found, D::TABLE),
                validator_codes(&owned, rust_names),
                "{} {}",
                D::NAME,
                case["name"]
            );
            compared += 1;
        }
        compared
    }

    macro_rules! agreement {
        ($($module:ident :: $name:ident),* $(,)?) => {
            #[test]
            fn the_validator_derive_agrees_with_the_engine() {
                let mut compared = 0;
                $(
                    compared += compare::<$name>(
                        include_str!(concat!("../tests/vectors/", stringify!($module), ".json")),
                        $name::RUST_NAMES,
                    );
                )*
                assert!(compared > 300, "{compared}");
            }
        };
    }
    crate::for_each_dto!(agreement);
}
