//! The APIs: one per registered DTO, at its table's route; its accepted bodies; its 200 answer (the only per-DTO code of the server).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use payrules::{
    AnyDto, CreatePaymentRequest, DateTime, DtoName, FieldError, FinancePaymentLogRequest,
    Framework, Money, OnceOffPaymentRequest, Report,
};
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

    /// The answer to a JSON body.
    pub(crate) fn answer_json(self, body: &[u8]) -> Response {
        answer(payrules::parse_named(self.0, body))
    }

    /// The answer to form fields (only for APIs that accept forms).
    pub(crate) fn answer_form(self, pairs: Vec<(String, String)>) -> Response {
        if !self.accepts_forms() {
            return self.request_error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaType",
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
/// always written.
fn ok(request: AnyDto) -> Response {
    match request {
        AnyDto::OnceOffPaymentRequest(request) => once_off_payment(request),
        AnyDto::CreatePaymentRequest(request) => create_payment(request),
        AnyDto::FinancePaymentLogRequest(request) => finance_payment_log(request),
        other => match other.dto().framework() {
            Framework::WebApi => StatusCode::OK.into_response(),
            Framework::ServiceStack => Json(other).into_response(),
        },
    }
}

/// A fresh GUID as ServiceStack writes one (32 hex digits, no dashes).
fn guid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `OnceOffPaymentResponse` (ServiceStack, camelCase, nulls omitted).
fn once_off_payment(request: OnceOffPaymentRequest) -> Response {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct OnceOffPaymentResponse {
        public_access_guid: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        invoice_number: Option<String>,
        status_codes_id: i64,
    }
    Json(OnceOffPaymentResponse {
        public_access_guid: guid(),
        invoice_number: request.invoice_number,
        status_codes_id: 0,
    })
    .into_response()
}

/// `CreatePaymentResponse` with the created `Payment` (ServiceStack, camelCase, nulls omitted).
fn create_payment(request: CreatePaymentRequest) -> Response {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Payment {
        #[serde(skip_serializing_if = "Option::is_none")]
        salary_package_id: Option<String>,
        amount: Option<Money>,
        gst_amount: Option<Money>,
        #[serde(skip_serializing_if = "Option::is_none")]
        particulars: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        budget_category: Option<String>,
        id: String,
    }
    #[derive(Serialize)]
    struct CreatePaymentResponse {
        payment: Payment,
    }
    let payment = Payment {
        salary_package_id: request.salary_package_id,
        amount: request.amount,
        gst_amount: request.gst_amount,
        particulars: request.particulars,
        budget_category: request.budget_category,
        id: guid(),
    };
    Json(CreatePaymentResponse { payment }).into_response()
}

/// `FinancePaymentResponse` (ServiceStack, snake_case as on its page, nulls omitted).
fn finance_payment_log(request: FinancePaymentLogRequest) -> Response {
    #[derive(Serialize)]
    struct FinancePaymentResponse {
        #[serde(rename = "paymentUUID")]
        payment_uuid: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        order_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        external_payment_id: Option<i32>,
        added_date: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        regent_id: Option<i32>,
        uuid: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        amount: Option<Money>,
        #[serde(skip_serializing_if = "Option::is_none")]
        payment_type: Option<String>,
        is_pushed_to_gl: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        current_status: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        current_status_date: Option<DateTime>,
    }
    let uuid = uuid::Uuid::new_v4().hyphenated().to_string();
    Json(FinancePaymentResponse {
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
    })
    .into_response()
}
