//! `CreatePaymentRequest` — `POST /payments` (ServiceStack, role manager).

use super::prelude::*;

/// A salary-package payment. Wire names camelCase (its TypeScript DTO), C# names PascalCase
/// (its XML sample).
#[dto(framework = ServiceStack, route = "/payments", wire = "camelCase", csharp = "PascalCase")]
pub struct CreatePaymentRequest {
    pub organisation_id: Option<String>,
    pub salary_package_id: Option<String>,
    #[validate(required(code = "NotNull"), custom(function = rules::decimal::<18, 2>), custom(function = rules::greater_than_zero))]
    pub amount: Option<Money>,
    /// Tax cannot exceed the amount it is part of (judged last; skipped when either side has
    /// no valid value).
    #[validate(required(code = "NotNull"), custom(function = rules::decimal::<18, 2>), custom(function = rules::at_least_zero))]
    #[dto(less_than_or_equal = "amount")]
    pub gst_amount: Option<Money>,
    pub particulars: Option<String>,
    pub budget_category: Option<String>,
}
