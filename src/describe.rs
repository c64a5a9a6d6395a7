//! `describe`: each field's rules as a form needs them, and the HTML constraint attributes they imply, read from the DTO's table.
//!
//! Nothing here restates a rule: required, maximum length, bounds, step and format all come
//! from the table `#[dto]` compiled from the DTO's declaration, which the engine judges by.

use crate::alloc_prelude::*;

use serde::Serialize;

use crate::table::{Field, Kind, Op, Rule};
use crate::DtoName;

/// One field of a DTO, as a form needs to know it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldDescription {
    /// The canonical wire name (the form control's `name`).
    pub name: &'static str,
    /// The display name the messages use (`First Name`, `accountCode`).
    pub label: &'static str,
    /// `string`, `int32`, `money`, `bool`, `datetime` or `map`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub required: bool,
    /// In UTF-16 code units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// The smallest valid value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// A bound the value must be greater than (not equal to).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_min: Option<f64>,
    /// The largest valid value, where the rules set one below the type's own limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A bound the value must be less than (not equal to).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_max: Option<f64>,
    /// The money step (`0.01`: two decimals) or `1` for whole numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// `email`, `url` or `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// The form control's attributes; `None` for a map, which no single control holds.
    pub html: Option<HtmlAttributes>,
}

/// HTML attributes that agree with the rules. No `type=email` or `type=url` (the browser's
/// grammars disagree with the rules: `type=url` accepts `javascript:`), and no `type=number`
/// (its sanitizing turns `1,5` into an empty value, which would read as "no value"); numbers
/// get `inputmode` instead. Checkboxes never get `required` (unchecked is `false`, a value).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HtmlAttributes {
    #[serde(rename = "type")]
    pub input_type: &'static str,
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maxlength: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputmode: Option<&'static str>,
}

/// The API a DTO is posted to, from its declaration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiDescription {
    /// The DTO's name (`CreatePaymentRequest`).
    pub name: &'static str,
    /// `ServiceStack` or `WebApi`.
    pub framework: &'static str,
    /// Always `POST`.
    pub method: &'static str,
    /// The path its API is posted to (`/payments`).
    pub route: &'static str,
    /// Whether it also accepts form bodies (`multipart/form-data`, urlencoded).
    pub forms: bool,
}

/// The API `dto` is posted to.
pub fn describe_api(dto: DtoName) -> ApiDescription {
    let table = dto.table();
    ApiDescription {
        name: table.name,
        framework: table.framework.as_str(),
        method: "POST",
        route: table.route,
        forms: table.forms,
    }
}

/// The fields of `dto`, in field order.
pub fn describe(dto: DtoName) -> Vec<FieldDescription> {
    dto.fields().iter().map(field).collect()
}

/// 10^n, exactly (n ≤ 22).
fn exact_power_of_ten(n: u8) -> f64 {
    (0..n).fold(1.0, |power, _| power * 10.0)
}

/// One field's description, from its kind and rules.
fn field(field: &Field) -> FieldDescription {
    let required = field.is_required();
    let mut description = FieldDescription {
        name: field.name,
        label: field.label,
        kind: field.kind.as_str(),
        required,
        max_length: None,
        min: None,
        exclusive_min: None,
        max: None,
        exclusive_max: None,
        step: None,
        format: None,
        html: None,
    };
    let whole = field.kind == Kind::Int32;
    // An integer bound beyond the type's own range says nothing a form needs.
    let within = |n: f64| !whole || (f64::from(i32::MIN) < n && n < f64::from(i32::MAX));
    for rule in field.rules {
        match *rule {
            Rule::MaxLength(max) => description.max_length = Some(max),
            Rule::Email => description.format = Some("email"),
            Rule::Url => description.format = Some("url"),
            Rule::Decimal { scale, .. } => description.step = Some(1.0 / exact_power_of_ten(scale)),
            Rule::Compare(op, bound) => match op {
                // A whole number above `bound` is at least `bound + 1`.
                Op::GreaterThan => {
                    description.exclusive_min = Some(bound);
                    if whole {
                        description.min = Some(crate::number::floor(bound) + 1.0);
                    }
                }
                Op::GreaterThanOrEqual => description.min = Some(bound),
                Op::LessThan => {
                    description.exclusive_max = Some(bound);
                    if whole {
                        description.max = Some(crate::number::ceil(bound) - 1.0);
                    }
                }
                Op::LessThanOrEqual => description.max = Some(bound),
            },
            Rule::Between {
                min,
                max,
                exclusive: false,
            } => {
                description.min = within(min).then_some(min);
                description.max = within(max).then_some(max);
            }
            Rule::Between {
                min,
                max,
                exclusive: true,
            } => {
                description.exclusive_min = Some(min);
                description.exclusive_max = Some(max);
            }
            Rule::Required | Rule::NotBlank | Rule::CompareField(..) => {}
        }
    }
    let html = |input_type, inputmode, maxlength| {
        Some(HtmlAttributes {
            input_type,
            required,
            maxlength,
            inputmode,
        })
    };
    description.html = match field.kind {
        Kind::String => {
            let inputmode = match description.format {
                Some("email") => Some("email"),
                Some("url") => Some("url"),
                _ => None,
            };
            html("text", inputmode, description.max_length)
        }
        Kind::Int32 => {
            description.step = Some(1.0);
            html("text", Some("numeric"), None)
        }
        Kind::Money => html("text", Some("decimal"), None),
        Kind::Bool => Some(HtmlAttributes {
            input_type: "checkbox",
            required: false,
            maxlength: None,
            inputmode: None,
        }),
        Kind::DateTime => {
            description.format = Some("date");
            html("date", None, None)
        }
        Kind::Map => None,
    };
    description
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(dto: DtoName, name: &str) -> FieldDescription {
        describe(dto)
            .into_iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    }

    #[track_caller]
    fn check(dto: DtoName, name: &str, expected: &str) {
        let got = serde_json::to_string(&find(dto, name)).unwrap_or_default();
        assert_eq!(got, expected, "{name}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn metadata_comes_from_the_rules() {
        use crate::DtoName::*;
        check(
            RecordPaymentBindingModel,
            "accountCode",
            r#"{"name":"accountCode","label":"accountCode","type":"string","required":true,"maxLength":10,"html":{"type":"text","required":true,"maxlength":10}}"#,
        );
        check(
            RecordPaymentBindingModel,
            "contractId",
            r#"{"name":"contractId","label":"contractId","type":"int32","required":true,"min":1.0,"step":1.0,"html":{"type":"text","required":true,"inputmode":"numeric"}}"#,
        );
        check(
            RecordPaymentBindingModel,
            "paymentValue",
            r#"{"name":"paymentValue","label":"paymentValue","type":"money","required":true,"exclusiveMin":0.0,"step":0.01,"html":{"type":"text","required":true,"inputmode":"decimal"}}"#,
        );
        check(
            RecordPaymentBindingModel,
            "paymentSuccessful",
            r#"{"name":"paymentSuccessful","label":"paymentSuccessful","type":"bool","required":true,"html":{"type":"checkbox"}}"#,
        );
        check(
            RecordPaymentBindingModel,
            "message",
            r#"{"name":"message","label":"message","type":"string","required":false,"maxLength":250,"html":{"type":"text","maxlength":250}}"#,
        );
        check(
            RecordPaymentBindingModel,
            "LoyaltyPointsToUse",
            r#"{"name":"LoyaltyPointsToUse","label":"LoyaltyPointsToUse","type":"int32","required":false,"min":0.0,"step":1.0,"html":{"type":"text","inputmode":"numeric"}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "FirstName",
            r#"{"name":"FirstName","label":"First Name","type":"string","required":true,"html":{"type":"text","required":true}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "Email",
            r#"{"name":"Email","label":"Email","type":"string","required":false,"format":"email","html":{"type":"text","inputmode":"email"}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "UrlToDocument",
            r#"{"name":"UrlToDocument","label":"Url To Document","type":"string","required":false,"format":"url","html":{"type":"text","inputmode":"url"}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "CurrenciesId",
            r#"{"name":"CurrenciesId","label":"Currencies Id","type":"int32","required":true,"min":1.0,"exclusiveMin":0.0,"step":1.0,"html":{"type":"text","required":true,"inputmode":"numeric"}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "DebtDate",
            r#"{"name":"DebtDate","label":"Debt Date","type":"datetime","required":false,"format":"date","html":{"type":"date"}}"#,
        );
        check(
            OnceOffPaymentRequest,
            "DebtMeta",
            r#"{"name":"DebtMeta","label":"Debt Meta","type":"map","required":false,"html":null}"#,
        );
        check(
            CreatePaymentRequest,
            "gstAmount",
            r#"{"name":"gstAmount","label":"Gst Amount","type":"money","required":true,"min":0.0,"step":0.01,"html":{"type":"text","required":true,"inputmode":"decimal"}}"#,
        );
        check(
            FinancePaymentLogRequest,
            "amount",
            r#"{"name":"amount","label":"amount","type":"money","required":false,"step":0.01,"html":{"type":"text","inputmode":"decimal"}}"#,
        );
        for &dto in DtoName::ALL {
            let names: Vec<&str> = describe(dto).iter().map(|f| f.name).collect();
            let fields: Vec<&str> = dto.fields().iter().map(|f| f.name).collect();
            assert_eq!(names, fields, "every field, in field order");
        }
    }
}
