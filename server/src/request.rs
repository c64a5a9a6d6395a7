//! Reading a request body by its content type (JSON, urlencoded, multipart) within the size limit.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Bytes};
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use payrules::{Framework, RequestAnswer};

use crate::culture::request_culture;
use crate::{Api, BODY_LIMIT};

/// The answers to a request as a whole, besides validation's 400: what [`refuse`] sends, and
/// what the OpenAPI document lists for every API (`GET /openapi.json`).
pub const REQUEST_ANSWERS: [RequestAnswer; 3] = [TIMEOUT, TOO_LARGE, UNSUPPORTED];

const TIMEOUT: RequestAnswer = RequestAnswer {
    status: 408,
    code: "RequestTimeout",
    description: "The request body did not arrive within the body deadline (10 s by default); the connection is closed.",
    header: Some(("Connection", "close")),
};

const TOO_LARGE: RequestAnswer = RequestAnswer {
    status: 413,
    code: "RequestEntityTooLarge",
    description: "The request body is larger than 64 KiB.",
    header: None,
};

pub(crate) const UNSUPPORTED: RequestAnswer = RequestAnswer {
    status: 415,
    code: "UnsupportedMediaType",
    description: "The content type is not one this API accepts.",
    header: None,
};

/// `answer`, with `message`, in `api`'s own error body, with the answer's header.
pub(crate) fn refuse(api: Api, answer: RequestAnswer, message: &str) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = api.request_error(status, answer.code, message);
    if let Some((name, value)) = answer.header {
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// Answers one API request; a body that has not arrived within `body_timeout` is answered 408
/// and its connection closed. A ServiceStack API words its validation errors in the request's
/// UI culture (`default_culture` when the request names none the server supports).
pub(crate) async fn handle(
    api: Api,
    body_timeout: Duration,
    default_culture: Arc<str>,
    request: Request,
) -> Response {
    // Chosen from the request's head, before its body is read; Web API DTOs are English.
    let culture = match api.dto().framework() {
        Framework::ServiceStack => Some(request_culture(
            request.uri(),
            request.headers(),
            &default_culture,
        )),
        Framework::WebApi => None,
    };
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Ok(read) =
        tokio::time::timeout(body_timeout, to_bytes(request.into_body(), BODY_LIMIT)).await
    else {
        let message = format!(
            "The request body did not arrive within {} seconds.",
            body_timeout.as_secs()
        );
        return refuse(api, TIMEOUT, &message);
    };
    let Ok(body) = read else {
        let message = format!("The request body is larger than {BODY_LIMIT} bytes.");
        return refuse(api, TOO_LARGE, &message);
    };
    match media_type.as_str() {
        "application/json" | "text/json" => api.answer_json(&body, culture.as_deref()),
        "application/x-www-form-urlencoded" if api.accepts_forms() => {
            api.answer_form(form_urlencoded::parse(&body).into_owned().collect())
        }
        "multipart/form-data" if api.accepts_forms() => {
            match multipart_fields(&content_type, body).await {
                Some(pairs) => api.answer_form(pairs),
                None => api.request_error(
                    StatusCode::BAD_REQUEST,
                    "InvalidRequest",
                    "The multipart/form-data body is malformed.",
                ),
            }
        }
        _ => {
            let accepted = if api.accepts_forms() {
                "application/json, text/json, multipart/form-data or application/x-www-form-urlencoded"
            } else {
                "application/json"
            };
            let shown: String = media_type.chars().take(100).collect();
            let message = format!("The content type '{shown}' is not supported; send {accepted}.");
            refuse(api, UNSUPPORTED, &message)
        }
    }
}

/// The text fields of a multipart body, in order; `None` if it is malformed.
async fn multipart_fields(content_type: &str, body: Bytes) -> Option<Vec<(String, String)>> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, Infallible>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut pairs = Vec::new();
    while let Some(field) = multipart.next_field().await.ok()? {
        let name = field.name().unwrap_or("").to_owned();
        let value = field.text().await.ok()?;
        pairs.push((name, value));
    }
    Some(pairs)
}
