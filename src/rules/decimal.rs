//! `Decimal`: the `decimal(precision, scale)` column a payment lands in (FluentValidation's `ScalePrecision`).

use crate::types::Money;

/// At most `precision - scale` integer digits and `scale` decimals (trailing zeros after the
/// point never count).
#[inline(always)]
pub fn holds(value: Money, precision: u8, scale: u8) -> bool {
    let integer_digits = u32::from(precision.saturating_sub(scale));
    value.integer_digits() <= integer_digits && value.scale() <= u32::from(scale)
}

/// For `validator`'s derive: `#[validate(custom(function = decimal::<18, 2>))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn decimal<const PRECISION: u8, const SCALE: u8>(
    value: &Money,
) -> Result<(), validator::ValidationError> {
    super::verdict(holds(*value, PRECISION, SCALE), "ScalePrecision")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    fn number(v: f64) -> Money {
        Money::from_number(v).unwrap_or_else(|| panic!("{v} is money"))
    }

    fn text(s: &str) -> Money {
        Money::from_text(s)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("{s} is money"))
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn decimal_18_2_limits_digits() {
        let rule = |m: &Money| holds(*m, 18, 2);
        let ok = [
            number(1050.49),
            text("12.50"),
            text("9999999999999999.99"),
            number(0.0),
            text("-0.01"),
            number(1e15),
        ];
        check_ok(rule, &ok.iter().collect::<Vec<_>>());
        let fail = [
            number(1050.495),
            number(0.1 + 0.2),
            text("12345678901234567"),
            text("1.001"),
            number(1e21),
        ];
        check_fail(rule, &fail.iter().collect::<Vec<_>>());
        check_ok(|m: &Money| holds(*m, 5, 0), &[&text("12345")]);
        check_fail(
            |m: &Money| holds(*m, 5, 0),
            &[&text("123456"), &text("1.5")],
        );
    }
}
