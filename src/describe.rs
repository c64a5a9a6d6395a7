//! `describe`: each field's rule metadata and the HTML constraint attributes it implies, found by asking the rules themselves.
//!
//! Nothing here restates a rule: whether a field is required, its maximum length, its bounds,
//! its step and its format are all found by validating probe values through the same code
//! `validate` runs, so the metadata cannot drift from the rules.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

use crate::bind::Slots;
use crate::dto::{DtoName, Kind};
use crate::input::Input;
use crate::messages::display_name;
use crate::report::FieldError;

/// One field of a DTO, as a form needs to know it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldDescription {
    /// The canonical wire name (the form control's `name`).
    pub name: &'static str,
    /// The display name the messages use (`First Name`, `accountCode`).
    pub label: String,
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
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maxlength: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputmode: Option<&'static str>,
}

/// The fields of `dto`, in field order (computed once per DTO).
pub fn describe(dto: DtoName) -> &'static [FieldDescription] {
    static CACHE: [OnceLock<Vec<FieldDescription>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let slot = DtoName::ALL
        .iter()
        .position(|d| *d == dto)
        .and_then(|i| CACHE.get(i));
    match slot {
        Some(cache) => {
            cache.get_or_init(|| (0..dto.fields().len()).map(|i| field(dto, i)).collect())
        }
        None => &[],
    }
}

/// The errors of field `index` when it alone holds `input`.
fn errors(dto: DtoName, index: usize, input: Input<'_>) -> Vec<FieldError> {
    let fields = dto.fields();
    let name = fields.get(index).map_or("", |f| f.name);
    let mut slots = Slots::new(fields);
    slots.set(index, input);
    crate::judge_named(dto, Ok(slots))
        .errors
        .into_iter()
        .filter(|e| e.field == name)
        .collect()
}

fn passes(dto: DtoName, index: usize, input: Input<'_>) -> bool {
    errors(dto, index, input).is_empty()
}

/// The passing value next to the boundary between `pass` (passes) and `fail` (fails), in
/// either direction: the smallest passing value when `fail < pass`, the largest when `pass < fail`.
fn boundary(mut pass: i64, mut fail: i64, passes: impl Fn(i64) -> bool) -> i64 {
    while (fail - pass).abs() > 1 {
        let mid = pass + (fail - pass) / 2;
        if passes(mid) {
            pass = mid;
        } else {
            fail = mid;
        }
    }
    pass
}

fn text(s: String) -> Input<'static> {
    Input::Text(Cow::Owned(s))
}

fn field(dto: DtoName, index: usize) -> FieldDescription {
    let spec = dto
        .fields()
        .get(index)
        .copied()
        .unwrap_or(crate::dto::Field {
            name: "",
            csharp: "",
            rust: "",
            kind: Kind::Map,
        });
    let required = !passes(dto, index, Input::Null);
    let mut description = FieldDescription {
        name: spec.name,
        label: display_name(dto.framework(), &spec),
        kind: "map",
        required,
        max_length: None,
        min: None,
        exclusive_min: None,
        max: None,
        step: None,
        format: None,
        html: None,
    };
    let html = |input_type, inputmode, maxlength| {
        Some(HtmlAttributes {
            input_type,
            required,
            maxlength,
            inputmode,
        })
    };
    match spec.kind {
        Kind::String => {
            description.kind = "string";
            let codes: Vec<String> = errors(dto, index, text("x".into()))
                .into_iter()
                .map(|e| e.code)
                .collect();
            let (format, base) = if codes.iter().any(|c| c == "Email") {
                (Some("email"), "a@b")
            } else if codes.iter().any(|c| c == "Url") {
                (Some("url"), "http://a/")
            } else {
                (None, "a")
            };
            description.format = format;
            const LONG: i64 = 1 << 20;
            let of_length = |n: i64| {
                text(format!(
                    "{base}{}",
                    "a".repeat((n as usize).saturating_sub(base.len()))
                ))
            };
            if passes(dto, index, of_length(base.len() as i64))
                && !passes(dto, index, of_length(LONG))
            {
                let max = boundary(base.len() as i64, LONG, |n| {
                    passes(dto, index, of_length(n))
                });
                description.max_length = u32::try_from(max).ok();
            }
            let inputmode = match format {
                Some("email") => Some("email"),
                Some("url") => Some("url"),
                _ => None,
            };
            description.html = html("text", inputmode, description.max_length);
        }
        Kind::Int32 => {
            description.kind = "int32";
            description.step = Some(1.0);
            let ok = |n: i64| passes(dto, index, Input::Number(n as f64));
            let (low, high) = (i64::from(i32::MIN), i64::from(i32::MAX));
            if !ok(low) && ok(high) {
                let min = boundary(high, low, ok);
                description.min = Some(min as f64);
                let below = errors(dto, index, Input::Number((min - 1) as f64));
                if below.iter().any(|e| e.code == "GreaterThan") {
                    description.exclusive_min = Some((min - 1) as f64);
                }
            }
            if ok(low) && !ok(high) {
                description.max = Some(boundary(low, high, ok) as f64);
            }
            description.html = html("text", Some("numeric"), None);
        }
        Kind::Money => {
            description.kind = "money";
            let ok = |s: String| passes(dto, index, text(s));
            let scale = (1..=28)
                .find(|k| !ok(format!("1.{}", "1".repeat(*k))))
                .map_or(28, |k| k - 1);
            let step = 10f64.powi(-(scale as i32));
            description.step = Some(step);
            let whole = |n: i64| ok(n.to_string());
            let (low, high) = (-(10i64.pow(15)), 10i64.pow(15));
            if !whole(low) && whole(high) {
                let lowest = boundary(high, low, whole);
                let just_above = format!("{}.{}1", lowest - 1, "0".repeat(scale.saturating_sub(1)));
                if lowest > 0 && ok(just_above) {
                    description.exclusive_min = Some((lowest - 1) as f64);
                } else {
                    description.min = Some(lowest as f64);
                }
            }
            description.html = html("text", Some("decimal"), None);
        }
        Kind::Bool => {
            description.kind = "bool";
            description.html = Some(HtmlAttributes {
                input_type: "checkbox",
                required: false,
                maxlength: None,
                inputmode: None,
            });
        }
        Kind::DateTime => {
            description.kind = "datetime";
            description.format = Some("date");
            description.html = html("date", None, None);
        }
        Kind::Map => {}
    }
    description
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(dto: DtoName, name: &str) -> FieldDescription {
        describe(dto)
            .iter()
            .find(|f| f.name == name)
            .cloned()
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
        use DtoName::*;
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
        for dto in DtoName::ALL {
            let names: Vec<&str> = describe(dto).iter().map(|f| f.name).collect();
            let fields: Vec<&str> = dto.fields().iter().map(|f| f.name).collect();
            assert_eq!(names, fields, "every field, in field order");
        }
    }
}
