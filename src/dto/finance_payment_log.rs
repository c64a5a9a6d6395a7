//! `FinancePaymentLogRequest` — `POST /Finance/Payment/Log` (ServiceStack, permission CreatePayments).

use validator::ValidationError;

use crate::dto::dto;
use crate::rules::{email, money};
use crate::types::{DateTime, Money};

dto! {
    /// A payment log entry. Every field optional; wire and C# names snake_case, as on its page.
    pub struct FinancePaymentLogRequest for ServiceStack {
        process: String = ("process", "process"),
        action: String = ("action", "action"),
        note: String = ("note", "note"),
        message: String = ("message", "message"),
        order_id: String = ("order_id", "order_id"),
        external_payment_id: i32 = ("external_payment_id", "external_payment_id"),
        regent_id: i32 = ("regent_id", "regent_id"),
        /// Sign free: refunds are logged negative.
        #[validate(custom(function = money::decimal_18_2::<ValidationError>))]
        amount: Money = ("amount", "amount"),
        payment_type: String = ("payment_type", "payment_type"),
        customer_ip: String = ("customer_ip", "customer_ip"),
        name: String = ("name", "name"),
        #[validate(custom(function = email::email::<ValidationError>))]
        email: String = ("email", "email"),
        phone: String = ("phone", "phone"),
        addr1: String = ("addr1", "addr1"),
        addr2: String = ("addr2", "addr2"),
        city: String = ("city", "city"),
        state: String = ("state", "state"),
        country: String = ("country", "country"),
        code: String = ("code", "code"),
        current_status: String = ("current_status", "current_status"),
        current_status_date: DateTime = ("current_status_date", "current_status_date"),
        pushed_to_gl: bool = ("pushed_to_gl", "pushed_to_gl"),
        pushed_to_gl_date: DateTime = ("pushed_to_gl_date", "pushed_to_gl_date"),
    }
}
