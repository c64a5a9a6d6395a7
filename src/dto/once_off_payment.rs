//! `OnceOffPaymentRequest` — `POST /onceoffpayment` (ServiceStack, role Client).

use validator::ValidationError;

use crate::dto::dto;
use crate::rules::{email, money, url};
use crate::types::{DateTime, Money, StringMap};

dto! {
    /// A once-off payment request. Wire names and C# names are both PascalCase.
    pub struct OnceOffPaymentRequest for ServiceStack {
        #[validate(required(code = "NotNull"))]
        segment: String = ("Segment", "Segment"),
        #[validate(required(code = "NotNull"))]
        first_name: String = ("FirstName", "FirstName"),
        #[validate(required(code = "NotNull"))]
        last_name: String = ("LastName", "LastName"),
        address: String = ("Address", "Address"),
        city: String = ("City", "City"),
        region: String = ("Region", "Region"),
        suburb: String = ("Suburb", "Suburb"),
        postal_code: String = ("PostalCode", "PostalCode"),
        mobile_number: String = ("MobileNumber", "MobileNumber"),
        #[validate(custom(function = email::email::<ValidationError>))]
        email: String = ("Email", "Email"),
        id_number: String = ("IdNumber", "IdNumber"),
        passport_number: String = ("PassportNumber", "PassportNumber"),
        #[validate(required(code = "NotNull"))]
        invoice_number: String = ("InvoiceNumber", "InvoiceNumber"),
        debt_date: DateTime = ("DebtDate", "DebtDate"),
        #[validate(required(code = "NotNull"), custom(function = money::decimal_18_2::<ValidationError>), custom(function = money::greater_than_zero::<ValidationError>))]
        amount_outstanding: Money = ("AmountOutstanding", "AmountOutstanding"),
        #[validate(required(code = "NotNull"), range(exclusive_min = 0, code = "GreaterThan"))]
        currencies_id: i32 = ("CurrenciesId", "CurrenciesId"),
        #[validate(required(code = "NotNull"), range(exclusive_min = 0, code = "GreaterThan"))]
        channels_id: i32 = ("ChannelsId", "ChannelsId"),
        debt_meta: StringMap = ("DebtMeta", "DebtMeta"),
        customers_meta: StringMap = ("CustomersMeta", "CustomersMeta"),
        #[validate(custom(function = url::absolute_http_url::<ValidationError>))]
        url_to_document: String = ("UrlToDocument", "UrlToDocument"),
        customer_unique_identifier: String = ("CustomerUniqueIdentifier", "CustomerUniqueIdentifier"),
    }
}
