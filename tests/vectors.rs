//! The parity vectors (`tests/vectors/*.json`): every case natively and, on wasm32, through the JS API too, asserting the exact result and server body.
//!
//! Compiled for both targets: `cargo test` runs it natively; under wasm-bindgen-test it runs
//! in Node and in headless Chromium, where each case goes through the JSON path (the same code
//! as the server), through `validateJson` on the text, and through `validate` / `serverError`
//! on the `JSON.parse`d object.

use payrules::DtoName;
use serde_json::Value;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

/// What one runtime produced for a case: the result and the server body, as JSON text.
#[derive(Debug, PartialEq)]
struct Outcome {
    result: String,
    body: String,
}

fn native(dto: DtoName, text: &str) -> Outcome {
    let result = payrules::validate_json(dto, text.as_bytes());
    let body = payrules::server_body(dto, &result.errors);
    Outcome {
        result: json(&result),
        body: json(&body),
    }
}

#[cfg(target_arch = "wasm32")]
fn js(dto: DtoName, text: &str) -> Outcome {
    let input = js_sys::JSON::parse(text)
        .unwrap_or_else(|e| panic!("vector input is not valid JSON: {e:?}"));
    js_outcome(dto, "validate", |name| {
        payrules::wasm::validate(name, input)
    })
}

/// The same case through `validateJson`: the JSON text itself, as a JS string.
#[cfg(target_arch = "wasm32")]
fn js_text(dto: DtoName, text: &str) -> Outcome {
    let text = wasm_bindgen::JsValue::from_str(text);
    js_outcome(dto, "validateJson", |name| {
        payrules::wasm::validate_json(name, text)
    })
}

/// The result of the JS export `export` and the body `serverError` makes of it.
#[cfg(target_arch = "wasm32")]
fn js_outcome(
    dto: DtoName,
    export: &str,
    run: impl FnOnce(wasm_bindgen::JsValue) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsError>,
) -> Outcome {
    use wasm_bindgen::JsValue;
    let stringify = |v: &JsValue| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let name = JsValue::from_str(dto.as_str());
    let result =
        run(name.clone()).unwrap_or_else(|e| panic!("{export} threw: {:?}", JsValue::from(e)));
    let body = payrules::wasm::server_error(name, result.clone())
        .unwrap_or_else(|e| panic!("serverError threw: {:?}", JsValue::from(e)));
    Outcome {
        result: stringify(&result),
        body: stringify(&body),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| panic!("serializes: {e}"))
}

/// Runs every case of one vector file; fails listing each case that differs.
#[track_caller]
fn check(file: &str) -> usize {
    let file: Value =
        serde_json::from_str(file).unwrap_or_else(|e| panic!("vector file is JSON: {e}"));
    let dto: DtoName = file["dto"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    let cases = file["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("`cases` is an array"));
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let text = match (case.get("input"), case.get("input_text")) {
            (Some(input), None) => json(input),
            (None, Some(Value::String(text))) => text.clone(),
            _ => panic!("case {name:?} needs exactly one of `input` and `input_text`"),
        };
        let expected = Outcome {
            result: json(&case["expected"]),
            body: json(&case["body"]),
        };
        let runs = [
            ("native", native(dto, &text)),
            #[cfg(target_arch = "wasm32")]
            ("js", js(dto, &text)),
            #[cfg(target_arch = "wasm32")]
            ("validateJson", js_text(dto, &text)),
        ];
        for (runtime, got) in runs {
            if got != expected {
                failures.push(format!(
                    "{dto} / {name} ({runtime})\n  input:    {text}\n  expected: {}\n            {}\n  got:      {}\n            {}",
                    expected.result, expected.body, got.result, got.body
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn once_off_payment() {
    assert!(check(include_str!("vectors/once_off_payment.json")) >= 30);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn create_payment() {
    assert!(check(include_str!("vectors/create_payment.json")) >= 30);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn record_payment() {
    assert!(check(include_str!("vectors/record_payment.json")) >= 30);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn finance_payment_log() {
    assert!(check(include_str!("vectors/finance_payment_log.json")) >= 30);
}

/// Form mode: values are text, an empty value is no value (so a blank required string fails).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn form_fields_bind_as_text_and_empty_means_no_value() {
    use std::borrow::Cow;
    let form = |pairs: &[(&'static str, &'static str)]| {
        let borrowed = pairs
            .iter()
            .map(|&(k, v)| (Cow::Borrowed(k), Cow::Borrowed(v)));
        let native = json(&payrules::validate_form(
            DtoName::RecordPaymentBindingModel,
            borrowed,
        ));
        // In wasm, the same pairs through the JS API's `validateForm(URLSearchParams)` agree.
        #[cfg(target_arch = "wasm32")]
        {
            let result = payrules::wasm::validate_form(
                "RecordPaymentBindingModel".into(),
                web_params(pairs),
            )
            .unwrap_or_else(|e| panic!("{:?}", wasm_bindgen::JsValue::from(e)));
            let js = js_sys::JSON::stringify(&result)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            assert_eq!(
                js, native,
                "validateForm agrees with the native form binding"
            );
        }
        native
    };
    let valid = [
        ("accountCode", "HSMM1113"),
        ("contractId", "2"),
        ("paymentValue", "4.1"),
        ("paymentSuccessful", "True"),
        ("upfrontPayment", "False"),
        ("LoyaltyPointsToUse", "1"),
    ];
    assert_eq!(form(&valid), r#"{"valid":true,"errors":[]}"#);
    assert_eq!(
        form(&[
            ("accountcode", ""),
            ("contractId", ""),
            ("paymentValue", "4.125"),
            ("paymentSuccessful", "yes"),
            ("paymentRef", "")
        ]),
        concat!(
            r#"{"valid":false,"errors":[{"field":"accountCode","code":"Required","message":"The accountCode field is required."},"#,
            r#"{"field":"contractId","code":"Required","message":"The contractId field is required."},"#,
            r#"{"field":"paymentValue","code":"Precision","message":"The field paymentValue must be a number with at most 16 integer digits and 2 decimals."},"#,
            r#"{"field":"paymentSuccessful","code":"TypeMismatch","message":"The field paymentSuccessful must be true or false."}]}"#
        )
    );
    let parsed: payrules::RecordPaymentBindingModel = payrules::parse_form(
        valid
            .iter()
            .map(|&(k, v)| (Cow::Borrowed(k), Cow::Borrowed(v))),
    )
    .unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(
        (
            parsed.contract_id,
            parsed.payment_successful,
            parsed.upfront_payment
        ),
        (Some(2), Some(true), Some(false))
    );
}

/// `new URLSearchParams(pairs)` in JS.
#[cfg(target_arch = "wasm32")]
fn web_params(pairs: &[(&str, &str)]) -> wasm_bindgen::JsValue {
    let list = js_sys::Array::new();
    for (k, v) in pairs {
        list.push(&js_sys::Array::of2(&(*k).into(), &(*v).into()));
    }
    let constructor =
        js_sys::Function::new_with_args("pairs", "return new URLSearchParams(pairs);");
    constructor
        .call1(&wasm_bindgen::JsValue::NULL, &list)
        .unwrap_or_else(|e| panic!("{e:?}"))
}
