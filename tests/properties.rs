//! Property tests: arbitrary JSON values, arbitrary bytes and arbitrary form fields never panic, judge deterministically, and keep every property of `fuzz/checks.rs`.
//!
//! The same generated values also run through the wasm build in Node, compared natively:
//! `server/tests/differential.rs` (it needs the built package).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;
mod strategies;

use proptest::prelude::*;
use strategies::{key, request};

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn json_values_keep_every_property(value in request()) {
        checks::json(value.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_bytes_keep_every_property(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        checks::json(&bytes);
    }

    #[test]
    fn json_text_around_values_keeps_every_property(value in request(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}\",:\\\\ a-z0-9]{0,4}") {
        // Valid JSON cut, or with junk spliced in: mostly not JSON any more.
        let text = value.to_string();
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let spliced = format!("{}{junk}{}", &text[..at], &text[at..]);
        checks::json(spliced.as_bytes());
    }

    #[test]
    fn form_fields_keep_every_property(pick in any::<u8>(), pairs in proptest::collection::vec((key(), ".{0,16}"), 0..16)) {
        let mut bytes = vec![pick];
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        bytes.extend_from_slice(text.join("&").as_bytes());
        checks::form(&bytes);
    }
}
