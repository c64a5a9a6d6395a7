//! The payrules reference server: every registered DTO's API validated natively with the payrules crate, plus the demo's static files.
//!
//! A validation gateway and parity witness: it answers each API as its .NET server would
//! (400 with that API's own error body, or 200 with the API's response DTO) and keeps nothing.

mod api;
mod culture;
mod log;
mod openapi;
mod request;
mod serve;

use std::path::PathBuf;
use std::sync::Arc;

use axum::http::header::{CONTENT_SECURITY_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::HeaderValue;
use axum::routing::{get, post};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub use api::{ok_schema, Api};
pub use culture::{
    request_culture, supported_culture, ACCEPT_LANGUAGE_TRIED, COOKIE_NAME, DEFAULT_CULTURE,
};
pub use log::utc_now;
pub use openapi::openapi_document;
pub use request::REQUEST_ANSWERS;
pub use serve::{serve, Limits};

/// The largest request body accepted; a larger one is answered 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The demo's Content-Security-Policy: scripts only from this origin (no inline script, no
/// `eval`), WebAssembly compiled from them, nothing embedded or framed, requests only to here.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Where the static files are, what is logged, the limits and the default culture.
#[derive(Clone, Debug)]
pub struct Config {
    /// The demo page (`www/`), served at `/`.
    pub www: PathBuf,
    /// The built npm package (`pkg/`), served at `/pkg/`.
    pub pkg: PathBuf,
    /// One line per request on stdout (time, method, path, status, duration; never a body).
    pub log_requests: bool,
    /// Connections at once and the deadlines for a request's head and body.
    pub limits: Limits,
    /// The UI culture of a ServiceStack route's request that names none the server supports
    /// (`--culture`; ASP.NET's `DefaultRequestCulture`). A name [`supported_culture`] refuses
    /// is read as `en`.
    pub culture: String,
}

impl Default for Config {
    /// `www/` and `pkg/` of the working directory, no request log, default limits, `en`.
    fn default() -> Config {
        Config {
            www: PathBuf::from("www"),
            pkg: PathBuf::from("pkg"),
            log_requests: false,
            limits: Limits::default(),
            culture: DEFAULT_CULTURE.to_owned(),
        }
    }
}

/// The whole server: an API route per registered DTO, their OpenAPI document at
/// `/openapi.json`, the static files, one log line per request.
pub fn router(config: &Config) -> Router {
    let mut router = Router::new();
    let body_timeout = config.limits.body_timeout;
    let culture: Arc<str> = supported_culture(&config.culture)
        .unwrap_or_else(|| DEFAULT_CULTURE.to_owned())
        .into();
    for api in Api::all() {
        let culture = Arc::clone(&culture);
        router = router.route(
            api.path(),
            post(move |request| request::handle(api, body_timeout, Arc::clone(&culture), request)),
        );
    }
    let document = openapi::document_text();
    router = router
        .route(
            "/openapi.json",
            get(move || async move { openapi::serve(document) }),
        )
        .nest_service("/pkg", ServeDir::new(&config.pkg))
        .fallback_service(ServeDir::new(&config.www))
        .layer(SetResponseHeaderLayer::overriding(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ));
    if config.log_requests {
        router = router.layer(axum::middleware::from_fn(log::log_request));
    }
    router
}
