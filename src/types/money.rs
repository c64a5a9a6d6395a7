//! `Money`: a payment amount together with the decimal digits the money rule measures.

use crate::alloc_prelude::*;

use serde::{Serialize, Serializer};

use crate::number;

/// The largest .NET `decimal`, 2^96 − 1; a money value beyond it (either sign) is a type error.
const DECIMAL_MAX: &str = "79228162514264337593543950335";

/// A money value: the nearest double (for comparisons) and its measured decimal text.
///
/// For a number the measure is its shortest round-trip text (`0.1 + 0.2` has 17 decimals);
/// for a numeric string, the digits as written. Trailing zeros after the point never count.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Money {
    value: f64,
    integer_digits: u32,
    scale: u32,
}

impl Money {
    /// The value as the nearest double.
    pub fn value(self) -> f64 {
        self.value
    }

    /// Digits before the decimal point, leading zeros not counted (`0.5` has 0, `1050.49` has 4).
    pub fn integer_digits(self) -> u32 {
        self.integer_digits
    }

    /// Digits after the decimal point, trailing zeros not counted (`"12.50"` has 1).
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// The value in plain decimal notation, as .NET writes it in a message.
    pub fn text(self) -> String {
        number::plain_number_text(self.value)
    }

    /// A JSON or JS number; `None` for NaN, ±Infinity and values outside the .NET decimal range.
    pub fn from_number(value: f64) -> Option<Money> {
        // 2^96 is the first double above the decimal range; every double below it is inside.
        if !value.is_finite() || value.abs() >= 79_228_162_514_264_337_593_543_950_336.0 {
            return None;
        }
        let value = if value == 0.0 { 0.0 } else { value };
        if let Some(money) = Money::cents(value) {
            return Some(money);
        }
        let (digits, point) = number::shortest_digits(value);
        let count = digits.len() as i64;
        let point = i64::from(point);
        let integer_digits = if value.abs() < 1.0 { 0 } else { point.max(0) };
        let scale = (count - point).max(0);
        Some(Money {
            value,
            integer_digits: clamp(integer_digits),
            scale: clamp(scale),
        })
    }

    /// The measure without formatting, for the common case: `value` is the nearest double to a
    /// number of at most 2 decimals below 10^13. Then its shortest round-trip text has that many
    /// decimals (a shorter text of the same magnitude cannot have more), and its integer digits
    /// are those of its integer part. Below 10^13, `magnitude * 10` and `* 100` are within half a
    /// unit of the exact products, so each check answers exactly (above it, they may not).
    fn cents(value: f64) -> Option<Money> {
        let magnitude = value.abs();
        if magnitude >= 1e13 || number::round(magnitude * 100.0) / 100.0 != magnitude {
            return None;
        }
        let scale = if number::fract(magnitude) == 0.0 {
            0
        } else if number::round(magnitude * 10.0) / 10.0 == magnitude {
            1
        } else {
            2
        };
        let whole = number::trunc(magnitude) as u64;
        let integer_digits = if whole == 0 { 0 } else { whole.ilog10() + 1 };
        Some(Money {
            value,
            integer_digits,
            scale,
        })
    }

    /// A plain decimal string (optional sign, digits, optional `.` and digits, at least one
    /// digit; surrounding whitespace allowed). `Ok(None)` for a blank string (no value),
    /// `Err(NotMoney)` for anything else that is not money.
    pub fn from_text(text: &str) -> Result<Option<Money>, NotMoney> {
        let text = crate::text::trim(text);
        if text.is_empty() {
            return Ok(None);
        }
        let unsigned = crate::text::unsigned(text);
        let (int, frac) = crate::text::split_once(unsigned, b'.').unwrap_or((unsigned, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
            return Err(NotMoney);
        }
        let int = crate::text::trim_start_byte(int, b'0');
        let frac = crate::text::trim_end_byte(frac, b'0');
        let beyond_max = int.len() > DECIMAL_MAX.len()
            || (int.len() == DECIMAL_MAX.len()
                && (int > DECIMAL_MAX || (int == DECIMAL_MAX && !frac.is_empty())));
        if beyond_max {
            return Err(NotMoney);
        }
        // The text is a plain decimal by construction: its nearest double.
        let value = number::parse_decimal(text);
        let value = if value == 0.0 { 0.0 } else { value };
        Ok(Some(Money {
            value,
            integer_digits: clamp(int.len() as i64),
            scale: clamp(frac.len() as i64),
        }))
    }
}

/// Text that is not a plain decimal within the .NET decimal range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotMoney;

fn clamp(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_number(value: f64, integer_digits: u32, scale: u32) {
        let money = Money::from_number(value).expect("in range");
        assert_eq!(
            (money.integer_digits(), money.scale()),
            (integer_digits, scale),
            "{value:?}"
        );
    }

    #[track_caller]
    fn check_text(text: &str, expected: Option<(u32, u32)>) {
        let got = Money::from_text(text)
            .ok()
            .flatten()
            .map(|m| (m.integer_digits(), m.scale()));
        assert_eq!(got, expected, "{text:?}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn numbers_measure_their_shortest_text() {
        check_number(1050.49, 4, 2);
        check_number(1050.495, 4, 3);
        check_number(0.1 + 0.2, 0, 17);
        check_number(1e21, 22, 0);
        check_number(0.5, 0, 1);
        check_number(0.0, 0, 0);
        check_number(-12.5, 2, 1);
        check_number(1e-7, 0, 7);
        assert_eq!(Money::from_number(f64::NAN), None);
        assert_eq!(Money::from_number(f64::INFINITY), None);
        assert_eq!(
            Money::from_number(7.9e28),
            Some(Money {
                value: 7.9e28,
                integer_digits: 29,
                scale: 0
            })
        );
        assert_eq!(Money::from_number(7.923e28), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_fast_measure_agrees_with_the_shortest_text() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut fast_hits = 0;
        for i in 0..200_000u64 {
            let seed = crate::xorshift(&mut state);
            let value = match i % 4 {
                0 => (seed % 10_000_000_000) as f64 / 100.0,
                1 => (seed % 1_000_000) as f64 / 1000.0,
                2 => f64::from_bits(seed) % 1e14,
                _ => (seed % 100_000) as f64 / 10.0 - 5000.0,
            };
            let Some(fast) = Money::cents(value) else {
                continue;
            };
            fast_hits += 1;
            let (digits, point) = number::shortest_digits(value);
            let count = digits.len() as i64;
            let integer_digits = if value.abs() < 1.0 {
                0
            } else {
                i64::from(point).max(0)
            };
            let scale = (count - i64::from(point)).max(0);
            assert_eq!(
                (i64::from(fast.integer_digits), i64::from(fast.scale)),
                (integer_digits, scale),
                "{value:?}"
            );
        }
        assert!(fast_hits > 50_000, "{fast_hits}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn strings_measure_their_digits_as_written() {
        check_text("12.50", Some((2, 1)));
        check_text(" 12.345 ", Some((2, 3)));
        check_text(".5", Some((0, 1)));
        check_text("5.", Some((1, 0)));
        check_text("+007", Some((1, 0)));
        check_text("-0.10", Some((0, 1)));
        check_text("12345678901234567", Some((17, 0)));
        check_text("79228162514264337593543950335", Some((29, 0)));
        check_text("79228162514264337593543950336", None);
        check_text("79228162514264337593543950335.5", None);
        check_text("1e3", None);
        check_text("1,000", None);
        check_text(".", None);
        check_text("-", None);
        check_text("abc", None);
        check_text("NaN", None);
        assert_eq!(Money::from_text("  "), Ok(None));
    }
}
