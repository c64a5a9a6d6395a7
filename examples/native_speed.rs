//! Prints ns per `validate_json` call natively for a valid and an invalid OnceOffPaymentRequest (a quick figure; `bench/` holds the real benchmarks).
use std::time::Instant;

fn main() {
    let valid = br#"{"Segment":"Retail","FirstName":"Thandi","LastName":"Mokoena","Address":"12 Long Street","City":"Cape Town","Region":"Western Cape","Suburb":"Gardens","PostalCode":"8001","MobileNumber":"+27821234567","Email":"thandi@example.co.za","IdNumber":"8001015009087","PassportNumber":"A1234567","InvoiceNumber":"INV-2026-0042","DebtDate":"2026-10-31","AmountOutstanding":1050.49,"CurrenciesId":1,"ChannelsId":3,"DebtMeta":{"source":"import","batch":"7"},"CustomersMeta":{"tier":"gold"},"UrlToDocument":"https://billing.example.co.za/invoices/INV-2026-0042.pdf","CustomerUniqueIdentifier":"CUST-0001"}"#;
    let invalid = br#"{"Segment":"Retail","FirstName":"Thandi","LastName":"Mokoena","Email":"thandi.example.co.za","InvoiceNumber":"INV-1","AmountOutstanding":1050.495,"CurrenciesId":0,"ChannelsId":3,"UrlToDocument":"javascript:alert(1)"}"#;
    for (name, body) in [("valid", &valid[..]), ("invalid", &invalid[..])] {
        let dto = payrules::DtoName::OnceOffPaymentRequest;
        let calls: u32 = std::env::var("CALLS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(200_000);
        for _ in 0..calls / 10 {
            std::hint::black_box(payrules::validate_json(dto, std::hint::black_box(body)));
        }
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(payrules::validate_json(dto, std::hint::black_box(body)));
        }
        println!(
            "OnceOffPaymentRequest {name}: {:.0} ns/op",
            start.elapsed().as_nanos() as f64 / f64::from(calls)
        );
    }
}
