//! Every route of the reference server: valid and invalid bodies, each content type, oversize, malformed, static files.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use axum::Router;
use payrules_server::{router, Config, BODY_LIMIT};

mod common;

fn app() -> Router {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static");
    router(&Config {
        www: root.join("www"),
        pkg: root.join("pkg"),
        ..Config::default()
    })
}

/// Sends one request to the app; returns the status, the content type and the body as text.
async fn send(
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<Body>,
) -> (StatusCode, String, String) {
    common::send(app(), method, path, content_type, body).await
}

async fn post_json(path: &str, body: &str) -> (StatusCode, String) {
    let (status, content_type, body) = send(
        Method::POST,
        path,
        Some("application/json"),
        body.to_owned(),
    )
    .await;
    if !body.is_empty() {
        assert_eq!(content_type, "application/json", "{path} {body}");
    }
    (status, body)
}

const ONCE_OFF: &str = r#"{"Segment":"Retail","FirstName":"Ada","LastName":"Lovelace","InvoiceNumber":"INV-7","AmountOutstanding":"10.50","CurrenciesId":1,"ChannelsId":2}"#;
const RECORD: &str =
    r#"{"accountCode":"HSMM1113","contractId":7,"paymentValue":1050.49,"paymentSuccessful":true}"#;

#[tokio::test]
async fn once_off_payment_answers_its_response_or_its_errors() {
    let (status, body) = post_json("/onceoffpayment", ONCE_OFF).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    let guid = value["publicAccessGuid"].as_str().unwrap_or_default();
    assert!(
        guid.len() == 32 && guid.bytes().all(|b| b.is_ascii_hexdigit()),
        "{body}"
    );
    assert_eq!(
        (&value["invoiceNumber"], &value["statusCodesId"]),
        (&"INV-7".into(), &0.into())
    );
    // Fresh each time.
    let (_, again) = post_json("/onceoffpayment", ONCE_OFF).await;
    assert_ne!(body, again);

    let (status, body) = post_json(
        "/onceoffpayment",
        r#"{"FirstName":"Ada","CurrenciesId":"x"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.starts_with(r#"{"responseStatus":{"errorCode":"NotNull","message":"'Segment' must not be empty.","errors":[{"errorCode":"NotNull","fieldName":"Segment","message":"'Segment' must not be empty.","meta":{"PropertyName":"Segment"}}"#), "{body}");
    assert!(body.contains(r#"{"errorCode":"TypeMismatch","fieldName":"CurrenciesId","message":"'Currencies Id' must be a whole number between -2147483648 and 2147483647.","meta":{"PropertyName":"Currencies Id"}}"#), "{body}");
}

#[tokio::test]
async fn create_payment_echoes_the_payment() {
    let (status, body) = post_json(
        "/payments",
        r#"{"amount":"12.50","gstAmount":1.25,"particulars":"Oct"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.starts_with(
            r#"{"payment":{"amount":12.5,"gstAmount":1.25,"particulars":"Oct","id":""#
        ),
        "{body}"
    );
    let (status, body) = post_json("/payments", r#"{"amount":10,"gstAmount":11}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        r#"{"responseStatus":{"errorCode":"LessThanOrEqual","message":"'Gst Amount' must be less than or equal to '10'.","errors":[{"errorCode":"LessThanOrEqual","fieldName":"GstAmount","message":"'Gst Amount' must be less than or equal to '10'.","meta":{"PropertyName":"Gst Amount"}}]}}"#
    );
}

#[tokio::test]
async fn record_payment_takes_json_and_forms() {
    assert_eq!(
        post_json("/api/Payment", RECORD).await,
        (StatusCode::OK, String::new())
    );
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some("text/json; charset=utf-8"),
        RECORD,
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));

    let invalid = r#"{"Message":"The request is invalid.","ModelState":{"model.accountCode":["The accountCode field is required."],"model.paymentSuccessful":["The field paymentSuccessful must be true or false."]}}"#;
    let urlencoded = "application/x-www-form-urlencoded";
    let (status, _, body) = send(Method::POST, "/api/Payment", Some(urlencoded), "accountCode=HSMM1113&contractId=2&paymentValue=4.1&paymentSuccessful=True&upfrontPayment=False&LoyaltyPointsToUse=1").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some(urlencoded),
        "accountCode=&contractId=2&paymentValue=4.1&paymentSuccessful=yes",
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::BAD_REQUEST, invalid));
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some(urlencoded),
        "accountCode=%E2%9C%93%20x%2By&contractId=%2B2&paymentValue=4.10&paymentSuccessful=TRUE",
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));

    let multipart = |fields: &[(&str, &str)]| {
        let mut body = String::new();
        for (name, value) in fields {
            body += &format!("--MultipartDataMediaFormatterBoundary1q2w3e\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        body + "--MultipartDataMediaFormatterBoundary1q2w3e--\r\n"
    };
    let content_type = "multipart/form-data; boundary=MultipartDataMediaFormatterBoundary1q2w3e";
    let sample = multipart(&[
        ("accountCode", "sample 1"),
        ("contractId", "2"),
        ("paymentRef", "sample string 3"),
        ("paymentValue", "4.1"),
        ("paymentSuccessful", "True"),
        ("message", "sample string 6"),
        ("paymentType", "sample string 7"),
        ("upfrontPayment", "True"),
        ("LoyaltyPointsToUse", "1"),
    ]);
    let (status, _, body) = send(Method::POST, "/api/Payment", Some(content_type), sample).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some(content_type),
        multipart(&[
            ("accountCode", ""),
            ("contractId", "2"),
            ("paymentValue", "4.1"),
            ("paymentSuccessful", "yes"),
        ]),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::BAD_REQUEST, invalid));
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some(content_type),
        "--nope\r\ngarbage",
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::BAD_REQUEST,
            r#"{"Message":"The multipart/form-data body is malformed."}"#
        )
    );
}

#[tokio::test]
async fn finance_payment_log_answers_a_payment_uuid() {
    let (status, body) = post_json("/Finance/Payment/Log", r#"{"order_id":"A-17","amount":-12.34,"pushed_to_gl":"true","current_status_date":"2026-11-21 09:30"}"#).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let value: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    assert_eq!(
        value["paymentUUID"].as_str().map(str::len),
        Some(36),
        "{body}"
    );
    assert_eq!(value["paymentUUID"], value["uuid"]);
    assert_eq!(
        (
            &value["order_id"],
            &value["amount"],
            &value["is_pushed_to_gl"]
        ),
        (&"A-17".into(), &(-12.34).into(), &true.into())
    );
    assert_eq!(value["current_status_date"], "2026-11-21T09:30:00.0000000");
    let (status, body) =
        post_json("/Finance/Payment/Log", r#"{"email":"nope","amount":1.001}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(r#""fieldName":"amount""#) && body.contains(r#""fieldName":"email""#),
        "{body}"
    );
}

#[tokio::test]
async fn malformed_and_non_object_bodies_get_the_apis_error_body() {
    for api in ["/onceoffpayment", "/payments", "/Finance/Payment/Log"] {
        let (status, body) = post_json(api, r#"{"amount": 1,"#).await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::BAD_REQUEST,
                r#"{"responseStatus":{"errorCode":"SerializationException","message":"The request body is not valid JSON.","errors":[]}}"#
            )
        );
        let (status, body) = post_json(api, "[1, 2]").await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::BAD_REQUEST,
                r#"{"responseStatus":{"errorCode":"SerializationException","message":"The request body must be a JSON object.","errors":[]}}"#
            )
        );
        let (status, body) = post_json(api, "").await;
        assert_eq!(
            (status, body.as_str()),
            (
                StatusCode::BAD_REQUEST,
                r#"{"responseStatus":{"errorCode":"SerializationException","message":"The request body is not valid JSON.","errors":[]}}"#
            )
        );
    }
    let (status, body) = post_json("/api/Payment", "nul").await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::BAD_REQUEST,
            r#"{"Message":"The request is invalid.","ModelState":{"model":["The request body is not valid JSON."]}}"#
        )
    );
    let (status, body) = post_json("/api/Payment", "\"text\"").await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::BAD_REQUEST,
            r#"{"Message":"The request is invalid.","ModelState":{"model":["The request body must be a JSON object."]}}"#
        )
    );
    let deep = format!(
        r#"{{"accountCode":{}{}}}"#,
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    let (status, body) = post_json("/api/Payment", &deep).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.starts_with(r#"{"Message":"The request is invalid.","ModelState":{"model.accountCode":["The field accountCode must be a string."]"#), "{body}");
}

#[tokio::test]
async fn other_content_types_are_415_in_the_apis_error_body() {
    let (status, content_type, body) =
        send(Method::POST, "/payments", Some("text/plain"), "{}").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "application/json")
    );
    assert_eq!(
        body,
        r#"{"responseStatus":{"errorCode":"UnsupportedMediaType","message":"The content type 'text/plain' is not supported; send application/json.","errors":[]}}"#
    );
    let (status, _, body) = send(
        Method::POST,
        "/onceoffpayment",
        Some("application/x-www-form-urlencoded"),
        "Segment=x",
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    let (status, _, body) = send(Method::POST, "/onceoffpayment", None, ONCE_OFF).await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            r#"{"responseStatus":{"errorCode":"UnsupportedMediaType","message":"The content type '' is not supported; send application/json.","errors":[]}}"#
        )
    );
    let (status, _, body) = send(
        Method::POST,
        "/api/Payment",
        Some("application/xml"),
        "<x/>",
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            r#"{"Message":"The content type 'application/xml' is not supported; send application/json, text/json, multipart/form-data or application/x-www-form-urlencoded."}"#
        )
    );
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let big = format!(r#"{{"particulars":"{}"}}"#, "x".repeat(BODY_LIMIT));
    let (status, body) = post_json("/payments", &big).await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            r#"{"responseStatus":{"errorCode":"RequestEntityTooLarge","message":"The request body is larger than 65536 bytes.","errors":[]}}"#
        )
    );
    let (status, body) = post_json("/api/Payment", &big).await;
    assert_eq!(
        (status, body.as_str()),
        (
            StatusCode::PAYLOAD_TOO_LARGE,
            r#"{"Message":"The request body is larger than 65536 bytes."}"#
        )
    );
    // Exactly at the limit is read (and judged).
    let at_limit = format!(r#"{{"particulars":"{}"}}"#, "x".repeat(BODY_LIMIT - 18));
    assert_eq!(at_limit.len(), BODY_LIMIT);
    assert_eq!(
        post_json("/payments", &at_limit).await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn static_files_and_other_methods() {
    let (status, content_type, body) = send(Method::GET, "/", None, Body::empty()).await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/html")
    );
    assert!(body.contains("static test page"), "{body}");
    let (status, content_type, body) =
        send(Method::GET, "/pkg/payrules.js", None, Body::empty()).await;
    assert_eq!(
        (status, content_type.as_str(), body.trim()),
        (StatusCode::OK, "text/javascript", "// static test module")
    );
    assert_eq!(
        send(Method::GET, "/nope.html", None, Body::empty()).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(Method::GET, "/payments", None, Body::empty()).await.0,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        send(Method::GET, "/../Cargo.toml", None, Body::empty())
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}
