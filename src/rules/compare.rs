//! Comparisons: a number against a constant (`GreaterThan` 0), between two bounds, or against another field's value (`gstAmount <= amount`).

use crate::table::Op;

/// `value` between `min` and `max`, both included, or both excluded.
pub fn between(value: f64, min: f64, max: f64, exclusive: bool) -> bool {
    if exclusive {
        min < value && value < max
    } else {
        min <= value && value <= max
    }
}

/// A cross-field comparison `value op other`: holds when either side has no valid value.
pub fn fields_hold(op: Op, value: Option<f64>, other: Option<f64>) -> bool {
    match (value, other) {
        (Some(value), Some(other)) => op.holds(value, other),
        _ => true,
    }
}

/// For `validator`'s derive: `#[validate(custom(function = greater_than_zero, code = ..))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn greater_than_zero(value: &crate::Money) -> Result<(), validator::ValidationError> {
    super::verdict(Op::GreaterThan.holds(value.value(), 0.0), "GreaterThan")
}

/// For `validator`'s derive: `#[validate(custom(function = at_least_zero, code = ..))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn at_least_zero(value: &crate::Money) -> Result<(), validator::ValidationError> {
    super::verdict(
        Op::GreaterThanOrEqual.holds(value.value(), 0.0),
        "GreaterThanOrEqual",
    )
}

/// For `validator`'s derive, through the struct-level function `#[dto]` writes for a DTO's
/// cross-field rules: the error carries `code`, the Rust name of the field it belongs to in
/// `field` (struct-level errors otherwise land under `__all__`) and the other side's value.
#[cfg(not(target_arch = "wasm32"))]
pub fn cross_field(
    op: Op,
    code: &'static str,
    field: &'static str,
    value: Option<f64>,
    other: Option<f64>,
) -> Result<(), validator::ValidationError> {
    if fields_hold(op, value, other) {
        return Ok(());
    }
    let mut error = validator::ValidationError::new(code);
    error.add_param(alloc::borrow::Cow::Borrowed("field"), &field);
    error.add_param(alloc::borrow::Cow::Borrowed("ComparisonValue"), &other);
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn comparisons() {
        assert!(between(1.0, 1.0, 2.0, false) && !between(1.0, 1.0, 2.0, true));
        assert!(between(1.5, 1.0, 2.0, true) && !between(2.5, 1.0, 2.0, false));
        assert!(fields_hold(Op::LessThanOrEqual, Some(10.0), Some(10.0)));
        assert!(!fields_hold(Op::LessThanOrEqual, Some(10.5), Some(10.25)));
        assert!(fields_hold(Op::LessThanOrEqual, None, Some(1.0)));
        assert!(fields_hold(Op::LessThanOrEqual, Some(2.0), None));
        assert!(Op::GreaterThan.holds(0.01, 0.0) && !Op::GreaterThan.holds(0.0, 0.0));
        assert!(
            Op::GreaterThanOrEqual.holds(-0.0, 0.0) && !Op::GreaterThanOrEqual.holds(-0.01, 0.0)
        );
    }
}
