//! The payrules reference server: the four payment APIs validated natively with the payrules crate, plus the demo's static files.
//!
//! A validation gateway and parity witness: it answers each API as its .NET server would
//! (400 with that API's own error body, or 200 with the API's response DTO) and keeps nothing.

mod api;
mod log;
mod request;

use std::path::PathBuf;

use axum::routing::post;
use axum::Router;
use tower_http::services::ServeDir;

pub use api::Api;
pub use log::utc_now;

/// The largest request body accepted; a larger one is answered 413.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Where the static files are.
#[derive(Clone, Debug)]
pub struct Config {
    /// The demo page (`www/`), served at `/`.
    pub www: PathBuf,
    /// The built npm package (`pkg/`), served at `/pkg/`.
    pub pkg: PathBuf,
    /// One line per request on stdout (time, method, path, status, duration; never a body).
    pub log_requests: bool,
}

/// The whole server: the four API routes, the static files, one log line per request.
pub fn router(config: &Config) -> Router {
    let mut router = Router::new();
    for api in Api::ALL {
        router = router.route(
            api.path(),
            post(move |request| request::handle(api, request)),
        );
    }
    router = router
        .nest_service("/pkg", ServeDir::new(&config.pkg))
        .fallback_service(ServeDir::new(&config.www));
    if config.log_requests {
        router = router.layer(axum::middleware::from_fn(log::log_request));
    }
    router
}
