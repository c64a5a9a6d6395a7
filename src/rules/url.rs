//! `Url`: an absolute `http`/`https` URL that is safe to render as a link to payers.

/// Scheme `http` or `https` (any letter case), `://`, a non-empty host (a name, or an IPv6
/// literal in brackets), an optional `:port` of 1–5 digits up to 65535, then anything but
/// whitespace or control characters. `javascript:` and other schemes never pass.
pub fn holds(value: &str) -> bool {
    // ASCII bytes are judged directly; only other characters need the Unicode tables.
    let forbidden = |c: char| c.is_whitespace() || c.is_control();
    let bad = if value.is_ascii() {
        value.bytes().any(|b| b <= b' ' || b == 0x7f)
    } else {
        value.chars().any(forbidden)
    };
    if bad {
        return false;
    }
    let Some((scheme, rest)) = value.split_once("://") else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return false;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end).unwrap_or("");
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let Some((inner, after)) = bracketed.split_once(']') else {
            return false;
        };
        if inner.is_empty()
            || !inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return false;
        }
        match after {
            "" => (inner, None),
            _ => match after.strip_prefix(':') {
                Some(port) => (inner, Some(port)),
                None => return false,
            },
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
