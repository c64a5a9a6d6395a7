//! `OnceOffPaymentRequest` — `POST /onceoffpayment` (ServiceStack, role Client).

use super::prelude::*;

/// A once-off payment request. Wire names and C# names are both PascalCase.
#[dto(framework = ServiceStack, route = "/onceoffpayment", wire = "PascalCase")]
pub struct OnceOffPaymentRequest {
    #[validate(required(code = "NotNull"))]
    pub segment: Option<String>,
    #[validate(required(code = "NotNull"))]
    pub first_name: Option<String>,
    #[validate(required(code = "NotNull"))]
    pub last_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub suburb: Option<String>,
    pub postal_code: Option<String>,
    pub mobile_number: Option<String>,
    #[validate(custom(function = rules::email))]
    pub email: Option<String>,
    pub id_number: Option<String>,
    pub passport_number: Option<String>,
    #[validate(required(code = "NotNull"))]
    pub invoice_number: Option<String>,
    pub debt_date: Option<DateTime>,
    #[validate(required(code = "NotNull"), custom(function = rules::decimal::<18, 2>), custom(function = rules::greater_than_zero))]
    pub amount_outstanding: Option<Money>,
    #[validate(required(code = "NotNull"), range(exclusive_min = 0, code = "GreaterThan"))]
    pub currencies_id: Option<i32>,
    #[validate(required(code = "NotNull"), range(exclusive_min = 0, code = "GreaterThan"))]
    pub channels_id: Option<i32>,
    pub debt_meta: Option<StringMap>,
    pub customers_meta: Option<StringMap>,
    #[validate(custom(function = rules::http_url))]
    pub url_to_document: Option<String>,
    pub customer_unique_identifier: Option<String>,
}
