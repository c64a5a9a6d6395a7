//! Fuzz target: any bytes as a JSON request body, into every DTO (see `checks.rs` for what must hold).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::json(bytes));
