//! `DateTime`: the ISO-8601 subset a .NET `DateTime` field accepts here, checked against the calendar.

use core::fmt;

use crate::alloc_prelude::*;

use serde::{Serialize, Serializer};

/// A calendar date with an optional time of day and an optional UTC offset.
///
/// Grammar: `YYYY-MM-DD`, optionally `T` (or a space) `hh:mm`, optional `:ss` and, after
/// seconds only, a fraction of 1 to 7 digits, then optional `Z` or `±hh:mm` (only after a
/// time). Years 0001–9999; the date must exist (2023-02-29 does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hour, minute, second and 100-nanosecond ticks; `None` for a date alone.
    pub time: Option<(u8, u8, u8, u32)>,
    /// Offset from UTC in minutes; `Some(0)` for `Z`; `None` when no zone was given.
    pub offset_minutes: Option<i16>,
}

impl DateTime {
    /// Parses `text` (surrounding whitespace allowed). `None` if it is not a valid date.
    pub fn parse(text: &str) -> Option<DateTime> {
        let mut r = Reader {
            bytes: crate::text::trim(text).as_bytes(),
            at: 0,
        };
        let year = r.digits(4)?;
        r.expect(b'-')?;
        let month = r.digits(2)?;
        r.expect(b'-')?;
        let day = r.digits(2)?;
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut value = DateTime {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            time: None,
            offset_minutes: None,
        };
        if r.at_end() {
            return Some(value);
        }
        if !(r.eat(b'T') || r.eat(b' ')) {
            return None;
        }
        let hour = r.digits(2)?;
        r.expect(b':')?;
        let minute = r.digits(2)?;
        let (mut second, mut ticks) = (0, 0);
        if r.eat(b':') {
            second = r.digits(2)?;
            if r.eat(b'.') {
                let start = r.at;
                while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                    r.at += 1;
                }
                let count = r.at - start;
                if !(1..=7).contains(&count) {
                    return None;
                }
                let fraction = r.bytes.get(start..r.at)?;
                ticks = fraction
                    .iter()
                    .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
                    * 10u32.pow(7 - count as u32);
            }
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        value.time = Some((hour as u8, minute as u8, second as u8, ticks));
        if r.eat(b'Z') {
            value.offset_minutes = Some(0);
        } else if let Some(sign @ (b'+' | b'-')) = r.peek() {
            r.at += 1;
            let hours = r.digits(2)?;
            r.expect(b':')?;
            let minutes = r.digits(2)?;
            if minutes > 59 || hours > 14 || (hours == 14 && minutes > 0) {
                return None;
            }
            let total = (hours * 60 + minutes) as i16;
            value.offset_minutes = Some(if sign == b'-' { -total } else { total });
        }
        r.at_end().then_some(value)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        _ => 28,
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn at_end(&self) -> bool {
        self.at >= self.bytes.len()
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        self.at += usize::from(hit);
        hit
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let mut n = 0;
        for _ in 0..count {
            let digit = self.peek()?.wrapping_sub(b'0');
            if digit > 9 {
                return None;
            }
            n = n * 10 + u32::from(digit);
            self.at += 1;
        }
        Some(n)
    }
}

impl DateTime {
    /// Writes the ISO-8601 text .NET's round-trip format gives (`2026-11-21T09:30:00.0000000+02:00`)
    /// without `core::fmt` (the wasm module has none): what `Display` writes, and the bound value
    /// the JS API's `parse` returns.
    pub(crate) fn push_iso(&self, out: &mut String) {
        let (h, m, s, ticks) = self.time.unwrap_or((0, 0, 0, 0));
        push_digits(out, u32::from(self.year), 1000);
        out.push('-');
        push_digits(out, u32::from(self.month), 10);
        out.push('-');
        push_digits(out, u32::from(self.day), 10);
        out.push('T');
        push_digits(out, u32::from(h), 10);
        out.push(':');
        push_digits(out, u32::from(m), 10);
        out.push(':');
        push_digits(out, u32::from(s), 10);
        out.push('.');
        push_digits(out, ticks, 1_000_000);
        match self.offset_minutes {
            None => {}
            Some(0) => out.push('Z'),
            Some(offset) => {
                out.push(if offset < 0 { '-' } else { '+' });
                let offset = u32::from(offset.unsigned_abs());
                push_digits(out, offset / 60, 10);
                out.push(':');
                push_digits(out, offset % 60, 10);
            }
        }
    }
}

/// The digits of `n` from the place of `power` (a power of ten) down: `n` zero-padded to that
/// width. Every part of a `DateTime` fits its width (years 1-9999, ticks below 10^7).
fn push_digits(out: &mut String, n: u32, mut power: u32) {
    while power > 0 {
        out.push(char::from(b'0' + (n / power % 10) as u8));
        power /= 10;
    }
}

impl fmt::Display for DateTime {
    /// ISO-8601, as .NET's round-trip format writes it: `2026-11-21T09:30:00.0000000+02:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::with_capacity(33);
        self.push_iso(&mut text);
        f.write_str(&text)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: Option<&str>) {
        let got = DateTime::parse(text).map(|d| d.to_string());
        assert_eq!(got.as_deref(), expected, "{text:?}");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn accepts_the_iso_subset() {
        check("2024-02-29", Some("2024-02-29T00:00:00.0000000"));
        check(" 2026-11-21 ", Some("2026-11-21T00:00:00.0000000"));
        check("2026-11-21T09:30", Some("2026-11-21T09:30:00.0000000"));
        check("2026-11-21 09:30:15", Some("2026-11-21T09:30:15.0000000"));
        check(
            "2026-11-21T09:30:15.5Z",
            Some("2026-11-21T09:30:15.5000000Z"),
        );
        check(
            "2026-11-21T09:30:15.1234567+02:00",
            Some("2026-11-21T09:30:15.1234567+02:00"),
        );
        check(
            "2026-11-21T23:59-14:00",
            Some("2026-11-21T23:59:00.0000000-14:00"),
        );
        check(
            "0001-01-01T00:00:00.0000000",
            Some("0001-01-01T00:00:00.0000000"),
        );
        check("9999-12-31", Some("9999-12-31T00:00:00.0000000"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn rejects_everything_else() {
        for text in [
            "2023-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "0000-01-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-01Z",
            "2026-01-01T24:00",
            "2026-01-01T12:60",
            "2026-01-01T12:00:60",
            "2026-01-01T12:00.5",
            "2026-01-01T12:00:00.",
            "2026-01-01T12:00:00.12345678",
            "2026-01-01T12",
            "2026-01-01T12:00+15:00",
            "2026-01-01T12:00+02",
            "2026-01-01x",
            "",
            "2026/01/01",
            "２０２６-01-01",
        ] {
            check(text, None);
        }
    }
}
