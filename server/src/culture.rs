//! The UI culture of a request to a ServiceStack route, chosen as ASP.NET Core's `RequestLocalizationMiddleware` chooses it with its default providers: the query string, the `.AspNetCore.Culture` cookie, `Accept-Language`, then the server's default (`--culture`).
//!
//! Each provider gives candidate names for the culture and for the UI culture (FluentValidation
//! words its messages in the UI culture); the first provider with a supported candidate for
//! either wins, and a side it has none for takes the default. A culture is supported when
//! payrules words ServiceStack messages in a language for it: a well-formed culture name that
//! FluentValidation's languages match through .NET's parents (`fr-CA` → `fr`, `zh-CN` →
//! `zh-Hans`), or an English one (`en`, `en-GB`, `en-AU`). Anything else (`xx`, `zh`, `*`, an
//! empty value, a list) falls to the next provider, as ASP.NET does with a culture outside its
//! `SupportedUICultures`. `docs/server.md` says where this departs from ASP.NET.

use std::borrow::Cow;

use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::{HeaderMap, Uri};

/// The `Vary` of a ServiceStack API's 400: its words depend on these request headers (and on
/// the query string, which is part of the URL).
pub const VARY: &str = "Accept-Language, Cookie";

/// The culture of a server started with no `--culture`.
pub const DEFAULT_CULTURE: &str = "en";

/// The query keys of the culture and the UI culture (`QueryStringRequestCultureProvider`).
const QUERY_KEY: &str = "culture";
const UI_QUERY_KEY: &str = "ui-culture";

/// The cookie `CookieRequestCultureProvider` reads, and its value's parts (`c=fr|uic=fr`).
pub const COOKIE_NAME: &str = ".AspNetCore.Culture";
const COOKIE_CULTURE: &str = "c=";
const COOKIE_UI_CULTURE: &str = "uic=";

/// How many well-formed `Accept-Language` entries are tried, the first ones in the header
/// (`AcceptLanguageHeaderRequestCultureProvider.MaximumAcceptLanguageHeaderValuesToTry`).
pub const ACCEPT_LANGUAGE_TRIED: usize = 3;

/// The longest culture name .NET accepts (`CultureData.LocaleNameMaxLength`).
const MAX_NAME: usize = 85;

/// The UI culture the server words a request's ServiceStack messages in: the first provider's
/// supported choice, else `default` (a name [`supported_culture`] gave).
pub fn request_culture(uri: &Uri, headers: &HeaderMap, default: &str) -> String {
    let providers: [fn(&Uri, &HeaderMap) -> Option<Candidates>; 3] =
        [from_query, from_cookie, from_accept_language];
    for provider in providers {
        let Some(candidates) = provider(uri, headers) else {
            continue;
        };
        let ui_culture = candidates
            .ui_cultures
            .iter()
            .find_map(|c| supported_culture(c));
        if let Some(ui_culture) = ui_culture {
            return ui_culture;
        }
        // The culture (formatting) matters only here: a provider with a supported culture and
        // no supported UI culture still wins, with the default UI culture. (payrules writes
        // numbers culture-invariant, so the culture itself changes no word.)
        let culture_supported = candidates.cultures != candidates.ui_cultures
            && candidates
                .cultures
                .iter()
                .any(|c| supported_culture(c).is_some());
        if culture_supported {
            return default.to_owned();
        }
    }
    default.to_owned()
}

/// `name` as the server writes it (`Content-Language`), if it is a culture the server
/// supports: a culture name (subtags of 1 to 8 ASCII letters and digits joined by `-` or `_`,
/// the first of 2 to 8 letters, 85 characters at most) that payrules words ServiceStack
/// messages in a language for, reached through .NET's parents as FluentValidation does; or an
/// English one. Written in the usual case (`fr-CA`, `zh-Hans-CN`), with `-`.
pub fn supported_culture(name: &str) -> Option<String> {
    let name = canonical(name)?;
    let english = name.split('-').next() == Some("en");
    // Every English name resolves to English by name (`en`, `en-US`, `en-GB`, or `en` as the
    // parent); any other name is supported when the crate resolves it to a language of its own.
    (english || payrules::language_of(&name) != "en").then_some(name)
}

/// One provider's candidates: culture names for the culture and for the UI culture, in the
/// order they are tried.
struct Candidates {
    cultures: Vec<String>,
    ui_cultures: Vec<String>,
}

impl Candidates {
    /// One name for each, the missing one taken from the other (as the query and cookie
    /// providers do); `None` when neither is given.
    fn pair(culture: Option<String>, ui_culture: Option<String>) -> Option<Candidates> {
        let (culture, ui_culture) = match (culture, ui_culture) {
            (None, None) => return None,
            (Some(culture), None) => (culture.clone(), culture),
            (None, Some(ui_culture)) => (ui_culture.clone(), ui_culture),
            (Some(culture), Some(ui_culture)) => (culture, ui_culture),
        };
        Some(Candidates {
            cultures: vec![culture],
            ui_cultures: vec![ui_culture],
        })
    }
}

/// `?culture=` and `?ui-culture=` (keys in any case, values percent- and `+`-decoded). A key
/// given twice is its values joined with `,`, as ASP.NET reads `Request.Query[key]` as a
/// string: no culture, so the next provider decides.
fn from_query(uri: &Uri, _: &HeaderMap) -> Option<Candidates> {
    let query = uri.query()?;
    let (mut culture, mut ui_culture) = (None, None);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let slot = if key.eq_ignore_ascii_case(QUERY_KEY) {
            &mut culture
        } else if key.eq_ignore_ascii_case(UI_QUERY_KEY) {
            &mut ui_culture
        } else {
            continue;
        };
        match slot {
            None => *slot = Some(value.into_owned()),
            Some(joined) => {
                joined.push(',');
                joined.push_str(&value);
            }
        }
    }
    Candidates::pair(culture, ui_culture)
}

/// The `.AspNetCore.Culture` cookie (the first one of that name in the `Cookie` headers,
/// percent-decoded; bytes that are not UTF-8 read as U+FFFD): `c=<culture>|uic=<UI culture>`,
/// one of them possibly empty.
fn from_cookie(_: &Uri, headers: &HeaderMap) -> Option<Candidates> {
    let value = headers.get_all(COOKIE).iter().find_map(|header| {
        String::from_utf8_lossy(header.as_bytes())
            .split(';')
            .find_map(|pair| {
                let (name, value) = pair.split_once('=')?;
                (name.trim() == COOKIE_NAME).then(|| percent_decode(value.trim()))
            })
    })?;
    parse_cookie_value(&value)
}

/// `CookieRequestCultureProvider.ParseCookieValue`: exactly two non-empty parts separated by
/// `|`, the first `c=…`, the second `uic=…`.
fn parse_cookie_value(value: &str) -> Option<Candidates> {
    if value.trim().is_empty() {
        return None;
    }
    let mut parts = value.split('|').filter(|part| !part.is_empty());
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let culture = first.strip_prefix(COOKIE_CULTURE)?;
    let ui_culture = second.strip_prefix(COOKIE_UI_CULTURE)?;
    let given = |name: &str| (!name.is_empty()).then(|| name.to_owned());
    Candidates::pair(given(culture), given(ui_culture))
}

/// `Accept-Language` (every such header, as one list; bytes that are not UTF-8 read as U+FFFD,
/// which no token holds): the first [`ACCEPT_LANGUAGE_TRIED`]
/// well-formed entries (`token` or `token;q=qvalue`; others are skipped), those with `q=0`
/// dropped (not acceptable), the rest by quality, highest first, ties in header order. `*` is
/// kept as ASP.NET keeps it, and is never a supported culture.
fn from_accept_language(_: &Uri, headers: &HeaderMap) -> Option<Candidates> {
    let texts: Vec<Cow<'_, str>> = headers
        .get_all(ACCEPT_LANGUAGE)
        .iter()
        .map(|header| String::from_utf8_lossy(header.as_bytes()))
        .collect();
    let mut entries: Vec<(&str, u32)> = Vec::with_capacity(ACCEPT_LANGUAGE_TRIED);
    'headers: for text in &texts {
        for entry in text.split(',') {
            if entries.len() == ACCEPT_LANGUAGE_TRIED {
                break 'headers;
            }
            if let Some(entry) = language_entry(entry) {
                entries.push(entry);
            }
        }
    }
    if entries.is_empty() {
        return None;
    }
    entries.retain(|&(_, quality)| quality > 0);
    // Stable: equal qualities keep their order.
    entries.sort_by_key(|&(_, quality)| std::cmp::Reverse(quality));
    let names: Vec<String> = entries.iter().map(|&(name, _)| name.to_owned()).collect();
    Some(Candidates {
        cultures: names.clone(),
        ui_cultures: names,
    })
}

/// One `Accept-Language` entry: its language range and its quality in units of 10⁻⁸ (1 is
/// 100,000,000; none given is 1), or `None` if it is empty or malformed. As
/// `StringWithQualityHeaderValue` reads it: a token, then optionally `;` and `q=` (whitespace
/// allowed around each) and a quality of `0` or `1` with up to 8 decimals, at most 1.
fn language_entry(entry: &str) -> Option<(&str, u32)> {
    let (range, parameter) = match entry.split_once(';') {
        Some((range, parameter)) => (range, Some(parameter)),
        None => (entry, None),
    };
    let range = range.trim_matches(is_whitespace);
    if range.is_empty() || !range.bytes().all(is_token_byte) {
        return None;
    }
    let Some(parameter) = parameter else {
        return Some((range, ONE));
    };
    let parameter = parameter.trim_matches(is_whitespace);
    let rest = parameter
        .strip_prefix('q')
        .or_else(|| parameter.strip_prefix('Q'))?;
    let value = rest.trim_start_matches(is_whitespace).strip_prefix('=')?;
    Some((range, quality(value.trim_start_matches(is_whitespace))?))
}

/// 1 in [`language_entry`]'s units.
const ONE: u32 = 100_000_000;

/// A qvalue: `0` or `1`, optionally `.` and up to 8 digits; at most 1.
fn quality(text: &str) -> Option<u32> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let whole: u32 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    if fraction.len() > 8 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut units = whole * ONE;
    let mut scale = ONE / 10;
    for digit in fraction.bytes() {
        units += u32::from(digit - b'0') * scale;
        scale /= 10;
    }
    (units <= ONE).then_some(units)
}

fn is_whitespace(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// An RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// `%XX` sequences decoded as `Uri.UnescapeDataString` does (`+` stays `+`; a `%` not followed
/// by two hex digits stays as it is); bytes that are not UTF-8 become U+FFFD.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) => hex(high).zip(hex(low)).map(|(h, l)| (h << 4) | l),
            _ => None,
        };
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// `name` as a culture name in the usual case (language lower case, a 4-letter script title
/// case, a 2-letter region upper case, the rest lower case; `_` written `-`), if it is one.
fn canonical(name: &str) -> Option<String> {
    if name.is_empty() || name.len() > MAX_NAME {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    for (i, subtag) in name.split(['-', '_']).enumerate() {
        let letters = subtag.bytes().all(|b| b.is_ascii_alphabetic());
        let well_formed = if i == 0 {
            (2..=8).contains(&subtag.len()) && letters
        } else {
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        };
        if !well_formed {
            return None;
        }
        if i > 0 {
            out.push('-');
        }
        match subtag.len() {
            4 if i > 0 && letters => {
                let (first, rest) = subtag.split_at(1);
                out.push_str(&first.to_ascii_uppercase());
                out.push_str(&rest.to_ascii_lowercase());
            }
            2 if i > 0 && letters => out.push_str(&subtag.to_ascii_uppercase()),
            _ => out.push_str(&subtag.to_ascii_lowercase()),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use proptest::prelude::*;

    fn headers(pairs: &[(&str, &[u8])]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            if let (Ok(name), Ok(value)) = (
                axum::http::HeaderName::try_from(*name),
                HeaderValue::from_bytes(value),
            ) {
                map.append(name, value);
            }
        }
        map
    }

    fn accept_language(value: &str) -> Vec<String> {
        from_accept_language(
            &Uri::from_static("/"),
            &headers(&[("accept-language", value.as_bytes())]),
        )
        .map(|c| c.ui_cultures)
        .unwrap_or_default()
    }

    #[test]
    fn culture_names_in_the_usual_case() {
        let cases = [
            ("fr", Some("fr")),
            ("FR-ca", Some("fr-CA")),
            ("fr_CA", Some("fr-CA")),
            ("zh-hans-cn", Some("zh-Hans-CN")),
            ("sr-latn", Some("sr-Latn")),
            ("uz-CYRL-uz", Some("uz-Cyrl-UZ")),
            ("es-419", Some("es-419")),
            ("de-DE-x-phone1", Some("de-DE-x-phone1")),
            ("", None),
            ("f", None),
            ("fr-", None),
            ("fr--CA", None),
            ("-fr", None),
            (" fr", None),
            ("fr,de", None),
            ("*", None),
            ("fr1", None),
            ("français", None),
            ("abcdefghi", None),
            ("fr-abcdefghi", None),
        ];
        for (name, expected) in cases {
            assert_eq!(canonical(name).as_deref(), expected, "{name:?}");
        }
        let longest = format!("fra{}", "-a".repeat(41));
        assert_eq!(longest.len(), 85);
        assert!(canonical(&longest).is_some());
        assert_eq!(canonical(&format!("{longest}b")), None);
    }

    #[test]
    fn supported_cultures() {
        for (name, expected) in [
            ("fr", Some("fr")),
            ("fr-ca", Some("fr-CA")),
            ("zh-CN", Some("zh-CN")),
            ("zh-Hant-TW", Some("zh-Hant-TW")),
            ("en", Some("en")),
            ("en-AU", Some("en-AU")),
            ("EN_gb", Some("en-GB")),
            ("pt-BR", Some("pt-BR")),
            ("zh", None),
            ("no", None),
            ("xx", None),
            ("xx-FR", None),
            ("*", None),
            ("", None),
            ("fr;q=1", None),
        ] {
            assert_eq!(supported_culture(name).as_deref(), expected, "{name:?}");
        }
    }

    #[test]
    fn accept_language_entries() {
        assert_eq!(
            accept_language("fr-CA,fr;q=0.9,en;q=0.8"),
            ["fr-CA", "fr", "en"]
        );
        assert_eq!(
            accept_language("de;q=0.5, fr, es;q=0.5"),
            ["fr", "de", "es"]
        );
        assert_eq!(accept_language("de ; Q = 0.7 ,fr;q=0.8"), ["fr", "de"]);
        // Only the first three well-formed entries are tried, before ordering.
        assert_eq!(accept_language("xx, yy, zz, fr"), ["xx", "yy", "zz"]);
        assert_eq!(accept_language("fr;q=abc, ,de;q=2, es;level=1, nl"), ["nl"]);
        assert_eq!(accept_language("fr;q=0, de;q=0.000"), Vec::<String>::new());
        assert_eq!(accept_language("*, de"), ["*", "de"]);
        assert_eq!(accept_language("fr;q=1.000, de;q=1.0000001"), ["fr"]);
        assert_eq!(accept_language("fr;q=0.123456789, de;q=0.5"), ["de"]);
        assert_eq!(accept_language(""), Vec::<String>::new());
    }

    #[test]
    fn cookie_values() {
        let pair = |value: &str| {
            parse_cookie_value(value).map(|c| (c.cultures[0].clone(), c.ui_cultures[0].clone()))
        };
        let owned = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(pair("c=de|uic=fr"), owned("de", "fr"));
        assert_eq!(pair("c=|uic=fr"), owned("fr", "fr"));
        assert_eq!(pair("c=fr|uic="), owned("fr", "fr"));
        assert_eq!(pair("||c=fr||uic=es||"), owned("fr", "es"));
        assert_eq!(pair("c=|uic="), None);
        assert_eq!(pair("uic=fr|c=fr"), None);
        assert_eq!(pair("c=fr"), None);
        assert_eq!(pair("c=fr|uic=fr|x"), None);
        assert_eq!(pair("  "), None);
        assert_eq!(percent_decode("c%3Dfr%7Cuic%3Dfr-CA"), "c=fr|uic=fr-CA");
        assert_eq!(percent_decode("%zz%4+%"), "%zz%4+%");
        assert_eq!(percent_decode("%FF%C3%A9"), "\u{fffd}é");
    }

    #[test]
    fn qualities() {
        for (text, expected) in [
            ("1", Some(ONE)),
            ("1.", Some(ONE)),
            ("1.000", Some(ONE)),
            ("0.5", Some(ONE / 2)),
            ("0.00000001", Some(1)),
            ("0", Some(0)),
            ("1.5", None),
            ("2", None),
            (".5", None),
            ("0.5x", None),
            ("-0", None),
            ("0.123456789", None),
            ("", None),
        ] {
            assert_eq!(quality(text), expected, "{text:?}");
        }
    }

    proptest! {
        /// No header, query or cookie makes the choice panic, and it is always a supported
        /// culture (or the default).
        #[test]
        fn any_request_gets_a_supported_culture(
            query in "[a-zA-Z%=&;+,._-]{0,40}",
            accept in proptest::collection::vec(any::<u8>(), 0..200),
            cookie in proptest::collection::vec(any::<u8>(), 0..200),
            repeated in 0usize..3,
        ) {
            let uri = format!("/payments?{query}")
                .parse::<Uri>()
                .unwrap_or_else(|_| Uri::from_static("/payments"));
            let mut pairs: Vec<(&str, &[u8])> = Vec::new();
            for _ in 0..=repeated {
                pairs.push(("accept-language", &accept));
                pairs.push(("cookie", &cookie));
            }
            let chosen = request_culture(&uri, &headers(&pairs), "de");
            prop_assert!(chosen == "de" || supported_culture(&chosen).as_deref() == Some(chosen.as_str()));
        }
    }
}
