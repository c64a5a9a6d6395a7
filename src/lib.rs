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

use validator::ValidationErrorsKind;

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

use crate::bind::Slots;
use crate::input::RequestError;
use crate::rules::{violation_of, Violation};

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
    report::<D>(merge::<D>(Vec::new(), validator_errors::<D>(dto))).map_or(Ok(()), Err)
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
    let mut type_errors = Vec::new();
    let view = D::view(inputs, &mut type_errors);
    let mut rule_errors = Vec::new();
    dto::Rules::check(&view, &mut rule_errors);
    match report::<D>(merge::<D>(type_errors, rule_errors)) {
        Some(report) => Err(report),
        None => Ok(view),
    }
}

/// Type errors and rule errors, by field index, in field order. A field with a type error
/// reports only that (its value is absent, so `required` would fire too). A struct-level
/// rule's error (index `usize::MAX`) goes to the field its `field` param names, after that
/// field's own errors.
fn merge<D: Dto>(
    type_errors: Vec<(usize, Violation)>,
    rule_errors: Vec<(usize, Violation)>,
) -> Vec<(usize, Violation)> {
    merge_fields(D::FIELDS, type_errors, rule_errors)
}

/// [`merge`] for the DTO with `fields` (one copy of the code for every DTO).
fn merge_fields(
    fields: &[Field],
    type_errors: Vec<(usize, Violation)>,
    rule_errors: Vec<(usize, Violation)>,
) -> Vec<(usize, Violation)> {
    let typed: Vec<usize> = type_errors.iter().map(|(i, _)| *i).collect();
    let mut all = type_errors;
    for (index, error) in rule_errors {
        let index = if index == usize::MAX {
            let field = match error.param("field") {
                Some(rules::Param::Text(field)) => Some(field.as_ref()),
                _ => None,
            };
            match field.and_then(|rust| fields.iter().position(|f| f.rust == rust)) {
                Some(index) => index,
                None => continue,
            }
        } else {
            index
        };
        if !typed.contains(&index) {
            all.push((index, error));
        }
    }
    sort_by_field(&mut all);
    all
}

/// Sorts errors by field index, stably: within a field, rules keep the order they were judged
/// in. An insertion sort: a request has few errors, nearly in order already (and the standard
/// library's sort is several kilobytes of wasm per element type).
fn sort_by_field(errors: &mut [(usize, Violation)]) {
    for end in 1..errors.len() {
        let mut at = end;
        while at > 0 && errors.get(at - 1).map(|e| e.0) > errors.get(at).map(|e| e.0) {
            errors.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// The errors `validator`'s derive finds on an owned DTO, as (field index, error); struct-level
/// ones as `usize::MAX`, after the field errors.
fn validator_errors<D: Dto>(dto: &D) -> Vec<(usize, Violation)> {
    let Err(errors) = dto.validate() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut struct_level = Vec::new();
    for (key, kind) in errors.into_errors() {
        let ValidationErrorsKind::Field(list) = kind else {
            continue;
        };
        if key == "__all__" {
            struct_level.extend(list.into_iter().map(|e| (usize::MAX, violation_of(e))));
        } else if let Some(index) = D::FIELDS.iter().position(|f| f.rust == key) {
            // validator judges `range` before `required` and the customs; no field mixes
            // `range` with another rule on a present value, so the order within a field agrees.
            found.extend(list.into_iter().map(|e| (index, violation_of(e))));
        }
    }
    sort_by_field(&mut found);
    found.extend(struct_level);
    found
}

/// Words `violations` as the DTO's framework does; `None` when there are none.
fn report<D: Dto>(violations: Vec<(usize, Violation)>) -> Option<Report> {
    if violations.is_empty() {
        return None;
    }
    let names = messages::display_names(D::NAME);
    let errors = violations
        .into_iter()
        .filter_map(|(index, error)| {
            let field = D::FIELDS.get(index)?;
            let name = names.get(index).map_or("", String::as_str);
            Some(FieldError {
                field: field.name.to_owned(),
                message: messages::field_message(D::FRAMEWORK, field, name, &error),
                code: error.code.into_owned(),
            })
        })
        .collect();
    Some(Report {
        dto: D::NAME,
        errors,
    })
}

/// Random test inputs (xorshift64: small, seeded, reproducible on both targets).
#[cfg(test)]
pub(crate) fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (field index, code) pairs.
    type Codes = Vec<(usize, String)>;

    /// (field index, code) of every rule error, by the generated checker on the view and by
    /// `validator`'s derive on the owned DTO made from the same values.
    fn both<D: Dto>(json_text: &str) -> Option<(Codes, Codes)> {
        let inputs = json::bind(json_text.as_bytes(), D::FIELDS)
            .ok()?
            .into_values();
        let view = D::view(inputs, &mut Vec::new());
        let codes = |list: Vec<(usize, Violation)>| {
            list.into_iter()
                .map(|(i, e)| (i, e.code.into_owned()))
                .collect::<Vec<_>>()
        };
        let mut ours = Vec::new();
        dto::Rules::check(&view, &mut ours);
        let ours = codes(merge::<D>(Vec::new(), ours));
        let theirs = codes(merge::<D>(Vec::new(), validator_errors::<D>(&D::own(view))));
        Some((ours, theirs))
    }

    /// Where `needs_text` says a field's text is not needed, no text changes its errors: the
    /// wasm reader may then send only that there is a string.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn fields_that_need_no_text_judge_every_string_alike() {
        let texts = [
            "",
            " ",
            "x",
            "not an email",
            "@",
            "a@b",
            "javascript:alert(1)",
            "https://a.b/",
            "2023-02-29",
            "12.345",
            "-1",
            "true",
            "\\u00e9\\ud83d\\ude00",
            "0123456789abcdef",
        ];
        let mut skipped = 0;
        for dto in DtoName::ALL {
            for (index, field) in dto.fields().iter().enumerate() {
                if dto.needs_text(Some(index)) {
                    continue;
                }
                skipped += 1;
                let errors = |text: &str| {
                    let body = format!(r#"{{"{}": "{text}"}}"#, field.name);
                    let mut result = validate_json(dto, body.as_bytes());
                    result.errors.retain(|e| e.field == field.name);
                    result
                };
                let long = "y".repeat(300);
                for text in texts.iter().copied().chain([long.as_str()]) {
                    assert_eq!(
                        errors(text),
                        errors(""),
                        "{dto}.{} with {text:?}",
                        field.name
                    );
                }
            }
            assert!(
                !dto.needs_text(None),
                "a key that names no field needs no text"
            );
        }
        // The plain strings of OnceOff, Record and FinancePaymentLog; none of CreatePayment
        // (its struct-level rule may read any field).
        assert!(skipped >= 20, "{skipped}");
        assert!(DtoName::CreatePaymentRequest.needs_text(Some(0)));
    }

    /// The hot-path checker and the `validator` derive (what `Validate` users get) agree on
    /// every vector case.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn generated_checker_agrees_with_the_validator_derive() {
        let files = [
            include_str!("../tests/vectors/once_off_payment.json"),
            include_str!("../tests/vectors/create_payment.json"),
            include_str!("../tests/vectors/record_payment.json"),
            include_str!("../tests/vectors/finance_payment_log.json"),
        ];
        let mut compared = 0;
        for file in files {
            let file: serde_json::Value = serde_json::from_str(file).unwrap_or_default();
            let dto: DtoName = file["dto"]
                .as_str()
                .unwrap_or_default()
                .parse()
                .unwrap_or(DtoName::OnceOffPaymentRequest);
            for case in file["cases"].as_array().into_iter().flatten() {
                let text = match case.get("input_text") {
                    Some(serde_json::Value::String(text)) => text.clone(),
                    _ => case["input"].to_string(),
                };
                let pair = match dto {
                    DtoName::OnceOffPaymentRequest => both::<OnceOffPaymentRequest>(&text),
                    DtoName::CreatePaymentRequest => both::<CreatePaymentRequest>(&text),
                    DtoName::RecordPaymentBindingModel => both::<RecordPaymentBindingModel>(&text),
                    DtoName::FinancePaymentLogRequest => both::<FinancePaymentLogRequest>(&text),
                };
                if let Some((ours, theirs)) = pair {
                    assert_eq!(ours, theirs, "{dto} {}", case["name"]);
                    compared += 1;
                }
            }
        }
        assert!(compared > 400, "{compared}");
    }
}
