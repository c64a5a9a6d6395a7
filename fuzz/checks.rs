//! The properties every fuzz input must keep, shared by the fuzz targets (nightly) and the stable replay of their corpora (`tests/fuzz_corpus.rs`).
//!
//! Any input (JSON bytes, or form fields) gives a result without panicking, the same result
//! twice, the same verdict through `validate_*` and `parse*`, errors only of the DTO's own
//! fields (or the request), in field order, and a server body exactly when it is invalid.
// Each fuzz target uses one of the two checks.
#![allow(dead_code)]

use std::borrow::Cow;

use payrules::{
    parse_form_named, parse_named, server_body, validate_form, validate_json, AnyDto, DtoName,
    FieldError, Report, ValidationResult,
};

/// JSON bytes into every DTO.
pub fn json(bytes: &[u8]) {
    for &dto in DtoName::ALL {
        let result = validate_json(dto, bytes);
        assert_eq!(result, validate_json(dto, bytes), "deterministic");
        let parsed = errors_of(dto, parse_named(dto, bytes));
        assert_eq!(parsed, result.errors, "parse agrees with validate_json");
        well_formed(dto, &result);
    }
}

/// Form fields into a DTO: the first byte picks the DTO, the rest is `name=value&…` (UTF-8,
/// lossy; decoding percent escapes is the server's job, before this).
pub fn form(bytes: &[u8]) {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let dto = DtoName::ALL[usize::from(pick) % DtoName::ALL.len()];
    let text = String::from_utf8_lossy(rest);
    let pairs = || {
        text.split('&').map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (Cow::Borrowed(name), Cow::Borrowed(value))
        })
    };
    let result = validate_form(dto, pairs());
    assert_eq!(result, validate_form(dto, pairs()), "deterministic");
    let parsed = errors_of(dto, parse_form_named(dto, pairs()));
    assert_eq!(
        parsed, result.errors,
        "parse_form agrees with validate_form"
    );
    well_formed(dto, &result);
}

/// The errors of a parse; a valid request must be of the DTO asked for.
fn errors_of(dto: DtoName, parsed: Result<AnyDto, Report>) -> Vec<FieldError> {
    match parsed {
        Ok(request) => {
            assert_eq!(request.dto(), dto);
            Vec::new()
        }
        Err(report) => report.errors().to_vec(),
    }
}

/// `valid` exactly when there are no errors; each error names the request ("") or one of the
/// DTO's fields, in field order, with a code and a message; the server body exists exactly
/// when the result is invalid, and serializes.
fn well_formed(dto: DtoName, result: &ValidationResult) {
    assert_eq!(result.valid, result.errors.is_empty());
    let mut last = 0;
    for error in &result.errors {
        assert!(
            !error.code.is_empty() && !error.message.is_empty(),
            "{error:?}"
        );
        if error.field.is_empty() {
            assert_eq!(result.errors.len(), 1, "a request error comes alone");
            continue;
        }
        let index = dto
            .fields()
            .iter()
            .position(|f| f.name == error.field)
            .unwrap_or_else(|| panic!("{dto} has no field {}", error.field));
        assert!(index >= last, "errors in field order: {:?}", result.errors);
        last = index;
    }
    let body = server_body(dto, &result.errors);
    assert_eq!(body.is_some(), !result.valid);
    if let Some(body) = body {
        let text = serde_json::to_string(&body).expect("a body serializes");
        assert!(text.starts_with('{'));
    }
}
