//! The rules `validator` has no built-in for, or words differently from the spec: one module per rule.
//!
//! Every rule has the same shape: `fn rule<E: RuleError>(value: &T) -> Result<(), E>`, the
//! error carrying the framework's code and the placeholders its message needs (see `messages.rs`).
//! `E` is [`Violation`] on payrules' own path (no maps, no JSON values: what the hot path and
//! the wasm module carry) and `validator::ValidationError` under `validator`'s derive, so one
//! rule function serves both.

use std::borrow::Cow;

use validator::ValidationError;

/// A message placeholder's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Int(i64),
    Text(Cow<'static, str>),
}

impl From<u32> for Param {
    fn from(n: u32) -> Param {
        Param::Int(i64::from(n))
    }
}

impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Int(n)
    }
}

impl From<usize> for Param {
    fn from(n: usize) -> Param {
        Param::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&'static str> for Param {
    fn from(text: &'static str) -> Param {
        Param::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Param {
    fn from(text: String) -> Param {
        Param::Text(Cow::Owned(text))
    }
}

/// A broken rule: its code and the placeholders its message needs, in the order set.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    pub code: Cow<'static, str>,
    pub params: Vec<(&'static str, Param)>,
}

impl Violation {
    /// The placeholder `name`, if set.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, p)| p)
    }
}

/// What a broken rule returns: [`Violation`] or `validator::ValidationError`.
pub trait RuleError: Sized {
    fn new(code: &'static str) -> Self;
    /// Sets the placeholder `name`.
    fn with(self, name: &'static str, value: impl Into<Param>) -> Self;
}

impl RuleError for Violation {
    fn new(code: &'static str) -> Violation {
        Violation {
            code: Cow::Borrowed(code),
            params: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<Param>) -> Violation {
        self.params.push((name, value.into()));
        self
    }
}

impl RuleError for ValidationError {
    fn new(code: &'static str) -> ValidationError {
        ValidationError::new(code)
    }

    /// (Not `ValidationError::add_param`: its `to_value(..).unwrap()` would link serde_json's
    /// error texts in.)
    fn with(mut self, name: &'static str, value: impl Into<Param>) -> ValidationError {
        let value = match value.into() {
            Param::Int(n) => serde_json::Value::from(n),
            Param::Text(text) => serde_json::Value::from(text.into_owned()),
        };
        self.params.insert(Cow::Borrowed(name), value);
        self
    }
}

/// `result` as payrules' own path sees it (pins a generic rule's error type to [`Violation`]).
pub(crate) fn violated(result: Result<(), Violation>) -> Result<(), Violation> {
    result
}

/// A `validator` error as a [`Violation`]: its code and the placeholders messages use.
pub(crate) fn violation_of(error: ValidationError) -> Violation {
    const PLACEHOLDERS: [&str; 9] = [
        "Digits",
        "ActualScale",
        "ComparisonValue",
        "field",
        "min",
        "max",
        "exclusive_min",
        "exclusive_max",
        "actual",
    ];
    let params = PLACEHOLDERS
        .iter()
        .filter_map(|&name| {
            let value = match error.params.get(name)? {
                serde_json::Value::String(text) => Param::Text(Cow::Owned(text.clone())),
                value => Param::Int(value.as_i64()?),
            };
            Some((name, value))
        })
        .collect();
    Violation {
        code: error.code,
        params,
    }
}

pub mod compare;
pub mod email;
pub mod length;
pub mod money;
pub mod required;
pub mod url;

#[cfg(test)]
mod test_util {
    use super::Violation;

    #[track_caller]
    pub(crate) fn check_ok<T: ?Sized + std::fmt::Debug>(
        rule: fn(&T) -> Result<(), Violation>,
        cases: &[&T],
    ) {
        for value in cases {
            assert_eq!(rule(value), Ok(()), "expected {value:?} to pass");
        }
    }

    #[track_caller]
    pub(crate) fn check_fail<T: ?Sized + std::fmt::Debug>(
        rule: fn(&T) -> Result<(), Violation>,
        code: &str,
        cases: &[&T],
    ) {
        for value in cases {
            let err = rule(value).expect_err(&format!("expected {value:?} to fail"));
            assert_eq!(err.code, code, "code for {value:?}");
        }
    }
}
