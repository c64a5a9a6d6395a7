//! The wire types `describe`, `describeApi` and `serverError` return, as JSON text for JS to parse: written field by field, without serde's generic serializer (a third of the module's cost of these three exports).
//!
//! Natively the same types serialize through their serde derives; `tests/vectors.rs` compares
//! every server body in wasm with the expected text byte for byte, and the wasm tests compare
//! every description with serde_json's text of it, so the two writers cannot drift.

use crate::alloc_prelude::*;
use crate::bind::Value;
use crate::body::{ServerBody, WebApiBody};
use crate::describe::{ApiDescription, FieldDescription, HtmlAttributes};
use crate::engine::Judgement;
use crate::input::Input;
use crate::number::{js_number_text, push_integer};

/// JSON text being written.
struct Json {
    out: String,
    /// Whether the object or array being written has no member yet.
    first: bool,
}

impl Json {
    fn new() -> Json {
        Json {
            out: String::new(),
            first: true,
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = false;
    }

    /// A member's key (or, with `None`, an array element's place).
    fn member(&mut self, key: Option<&str>) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        if let Some(key) = key {
            self.string(key);
            self.out.push(':');
        }
    }

    fn string(&mut self, text: &str) {
        let out = &mut self.out;
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = u32::from(c) as usize;
                    out.push_str("\\u00");
                    out.push(char::from(HEX.get(code >> 4).copied().unwrap_or(b'0')));
                    out.push(char::from(HEX.get(code & 15).copied().unwrap_or(b'0')));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }

    fn text(&mut self, key: &str, value: &str) {
        self.member(Some(key));
        self.string(value);
    }

    fn boolean(&mut self, key: &str, value: bool) {
        self.member(Some(key));
        self.out.push_str(if value { "true" } else { "false" });
    }

    fn number(&mut self, key: &str, value: Option<f64>) {
        if let Some(value) = value {
            self.member(Some(key));
            self.out.push_str(&js_number_text(value));
        }
    }

    fn integer(&mut self, key: &str, value: Option<u32>) {
        if let Some(value) = value {
            self.member(Some(key));
            push_integer(&mut self.out, i64::from(value));
        }
    }
}

/// `describe`'s fields (keys and omissions as `FieldDescription`'s derive writes them).
pub(super) fn fields(fields: &[FieldDescription]) -> String {
    let mut json = Json::new();
    json.open('[');
    for field in fields {
        json.member(None);
        json.open('{');
        json.text("name", field.name);
        json.text("label", field.label);
        json.text("type", field.kind);
        json.boolean("required", field.required);
        json.integer("maxLength", field.max_length);
        json.number("min", field.min);
        json.number("exclusiveMin", field.exclusive_min);
        json.number("max", field.max);
        json.number("exclusiveMax", field.exclusive_max);
        json.number("step", field.step);
        if let Some(format) = field.format {
            json.text("format", format);
        }
        json.member(Some("html"));
        match &field.html {
            Some(html) => html_attributes(&mut json, html),
            None => json.out.push_str("null"),
        }
        json.close('}');
    }
    json.close(']');
    json.out
}

fn html_attributes(json: &mut Json, html: &HtmlAttributes) {
    json.open('{');
    json.text("type", html.input_type);
    if html.required {
        json.boolean("required", true);
    }
    json.integer("maxlength", html.maxlength);
    if let Some(inputmode) = html.inputmode {
        json.text("inputmode", inputmode);
    }
    json.close('}');
}

/// `describeApi`'s description.
pub(super) fn api(api: &ApiDescription) -> String {
    let mut json = Json::new();
    json.open('{');
    json.text("name", api.name);
    json.text("framework", api.framework);
    json.text("method", api.method);
    json.text("route", api.route);
    json.boolean("forms", api.forms);
    json.close('}');
    json.out
}

/// A 400 body (keys as `ServerBody`'s derive writes them).
pub(super) fn body(body: &ServerBody) -> String {
    let mut json = Json::new();
    json.open('{');
    match body {
        ServerBody::ServiceStack(body) => {
            let status = &body.response_status;
            json.member(Some("responseStatus"));
            json.open('{');
            json.text("errorCode", &status.error_code);
            json.text("message", &status.message);
            json.member(Some("errors"));
            json.open('[');
            for error in &status.errors {
                json.member(None);
                json.open('{');
                json.text("errorCode", &error.error_code);
                json.text("fieldName", &error.field_name);
                json.text("message", &error.message);
                json.member(Some("meta"));
                json.open('{');
                json.text("PropertyName", &error.meta.property_name);
                json.close('}');
                json.close('}');
            }
            json.close(']');
            json.close('}');
        }
        ServerBody::WebApi(WebApiBody {
            message,
            model_state,
        }) => {
            json.text("Message", message);
            json.member(Some("ModelState"));
            json.open('{');
            for (key, messages) in &model_state.0 {
                json.member(Some(key));
                json.open('[');
                for message in messages {
                    json.member(None);
                    json.string(message);
                }
                json.close(']');
            }
            json.close('}');
        }
    }
    json.close('}');
    json.out
}

/// `parse`'s answer for a valid request: `{"valid":true,"errors":[],"value":{…}}`, where
/// `value` is the request as bound (canonical names, converted values, fields without a value
/// left out), as the owned DTO's serde derive writes it: money as a number, dates as .NET's
/// round-trip text, a map's numbers and booleans as their text.
pub(super) fn parsed(judgement: &Judgement<'_>) -> String {
    let mut json = Json::new();
    json.out
        .push_str("{\"valid\":true,\"errors\":[],\"value\":");
    json.open('{');
    for (field, value) in judgement.table.fields.iter().zip(&judgement.values) {
        let Ok(Some(value)) = value else { continue };
        json.member(Some(field.name));
        match value {
            Value::Text(text) => json.string(text),
            Value::Int32(n) => push_integer(&mut json.out, i64::from(*n)),
            Value::Money(money) => json.out.push_str(&js_number_text(money.value())),
            Value::Bool(b) => json.out.push_str(if *b { "true" } else { "false" }),
            Value::DateTime(date) => {
                let mut text = String::new();
                date.push_iso(&mut text);
                json.string(&text);
            }
            Value::Map(entries) => {
                json.open('{');
                // Each value as `bind::to_string` makes it (what `StringMap::own` keeps), written
                // out here: calling it through its `Cow` costs the module 156 B gzip.
                for (key, input) in entries.iter() {
                    json.member(Some(key));
                    match input {
                        Input::Text(text) => json.string(text),
                        Input::Number(n) => json.string(&js_number_text(*n)),
                        Input::Bool(b) => json.string(if *b { "true" } else { "false" }),
                        _ => json.out.push_str("null"),
                    }
                }
                json.close('}');
            }
        }
    }
    json.close('}');
    json.out.push('}');
    json.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DtoName;

    /// Every description, as the derives write it (`serde_json`): the same text, but for
    /// numbers, which JavaScript reads alike (`1.0` and `1`).
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn descriptions_are_what_their_derives_write() {
        let same = |ours: &str, theirs: &str| {
            let parse = |text: &str| -> serde_json::Value {
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
            };
            let normal = |value: serde_json::Value| {
                value.to_string().replace(".0,", ",").replace(".0}", "}")
            };
            assert_eq!(normal(parse(ours)), normal(parse(theirs)));
        };
        for &dto in DtoName::ALL {
            let fields = crate::describe(dto);
            same(
                &super::fields(&fields),
                &serde_json::to_string(&fields).unwrap_or_default(),
            );
            let description = crate::describe_api(dto);
            same(
                &api(&description),
                &serde_json::to_string(&description).unwrap_or_default(),
            );
        }
    }
}
