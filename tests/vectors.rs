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
        payrules::wasm::validate(name, &input, &wasm_bindgen::JsValue::UNDEFINED)
    })
}

/// The same case through `validateJson`: the JSON text itself, as a JS string.
#[cfg(target_arch = "wasm32")]
fn js_text(dto: DtoName, text: &str) -> Outcome {
    let text = wasm_bindgen::JsValue::from_str(text);
    js_outcome(dto, "validateJson", |name| {
        payrules::wasm::validate_json(name, &text, &wasm_bindgen::JsValue::UNDEFINED)
    })
}

/// The result of the JS export `export` and the body `serverError` makes of it.
#[cfg(target_arch = "wasm32")]
fn js_outcome(
    dto: DtoName,
    export: &str,
    run: impl FnOnce(&wasm_bindgen::JsValue) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>,
) -> Outcome {
    use wasm_bindgen::JsValue;
    let stringify = |v: &JsValue| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let name = JsValue::from_str(dto.as_str());
    let result = run(&name).unwrap_or_else(|e| panic!("{export} threw: {:?}", e));
    let body = payrules::wasm::server_error(&name, &result)
        .unwrap_or_else(|e| panic!("serverError threw: {:?}", e));
    Outcome {
        result: stringify(&result),
        body: stringify(&body),
    }
}

/// The same case through `parse` on the `JSON.parse`d object: its verdict and errors are the
/// expected result, and when valid its `value` is the request as the native crate binds it
/// (`parse_named`, serialized as the reference server echoes it). `None` when it agrees.
#[cfg(target_arch = "wasm32")]
fn js_parse_differs(dto: DtoName, text: &str, expected: &str) -> Option<String> {
    use wasm_bindgen::JsValue;
    // Text that is not JSON has no object to give `parse` (validateJson covers it).
    let input = js_sys::JSON::parse(text).ok()?;
    let result = payrules::wasm::parse(
        &JsValue::from_str(dto.as_str()),
        &input,
        &JsValue::UNDEFINED,
    )
    .unwrap_or_else(|e| panic!("parse threw: {:?}", e));
    let text_of = |v: &JsValue| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let mut result: Value = serde_json::from_str(&text_of(&result)).unwrap_or(Value::Null);
    let value = result.as_object_mut().and_then(|r| r.remove("value"));
    let got = json(&result);
    if got != expected {
        return Some(format!("parse gives {got}"));
    }
    let native = payrules::parse_named(dto, text.as_bytes())
        .ok()
        .map(|request| serde_json::to_value(&request).unwrap_or(Value::Null));
    // Numbers compared as the doubles they are (serde writes money as `100.0`, JS as `100`).
    fn numbers_as_doubles(value: Value) -> Value {
        match value {
            Value::Number(n) => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map_or(Value::Null, Value::Number),
            Value::Array(items) => {
                Value::Array(items.into_iter().map(numbers_as_doubles).collect())
            }
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, numbers_as_doubles(v)))
                    .collect(),
            ),
            other => other,
        }
    }
    let (value, native) = (
        value.map(numbers_as_doubles),
        native.map(numbers_as_doubles),
    );
    (value != native).then(|| format!("parse's value {value:?}, natively bound {native:?}"))
}

/// The case's 400 body read back (`from_server_error` on `ServerReply::of_json`): exactly the
/// client's result. (The JS entry's `fromServerError` reads every vector's body in
/// tests/js/server-errors.test.mjs.) `None` when it agrees.
#[cfg(not(target_arch = "wasm32"))]
fn read_back_differs(dto: DtoName, body: &Value, expected: &str) -> Option<String> {
    if body.is_null() {
        return None;
    }
    let reply = payrules::ServerReply::of_json(body);
    let native = json(&payrules::from_server_error(dto, 400, &reply));
    (native != expected).then(|| format!("from_server_error gives {native}"))
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| panic!("serializes: {e}"))
}

/// Runs every case of one vector file of `dto`; fails listing each case that differs.
#[track_caller]
fn check(dto: DtoName, file: &str) -> usize {
    let file: Value =
        serde_json::from_str(file).unwrap_or_else(|e| panic!("vector file is JSON: {e}"));
    assert_eq!(file["dto"], dto.as_str(), "the vector file names its DTO");
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
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(difference) = read_back_differs(dto, &case["body"], &expected.result) {
            failures.push(format!(
                "{dto} / {name} (read back)\n  body: {}\n  {difference}",
                expected.body
            ));
        }
        #[cfg(target_arch = "wasm32")]
        if let Some(difference) = js_parse_differs(dto, &text, &expected.result) {
            failures.push(format!(
                "{dto} / {name} (parse)\n  input:    {text}\n  {difference}"
            ));
        }
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

/// One test per registered DTO, on `tests/vectors/<module>.json` (a DTO without its file does
/// not compile).
macro_rules! vector_tests {
    ($($module:ident :: $name:ident),* $(,)?) => {
        $(
            #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
            #[cfg_attr(not(target_arch = "wasm32"), test)]
            fn $module() {
                let file = include_str!(concat!("vectors/", stringify!($module), ".json"));
                assert!(check(DtoName::$name, file) >= 30);
                check_form(DtoName::$name, file);
            }
        )*
    };
}
payrules::for_each_dto!(vector_tests);

/// Every vector file belongs to a registered DTO (and names it), and every file under
/// `src/dto/` is registered: nothing is left out silently.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn vector_files_and_dto_files_are_the_registry() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let stems = |dir: &str, extension: &str| -> Vec<String> {
        let mut stems: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|entry| entry.ok()?.path().file_name()?.to_str().map(str::to_owned))
            .filter_map(|name| name.strip_suffix(extension).map(str::to_owned))
            .filter(|stem| stem != "mod")
            .collect();
        stems.sort();
        stems
    };
    let mut modules: Vec<String> = DtoName::ALL.iter().map(|d| d.module().to_owned()).collect();
    modules.sort();
    assert_eq!(
        stems("tests/vectors", ".json"),
        modules,
        "tests/vectors/*.json"
    );
    assert_eq!(stems("src/dto", ".rs"), modules, "src/dto/*.rs");
    for dto in DtoName::ALL {
        let path = root.join(format!("tests/vectors/{}.json", dto.module()));
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(file["dto"], dto.as_str(), "{}", path.display());
    }
}

/// The `form` cases of a vector file (what the browser tests type into the demo's form) give
/// the same verdicts through form binding here: the valid entries pass, the invalid ones give
/// exactly the listed errors.
#[track_caller]
fn check_form(dto: DtoName, file: &str) {
    let file: Value =
        serde_json::from_str(file).unwrap_or_else(|e| panic!("vector file is JSON: {e}"));
    let form = &file["form"];
    let pairs = |entries: &Value| -> Vec<(String, String)> {
        entries
            .as_object()
            .unwrap_or_else(|| panic!("{dto}: form entries are an object"))
            .iter()
            .map(|(name, value)| match value {
                Value::String(text) => (name.clone(), text.clone()),
                // A checkbox: checked is true, unchecked false.
                other => (name.clone(), other.to_string()),
            })
            .collect()
    };
    let judge = |entries: &Value| {
        let mut pairs = pairs(entries);
        // The demo's form has a checkbox for each bool field: unchecked, it sends `false`.
        for field in dto.fields() {
            if field.kind == payrules::Kind::Bool && !pairs.iter().any(|(k, _)| k == field.name) {
                pairs.push((field.name.to_owned(), "false".to_owned()));
            }
        }
        payrules::validate_form(
            dto,
            pairs
                .iter()
                .map(|(k, v)| (k.as_str().into(), v.as_str().into())),
        )
    };
    assert_eq!(judge(&form["valid"]).errors, vec![], "{dto}: form.valid");
    let errors: Vec<(String, String)> = judge(&form["invalid"])
        .errors
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect();
    let expected: Vec<(String, String)> = serde_json::from_value(form["errors"].clone())
        .unwrap_or_else(|e| panic!("{dto}: form.errors: {e}"));
    assert_eq!(errors, expected, "{dto}: form.invalid");
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
                &"RecordPaymentBindingModel".into(),
                &web_params(pairs),
                &wasm_bindgen::JsValue::UNDEFINED,
            )
            .unwrap_or_else(|e| panic!("{:?}", e));
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
