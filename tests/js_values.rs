//! JS values JSON cannot hold (BigInt, Symbol, NaN, Proxies, throwing getters, cycles, lone surrogates) through the JS API: always a result, never a trap.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod js_eval;

use js_eval::{js, validate};

const VALID_ONCE_OFF: &str = r#"{Segment: "Retail", FirstName: "Ada", LastName: "Lovelace", InvoiceNumber: "INV-1", AmountOutstanding: 10.5, CurrenciesId: 1, ChannelsId: 2}"#;

/// Validates `overrides` spread over a valid OnceOffPaymentRequest; expects exactly `errors`.
#[track_caller]
fn check_once_off(overrides: &str, errors: &str) {
    check_once_off_with(&format!("o => Object.assign(o, {overrides})"), errors);
}

/// Validates a valid OnceOffPaymentRequest changed by the JS function `change`.
#[track_caller]
fn check_once_off_with(change: &str, errors: &str) {
    let input = js(&format!("({change})({VALID_ONCE_OFF})"));
    let expected = format!(r#"{{"valid":{},"errors":[{errors}]}}"#, errors.is_empty());
    assert_eq!(
        validate("OnceOffPaymentRequest", input),
        expected,
        "{change}"
    );
}

const NOT_AN_OBJECT: &str = r#"{"valid":false,"errors":[{"field":"","code":"SerializationException","message":"The request body must be a JSON object."}]}"#;
const UNREADABLE: &str = r#"{"valid":false,"errors":[{"field":"","code":"SerializationException","message":"The request object could not be read."}]}"#;

#[wasm_bindgen_test]
fn values_that_are_not_objects_are_one_request_error() {
    for expression in [
        "null",
        "undefined",
        "42",
        "NaN",
        "'text'",
        "true",
        "[]",
        "[1, 2]",
        "10n",
        "Symbol('x')",
        "() => 1",
        "new Proxy([], {})",
    ] {
        assert_eq!(
            validate("OnceOffPaymentRequest", js(expression)),
            NOT_AN_OBJECT,
            "{expression}"
        );
    }
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_type_errors_of_their_field() {
    check_once_off("{}", "");
    check_once_off(
        "{CurrenciesId: 10n}",
        r#"{"field":"CurrenciesId","code":"TypeMismatch","message":"'Currencies Id' must be a whole number between -2147483648 and 2147483647."}"#,
    );
    check_once_off(
        "{FirstName: Symbol('x')}",
        r#"{"field":"FirstName","code":"TypeMismatch","message":"'First Name' must be a string."}"#,
    );
    check_once_off(
        "{FirstName: function () {}}",
        r#"{"field":"FirstName","code":"TypeMismatch","message":"'First Name' must be a string."}"#,
    );
    check_once_off(
        "{FirstName: NaN}",
        r#"{"field":"FirstName","code":"TypeMismatch","message":"'First Name' must be a string."}"#,
    );
    check_once_off(
        "{AmountOutstanding: NaN}",
        r#"{"field":"AmountOutstanding","code":"TypeMismatch","message":"'Amount Outstanding' must be a decimal number."}"#,
    );
    check_once_off(
        "{AmountOutstanding: -Infinity}",
        r#"{"field":"AmountOutstanding","code":"TypeMismatch","message":"'Amount Outstanding' must be a decimal number."}"#,
    );
    check_once_off(
        "{AmountOutstanding: 0.1 + 0.2}",
        r#"{"field":"AmountOutstanding","code":"ScalePrecision","message":"'Amount Outstanding' must not be more than 18 digits in total, with allowance for 2 decimals. 0 digits and 17 decimals were found."}"#,
    );
    check_once_off(
        "{AmountOutstanding: undefined}",
        r#"{"field":"AmountOutstanding","code":"NotNull","message":"'Amount Outstanding' must not be empty."}"#,
    );
    check_once_off(
        "{DebtDate: new Date(0)}",
        r#"{"field":"DebtDate","code":"TypeMismatch","message":"'Debt Date' must be a date in the form YYYY-MM-DD."}"#,
    );
    check_once_off("{DebtMeta: new Map([['a', 'b']])}", "");
    check_once_off(
        "{DebtMeta: {a: 1n}}",
        r#"{"field":"DebtMeta","code":"TypeMismatch","message":"'Debt Meta' must be an object whose values are strings."}"#,
    );
    check_once_off(
        "{Email: new String('a@b')}",
        r#"{"field":"Email","code":"TypeMismatch","message":"'Email' must be a string."}"#,
    );
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies_never_escape() {
    let first_name_threw =
        r#"{"field":"FirstName","code":"TypeMismatch","message":"'First Name' must be a string."}"#;
    check_once_off_with("o => Object.defineProperty(o, 'FirstName', {enumerable: true, get() { throw new Error('boom'); }})", first_name_threw);
    // A getter on a key that names no field never runs.
    check_once_off_with("o => Object.defineProperty(o, 'Unrelated', {enumerable: true, get() { throw new Error('boom'); }})", "");
    // A getter that mutates the object while it is read: fields are read once, in key order.
    check_once_off_with(
        "o => Object.defineProperty(o, 'FirstName', {enumerable: true, get() { o.LastName = null; return 'Ada'; }})",
        r#"{"field":"LastName","code":"NotNull","message":"'Last Name' must not be empty."}"#,
    );
    let throwing_get = js(&format!(
        "new Proxy({VALID_ONCE_OFF}, {{ get() {{ throw new Error('trap'); }} }})"
    ));
    let got = validate("OnceOffPaymentRequest", throwing_get);
    assert!(
        got.starts_with(r#"{"valid":false,"errors":[{"field":"Segment","code":"TypeMismatch""#),
        "{got}"
    );
    assert_eq!(got.matches("TypeMismatch").count(), 7, "{got}");
    assert_eq!(
        validate(
            "OnceOffPaymentRequest",
            js("new Proxy({}, { ownKeys() { throw new Error('trap'); } })")
        ),
        UNREADABLE
    );
    assert_eq!(
        validate(
            "OnceOffPaymentRequest",
            js("(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()")
        ),
        UNREADABLE
    );
    check_once_off(
        "{DebtMeta: new Proxy({}, { ownKeys() { throw new Error('trap'); } })}",
        r#"{"field":"DebtMeta","code":"TypeMismatch","message":"'Debt Meta' must be an object whose values are strings."}"#,
    );
}

#[wasm_bindgen_test]
fn cycles_deep_nesting_and_odd_keys() {
    check_once_off("(() => { const o = {}; o.self = o; o.DebtMeta = {a: 'x'}; o.CustomersMeta = o; return o; })()", r#"{"field":"CustomersMeta","code":"TypeMismatch","message":"'Customers Meta' must be an object whose values are strings."}"#);
    check_once_off(
        "(() => { let v = {}; for (let i = 0; i < 100000; i++) v = {v}; return {DebtMeta: v, CustomersMeta: {a: 'b'}}; })()",
        r#"{"field":"DebtMeta","code":"TypeMismatch","message":"'Debt Meta' must be an object whose values are strings."}"#,
    );
    check_once_off(
        "JSON.parse('{\"__proto__\": {\"FirstName\": 5}, \"constructor\": 1}')",
        "",
    );
    check_once_off("Object.freeze({firstname: 'Ada', FIRSTNAME: ''})", "");
    check_once_off("Object.assign(Object.create({FirstName: null}), {})", "");
}

#[wasm_bindgen_test]
fn lone_surrogates_count_as_one_unit_each() {
    let record = |account_code: &str| {
        js(&format!("({{accountCode: {account_code}, contractId: 1, paymentValue: 1, paymentSuccessful: true}})"))
    };
    assert_eq!(
        validate("RecordPaymentBindingModel", record("'\\uD800'.repeat(10)")),
        r#"{"valid":true,"errors":[]}"#
    );
    assert_eq!(
        validate("RecordPaymentBindingModel", record("'\\uDC00'.repeat(11)")),
        r#"{"valid":false,"errors":[{"field":"accountCode","code":"MaxLength","message":"The field accountCode must be a string or array type with a maximum length of '10'."}]}"#
    );
    check_once_off("{Email: '\\uD800@\\uDFFF'}", "");
}

#[wasm_bindgen_test]
fn unknown_dto_names_throw_an_error_listing_the_known_ones() {
    let registry: Vec<&str> = payrules::DtoName::ALL.iter().map(|d| d.as_str()).collect();
    for dto in [js("'Nope'"), js("undefined"), js("5"), js("Symbol('x')")] {
        let error =
            payrules::wasm::validate(&dto, &js("({})"), &JsValue::UNDEFINED).expect_err("throws");
        let message = js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        assert!(error.is_instance_of::<js_sys::Error>(), "{error:?}");
        assert!(
            message.contains(&format!("known DTOs: {}", registry.join(", "))),
            "{message}"
        );
        // An export of the glue answers the same Error as its value (the glue throws it).
        let answered = payrules::wasm::describe_export(&dto);
        assert!(answered.is_instance_of::<js_sys::Error>(), "{answered:?}");
    }
    // An answer is never an Error.
    let answer = payrules::wasm::describe_export(&js("'CreatePaymentRequest'"));
    assert!(!answer.is_instance_of::<js_sys::Error>(), "{answer:?}");
    let names = payrules::wasm::dto_names();
    assert!(js_sys::Array::is_array(&names), "an array");
    let names: Vec<String> = js_sys::Array::from(&names)
        .iter()
        .map(|n| n.as_string().unwrap_or_default())
        .collect();
    assert_eq!(names, registry, "dtoNames() lists the registry, in order");
}

#[wasm_bindgen_test]
fn server_error_rejects_what_is_not_a_result() {
    for bad in [
        "null",
        "42",
        "{}",
        "{errors: 5}",
        "{errors: [5]}",
        "{errors: [{field: 'a', code: 'b'}]}",
        "new Proxy({}, { get() { throw new Error('trap'); } })",
    ] {
        let thrown = payrules::wasm::server_error(&"CreatePaymentRequest".into(), &js(bad));
        assert!(thrown.is_err(), "{bad}");
    }
    let valid = payrules::wasm::server_error(
        &"CreatePaymentRequest".into(),
        &js("({valid: true, errors: []})"),
    )
    .expect("a result");
    assert!(valid.is_null());
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_hostile_calls() {
    for _ in 0..200 {
        let _ = payrules::wasm::validate(
            &"OnceOffPaymentRequest".into(),
            &js("new Proxy({}, { ownKeys() { throw new Error('trap'); } })"),
            &JsValue::UNDEFINED,
        );
        let _ = payrules::wasm::validate(
            &"OnceOffPaymentRequest".into(),
            &js("({FirstName: 1n, LastName: Symbol(), Segment: () => 1})"),
            &JsValue::UNDEFINED,
        );
        let _ = payrules::wasm::validate(&"Nope".into(), &js("({})"), &JsValue::UNDEFINED);
        let _ =
            payrules::wasm::server_error(&"OnceOffPaymentRequest".into(), &js("({errors: [{}]})"));
    }
    check_once_off("{}", "");
    check_once_off(
        "{CurrenciesId: '0'}",
        r#"{"field":"CurrenciesId","code":"GreaterThan","message":"'Currencies Id' must be greater than '0'."}"#,
    );
}

/// The reader numbers keys it has seen (reader.js interns them; Rust keeps the same table).
/// Many distinct keys, long keys, a getter that throws after keys were numbered, and keys
/// that only differ in case must never make a later call bind a key to the wrong field.
#[wasm_bindgen_test]
fn interned_keys_stay_in_step_with_rust() {
    let greater_than = r#"{"field":"CurrenciesId","code":"GreaterThan","message":"'Currencies Id' must be greater than '0'."}"#;
    // 3,000 distinct keys: past the table's limit, so the numbering starts again midway.
    for round in 0..3 {
        let many = js(&format!(
            "(() => {{ const o = {{}}; for (let i = 0; i < 1000; i++) o['k{round}_' + i] = i; o.CurrenciesId = 0; return o; }})()"
        ));
        let result = validate("OnceOffPaymentRequest", many);
        assert!(result.contains(greater_than), "{result}");
        check_once_off("{currenciesid: 0}", greater_than);
    }
    // A key longer than the interning limit, in any letter case, still binds.
    check_once_off(&format!("{{['{}']: 5}}", "x".repeat(100)), "");
    // A getter that throws after new keys were numbered: the read fails as a whole; the
    // next call starts the numbering again on both sides.
    let thrown = js(
        "({ NewKeyA: 1, NewKeyB: 2, get Boom() { throw new Error('getter'); }, ChannelsId: 0 })",
    );
    let result = validate("OnceOffPaymentRequest", thrown);
    assert!(result.contains("ChannelsId"), "{result}");
    let proxy = js("new Proxy({ NewKeyC: 1, CurrenciesId: 0 }, { get(t, k) { if (k === 'CurrenciesId') throw new Error('trap'); return t[k]; } })");
    let result = validate("OnceOffPaymentRequest", proxy);
    assert!(result.contains("CurrenciesId"), "{result}");
    check_once_off("{NewKeyA: 1, NewKeyC: 2, CURRENCIESID: 0}", greater_than);
    // The same keys through another DTO mean that DTO's fields.
    let record = js("({ accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true, CurrenciesId: 0 })");
    assert_eq!(
        validate("RecordPaymentBindingModel", record),
        r#"{"valid":true,"errors":[]}"#
    );
}

/// Lone surrogates at the ends of neighbouring keys and values stay lone (one U+FFFD each):
/// the copy joins every key and string into one text, where a lone high surrogate and a lone
/// low one would otherwise become one character and shift every later value.
#[wasm_bindgen_test]
fn lone_surrogates_at_the_seams_of_the_copy_stay_apart() {
    let max_len = |field: &str| {
        format!(
            r#"{{"field":"{field}","code":"MaxLength","message":"The field {field} must be a string or array type with a maximum length of '10'."}}"#
        )
    };
    let valid = "accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true";
    for round in 0..2 {
        // Value ends high, next value starts low (the keys between them are interned after round 0).
        let input = js(&format!(
            "({{ {valid}, paymentRef: 'x\\uD800', message: '\\uDC00' + 'y'.repeat(9), paymentType: 'ok' }})"
        ));
        assert_eq!(
            validate("RecordPaymentBindingModel", input),
            r#"{"valid":true,"errors":[]}"#,
            "round {round}"
        );
        // Key ends high, its value starts low; then a value that must still be read in full.
        let input = js(&format!(
            "({{ {valid}, ['k\\uD800']: '\\uDC00', accountCode: '\\uDC00' + 'z'.repeat(10) }})"
        ));
        assert_eq!(
            validate("RecordPaymentBindingModel", input),
            format!(r#"{{"valid":false,"errors":[{}]}}"#, max_len("accountCode")),
            "round {round}"
        );
    }
}

/// Number text is JavaScript's, to the digit: `js_number_text` against the engine's own
/// `Number.prototype.toString` on random doubles of every magnitude (ties included).
#[wasm_bindgen_test]
fn number_text_is_the_engines_own() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for i in 0..100_000u64 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let value = match i % 3 {
            0 => f64::from_bits(seed),
            1 => (seed % 100_000_000) as f64 / 100.0,
            _ => (seed % 1_000_000_000_000_000) as f64 / 4.0,
        };
        if value.is_nan() {
            continue;
        }
        let engine = js_sys::Number::from(value)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        assert_eq!(payrules::js_number_text(value), engine, "{value:e}");
    }
}
