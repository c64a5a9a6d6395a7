//! The ServiceStack routes' culture over HTTP: each sample language's 400 body is the crate's `validate_json_in` body and the hand-written FluentValidation words, chosen by query string, cookie, `Accept-Language` (with qualities) or the `--culture` default in that order; Web API and request-level answers stay English; the headers are the documented ones.

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use payrules::{DtoName, FieldError};
use payrules_server::{
    openapi_document, request_culture, router, supported_culture, Config, COOKIE_NAME,
};
use serde_json::Value;

mod common;

fn app(culture: &str) -> Router {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/static");
    router(&Config {
        www: root.join("www"),
        pkg: root.join("pkg"),
        culture: culture.to_owned(),
        ..Config::default()
    })
}

/// What one request to an API carries besides its JSON body.
#[derive(Clone, Copy, Default)]
struct Ask<'a> {
    /// Appended to the path (`?culture=fr`), if not empty.
    query: &'a str,
    accept_language: &'a [&'a str],
    cookie: &'a [&'a str],
    /// The server's `--culture` (`en` if empty).
    default: &'a str,
}

/// Posts `body` as JSON to `dto`'s route; returns the status, the headers and the body.
async fn post(dto: DtoName, body: &str, ask: Ask<'_>) -> (StatusCode, HeaderMap, String) {
    post_as(dto, "application/json", body, ask).await
}

async fn post_as(
    dto: DtoName,
    content_type: &str,
    body: &str,
    ask: Ask<'_>,
) -> (StatusCode, HeaderMap, String) {
    let mut uri = dto.table().route.to_owned();
    if !ask.query.is_empty() {
        uri = format!("{uri}?{}", ask.query);
    }
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header("content-type", content_type);
    for value in ask.accept_language {
        request = request.header("accept-language", *value);
    }
    for value in ask.cookie {
        request = request.header("cookie", *value);
    }
    let request = request
        .body(Body::from(body.to_owned()))
        .unwrap_or_else(|e| panic!("request: {e}"));
    let default = if ask.default.is_empty() {
        "en"
    } else {
        ask.default
    };
    common::respond(app(default), request).await
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The 400 body the crate words for `body` in `locale`, as the server writes it.
fn crate_body(dto: DtoName, body: &str, locale: &str) -> String {
    let result = payrules::validate_json_in(dto, body.as_bytes(), locale);
    assert!(!result.valid, "{dto} {body}");
    serde_json::to_string(&payrules::server_body(dto, &result.errors)).unwrap_or_default()
}

/// The field errors of a ServiceStack 400 body.
fn errors(body: &str) -> Vec<FieldError> {
    let value: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    value["responseStatus"]["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| FieldError {
            field: e["fieldName"].as_str().unwrap_or_default().to_owned(),
            code: e["errorCode"].as_str().unwrap_or_default().to_owned(),
            message: e["message"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The message of `field`'s error in a 400 body.
fn message_of(body: &str, field: &str) -> String {
    errors(body)
        .into_iter()
        .find(|e| e.field == field)
        .map(|e| e.message)
        .unwrap_or_else(|| panic!("no error on {field}: {body}"))
}

const ONCE_OFF: &str = r#"{"FirstName":"Ada","CurrenciesId":0,"ChannelsId":"x"}"#;
const CREATE: &str = r#"{"amount":10,"gstAmount":11}"#;
const FINANCE: &str = r#"{"email":"nope","amount":1}"#;

/// One sample language: the culture a payer sends, the words FluentValidation has for these
/// requests in that language (typed from `src/languages/service_stack.rs`'s templates).
struct Sample {
    culture: &'static str,
    segment_not_null: &'static str,
    currencies_greater_than: &'static str,
    gst_less_than_or_equal: &'static str,
    email: &'static str,
}

const SAMPLES: [Sample; 6] = [
    Sample {
        culture: "fr",
        segment_not_null: "'Segment' ne doit pas avoir la valeur null.",
        currencies_greater_than: "'Currencies Id' doit être plus grand que '0'.",
        gst_less_than_or_equal: "'Gst Amount' doit être plus petit ou égal à '10'.",
        email: "'email' n'est pas une adresse email valide.",
    },
    Sample {
        culture: "de-DE",
        segment_not_null: "'Segment' darf kein Nullwert sein.",
        currencies_greater_than: "Der Wert von 'Currencies Id' muss grösser sein als '0'.",
        gst_less_than_or_equal: "Der Wert von 'Gst Amount' muss kleiner oder gleich '10' sein.",
        email: "'email' ist keine gültige E-Mail-Adresse.",
    },
    Sample {
        culture: "es-MX",
        segment_not_null: "'Segment' no debe estar vacío.",
        currencies_greater_than: "'Currencies Id' debe ser mayor que '0'.",
        gst_less_than_or_equal: "'Gst Amount' debe ser menor o igual que '10'.",
        email: "'email' no es una dirección de correo electrónico válida.",
    },
    Sample {
        culture: "nl-BE",
        segment_not_null: "'Segment' mag niet leeg zijn.",
        currencies_greater_than: "'Currencies Id' moet groter zijn dan '0'.",
        gst_less_than_or_equal: "'Gst Amount' moet kleiner zijn dan of gelijk zijn aan '10'.",
        email: "'email' is geen geldig email adres.",
    },
    Sample {
        // Through .NET's parent zh-Hans (Chinese Simplified).
        culture: "zh-CN",
        segment_not_null: "'Segment' 不能为Null。",
        currencies_greater_than: "'Currencies Id' 必须大于 '0'。",
        gst_less_than_or_equal: "'Gst Amount' 必须小于或等于 '10'。",
        email: "'email' 不是有效的电子邮件地址。",
    },
    Sample {
        culture: "ar",
        segment_not_null: "'Segment' لا يجب أن يكون فارغاً.",
        currencies_greater_than: "'Currencies Id' يجب أن يكون أكبر من '0'.",
        gst_less_than_or_equal: "'Gst Amount' يجب أن يكون أقل من أو يساوي '10'.",
        email: "'email' ليس بريد الكتروني صحيح.",
    },
];

#[tokio::test]
async fn each_sample_language_gets_the_crates_body_and_the_servers_words() {
    for sample in &SAMPLES {
        let ask = Ask {
            accept_language: &[sample.culture],
            ..Ask::default()
        };
        let mut answers = Vec::new();
        for (dto, body) in [
            (DtoName::OnceOffPaymentRequest, ONCE_OFF),
            (DtoName::CreatePaymentRequest, CREATE),
            (DtoName::FinancePaymentLogRequest, FINANCE),
        ] {
            let (status, headers, answer) = post(dto, body, ask).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
            assert_eq!(
                answer,
                crate_body(dto, body, sample.culture),
                "{} {dto}",
                sample.culture
            );
            assert_eq!(
                header(&headers, "content-language"),
                Some(sample.culture),
                "{dto}"
            );
            assert_eq!(header(&headers, "vary"), Some("Accept-Language, Cookie"));
            // The same fields, codes and order as English; only the words change.
            let english = errors(&crate_body(dto, body, "en"));
            let worded = errors(&answer);
            let shape = |errors: &[FieldError]| {
                errors
                    .iter()
                    .map(|e| (e.field.clone(), e.code.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shape(&worded), shape(&english), "{} {dto}", sample.culture);
            for (worded, english) in worded.iter().zip(&english) {
                // payrules' own codes keep their English message in every language.
                if ["TypeMismatch", "Url", "Date"].contains(&english.code.as_str()) {
                    assert_eq!(worded.message, english.message);
                } else {
                    assert_ne!(worded.message, english.message, "{}", sample.culture);
                }
            }
            answers.push(answer);
        }
        let expected = [
            (&answers[0], "Segment", sample.segment_not_null),
            (&answers[0], "CurrenciesId", sample.currencies_greater_than),
            (&answers[1], "GstAmount", sample.gst_less_than_or_equal),
            (&answers[2], "email", sample.email),
        ];
        for (answer, field, message) in expected {
            assert_eq!(message_of(answer, field), message, "{}", sample.culture);
        }
        // The type error payrules words itself stays English.
        assert_eq!(
            message_of(&answers[0], "ChannelsId"),
            "'Channels Id' must be a whole number between -2147483648 and 2147483647."
        );
    }
}

#[tokio::test]
async fn zh_cn_is_worded_in_chinese_simplified() {
    for culture in ["zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN"] {
        let ask = Ask {
            query: &format!("culture={culture}"),
            ..Ask::default()
        };
        let (_, headers, answer) = post(DtoName::CreatePaymentRequest, CREATE, ask).await;
        assert_eq!(
            answer,
            crate_body(DtoName::CreatePaymentRequest, CREATE, "zh-Hans")
        );
        assert_eq!(header(&headers, "content-language"), Some(culture));
    }
    // Traditional Chinese is another language.
    let ask = Ask {
        accept_language: &["zh-TW"],
        ..Ask::default()
    };
    let (_, _, answer) = post(DtoName::CreatePaymentRequest, CREATE, ask).await;
    assert_eq!(
        message_of(&answer, "GstAmount"),
        "'Gst Amount' 必須小於或等於 '10'。"
    );
}

/// The culture a request to `/payments` is answered in (its `Content-Language`), and checks
/// that the words are that culture's.
async fn chosen(ask: Ask<'_>) -> String {
    let (status, headers, answer) = post(DtoName::CreatePaymentRequest, CREATE, ask).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let culture = header(&headers, "content-language")
        .unwrap_or_else(|| panic!("no Content-Language"))
        .to_owned();
    assert_eq!(
        answer,
        crate_body(DtoName::CreatePaymentRequest, CREATE, &culture)
    );
    culture
}

#[tokio::test]
async fn the_query_string_beats_the_cookie_beats_accept_language_beats_the_default() {
    let all = Ask {
        query: "culture=fr",
        cookie: &[".AspNetCore.Culture=c=es|uic=es"],
        accept_language: &["de"],
        default: "nl",
    };
    assert_eq!(chosen(all).await, "fr");
    assert_eq!(chosen(Ask { query: "", ..all }).await, "es");
    assert_eq!(
        chosen(Ask {
            query: "",
            cookie: &[],
            ..all
        })
        .await,
        "de"
    );
    assert_eq!(
        chosen(Ask {
            query: "",
            cookie: &[],
            accept_language: &[],
            ..all
        })
        .await,
        "nl"
    );
    // No default given: English.
    assert_eq!(chosen(Ask::default()).await, "en");
    assert_eq!(
        message_of(
            &post(DtoName::CreatePaymentRequest, CREATE, Ask::default())
                .await
                .2,
            "GstAmount"
        ),
        "'Gst Amount' must be less than or equal to '10'."
    );
}

#[tokio::test]
async fn the_ui_culture_words_the_messages() {
    let ask = |query| Ask {
        query,
        accept_language: &["nl"],
        default: "de",
        ..Ask::default()
    };
    // ui-culture is the one FluentValidation reads; either key alone sets both.
    assert_eq!(chosen(ask("culture=es&ui-culture=fr")).await, "fr");
    assert_eq!(chosen(ask("ui-culture=fr")).await, "fr");
    assert_eq!(chosen(ask("CULTURE=fr-CA")).await, "fr-CA");
    assert_eq!(chosen(ask("x=1&culture=ar&y=2")).await, "ar");
    // A supported culture with an unsupported UI culture: the provider wins, and the UI
    // culture is the default (ASP.NET's RequestLocalizationMiddleware).
    assert_eq!(chosen(ask("culture=es&ui-culture=xx")).await, "de");
    // The cookie the same way, as CookieRequestCultureProvider.MakeCookieValue writes it,
    // percent-encoded as ASP.NET's Response.Cookies.Append sends it, or not.
    let cookie = |cookie| Ask {
        cookie,
        accept_language: &["nl"],
        default: "de",
        ..Ask::default()
    };
    assert_eq!(
        chosen(cookie(&[".AspNetCore.Culture=c=es|uic=fr"])).await,
        "fr"
    );
    assert_eq!(
        chosen(cookie(&[
            "a=1; .AspNetCore.Culture=c%3Den-GB%7Cuic%3Dfr-CA; b=2"
        ]))
        .await,
        "fr-CA"
    );
    assert_eq!(
        chosen(cookie(&[".AspNetCore.Culture=c=|uic=es"])).await,
        "es"
    );
    assert_eq!(
        chosen(cookie(&[".AspNetCore.Culture=c=ar|uic="])).await,
        "ar"
    );
    assert_eq!(
        chosen(cookie(&[".AspNetCore.Culture=c=es|uic=xx"])).await,
        "de"
    );
    // The first cookie of that name, across Cookie headers.
    assert_eq!(
        chosen(cookie(&[
            "x=y",
            ".AspNetCore.Culture=c=fr|uic=fr",
            ".AspNetCore.Culture=c=es|uic=es"
        ]))
        .await,
        "fr"
    );
}

#[tokio::test]
async fn accept_language_qualities() {
    fn ask<'a>(accept_language: &'a [&'a str]) -> Ask<'a> {
        Ask {
            accept_language,
            default: "nl",
            ..Ask::default()
        }
    }
    for (header, expected) in [
        (&["de;q=0.5, fr;q=0.9"][..], "fr"),
        (&["fr-CA,fr;q=0.9,en;q=0.8"], "fr-CA"),
        // Ties in header order; no quality is 1.
        (&["es;q=0.8, de;q=0.8"], "es"),
        (&["de;q=0.999, ar"], "ar"),
        // q=0 is "not acceptable"; * names no culture.
        (&["fr;q=0, de;q=0.1"], "de"),
        (&["*, es;q=0.5"], "es"),
        // Unknown or neutral-without-a-language cultures are passed over.
        (&["xx, zh, fr;q=0.1"], "fr"),
        // Repeated headers are one list.
        (&["xx", "es;q=0.2", "de;q=0.3"], "de"),
        // Malformed entries are skipped and do not count towards the three tried.
        (&["fr;q=abc, de;q=2, ar;level=1, , es"], "es"),
        (&["en-GB;q=0.5, es;q=0.4"], "en-GB"),
    ] {
        assert_eq!(chosen(ask(header)).await, expected, "{header:?}");
    }
    // Only the first three entries are tried (ASP.NET's MaximumAcceptLanguageHeaderValuesToTry).
    assert_eq!(chosen(ask(&["xx, yy, zz, fr"])).await, "nl");
    // Nothing acceptable: the default.
    for header in ["*", "fr;q=0", "xx-YY", "", ";q=1", "fr;q=abc", "fr ; q"] {
        let values = [header];
        assert_eq!(chosen(ask(&values)).await, "nl", "{header:?}");
    }
    assert_eq!(chosen(ask(&[])).await, "nl");
}

#[tokio::test]
async fn unknown_cultures_fall_through_to_the_next_provider() {
    let ask = |query| Ask {
        query,
        cookie: &[".AspNetCore.Culture=c=xx|uic=xx"],
        accept_language: &["ar"],
        default: "de",
    };
    for query in [
        "culture=xx",
        "culture=zh",
        "culture=no",
        "culture=",
        "culture",
        "ui-culture=*",
        "culture=fr%2Cde",
        "culture=fr&culture=de",
        "culture=%20fr",
        "culture=fr;q=1",
        "culture=%FF%FE",
    ] {
        assert_eq!(chosen(ask(query)).await, "ar", "{query}");
    }
    // Cookies that are not `c=…|uic=…` are passed over too.
    for cookie in [
        ".AspNetCore.Culture=fr",
        ".AspNetCore.Culture=uic=fr|c=fr",
        ".AspNetCore.Culture=c=fr|uic=fr|x=1",
        ".AspNetCore.Culture=",
        "AspNetCore.Culture=c=fr|uic=fr",
    ] {
        let ask = Ask {
            cookie: &[cookie],
            accept_language: &["ar"],
            ..Ask::default()
        };
        assert_eq!(chosen(ask).await, "ar", "{cookie}");
    }
}

#[tokio::test]
async fn the_default_culture_is_the_servers() {
    assert_eq!(
        chosen(Ask {
            default: "FR_ca",
            ..Ask::default()
        })
        .await,
        "fr-CA"
    );
    // Config takes any text; one the server does not support is English.
    assert_eq!(
        chosen(Ask {
            default: "klingon",
            ..Ask::default()
        })
        .await,
        "en"
    );
    assert_eq!(supported_culture("klingon"), None);
    assert_eq!(supported_culture("zh-cn").as_deref(), Some("zh-CN"));
}

#[tokio::test]
async fn web_api_stays_english_and_has_no_culture_headers() {
    let ask = Ask {
        query: "culture=fr",
        cookie: &[".AspNetCore.Culture=c=fr|uic=fr"],
        accept_language: &["fr"],
        default: "fr",
    };
    let english = r#"{"Message":"The request is invalid.","ModelState":{"model.accountCode":["The accountCode field is required."],"model.paymentSuccessful":["The field paymentSuccessful must be true or false."]}}"#;
    let body = r#"{"contractId":2,"paymentValue":4.1,"paymentSuccessful":"yes"}"#;
    let (status, headers, answer) = post(DtoName::RecordPaymentBindingModel, body, ask).await;
    assert_eq!(
        (status, answer.as_str()),
        (StatusCode::BAD_REQUEST, english)
    );
    assert_eq!(header(&headers, "content-language"), None);
    assert_eq!(header(&headers, "vary"), None);
    let (status, headers, answer) = post_as(
        DtoName::RecordPaymentBindingModel,
        "application/x-www-form-urlencoded",
        "accountCode=&contractId=2&paymentValue=4.1&paymentSuccessful=yes",
        ask,
    )
    .await;
    assert_eq!(
        (status, answer.as_str()),
        (StatusCode::BAD_REQUEST, english)
    );
    assert_eq!(header(&headers, "content-language"), None);
}

#[tokio::test]
async fn request_level_answers_and_valid_requests_stay_as_they_were() {
    let ask = Ask {
        accept_language: &["fr"],
        ..Ask::default()
    };
    // Malformed JSON: English words (payrules' own), in a 400 that still names the culture.
    let (status, headers, answer) = post(DtoName::CreatePaymentRequest, "{", ask).await;
    assert_eq!(
        (status, answer.as_str()),
        (
            StatusCode::BAD_REQUEST,
            r#"{"responseStatus":{"errorCode":"SerializationException","message":"The request body is not valid JSON.","errors":[]}}"#
        )
    );
    assert_eq!(header(&headers, "content-language"), Some("fr"));
    // 415: English, and no culture headers.
    let (status, headers, answer) =
        post_as(DtoName::CreatePaymentRequest, "text/plain", CREATE, ask).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        answer.contains("is not supported; send application/json."),
        "{answer}"
    );
    assert_eq!(header(&headers, "content-language"), None);
    // 200: no words, no culture headers.
    let (status, headers, _) = post(
        DtoName::CreatePaymentRequest,
        r#"{"amount":"12.50","gstAmount":1.25}"#,
        ask,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            header(&headers, "content-language"),
            header(&headers, "vary")
        ),
        (None, None)
    );
}

#[tokio::test]
async fn hostile_culture_inputs_get_an_answer() {
    let huge = format!("{}, fr", "xx;q=0.5, ".repeat(5_000));
    let commas = ",".repeat(50_000);
    let cookie = format!(".AspNetCore.Culture={}", "|".repeat(50_000));
    let query = format!("culture={}", "a".repeat(10_000));
    let repeated = vec!["xx"; 90];
    for ask in [
        Ask {
            accept_language: &[&huge],
            ..Ask::default()
        },
        Ask {
            accept_language: &[&commas],
            ..Ask::default()
        },
        Ask {
            accept_language: &repeated,
            ..Ask::default()
        },
        Ask {
            cookie: &[&cookie],
            ..Ask::default()
        },
        Ask {
            query: &query,
            ..Ask::default()
        },
        Ask {
            query: "culture=%E2%82%AC&ui-culture=%",
            ..Ask::default()
        },
    ] {
        assert_eq!(chosen(ask).await, "en");
    }
    // Bytes that are not ASCII (obs-text) in the headers: passed over, not a panic.
    let mut headers = HeaderMap::new();
    for value in [&b"fr\xe9"[..], b"\xff\xfe", b"de;q=0.\xb5"] {
        if let Ok(value) = axum::http::HeaderValue::from_bytes(value) {
            headers.append("accept-language", value);
            headers.append("cookie", axum::http::HeaderValue::from_static("a=b"));
        }
    }
    headers.append(
        "accept-language",
        axum::http::HeaderValue::from_static("es;q=0.1"),
    );
    let uri = "/payments".parse().unwrap_or_default();
    assert_eq!(request_culture(&uri, &headers, "en"), "es");
    // The rest of such a header is still read.
    let with = |pairs: &[(&'static str, &[u8])]| {
        let mut headers = HeaderMap::new();
        for &(name, value) in pairs {
            if let Ok(value) = axum::http::HeaderValue::from_bytes(value) {
                headers.append(name, value);
            }
        }
        request_culture(&uri, &headers, "en")
    };
    let accept: (&'static str, &[u8]) = ("accept-language", b"x\xe9y, ar;q=0.5");
    assert_eq!(with(&[accept]), "ar");
    let cookie: (&'static str, &[u8]) = ("cookie", b"n=\xe9; .AspNetCore.Culture=c=|uic=es");
    assert_eq!(with(&[accept, cookie]), "es");
}

/// Every culture docs/languages.md lists is one the server supports, with words of its own
/// (English's are English).
#[test]
fn every_listed_language_is_supported() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/languages.md");
    let text = std::fs::read_to_string(&docs).unwrap_or_else(|e| panic!("{e}"));
    let section = text
        .split("## The languages")
        .nth(1)
        .unwrap_or_else(|| panic!("no language list"));
    let mut cultures = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cell = line.split('|').nth(1).unwrap_or_default();
        cultures.extend(
            cell.split(',')
                .map(|c| c.trim().trim_matches('`').to_owned()),
        );
    }
    assert_eq!(cultures.len(), 57, "{cultures:?}");
    let english = crate_body(DtoName::OnceOffPaymentRequest, "{}", "en");
    for culture in &cultures {
        assert_eq!(
            supported_culture(culture).as_deref(),
            Some(culture.as_str())
        );
        let worded = crate_body(DtoName::OnceOffPaymentRequest, "{}", culture);
        assert_eq!(worded == english, culture.starts_with("en"), "{culture}");
    }
    for unsupported in ["zh", "no", "no-NO", "xx", "iw", "*", "", "fr-CA,fr"] {
        assert_eq!(supported_culture(unsupported), None, "{unsupported}");
    }
}

#[test]
fn the_document_has_the_culture_parameters_and_headers() {
    let document = openapi_document();
    for &dto in DtoName::ALL {
        let operation = &document["paths"][dto.table().route]["post"];
        let headers = &operation["responses"]["400"]["headers"];
        let names: Vec<(&str, &str)> = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p["in"].as_str().unwrap_or_default(),
                    p["name"].as_str().unwrap_or_default(),
                )
            })
            .collect();
        match dto.framework() {
            payrules::Framework::ServiceStack => {
                assert_eq!(
                    names,
                    [
                        ("query", "culture"),
                        ("query", "ui-culture"),
                        ("cookie", COOKIE_NAME),
                        ("header", "Accept-Language")
                    ],
                    "{dto}"
                );
                assert_eq!(
                    headers["Vary"]["schema"]["const"],
                    "Accept-Language, Cookie"
                );
                assert_eq!(headers["Content-Language"]["required"], true);
                let pattern = jsonschema::draft202012::new(&headers["Content-Language"]["schema"])
                    .unwrap_or_else(|e| panic!("{e}"));
                for culture in ["fr", "zh-Hans-CN", "en", "uz-Cyrl-UZ", "es-419"] {
                    assert!(pattern.is_valid(&culture.into()), "{culture}");
                }
                assert!(!pattern.is_valid(&"fr CA".into()));
            }
            payrules::Framework::WebApi => {
                assert!(names.is_empty(), "{dto}");
                assert!(headers.is_null(), "{dto}");
            }
        }
    }
}
