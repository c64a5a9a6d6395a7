//! The exact 400 bodies of the two server frameworks: ServiceStack `responseStatus` and Web API `ModelState`.

use crate::alloc_prelude::*;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::report::FieldError;
use crate::table::Framework;
use crate::DtoName;

/// A 400 body, serialized exactly as the API's server writes it (keys in the order shown).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ServerBody {
    /// `{"responseStatus":{"errorCode":…,"message":…,"errors":[…]}}` (camelCase, .NET Core host).
    ServiceStack(ServiceStackBody),
    /// `{"Message":"The request is invalid.","ModelState":{"model.accountCode":[…]}}`.
    WebApi(WebApiBody),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceStackBody {
    pub response_status: ResponseStatus,
}

/// ServiceStack's `ResponseStatus`: the first error's code and message, then every field error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseStatus {
    pub error_code: String,
    pub message: String,
    pub errors: Vec<ResponseError>,
}

/// ServiceStack's `ResponseError`. `fieldName` is the C# property name; `meta` holds the
/// message placeholders that do not echo the payer's input (`PropertyName`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseError {
    pub error_code: String,
    pub field_name: String,
    pub message: String,
    pub meta: Meta,
}

/// A `ResponseError`'s `meta`: the message placeholders that do not echo the payer's input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The display name the message uses (`First Name`).
    #[serde(rename = "PropertyName")]
    pub property_name: String,
}

/// Web API 2's `HttpError` for an invalid model state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WebApiBody {
    #[serde(rename = "Message")]
    pub message: String,
    #[serde(rename = "ModelState")]
    pub model_state: ModelState,
}

/// Keys `model.<property>` (`model` for the request as a whole) to their messages, keys in the
/// order of their first error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModelState(pub Vec<(String, Vec<String>)>);

impl Serialize for ModelState {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, messages) in &self.0 {
            map.serialize_entry(key, messages)?;
        }
        map.end()
    }
}

impl ServerBody {
    /// The body for `errors` of `dto`, which must not be empty (see [`server_body`]).
    pub(crate) fn new(dto: DtoName, errors: &[FieldError]) -> ServerBody {
        let table = dto.table();
        // The C# name and display name of a field (a name that is no field's stands for both).
        let names = |field: &str| -> (String, String) {
            match table.fields.iter().find(|f| f.name == field) {
                Some(f) => (f.csharp.to_owned(), f.label.to_owned()),
                None => (field.to_owned(), field.to_owned()),
            }
        };
        match dto.framework() {
            Framework::ServiceStack => {
                let first = errors.first();
                let errors = errors
                    .iter()
                    .filter(|e| !e.field.is_empty())
                    .map(|e| {
                        let (field_name, property_name) = names(&e.field);
                        let meta = Meta { property_name };
                        ResponseError {
                            error_code: e.code.clone(),
                            field_name,
                            message: e.message.clone(),
                            meta,
                        }
                    })
                    .collect();
                ServerBody::ServiceStack(ServiceStackBody {
                    response_status: ResponseStatus {
                        error_code: first.map(|e| e.code.clone()).unwrap_or_default(),
                        message: first.map(|e| e.message.clone()).unwrap_or_default(),
                        errors,
                    },
                })
            }
            Framework::WebApi => {
                let mut model_state = ModelState::default();
                for error in errors {
                    let key = if error.field.is_empty() {
                        "model".to_owned()
                    } else {
                        let mut key = String::from("model.");
                        key.push_str(&names(&error.field).0);
                        key
                    };
                    match model_state.0.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, messages)) => messages.push(error.message.clone()),
                        None => model_state.0.push((key, vec![error.message.clone()])),
                    }
                }
                ServerBody::WebApi(WebApiBody {
                    message: "The request is invalid.".to_owned(),
                    model_state,
                })
            }
        }
    }
}

/// The 400 body for a validation result of `dto`; `None` when there are no errors.
pub fn server_body(dto: DtoName, errors: &[FieldError]) -> Option<ServerBody> {
    (!errors.is_empty()).then(|| ServerBody::new(dto, errors))
}
