//! `Url`: an absolute `http`/`https` URL that is safe to render as a link to payers.

/// Scheme `http` or `https` (any letter case), `://`, a non-empty host (a name, or an IPv6
/// literal in brackets), an optional `:port` of 1–5 digits up to 65535, then anything but
/// whitespace or control characters. `javascript:` and other schemes never pass.
pub fn holds(value: &str) -> bool {
    // ASCII bytes are judged directly; only other characters need the Unicode tables.
    let bad = if value.is_ascii() {
        value.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        value.chars().any(|c| c.is_whitespace() || c.is_control())
    };
    if bad {
        return false;
    }
    // Bytes from here on: every delimiter is ASCII.
    let bytes = value.as_bytes();
    let Some(scheme_end) = bytes.windows(3).position(|w| w == b"://") else {
        return false;
    };
    let scheme = bytes.get(..scheme_end).unwrap_or_default();
    if !scheme.eq_ignore_ascii_case(b"http") && !scheme.eq_ignore_ascii_case(b"https") {
        return false;
    }
    let rest = bytes.get(scheme_end + 3..).unwrap_or_default();
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
            ],
        );
    }
}
