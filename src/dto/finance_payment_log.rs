//! `FinancePaymentLogRequest` — `POST /Finance/Payment/Log` (ServiceStack, permission CreatePayments).

use super::prelude::*;

/// A payment log entry. Every field optional; wire and C# names snake_case, as on its page.
#[dto(framework = ServiceStack, route = "/Finance/Payment/Log", wire = "snake_case")]
pub struct FinancePaymentLogRequest {
    pub process: Option<String>,
    pub action: Option<String>,
    pub note: Option<String>,
    pub message: Option<String>,
    pub order_id: Option<String>,
    pub external_payment_id: Option<i32>,
    pub regent_id: Option<i32>,
    /// Sign free: refunds are logged negative.
    #[validate(custom(function = rules::decimal::<18, 2>))]
    pub amount: Option<Money>,
    pub payment_type: Option<String>,
    pub customer_ip: Option<String>,
    pub name: Option<String>,
    #[validate(custom(function = rules::email))]
    pub email: Option<String>,
    pub phone: Option<String>,
    pub addr1: Option<String>,
    pub addr2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub code: Option<String>,
    pub current_status: Option<String>,
    pub current_status_date: Option<DateTime>,
    pub pushed_to_gl: Option<bool>,
    pub pushed_to_gl_date: Option<DateTime>,
}
