//! JSON Schema (draft 2020-12) of each DTO's body and the OpenAPI 3.1 document of their routes, generated from the rule tables (native only: the wasm module has none of it).
//!
//! Nothing here restates a rule: each field's kind gives the JSON it accepts (as `bind.rs`
//! converts it) and its rules give the keywords. A schema accepts every request payrules
//! judges valid and rejects what JSON Schema can state (types, required fields, lengths,
//! bounds, the shape of numeric and date text, e-mail and URL). What it cannot state is said
//! in the field's `description` and in `x-payrules-*` keywords (annotations: a strict
//! validator such as ajv needs them named, [`JSON_SCHEMA_KEYWORDS`]):
//!
//! - lengths in UTF-16 code units (`maxLength` counts code points, so it is only looser):
//!   `x-payrules-maxLengthUtf16`;
//! - money measured on its decimal text (a number on its shortest round-trip text):
//!   `x-payrules-decimal`; `multipleOf` would reject valid amounts through float rounding;
//! - field names matched in any letter case (`x-payrules-caseInsensitiveNames`): the required
//!   fields are checked when no key spells one of them in another case;
//! - comparisons with another field: `x-payrules-compareField`; bounds and lengths of numbers
//!   given as text, and calendar dates (`2023-02-29`): in descriptions.
//!
//! Patterns are written in the subset of regular expressions that ECMA-262 (JSON Schema's
//! dialect, with or without the `u` flag), Python's `re` and Rust's `regex` read alike:
//! ASCII text, other characters as `\uXXXX`; the whitespace `str::trim` trims is taken from
//! `char::is_whitespace` itself.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use crate::alloc_prelude::*;
use crate::number::js_number_text;
use crate::table::{DtoTable, Field, Framework, Kind, Op, Rule, Violation};
use crate::{describe_api, wording, DtoName};

/// The dialect of every schema.
pub const JSON_SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The `x-payrules-*` keywords the schemas use: annotations that change no verdict. A strict
/// validator must be told of them (ajv: `ajv.addVocabulary(JSON_SCHEMA_KEYWORDS)`).
pub const JSON_SCHEMA_KEYWORDS: &[&str] = &[
    // The DTO: its API (`describe_api`), that names match in any letter case, its field order.
    "x-payrules-api",
    "x-payrules-caseInsensitiveNames",
    "x-payrules-fieldOrder",
    // A field: its C# name, kind, whether it is required, and the rules JSON Schema cannot state.
    "x-payrules-csharpName",
    "x-payrules-kind",
    "x-payrules-required",
    "x-payrules-maxLengthUtf16",
    "x-payrules-notBlank",
    "x-payrules-format",
    "x-payrules-decimal",
    "x-payrules-compareField",
];

/// The JSON Schema of `dto`'s JSON body: what payrules' JSON readers (and `validate` on a JS
/// object) accept. Its `$id` names the DTO under the crate's repository.
pub fn json_schema(dto: DtoName) -> Value {
    let mut schema = Map::new();
    schema.insert("$schema".into(), JSON_SCHEMA_DIALECT.into());
    schema.insert(
        "$id".into(),
        format!(
            "{}/json-schema/{}.json",
            env!("CARGO_PKG_REPOSITORY"),
            dto.as_str()
        )
        .into(),
    );
    schema.extend(body_schema(dto, Body::Json));
    Value::Object(schema)
}

/// The JSON Schema of what the server answers 200 with for a ServiceStack DTO that has no
/// response DTO of its own: the request as bound, as the DTO's `Serialize` writes it (wire
/// names, values converted, fields with no value left out).
pub fn bound_request_schema(dto: DtoName) -> Value {
    let table = dto.table();
    let p = patterns();
    let properties: Map<String, Value> = table
        .fields
        .iter()
        .map(|field| {
            let value = match field.kind {
                Kind::String => json!({ "type": "string" }),
                Kind::Int32 => {
                    json!({ "type": "integer", "minimum": i32::MIN, "maximum": i32::MAX })
                }
                Kind::Money => json!({ "type": "number" }),
                Kind::Bool => json!({ "type": "boolean" }),
                Kind::DateTime => json!({ "type": "string", "pattern": format!("^{}$", p.date) }),
                Kind::Map => json!({
                    "type": "object",
                    "additionalProperties": { "anyOf": [{ "type": "string" }, { "type": "null" }] }
                }),
            };
            (field.name.to_owned(), value)
        })
        .collect();
    // A valid request has every required field: its bound value never leaves one out.
    let required: Vec<&str> = table
        .fields
        .iter()
        .filter(|field| field.is_required())
        .map(|field| field.name)
        .collect();
    json!({
        "title": table.name,
        "description": format!("The {} as bound: canonical names, converted values, fields with no value left out.", table.name),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// An answer the server gives to a request as a whole, besides validation's 400: its status,
/// ServiceStack's `errorCode` for it, what it means, and a header it always carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestAnswer {
    pub status: u16,
    pub code: &'static str,
    pub description: &'static str,
    /// A header and its one value (408's `Connection: close`).
    pub header: Option<(&'static str, &'static str)>,
}

/// The OpenAPI 3.1 document of every registered DTO's route: its request bodies (JSON, and the
/// forms it takes), its 200 answer (`ok(dto)`: the JSON Schema of the body, `None` for an
/// empty one — the server knows its answers), its 400 body in its framework's shape, and the
/// server's request-level `answers` (408, 413, 415) in that shape too.
pub fn openapi(ok: impl Fn(DtoName) -> Option<Value>, answers: &[RequestAnswer]) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    for &dto in DtoName::ALL {
        let operation = operation(dto, ok(dto), answers, &mut schemas);
        paths.insert(dto.table().route.to_owned(), json!({ "post": operation }));
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "payrules reference server",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Every registered DTO's API, validated with payrules' rule tables. Generated from the tables: each request body's schema is the DTO's JSON Schema (`payrules/json-schema`).",
        },
        "paths": paths,
        "components": { "schemas": schemas },
    })
}

/// `POST <route>` of `dto`; the schemas it names go into `schemas` (`<Dto>`, `<Dto>Form`,
/// `<Dto>BadRequest`, `<Dto>Response`).
fn operation(
    dto: DtoName,
    ok: Option<Value>,
    answers: &[RequestAnswer],
    schemas: &mut Map<String, Value>,
) -> Value {
    let table = dto.table();
    let name = table.name;
    let framework = framework_words(table.framework);
    schemas.insert(name.to_owned(), Value::Object(body_schema(dto, Body::Json)));
    let mut content = Map::new();
    content.insert("application/json".into(), media_type(name));
    if table.forms {
        let form = format!("{name}Form");
        schemas.insert(form.clone(), Value::Object(body_schema(dto, Body::Form)));
        for form_type in ["application/x-www-form-urlencoded", "multipart/form-data"] {
            content.insert(form_type.into(), media_type(&form));
        }
    }
    let mut responses = Map::new();
    let ok = match ok {
        Some(schema) => {
            let response = format!("{name}Response");
            schemas.insert(response.clone(), schema);
            json!({
                "description": "The request is valid: the API's answer.",
                "content": { "application/json": media_type(&response) },
            })
        }
        None => json!({ "description": "The request is valid: an empty body." }),
    };
    responses.insert("200".into(), ok);
    let bad_request = format!("{name}BadRequest");
    schemas.insert(bad_request.clone(), error_body_schema(table));
    responses.insert(
        "400".into(),
        json!({
            "description": format!("The request is invalid: every error, in field order, in {framework}'s body. A body that is not a JSON object, or malformed, is one request-level error."),
            "content": { "application/json": media_type(&bad_request) },
        }),
    );
    for answer in answers {
        let mut response = Map::new();
        response.insert("description".into(), answer.description.into());
        if let Some((header, value)) = answer.header {
            response.insert(
                "headers".into(),
                json!({ header: { "required": true, "schema": { "type": "string", "const": value } } }),
            );
        }
        response.insert(
            "content".into(),
            json!({ "application/json": { "schema": request_error_schema(table.framework, answer.code) } }),
        );
        responses.insert(answer.status.to_string(), Value::Object(response));
    }
    json!({
        "operationId": name,
        "summary": format!("{name} ({framework})"),
        "description": format!("Judges the body with {name}'s rule table and answers as the API's own server does: 200 with its answer, or 400 with every error in {framework}'s body."),
        "tags": [table.framework.as_str()],
        "requestBody": { "required": true, "content": content },
        "responses": responses,
    })
}

/// A media type object whose schema is the component `name`.
fn media_type(name: &str) -> Value {
    json!({ "schema": { "$ref": format!("#/components/schemas/{name}") } })
}

fn framework_words(framework: Framework) -> &'static str {
    match framework {
        Framework::ServiceStack => "ServiceStack",
        Framework::WebApi => "ASP.NET Web API",
    }
}

/// The body a schema describes: JSON (any JSON value per field), or form fields (text only,
/// where an empty value is no value for every kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Body {
    Json,
    Form,
}

/// The schema of `table`'s body, without `$schema` and `$id` (the OpenAPI document's
/// components carry none).
fn body_schema(dto: DtoName, body: Body) -> Map<String, Value> {
    let table = dto.table();
    let p = patterns();
    let mut schema = Map::new();
    let (title, what) = match body {
        Body::Json => (table.name.to_owned(), "JSON body"),
        Body::Form => (format!("{} (form)", table.name), "form body (urlencoded or multipart: every value is text, and an empty value is no value)"),
    };
    schema.insert("title".into(), title.into());
    schema.insert(
        "description".into(),
        format!(
            "The {what} of `POST {}` ({}), as payrules judges it. Keys name fields in any letter case (of two keys naming one field, the later wins); other keys are ignored. The schema accepts every request payrules accepts (but for one that spells a field twice in two letter cases: the schema checks the canonical key, payrules the later one) and rejects what JSON Schema can state; the rest is said on each field and in x-payrules-* keywords.",
            table.route,
            framework_words(table.framework)
        )
        .into(),
    );
    schema.insert("type".into(), "object".into());
    let properties: Map<String, Value> = table
        .fields
        .iter()
        .map(|field| (field.name.to_owned(), field_schema(table, field, body, p)))
        .collect();
    schema.insert("properties".into(), Value::Object(properties));
    let required: Vec<&Field> = table.fields.iter().filter(|f| f.is_required()).collect();
    if !required.is_empty() {
        // `required` names keys exactly; payrules matches them in any letter case. So the
        // required fields are checked when no key spells one of them otherwise.
        let names: Vec<&str> = required.iter().map(|f| f.name).collect();
        // In a form, a field's own schema asks for a value (`text_schema`); in JSON, null is
        // kept out here only, so that a canonical key's null may yield to another spelling.
        let has_value: Map<String, Value> = required
            .iter()
            .map(|f| (f.name.to_owned(), has_value(f.kind, body, p)))
            .collect();
        schema.insert(
            "if".into(),
            json!({
                "description": "No key spells a required field's name in another letter case.",
                "propertyNames": { "type": "string", "not": { "pattern": other_spellings(&names) } },
            }),
        );
        schema.insert(
            "then".into(),
            json!({
                "description": "Then every required field has a value. (A request that spells one in another case has it checked by payrules only.)",
                "required": names,
                "properties": has_value,
            }),
        );
    }
    schema.insert(
        "x-payrules-api".into(),
        serde_json::to_value(describe_api(dto)).unwrap_or_default(),
    );
    schema.insert("x-payrules-caseInsensitiveNames".into(), true.into());
    schema.insert(
        "x-payrules-fieldOrder".into(),
        table
            .fields
            .iter()
            .map(|f| f.name)
            .collect::<Vec<_>>()
            .into(),
    );
    schema
}

/// A field's schema: the values its kind accepts (no value included: required-ness is the
/// body's), narrowed by the rules JSON Schema can state, and the rest described.
fn field_schema(table: &DtoTable, field: &Field, body: Body, p: &Patterns) -> Value {
    let mut schema = Map::new();
    schema.insert("title".into(), field.label.into());
    schema.insert(
        "description".into(),
        describe_field(table, field, body).into(),
    );
    let text = text_schema(field, body, p);
    match body {
        Body::Form => schema.extend(text),
        Body::Json => {
            let mut branches = Vec::new();
            match field.kind {
                Kind::String => {
                    branches.push(Value::Object(text));
                    // A number or boolean is judged on its JSON text, which never holds an
                    // `@` or `://`: no e-mail or URL rule passes it.
                    if !field.rules.iter().any(|r| matches!(r, Rule::Email | Rule::Url)) {
                        branches.push(json!({ "type": "number" }));
                        branches.push(json!({ "type": "boolean" }));
                    }
                }
                Kind::Int32 => {
                    let mut number = Map::new();
                    number.insert("type".into(), "integer".into());
                    bounds(field).write(&mut number);
                    branches.push(Value::Object(number));
                    branches.push(Value::Object(text));
                }
                Kind::Money => {
                    let mut number = Map::new();
                    number.insert("type".into(), "number".into());
                    bounds(field).write(&mut number);
                    branches.push(Value::Object(number));
                    branches.push(Value::Object(text));
                }
                Kind::Bool => {
                    branches.push(json!({ "type": "boolean" }));
                    branches.push(Value::Object(text));
                }
                Kind::DateTime => branches.push(Value::Object(text)),
                Kind::Map => branches.push(json!({
                    "type": "object",
                    "additionalProperties": {
                        "anyOf": [{ "type": "string" }, { "type": "number" }, { "type": "boolean" }, { "type": "null" }]
                    }
                })),
            }
            branches.push(json!({ "type": "null" }));
            schema.insert("anyOf".into(), branches.into());
        }
    }
    schema.insert("x-payrules-csharpName".into(), field.csharp.into());
    schema.insert("x-payrules-kind".into(), field.kind.as_str().into());
    if field.is_required() {
        schema.insert("x-payrules-required".into(), true.into());
    }
    for rule in field.rules {
        match *rule {
            Rule::MaxLength(max) => {
                schema.insert("x-payrules-maxLengthUtf16".into(), max.into());
            }
            Rule::NotBlank => {
                schema.insert("x-payrules-notBlank".into(), true.into());
            }
            Rule::Email => {
                schema.insert("x-payrules-format".into(), "email".into());
            }
            Rule::Url => {
                schema.insert("x-payrules-format".into(), "url".into());
            }
            Rule::Decimal { precision, scale } => {
                schema.insert(
                    "x-payrules-decimal".into(),
                    json!({ "precision": precision, "scale": scale }),
                );
            }
            Rule::CompareField(op, other) => {
                let other = table.fields.get(usize::from(other)).map_or("", |f| f.name);
                schema.insert(
                    "x-payrules-compareField".into(),
                    json!({ "operator": op_name(op), "field": other }),
                );
            }
            Rule::Required | Rule::Compare(..) | Rule::Between { .. } => {}
        }
    }
    if field.kind == Kind::DateTime {
        schema.insert("x-payrules-format".into(), "date".into());
    }
    Value::Object(schema)
}

/// The schema of a field's value given as text: a JSON string, or any form value.
fn text_schema(field: &Field, body: Body, p: &Patterns) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), "string".into());
    // A form's empty or blank value is no value; a required field's form value must be one.
    // (In JSON, null is no value too: required-ness is the body's `then`, see `body_schema`.)
    let value_required = body == Body::Form && field.is_required();
    let trimmed = |value: &str| p.trimmed(value, !value_required);
    let mut patterns = Vec::new();
    match field.kind {
        Kind::String => {
            for rule in field.rules {
                match *rule {
                    Rule::MaxLength(max) => {
                        // Code points: never more than UTF-16 units, so never stricter.
                        schema.insert("maxLength".into(), max.into());
                    }
                    Rule::NotBlank => patterns.push(p.not_blank()),
                    Rule::Email => patterns.push(p.email()),
                    Rule::Url => patterns.push(p.url()),
                    _ => {}
                }
            }
            // In a form, an empty value is no value, which no rule but `required` judges.
            if value_required {
                schema.insert("minLength".into(), 1.into());
            } else if body == Body::Form {
                for pattern in &mut patterns {
                    *pattern = format!("^$|{pattern}");
                }
            }
        }
        Kind::Int32 => patterns.push(trimmed(&p.int32)),
        Kind::Money => {
            let decimals: Vec<String> = field
                .rules
                .iter()
                .filter_map(|rule| match *rule {
                    Rule::Decimal { precision, scale } => {
                        Some(trimmed(&Patterns::decimal(precision, scale)))
                    }
                    _ => None,
                })
                .collect();
            if decimals.is_empty() {
                patterns.push(trimmed(&p.money));
            }
            patterns.extend(decimals);
        }
        Kind::Bool => patterns.push(trimmed(&p.boolean)),
        Kind::DateTime => patterns.push(trimmed(&p.date)),
        // A form cannot hold a map: only an empty value (no value) is not a type error.
        Kind::Map => {
            schema.insert("maxLength".into(), 0.into());
        }
    }
    match patterns.len() {
        0 => {}
        1 => {
            schema.insert("pattern".into(), patterns.remove(0).into());
        }
        _ => {
            let all: Vec<Value> = patterns
                .into_iter()
                .map(|pattern| json!({ "pattern": pattern }))
                .collect();
            schema.insert("allOf".into(), all.into());
        }
    }
    schema
}

/// What a required field must hold: a value (not null; for a number, boolean or date, not a
/// blank string; in a form, not an empty value, and its own schema keeps blanks out).
fn has_value(kind: Kind, body: Body, p: &Patterns) -> Value {
    match (body, kind) {
        (Body::Json, Kind::String | Kind::Map) => json!({ "not": { "type": "null" } }),
        (Body::Json, _) => json!({
            "not": { "anyOf": [{ "type": "null" }, { "type": "string", "pattern": p.blank() }] }
        }),
        (Body::Form, _) => json!({ "type": "string", "minLength": 1 }),
    }
}

/// The bounds of a number field: its type's range, narrowed by its comparisons and money's
/// integer digits (a number below 10^n has at most n). Each bound is (value, exclusive).
struct Bounds {
    lower: (f64, bool),
    upper: (f64, bool),
}

impl Bounds {
    fn raise(&mut self, value: f64, exclusive: bool) {
        let (current, current_exclusive) = self.lower;
        if value > current || (value == current && exclusive && !current_exclusive) {
            self.lower = (value, exclusive);
        }
    }

    fn lower_to(&mut self, value: f64, exclusive: bool) {
        let (current, current_exclusive) = self.upper;
        if value < current || (value == current && exclusive && !current_exclusive) {
            self.upper = (value, exclusive);
        }
    }

    fn write(&self, schema: &mut Map<String, Value>) {
        let (lower, exclusive) = self.lower;
        let key = if exclusive {
            "exclusiveMinimum"
        } else {
            "minimum"
        };
        schema.insert(key.into(), number(lower));
        let (upper, exclusive) = self.upper;
        let key = if exclusive {
            "exclusiveMaximum"
        } else {
            "maximum"
        };
        schema.insert(key.into(), number(upper));
    }
}

fn bounds(field: &Field) -> Bounds {
    // Money: the .NET decimal range, ±2^96 excluded (`Money::from_number`).
    let decimal_limit = (0..96).fold(1.0, |n: f64, _| n * 2.0);
    let mut bounds = match field.kind {
        Kind::Int32 => Bounds {
            lower: (f64::from(i32::MIN), false),
            upper: (f64::from(i32::MAX), false),
        },
        _ => Bounds {
            lower: (-decimal_limit, true),
            upper: (decimal_limit, true),
        },
    };
    for rule in field.rules {
        match *rule {
            Rule::Compare(Op::GreaterThan, bound) => bounds.raise(bound, true),
            Rule::Compare(Op::GreaterThanOrEqual, bound) => bounds.raise(bound, false),
            Rule::Compare(Op::LessThan, bound) => bounds.lower_to(bound, true),
            Rule::Compare(Op::LessThanOrEqual, bound) => bounds.lower_to(bound, false),
            Rule::Between {
                min,
                max,
                exclusive,
            } => {
                bounds.raise(min, exclusive);
                bounds.lower_to(max, exclusive);
            }
            Rule::Decimal { precision, scale } => {
                let limit = (0..precision.saturating_sub(scale)).fold(1.0, |n: f64, _| n * 10.0);
                bounds.raise(-limit, true);
                bounds.lower_to(limit, true);
            }
            _ => {}
        }
    }
    bounds
}

/// A number as JSON: whole numbers that fit a double exactly as integers (`0`, not `0.0`).
fn number(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() <= EXACT {
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::GreaterThan => "greaterThan",
        Op::GreaterThanOrEqual => "greaterThanOrEqual",
        Op::LessThan => "lessThan",
        Op::LessThanOrEqual => "lessThanOrEqual",
    }
}

fn op_words(op: Op) -> &'static str {
    match op {
        Op::GreaterThan => "greater than",
        Op::GreaterThanOrEqual => "greater than or equal to",
        Op::LessThan => "less than",
        Op::LessThanOrEqual => "less than or equal to",
    }
}

/// A field's description: its names, the JSON it takes, and each rule in words, saying where
/// the schema does not check it.
fn describe_field(table: &DtoTable, field: &Field, body: Body) -> String {
    let mut out = format!(
        "`{}` (C# `{}`), {}",
        field.name,
        field.csharp,
        field.kind.as_str()
    );
    out.push_str(if field.is_required() {
        ", required."
    } else {
        ", optional."
    });
    let takes = match (body, field.kind) {
        (Body::Json, Kind::String) => " Text; a number or boolean is taken as its JSON text.",
        (Body::Json, Kind::Int32) => " A whole number, or a string holding one (optional sign, surrounding whitespace allowed); a blank string is no value. The schema checks the range of numbers, not of text.",
        (Body::Json, Kind::Money) => " A number, or a string holding a plain decimal (optional sign, no exponent, surrounding whitespace allowed); a blank string is no value.",
        (Body::Json, Kind::Bool) => " true or false, or the string \"true\" or \"false\" in any letter case; a blank string is no value.",
        (Body::Json, Kind::DateTime) => " An ISO-8601 date YYYY-MM-DD, optionally with a time (T or a space, hh:mm, optional :ss and fraction) and a Z or ±hh:mm offset; a blank string is no value. It must exist on the calendar, which the schema does not check.",
        (Body::Json, Kind::Map) => " An object whose values are strings, numbers, booleans or null.",
        (Body::Form, Kind::Map) => " A form cannot give a map: leave it empty.",
        (Body::Form, _) => " Text; an empty value is no value.",
    };
    out.push_str(takes);
    let text_numbers = match body {
        _ if !field.kind.is_number() => "",
        Body::Json => " (the schema checks numbers; payrules holds numeric text to it too)",
        Body::Form => " (payrules checks it; the schema cannot, on text)",
    };
    for rule in field.rules {
        let sentence = match *rule {
            Rule::Required => continue,
            Rule::NotBlank => " Not empty or whitespace only.".to_owned(),
            Rule::MaxLength(max) => format!(
                " At most {max} UTF-16 code units (maxLength counts code points, so the schema lets longer text through when it holds characters beyond U+FFFF; x-payrules-maxLengthUtf16 is the limit{}).",
                if body == Body::Json { ", which also applies to a number's or boolean's text" } else { "" }
            ),
            Rule::Email => " An e-mail address: exactly one @, neither first nor last.".to_owned(),
            Rule::Url => " An absolute http or https URL with a host, an optional port up to 65535, and no whitespace or control characters.".to_owned(),
            Rule::Decimal { precision, scale } => format!(
                " At most {} integer digits and {scale} decimals (decimal({precision},{scale})), trailing zeros after the point not counted. Text is measured as written (the schema checks it){}.",
                precision.saturating_sub(scale),
                if body == Body::Json { "; a number on its shortest round-trip text, whose decimals JSON Schema cannot count (x-payrules-decimal)" } else { "" }
            ),
            Rule::Compare(op, bound) => format!(" {} {}{text_numbers}.", sentence(op_words(op)), js_number_text(bound)),
            Rule::Between { min, max, exclusive } => format!(
                " Between {} and {}{}{text_numbers}.",
                js_number_text(min),
                js_number_text(max),
                if exclusive { " (exclusive)" } else { " (inclusive)" }
            ),
            Rule::CompareField(op, other) => {
                let other = table.fields.get(usize::from(other)).map_or("", |f| f.name);
                format!(" {} `{other}` when both have a valid value; JSON Schema cannot compare two fields (x-payrules-compareField).", sentence(op_words(op)))
            }
        };
        out.push_str(&sentence);
    }
    out
}

/// `words` with its first letter capitalized, to start a sentence.
fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The codes a DTO's field errors can carry, in field order, each once.
fn field_codes(table: &DtoTable) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for field in table.fields {
        let mut violations = vec![Violation::TypeMismatch];
        if field.kind == Kind::DateTime {
            violations.push(Violation::Date);
        }
        violations.extend(field.rules.iter().map(|rule| rule.violation()));
        for violation in violations {
            let code = wording::code(table.framework, violation);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

/// The 400 body of `table`'s API (`body.rs`): ServiceStack's `responseStatus` or Web API's
/// `ModelState`, naming only its own fields and codes.
fn error_body_schema(table: &DtoTable) -> Value {
    match table.framework {
        Framework::ServiceStack => json!({
            "title": format!("{} 400 (ServiceStack)", table.name),
            "description": "ServiceStack's error body: the first error's code and message, then every field error in field order (none for a request-level error).",
            "type": "object",
            "required": ["responseStatus"],
            "additionalProperties": false,
            "properties": {
                "responseStatus": {
                    "type": "object",
                    "required": ["errorCode", "message", "errors"],
                    "additionalProperties": false,
                    "properties": {
                        "errorCode": { "type": "string" },
                        "message": { "type": "string" },
                        "errors": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["errorCode", "fieldName", "message", "meta"],
                                "additionalProperties": false,
                                "properties": {
                                    "errorCode": { "enum": field_codes(table) },
                                    "fieldName": { "enum": table.fields.iter().map(|f| f.csharp).collect::<Vec<_>>() },
                                    "message": { "type": "string" },
                                    "meta": {
                                        "type": "object",
                                        "required": ["PropertyName"],
                                        "additionalProperties": false,
                                        "properties": {
                                            "PropertyName": { "enum": table.fields.iter().map(|f| f.label).collect::<Vec<_>>() }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }),
        Framework::WebApi => {
            let mut keys = vec!["model".to_owned()];
            keys.extend(table.fields.iter().map(|f| format!("model.{}", f.csharp)));
            json!({
                "title": format!("{} 400 (Web API)", table.name),
                "description": "Web API's HttpError: \"The request is invalid.\" with ModelState, the messages under `model.<C# name>` (`model` for the request as a whole); or a Message alone for a malformed multipart body.",
                "type": "object",
                "required": ["Message"],
                "additionalProperties": false,
                "properties": {
                    "Message": { "type": "string" },
                    "ModelState": {
                        "type": "object",
                        "propertyNames": { "enum": keys },
                        "additionalProperties": { "type": "array", "minItems": 1, "items": { "type": "string" } }
                    }
                }
            })
        }
    }
}

/// The body of a request-level answer with ServiceStack code `code` in `framework`'s shape.
fn request_error_schema(framework: Framework, code: &str) -> Value {
    match framework {
        Framework::ServiceStack => json!({
            "type": "object",
            "required": ["responseStatus"],
            "additionalProperties": false,
            "properties": {
                "responseStatus": {
                    "type": "object",
                    "required": ["errorCode", "message", "errors"],
                    "additionalProperties": false,
                    "properties": {
                        "errorCode": { "const": code },
                        "message": { "type": "string" },
                        "errors": { "type": "array", "maxItems": 0 }
                    }
                }
            }
        }),
        Framework::WebApi => json!({
            "type": "object",
            "required": ["Message"],
            "additionalProperties": false,
            "properties": { "Message": { "type": "string" } }
        }),
    }
}

/// A pattern matching `names` in any ASCII letter case but not as written: the keys that name
/// a field without spelling it canonically.
fn other_spellings(names: &[&str]) -> String {
    let exact: Vec<String> = names.iter().map(|n| escaped(n, false)).collect();
    let any_case: Vec<String> = names.iter().map(|n| escaped(n, true)).collect();
    format!("^(?!(?:{})$)(?:{})$", exact.join("|"), any_case.join("|"))
}

/// `name` as a pattern: regex syntax characters escaped, letters as `[Aa]` when `any_case`.
fn escaped(name: &str, any_case: bool) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if any_case && c.is_ascii_alphabetic() {
            out.push('[');
            out.push(c.to_ascii_uppercase());
            out.push(c.to_ascii_lowercase());
            out.push(']');
        } else if "^$\\.*+?()[]{}|/".contains(c) {
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

/// The regular expressions, built once.
fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(Patterns::new)
}

/// The patterns of the schemas. Values of text (`int32`, `money`, `boolean`, `date`) are
/// unanchored pieces that `trimmed` wraps.
struct Patterns {
    /// What `str::trim` trims (`char::is_whitespace`), as a class body.
    space: String,
    /// Whitespace or control characters (`char::is_control`): what a URL may not hold.
    space_or_control: String,
    /// Integer text: sign, leading zeros, at most 10 digits after them (`bind::to_int32`).
    int32: String,
    /// A plain decimal (`Money::from_text`): sign, digits, an optional point and digits.
    money: String,
    /// `true` or `false` in any ASCII letter case.
    boolean: String,
    /// The `DateTime` grammar (`DateTime::parse`), not the calendar.
    date: String,
}

impl Patterns {
    fn new() -> Patterns {
        let year = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])";
        let month = "(?:0[1-9]|1[0-2])";
        let day = "(?:0[1-9]|[12][0-9]|3[01])";
        let offset = "(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
        let time = format!(
            "[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{{1,7}})?)?{offset}?"
        );
        Patterns {
            space: class_body(char::is_whitespace),
            space_or_control: class_body(|c| c.is_whitespace() || c.is_control()),
            int32: "[+-]?0*[0-9]{1,10}".to_owned(),
            money: "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)".to_owned(),
            boolean: format!("(?:{}|{})", escaped("true", true), escaped("false", true)),
            date: format!("{year}-{month}-{day}(?:{time})?"),
        }
    }

    /// A decimal with at most `precision - scale` integer digits after leading zeros and
    /// `scale` decimals before trailing zeros (`rules::decimal` on `Money::from_text`).
    fn decimal(precision: u8, scale: u8) -> String {
        let integer_digits = precision.saturating_sub(scale);
        let int = if integer_digits > 0 {
            format!("0*[0-9]{{1,{integer_digits}}}")
        } else {
            "0+".to_owned()
        };
        let (fraction, after_bare_point) = if scale > 0 {
            (
                format!("[0-9]{{0,{scale}}}0*"),
                format!("[0-9]{{1,{scale}}}0*"),
            )
        } else {
            ("0*".to_owned(), "0+".to_owned())
        };
        format!("[+-]?(?:{int}(?:\\.{fraction})?|\\.{after_bare_point})")
    }

    /// `value` with whitespace around it; or, when `optional`, only whitespace (no value).
    fn trimmed(&self, value: &str, optional: bool) -> String {
        let space = &self.space;
        let optional = if optional { "?" } else { "" };
        format!("^[{space}]*(?:{value}){optional}[{space}]*$")
    }

    /// Empty or whitespace only.
    fn blank(&self) -> String {
        format!("^[{}]*$", self.space)
    }

    /// Some character that is not whitespace (`rules::not_blank`).
    fn not_blank(&self) -> String {
        format!("[^{}]", self.space)
    }

    /// Exactly one `@`, neither first nor last (`rules::email`).
    fn email(&self) -> String {
        "^[^@]+@[^@]+$".to_owned()
    }

    /// `rules::url`: `http`/`https` in any case, `://`, a host (a name up to `:`, `/`, `?` or
    /// `#`, not starting with `[`; or a bracketed IPv6 literal), an optional port of 1 to 5
    /// digits up to 65535, then anything; no whitespace or control character anywhere.
    fn url(&self) -> String {
        let bad = &self.space_or_control;
        let port =
            "(?:[0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
        format!(
            "^{}[Ss]?://(?:\\[[0-9A-Fa-f:.]+\\]|[^{bad}/?#:\\[][^{bad}/?#:]*)(?::{port})?(?:[/?#][^{bad}]*)?$",
            escaped("http", true)
        )
    }
}

/// The characters `holds` is true for, as the body of a regex class: ranges of `\uXXXX`.
fn class_body(holds: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    let mut run: Option<(u32, u32)> = None;
    let close = |out: &mut String, (first, last): (u32, u32)| {
        out.push_str(&format!("\\u{first:04x}"));
        if last > first {
            out.push_str(&format!("-\\u{last:04x}"));
        }
    };
    for code in 0..=0x10FFFF_u32 {
        let member = char::from_u32(code).is_some_and(&holds);
        run = match (run, member) {
            (Some((first, last)), true) if last + 1 == code => Some((first, code)),
            (Some(done), true) => {
                close(&mut out, done);
                Some((code, code))
            }
            (None, true) => Some((code, code)),
            (Some(done), false) => {
                close(&mut out, done);
                None
            }
            (None, false) => None,
        };
    }
    if let Some(done) = run {
        close(&mut out, done);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use serde_json::{json, Value};

    use super::*;
    use crate::bind::convert;
    use crate::input::Input;
    use crate::rules;
    use crate::Money;

    /// Every DTO with the text of its vector file.
    fn vector_files() -> Vec<(DtoName, Value)> {
        macro_rules! files {
            ($($module:ident :: $name:ident),* $(,)?) => {
                vec![$((
                    DtoName::$name,
                    include_str!(concat!("../tests/vectors/", stringify!($module), ".json")),
                )),*]
            };
        }
        crate::for_each_dto!(files)
            .into_iter()
            .map(|(dto, text)| {
                let file = serde_json::from_str(text).unwrap_or_else(|e| panic!("{dto}: {e}"));
                (dto, file)
            })
            .collect()
    }

    fn validator(schema: &Value) -> jsonschema::Validator {
        jsonschema::draft202012::new(schema).unwrap_or_else(|e| panic!("{e}: {schema:#}"))
    }

    /// Whether `pattern` matches `text`, as a JSON Schema validator reads it.
    fn matches(pattern: &str, text: &str) -> bool {
        thread_local! {
            static COMPILED: std::cell::RefCell<Vec<(String, jsonschema::Validator)>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        COMPILED.with_borrow_mut(|compiled| {
            if !compiled.iter().any(|(p, _)| p == pattern) {
                compiled.push((
                    pattern.to_owned(),
                    validator(&json!({ "pattern": pattern })),
                ));
            }
            compiled
                .iter()
                .find(|(p, _)| p == pattern)
                .is_some_and(|(_, v)| v.is_valid(&json!(text)))
        })
    }

    fn valid(dto: DtoName, input: &Value) -> bool {
        crate::validate_json(dto, input.to_string().as_bytes()).valid
    }

    #[test]
    fn every_valid_vector_passes_its_schema_and_invalid_ones_are_caught_where_stated() {
        let mut rejected = 0;
        for (dto, file) in vector_files() {
            let schema = validator(&json_schema(dto));
            for case in file["cases"].as_array().into_iter().flatten() {
                let input = &case["input"];
                if !input.is_object() {
                    continue;
                }
                let expected = case["expected"]["valid"].as_bool();
                if expected == Some(true) {
                    let errors: Vec<String> =
                        schema.iter_errors(input).map(|e| e.to_string()).collect();
                    assert!(errors.is_empty(), "{dto} {}: {errors:?}", case["name"]);
                } else if !schema.is_valid(input) {
                    rejected += 1;
                }
            }
        }
        // The schemas state most of the rules: most invalid vectors fail them too.
        assert!(rejected > 250, "{rejected}");
    }

    /// Values the schema can tell invalid, per field: each replaces the field's value in the
    /// DTO's first valid vector, and both payrules and the schema reject it.
    fn stated_invalid_values(field: &Field) -> Vec<Value> {
        let mut values = vec![json!([1]), json!({ "a": 1 })];
        if field.kind == Kind::Map {
            values = vec![
                json!([1]),
                json!("x"),
                json!({ "a": [1] }),
                json!({ "a": {} }),
            ];
        }
        match field.kind {
            Kind::Int32 => values.extend([
                json!(1.5),
                json!("1.5"),
                json!("x"),
                json!(true),
                json!(2147483648_i64),
                json!("12345678901"),
            ]),
            Kind::Money => values.extend([
                json!("1e3"),
                json!("."),
                json!(true),
                json!("1,000"),
                json!(1e30),
            ]),
            Kind::Bool => values.extend([json!(1), json!("yes"), json!("tru e")]),
            Kind::DateTime => values.extend([
                json!(20240101),
                json!("2024-13-01"),
                json!("2024-01-01T24:00"),
                json!("0000-01-01"),
                json!("2024-01-01Z"),
            ]),
            Kind::String | Kind::Map => {}
        }
        for rule in field.rules {
            match *rule {
                Rule::MaxLength(max) => values.push(json!("x".repeat(max as usize + 1))),
                Rule::NotBlank => values.extend([json!(""), json!(" \t\u{3000}")]),
                Rule::Email => values.extend([json!("a"), json!("@b"), json!("a@b@c"), json!(5)]),
                Rule::Url => values.extend([
                    json!("ftp://x"),
                    json!("https://"),
                    json!("https://a b"),
                    json!(true),
                ]),
                Rule::Decimal { precision, scale } => {
                    let digits = usize::from(precision.saturating_sub(scale));
                    values.push(json!(format!("1{}", "0".repeat(digits))));
                    values.push(json!(format!("1.{}1", "0".repeat(usize::from(scale)))));
                    values.push(json!(10f64.powi(digits as i32)));
                }
                Rule::Compare(Op::GreaterThan, bound) => values.push(json!(bound)),
                Rule::Compare(Op::GreaterThanOrEqual, bound) => values.push(json!(bound - 1.0)),
                Rule::Compare(Op::LessThan, bound) => values.push(json!(bound)),
                Rule::Compare(Op::LessThanOrEqual, bound) => values.push(json!(bound + 1.0)),
                Rule::Between { min, .. } => values.push(json!(min - 1.0)),
                Rule::Required => values.push(Value::Null),
                Rule::CompareField(..) => {}
            }
        }
        values
    }

    #[test]
    fn values_the_schema_states_invalid_fail_payrules_and_the_schema() {
        let mut checked = 0;
        for (dto, file) in vector_files() {
            let schema = validator(&json_schema(dto));
            let cases = file["cases"].as_array().cloned().unwrap_or_default();
            let Some(base) = cases.iter().find(|c| c["expected"]["valid"] == true) else {
                panic!("{dto} has no valid case");
            };
            for field in dto.fields() {
                let mut values = stated_invalid_values(field);
                if field.is_required() {
                    let mut without = base["input"].clone();
                    if let Some(object) = without.as_object_mut() {
                        object.remove(field.name);
                    }
                    values.push(Value::Null);
                    assert!(
                        !valid(dto, &without) && !schema.is_valid(&without),
                        "{dto} without {}",
                        field.name
                    );
                }
                for value in values {
                    let mut input = base["input"].clone();
                    input[field.name] = value.clone();
                    assert!(
                        !valid(dto, &input),
                        "payrules takes {dto}.{} = {value}",
                        field.name
                    );
                    assert!(
                        !schema.is_valid(&input),
                        "the schema takes {dto}.{} = {value}",
                        field.name
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "{checked}");
    }

    /// Random requests, field names in any case, values from a pool weighted to edges: the
    /// schema accepts every request payrules accepts.
    #[test]
    fn every_request_payrules_accepts_passes_the_schema() {
        let pool: Vec<Value> = [
            json!(null),
            json!(true),
            json!(false),
            json!(0),
            json!(-0.0),
            json!(1),
            json!(-1),
            json!(1.5),
            json!(0.01),
            json!(1050.49),
            json!(2147483647),
            json!(2147483648_i64),
            json!(-2147483648_i64),
            json!(1e16),
            json!(9999999999999998.0),
            json!(1e21),
            json!(7.9e28),
            json!(8e28),
            json!(1e-7),
            json!(""),
            json!(" "),
            json!("\u{a0}\u{2028}"),
            json!("\u{feff}"),
            json!("x"),
            json!("a@b"),
            json!(" @ "),
            json!("@"),
            json!("https://example.com"),
            json!("HTTP://[::1]:65535/x y"),
            json!("https://a:65536"),
            json!("12"),
            json!(" +0012 "),
            json!("-0"),
            json!("2147483648"),
            json!("1e3"),
            json!(".5"),
            json!("5."),
            json!("12.345"),
            json!("0012.500000"),
            json!("9999999999999999.99"),
            json!("10000000000000000"),
            json!("79228162514264337593543950335"),
            json!("TRUE"),
            json!(" false "),
            json!("yes"),
            json!("2024-02-29"),
            json!("2023-02-29"),
            json!("2024-02-29T23:59:59.1234567+14:00"),
            json!("2024-02-29 10:30Z"),
            json!(" 2024-01-01 "),
            json!("😀😀😀😀😀"),
            json!("é".repeat(11)),
            json!("x".repeat(51)),
            json!({}),
            json!({ "a": "x", "b": 1, "c": null }),
            json!({ "a": [1] }),
            json!([]),
        ]
        .into_iter()
        .collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut accepted = 0;
        for &dto in DtoName::ALL {
            let schema = validator(&json_schema(dto));
            let fields = dto.fields();
            // A valid base to vary, so that many variants stay valid.
            let base = vector_files()
                .into_iter()
                .find(|(d, _)| *d == dto)
                .and_then(|(_, file)| {
                    file["cases"]
                        .as_array()
                        .and_then(|c| c.iter().find(|c| c["expected"]["valid"] == true).cloned())
                })
                .map(|case| case["input"].clone())
                .unwrap_or_else(|| json!({}));
            for _ in 0..3000 {
                let mut input = base.clone();
                let changes = 1 + crate::xorshift(&mut seed) % 3;
                for _ in 0..changes {
                    let field =
                        &fields[(crate::xorshift(&mut seed) % fields.len() as u64) as usize];
                    let value =
                        pool[(crate::xorshift(&mut seed) % pool.len() as u64) as usize].clone();
                    let key = match crate::xorshift(&mut seed) % 6 {
                        0 => field.name.to_ascii_lowercase(),
                        1 => field.name.to_ascii_uppercase(),
                        _ => field.name.to_owned(),
                    };
                    match (crate::xorshift(&mut seed) % 8, input.as_object_mut()) {
                        (0, Some(object)) => {
                            object.remove(&key);
                        }
                        (_, Some(object)) => {
                            object.insert(key, value);
                        }
                        _ => {}
                    }
                }
                // The one stated exception: a field spelled twice, in two letter cases, is
                // judged by payrules on the later key and by the schema on the canonical one.
                if valid(dto, &input) && !spelled_twice(&input, fields) {
                    accepted += 1;
                    let errors: Vec<String> =
                        schema.iter_errors(&input).map(|e| e.to_string()).collect();
                    assert!(errors.is_empty(), "{dto} {input}: {errors:?}");
                }
            }
        }
        assert!(accepted > 2000, "{accepted}");
    }

    /// Whether some field is named by two keys of `input` (in different letter cases).
    fn spelled_twice(input: &Value, fields: &[Field]) -> bool {
        let keys: Vec<&String> = input
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        fields.iter().any(|field| {
            keys.iter()
                .filter(|k| k.eq_ignore_ascii_case(field.name))
                .count()
                > 1
        })
    }

    /// Strings to try patterns on: the rules' own edge cases and random strings from an
    /// alphabet of the characters the patterns look at.
    fn strings() -> Vec<String> {
        let mut strings: Vec<String> = [
            "",
            " ",
            "\t\n",
            "\u{85}",
            "\u{a0}",
            "\u{feff}",
            "\u{3000}",
            "a",
            " a ",
            "0",
            "a@b",
            "@",
            "a@",
            "@b",
            "a@b@c",
            " @ ",
            "😀@😀",
            "https://example.com",
            "HTTP://EXAMPLE.COM/doc.pdf",
            "https://example.com:8443/a?b=c#d",
            "http://localhost:1",
            "https://[::1]:8080/x",
            "https://pay.example/ünïcode/😀",
            "https://user@example.com/",
            "javascript:alert(1)",
            "ftp://example.com",
            "//example.com",
            "https://",
            "https:///path",
            "https://:80",
            "https://example.com:",
            "https://example.com:65536",
            "https://example.com:00000",
            "https://example.com:8a",
            "https://exa mple.com",
            "https://example.com/\u{7f}",
            "https://example.com/\u{a0}",
            "https://[]/",
            "https://[::1/",
            "https://[::1]x/",
            "http:/example.com",
            "https://a]b[c",
            "https://a\n",
            "12",
            " +0012 ",
            "-0",
            "+",
            "--1",
            "2147483647",
            "-2147483648",
            "2147483648",
            "00000000000000000000009",
            "12.0",
            "1e3",
            ".5",
            "5.",
            ".",
            "-.5",
            "0012.500000",
            "1.10000",
            "12.345",
            "9999999999999999.99",
            "10000000000000000",
            "1,000",
            "TRUE",
            " false ",
            "tRuE",
            "yes",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "0001-01-01",
            "2024-02-29T10:30",
            "2024-02-29 10:30",
            "2024-02-29T10:30:15",
            "2024-02-29T23:59:59.1234567Z",
            "2024-02-29T23:59:59.12345678Z",
            "2024-02-29T10:30Z",
            "2024-02-29Z",
            "2024-02-29T10:30+14:00",
            "2024-02-29T10:30+14:01",
            "2024-02-29T10:30-13:59",
            "2024-04-31",
            "2024-02-29t10:30",
            "2024-02-29T24:00",
            "2024-02-29T10:60",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        let alphabet: Vec<char> =
            "hHtTpPsS:/[]?#@.0123456789aAeE+-zZ T\t\n\u{85}\u{a0}\u{7f}é😀\u{2028}"
                .chars()
                .collect();
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..4000 {
            let len = crate::xorshift(&mut seed) % 14;
            strings.push(
                (0..len)
                    .map(|_| {
                        alphabet[(crate::xorshift(&mut seed) % alphabet.len() as u64) as usize]
                    })
                    .collect(),
            );
        }
        // Near misses of valid values: one character changed.
        for valid in [
            "https://example.com:8080/a",
            "2024-02-29T23:59:59.1234567+14:00",
            " -0012.50 ",
            "a@b",
            " TRUE ",
        ] {
            for (i, _) in valid.char_indices() {
                for c in ['x', ':', '/', '[', '.', '9', ' ', '\u{a0}', '@', '-'] {
                    let mut changed = valid.to_owned();
                    changed.replace_range(
                        i..i + valid[i..].chars().next().map_or(1, char::len_utf8),
                        &c.to_string(),
                    );
                    strings.push(changed);
                }
            }
        }
        strings
    }

    fn converts(kind: Kind, text: &str) -> bool {
        matches!(
            convert(kind, &Input::Text(Cow::Borrowed(text)), &[]),
            Ok(Some(_))
        )
    }

    /// The digits of numeric text from its first significant one (sign, whitespace and leading
    /// zeros off).
    fn significant(text: &str) -> &str {
        text.trim()
            .trim_start_matches(['+', '-'])
            .trim_start_matches('0')
    }

    /// Whether `text` is blank or converts (what a trimmed value pattern must accept).
    fn blank_or_converts(kind: Kind, text: &str) -> bool {
        text.trim().is_empty() || converts(kind, text)
    }

    #[test]
    fn patterns_agree_with_the_rules() {
        let p = patterns();
        let strings = strings();
        let mut count = 0;
        for text in &strings {
            let text = text.as_str();
            // Exact: the pattern says what the rule says.
            assert_eq!(
                matches(&p.not_blank(), text),
                rules::not_blank::holds(text),
                "not blank {text:?}"
            );
            assert_eq!(
                matches(&p.blank(), text),
                text.trim().is_empty(),
                "blank {text:?}"
            );
            assert_eq!(
                matches(&p.email(), text),
                rules::email::holds(text),
                "email {text:?}"
            );
            assert_eq!(
                matches(&p.url(), text),
                rules::url::holds(text),
                "url {text:?}"
            );
            assert_eq!(
                matches(&p.trimmed(&p.boolean, true), text),
                blank_or_converts(Kind::Bool, text),
                "bool {text:?}"
            );
            assert_eq!(
                matches(&p.trimmed(&p.boolean, false), text),
                converts(Kind::Bool, text),
                "bool with a value {text:?}"
            );
            // Decimal text: exact (the decimal range is far beyond these integer digits).
            for (precision, scale) in [(18, 2), (3, 0), (2, 2), (5, 1)] {
                let money = Money::from_text(text);
                let holds = matches!(money, Ok(None))
                    || matches!(money, Ok(Some(m)) if rules::decimal::holds(m, precision, scale));
                let pattern = p.trimmed(&Patterns::decimal(precision, scale), true);
                assert_eq!(
                    matches(&pattern, text),
                    holds,
                    "decimal({precision},{scale}) {text:?}"
                );
            }
            // Looser where stated: the range of integer text, the decimal range, the calendar.
            let int = matches(&p.trimmed(&p.int32, true), text);
            assert!(
                !blank_or_converts(Kind::Int32, text) || int,
                "int32 {text:?}"
            );
            if int && !blank_or_converts(Kind::Int32, text) {
                assert!(
                    significant(text).len() == 10,
                    "int32 {text:?} is out of range only"
                );
            }
            let money = matches(&p.trimmed(&p.money, true), text);
            assert!(
                !blank_or_converts(Kind::Money, text) || money,
                "money {text:?}"
            );
            assert!(
                !money || Money::from_text(text).is_ok() || significant(text).len() >= 29,
                "money {text:?}"
            );
            let date = matches(&p.trimmed(&p.date, true), text);
            assert!(
                !blank_or_converts(Kind::DateTime, text) || date,
                "date {text:?}"
            );
            if date && !blank_or_converts(Kind::DateTime, text) {
                let first_of_month = text
                    .trim()
                    .get(..8)
                    .map(|ym| format!("{ym}01{}", &text.trim()[10..]));
                assert!(
                    first_of_month.is_some_and(|t| converts(Kind::DateTime, &t)),
                    "date {text:?} fails the calendar only"
                );
            }
            count += 1;
        }
        assert!(count > 4000);
    }

    #[test]
    fn whitespace_classes_are_the_chars_rust_trims() {
        let p = patterns();
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if c.is_whitespace() || c.is_control() {
                assert!(code <= 0xFFFF, "{code:x} is beyond what \\uXXXX writes");
            }
        }
        let class = validator(&json!({ "pattern": format!("^[{}]$", p.space) }));
        for c in [
            '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
            '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', 'a',
            '\u{feff}', '\u{200b}', '\u{180e}', '\0',
        ] {
            assert_eq!(
                class.is_valid(&json!(c.to_string())),
                c.is_whitespace(),
                "{:x}",
                c as u32
            );
        }
    }

    /// Every `x-payrules-*` keyword in the schemas and the document, with where it is.
    fn keywords(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, value) in map {
                    if key.starts_with("x-") && !found.contains(key) {
                        found.push(key.clone());
                    }
                    keywords(value, found);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| keywords(item, found)),
            _ => {}
        }
    }

    #[test]
    fn the_keyword_list_is_the_keywords_used() {
        let mut found = Vec::new();
        for &dto in DtoName::ALL {
            keywords(&json_schema(dto), &mut found);
        }
        keywords(&openapi(|_| None, &[]), &mut found);
        found.sort();
        let mut listed: Vec<String> = JSON_SCHEMA_KEYWORDS
            .iter()
            .map(|k| (*k).to_owned())
            .collect();
        listed.sort();
        assert_eq!(found, listed);
    }

    #[test]
    fn server_bodies_and_bound_requests_fit_their_schemas() {
        let document = openapi(|_| None, &[]);
        let mut bodies = 0;
        for (dto, file) in vector_files() {
            let bad_request =
                validator(&document["components"]["schemas"][format!("{dto}BadRequest")]);
            let bound = validator(&bound_request_schema(dto));
            for case in file["cases"].as_array().into_iter().flatten() {
                let body = &case["body"];
                if !body.is_null() {
                    let errors: Vec<String> = bad_request
                        .iter_errors(body)
                        .map(|e| e.to_string())
                        .collect();
                    assert!(errors.is_empty(), "{dto} {}: {errors:?}", case["name"]);
                    bodies += 1;
                }
                let text = case["input_text"]
                    .as_str()
                    .map_or_else(|| case["input"].to_string(), str::to_owned);
                if let Ok(request) = crate::parse_named(dto, text.as_bytes()) {
                    let value = serde_json::to_value(&request).unwrap_or_default();
                    let errors: Vec<String> =
                        bound.iter_errors(&value).map(|e| e.to_string()).collect();
                    assert!(errors.is_empty(), "{dto} {value}: {errors:?}");
                }
            }
        }
        assert!(bodies > 300, "{bodies}");
    }

    #[test]
    fn form_schemas_accept_every_form_payrules_accepts() {
        let texts = [
            "",
            " ",
            "x",
            "12",
            " 7 ",
            "0",
            "-1",
            "4.10",
            "1.001",
            "True",
            "false",
            "yes",
            "a@b",
            "2024-02-29",
            "https://a",
            "ABCDEFGHIJK",
            "\u{3000}",
        ];
        let document = openapi(|_| None, &[]);
        let mut seed = 0x1234_5678_9ABC_DEF1_u64;
        let (mut accepted, mut rejected) = (0, 0);
        for (dto, file) in vector_files()
            .into_iter()
            .filter(|(dto, _)| dto.table().forms)
        {
            let schema = validator(&document["components"]["schemas"][format!("{dto}Form")]);
            let fields = dto.fields();
            for _ in 0..3000 {
                // Form values are text (the vector's checkbox `true` is sent as "true").
                let mut form: serde_json::Map<String, Value> = file["form"]["valid"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.as_str()
                                .map_or_else(|| v.to_string(), str::to_owned)
                                .into(),
                        )
                    })
                    .collect();
                for _ in 0..1 + crate::xorshift(&mut seed) % 2 {
                    let field =
                        &fields[(crate::xorshift(&mut seed) % fields.len() as u64) as usize];
                    let text = texts[(crate::xorshift(&mut seed) % texts.len() as u64) as usize];
                    match crate::xorshift(&mut seed) % 6 {
                        0 => form.remove(field.name),
                        1 => form.insert(field.name.to_ascii_lowercase(), text.into()),
                        _ => form.insert(field.name.to_owned(), text.into()),
                    };
                }
                let pairs = form.iter().map(|(k, v)| {
                    (
                        Cow::Borrowed(k.as_str()),
                        Cow::Borrowed(v.as_str().unwrap_or_default()),
                    )
                });
                let payrules = crate::validate_form(dto, pairs).valid;
                let form = Value::Object(form);
                if payrules && !spelled_twice(&form, fields) {
                    accepted += 1;
                    assert!(schema.is_valid(&form), "{dto} form {form}");
                } else if !payrules && !schema.is_valid(&form) {
                    rejected += 1;
                }
            }
        }
        assert!(
            accepted > 500 && rejected > 500,
            "{accepted} accepted, {rejected} rejected"
        );
    }
}
