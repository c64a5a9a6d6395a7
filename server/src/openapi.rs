//! `GET /openapi.json`: the OpenAPI 3.1 document of every API, generated from the rule tables (`payrules::openapi`) with this server's own 200 answers, request-level answers and culture selection.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use payrules::{DtoName, Framework};
use serde_json::{json, Value};

use crate::api::ok_schema;
use crate::culture::{COOKIE_NAME, VARY};
use crate::request::REQUEST_ANSWERS;

/// The document the server serves: every registered DTO's route, request bodies, 200 answer
/// (from the response structs, `api::ok_schema`), 400 body and 408/413/415 answers; for a
/// ServiceStack API, the culture parameters and the 400's `Content-Language` and `Vary`.
pub fn openapi_document() -> Value {
    let mut document = payrules::openapi(ok_schema, &REQUEST_ANSWERS);
    for &dto in DtoName::ALL {
        if dto.framework() != Framework::ServiceStack {
            continue;
        }
        let Some(operation) = document
            .get_mut("paths")
            .and_then(|paths| paths.get_mut(dto.table().route))
            .and_then(|path| path.get_mut("post"))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        operation.insert("parameters".into(), culture_parameters());
        if let Some(bad_request) = operation
            .get_mut("responses")
            .and_then(|responses| responses.get_mut("400"))
            .and_then(Value::as_object_mut)
        {
            bad_request.insert("headers".into(), culture_headers());
        }
    }
    document
}

/// Where a ServiceStack API's request names its culture, in the order they are tried
/// (`src/culture.rs`, docs/server.md).
fn culture_parameters() -> Value {
    let name = |name: &str, location: &str, description: &str| {
        json!({
            "name": name,
            "in": location,
            "required": false,
            "description": description,
            "schema": { "type": "string" },
        })
    };
    json!([
        name("culture", "query", "The request's culture (and its UI culture, unless `ui-culture` is given), as ASP.NET's QueryStringRequestCultureProvider reads it: a .NET culture name such as `fr-CA`. Tried first; one FluentValidation has no language for is passed over."),
        name("ui-culture", "query", "The request's UI culture, the one its validation messages are worded in (FluentValidation's): a .NET culture name such as `fr-CA`."),
        name(COOKIE_NAME, "cookie", "`c=<culture>|uic=<UI culture>` (percent-encoded or not), as ASP.NET's CookieRequestCultureProvider writes it. Tried after the query string."),
        name("Accept-Language", "header", "Tried after the cookie: the first three well-formed entries, highest quality first (ties in order, `q=0` never). With no supported culture anywhere, the server's default (`--culture`, `en` unless set) is used."),
    ])
}

/// The headers of a ServiceStack API's 400.
fn culture_headers() -> Value {
    json!({
        "Content-Language": {
            "required": true,
            "description": "The UI culture the messages are worded in (the culture chosen for the request, e.g. `fr-CA`, `en`). payrules' own codes (`Url`, `TypeMismatch`, `Date`) and request-level messages stay English.",
            "schema": { "type": "string", "pattern": "^[a-z]{2,8}(-[A-Za-z0-9]{1,8})*$" },
        },
        "Vary": {
            "required": true,
            "description": "The messages depend on these request headers (and on the query string).",
            "schema": { "type": "string", "const": VARY },
        },
    })
}

/// The document as served: its JSON text, made once when the router is built.
pub(crate) fn document_text() -> Bytes {
    Bytes::from(serde_json::to_vec(&openapi_document()).unwrap_or_default())
}

/// The answer to `GET /openapi.json`.
pub(crate) fn serve(document: Bytes) -> Response {
    ([(CONTENT_TYPE, "application/json")], document).into_response()
}
