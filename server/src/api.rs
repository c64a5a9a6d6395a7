//! The APIs: one per registered DTO, at its table's route; its accepted bodies; its 200 answer and that answer's schema (the only per-DTO code of the server).

use axum::http::header::{CONTENT_LANGUAGE, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use payrules::{
    AnyDto, CreatePaymentRequest, DateTime, DtoName, FieldError, FinancePaymentLogRequest,
    Framework, Money, OnceOffPaymentRequest, Report,
};
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde::Serialize;

/// The API of one DTO: its route and framework come from the DTO's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Api(pub DtoName);

impl Api {
    /// The API of every registered DTO.
    pub fn all() -> Vec<Api> {
        DtoName::ALL.iter().map(|&dto| Api(dto)).collect()
    }

    pub fn path(self) -> &'static str {
        self.0.table().route
    }

    pub fn dto(self) -> DtoName {
        self.0
    }

    /// Whether the API page lists form bodies (`multipart/form-data`, urlencoded) besides JSON.
    pub fn accepts_forms(self) -> bool {
        self.0.table().forms
    }

    /// The answer to a JSON body: with a `culture` (ServiceStack APIs), its messages in that
    /// culture's language, and a 400 says which (`Content-Language`) and on what it depends
    /// (`Vary`).
    pub(crate) fn answer_json(self, body: &[u8], culture: Option<&str>) -> Response {
        let Some(culture) = culture else {
            return answer(payrules::parse_named(self.0, body));
        };
        let mut response = answer(payrules::parse_named_in(self.0, body, culture));
        if response.status() == StatusCode::BAD_REQUEST {
            let headers = response.headers_mut();
            headers.insert(VARY, HeaderValue::from_static(crate::culture::VARY));
            // A culture from `supported_culture` is ASCII letters, digits and `-`.
            if let Ok(language) = HeaderValue::from_str(culture) {
                headers.insert(CONTENT_LANGUAGE, language);
            }
        }
        response
    }

    /// The answer to form fields (only for APIs that accept forms).
    pub(crate) fn answer_form(self, pairs: Vec<(String, String)>) -> Response {
        if !self.accepts_forms() {
            return crate::request::refuse(
                self,
                crate::request::UNSUPPORTED,
                "This API accepts JSON bodies only.",
            );
        }
        let pairs = pairs.into_iter().map(|(k, v)| (k.into(), v.into()));
        answer(payrules::parse_form_named(self.0, pairs))
    }

    /// An error about the request as a whole, in the API's own error body: ServiceStack's
    /// `responseStatus` with no field errors, or Web API's `{"Message": …}`.
    pub(crate) fn request_error(self, status: StatusCode, code: &str, message: &str) -> Response {
        match self.0.framework() {
            Framework::ServiceStack => {
                let error = FieldError {
                    field: String::new(),
                    code: code.to_owned(),
                    message: message.to_owned(),
                };
                (status, Json(payrules::server_body(self.0, &[error]))).into_response()
            }
            Framework::WebApi => {
                #[derive(Serialize)]
                struct HttpError<'a> {
                    #[serde(rename = "Message")]
                    message: &'a str,
                }
                (status, Json(HttpError { message })).into_response()
            }
        }
    }
}

/// 200 with the API's response, or 400 with its error body.
fn answer(parsed: Result<AnyDto, Report>) -> Response {
    match parsed {
        Ok(request) => ok(request),
        Err(report) => (StatusCode::BAD_REQUEST, Json(report.server_body())).into_response(),
    }
}

/// The 200 answer of each API, as its page shows it. An API whose page shows none answers as
/// Web API does for a model with no response (200, empty) on Web API, and with the request
/// as bound (canonical names, converted values) on ServiceStack, where a response DTO is
/// always written. [`ok_schema`] says the same of each DTO for the OpenAPI document.
fn ok(request: AnyDto) -> Response {
    match request {
        AnyDto::OnceOffPaymentRequest(request) => Json(once_off_payment(request)).into_response(),
        AnyDto::CreatePaymentRequest(request) => Json(create_payment(request)).into_response(),
        AnyDto::FinancePaymentLogRequest(request) => {
            Json(finance_payment_log(request)).into_response()
        }
        other => match other.dto().framework() {
            Framework::WebApi => StatusCode::OK.into_response(),
            Framework::ServiceStack => Json(other).into_response(),
        },
    }
}

/// The JSON Schema of each API's 200 body, as [`ok`] answers (`None`: an empty body): derived
/// from the response structs themselves (schemars), or the bound request's schema.
pub fn ok_schema(dto: DtoName) -> Option<serde_json::Value> {
    match dto {
        DtoName::OnceOffPaymentRequest => Some(schema_of::<OnceOffPaymentResponse>()),
        DtoName::CreatePaymentRequest => Some(schema_of::<CreatePaymentResponse>()),
        DtoName::FinancePaymentLogRequest => Some(schema_of::<FinancePaymentResponse>()),
        other => match other.framework() {
            Framework::WebApi => None,
            Framework::ServiceStack => Some(payrules::bound_request_schema(other)),
        },
    }
}

/// `T`'s JSON Schema (draft 2020-12), self-contained (nested structs inline, no `$schema`), as
/// the OpenAPI document's components hold it.
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.inline_subschemas = true;
            settings.meta_schema = None;
        })
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// A fresh GUID as ServiceStack writes one (32 hex digits, no dashes).
fn guid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `OnceOffPaymentResponse` (ServiceStack, camelCase, nulls omitted).
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
struct OnceOffPaymentResponse {
    /// 32 hex digits.
    public_access_guid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    invoice_number: Option<String>,
    status_codes_id: i64,
}

fn once_off_payment(request: OnceOffPaymentRequest) -> OnceOffPaymentResponse {
    OnceOffPaymentResponse {
        public_access_guid: guid(),
        invoice_number: request.invoice_number,
        status_codes_id: 0,
    }
}

/// `CreatePaymentResponse` with the created `Payment` (ServiceStack, camelCase, nulls omitted).
#[derive(Serialize, JsonSchema)]
struct CreatePaymentResponse {
    payment: Payment,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
struct Payment {
    #[serde(skip_serializing_if = "Option::is_none")]
    salary_package_id: Option<String>,
    // Money writes its value as a JSON number.
    #[schemars(with = "Option<f64>")]
    amount: Option<Money>,
    #[schemars(with = "Option<f64>")]
    gst_amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    particulars: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget_category: Option<String>,
    /// 32 hex digits.
    id: String,
}

fn create_payment(request: CreatePaymentRequest) -> CreatePaymentResponse {
    let payment = Payment {
        salary_package_id: request.salary_package_id,
        amount: request.amount,
        gst_amount: request.gst_amount,
        particulars: request.particulars,
        budget_category: request.budget_category,
        id: guid(),
    };
    CreatePaymentResponse { payment }
}

/// `FinancePaymentResponse` (ServiceStack, snake_case as on its page, nulls omitted).
#[derive(Serialize, JsonSchema)]
struct FinancePaymentResponse {
    #[serde(rename = "paymentUUID")]
    payment_uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    order_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_payment_id: Option<i32>,
    /// When it was logged: ISO-8601 UTC with 100-ns ticks.
    added_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    regent_id: Option<i32>,
    uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<f64>")]
    amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_type: Option<String>,
    is_pushed_to_gl: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    current_status: Option<String>,
    /// ISO-8601, as .NET's round-trip format writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    current_status_date: Option<DateTime>,
}

fn finance_payment_log(request: FinancePaymentLogRequest) -> FinancePaymentResponse {
    let uuid = uuid::Uuid::new_v4().hyphenated().to_string();
    FinancePaymentResponse {
        payment_uuid: uuid.clone(),
        order_id: request.order_id,
        external_payment_id: request.external_payment_id,
        added_date: crate::utc_now(),
        regent_id: request.regent_id,
        uuid,
        amount: request.amount,
        payment_type: request.payment_type,
        is_pushed_to_gl: request.pushed_to_gl.unwrap_or(false),
        current_status: request.current_status,
        current_status_date: request.current_status_date,
    }
}
