//! Money rules: the `decimal(18,2)` a payment lands in, and the sign rules on amounts.

use super::RuleError;

use crate::types::Money;

/// Integer digits a money value may have: precision 18 minus scale 2.
pub const MAX_INTEGER_DIGITS: u32 = 16;
/// Decimals a money value may have.
pub const MAX_SCALE: u32 = 2;

/// `ScalePrecision`: at most 16 integer digits and 2 decimals (precision 18, scale 2).
pub fn decimal_18_2<E: RuleError>(value: &Money) -> Result<(), E> {
    if value.integer_digits() <= MAX_INTEGER_DIGITS && value.scale() <= MAX_SCALE {
        return Ok(());
    }
    Err(E::new("ScalePrecision")
        .with("Digits", value.integer_digits())
        .with("ActualScale", value.scale()))
}

/// `GreaterThan` 0.
pub fn greater_than_zero<E: RuleError>(value: &Money) -> Result<(), E> {
    if value.value() > 0.0 {
        Ok(())
    } else {
        Err(E::new("GreaterThan").with("ComparisonValue", 0u32))
    }
}

/// `GreaterThanOrEqual` 0.
pub fn at_least_zero<E: RuleError>(value: &Money) -> Result<(), E> {
    if value.value() >= 0.0 {
        Ok(())
    } else {
        Err(E::new("GreaterThanOrEqual").with("ComparisonValue", 0u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};
    use crate::rules::{Param, Violation};

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
        let ok = [
            number(1050.49),
            text("12.50"),
            text("9999999999999999.99"),
            number(0.0),
            text("-0.01"),
            number(1e15),
        ];
        check_ok(decimal_18_2, &ok.iter().collect::<Vec<_>>());
        let fail = [
            number(1050.495),
            number(0.1 + 0.2),
            text("12345678901234567"),
            text("1.001"),
            number(1e21),
        ];
        check_fail(
            decimal_18_2,
            "ScalePrecision",
            &fail.iter().collect::<Vec<_>>(),
        );
        let error: Violation = decimal_18_2(&text("12345678901234567.125")).expect_err("fails");
        assert_eq!(
            error.params,
            vec![("Digits", Param::Int(17)), ("ActualScale", Param::Int(3))]
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn signs() {
        check_ok(greater_than_zero, &[&number(0.01), &text("1")]);
        check_fail(
            greater_than_zero,
            "GreaterThan",
            &[&number(0.0), &text("-0"), &number(-5.0)],
        );
        check_ok(at_least_zero, &[&number(0.0), &text("-0.00"), &number(3.0)]);
        check_fail(at_least_zero, "GreaterThanOrEqual", &[&number(-0.01)]);
    }
}
