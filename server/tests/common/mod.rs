//! What the integration tests share: the server started on a free loopback port through the real accept loop, and one request sent straight to a router.

use std::net::SocketAddr;

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use payrules_server::{router, serve, Config};
use tower::ServiceExt;

/// Starts the server with `config` on a free port of 127.0.0.1; returns its address.
#[allow(dead_code)] // not every test file starts a server
pub async fn start(config: Config) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let addr = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("addr: {e}"));
    let limits = config.limits;
    tokio::spawn(serve(
        listener,
        router(&config),
        limits,
        std::future::pending(),
    ));
    addr
}

/// Sends one request to `app`; returns the status, the content type ("" if none) and the body
/// as text.
#[allow(dead_code)] // not every test file sends requests this way
pub async fn send(
    app: Router,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<Body>,
) -> (StatusCode, String, String) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let request = request
        .body(body.into())
        .unwrap_or_else(|e| panic!("request: {e}"));
    let response = app.oneshot(request).await.unwrap_or_else(|e| match e {});
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap_or_else(|e| panic!("body: {e}"));
    (
        status,
        content_type,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// Sends `request` to `app`; returns the status, the response headers and the body as text.
#[allow(dead_code)] // not every test file sends requests this way
pub async fn respond(app: Router, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = app.oneshot(request).await.unwrap_or_else(|e| match e {});
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX)
        .await
        .unwrap_or_else(|e| panic!("body: {e}"));
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}
