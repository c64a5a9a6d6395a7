//! `GET /openapi.json`: the OpenAPI 3.1 document of every API, generated from the rule tables (`payrules::openapi`) with this server's own 200 answers and request-level answers.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::api::ok_schema;
use crate::request::REQUEST_ANSWERS;

/// The document the server serves: every registered DTO's route, request bodies, 200 answer
/// (from the response structs, `api::ok_schema`), 400 body and 408/413/415 answers.
pub fn openapi_document() -> serde_json::Value {
    payrules::openapi(ok_schema, &REQUEST_ANSWERS)
}

/// The document as served: its JSON text, made once when the router is built.
pub(crate) fn document_text() -> Bytes {
    Bytes::from(serde_json::to_vec(&openapi_document()).unwrap_or_default())
}

/// The answer to `GET /openapi.json`.
pub(crate) fn serve(document: Bytes) -> Response {
    ([(CONTENT_TYPE, "application/json")], document).into_response()
}
