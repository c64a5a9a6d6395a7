//! The rules: one module per rule, each the same shape — the predicate the engine runs, the function `validator`'s derive calls, and a case table.
//!
//! The engine reaches every rule through [`holds`], by the table's [`Rule`]; `validator`'s
//! derive reaches the same predicates through each module's `validator` function (native
//! only), named in a DTO's `#[validate(custom(function = ..))]`.

use crate::bind::Value;
use crate::engine::Converted;
use crate::table::Rule;

pub mod compare;
pub mod decimal;
pub mod email;
pub mod max_length;
pub mod not_blank;
pub mod url;

/// The functions `validator`'s derive calls, as DTOs name them: `custom(function = rules::email)`.
#[cfg(not(target_arch = "wasm32"))]
pub mod for_validator {
    pub use super::compare::{at_least_zero, greater_than_zero};
    pub use super::decimal::decimal;
    pub use super::email::email;
    pub use super::max_length::max_length;
    pub use super::not_blank::not_blank;
    pub use super::url::http_url;
}

/// Whether `rule` holds for a field's `value`; `values` are every field's, for cross-field rules.
/// A rule of another kind's values (kept out by the `#[dto]` macro) holds.
pub(crate) fn holds(rule: Rule, value: &Value<'_>, values: &[Converted<'_>]) -> bool {
    match (rule, value) {
        (Rule::Required, _) => true,
        (Rule::NotBlank, Value::Text(text)) => not_blank::holds(text),
        (Rule::MaxLength(max), Value::Text(text)) => max_length::holds(text, max),
        (Rule::Email, Value::Text(text)) => email::holds(text),
        (Rule::Url, Value::Text(text)) => url::holds(text),
        (Rule::Decimal { precision, scale }, Value::Money(money)) => {
            decimal::holds(*money, precision, scale)
        }
        (Rule::Compare(op, bound), value) => value.number().is_none_or(|n| op.holds(n, bound)),
        (Rule::CompareField(op, other), value) => {
            let other = match values.get(usize::from(other)) {
                Some(Ok(Some(other))) => other.number(),
                _ => None,
            };
            compare::fields_hold(op, value.number(), other)
        }
        (
            Rule::Between {
                min,
                max,
                exclusive,
            },
            value,
        ) => value
            .number()
            .is_none_or(|n| compare::between(n, min, max, exclusive)),
        _ => true,
    }
}

/// `validator`'s error with `code` when `ok` is false.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn verdict(ok: bool, code: &'static str) -> Result<(), validator::ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new(code))
    }
}

#[cfg(test)]
mod test_util {
    #[track_caller]
    pub(crate) fn check_ok<T: ?Sized + core::fmt::Debug>(rule: impl Fn(&T) -> bool, cases: &[&T]) {
        for value in cases {
            assert!(rule(value), "expected {value:?} to pass");
        }
    }

    #[track_caller]
    pub(crate) fn check_fail<T: ?Sized + core::fmt::Debug>(
        rule: impl Fn(&T) -> bool,
        cases: &[&T],
    ) {
        for value in cases {
            assert!(!rule(value), "expected {value:?} to fail");
        }
    }
}
