//! Numbers as JavaScript reads and writes them: decimal text to the nearest double, and doubles to their shortest round-trip digits, placed the way `Number.prototype.toString` places them.
//!
//! One rule, two implementations of its hard part, chosen by runtime: natively Rust's own
//! correctly rounded parser and zmij's shortest digits; in wasm the JS engine's `Number(text)`
//! and `String(n)`, which the ECMAScript spec defines as exactly those (and which keep
//! dec2flt's and zmij's tables out of the module). Common inputs take an exact fast path on both.
//! The vectors and the differential test hold the two to the same text on every input.

use crate::alloc_prelude::*;

/// The shortest round-trip decimal digits of a finite, non-zero `value`, and the position of
/// the decimal point: `value = 0.DIGITS × 10^point` (so 1050.49 is `("105049", 4)`).
/// Zero is `("0", 1)`. The sign is dropped.
pub(crate) fn shortest_digits(value: f64) -> (String, i32) {
    let value = value.abs();
    if value == 0.0 || !value.is_finite() {
        return ("0".to_owned(), 1);
    }
    if let Some((digits, point)) = few_digits(value) {
        return (digits, point);
    }
    // The shortest digits in some layout (`1050.49`, `1e21`, `1e+21`, `3.0000000000000004e-1`):
    // read the digits and the point's place out of any of them.
    let text = shortest_text(value);
    let mut digits = String::with_capacity(text.len());
    let mut point: i32 = 0;
    let mut seen_point = false;
    let mut bytes = text.bytes();
    for byte in bytes.by_ref() {
        match byte {
            b'0'..=b'9' => {
                // Leading zeros are no digits of the value; each before the point moves it.
                if digits.is_empty() && byte == b'0' {
                    point -= i32::from(seen_point);
                    continue;
                }
                digits.push(char::from(byte));
                point += i32::from(!seen_point);
            }
            b'.' => seen_point = true,
            _ => break, // `e` or `E`: the exponent follows
        }
    }
    let exponent = bytes.fold((0i32, 1i32), |(n, sign), b| match b {
        b'-' => (n, -1),
        b'0'..=b'9' => (
            n.saturating_mul(10).saturating_add(i32::from(b - b'0')),
            sign,
        ),
        _ => (n, sign),
    });
    point += exponent.0 * exponent.1;
    digits.truncate(crate::text::trim_end_byte(&digits, b'0').len());
    (digits, point)
}

/// The shortest digits of a positive `value` that has few (a money amount, most often), found
/// without formatting: the smallest `k` for which the integer `m` nearest to `value × 10^k` gives
/// `value` back as `m / 10^k` (an exact division of exact operands, so exactly the double that
/// decimal text reads as). Fewer decimals would not round-trip, and any other integer at `k` is
/// farther from `value`: these are the digits JavaScript prints. Only where `value × 10^k` is
/// below 2^40 and clear of a tie between two integers, so that its rounding cannot pick the wrong
/// one; `None` elsewhere.
fn few_digits(value: f64) -> Option<(String, i32)> {
    let mut power = 1.0;
    for k in 0..=15 {
        let scaled = value * power;
        if scaled >= 1_099_511_627_776.0 {
            return None;
        }
        let m = round(scaled);
        if (scaled - m).abs() <= 0.49 && m / power == value && m >= 1.0 {
            let mut digits = String::new();
            push_integer(&mut digits, m as i64);
            let point = digits.len() as i32 - k;
            digits.truncate(crate::text::trim_end_byte(&digits, b'0').len());
            return Some((digits, point));
        }
        power *= 10.0;
    }
    None
}

/// The shortest round-trip text of a finite, positive `value`.
#[cfg(not(target_arch = "wasm32"))]
fn shortest_text(value: f64) -> String {
    zmij::Buffer::new().format_finite(value).to_owned()
}

#[cfg(target_arch = "wasm32")]
fn shortest_text(value: f64) -> String {
    crate::wasm::js_string_of(value)
}

/// The nearest double to decimal `text` (JSON number syntax, or a plain decimal with an
/// optional sign and surrounding whitespace trimmed), as `JSON.parse` and `Number()` read it.
/// Callers have checked the syntax.
pub(crate) fn parse_decimal(text: &str) -> f64 {
    exact(text).unwrap_or_else(|| parse_slow(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_slow(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(target_arch = "wasm32")]
fn parse_slow(text: &str) -> f64 {
    crate::wasm::js_number_of(text)
}

/// The exactly rounded value of `text` when its digits fit a double exactly and a single
/// multiplication or division by an exact power of ten finishes it (Clinger's fast path): at
/// most 15 significant digits and a decimal exponent within ±22. `None` otherwise.
fn exact(text: &str) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let bytes = text.as_bytes();
    let (negative, mut at) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut significant = 0u32;
    let mut exponent: i32 = 0;
    let mut seen_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                if mantissa != 0 || byte != b'0' {
                    significant += 1;
                    if significant > 15 {
                        return None;
                    }
                }
                mantissa = mantissa * 10 + u64::from(byte - b'0');
                if seen_point {
                    exponent -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            b'e' | b'E' => {
                let written: i32 = text.get(at + 1..)?.parse().ok()?;
                exponent = exponent.checked_add(written)?;
                break;
            }
            _ => return None,
        }
        at += 1;
    }
    let value = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if exponent >= 0 {
        value * *POWERS.get(usize::try_from(exponent).ok()?)?
    } else {
        value / *POWERS.get(usize::try_from(-exponent).ok()?)?
    };
    Some(if negative { -value } else { value })
}

/// `value` as JavaScript's `String(value)` writes it: `1e+21`, `1e-7`, `0.30000000000000004`.
#[cfg(target_arch = "wasm32")]
pub fn js_number_text(value: f64) -> String {
    crate::wasm::js_string_of(value)
}

/// `value` as JavaScript's `String(value)` writes it: `1e+21`, `1e-7`, `0.30000000000000004`.
#[cfg(not(target_arch = "wasm32"))]
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
        out.push_str(digits.get(..1).unwrap_or_default());
        let rest = digits.get(1..).unwrap_or_default();
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let exponent = point - 1;
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        push_integer(&mut out, i64::from(exponent.abs()));
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

/// `x` without its fraction, toward zero. (`f64::trunc` and its kin are std's; these are the
/// same for every double, written with what core has.)
#[inline(always)]
pub(crate) fn trunc(x: f64) -> f64 {
    // From 2^52 on, every double is a whole number.
    if x.abs() < 4_503_599_627_370_496.0 {
        (x as i64) as f64
    } else {
        x
    }
}

/// `x - trunc(x)`.
pub(crate) fn fract(x: f64) -> f64 {
    x - trunc(x)
}

/// The nearest whole number, halves away from zero (`f64::round`).
#[inline(always)]
pub(crate) fn round(x: f64) -> f64 {
    let whole = trunc(x);
    if (x - whole).abs() >= 0.5 {
        whole + x.signum()
    } else {
        whole
    }
}

/// The largest whole number at most `x`.
pub(crate) fn floor(x: f64) -> f64 {
    let whole = trunc(x);
    if whole > x {
        whole - 1.0
    } else {
        whole
    }
}

/// The smallest whole number at least `x`.
pub(crate) fn ceil(x: f64) -> f64 {
    let whole = trunc(x);
    if whole < x {
        whole + 1.0
    } else {
        whole
    }
}

/// Writes `n` in decimal (what `core::fmt` would write, without its machinery).
pub(crate) fn push_integer(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut rest = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(digit) = digits.get_mut(at) {
            *digit = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in digits.get(at..).unwrap_or_default() {
        out.push(char::from(digit));
    }
}

/// Writes `0.DIGITS × 10^point` without an exponent: `105049`, 4 → `1050.49`; `5`, -1 → `0.05`.
fn push_positional(out: &mut String, digits: &str, point: i32) {
    let count = digits.len() as i32;
    if point <= 0 {
        out.push_str("0.");
        out.extend(core::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else if point >= count {
        out.push_str(digits);
        out.extend(core::iter::repeat_n('0', (point - count) as usize));
    } else {
        // Digits are ASCII: any index is a character boundary.
        let at = point as usize;
        out.push_str(digits.get(..at).unwrap_or_default());
        out.push('.');
        out.push_str(digits.get(at..).unwrap_or_default());
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

    /// The fast path gives the correctly rounded double, or declines: against Rust's parser
    /// on random decimals of every shape the readers pass it.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_fast_path_is_exact_or_declines() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut taken = 0;
        for i in 0..200_000u64 {
            let seed = crate::xorshift(&mut state);
            let digits = (seed % 10u64.pow(1 + (seed % 17) as u32)).to_string();
            let point = (seed >> 20) as usize % (digits.len() + 1);
            let (int, frac) = digits.split_at(point);
            let sign = ["", "-", "+"][(seed >> 30) as usize % 3];
            let text = match i % 3 {
                0 => format!("{sign}{int}.{frac}"),
                1 => format!("{sign}{digits}e{}", (seed >> 40) as i32 % 60 - 30),
                _ => format!(
                    "{sign}{}{}",
                    if int.is_empty() { "0" } else { int },
                    if frac.is_empty() {
                        String::new()
                    } else {
                        format!(".{frac}")
                    }
                ),
            };
            let expected: f64 = text.parse().unwrap_or_else(|_| panic!("{text}"));
            if let Some(fast) = exact(&text) {
                assert_eq!(fast.to_bits(), expected.to_bits(), "{text}");
                taken += 1;
            }
            assert_eq!(parse_decimal(&text).to_bits(), expected.to_bits(), "{text}");
        }
        assert!(taken > 100_000, "{taken}");
        for (text, value) in [
            ("1050.49", 1050.49f64),
            ("-0", -0.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e22", 1e22),
            ("1E3", 1000.0),
        ] {
            assert_eq!(
                exact(text).map(f64::to_bits),
                Some(value.to_bits()),
                "{text}"
            );
        }
        for text in ["1e23", "1234567890123456", "1e400", "0.1e-22"] {
            assert_eq!(exact(text), None, "{text}");
        }
        assert_eq!(parse_decimal("1e400"), f64::INFINITY);
        assert_eq!(
            parse_decimal("123456789012345678901234567890"),
            1.2345678901234568e29
        );
    }

    /// The core-only float helpers agree with std's methods everywhere that matters.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn whole_numbers_as_std_makes_them() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let specials = [
            0.5,
            -0.5,
            1.5,
            -2.5,
            0.49999999999999994,
            4503599627370495.5,
            1e300,
            -1e-300,
            2.0,
            -0.0,
        ];
        for i in 0..100_000u64 {
            let seed = crate::xorshift(&mut state);
            let x = match i % 3 {
                0 => f64::from_bits(seed),
                1 => (seed % 2_000_000) as f64 / 1000.0 - 1000.0,
                _ => specials[(seed % specials.len() as u64) as usize],
            };
            if !x.is_finite() {
                continue;
            }
            assert_eq!(trunc(x), x.trunc(), "trunc {x:e}");
            assert_eq!(fract(x), x.fract(), "fract {x:e}");
            assert_eq!(round(x), x.round(), "round {x:e}");
            assert_eq!(floor(x), x.floor(), "floor {x:e}");
            assert_eq!(ceil(x), x.ceil(), "ceil {x:e}");
        }
    }

    /// Where the few-digits path answers, it gives the digits zmij (natively) or the JS engine
    /// (in wasm) gives: on short decimals of every size and on random doubles.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn few_digits_are_the_shortest_digits() {
        let reference = |value: f64| {
            let text = shortest_text(value);
            let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((&text, "0"));
            let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            let digits: String = int.chars().chain(frac.chars()).collect();
            let leading = digits.len() - digits.trim_start_matches('0').len();
            let point = int.len() as i32 + exponent.parse::<i32>().unwrap_or(0) - leading as i32;
            let digits = digits
                .trim_start_matches('0')
                .trim_end_matches('0')
                .to_owned();
            (digits, point)
        };
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut answered = 0;
        let rounds = if cfg!(target_arch = "wasm32") {
            20_000
        } else {
            400_000
        };
        for i in 0..rounds {
            let seed = crate::xorshift(&mut state);
            let value = match i % 4 {
                0 => (seed % 100_000_000_000) as f64 / 10f64.powi((seed >> 40) as i32 % 8),
                1 => (seed % 1_000_000) as f64 / 1000.0,
                2 => f64::from_bits(seed).abs(),
                _ => (seed % 10_000) as f64 * 10f64.powi((seed >> 32) as i32 % 12 - 6),
            };
            if !value.is_finite() || value == 0.0 {
                continue;
            }
            if let Some(few) = few_digits(value) {
                assert_eq!(few, reference(value), "{value:e}");
                answered += 1;
            }
        }
        assert!(answered > rounds / 3, "{answered}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn integers_as_text() {
        for n in [0, 7, -7, 10, 2147483647, -2147483648, i64::MAX, i64::MIN] {
            let mut out = String::new();
            push_integer(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn shortest_digits_place_the_point() {
        assert_eq!(shortest_digits(1050.49), ("105049".to_owned(), 4));
        assert_eq!(shortest_digits(0.05), ("5".to_owned(), -1));
        assert_eq!(shortest_digits(0.0), ("0".to_owned(), 1));
    }
}
