//! The outcome of validation: the wire types `ValidationResult` / `FieldError`, and `Report`, every error of one request.

use crate::alloc_prelude::*;

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::body::ServerBody;
use crate::DtoName;

/// One error: the field's canonical wire name (`""` for the request as a whole), a stable
/// code, and the message in the words of the API's server framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// What `validate` returns on both sides: `valid` is true exactly when `errors` is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationResult {
    pub valid: bool,
    pub errors: Vec<FieldError>,
}

impl ValidationResult {
    pub fn ok() -> ValidationResult {
        ValidationResult {
            valid: true,
            errors: Vec::new(),
        }
    }
}

/// Every error of one request to one DTO, in field order (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub(crate) dto: DtoName,
    pub(crate) errors: Vec<FieldError>,
}

impl Report {
    pub fn dto(&self) -> DtoName {
        self.dto
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The 400 body this DTO's server answers with: ServiceStack's `responseStatus` or Web
    /// API's `ModelState`. Serialize it with `serde_json`.
    pub fn server_body(&self) -> ServerBody {
        ServerBody::new(self.dto, &self.errors)
    }

    pub fn into_result(self) -> ValidationResult {
        ValidationResult {
            valid: false,
            errors: self.errors,
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}:", self.dto)?;
        for error in &self.errors {
            write!(f, " [{}] {} {}", error.field, error.code, error.message)?;
        }
        Ok(())
    }
}

impl core::error::Error for Report {}
