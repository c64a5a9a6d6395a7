//! The sample languages' results (tests/languages.json, which the JS package and the server are held to) are the crate's own: validate_json_in on each request, natively.
#![cfg(not(target_arch = "wasm32"))]

use payrules::{validate_json_in, DtoName};
use serde_json::Value;

#[test]
fn the_sample_languages_results_are_the_crates() {
    let file: Value = serde_json::from_str(include_str!("languages.json"))
        .unwrap_or_else(|e| panic!("languages.json is JSON: {e}"));
    let cases = file["cases"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let locales: std::collections::BTreeSet<&str> =
        cases.iter().filter_map(|c| c["locale"].as_str()).collect();
    assert!(locales.len() >= 7, "{locales:?}");
    for case in cases {
        let dto: DtoName = case["dto"]
            .as_str()
            .unwrap_or_default()
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        let locale = case["locale"].as_str().unwrap_or_default();
        let body = case["body"].as_str().unwrap_or_default();
        let got = serde_json::to_value(validate_json_in(dto, body.as_bytes(), locale))
            .unwrap_or(Value::Null);
        assert_eq!(got, case["expected"], "{dto} in {locale}: {body}");
    }
}
