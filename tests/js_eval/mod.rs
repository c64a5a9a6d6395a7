//! Helpers for the wasm tests that build JS values: evaluate an expression, stringify a value, validate one.

use wasm_bindgen::JsValue;

/// Evaluates a JS expression (built with `Function`, so it runs the same in Node and Chromium).
pub fn js(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .unwrap_or_else(|e| panic!("{expression} throws: {e:?}"))
}

/// `JSON.stringify(value)`, or "" if it throws.
pub fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The result of `validate` as JSON text; panics if it threw.
pub fn validate(dto: &str, input: JsValue) -> String {
    let result = payrules::wasm::validate(&dto.into(), &input, &JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("validate threw {:?}", e));
    stringify(&result)
}
