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
    // zmij prints the shortest digits that round-trip, in some layout (`1050.49`, `1e21`,
    // `3.0000000000000004e-1`); read the digits and the point's place out of any of them.
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(value);
    let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = int.chars().chain(frac.chars()).collect();
    let mut point = int.len() as i32 + exponent;
    let leading = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading);
    point -= leading as i32;
    digits.truncate(digits.trim_end_matches('0').len());
    (digits, point)
}

/// The nearest double to decimal `text` (JSON number syntax, or a plain decimal with an
/// optional sign), as `JSON.parse` and `Number()` read it. Callers have checked the syntax.
pub(crate) fn parse_decimal(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
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

    /// zmij's digits are the ones Rust's own shortest formatting (`{:e}`) prints, on a wide
    /// random sample of doubles (every exponent range) and on hand-picked ones, except on
    /// exact ties, where JavaScript's rule (the even candidate) holds. The wasm tests compare
    /// with the JS engine's own `Number.prototype.toString` (tests/js_values.rs).
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn shortest_digits_agree_with_rusts_own_formatting() {
        let reference = |value: f64| {
            let text = format!("{:e}", value.abs());
            let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
            let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            (digits, exponent.parse::<i32>().unwrap_or(0) + 1)
        };
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut compared = 0;
        for i in 0..300_000u64 {
            let seed = crate::xorshift(&mut state);
            let value = match i % 3 {
                0 => f64::from_bits(seed),
                1 => (seed % 100_000_000) as f64 / 100.0,
                _ => (seed % 1_000_000_000_000) as f64 * 10f64.powi((seed % 40) as i32 - 20),
            };
            if !value.is_finite() || value == 0.0 {
                continue;
            }
            let (ours, theirs) = (shortest_digits(value), reference(value));
            if ours != theirs {
                // Rust rounds an exact tie between two shortest candidates up; JavaScript (and
                // zmij) take the even one. Only that case may differ.
                let (a, b) = (ours.0.as_bytes(), theirs.0.as_bytes());
                let tie = a.len() == b.len()
                    && ours.1 == theirs.1
                    && a[..a.len() - 1] == b[..b.len() - 1]
                    && (a[a.len() - 1] + 1 == b[b.len() - 1])
                    && a[a.len() - 1] % 2 == 0;
                assert!(tie, "{value:e}: {ours:?} vs {theirs:?}");
            }
            compared += 1;
        }
        for value in [
            1e21,
            1e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.1 + 0.2,
            1050.49,
            1050.495,
            123456789012345680.0,
            9007199254740993.0,
        ] {
            assert_eq!(shortest_digits(value), reference(value), "{value:e}");
        }
        // An exact tie: JavaScript prints 1658206780088562.2 (the even candidate).
        assert_eq!(
            js_number_text(1_658_206_780_088_562.0 + 0.25),
            "1658206780088562.2"
        );
        assert!(compared > 290_000);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn shortest_digits_place_the_point() {
        assert_eq!(shortest_digits(1050.49), ("105049".to_owned(), 4));
        assert_eq!(shortest_digits(0.05), ("5".to_owned(), -1));
        assert_eq!(shortest_digits(0.0), ("0".to_owned(), 1));
    }
}
