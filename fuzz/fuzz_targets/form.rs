//! Fuzz target: any bytes as form fields (`name=value&…`) into the DTO the first byte picks (see `checks.rs`).
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::form(bytes));
