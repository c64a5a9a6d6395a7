//! The rules `validator` has no built-in for, or words differently from the spec: one module per rule.
//!
//! Every rule has the same shape: `fn rule(value: &T) -> Result<(), ValidationError>`, the
//! error carrying the framework's code and the placeholders its message needs (see `messages.rs`).

use std::borrow::Cow;

use validator::ValidationError;

/// Sets a message placeholder of `error`. (Not `ValidationError::add_param`: its
/// `to_value(..).unwrap()` links serde_json's error texts into the wasm for nothing.)
pub(crate) fn param(
    error: &mut ValidationError,
    name: &'static str,
    value: impl Into<serde_json::Value>,
) {
    error.params.insert(Cow::Borrowed(name), value.into());
}

pub mod compare;
pub mod email;
pub mod length;
pub mod money;
pub mod required;
pub mod url;

#[cfg(test)]
mod test_util {
    use validator::ValidationError;

    #[track_caller]
    pub(crate) fn check_ok<T: ?Sized + std::fmt::Debug>(
        rule: fn(&T) -> Result<(), ValidationError>,
        cases: &[&T],
    ) {
        for value in cases {
            assert_eq!(rule(value), Ok(()), "expected {value:?} to pass");
        }
    }

    #[track_caller]
    pub(crate) fn check_fail<T: ?Sized + std::fmt::Debug>(
        rule: fn(&T) -> Result<(), ValidationError>,
        code: &str,
        cases: &[&T],
    ) {
        for value in cases {
            let err = rule(value).expect_err(&format!("expected {value:?} to fail"));
            assert_eq!(err.code, code, "code for {value:?}");
        }
    }
}
