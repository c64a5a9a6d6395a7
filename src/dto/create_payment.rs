//! `CreatePaymentRequest` — `POST /payments` (ServiceStack, role manager).

use validator::ValidationError;

use crate::dto::dto;
use crate::rules::{compare, money, RuleError};
use crate::types::Money;

dto! {
    /// A salary-package payment. Wire names camelCase (its TypeScript DTO), C# names PascalCase
    /// (its XML sample).
    #[validate(schema(function = gst_within_amount, skip_on_field_errors = false))]
    pub struct CreatePaymentRequest for ServiceStack {
        organisation_id: String = ("organisationId", "OrganisationId"),
        salary_package_id: String = ("salaryPackageId", "SalaryPackageId"),
        #[validate(required(code = "NotNull"), custom(function = money::decimal_18_2::<ValidationError>), custom(function = money::greater_than_zero::<ValidationError>))]
        amount: Money = ("amount", "Amount"),
        #[validate(required(code = "NotNull"), custom(function = money::decimal_18_2::<ValidationError>), custom(function = money::at_least_zero::<ValidationError>))]
        gst_amount: Money = ("gstAmount", "GstAmount"),
        particulars: String = ("particulars", "Particulars"),
        budget_category: String = ("budgetCategory", "BudgetCategory"),
    }
}

/// `gstAmount` LessThanOrEqual `amount`: tax cannot exceed the amount it is part of.
/// Judged last among `gstAmount`'s rules; skipped when either side has no valid value.
fn gst_within_amount<E: RuleError>(request: &impl Amounts) -> Result<(), E> {
    match request.gst_and_amount() {
        (Some(gst), Some(amount)) => compare::at_most("gst_amount", gst, amount),
        _ => Ok(()),
    }
}

/// The two amounts the cross-field rule compares, from the DTO or its view.
trait Amounts {
    fn gst_and_amount(&self) -> (Option<Money>, Option<Money>);
}

// The derive passes `&self` on, so the rule receives a reference to a reference.
impl<T: Amounts> Amounts for &T {
    fn gst_and_amount(&self) -> (Option<Money>, Option<Money>) {
        (**self).gst_and_amount()
    }
}

impl Amounts for CreatePaymentRequest {
    fn gst_and_amount(&self) -> (Option<Money>, Option<Money>) {
        (self.gst_amount, self.amount)
    }
}

impl Amounts for view::CreatePaymentRequest<'_> {
    fn gst_and_amount(&self) -> (Option<Money>, Option<Money>) {
        (self.gst_amount, self.amount)
    }
}
