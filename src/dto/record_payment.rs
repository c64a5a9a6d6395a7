//! `RecordPaymentBindingModel` — `POST api/Payment` (ASP.NET Web API 2, DataAnnotations).

use validator::ValidationError;

use crate::dto::dto;
use crate::rules::{length::max_utf16_len, money, required};
use crate::types::Money;

dto! {
    /// A renewal-contract payment. Wire and C# names as its sample: camelCase except
    /// `LoyaltyPointsToUse`.
    pub struct RecordPaymentBindingModel for WebApi {
        #[validate(required(code = "Required"), custom(function = required::not_blank::<ValidationError>, code = "Required"), custom(function = max_utf16_len::<10, ValidationError>))]
        account_code: String = ("accountCode", "accountCode"),
        #[validate(required(code = "Required"), range(min = 1, max = 2147483647, code = "Range"))]
        contract_id: i32 = ("contractId", "contractId"),
        #[validate(custom(function = max_utf16_len::<50, ValidationError>))]
        payment_ref: String = ("paymentRef", "paymentRef"),
        #[validate(required(code = "Required"), custom(function = money::decimal_18_2::<ValidationError>, code = "Precision"), custom(function = money::greater_than_zero::<ValidationError>, code = "Range"))]
        payment_value: Money = ("paymentValue", "paymentValue"),
        #[validate(required(code = "Required"))]
        payment_successful: bool = ("paymentSuccessful", "paymentSuccessful"),
        #[validate(custom(function = max_utf16_len::<250, ValidationError>))]
        message: String = ("message", "message"),
        payment_type: String = ("paymentType", "paymentType"),
        /// No value means `false`.
        upfront_payment: bool = ("upfrontPayment", "upfrontPayment"),
        #[validate(range(min = 0, max = 2147483647, code = "Range"))]
        loyalty_points_to_use: i32 = ("LoyaltyPointsToUse", "LoyaltyPointsToUse"),
    }
}
