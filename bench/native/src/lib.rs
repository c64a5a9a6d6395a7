//! The native benchmarks' competitors: the spec's OnceOffPaymentRequest and RecordPaymentBindingModel as JSON Schema (jsonschema crate), as a plain serde + validator struct, and as a hand-written serde visitor (`visitor`).

pub mod visitor;

use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::{json, Value};
use validator::{Validate, ValidationError};

/// The benchmark payloads, the same as bench/payloads.mjs: (name, DTO, JSON).
pub const PAYLOADS: [(&str, payrules::DtoName, &str); 4] = [
    (
        "OnceOffPaymentRequest valid",
        payrules::DtoName::OnceOffPaymentRequest,
        include_str!("../../load/once_off_valid.json"),
    ),
    (
        "OnceOffPaymentRequest invalid",
        payrules::DtoName::OnceOffPaymentRequest,
        include_str!("../../load/once_off_invalid.json"),
    ),
    (
        "RecordPaymentBindingModel valid",
        payrules::DtoName::RecordPaymentBindingModel,
        r#"{"accountCode":"HSMM1113","contractId":7,"paymentRef":"4BC3FDH1KL","paymentValue":1050.49,"paymentSuccessful":true,"message":"Successful payment!","paymentType":null,"upfrontPayment":false,"LoyaltyPointsToUse":null}"#,
    ),
    (
        "RecordPaymentBindingModel invalid",
        payrules::DtoName::RecordPaymentBindingModel,
        r#"{"accountCode":"           ","contractId":0,"paymentValue":0.001,"paymentSuccessful":true,"LoyaltyPointsToUse":-1}"#,
    ),
];

fn money(n: f64) -> bool {
    let text = n.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    !text.contains('e') && int.trim_start_matches('0').len() <= 16 && frac.len() <= 2
}

fn is_date(s: &str) -> bool {
    payrules::DateTime::parse(s).is_some()
}

fn email(s: &str) -> bool {
    s.matches('@').count() == 1 && !s.starts_with('@') && !s.ends_with('@')
}

fn http_url(s: &str) -> bool {
    payrules::rules::url::holds(s)
}

/// The spec's rules as JSON Schema, compiled by the jsonschema crate (custom formats for the
/// rules JSON Schema cannot say; money as `multipleOf: 0.01` with a maximum).
pub static JSON_SCHEMAS: LazyLock<[jsonschema::Validator; 2]> = LazyLock::new(|| {
    let compile = |schema: Value| {
        jsonschema::options()
            .with_format("email-fv", email)
            .with_format("http-url", http_url)
            .with_format("date-net", is_date)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("schema: {e}"))
    };
    let string = json!({ "type": ["string", "null"] });
    let money = |extra: Value| {
        let mut schema = json!({ "type": "number", "multipleOf": 0.01, "maximum": 9_999_999_999_999_999.99_f64, "minimum": -9_999_999_999_999_999.99_f64 });
        if let (Some(schema), Some(extra)) = (schema.as_object_mut(), extra.as_object()) {
            schema.extend(extra.clone());
        }
        schema
    };
    let once_off = json!({
        "type": "object",
        "required": ["Segment", "FirstName", "LastName", "InvoiceNumber", "AmountOutstanding", "CurrenciesId", "ChannelsId"],
        "properties": {
            "Segment": { "type": "string" }, "FirstName": { "type": "string" }, "LastName": { "type": "string" },
            "Address": string, "City": string, "Region": string, "Suburb": string, "PostalCode": string, "MobileNumber": string,
            "Email": { "type": ["string", "null"], "format": "email-fv" }, "IdNumber": string, "PassportNumber": string,
            "InvoiceNumber": { "type": "string" }, "DebtDate": { "type": ["string", "null"], "format": "date-net" },
            "AmountOutstanding": money(json!({ "exclusiveMinimum": 0 })),
            "CurrenciesId": { "type": "integer", "exclusiveMinimum": 0, "maximum": 2147483647 },
            "ChannelsId": { "type": "integer", "exclusiveMinimum": 0, "maximum": 2147483647 },
            "DebtMeta": { "type": ["object", "null"], "additionalProperties": { "type": ["string", "null"] } },
            "CustomersMeta": { "type": ["object", "null"], "additionalProperties": { "type": ["string", "null"] } },
            "UrlToDocument": { "type": ["string", "null"], "format": "http-url" }, "CustomerUniqueIdentifier": string
        }
    });
    let record = json!({
        "type": "object",
        "required": ["accountCode", "contractId", "paymentValue", "paymentSuccessful"],
        "properties": {
            "accountCode": { "type": "string", "maxLength": 10, "pattern": "\\S" },
            "contractId": { "type": "integer", "minimum": 1, "maximum": 2147483647 },
            "paymentRef": { "type": ["string", "null"], "maxLength": 50 },
            "paymentValue": money(json!({ "exclusiveMinimum": 0 })),
            "paymentSuccessful": { "type": "boolean" },
            "message": { "type": ["string", "null"], "maxLength": 250 }, "paymentType": string,
            "upfrontPayment": { "type": ["boolean", "null"] },
            "LoyaltyPointsToUse": { "type": ["integer", "null"], "minimum": 0, "maximum": 2147483647 }
        }
    });
    [compile(once_off), compile(record)]
});

/// Parses JSON bytes and counts jsonschema's errors (all of them, as payrules reports all).
pub fn jsonschema_errors(dto: payrules::DtoName, bytes: &[u8]) -> usize {
    let Ok(value) = serde_json::from_slice::<Value>(bytes) else {
        return 1;
    };
    let validator = match dto {
        payrules::DtoName::RecordPaymentBindingModel => &JSON_SCHEMAS[1],
        _ => &JSON_SCHEMAS[0],
    };
    validator.iter_errors(&value).count()
}

/// A `validator` custom rule's answer.
fn verdict(ok: bool, code: &'static str) -> Result<(), ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(code))
    }
}

fn money_rule(n: f64) -> Result<(), ValidationError> {
    verdict(money(n) && n > 0.0, "money")
}

fn email_rule(s: &str) -> Result<(), ValidationError> {
    verdict(email(s), "email")
}

fn url_rule(s: &str) -> Result<(), ValidationError> {
    verdict(http_url(s), "url")
}

fn date_rule(s: &str) -> Result<(), ValidationError> {
    verdict(is_date(s), "date")
}

fn not_blank(s: &str) -> Result<(), ValidationError> {
    verdict(!s.trim().is_empty(), "required")
}

/// The plain baseline: serde_json into a `Deserialize` struct (exact keys, first type error
/// stops it), then the `validator` derive.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
pub struct OnceOffPlain {
    #[validate(required)]
    segment: Option<String>,
    #[validate(required)]
    first_name: Option<String>,
    #[validate(required)]
    last_name: Option<String>,
    address: Option<String>,
    city: Option<String>,
    region: Option<String>,
    suburb: Option<String>,
    postal_code: Option<String>,
    mobile_number: Option<String>,
    #[validate(custom(function = email_rule))]
    email: Option<String>,
    id_number: Option<String>,
    passport_number: Option<String>,
    #[validate(required)]
    invoice_number: Option<String>,
    #[validate(custom(function = date_rule))]
    debt_date: Option<String>,
    #[validate(required, custom(function = money_rule))]
    amount_outstanding: Option<f64>,
    #[validate(required, range(exclusive_min = 0))]
    currencies_id: Option<i32>,
    #[validate(required, range(exclusive_min = 0))]
    channels_id: Option<i32>,
    debt_meta: Option<std::collections::HashMap<String, Option<String>>>,
    customers_meta: Option<std::collections::HashMap<String, Option<String>>>,
    #[validate(custom(function = url_rule))]
    url_to_document: Option<String>,
    customer_unique_identifier: Option<String>,
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct RecordPlain {
    #[validate(required, length(max = 10), custom(function = not_blank))]
    account_code: Option<String>,
    #[validate(required, range(min = 1))]
    contract_id: Option<i32>,
    #[validate(length(max = 50))]
    payment_ref: Option<String>,
    #[validate(required, custom(function = money_rule))]
    payment_value: Option<f64>,
    #[validate(required)]
    payment_successful: Option<bool>,
    #[validate(length(max = 250))]
    message: Option<String>,
    payment_type: Option<String>,
    upfront_payment: Option<bool>,
    #[validate(range(min = 0))]
    #[serde(rename = "LoyaltyPointsToUse")]
    loyalty_points_to_use: Option<i32>,
}

/// Parses with serde_json and counts the `validator` derive's errors (a serde error counts 1).
pub fn plain_errors(dto: payrules::DtoName, bytes: &[u8]) -> usize {
    fn count<T: for<'de> Deserialize<'de> + Validate>(bytes: &[u8]) -> usize {
        match serde_json::from_slice::<T>(bytes) {
            Ok(value) => value
                .validate()
                .map_or_else(|e| e.field_errors().values().map(|v| v.len()).sum(), |()| 0),
            Err(_) => 1,
        }
    }
    match dto {
        payrules::DtoName::RecordPaymentBindingModel => count::<RecordPlain>(bytes),
        _ => count::<OnceOffPlain>(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nothing is measured that does not work: every competitor finds errors exactly where
    /// payrules does.
    #[test]
    fn competitors_agree_on_valid_and_invalid() {
        for (name, dto, json) in PAYLOADS {
            let ours = payrules::validate_json(dto, json.as_bytes()).errors.len();
            let schema = jsonschema_errors(dto, json.as_bytes());
            let plain = plain_errors(dto, json.as_bytes());
            assert_eq!(
                (ours == 0, schema == 0, plain == 0),
                (ours == 0, ours == 0, ours == 0),
                "{name}: {ours} {schema} {plain}"
            );
            assert!(schema >= ours.min(1) && plain >= ours.min(1), "{name}");
            // The hand-written visitor does exactly payrules' work: the same result.
            assert_eq!(
                visitor::validate(dto, json.as_bytes()),
                payrules::validate_json(dto, json.as_bytes()),
                "{name}"
            );
        }
    }

    /// The visitor agrees with payrules on the parity vectors of its two DTOs (all but the
    /// JSON edge cases a serde visitor reads differently: repeated keys and lone surrogates).
    #[test]
    fn the_visitor_agrees_on_the_vectors() {
        let mut compared = 0;
        for (dto, file) in [
            (
                payrules::DtoName::OnceOffPaymentRequest,
                include_str!("../../../tests/vectors/once_off_payment.json"),
            ),
            (
                payrules::DtoName::RecordPaymentBindingModel,
                include_str!("../../../tests/vectors/record_payment.json"),
            ),
        ] {
            let file: Value = serde_json::from_str(file).unwrap_or_default();
            for case in file["cases"].as_array().into_iter().flatten() {
                let text = match case.get("input_text") {
                    Some(Value::String(text)) => text.clone(),
                    _ => case["input"].to_string(),
                };
                let keys: Vec<String> = case["input"]
                    .as_object()
                    .map(|o| o.keys().map(|k| k.to_ascii_lowercase()).collect())
                    .unwrap_or_default();
                let repeated = (1..keys.len()).any(|i| keys[..i].contains(&keys[i]));
                if repeated
                    || text.contains("\\ud")
                    || text.contains("\\uD")
                    || case.get("input_text").is_some()
                {
                    continue;
                }
                assert_eq!(
                    visitor::validate(dto, text.as_bytes()),
                    payrules::validate_json(dto, text.as_bytes()),
                    "{dto} {}",
                    case["name"]
                );
                compared += 1;
            }
        }
        assert!(compared > 250, "{compared}");
    }
}
