//! Differential tests: seeded generated request bodies (valid, near-valid, hostile), each judged natively, by the wasm package in Node (`validate` on the parsed object and `validateJson` on the text), and by the running server over HTTP, in a random locale; any difference fails.
//!
//! `PAYRULES_SEED` replays a run (the seed is printed); `PAYRULES_CASES` sets the count
//! (default 10,000). Needs the built package in `pkg/` (`scripts/test.sh` builds it first).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use payrules::{DtoName, Kind};
use payrules_server::{Api, Config};

mod common;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// SplitMix64: small, seeded, good enough to pick cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Edge values as JSON text, by what they are meant to probe.
const STRINGS: &[&str] = &[
    r#""""#,
    r#"" ""#,
    r#""abc""#,
    r#""😀😀😀😀😀""#,
    r#""😀😀😀😀😀a""#,
    r#""\ud800""#,
    r#""\udc00\ud800x""#,
    r#""a@b""#,
    r#""@b""#,
    r#""a@""#,
    r#""a@b@c""#,
    r#""https://x.co/a?b#c""#,
    r#""javascript:alert(1)""#,
    r#""HTTP://X:65535/""#,
    r#""https://x:65536""#,
    r#""https://x .co""#,
    r#""https://[::1]:8080/""#,
    r#""2024-02-29""#,
    r#""2023-02-29""#,
    r#""2026-11-21T09:30:15.1234567+02:00""#,
    r#""2026-11-21 24:00""#,
    r#"" 12 ""#,
    r#""+7""#,
    r#""-0""#,
    r#""12.50""#,
    r#"".5""#,
    r#""5.""#,
    r#""1e3""#,
    r#""1,000""#,
    r#""NaN""#,
    r#""true""#,
    r#""FALSE""#,
    r#""yes""#,
    r#""79228162514264337593543950335""#,
    r#""79228162514264337593543950336""#,
    r#""12345678901234567""#,
    r#""\u0000""#,
    r#""tab\there""#,
    r#""\"quoted\"""#,
    r#""HSMM1113""#,
    r#""ÀÉÎõü""#,
];
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "7",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "12.5",
    "1050.49",
    "1050.495",
    "0.30000000000000004",
    "1e21",
    "1e-7",
    "1e400",
    "-1e400",
    "123456789012345678901234567890",
    "9999999999999999.99",
    "7.9e28",
    "1E3",
    "0.1",
    "100",
    "5e-324",
    "12.0",
    "-12.345",
    "3.14159",
];
const OTHERS: &[&str] = &[
    "true",
    "false",
    "null",
    "[]",
    "[1,2]",
    "{}",
    r#"{"a":"b"}"#,
    r#"{"a":1,"b":true,"c":null}"#,
    r#"{"a":{"x":1}}"#,
    r#"{"a":[1]}"#,
    r#"{"a":"b","a":"c"}"#,
    r#"{"__proto__":{"x":1}}"#,
];
const JUNK_KEYS: &[&str] = &[
    "__proto__",
    "constructor",
    "x",
    "first_name",
    "FirstName ",
    "",
    "gst-amount",
    "😀",
];

/// A valid request of `dto`, as (key, JSON value) pairs: the valid case with the most keys of
/// its vector file (`tests/vectors/<module>.json`).
fn template(dto: DtoName) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(format!("{}.json", dto.module()));
    let file: serde_json::Value = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_else(|| panic!("{} is a vector file", path.display()));
    let valid = file["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|case| case["expected"]["valid"] == true)
        .filter_map(|case| case["input"].as_object())
        .max_by_key(|input| input.len())
        .unwrap_or_else(|| panic!("{} has no valid case with an input object", path.display()));
    valid
        .iter()
        .map(|(key, value)| (key.clone(), value.to_string()))
        .collect()
}

fn recase(rng: &mut Rng, key: &str) -> String {
    match rng.below(4) {
        0 => key.to_ascii_lowercase(),
        1 => key.to_ascii_uppercase(),
        2 => key
            .chars()
            .map(|c| {
                if rng.chance(50) {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
        _ => key.to_owned(),
    }
}

/// A value probing a field of `kind`, or anything at all.
fn edge_value(rng: &mut Rng, kind: Kind) -> String {
    let typical: &[&str] = match kind {
        Kind::String => STRINGS,
        Kind::Int32 | Kind::Money => NUMBERS,
        _ => OTHERS,
    };
    match rng.below(10) {
        0..=4 => rng.pick(typical).to_string(),
        5 => rng.pick(STRINGS).to_string(),
        6 => rng.pick(NUMBERS).to_string(),
        7 => rng.pick(OTHERS).to_string(),
        8 => {
            let depth = 1 + rng.below(3000);
            format!("{}{}", "[".repeat(depth), "]".repeat(depth))
        }
        _ => {
            // A random string of mixed characters, JSON-escaped.
            let chars = [
                'a', 'Z', ' ', '@', '😀', 'é', '\u{2028}', '"', '\\', '\n', '0', '.', '-', ':', '/',
            ];
            let text: String = (0..rng.below(60)).map(|_| *rng.pick(&chars)).collect();
            serde_json::to_string(&text).unwrap_or_default()
        }
    }
}

fn object(entries: &[(String, String)]) -> String {
    let body: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}:{v}", serde_json::to_string(k).unwrap_or_default()))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// One request body for `dto`.
fn generate(rng: &mut Rng, dto: DtoName) -> String {
    let fields = dto.fields();
    let kind_of = |key: &str| {
        fields
            .iter()
            .find(|f| f.name == key)
            .map_or(Kind::String, |f| f.kind)
    };
    let mut entries = template(dto);
    match rng.below(10) {
        // Valid: the template, some optional fields dropped, keys re-cased.
        0..=2 => {
            for entry in &mut entries {
                entry.0 = recase(rng, &entry.0);
            }
            if rng.chance(30) {
                let i = rng.below(entries.len());
                entries.remove(i);
            }
        }
        // Near-valid: one to three fields changed to edge values.
        3..=6 => {
            for _ in 0..1 + rng.below(3) {
                let i = rng.below(entries.len());
                let kind = kind_of(&entries[i].0);
                entries[i].1 = edge_value(rng, kind);
                if rng.chance(20) {
                    entries[i].0 = recase(rng, &entries[i].0);
                }
            }
        }
        // Hostile: junk keys, duplicates in two casings, every value an edge value.
        _ => {
            for entry in &mut entries {
                if rng.chance(50) {
                    let kind = kind_of(&entry.0);
                    entry.1 = edge_value(rng, kind);
                }
            }
            for _ in 0..rng.below(4) {
                let (key, value) = (rng.pick(JUNK_KEYS).to_string(), edge_value(rng, Kind::Map));
                let at = rng.below(entries.len() + 1);
                entries.insert(at, (key, value));
            }
            for _ in 0..rng.below(3) {
                let field = rng.pick(fields);
                let (key, value) = (recase(rng, field.name), edge_value(rng, field.kind));
                let at = rng.below(entries.len() + 1);
                entries.insert(at, (key, value));
            }
            if rng.chance(30) {
                let (key, value) = (
                    entries[rng.below(entries.len())].0.clone(),
                    edge_value(rng, Kind::String),
                );
                entries.push((key, value));
            }
        }
    }
    let text = object(&entries);
    match rng.below(40) {
        // Not an object at all.
        0 => rng
            .pick(&["null", "[]", "[{}]", "42", r#""text""#, "true", "1e400"])
            .to_string(),
        // Malformed: cut short, or a stray character.
        1 => text.chars().take(rng.below(text.chars().count())).collect(),
        2 => {
            let mut chars: Vec<char> = text.chars().collect();
            let at = rng.below(chars.len());
            chars.insert(at, *rng.pick(&[',', '}', '"', 'x', ':', '\u{1}']));
            chars.into_iter().collect()
        }
        // JSON whitespace around tokens.
        3 => format!(" \n\t{}\r\n ", text.replace(',', " ,\n ")),
        _ => text,
    }
}

/// Every culture name of every language (from the crate's data), and one no language has.
fn locales() -> Vec<String> {
    let data = payrules::languages_data();
    let mut locales: Vec<String> = data["languages"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|language| language["cultures"].as_array().cloned().unwrap_or_default())
        .filter_map(|culture| culture.as_str().map(str::to_owned))
        .collect();
    locales.extend(["xx".to_owned(), "zh-CN".to_owned(), "en-GB".to_owned()]);
    assert!(locales.len() > 55, "{} locales", locales.len());
    locales
}

/// What the browser side says: the package's verdict through Node, for every case at once.
fn through_wasm(cases: &[(Api, String, Option<String>)]) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert!(
        root.join("pkg/payrules_bg.wasm").exists(),
        "build the package first (scripts/test.sh does): pkg/ is missing"
    );
    let mut child = Command::new("node")
        .arg(root.join("tests/js/batch.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("node: {e}"));
    let mut input = String::new();
    for (api, text, locale) in cases {
        let mut line = serde_json::json!({ "dto": api.dto().as_str(), "text": text });
        if let Some(locale) = locale {
            line["locale"] = locale.as_str().into();
        }
        input += &line.to_string();
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("stdin"));
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("node: {e}"));
    writer
        .join()
        .unwrap_or_else(|_| panic!("writer"))
        .unwrap_or_else(|e| panic!("stdin: {e}"));
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), cases.len(), "one answer per case");
    lines
}

/// A minimal HTTP/1.1 client on one keep-alive connection: (status, body).
struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    async fn post(&mut self, path: &str, body: &str, locale: Option<&str>) -> (u16, String) {
        // One write: a head and a body in two would wait on Nagle and delayed ACKs.
        let language = locale.map_or(String::new(), |l| format!("Accept-Language: {l}\r\n"));
        let request = format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{language}Content-Length: {}\r\n\r\n{body}", body.len());
        self.stream
            .get_mut()
            .write_all(request.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("write: {e}"));
        let mut status_line = String::new();
        self.stream
            .read_line(&mut status_line)
            .await
            .unwrap_or_else(|e| panic!("read: {e}"));
        let status: u16 = status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stream
                .read_line(&mut line)
                .await
                .unwrap_or_else(|e| panic!("read: {e}"));
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        self.stream
            .read_exact(&mut body)
            .await
            .unwrap_or_else(|e| panic!("read: {e}"));
        (status, String::from_utf8_lossy(&body).into_owned())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn native_wasm_and_http_agree_on_every_generated_request() {
    let seed: u64 = std::env::var("PAYRULES_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let count: usize = std::env::var("PAYRULES_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    println!("differential: seed {seed} (replay with PAYRULES_SEED={seed}), {count} cases");
    let mut rng = Rng(seed);
    let apis = Api::all();
    let locales = locales();
    let cases: Vec<(Api, String, Option<String>)> = (0..count)
        .map(|_| {
            let api = *rng.pick(&apis);
            let text = generate(&mut rng, api.dto());
            // Half in English (no locale), half in a random locale: a language's culture, with a
            // region, in another case, or a culture no language has.
            let locale = rng.chance(50).then(|| {
                let locale = rng.pick(&locales).clone();
                match rng.below(4) {
                    0 => format!("{locale}-XY"),
                    1 => locale.to_ascii_uppercase(),
                    _ => locale,
                }
            });
            (api, text, locale)
        })
        .collect();

    let wasm = through_wasm(&cases);

    let addr = common::start(Config {
        www: PathBuf::from("www"),
        pkg: PathBuf::from("pkg"),
        ..Config::default()
    })
    .await;
    let stream = TcpStream::connect(addr)
        .await
        .unwrap_or_else(|e| panic!("connect: {e}"));
    stream
        .set_nodelay(true)
        .unwrap_or_else(|e| panic!("nodelay: {e}"));
    let mut client = Client {
        stream: BufReader::new(stream),
    };

    let (mut valid, mut invalid, mut malformed) = (0, 0, 0);
    let mut differences = Vec::new();
    for ((api, text, locale), browser) in cases.iter().zip(&wasm) {
        let dto = api.dto();
        let native = match locale {
            Some(locale) => payrules::validate_json_in(dto, text.as_bytes(), locale),
            None => payrules::validate_json(dto, text.as_bytes()),
        };
        let native_result = serde_json::to_string(&native).unwrap_or_default();
        let native_body =
            serde_json::to_string(&payrules::server_body(dto, &native.errors)).unwrap_or_default();
        let (status, http_body) = client.post(api.path(), text, locale.as_deref()).await;
        let mut problems = Vec::new();
        if browser["textResult"] != native_result.as_str() {
            problems.push(format!("wasm validateJson {}", browser["textResult"]));
        }
        if browser["parsed"] == false {
            malformed += 1;
            if !native_result.contains("The request body is not valid JSON.") {
                problems.push(format!(
                    "JSON.parse rejects it, native says {native_result}"
                ));
            }
        } else {
            if browser["result"] != native_result.as_str() {
                problems.push(format!("wasm result {}", browser["result"]));
            }
            if browser["body"] != native_body.as_str() {
                problems.push(format!("wasm body {}", browser["body"]));
            }
        }
        if native.valid {
            valid += 1;
            // Web API answers a valid request 200 with no body; ServiceStack with its response.
            let expected_empty = api.dto().framework() == payrules::Framework::WebApi;
            if status != 200 || http_body.is_empty() != expected_empty {
                problems.push(format!("HTTP {status} {http_body} for a valid request"));
            }
        } else {
            invalid += 1;
            if status != 400 || http_body != native_body {
                problems.push(format!("HTTP {status} {http_body}"));
            }
        }
        if !problems.is_empty() {
            differences.push(format!(
                "{} in {locale:?} {}\n  native: {native_result}\n          {native_body}\n  {}",
                dto,
                text.chars().take(400).collect::<String>(),
                problems.join("\n  ")
            ));
        }
    }
    let localized = cases.iter().filter(|(_, _, l)| l.is_some()).count();
    println!(
        "differential: {} cases compared natively, in wasm (Node) and over HTTP: {valid} valid, {invalid} invalid ({malformed} not JSON), {localized} in a random locale, {} differences",
        cases.len(),
        differences.len()
    );
    assert!(
        valid > count / 10 && invalid > count / 10 && malformed > 0,
        "the generator covers too little"
    );
    assert!(
        differences.is_empty(),
        "{} of {} cases differ (seed {seed}):\n{}",
        differences.len(),
        cases.len(),
        differences
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[path = "../../tests/strategies/mod.rs"]
mod strategies;

/// Requests from the property tests' strategies (tests/strategies), generated natively from a
/// fixed seed, then cut or spliced with junk for a third of them: judged natively and by the
/// wasm package in Node (`validate` and `validateJson`), which must agree exactly.
#[test]
fn proptest_requests_agree_natively_and_in_wasm() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config as ProptestConfig, RngAlgorithm, TestRng, TestRunner};

    let mut runner = TestRunner::new_with_rng(
        ProptestConfig::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let mut rng = Rng(7);
    let strategy = strategies::request();
    let apis = Api::all();
    let cases: Vec<(Api, String, Option<String>)> = (0..3_000)
        .map(|i| {
            let value = strategy
                .new_tree(&mut runner)
                .unwrap_or_else(|e| panic!("strategy: {e}"))
                .current();
            let mut text = value.to_string();
            if i % 3 == 2 {
                let at = rng.below(text.len() + 1);
                let at = (0..=at)
                    .rev()
                    .find(|&a| text.is_char_boundary(a))
                    .unwrap_or(0);
                const JUNK: [&str; 6] = ["", "}", "\"", ",", "[", "\\u12"];
                let junk: &&str = rng.pick(&JUNK);
                text.insert_str(at, junk);
            }
            (apis[i % apis.len()], text, None)
        })
        .collect();
    let wasm = through_wasm(&cases);
    let mut differences = Vec::new();
    for ((api, text, _), browser) in cases.iter().zip(&wasm) {
        let native = payrules::validate_json(api.dto(), text.as_bytes());
        let native_result = serde_json::to_string(&native).unwrap_or_default();
        let object_path = browser["parsed"] == false || browser["result"] == native_result.as_str();
        if browser["textResult"] != native_result.as_str() || !object_path {
            differences.push(format!(
                "{} {text}\n  native: {native_result}\n  wasm: {browser}",
                api.dto()
            ));
        }
    }
    println!(
        "proptest requests: {} compared natively and in wasm (Node), {} differences",
        cases.len(),
        differences.len()
    );
    assert!(
        differences.is_empty(),
        "{}",
        differences
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
