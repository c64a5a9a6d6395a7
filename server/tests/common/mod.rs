//! Starting the server for the integration tests: on a free loopback port, through the real accept loop.

use std::net::SocketAddr;

use payrules_server::{router, serve, Config};

/// Starts the server with `config` on a free port of 127.0.0.1; returns its address.
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
