//! `RecordPaymentBindingModel` — `POST api/Payment` (ASP.NET Web API 2, DataAnnotations).

use super::prelude::*;

/// A renewal-contract payment. Wire and C# names as its sample: camelCase except
/// `LoyaltyPointsToUse`.
#[dto(framework = WebApi, route = "/api/Payment", forms, wire = "camelCase")]
pub struct RecordPaymentBindingModel {
    #[validate(required(code = "Required"), custom(function = rules::not_blank, code = "Required"), custom(function = rules::max_length::<10>))]
    pub account_code: Option<String>,
    #[validate(required(code = "Required"), range(min = 1, max = 2147483647, code = "Range"))]
    pub contract_id: Option<i32>,
    #[validate(custom(function = rules::max_length::<50>))]
    pub payment_ref: Option<String>,
    #[validate(required(code = "Required"), custom(function = rules::decimal::<18, 2>, code = "Precision"), custom(function = rules::greater_than_zero, code = "Range"))]
    pub payment_value: Option<Money>,
    #[validate(required(code = "Required"))]
    pub payment_successful: Option<bool>,
    #[validate(custom(function = rules::max_length::<250>))]
    pub message: Option<String>,
    pub payment_type: Option<String>,
    /// No value means `false`.
    pub upfront_payment: Option<bool>,
    #[validate(range(min = 0, max = 2147483647, code = "Range"))]
    #[dto(wire = "LoyaltyPointsToUse")]
    pub loyalty_points_to_use: Option<i32>,
}
