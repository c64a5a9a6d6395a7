//! What a hostile or careless client cannot do to the server: hold it with a slow head or body, open more connections than the cap, or get a payer's data into the log.

use std::io::{BufRead, BufReader as StdBufReader, Read, Write};
use std::net::TcpStream as StdTcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use payrules_server::{Config, Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod common;

/// Starts the server with `limits` on a free port; returns its address.
async fn start(limits: Limits) -> std::net::SocketAddr {
    common::start(Config {
        limits,
        ..Config::default()
    })
    .await
}

async fn connect(addr: std::net::SocketAddr) -> TcpStream {
    TcpStream::connect(addr)
        .await
        .unwrap_or_else(|e| panic!("connect: {e}"))
}

async fn send(stream: &mut TcpStream, bytes: &[u8]) {
    stream
        .write_all(bytes)
        .await
        .unwrap_or_else(|e| panic!("write: {e}"));
}

/// Everything the server sends until it closes the connection (or `within` passes: then panics).
async fn read_to_close(stream: &mut TcpStream, within: Duration) -> String {
    let mut answer = Vec::new();
    match tokio::time::timeout(within, stream.read_to_end(&mut answer)).await {
        Ok(_) => String::from_utf8_lossy(&answer).into_owned(),
        Err(_) => panic!("the connection was still open after {within:?}"),
    }
}

const SHORT: Limits = Limits {
    max_connections: 64,
    header_timeout: Duration::from_secs(1),
    body_timeout: Duration::from_secs(1),
};

#[tokio::test]
async fn a_body_sent_slowly_is_answered_408_and_cut_off() {
    let addr = start(SHORT).await;
    let mut stream = connect(addr).await;
    let started = Instant::now();
    let head = "POST /payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"amount\":";
    send(&mut stream, head.as_bytes()).await;
    // ... and the rest of the body never comes.
    let answer = read_to_close(&mut stream, Duration::from_secs(10)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains(r#""errorCode":"RequestTimeout""#),
        "the API's own error body: {answer}"
    );
    assert!(started.elapsed() >= SHORT.body_timeout);
}

#[tokio::test]
async fn a_head_sent_slowly_is_cut_off() {
    let addr = start(SHORT).await;
    let mut stream = connect(addr).await;
    send(&mut stream, b"POST /payments HTTP/1.1\r\nHost: x\r\n").await;
    // One more header line every 300 ms: the head never completes in time.
    let mut closed = false;
    for _ in 0..30 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        if stream.write_all(b"X-Slow: 1\r\n").await.is_err() {
            closed = true;
            break;
        }
        let mut byte = [0u8; 1];
        if let Ok(Ok(0)) =
            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut byte)).await
        {
            closed = true;
            break;
        }
    }
    if !closed {
        let answer = read_to_close(&mut stream, Duration::from_secs(5)).await;
        assert!(!answer.contains("200 OK"), "{answer}");
    }
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_until_one_closes() {
    let limits = Limits {
        max_connections: 2,
        header_timeout: Duration::from_secs(30),
        body_timeout: Duration::from_secs(30),
    };
    let addr = start(limits).await;
    let request = "POST /payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 30\r\nConnection: close\r\n\r\n{\"amount\": 1, \"gstAmount\": 0} ";
    // Two clients hold both connections, idle.
    let first = connect(addr).await;
    let mut second = connect(addr).await;
    send(&mut second, b"POST /payments HTTP/1.1\r\nHost: x\r\n").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A third is not served while they stay.
    let mut third = connect(addr).await;
    send(&mut third, request.as_bytes()).await;
    let mut answer = Vec::new();
    let waited =
        tokio::time::timeout(Duration::from_millis(700), third.read_to_end(&mut answer)).await;
    assert!(
        waited.is_err() && answer.is_empty(),
        "served beyond the cap: {answer:?}"
    );
    // One leaves: the third is served.
    drop(first);
    let answer = read_to_close(&mut third, Duration::from_secs(10)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// The payer data the log must never hold, in bodies, query strings and headers.
const SECRETS: [&str; 3] = [
    "8001015009087",
    "PASSPORT-A1234567",
    "thandi.secret@example.co.za",
];

#[test]
fn the_log_never_holds_a_body_a_query_or_a_header() {
    let mut server = Command::new(env!("CARGO_BIN_EXE_payrules-server"))
        .args(["--port", "0", "--www", "www", "--pkg", "pkg"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start the server: {e}"));
    let mut stdout = StdBufReader::new(server.stdout.take().unwrap_or_else(|| panic!("stdout")));
    let mut first = String::new();
    stdout
        .read_line(&mut first)
        .unwrap_or_else(|e| panic!("read: {e}"));
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_owned();
    let [id, passport, email] = SECRETS;
    let bodies = [
        (
            "/onceoffpayment",
            "application/json",
            format!(r#"{{"IdNumber":"{id}","PassportNumber":"{passport}","Email":"{email}"}}"#),
        ),
        (
            "/onceoffpayment",
            "application/json",
            format!(r#"{{"IdNumber":"{id}","#),
        ),
        (
            "/api/Payment",
            "application/x-www-form-urlencoded",
            format!("accountCode={id}&message={passport}"),
        ),
        (
            "/Finance/Payment/Log",
            "text/plain",
            format!("email={email}"),
        ),
        (
            &*format!("/payments?email={email}&id={id}"),
            "application/json",
            format!(r#"{{"particulars":"{passport}"}}"#),
        ),
    ];
    for (path, content_type, body) in &bodies {
        let mut stream = StdTcpStream::connect(&addr).unwrap_or_else(|e| panic!("connect: {e}"));
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nX-Payer: {id}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .unwrap_or_else(|e| panic!("write: {e}"));
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 "), "{answer}");
    }
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let mut log = String::new();
    let _ = stdout.read_to_string(&mut log);
    let mut errors = String::new();
    if let Some(mut stderr) = server.stderr.take() {
        let _ = stderr.read_to_string(&mut errors);
    }
    let _ = server.wait();
    let lines = log.lines().filter(|l| l.contains(" POST ")).count();
    assert_eq!(lines, bodies.len(), "one log line per request:\n{log}");
    for secret in SECRETS {
        assert!(!log.contains(secret), "the log holds {secret}:\n{log}");
        assert!(!errors.contains(secret), "stderr holds {secret}:\n{errors}");
    }
}
