//! `GET /openapi.json`: the served document is the generated one, is OpenAPI 3.1 in shape, and every answer the server gives to the parity vectors fits the schema it documents.

use std::path::Path;
use std::time::Duration;

use axum::http::Method;
use payrules::DtoName;
use payrules_server::{openapi_document, router, Config, Limits, BODY_LIMIT, REQUEST_ANSWERS};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod common;

/// Sends one request to the router; returns the status, the content type and the body.
async fn send(
    method: Method,
    path: &str,
    content_type: &str,
    body: String,
) -> (u16, String, String) {
    let content_type = (!content_type.is_empty()).then_some(content_type);
    let (status, content_type, body) =
        common::send(router(&Config::default()), method, path, content_type, body).await;
    (status.as_u16(), content_type, body)
}

fn resolve<'a>(document: &'a Value, reference: &Value) -> &'a Value {
    let Some(name) = reference["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    else {
        panic!("not a component reference: {reference}")
    };
    let schema = &document["components"]["schemas"][name];
    assert!(schema.is_object(), "{name} is no component");
    schema
}

/// Every `$ref` under `value`.
fn references<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("$ref") {
                found.push(value);
            }
            map.values().for_each(|v| references(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, found)),
        _ => {}
    }
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).unwrap_or_else(|e| panic!("{e}: {schema}"))
}

#[tokio::test]
async fn the_served_document_is_the_generated_one() {
    let (status, content_type, body) = send(Method::GET, "/openapi.json", "", String::new()).await;
    assert_eq!((status, content_type.as_str()), (200, "application/json"));
    let served: Value = serde_json::from_str(&body).unwrap_or_default();
    assert_eq!(served, openapi_document());
}

#[test]
fn the_document_is_openapi_3_1_in_shape() {
    let document = openapi_document();
    assert_eq!(document["openapi"], "3.1.0");
    assert!(document["info"]["title"].is_string() && document["info"]["version"].is_string());
    let paths = document["paths"].as_object().cloned().unwrap_or_default();
    assert_eq!(paths.len(), DtoName::ALL.len(), "a path per DTO");
    for &dto in DtoName::ALL {
        let table = dto.table();
        let path = &paths[table.route];
        assert_eq!(
            path.as_object().map(|p| p.len()),
            Some(1),
            "{dto}: POST only"
        );
        let operation = &path["post"];
        assert_eq!(operation["operationId"], dto.as_str());
        assert_eq!(operation["requestBody"]["required"], true);
        let content = operation["requestBody"]["content"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut media_types: Vec<&str> = content.keys().map(String::as_str).collect();
        media_types.sort_unstable();
        let expected: &[&str] = if table.forms {
            &[
                "application/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
            ]
        } else {
            &["application/json"]
        };
        assert_eq!(media_types, expected, "{dto}");
        let responses = operation["responses"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
        statuses.sort_unstable();
        assert_eq!(statuses, ["200", "400", "408", "413", "415"], "{dto}");
        for (status, response) in &responses {
            assert!(response["description"].is_string(), "{dto} {status}");
        }
        assert_eq!(
            responses["408"]["headers"]["Connection"]["schema"]["const"],
            "close"
        );
    }
    // Every reference resolves, and every schema compiles as JSON Schema 2020-12.
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(found.len() >= 3 * DtoName::ALL.len());
    for reference in found {
        resolve(&document, reference);
    }
    for (name, schema) in document["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        assert!(
            jsonschema::draft202012::meta::is_valid(schema),
            "{name} is not a 2020-12 schema"
        );
        validator(schema);
    }
}

/// The schema the document gives for `status` of `dto`'s operation (`None`: no body).
fn documented(document: &Value, dto: DtoName, status: u16) -> Option<Value> {
    let response = &document["paths"][dto.table().route]["post"]["responses"][status.to_string()];
    assert!(response.is_object(), "{dto} documents no {status}");
    let schema = &response["content"]["application/json"]["schema"];
    match schema {
        Value::Null => None,
        Value::Object(map) if map.contains_key("$ref") => Some(resolve(document, schema).clone()),
        _ => Some(schema.clone()),
    }
}

/// Checks one answer against the document: its status is documented, and its body (JSON) fits
/// the documented schema, or is empty where none is documented. Returns the status.
fn check_answer(
    document: &Value,
    dto: DtoName,
    (status, content_type, body): &(u16, String, String),
) -> u16 {
    match documented(document, dto, *status) {
        Some(schema) => {
            assert_eq!(content_type, "application/json", "{dto} {status} {body}");
            let value: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
            let errors: Vec<String> = validator(&schema)
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{dto} {status} {body}: {errors:?}");
        }
        None => assert_eq!(body, "", "{dto} {status} has no documented body"),
    }
    *status
}

#[tokio::test]
async fn every_answer_to_the_vectors_fits_the_document() {
    let document = openapi_document();
    let mut statuses = Vec::new();
    for &dto in DtoName::ALL {
        let route = dto.table().route;
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vectors")
            .join(format!("{}.json", dto.module()));
        let file: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| panic!("{} is a vector file", path.display()));
        for case in file["cases"].as_array().into_iter().flatten() {
            let body = case["input_text"]
                .as_str()
                .map_or_else(|| case["input"].to_string(), str::to_owned);
            let answer = send(Method::POST, route, "application/json", body).await;
            let expected = if case["expected"]["valid"] == true {
                200
            } else {
                400
            };
            assert_eq!(
                check_answer(&document, dto, &answer),
                expected,
                "{dto} {}",
                case["name"]
            );
            statuses.push(expected);
        }
        // The request-level answers this test can cause: 415 and 413 (408 needs a slow client:
        // tests/hardening.rs), in the API's own body.
        let answer = send(Method::POST, route, "text/plain", "{}".to_owned()).await;
        assert_eq!(check_answer(&document, dto, &answer), 415);
        let big = json!({ "x": "x".repeat(BODY_LIMIT) }).to_string();
        let answer = send(Method::POST, route, "application/json", big).await;
        assert_eq!(check_answer(&document, dto, &answer), 413);
    }
    assert!(statuses.iter().filter(|s| **s == 200).count() > 150);
    assert!(statuses.iter().filter(|s| **s == 400).count() > 300);
    assert_eq!(REQUEST_ANSWERS.map(|a| a.status), [408, 413, 415]);
}

#[tokio::test]
async fn a_slow_body_gets_the_documented_408() {
    let document = openapi_document();
    let limits = Limits {
        body_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let addr = common::start(Config {
        limits,
        ..Config::default()
    })
    .await;
    for &dto in DtoName::ALL {
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .unwrap_or_else(|e| panic!("connect: {e}"));
        let head = format!(
            "POST {} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{",
            dto.table().route
        );
        stream
            .write_all(head.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("write: {e}"));
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
            .await
            .unwrap_or_else(|_| panic!("{dto}: no answer"))
            .unwrap_or_else(|e| panic!("read: {e}"));
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        assert!(head.starts_with("HTTP/1.1 408"), "{dto}: {answer}");
        let head = head.to_ascii_lowercase();
        assert!(head.contains("\r\nconnection: close"), "{dto}: {head}");
        let content_type = if head.contains("\r\ncontent-type: application/json") {
            "application/json"
        } else {
            ""
        };
        check_answer(
            &document,
            dto,
            &(408, content_type.to_owned(), body.to_owned()),
        );
    }
}
