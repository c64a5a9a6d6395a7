//! Hostile JS values through the JS API, in Node and headless Chromium: each gives a result (or, for an unknown DTO, a JS `Error`), and after 10,000 hostile calls the module still judges normal input exactly and its memory has stopped growing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod js_eval;

use js_eval::{js, validate};

/// The size of the module's linear memory, in bytes.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| {
            memory
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}

fn now() -> f64 {
    js_sys::Date::now()
}

const VALID_RECORD: &str =
    "{accountCode: 'HSMM1113', contractId: 7, paymentValue: 1050.49, paymentSuccessful: true}";

/// Each hostile value, what it is, and a piece its result must contain (for `validate` of a
/// RecordPaymentBindingModel; most are built around a valid request).
const HOSTILE: &[(&str, &str, &str)] = &[
    ("a Proxy whose ownKeys trap throws", "new Proxy({}, { ownKeys() { throw new Error('trap'); } })", "could not be read"),
    ("a Proxy whose get trap throws", "new Proxy({ accountCode: 'A' }, { get() { throw new Error('trap'); } })", r#""field":"accountCode","code":"TypeMismatch""#),
    ("a Proxy whose getOwnPropertyDescriptor trap throws", "new Proxy({ accountCode: 'A' }, { getOwnPropertyDescriptor() { throw new Error('trap'); } })", r#""valid":false"#),
    ("a revoked Proxy", "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()", "could not be read"),
    ("a getter that throws", "Object.defineProperty({}, 'contractId', { enumerable: true, get() { throw new Error('getter'); } })", r#""field":"contractId","code":"TypeMismatch""#),
    ("getters that add and delete keys while being read", "(() => { const o = { accountCode: 'A', get contractId() { delete o.accountCode; o.paymentValue = 1; for (let i = 0; i < 100; i++) o['k' + i] = i; return 1; }, paymentSuccessful: true }; return o; })()", r#""valid":"#),
    ("a cyclic object", "(() => { const o = { accountCode: 'A' }; o.contractId = o; o.self = o; return o; })()", r#""field":"contractId","code":"TypeMismatch""#),
    ("an object with 100,000 keys", "(() => { const o = {}; for (let i = 0; i < 100000; i++) o['key' + i] = i; o.accountCode = 'A'; o.contractId = 0; return o; })()", r#""field":"contractId","code":"Range""#),
    ("a 10 MB string in a field a rule reads", "({ accountCode: 'x'.repeat(10 * 1024 * 1024), contractId: 1, paymentValue: 1, paymentSuccessful: true })", r#""field":"accountCode","code":"MaxLength""#),
    ("a 10 MB string in a field no rule reads", "({ accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true, paymentType: 'y'.repeat(10 * 1024 * 1024) })", r#"{"valid":true,"errors":[]}"#),
    ("a 10 MB key", "({ ['k'.repeat(10 * 1024 * 1024)]: 1, accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true })", r#"{"valid":true,"errors":[]}"#),
    ("a 100,000-deep array in a field", "(() => { let v = []; for (let i = 0; i < 100000; i++) v = [v]; return { accountCode: v }; })()", r#""field":"accountCode","code":"TypeMismatch""#),
    ("a 100,000-deep object as the request", "(() => { let v = {}; for (let i = 0; i < 100000; i++) v = { accountCode: v }; return v; })()", r#""field":"accountCode","code":"TypeMismatch""#),
    ("__proto__ and constructor as own keys", "JSON.parse('{\"__proto__\": {\"accountCode\": \"A\"}, \"constructor\": 1, \"accountCode\": \"B\", \"contractId\": 1, \"paymentValue\": 1, \"paymentSuccessful\": true}')", r#"{"valid":true,"errors":[]}"#),
    ("a prototype holding the fields (not own keys)", "Object.create({ accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true })", r#""code":"Required""#),
    ("a frozen object", "Object.freeze({ accountCode: 'A', contractId: 1, paymentValue: 1, paymentSuccessful: true })", r#"{"valid":true,"errors":[]}"#),
    ("BigInt and Symbol values", "({ accountCode: 1n, contractId: Symbol('x'), paymentValue: 10n, paymentSuccessful: Symbol.iterator })", r#""field":"contractId","code":"TypeMismatch""#),
    ("a sparse array as the request", "[, , 1]", "must be a JSON object"),
    ("a sparse array in a field", "({ accountCode: [, , 'A'] })", r#""field":"accountCode","code":"TypeMismatch""#),
    ("lone surrogates", "({ accountCode: '\\uD800\\uDC00\\uDC00\\uD800'.repeat(3), contractId: 1, paymentValue: 1, paymentSuccessful: true })", r#""field":"accountCode","code":"MaxLength""#),
    ("functions and symbols as keys' values, a Symbol key", "({ [Symbol('k')]: 1, accountCode: () => 'A', contractId: class {} })", r#""field":"accountCode","code":"TypeMismatch""#),
    ("a Map, a Date and a typed array", "({ accountCode: new Map([['a', 1]]), contractId: new Date(0), paymentValue: new Uint8Array(4) })", r#""field":"accountCode","code":"TypeMismatch""#),
];

#[wasm_bindgen_test]
fn hostile_values_give_results_and_the_module_stays_usable() {
    let before = memory_bytes();
    let values: Vec<(&str, JsValue, &str)> = HOSTILE
        .iter()
        .map(|(what, expression, expected)| (*what, js(expression), *expected))
        .collect();
    // One pass: each result, and how long each took (printed; bounded by the input's size).
    for (what, value, expected) in &values {
        let start = now();
        let result = validate("RecordPaymentBindingModel", value.clone());
        let took = now() - start;
        wasm_bindgen_test::console_log!("{what}: {took} ms");
        assert!(result.contains(expected), "{what}: {result}");
        for dto in payrules::DtoName::ALL {
            assert!(
                validate(dto.as_str(), value.clone()).starts_with(r#"{"valid":"#),
                "{what} ({dto})"
            );
        }
    }
    let warm = memory_bytes();
    // 10,000 hostile calls in all (the large values fewer times, to keep the run short).
    let mut calls = 0;
    while calls < 10_000 {
        for (what, value, _) in &values {
            let large = what.contains("10 MB") || what.contains("100,000");
            if large && calls % 1_000 != 0 {
                continue;
            }
            let _ = validate("RecordPaymentBindingModel", value.clone());
            let _ = payrules::wasm::validate(&"Nope".into(), value, &JsValue::UNDEFINED);
            calls += 2;
        }
    }
    let after = memory_bytes();
    wasm_bindgen_test::console_log!(
        "wasm memory: {before} bytes before, {warm} after one pass, {after} after {calls} hostile calls"
    );
    assert!(
        after <= warm + 1_048_576.0,
        "memory grew from {warm} to {after}"
    );
    assert_eq!(
        validate("RecordPaymentBindingModel", js(VALID_RECORD)),
        r#"{"valid":true,"errors":[]}"#
    );
    assert_eq!(
        validate("RecordPaymentBindingModel", js("{contractId: 0}")),
        r#"{"valid":false,"errors":[{"field":"accountCode","code":"Required","message":"The accountCode field is required."},{"field":"contractId","code":"Range","message":"The field contractId must be between 1 and 2147483647."},{"field":"paymentValue","code":"Required","message":"The paymentValue field is required."},{"field":"paymentSuccessful","code":"Required","message":"The paymentSuccessful field is required."}]}"#
    );
}
