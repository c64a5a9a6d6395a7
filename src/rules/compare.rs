//! Cross-field comparisons: a value at most another field's value.

use super::RuleError;

use crate::types::Money;

/// `LessThanOrEqual`: `value` (of the Rust field `field`) is at most `limit`. The error names
/// its field (struct-level errors otherwise land under `__all__`) and the limit's text.
pub fn at_most<E: RuleError>(field: &'static str, value: Money, limit: Money) -> Result<(), E> {
    if value.value() <= limit.value() {
        return Ok(());
    }
    Err(E::new("LessThanOrEqual")
        .with("field", field)
        .with("ComparisonValue", limit.text()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Param, Violation};

    fn text(s: &'static str) -> Option<Param> {
        Some(Param::from(s))
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn at_most_names_the_limit() {
        let money = |v| Money::from_number(v).expect("money");
        assert_eq!(
            at_most::<Violation>("gst_amount", money(10.0), money(10.0)),
            Ok(())
        );
        let error: Violation = at_most("gst_amount", money(10.5), money(10.25)).expect_err("fails");
        assert_eq!(error.code, "LessThanOrEqual");
        assert_eq!(error.param("ComparisonValue").cloned(), text("10.25"));
        let error: Violation = at_most("gst_amount", money(1e22), money(1e21)).expect_err("fails");
        assert_eq!(
            error.param("ComparisonValue").cloned(),
            text("1000000000000000000000")
        );
        assert_eq!(error.param("field").cloned(), text("gst_amount"));
    }
}
