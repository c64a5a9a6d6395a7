//! Number text as JavaScript writes it: the shortest digits that round-trip, placed the way `Number.prototype.toString` places them.
//!
//! Both runtimes format numbers with this module (never with JS `String(n)`), so a number's
//! text — what a string field holds, what the money rule measures — is the same everywhere.

use std::fmt::Write as _;

/// The shortest round-trip decimal digits of a finite, non-zero `value`, and the position of
/// the decimal point: `value = 0.DIGITS × 10^point` (so 1050.49 is `("105049", 4)`).
/// Zero is `("0", 1)`. The sign is dropped.
pub(crate) fn shortest_digits(value: f64) -> (String, i32) {
    let value = value.abs();
    if value == 0.0 || !value.is_finite() {
        return ("0".to_owned(), 1);
    }
    // Rust's `{:e}` prints the shortest digits that round-trip, e.g. `1.05049e3`.
    let mut text = String::with_capacity(24);
    let _ = write!(text, "{value:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exponent + 1)
}

/// `value` as JavaScript's `String(value)` writes it: `1e+21`, `1e-7`, `0.30000000000000004`.
pub fn js_number_text(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let (digits, point) = shortest_digits(value);
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 {
        out.push('-');
    }
    if -6 < point && point <= 21 {
        push_positional(&mut out, &digits, point);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let exponent = point - 1;
        let _ = write!(
            out,
            "e{}{}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        );
    }
    out
}

/// `value` in plain positional notation with the shortest round-trip digits (`1e21` is
/// `1000000000000000000000`), as .NET writes a decimal. Used for comparison values in messages.
pub(crate) fn plain_number_text(value: f64) -> String {
    if !value.is_finite() {
        return js_number_text(value);
    }
    let (digits, point) = shortest_digits(value);
    let mut out = String::with_capacity(digits.len() + 8);
    if value < 0.0 {
        out.push('-');
    }
    push_positional(&mut out, &digits, point);
    out
}

/// Writes `0.DIGITS × 10^point` without an exponent: `105049`, 4 → `1050.49`; `5`, -1 → `0.05`.
fn push_positional(out: &mut String, digits: &str, point: i32) {
    let count = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point >= count {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - count) as usize));
    } else {
        let (int, frac) = digits.split_at(point as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(value: f64, js: &str, plain: &str) {
        assert_eq!(js_number_text(value), js, "js text of {value:?}");
        assert_eq!(plain_number_text(value), plain, "plain text of {value:?}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn formats_like_javascript() {
        check(0.0, "0", "0");
        check(-0.0, "0", "0");
        check(1.0, "1", "1");
        check(-17.5, "-17.5", "-17.5");
        check(1050.49, "1050.49", "1050.49");
        check(0.1 + 0.2, "0.30000000000000004", "0.30000000000000004");
        check(1e21, "1e+21", "1000000000000000000000");
        check(1e20, "100000000000000000000", "100000000000000000000");
        check(1.5e21, "1.5e+21", "1500000000000000000000");
        check(1e-6, "0.000001", "0.000001");
        check(1e-7, "1e-7", "0.0000001");
        check(1.25e-7, "1.25e-7", "0.000000125");
        check(
            123456789012345680.0,
            "123456789012345680",
            "123456789012345680",
        );
        check(
            f64::MAX,
            "1.7976931348623157e+308",
            &format!("17976931348623157{}", "0".repeat(292)),
        );
        check(5e-324, "5e-324", &format!("0.{}5", "0".repeat(323)));
        assert_eq!(js_number_text(f64::NAN), "NaN");
        assert_eq!(js_number_text(f64::NEG_INFINITY), "-Infinity");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn shortest_digits_place_the_point() {
        assert_eq!(shortest_digits(1050.49), ("105049".to_owned(), 4));
        assert_eq!(shortest_digits(0.05), ("5".to_owned(), -1));
        assert_eq!(shortest_digits(0.0), ("0".to_owned(), 1));
    }
}
