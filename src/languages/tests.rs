//! Tests of the languages: locale resolution (a case table), the generated data (English equals `wording.rs`, placeholders, the docs' list), hand-written messages in six languages, and every parity vector re-judged in every language.

use serde_json::Value;

use super::*;
use crate::table::{DtoTable, Field, Framework, Kind, Op, Placeholder, Rule};
use crate::{validate_json, validate_json_in, wording, DtoName};

/// `locale` resolves to the language whose own culture name is `expected`.
#[track_caller]
fn check(locale: &str, expected: &str) {
    assert_eq!(resolve(locale).culture(), expected, "locale {locale:?}");
}

#[test]
fn locales_resolve_as_dotnet_and_fluent_validation_resolve_a_culture() {
    // The case table both sides read (tests/js/locales.test.mjs resolves the same cases in JS).
    let file: Value = serde_json::from_str(include_str!("../../tests/locales.json"))
        .unwrap_or_else(|e| panic!("tests/locales.json: {e}"));
    let cases = file["cases"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    assert!(cases.len() >= 70, "{} cases", cases.len());
    for case in cases {
        check(
            case[0].as_str().unwrap_or_default(),
            case[1].as_str().unwrap_or_default(),
        );
    }
}

#[test]
fn every_language_resolves_from_each_of_its_names_in_any_case_and_with_a_region() {
    let mut names = 0;
    for language in &LANGUAGES {
        for &culture in language.cultures {
            for locale in [
                culture.to_owned(),
                culture.to_ascii_uppercase(),
                culture.to_ascii_lowercase(),
                culture.replace('-', "_"),
                format!("{culture}-ZZ"),
                format!("{culture}-x-private"),
            ] {
                assert!(
                    core::ptr::eq(resolve(&locale), language),
                    "{locale:?} resolves to {}, not {}",
                    resolve(&locale).name,
                    language.name
                );
            }
            names += 1;
        }
    }
    assert_eq!((LANGUAGES.len(), names), (55, 57));
    assert_eq!(english().cultures, ["en", "en-US", "en-GB"]);
    assert!(english().is_english() && !resolve("fr").is_english());
}

/// FluentValidation's English templates are the ones `wording.rs` words ServiceStack DTOs with.
#[test]
fn english_is_the_service_stack_wording() {
    let mut translated = 0;
    for violation in Violation::ALL {
        let ours = wording::wording(Framework::ServiceStack, violation).template;
        match english().template(violation) {
            Some(template) => {
                assert_eq!(template, ours, "{violation:?}");
                translated += 1;
            }
            None => assert!(
                matches!(
                    violation,
                    Violation::Url | Violation::TypeMismatch | Violation::Date
                ),
                "{violation:?} has no FluentValidation template"
            ),
        }
    }
    assert_eq!(translated, 11);
}

/// Every template of every language names its field and uses only placeholders its violation
/// fills, so no message keeps a `{…}` (the script fails on the same; this holds the data to it).
#[test]
fn every_template_uses_only_what_its_violation_fills() {
    for language in &LANGUAGES {
        for violation in Violation::ALL {
            let Some(template) = language.template(violation) else {
                continue;
            };
            let used = wording::placeholders_of(template);
            assert!(
                used.contains(&"PropertyName"),
                "{} {violation:?}",
                language.name
            );
            for name in used {
                let placeholder = Placeholder::named(name);
                assert!(
                    placeholder == Some(Placeholder::PropertyName)
                        || placeholder.is_some_and(|p| violation.placeholders().contains(&p)),
                    "{} {violation:?}: {{{name}}} is not filled",
                    language.name
                );
            }
        }
    }
}

/// `docs/languages.md` lists every language with its culture names and source file, and names
/// the source's commit.
#[test]
fn the_docs_list_every_language() {
    let docs = include_str!("../../docs/languages.md");
    let mut table = String::from("| culture | language | source file |\n|---|---|---|\n");
    for language in &LANGUAGES {
        let cultures: Vec<String> = language.cultures.iter().map(|c| format!("`{c}`")).collect();
        table.push_str(&format!(
            "| {} | {} | `{}` |\n",
            cultures.join(", "),
            language.name,
            language.file
        ));
    }
    assert!(
        docs.contains(&table),
        "docs/languages.md's list differs from the data; it should be:\n{table}"
    );
    assert!(docs.contains(SOURCE_COMMIT) && docs.contains(SOURCE_DIR));
}

/// The requests of the hand-written messages: every code a ServiceStack DTO reports.
const ONCE_OFF: &str = r#"{"FirstName":"Ada","Email":"ada.example.com","DebtDate":"2023-02-29","AmountOutstanding":"10.505","CurrenciesId":0,"ChannelsId":"x","UrlToDocument":"javascript:alert(1)"}"#;
const GST_OVER: &str = r#"{"amount":"12.50","gstAmount":13}"#;
const NOTHING_PAID: &str = r#"{"amount":0,"gstAmount":-1}"#;
const NOT_AN_OBJECT: &str = "[]";

/// What each request gives in one language (`locale`), typed from its language file.
struct Expected {
    locale: &'static str,
    /// Segment, LastName, Email, InvoiceNumber, DebtDate, AmountOutstanding, CurrenciesId,
    /// ChannelsId, UrlToDocument.
    once_off: [&'static str; 9],
    /// gstAmount.
    gst_over: &'static str,
    /// amount, gstAmount.
    nothing_paid: [&'static str; 2],
}

// payrules' own codes and the request-level error stay English in every language.
const DATE: &str = "'Debt Date' is not a valid date.";
const WHOLE_NUMBER: &str =
    "'Channels Id' must be a whole number between -2147483648 and 2147483647.";
const URL: &str = "'Url To Document' must be an absolute http or https URL.";
const NO_OBJECT: &str = "The request body must be a JSON object.";

const EXPECTED: [Expected; 7] = [
    Expected {
        locale: "en-US",
        once_off: [
            "'Segment' must not be empty.",
            "'Last Name' must not be empty.",
            "'Email' is not a valid email address.",
            "'Invoice Number' must not be empty.",
            DATE,
            "'Amount Outstanding' must not be more than 18 digits in total, with allowance for 2 decimals. 2 digits and 3 decimals were found.",
            "'Currencies Id' must be greater than '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' must be less than or equal to '12.5'.",
        nothing_paid: [
            "'Amount' must be greater than '0'.",
            "'Gst Amount' must be greater than or equal to '0'.",
        ],
    },
    Expected {
        locale: "fr-CA",
        once_off: [
            "'Segment' ne doit pas avoir la valeur null.",
            "'Last Name' ne doit pas avoir la valeur null.",
            "'Email' n'est pas une adresse email valide.",
            "'Invoice Number' ne doit pas avoir la valeur null.",
            DATE,
            "'Amount Outstanding' ne doit pas dépasser 18 chiffres au total, avec une tolérance de 2 décimales. 2 nombres entiers et 3 décimales ont été trouvés.",
            "'Currencies Id' doit être plus grand que '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' doit être plus petit ou égal à '12.5'.",
        nothing_paid: [
            "'Amount' doit être plus grand que '0'.",
            "'Gst Amount' doit être plus grand ou égal à '0'.",
        ],
    },
    Expected {
        locale: "de-DE",
        once_off: [
            "'Segment' darf kein Nullwert sein.",
            "'Last Name' darf kein Nullwert sein.",
            "'Email' ist keine gültige E-Mail-Adresse.",
            "'Invoice Number' darf kein Nullwert sein.",
            DATE,
            "'Amount Outstanding' darf insgesamt nicht mehr als 18 Ziffern enthalten, mit Berücksichtigung von 2 Dezimalstellen. Es wurden 2 Ziffern und 3 Dezimalstellen gefunden.",
            "Der Wert von 'Currencies Id' muss grösser sein als '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "Der Wert von 'Gst Amount' muss kleiner oder gleich '12.5' sein.",
        nothing_paid: [
            "Der Wert von 'Amount' muss grösser sein als '0'.",
            "Der Wert von 'Gst Amount' muss grösser oder gleich '0' sein.",
        ],
    },
    Expected {
        locale: "es-MX",
        once_off: [
            "'Segment' no debe estar vacío.",
            "'Last Name' no debe estar vacío.",
            "'Email' no es una dirección de correo electrónico válida.",
            "'Invoice Number' no debe estar vacío.",
            DATE,
            "'Amount Outstanding' no debe tener más de 18 dígitos en total, con margen para 2 decimales. Se encontraron 2 y 3 decimales.",
            "'Currencies Id' debe ser mayor que '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' debe ser menor o igual que '12.5'.",
        nothing_paid: [
            "'Amount' debe ser mayor que '0'.",
            "'Gst Amount' debe ser mayor o igual que '0'.",
        ],
    },
    Expected {
        locale: "nl-BE",
        once_off: [
            "'Segment' mag niet leeg zijn.",
            "'Last Name' mag niet leeg zijn.",
            "'Email' is geen geldig email adres.",
            "'Invoice Number' mag niet leeg zijn.",
            DATE,
            "'Amount Outstanding' mag in totaal niet meer dan 18 decimalen nauwkeurig zijn, met een grootte van 2 gehele getallen. Er zijn 2 decimalen en een grootte van 3 gehele getallen gevonden.",
            "'Currencies Id' moet groter zijn dan '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' moet kleiner zijn dan of gelijk zijn aan '12.5'.",
        nothing_paid: [
            "'Amount' moet groter zijn dan '0'.",
            "'Gst Amount' moet groter zijn dan of gelijk zijn aan '0'.",
        ],
    },
    Expected {
        locale: "zh-CN",
        once_off: [
            "'Segment' 不能为Null。",
            "'Last Name' 不能为Null。",
            "'Email' 不是有效的电子邮件地址。",
            "'Invoice Number' 不能为Null。",
            DATE,
            "'Amount Outstanding' 总位数不能超过 18 位，其中小数部分 2 位。您共计输入了 2 位数字，其中小数部分3 位。",
            "'Currencies Id' 必须大于 '0'。",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' 必须小于或等于 '12.5'。",
        nothing_paid: [
            "'Amount' 必须大于 '0'。",
            "'Gst Amount' 必须大于或等于 '0'。",
        ],
    },
    Expected {
        locale: "ar-SA",
        once_off: [
            "'Segment' لا يجب أن يكون فارغاً.",
            "'Last Name' لا يجب أن يكون فارغاً.",
            "'Email' ليس بريد الكتروني صحيح.",
            "'Invoice Number' لا يجب أن يكون فارغاً.",
            DATE,
            "'Amount Outstanding' لا يجب أن يكون أكبر من 18 رقما صحيحاً في المجمل, ومسموح بـ 2 أرقام عشرية. ما تم ادخاله 2 أرقام صحيحة و 3 أرقام عشرية.",
            "'Currencies Id' يجب أن يكون أكبر من '0'.",
            WHOLE_NUMBER,
            URL,
        ],
        gst_over: "'Gst Amount' يجب أن يكون أقل من أو يساوي '12.5'.",
        nothing_paid: [
            "'Amount' يجب أن يكون أكبر من '0'.",
            "'Gst Amount' يجب أن يكون أكبر من أو يساوي '0'.",
        ],
    },
];

/// The (field, code, message) of each error of `body` for `dto` in `locale`.
fn errors(dto: DtoName, body: &str, locale: &str) -> Vec<(String, String, String)> {
    let result = validate_json_in(dto, body.as_bytes(), locale);
    assert_eq!(result.valid, result.errors.is_empty());
    result
        .errors
        .into_iter()
        .map(|e| (e.field, e.code, e.message))
        .collect()
}

/// `fields` and `codes` zipped with `messages`.
fn expect(fields: &[&str], codes: &[&str], messages: &[&str]) -> Vec<(String, String, String)> {
    assert_eq!(
        (fields.len(), codes.len()),
        (messages.len(), messages.len())
    );
    fields
        .iter()
        .zip(codes)
        .zip(messages)
        .map(|((f, c), m)| ((*f).to_owned(), (*c).to_owned(), (*m).to_owned()))
        .collect()
}

#[test]
fn every_service_stack_code_in_six_languages_and_english() {
    let once_off_fields = [
        "Segment",
        "LastName",
        "Email",
        "InvoiceNumber",
        "DebtDate",
        "AmountOutstanding",
        "CurrenciesId",
        "ChannelsId",
        "UrlToDocument",
    ];
    let once_off_codes = [
        "NotNull",
        "NotNull",
        "Email",
        "NotNull",
        "Date",
        "ScalePrecision",
        "GreaterThan",
        "TypeMismatch",
        "Url",
    ];
    for expected in &EXPECTED {
        let locale = expected.locale;
        assert_eq!(
            errors(DtoName::OnceOffPaymentRequest, ONCE_OFF, locale),
            expect(&once_off_fields, &once_off_codes, &expected.once_off),
            "{locale}"
        );
        assert_eq!(
            errors(DtoName::CreatePaymentRequest, GST_OVER, locale),
            expect(&["gstAmount"], &["LessThanOrEqual"], &[expected.gst_over]),
            "{locale}"
        );
        assert_eq!(
            errors(DtoName::CreatePaymentRequest, NOTHING_PAID, locale),
            expect(
                &["amount", "gstAmount"],
                &["GreaterThan", "GreaterThanOrEqual"],
                &expected.nothing_paid
            ),
            "{locale}"
        );
        for dto in [
            DtoName::OnceOffPaymentRequest,
            DtoName::CreatePaymentRequest,
            DtoName::FinancePaymentLogRequest,
        ] {
            assert_eq!(
                errors(dto, NOT_AN_OBJECT, locale),
                expect(&[""], &["SerializationException"], &[NO_OBJECT]),
                "{locale}"
            );
        }
        // The same request, parsed: the same errors in the report.
        let report =
            crate::parse_named_in(DtoName::OnceOffPaymentRequest, ONCE_OFF.as_bytes(), locale)
                .err()
                .map(|report| report.errors);
        assert_eq!(
            report,
            Some(
                validate_json_in(DtoName::OnceOffPaymentRequest, ONCE_OFF.as_bytes(), locale)
                    .errors
            )
        );
    }
    // A Web API DTO stays English in every language.
    let record = r#"{"contractId":0,"paymentValue":1.234,"message":"x"}"#;
    let english = validate_json(DtoName::RecordPaymentBindingModel, record.as_bytes());
    assert_eq!(english.errors.len(), 4);
    for expected in &EXPECTED {
        assert_eq!(
            validate_json_in(
                DtoName::RecordPaymentBindingModel,
                record.as_bytes(),
                expected.locale
            ),
            english
        );
    }
}

/// A ServiceStack DTO with the rules no registered ServiceStack DTO has yet (not blank, maximum
/// length, less than, between), worded in French.
#[test]
fn the_other_templates_are_filled_too() {
    static FIELDS: [Field; 3] = [
        Field {
            name: "Name",
            csharp: "Name",
            label: "Name",
            kind: Kind::String,
            rules: &[Rule::NotBlank, Rule::MaxLength(3)],
        },
        Field {
            name: "Count",
            csharp: "Count",
            label: "Count",
            kind: Kind::Int32,
            rules: &[
                Rule::Compare(Op::LessThan, 10.0),
                Rule::Between {
                    min: 1.0,
                    max: 5.0,
                    exclusive: false,
                },
            ],
        },
        Field {
            name: "Ratio",
            csharp: "Ratio",
            label: "Ratio",
            kind: Kind::Money,
            rules: &[Rule::Between {
                min: 0.0,
                max: 1.0,
                exclusive: true,
            }],
        },
    ];
    static TABLE: DtoTable = crate::table::test_tables::table(&FIELDS);
    let body = br#"{"Name":"     ","Count":12,"Ratio":1}"#;
    let Ok(slots) = crate::json::bind(body, &TABLE) else {
        panic!("the body binds");
    };
    let judgement = crate::engine::judge(&slots);
    let worded = |locale: &str| -> Vec<(String, String)> {
        judgement
            .errors_in(resolve(locale))
            .into_iter()
            .map(|e| (e.code, e.message))
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(c, m)| ((*c).to_owned(), (*m).to_owned()))
            .collect()
    };
    assert_eq!(
        worded("fr-FR"),
        pairs(&[
            ("NotEmpty", "'Name' ne doit pas être vide."),
            (
                "MaximumLength",
                "'Name' doit être inférieur ou égal à 3 caractères. Vous avez saisi 5 caractères."
            ),
            ("LessThan", "'Count' doit être plus petit que '10'."),
            (
                "InclusiveBetween",
                "'Count' doit être entre 1 et 5. Vous avez saisi 12."
            ),
            (
                "ExclusiveBetween",
                "'Ratio' doit être entre 0 et 1 (exclusif). Vous avez saisi 1."
            ),
        ])
    );
    assert_eq!(
        worded("en"),
        pairs(&[
            ("NotEmpty", "'Name' must not be empty."),
            (
                "MaximumLength",
                "The length of 'Name' must be 3 characters or fewer. You entered 5 characters."
            ),
            ("LessThan", "'Count' must be less than '10'."),
            (
                "InclusiveBetween",
                "'Count' must be between 1 and 5. You entered 12."
            ),
            (
                "ExclusiveBetween",
                "'Ratio' must be between 0 and 1 (exclusive). You entered 1."
            ),
        ])
    );
}

/// Whether `message` is `template` with each placeholder filled by some non-empty text.
fn fills(template: &str, message: &str) -> bool {
    // The literal text before each placeholder, and after the last one.
    let mut literals = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        literals.push(rest.get(..open).unwrap_or(""));
        let Some(close) = rest.find('}') else {
            return false;
        };
        rest = rest.get(close + 1..).unwrap_or("");
    }
    let tail = rest;
    let Some((first, between)) = literals.split_first() else {
        return message == template;
    };
    let Some(mut rest) = message.strip_prefix(first) else {
        return false;
    };
    for literal in between {
        // The previous placeholder's value (one character at least), then the literal.
        let Some((second, _)) = rest.char_indices().nth(1) else {
            return false;
        };
        let Some(found) = rest.get(second..).and_then(|r| r.find(literal)) else {
            return false;
        };
        rest = rest.get(second + found + literal.len()..).unwrap_or("");
    }
    // The last placeholder's value, then the tail.
    rest.len() > tail.len() && rest.ends_with(tail)
}

/// The violation of a ServiceStack `code` (codes are distinct there).
fn violation_of(code: &str) -> Option<Violation> {
    Violation::ALL
        .into_iter()
        .find(|&v| wording::code(Framework::ServiceStack, v) == code)
}

/// Every case of one vector file re-judged in every language of every culture name: the same
/// verdict, fields and codes as English; each message its language's template filled (English
/// where the language has none, and on Web API DTOs). Returns how many errors it checked, and
/// how many of them were worded otherwise than in English.
fn check_vectors_in_every_language(dto: DtoName, file: &str) -> (usize, usize) {
    let file: Value = serde_json::from_str(file).unwrap_or(Value::Null);
    let cases = file["cases"].as_array().cloned().unwrap_or_default();
    assert!(cases.len() >= 30, "{dto}: the vector file has its cases");
    let (mut checked, mut translated) = (0, 0);
    for case in &cases {
        let text = match case.get("input_text") {
            Some(Value::String(text)) => text.clone(),
            _ => case["input"].to_string(),
        };
        let english = validate_json(dto, text.as_bytes());
        for language in &LANGUAGES {
            for &culture in language.cultures {
                let worded = validate_json_in(dto, text.as_bytes(), culture);
                let what = format!("{dto} / {} in {culture}", case["name"]);
                assert_eq!(worded.valid, english.valid, "{what}");
                assert_eq!(worded.errors.len(), english.errors.len(), "{what}");
                for (ours, theirs) in worded.errors.iter().zip(&english.errors) {
                    assert_eq!(
                        (&ours.field, &ours.code),
                        (&theirs.field, &theirs.code),
                        "{what}"
                    );
                    assert!(!ours.message.contains('{'), "{what}: {}", ours.message);
                    let template = (dto.framework() == Framework::ServiceStack)
                        .then(|| violation_of(&ours.code))
                        .flatten()
                        .and_then(|v| Some((v, language.template(v)?)));
                    match template {
                        Some((violation, template)) => {
                            assert!(
                                fills(template, &ours.message),
                                "{what}: {:?} is not {template:?} filled",
                                ours.message
                            );
                            let english_template =
                                wording::wording(Framework::ServiceStack, violation).template;
                            assert_eq!(
                                ours.message == theirs.message,
                                template == english_template,
                                "{what}: {:?} against English {:?}",
                                ours.message,
                                theirs.message
                            );
                        }
                        None => assert_eq!(ours.message, theirs.message, "{what}"),
                    }
                    checked += 1;
                    translated += usize::from(ours.message != theirs.message);
                }
            }
        }
    }
    (checked, translated)
}

macro_rules! vectors_in_every_language {
    ($($module:ident :: $name:ident),* $(,)?) => {
        #[test]
        fn every_vector_in_every_language_keeps_its_fields_and_codes() {
            let (mut checked, mut translated) = (0, 0);
            $(
                let (errors, worded) = check_vectors_in_every_language(
                    DtoName::$name,
                    include_str!(concat!("../../tests/vectors/", stringify!($module), ".json")),
                );
                checked += errors;
                translated += worded;
            )*
            // 57 culture names times the vectors' errors (430 when written); a good part of
            // them worded otherwise than in English (not Web API's, nor payrules' own codes).
            assert!(checked >= 57 * 400, "{checked}");
            assert!(translated > checked / 4, "{translated} of {checked}");
        }
    };
}
crate::for_each_dto!(vectors_in_every_language);

#[test]
fn fills_tells_a_filled_template_from_another_text() {
    let template = "'{PropertyName}' must be greater than '{ComparisonValue}'.";
    assert!(fills(template, "'Amount' must be greater than '0'."));
    assert!(!fills(template, "'Amount' must be greater than ''."));
    assert!(!fills(template, "'Amount' must be less than '0'."));
    assert!(!fills(template, "'Amount' must be greater than '0'"));
    assert!(!fills(template, "Amount must be greater than '0'."));
    assert!(fills("{PropertyName}", "x"));
    assert!(!fills("{PropertyName}", ""));
}
