//! Server errors back into a `ValidationResult`: a 400 body of the DTO's API (ServiceStack `responseStatus`, Web API `ModelState`) read into the same errors the client shows, so an error only the server can know lands where client errors land.
//!
//! The inverse of `body.rs`: C# names become wire names through the DTO's table; ServiceStack
//! gives each error's code; Web API gives messages only, so a message is matched against the
//! templates of its field's framework to recover the code payrules gives it (a message no
//! template words, a rule only the server has, gets [`SERVER_ONLY_CODE`]).
//!
//! Native only. The npm package reads bodies in its own entry (`payrules/server-errors`,
//! js/server-errors.js) from [`read_back_data`], out of what a browser loads first; both read
//! every vector's body and tests/server_errors.json's hand-written ones to the same results.

use crate::alloc_prelude::*;

use crate::report::{FieldError, ValidationResult};
use crate::table::{Field, Framework, Violation};
use crate::wording;
use crate::DtoName;

/// The code of a Web API message that no payrules template words: `ModelState` gives no code.
pub const SERVER_ONLY_CODE: &str = "ModelState";

/// A server's error body, as read from its known shapes (the reader, JS or Rust, only takes
/// strings out of it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerReply<'a> {
    pub shape: Option<Framework>,
    /// ServiceStack's `responseStatus` `errorCode` and `message`; Web API's `Message` (no code).
    pub code: &'a str,
    pub message: &'a str,
    /// `(name, code, message)` of each error in order: ServiceStack's `fieldName`, `errorCode`,
    /// `message`; for each message of each `ModelState` key, `(key, "", message)`.
    pub errors: Vec<(&'a str, &'a str, &'a str)>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'a> ServerReply<'a> {
    /// The reply a parsed JSON body holds (camelCase or PascalCase keys, as hosts write them);
    /// a value that is not a string reads as "". What reader.js's `readServerBody` reads in JS.
    pub fn of_json(body: &'a serde_json::Value) -> ServerReply<'a> {
        fn text(value: Option<&serde_json::Value>) -> &str {
            value
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
        }
        let get = |object: &'a serde_json::Value, camel: &str, pascal: &str| {
            object.get(camel).or_else(|| object.get(pascal))
        };
        let Some(object) = body.as_object() else {
            return ServerReply::default();
        };
        if let Some(status) =
            get(body, "responseStatus", "ResponseStatus").filter(|s| s.is_object())
        {
            let errors = get(status, "errors", "Errors")
                .and_then(serde_json::Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            return ServerReply {
                shape: Some(Framework::ServiceStack),
                code: text(get(status, "errorCode", "ErrorCode")),
                message: text(get(status, "message", "Message")),
                errors: errors
                    .iter()
                    .filter(|e| e.is_object())
                    .map(|e| {
                        (
                            text(get(e, "fieldName", "FieldName")),
                            text(get(e, "errorCode", "ErrorCode")),
                            text(get(e, "message", "Message")),
                        )
                    })
                    .collect(),
            };
        }
        if !object.contains_key("Message") && !object.contains_key("ModelState") {
            return ServerReply::default();
        }
        let errors = object
            .get("ModelState")
            .and_then(serde_json::Value::as_object)
            .into_iter()
            .flatten()
            .flat_map(|(key, messages)| {
                let messages = messages.as_array().map(Vec::as_slice).unwrap_or_default();
                messages
                    .iter()
                    .map(move |m| (key.as_str(), "", text(Some(m))))
            })
            .collect();
        ServerReply {
            shape: Some(Framework::WebApi),
            code: "",
            message: text(object.get("Message")),
            errors,
        }
    }
}

/// The `ValidationResult` a server's answer stands for: valid for a 2xx status, else its errors
/// in the body's order. An error naming no field of `dto`, a request-level error, a non-400
/// status and an unreadable body are each an error of the request as a whole (`field` ""),
/// keeping the server's message; none is dropped.
pub fn from_server_error(dto: DtoName, status: u16, reply: &ServerReply<'_>) -> ValidationResult {
    if (200..300).contains(&status) {
        return ValidationResult::ok();
    }
    let request_code = wording::request_code(dto.framework());
    let web_api = reply.shape == Some(Framework::WebApi);
    // Each error's field: ServiceStack names its C# property; Web API's key is `model.<C# name>`.
    let mut named: Vec<(Option<&'static Field>, &str, &str)> = reply
        .errors
        .iter()
        .map(|&(name, code, message)| {
            let name = match name.split_once('.') {
                Some((_, property)) if web_api => property,
                _ if web_api => "",
                _ => name,
            };
            (field_named(dto, name), code, message)
        })
        .collect();
    if web_api {
        // `ModelState` is a map, whose order a reader may not keep: errors go in field order
        // (request-level and unknown keys first), as the client reports them.
        let fields = dto.fields();
        named.sort_by_key(|(field, _, _)| {
            field
                .and_then(|field| fields.iter().position(|f| core::ptr::eq(f, field)))
                .map_or(0, |index| index + 1)
        });
    }
    let mut errors: Vec<FieldError> = named
        .into_iter()
        .map(|(field, code, message)| {
            let (field, code) = match field {
                Some(field) if web_api => (field.name, web_api_code(field, message)),
                Some(field) => (field.name, code),
                None => ("", if web_api { request_code } else { code }),
            };
            FieldError {
                field: field.to_owned(),
                code: code.to_owned(),
                message: message.to_owned(),
            }
        })
        .collect();
    if errors.is_empty() {
        let stated = reply.shape.is_some() && !(reply.code.is_empty() && reply.message.is_empty());
        let (code, message) = if stated {
            let code = if reply.code.is_empty() {
                request_code
            } else {
                reply.code
            };
            (code, reply.message.to_owned())
        } else {
            let message = format!(
                "The server answered {status} with a body that is not an error of this API."
            );
            (request_code, message)
        };
        errors.push(FieldError {
            field: String::new(),
            code: code.to_owned(),
            message,
        });
    }
    ValidationResult {
        valid: false,
        errors,
    }
}

/// The field whose C# name is `name` (exactly, else ASCII case-insensitively).
fn field_named(dto: DtoName, name: &str) -> Option<&'static Field> {
    let fields = dto.fields();
    fields.iter().find(|f| f.csharp == name).or_else(|| {
        fields
            .iter()
            .find(|f| !name.is_empty() && f.csharp.eq_ignore_ascii_case(name))
    })
}

/// The code payrules gives `message` of `field` in Web API's words: the violation whose template
/// it fills (the longest template text wins: `greater than or equal to` over `greater than`).
fn web_api_code(field: &Field, message: &str) -> &'static str {
    Violation::ALL
        .iter()
        .filter_map(|&violation| {
            let template = wording::wording(Framework::WebApi, violation).template;
            fills(template, field, message).map(|length| (length, violation))
        })
        .max_by_key(|&(length, _)| length)
        .map_or(SERVER_ONLY_CODE, |(_, violation)| {
            wording::code(Framework::WebApi, violation)
        })
}

/// Whether `message` is `template` filled for `field`: `{PropertyName}` its label,
/// `{ExpectedType}` what its type expects, any text for every other placeholder (any split that
/// fits, as a regular expression with `[\s\S]*` would find); the length of the template's own
/// text (its literal parts and the filled names) if so.
fn fills(template: &str, field: &Field, message: &str) -> Option<usize> {
    // The template as literal pieces, `None` standing for a placeholder any text fills.
    let mut pieces: Vec<Option<&str>> = Vec::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, after) = after.split_once('}')?;
        pieces.push(Some(before));
        pieces.push(match name {
            "PropertyName" => Some(field.label),
            "ExpectedType" => Some(wording::expected_type(field.kind)),
            _ => None,
        });
        rest = after;
    }
    pieces.push(Some(rest));
    let literal = pieces.iter().flatten().map(|piece| piece.len()).sum();
    matches_pieces(&pieces, message).then_some(literal)
}

/// Whether `text` is `pieces` in order (a `None` piece matching any text, even none).
fn matches_pieces(pieces: &[Option<&str>], text: &str) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Some(literal), rest)) => text
            .strip_prefix(literal)
            .is_some_and(|text| matches_pieces(rest, text)),
        Some((None, rest)) => text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .any(|at| {
                text.get(at..)
                    .is_some_and(|tail| matches_pieces(rest, tail))
            }),
    }
}

/// What `payrules/server-errors` reads bodies with, from the tables: per DTO its framework, the
/// code of its request-level errors and each field's wire, C# and display names and what its
/// type expects (a type error's words); Web API's
/// template and code for every violation; the code of a message no template words.
pub fn read_back_data() -> serde_json::Value {
    use serde_json::json;
    let dtos: serde_json::Map<String, serde_json::Value> = DtoName::ALL
        .iter()
        .map(|&dto| {
            let fields: Vec<_> = dto
                .fields()
                .iter()
                .map(|f| json!([f.name, f.csharp, f.label, wording::expected_type(f.kind)]))
                .collect();
            let table = json!({
                "framework": dto.framework().as_str(),
                "requestCode": wording::request_code(dto.framework()),
                "fields": fields,
            });
            (dto.as_str().to_owned(), table)
        })
        .collect();
    let templates: Vec<_> = Violation::ALL
        .iter()
        .map(|&v| {
            let wording = wording::wording(Framework::WebApi, v);
            json!([wording.code, wording.template])
        })
        .collect();
    json!({ "dtos": dtos, "webApiTemplates": templates, "serverOnlyCode": SERVER_ONLY_CODE })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_matched_with_the_label_and_any_text_for_values() {
        let field = crate::table::test_tables::field("Amount", crate::table::Kind::Money);
        let check = |template: &str, message: &str, expected: bool| {
            assert_eq!(
                fills(template, &field, message).is_some(),
                expected,
                "{message}"
            );
        };
        let greater = "The field {PropertyName} must be greater than {ComparisonValue}.";
        check(greater, "The field Amount must be greater than 0.", true);
        check(greater, "The field Amount must be greater than 1.5.", true);
        check(
            greater,
            "The field Amount must be greater than or equal to 0.",
            true,
        );
        check(greater, "The field Gst must be greater than 0.", false);
        check(greater, "The field Amount must be greater than 0", false);
        check("{PropertyName} is bad", "Amount is bad", true);
        check("{PropertyName} is bad", "Amount is bad!", false);
        let typed = "The field {PropertyName} must be {ExpectedType}.";
        check(typed, "The field Amount must be a decimal number.", true);
        check(typed, "The field Amount must be unique.", false);
    }

    #[test]
    fn the_longest_template_wins() {
        let dto = DtoName::ALL
            .iter()
            .copied()
            .find(|dto| dto.framework() == Framework::WebApi)
            .expect("a Web API DTO is registered");
        let field = dto.fields().first().expect("it has fields");
        let message = |violation| {
            wording::wording(Framework::WebApi, violation)
                .template
                .replace("{PropertyName}", field.label)
                .replace("{ComparisonValue}", "0")
        };
        for violation in [Violation::GreaterThan, Violation::GreaterThanOrEqual] {
            assert_eq!(
                web_api_code(field, &message(violation)),
                wording::code(Framework::WebApi, violation)
            );
        }
        assert_eq!(web_api_code(field, "Already paid."), SERVER_ONLY_CODE);
    }
}
