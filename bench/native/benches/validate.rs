//! Native parse + validate from JSON bytes: payrules against the jsonschema crate, a serde_json + validator derive baseline and a hand-written serde visitor, on the same payloads.

use payrules_bench::{jsonschema_errors, plain_errors, PAYLOADS};

fn main() {
    // Compile the schemas before timing.
    let _ = &*payrules_bench::JSON_SCHEMAS;
    divan::main();
}

const CASES: [usize; 4] = [0, 1, 2, 3];

fn payload(case: usize) -> (payrules::DtoName, &'static [u8]) {
    let (_, dto, json) = PAYLOADS[case];
    (dto, json.as_bytes())
}

/// payrules: every error, worded, in field order.
#[divan::bench(args = CASES)]
fn payrules_validate_json(case: usize) -> usize {
    let (dto, bytes) = payload(case);
    payrules::validate_json(divan::black_box(dto), divan::black_box(bytes))
        .errors
        .len()
}

/// jsonschema crate: serde_json::Value, then every error of the compiled schema.
#[divan::bench(args = CASES)]
fn jsonschema_crate(case: usize) -> usize {
    let (dto, bytes) = payload(case);
    jsonschema_errors(divan::black_box(dto), divan::black_box(bytes))
}

/// serde_json into a struct, then the validator derive (stops at the first type error).
#[divan::bench(args = CASES)]
fn serde_json_and_validator(case: usize) -> usize {
    let (dto, bytes) = payload(case);
    plain_errors(divan::black_box(dto), divan::black_box(bytes))
}

/// The hand-written serde visitor: judges each value as it is read, allocating nothing for a
/// valid request (payrules must come within 1.5x of it: see `benches/targets.rs`).
#[divan::bench(args = CASES)]
fn serde_visitor(case: usize) -> usize {
    let (dto, bytes) = payload(case);
    payrules_bench::visitor::validate(divan::black_box(dto), divan::black_box(bytes))
        .errors
        .len()
}
