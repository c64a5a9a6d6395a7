//! Server answers read back natively (`from_server_error`): the hand-written bodies of tests/server_errors.json, which tests/js/server-errors.test.mjs also reads through the npm package's `fromServerError`.
#![cfg(not(target_arch = "wasm32"))]

use payrules::{from_server_error, DtoName, ServerReply};
use serde_json::Value;

#[test]
fn hand_written_answers_read_back_to_their_results() {
    let file: Value = serde_json::from_str(include_str!("server_errors.json"))
        .unwrap_or_else(|e| panic!("server_errors.json is JSON: {e}"));
    let cases = file["cases"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let dto: DtoName = case["dto"]
            .as_str()
            .unwrap_or_default()
            .parse()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let status = case["status"].as_u64().and_then(|s| u16::try_from(s).ok());
        let status = status.unwrap_or_else(|| panic!("{name}: a status"));
        // Text that is not JSON has no value to read: as the JS reader, an unreadable body.
        let body = match case.get("body_text") {
            Some(Value::String(text)) => serde_json::from_str(text).unwrap_or(Value::Null),
            _ => case["body"].clone(),
        };
        let got =
            serde_json::to_value(from_server_error(dto, status, &ServerReply::of_json(&body)))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, case["expected"], "{name}");
    }
}
