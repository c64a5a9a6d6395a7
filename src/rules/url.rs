//! `Url`: an absolute `http`/`https` URL that is safe to render as a link to payers.

/// Scheme `http` or `https` (any letter case), `://`, a non-empty host (a name, or an IPv6
/// literal in brackets), an optional `:port` of 1–5 digits up to 65535, then anything but
/// whitespace or control characters. `javascript:` and other schemes never pass.
pub fn holds(value: &str) -> bool {
    // The scheme by prefix: `http` or `https` can hold no `://`, so the first `://` follows it.
    let rest = match value.as_bytes() {
        [h, t, u, p, b':', b'/', b'/', rest @ ..] if is_http(*h, *t, *u, *p) => rest,
        [h, t, u, p, s, b':', b'/', b'/', rest @ ..]
            if is_http(*h, *t, *u, *p) && s | 0x20 == b's' =>
        {
            rest
        }
        _ => return false,
    };
    // Visible ASCII passes at a glance; anything else (a space, a control, a non-ASCII
    // character) is looked up in the Unicode tables.
    if !visible_ascii(rest) && value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority_end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..authority_end).unwrap_or_default();
    let (host, port) = match authority.split_first() {
        Some((b'[', bracketed)) => {
            let Some(close) = bracketed.iter().position(|&b| b == b']') else {
                return false;
            };
            let inner = bracketed.get(..close).unwrap_or_default();
            let after = bracketed.get(close + 1..).unwrap_or_default();
            let literal = |b: &u8| b.is_ascii_hexdigit() || *b == b':' || *b == b'.';
            if inner.is_empty() || !inner.iter().all(literal) {
                return false;
            }
            match after.split_first() {
                None => (inner, None),
                Some((b':', port)) => (inner, Some(port)),
                Some(_) => return false,
            }
        }
        _ => match authority.iter().position(|&b| b == b':') {
            Some(colon) => (
                authority.get(..colon).unwrap_or_default(),
                Some(authority.get(colon + 1..).unwrap_or_default()),
            ),
            None => (authority, None),
        },
    };
    // 1 to 5 digits, at most 65535.
    let port_ok = port.is_none_or(|p| {
        (1..=5).contains(&p.len())
            && p.iter().all(u8::is_ascii_digit)
            && p.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) <= 65535
    });
    !host.is_empty() && port_ok
}

/// Whether every byte is visible ASCII (`!` to `~`, `u8::is_ascii_graphic`), judged eight bytes at a time.
fn visible_ascii(mut bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let mut outside = 0;
    while let Some((chunk, tail)) = bytes.split_first_chunk::<8>() {
        let x = u64::from_le_bytes(*chunk);
        // A byte below `!` sets its high bit in the first term; a byte above `~` in the second
        // (borrows and carries start only at bytes that are themselves outside).
        outside |= (x.wrapping_sub(ONES * 0x21) & !x) | (x.wrapping_add(ONES) | x);
        bytes = tail;
    }
    outside & HIGH == 0 && bytes.iter().all(u8::is_ascii_graphic)
}

/// `http` in any letter case (`| 0x20` lowers an ASCII letter and maps no other byte to one).
fn is_http(h: u8, t: u8, u: u8, p: u8) -> bool {
    h | 0x20 == b'h' && t | 0x20 == b't' && u | 0x20 == b't' && p | 0x20 == b'p'
}

/// For `validator`'s derive: `#[validate(custom(function = http_url))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn http_url(value: &str) -> Result<(), validator::ValidationError> {
    super::verdict(holds(value), "Url")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn http_and_https_only() {
        check_ok(
            holds,
            &[
                "https://example.com",
                "HTTP://EXAMPLE.COM/doc.pdf",
                "https://example.com:8443/a?b=c#d",
                "http://localhost:1",
                "https://[::1]:8080/x",
                "https://pay.example/ünïcode/😀",
                "https://user@example.com/",
            ],
        );
        check_fail(
            holds,
            &[
                "",
                "javascript:alert(1)",
                "JavaScript://example.com/%0Aalert(1)",
                "ftp://example.com",
                "//example.com",
                "example.com",
                "https://",
                "https:///path",
                "https://:80",
                "https://example.com:",
                "https://example.com:65536",
                "https://example.com:123456",
                "https://example.com:8a",
                "https://exa mple.com",
                "https://example.com/a b",
                "https://example.com/\n",
                "https://example.com/\u{7f}",
                "https://example.com/\u{a0}",
                "https://[]/",
                "https://[::1/",
                "https://[::1]x/",
                "http:/example.com",
                "hTtPs\u{0}://x",
                "httpx://example.com",
                "https:://example.com",
                "https://exa\u{2028}mple.com",
                "https://ex\u{85}ample.com",
            ],
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn visible_ascii_judges_every_byte_in_every_place() {
        for len in [1, 7, 8, 9, 16, 17] {
            for at in 0..len {
                for b in 0..=u8::MAX {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(
                        visible_ascii(&bytes),
                        (b'!'..=b'~').contains(&b),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    /// The rule as first written (scheme as the text before the first `://`, then three
    /// passes): the one-pass rule must agree with it on every string built from URL pieces.
    fn reference(value: &str) -> bool {
        let bad = value.chars().any(|c| c.is_whitespace() || c.is_control());
        let Some((scheme, rest)) = value.split_once("://") else {
            return false;
        };
        if bad || !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
            return false;
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
            let Some((inner, after)) = bracketed.split_once(']') else {
                return false;
            };
            let literal = |c: char| c.is_ascii_hexdigit() || c == ':' || c == '.';
            if inner.is_empty() || !inner.chars().all(literal) {
                return false;
            }
            match after.strip_prefix(':') {
                _ if after.is_empty() => (inner, None),
                Some(port) => (inner, Some(port)),
                None => return false,
            }
        } else {
            match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            }
        };
        let port_ok = port.is_none_or(|p| {
            (1..=5).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|n| n <= 65535)
        });
        !host.is_empty() && port_ok
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn agrees_with_the_rule_as_first_written() {
        const PIECES: [&str; 24] = [
            "http", "HTTPS", "hTtP", "s", "x", ":", "//", "/", "://", "[", "]", "::1", "?", "#",
            "80", "65535", "65536", "a.b", " ", "\t", "\u{7f}", "\u{a0}", "é", "😀",
        ];
        let mut checked = 0;
        // Every string of up to three pieces, after a valid or an invalid start.
        for start in ["", "https://", "http://h"] {
            let mut stack = vec![(String::from(start), 0)];
            while let Some((text, pieces)) = stack.pop() {
                assert_eq!(holds(&text), reference(&text), "{text:?}");
                checked += 1;
                if pieces < 3 {
                    stack.extend(
                        PIECES
                            .iter()
                            .map(|piece| (format!("{text}{piece}"), pieces + 1)),
                    );
                }
            }
        }
        assert!(checked > 40_000, "{checked}");
    }
}
