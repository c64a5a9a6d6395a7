//! Prints the result and server body for JSON payloads given as arguments (a developer's quick look).
fn main() {
    let mut args = std::env::args().skip(1);
    let dto: payrules::DtoName = args
        .next()
        .unwrap_or_default()
        .parse()
        .unwrap_or(payrules::DtoName::OnceOffPaymentRequest);
    for json in args {
        let result = payrules::validate_json(dto, json.as_bytes());
        println!("{}", serde_json::to_string(&result).unwrap_or_default());
        if let Some(body) = payrules::server_body(dto, &result.errors) {
            println!("  {}", serde_json::to_string(&body).unwrap_or_default());
        }
    }
}
