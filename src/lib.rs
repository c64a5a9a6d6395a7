//! payrules: payment-request validation rules written once, run natively and as WebAssembly.
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod bind;
mod body;
mod describe;
mod dto;
mod form;
mod input;
mod json;
mod messages;
mod number;
mod report;
pub mod rules;
mod types;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use std::borrow::Cow;

use validator::{Validate, ValidationError, ValidationErrorsKind};

pub use body::{
    server_body, ModelState, ResponseError, ResponseStatus, ServerBody, ServiceStackBody,
    WebApiBody,
};
pub use describe::{describe, FieldDescription, HtmlAttributes};
pub use dto::{
    CreatePaymentRequest, Dto, DtoName, Field, FinancePaymentLogRequest, Framework, Kind,
    OnceOffPaymentRequest, RecordPaymentBindingModel, UnknownDto,
};
pub use form::FormValue;
pub use messages::split_pascal_case;
pub use number::js_number_text;
pub use report::{FieldError, Report, ValidationResult};
pub use types::{DateTime, Money, StringMap};

use crate::bind::{Slots, Value};
use crate::input::RequestError;

/// Parses JSON `bytes` into the typed DTO, or a [`Report`] of every error, in field order.
pub fn parse<D: Dto>(bytes: &[u8]) -> Result<D, Report> {
    judge::<D>(json::bind(bytes, D::FIELDS)).map(D::own)
}

/// Validates JSON `bytes` against the DTO named `dto`.
pub fn validate_json(dto: DtoName, bytes: &[u8]) -> ValidationResult {
    judge_named(dto, json::bind(bytes, dto.fields()))
}

/// Parses form fields (an urlencoded or multipart body, decoded into name/value pairs) into the
/// typed DTO: every value is text, and an empty value is no value.
pub fn parse_form<'a, D, I>(pairs: I) -> Result<D, Report>
where
    D: Dto,
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    judge::<D>(Ok(form::bind(form::text_entries(pairs), D::FIELDS))).map(D::own)
}

/// Validates form fields against the DTO named `dto` (see [`parse_form`]).
pub fn validate_form<'a, I>(dto: DtoName, pairs: I) -> ValidationResult
where
    I: IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
{
    judge_named(dto, Ok(form::bind(form::text_entries(pairs), dto.fields())))
}

/// Runs the rules of an already-typed DTO (built in Rust, not bound from input) and words
/// its errors as the DTO's server would.
pub fn check<D: Dto>(dto: &D) -> Result<(), Report> {
    let violations = rule_violations::<D>(dto, Vec::new());
    report::<D>(violations).map_or(Ok(()), Err)
}

/// Judges bound input against the DTO named `dto` (the entry point of every reader).
pub(crate) fn judge_named(
    dto: DtoName,
    slots: Result<Slots<'_>, RequestError>,
) -> ValidationResult {
    fn run<D: Dto>(slots: Result<Slots<'_>, RequestError>) -> ValidationResult {
        judge::<D>(slots).map_or_else(Report::into_result, |_| ValidationResult::ok())
    }
    match dto {
        DtoName::OnceOffPaymentRequest => run::<OnceOffPaymentRequest>(slots),
        DtoName::CreatePaymentRequest => run::<CreatePaymentRequest>(slots),
        DtoName::RecordPaymentBindingModel => run::<RecordPaymentBindingModel>(slots),
        DtoName::FinancePaymentLogRequest => run::<FinancePaymentLogRequest>(slots),
    }
}

/// Converts every field, assembles the DTO's view, runs its rules, and collects every error.
fn judge<D: Dto>(slots: Result<Slots<'_>, RequestError>) -> Result<D::View<'_>, Report> {
    let inputs = match slots {
        Ok(slots) => slots.into_values(),
        Err(error) => {
            let framework = D::FRAMEWORK;
            let error = FieldError {
                field: String::new(),
                code: messages::request_code(framework).to_owned(),
                message: messages::request_message(error).to_owned(),
            };
            return Err(Report {
                dto: D::NAME,
                errors: vec![error],
            });
        }
    };
    let mut values = Vec::with_capacity(D::FIELDS.len());
    let mut type_errors = Vec::new();
    for (index, (field, input)) in D::FIELDS.iter().zip(inputs).enumerate() {
        match bind::convert(field.kind, input) {
            Ok(value) => values.push(value),
            Err(error) => {
                values.push(Value::None);
                type_errors.push((index, error));
            }
        }
    }
    let view = D::view(values);
    let violations = rule_violations::<D>(&view, type_errors);
    match report::<D>(violations) {
        Some(report) => Err(report),
        None => Ok(view),
    }
}

/// The errors of the rules of `dto` (a `D` or its view) plus `type_errors`, by field index, in
/// field order. A field with a type error reports only that (its value is absent, so
/// `required` would fire too).
fn rule_violations<D: Dto>(
    dto: &impl Validate,
    type_errors: Vec<(usize, ValidationError)>,
) -> Vec<(usize, ValidationError)> {
    let typed: Vec<usize> = type_errors.iter().map(|(i, _)| *i).collect();
    let mut violations = type_errors;
    let Err(errors) = dto.validate() else {
        return violations;
    };
    let index_of = |rust: &str| D::FIELDS.iter().position(|f| f.rust == rust);
    let mut struct_level = Vec::new();
    for (key, kind) in errors.into_errors() {
        let ValidationErrorsKind::Field(list) = kind else {
            continue;
        };
        if key == "__all__" {
            struct_level.extend(list);
            continue;
        }
        if let Some(index) = index_of(&key) {
            violations.extend(list.into_iter().map(|e| (index, e)));
        }
    }
    // Struct-level rules (cross-field) name their field and come after its own rules.
    for error in struct_level {
        let field = error
            .params
            .get("field")
            .and_then(|v| v.as_str())
            .and_then(index_of);
        if let Some(index) = field {
            violations.push((index, error));
        }
    }
    let mut kept: Vec<(usize, ValidationError)> = Vec::with_capacity(violations.len());
    for (index, error) in violations {
        let is_type_error = error.code == "TypeMismatch" || error.code == "Date";
        if is_type_error || !typed.contains(&index) {
            kept.push((index, error));
        }
    }
    // Stable: within a field, rules keep the order they were judged in.
    kept.sort_by_key(|(index, _)| *index);
    kept
}

/// Words `violations` as the DTO's framework does; `None` when there are none.
fn report<D: Dto>(violations: Vec<(usize, ValidationError)>) -> Option<Report> {
    if violations.is_empty() {
        return None;
    }
    let errors = violations
        .into_iter()
        .filter_map(|(index, error)| {
            let field = D::FIELDS.get(index)?;
            Some(FieldError {
                field: field.name.to_owned(),
                code: error.code.to_string(),
                message: messages::field_message(D::FRAMEWORK, field, &error),
            })
        })
        .collect();
    Some(Report {
        dto: D::NAME,
        errors,
    })
}
