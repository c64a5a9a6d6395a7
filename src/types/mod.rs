//! The value types of DTO fields that Rust has no exact word for: money, .NET `DateTime`, string maps.

use crate::alloc_prelude::*;

mod date_time;
mod money;

pub use date_time::DateTime;
pub use money::Money;

/// A .NET `Dictionary<string, string>`: keys to text, `None` where the input held `null`.
pub type StringMap = alloc::collections::BTreeMap<String, Option<String>>;
