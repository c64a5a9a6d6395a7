//! The hand-written baseline: a serde visitor that judges each value as it is read (case-insensitive keys, the later key winning), allocating nothing for a valid request, for the two benchmarked DTOs.
//!
//! It does the same work payrules does for these requests — every field bound and converted
//! by the same rules, every error found and worded, in field order — written the way a team
//! would write one request by hand. The leaf checks (money digits, dates, URLs) are payrules'
//! public types and rule functions, so what differs is only the way input reaches them.

use std::borrow::Cow;
use std::fmt;

use payrules::{FieldError, Money, ValidationResult};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// What a field holds.
#[derive(Clone, Copy, PartialEq)]
enum Type {
    Text,
    Int,
    Amount,
    Flag,
    Date,
    Map,
}

/// One field: its wire name, display name, type, and its rules (`check` returns the code and
/// message of each broken rule).
struct Spec {
    name: &'static str,
    label: &'static str,
    ty: Type,
    required: bool,
    check: fn(&Value<'_>, &str, &mut Vec<FieldError>),
}

/// A converted value.
enum Value<'de> {
    Text(Cow<'de, str>),
    Int(i32),
    Amount(Money),
    Other,
}

fn none(_: &Value<'_>, _: &str, _: &mut Vec<FieldError>) {}

fn error(out: &mut Vec<FieldError>, field: &str, code: &str, message: String) {
    out.push(FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message,
    });
}

macro_rules! spec {
    ($name:literal, $label:literal, $ty:ident) => {
        spec!($name, $label, $ty, false, none)
    };
    ($name:literal, $label:literal, $ty:ident, $required:literal, $check:expr) => {
        Spec {
            name: $name,
            label: $label,
            ty: Type::$ty,
            required: $required,
            check: $check,
        }
    };
}

fn money_ss(value: &Value<'_>, field: &str, label: &str, out: &mut Vec<FieldError>) {
    if let Value::Amount(money) = value {
        if money.integer_digits() > 16 || money.scale() > 2 {
            error(out, field, "ScalePrecision", format!("'{label}' must not be more than 18 digits in total, with allowance for 2 decimals. {} digits and {} decimals were found.", money.integer_digits(), money.scale()));
        }
        if money.value() <= 0.0 {
            error(
                out,
                field,
                "GreaterThan",
                format!("'{label}' must be greater than '0'."),
            );
        }
    }
}

fn positive_ss(value: &Value<'_>, field: &str, label: &str, out: &mut Vec<FieldError>) {
    if let Value::Int(n) = value {
        if *n <= 0 {
            error(
                out,
                field,
                "GreaterThan",
                format!("'{label}' must be greater than '0'."),
            );
        }
    }
}

const ONCE_OFF: &[Spec] = &[
    spec!("Segment", "Segment", Text, true, none),
    spec!("FirstName", "First Name", Text, true, none),
    spec!("LastName", "Last Name", Text, true, none),
    spec!("Address", "Address", Text),
    spec!("City", "City", Text),
    spec!("Region", "Region", Text),
    spec!("Suburb", "Suburb", Text),
    spec!("PostalCode", "Postal Code", Text),
    spec!("MobileNumber", "Mobile Number", Text),
    spec!("Email", "Email", Text, false, |v, f, out| {
        if let Value::Text(text) = v {
            if !payrules::rules::email::holds(text) {
                error(
                    out,
                    f,
                    "Email",
                    "'Email' is not a valid email address.".to_owned(),
                );
            }
        }
    }),
    spec!("IdNumber", "Id Number", Text),
    spec!("PassportNumber", "Passport Number", Text),
    spec!("InvoiceNumber", "Invoice Number", Text, true, none),
    spec!("DebtDate", "Debt Date", Date),
    spec!(
        "AmountOutstanding",
        "Amount Outstanding",
        Amount,
        true,
        |v, f, out| { money_ss(v, f, "Amount Outstanding", out) }
    ),
    spec!("CurrenciesId", "Currencies Id", Int, true, |v, f, out| {
        positive_ss(v, f, "Currencies Id", out)
    }),
    spec!("ChannelsId", "Channels Id", Int, true, |v, f, out| {
        positive_ss(v, f, "Channels Id", out)
    }),
    spec!("DebtMeta", "Debt Meta", Map),
    spec!("CustomersMeta", "Customers Meta", Map),
    spec!(
        "UrlToDocument",
        "Url To Document",
        Text,
        false,
        |v, f, out| {
            if let Value::Text(text) = v {
                if !payrules::rules::url::holds(text) {
                    error(
                        out,
                        f,
                        "Url",
                        "'Url To Document' must be an absolute http or https URL.".to_owned(),
                    );
                }
            }
        }
    ),
    spec!(
        "CustomerUniqueIdentifier",
        "Customer Unique Identifier",
        Text
    ),
];

fn max_length(value: &Value<'_>, field: &str, max: usize, out: &mut Vec<FieldError>) {
    if let Value::Text(text) = value {
        if text.encode_utf16().count() > max {
            error(out, field, "MaxLength", format!("The field {field} must be a string or array type with a maximum length of '{max}'."));
        }
    }
}

const RECORD: &[Spec] = &[
    spec!("accountCode", "accountCode", Text, true, |v, f, out| {
        if let Value::Text(text) = v {
            if text.trim().is_empty() {
                error(
                    out,
                    f,
                    "Required",
                    "The accountCode field is required.".to_owned(),
                );
            }
        }
        max_length(v, f, 10, out);
    }),
    spec!("contractId", "contractId", Int, true, |v, f, out| {
        if let Value::Int(n) = v {
            if *n < 1 {
                error(
                    out,
                    f,
                    "Range",
                    "The field contractId must be between 1 and 2147483647.".to_owned(),
                );
            }
        }
    }),
    spec!("paymentRef", "paymentRef", Text, false, |v, f, out| {
        max_length(v, f, 50, out)
    }),
    spec!("paymentValue", "paymentValue", Amount, true, |v, f, out| {
        if let Value::Amount(money) = v {
            if money.integer_digits() > 16 || money.scale() > 2 {
                error(out, f, "Precision", "The field paymentValue must be a number with at most 16 integer digits and 2 decimals.".to_owned());
            }
            if money.value() <= 0.0 {
                error(
                    out,
                    f,
                    "Range",
                    "The field paymentValue must be greater than 0.".to_owned(),
                );
            }
        }
    }),
    spec!("paymentSuccessful", "paymentSuccessful", Flag, true, none),
    spec!("message", "message", Text, false, |v, f, out| max_length(
        v, f, 250, out
    )),
    spec!("paymentType", "paymentType", Text),
    spec!("upfrontPayment", "upfrontPayment", Flag),
    spec!(
        "LoyaltyPointsToUse",
        "LoyaltyPointsToUse",
        Int,
        false,
        |v, f, out| {
            if let Value::Int(n) = v {
                if *n < 0 {
                    error(
                        out,
                        f,
                        "Range",
                        "The field LoyaltyPointsToUse must be between 0 and 2147483647.".to_owned(),
                    );
                }
            }
        }
    ),
];

/// The baseline's verdict on JSON `bytes` for `dto` (OnceOffPaymentRequest or
/// RecordPaymentBindingModel).
pub fn validate(dto: payrules::DtoName, bytes: &[u8]) -> ValidationResult {
    let (specs, service_stack) = match dto {
        payrules::DtoName::RecordPaymentBindingModel => (RECORD, false),
        _ => (ONCE_OFF, true),
    };
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let judged = deserializer
        .deserialize_any(RequestVisitor {
            specs,
            service_stack,
        })
        .and_then(|found| deserializer.end().map(|()| found));
    let errors = match judged {
        Ok(Found::Object(errors)) => errors,
        failed => {
            let message = if matches!(failed, Ok(Found::NotAnObject)) {
                "The request body must be a JSON object."
            } else {
                "The request body is not valid JSON."
            };
            let code = if service_stack {
                "SerializationException"
            } else {
                "InvalidRequest"
            };
            vec![FieldError {
                field: String::new(),
                code: code.to_owned(),
                message: message.to_owned(),
            }]
        }
    };
    ValidationResult {
        valid: errors.is_empty(),
        errors,
    }
}

enum Found {
    Object(Vec<FieldError>),
    NotAnObject,
}

struct RequestVisitor {
    specs: &'static [Spec],
    /// ServiceStack's words (OnceOff), else Web API's (Record).
    service_stack: bool,
}

/// Each field's state while the object is read: `None` no value yet; the errors of the latest
/// value (an empty `Vec` allocates nothing), and whether it had a value.
#[derive(Default)]
struct Slot {
    present: bool,
    errors: Vec<FieldError>,
}

impl<'de> Visitor<'de> for RequestVisitor {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        // Up to 32 fields: one slot each, on the stack.
        let mut slots: [Slot; 32] = std::array::from_fn(|_| Slot::default());
        while let Some(Key(key)) = map.next_key()? {
            let found = self
                .specs
                .iter()
                .position(|s| s.name.len() == key.len() && s.name.eq_ignore_ascii_case(&key));
            let (Some(index), Some(slot)) = (found, found.and_then(|i| slots.get_mut(i))) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let spec = &self.specs[index];
            let outcome = map.next_value_seed(Convert(spec.ty))?;
            slot.errors.clear();
            slot.present = true;
            match outcome {
                Converted::None => slot.present = false,
                Converted::Value(value) => (spec.check)(&value, spec.name, &mut slot.errors),
                Converted::Wrong(date) => {
                    let (code, message) = if date {
                        ("Date", format!("'{}' is not a valid date.", spec.label))
                    } else {
                        ("TypeMismatch", mismatch(spec, self.service_stack))
                    };
                    error(&mut slot.errors, spec.name, code, message);
                }
            }
        }
        let service_stack = self.service_stack;
        let mut errors = Vec::new();
        for (spec, slot) in self.specs.iter().zip(slots.iter_mut()) {
            if !slot.present && spec.required {
                let message = if service_stack {
                    format!("'{}' must not be empty.", spec.label)
                } else {
                    format!("The {} field is required.", spec.label)
                };
                let code = if service_stack { "NotNull" } else { "Required" };
                error(&mut errors, spec.name, code, message);
            }
            errors.append(&mut slot.errors);
        }
        Ok(Found::Object(errors))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_str<E>(self, _: &str) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_unit<E>(self) -> Result<Found, E> {
        Ok(Found::NotAnObject)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Found::NotAnObject)
    }
}

fn mismatch(spec: &Spec, service_stack: bool) -> String {
    let expected = match spec.ty {
        Type::Text => "a string",
        Type::Int => "a whole number between -2147483648 and 2147483647",
        Type::Amount => "a decimal number",
        Type::Flag => "true or false",
        Type::Date => "a date in the form YYYY-MM-DD",
        Type::Map => "an object whose values are strings",
    };
    if service_stack {
        format!("'{}' must be {expected}.", spec.label)
    } else {
        format!("The field {} must be {expected}.", spec.label)
    }
}

/// A key, borrowed from the input unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(TextVisitor).map(Key)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// A field's value after conversion: none, a value, or its type error (`true`: a bad date).
enum Converted<'de> {
    None,
    Value(Value<'de>),
    Wrong(bool),
}

/// Reads one value as a field of type `.0` converts it.
struct Convert(Type);

impl<'de> DeserializeSeed<'de> for Convert {
    type Value = Converted<'de>;
    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Converted<'de>, D::Error> {
        deserializer.deserialize_any(ConvertVisitor(self.0))
    }
}

struct ConvertVisitor(Type);

impl ConvertVisitor {
    fn number<'de>(&self, n: f64) -> Converted<'de> {
        match self.0 {
            Type::Text => Converted::Value(Value::Text(Cow::Owned(payrules::js_number_text(n)))),
            Type::Int if n.fract() == 0.0 && (-2147483648.0..=2147483647.0).contains(&n) => {
                Converted::Value(Value::Int(n as i32))
            }
            Type::Amount => Money::from_number(n).map_or(Converted::Wrong(false), |m| {
                Converted::Value(Value::Amount(m))
            }),
            _ => Converted::Wrong(false),
        }
    }

    fn text<'de>(&self, text: Cow<'de, str>) -> Converted<'de> {
        match self.0 {
            Type::Text => Converted::Value(Value::Text(text)),
            Type::Map => Converted::Wrong(false),
            _ if text.trim().is_empty() => Converted::None,
            Type::Int => {
                let t = text.trim();
                let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Converted::Wrong(false);
                }
                let magnitude = digits.trim_start_matches('0');
                match magnitude.parse::<i64>() {
                    Ok(n) if magnitude.len() <= 10 => {
                        let n = if t.starts_with('-') { -n } else { n };
                        i32::try_from(n)
                            .map_or(Converted::Wrong(false), |n| Converted::Value(Value::Int(n)))
                    }
                    Err(_) if magnitude.is_empty() => Converted::Value(Value::Int(0)),
                    _ => Converted::Wrong(false),
                }
            }
            Type::Amount => match Money::from_text(&text) {
                Ok(Some(money)) => Converted::Value(Value::Amount(money)),
                _ => Converted::Wrong(false),
            },
            Type::Flag => match text.trim() {
                t if t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("false") => {
                    Converted::Value(Value::Other)
                }
                _ => Converted::Wrong(false),
            },
            Type::Date => payrules::DateTime::parse(&text)
                .map_or(Converted::Wrong(true), |_| Converted::Value(Value::Other)),
        }
    }
}

impl<'de> Visitor<'de> for ConvertVisitor {
    type Value = Converted<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_unit<E>(self) -> Result<Converted<'de>, E> {
        Ok(Converted::None)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Converted<'de>, E> {
        Ok(match self.0 {
            Type::Flag => Converted::Value(Value::Other),
            Type::Text => {
                Converted::Value(Value::Text(Cow::Borrowed(if v { "true" } else { "false" })))
            }
            _ => Converted::Wrong(false),
        })
    }
    fn visit_i64<E>(self, v: i64) -> Result<Converted<'de>, E> {
        Ok(self.number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Converted<'de>, E> {
        Ok(self.number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Converted<'de>, E> {
        Ok(self.number(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Converted<'de>, E> {
        Ok(self.text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Converted<'de>, E> {
        Ok(self.text(Cow::Owned(v.to_owned())))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Converted<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Converted::Wrong(false))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Converted<'de>, A::Error> {
        // A map field: values null or scalars; anything else is its type error.
        let mut scalars = true;
        while map.next_key::<IgnoredAny>()?.is_some() {
            scalars &= map.next_value::<MapValue>()?.0;
        }
        Ok(if self.0 == Type::Map && scalars {
            Converted::Value(Value::Other)
        } else {
            Converted::Wrong(false)
        })
    }
}

/// Whether a map's value is null or a scalar.
struct MapValue(bool);

impl<'de> de::Deserialize<'de> for MapValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MapValue, D::Error> {
        struct Scalar;
        impl<'de> Visitor<'de> for Scalar {
            type Value = MapValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_unit<E>(self) -> Result<MapValue, E> {
                Ok(MapValue(true))
            }
            fn visit_bool<E>(self, _: bool) -> Result<MapValue, E> {
                Ok(MapValue(true))
            }
            fn visit_i64<E>(self, _: i64) -> Result<MapValue, E> {
                Ok(MapValue(true))
            }
            fn visit_u64<E>(self, _: u64) -> Result<MapValue, E> {
                Ok(MapValue(true))
            }
            fn visit_f64<E>(self, v: f64) -> Result<MapValue, E> {
                Ok(MapValue(v.is_finite()))
            }
            fn visit_str<E>(self, _: &str) -> Result<MapValue, E> {
                Ok(MapValue(true))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<MapValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MapValue(false))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MapValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MapValue(false))
            }
        }
        deserializer.deserialize_any(Scalar)
    }
}
