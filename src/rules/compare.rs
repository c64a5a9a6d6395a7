//! Cross-field comparisons: a value at most another field's value.

use validator::ValidationError;

use crate::types::Money;

/// `LessThanOrEqual`: `value` (of the Rust field `field`) is at most `limit`. The error names
/// its field (struct-level errors otherwise land under `__all__`) and the limit's text.
pub fn at_most(field: &'static str, value: Money, limit: Money) -> Result<(), ValidationError> {
    if value.value() <= limit.value() {
        return Ok(());
    }
    let mut error = ValidationError::new("LessThanOrEqual");
    super::param(&mut error, "field", field);
    super::param(&mut error, "ComparisonValue", limit.text());
    Err(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn at_most_names_the_limit() {
        let money = |v| Money::from_number(v).expect("money");
        assert_eq!(at_most("gst_amount", money(10.0), money(10.0)), Ok(()));
        let error = at_most("gst_amount", money(10.5), money(10.25)).expect_err("fails");
        assert_eq!(error.code, "LessThanOrEqual");
        assert_eq!(error.params["ComparisonValue"], "10.25");
        let error = at_most("gst_amount", money(1e22), money(1e21)).expect_err("fails");
        assert_eq!(error.params["ComparisonValue"], "1000000000000000000000");
        assert_eq!(error.params["field"], "gst_amount");
    }
}
