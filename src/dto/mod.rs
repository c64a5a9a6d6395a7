//! The DTOs: the registry (one line per DTO, in `for_each_dto!`), and what a DTO is to the rest of the crate.
//!
//! A DTO is its file here — a struct under `#[dto(..)]` with its `#[validate]` rules — plus
//! its line in the registry. Everything else follows from the registry: `DtoName` and its
//! list, dispatch, the tables the engine reads, the wasm exports' names, the server's routes,
//! the tests' vectors (`tests/vectors/<module>.json`).

use alloc::borrow::Cow;
use core::fmt;
use core::str::FromStr;

use serde::Serialize;

use crate::alloc_prelude::*;
use crate::bind::Value;
use crate::engine::Converted;
use crate::input::Input;
use crate::table::{DtoTable, Kind};
use crate::types::{DateTime, Money, StringMap};

/// The registry: calls `$callback!` with every DTO as `module::Name`, in the order `dtoNames()`
/// lists them. Adding a DTO is one line here and its file `src/dto/<module>.rs`.
#[macro_export]
macro_rules! for_each_dto {
    ($callback:ident) => {
        $callback! {
            once_off_payment::OnceOffPaymentRequest,
            create_payment::CreatePaymentRequest,
            record_payment::RecordPaymentBindingModel,
            finance_payment_log::FinancePaymentLogRequest,
        }
    };
}

/// What a DTO file needs: the `#[dto]` macro, the field types and `rules`, the rule functions
/// `validator`'s derive calls (`custom(function = rules::email)`).
pub(crate) mod prelude {
    pub(crate) use crate::alloc_prelude::*;
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) use crate::rules::for_validator as rules;
    pub(crate) use crate::types::{DateTime, Money, StringMap};
    pub(crate) use payrules_derive::dto;
}

macro_rules! declare {
    ($($module:ident :: $name:ident),* $(,)?) => {
        $(
            mod $module;
            pub use $module::$name;
        )*

        /// The name of a registered DTO, as the JS API spells it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum DtoName {
            $($name,)*
        }

        impl DtoName {
            /// Every DTO, in registry order.
            pub const ALL: &'static [DtoName] = &[$(DtoName::$name,)*];

            /// The DTO's rule table.
            pub const fn table(self) -> &'static DtoTable {
                match self {
                    $(DtoName::$name => <$name as Dto>::TABLE,)*
                }
            }

            /// Its file under `src/dto/` (and `tests/vectors/`), without `.rs`.
            pub const fn module(self) -> &'static str {
                match self {
                    $(DtoName::$name => stringify!($module),)*
                }
            }
        }

        /// A valid request of any DTO, as its typed struct; serializes as that struct does.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        #[serde(untagged)]
        pub enum AnyDto {
            $($name($name),)*
        }

        impl AnyDto {
            pub(crate) fn own(dto: DtoName, values: &[Converted<'_>]) -> AnyDto {
                match dto {
                    $(DtoName::$name => AnyDto::$name(<$name as sealed::Owned>::own(values)),)*
                }
            }

            pub fn dto(&self) -> DtoName {
                match self {
                    $(AnyDto::$name(_) => DtoName::$name,)*
                }
            }
        }
    };
}

for_each_dto!(declare);

/// A request DTO: its name and its rule table (both made by `#[dto]`).
pub trait Dto: sealed::Owned + Serialize + Sized + 'static {
    const NAME: DtoName;
    const TABLE: &'static DtoTable;
}

pub(crate) mod sealed {
    use crate::alloc_prelude::*;
    use crate::engine::Converted;

    /// The owned struct to and from the engine's values (made by `#[dto]`).
    pub trait Owned {
        /// The struct from the converted values of a valid request, by field index.
        fn own(values: &[Converted<'_>]) -> Self;
        /// Each field's value, by field index (for `check`).
        fn values(&self) -> Vec<Converted<'_>>;
    }
}

/// A Rust type a DTO field can hold (as `Option<T>`): how it comes from a converted value and
/// goes back to one.
pub trait FieldType: Sized {
    const KIND: Kind;
    fn own(value: &Value<'_>) -> Option<Self>;
    fn value(&self) -> Value<'_>;
}

macro_rules! copy_field_type {
    ($ty:ty, $kind:ident) => {
        impl FieldType for $ty {
            const KIND: Kind = Kind::$kind;
            fn own(value: &Value<'_>) -> Option<$ty> {
                match value {
                    Value::$kind(v) => Some(*v),
                    _ => None,
                }
            }
            fn value(&self) -> Value<'_> {
                Value::$kind(*self)
            }
        }
    };
}
copy_field_type!(i32, Int32);
copy_field_type!(Money, Money);
copy_field_type!(bool, Bool);
copy_field_type!(DateTime, DateTime);

impl FieldType for String {
    const KIND: Kind = Kind::String;
    fn own(value: &Value<'_>) -> Option<String> {
        match value {
            Value::Text(text) => Some(text.as_ref().to_owned()),
            _ => None,
        }
    }
    fn value(&self) -> Value<'_> {
        Value::Text(Cow::Borrowed(self))
    }
}

impl FieldType for StringMap {
    const KIND: Kind = Kind::Map;
    /// Entries as text: numbers as JavaScript writes them, booleans as `true`/`false`, null kept.
    fn own(value: &Value<'_>) -> Option<StringMap> {
        let Value::Map(entries) = value else {
            return None;
        };
        // A string field's conversion (`bind::to_string`); conversion let only finite numbers in.
        let text = |input: &Input<'_>| crate::bind::to_string(input).map(Cow::into_owned);
        Some(
            entries
                .iter()
                .map(|(key, input)| (key.as_ref().to_owned(), text(input)))
                .collect(),
        )
    }
    /// No rule reads a map's entries, so none are passed.
    fn value(&self) -> Value<'_> {
        Value::Map(&[])
    }
}

/// The value of an `Option<T>` field of an owned DTO, as the engine sees it.
pub(crate) fn converted<T: FieldType>(field: &Option<T>) -> Converted<'_> {
    Ok(field.as_ref().map(T::value))
}

/// An `Option<T>` field of an owned DTO from its converted value.
pub(crate) fn owned<T: FieldType>(value: Option<&Converted<'_>>) -> Option<T> {
    match value {
        Some(Ok(Some(value))) => T::own(value),
        _ => None,
    }
}

impl DtoName {
    /// The DTO's name as the JS API spells it.
    pub const fn as_str(self) -> &'static str {
        self.table().name
    }

    pub const fn framework(self) -> crate::table::Framework {
        self.table().framework
    }

    pub const fn fields(self) -> &'static [crate::table::Field] {
        self.table().fields
    }

    /// The DTO whose table is `table`.
    pub fn of(table: &DtoTable) -> Option<DtoName> {
        DtoName::ALL
            .iter()
            .copied()
            .find(|dto| core::ptr::eq(dto.table(), table))
    }
}

impl fmt::Display for DtoName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown DTO name; its message lists the known ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDto(pub String);

impl UnknownDto {
    /// `unknown DTO "X"; known DTOs: A, B` (or, for a name that is not text, that it must be).
    pub(crate) fn message(name: Option<&str>) -> String {
        let mut message = String::new();
        match name {
            Some(name) => {
                message.push_str("unknown DTO ");
                push_quoted(&mut message, name);
            }
            None => message.push_str("a DTO name is a string"),
        }
        message.push_str("; known DTOs: ");
        for (i, dto) in DtoName::ALL.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push_str(dto.as_str());
        }
        message
    }
}

impl fmt::Display for UnknownDto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&UnknownDto::message(Some(&self.0)))
    }
}

/// Writes `text` in double quotes, `"` and `\\` escaped.
pub(crate) fn push_quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

impl core::error::Error for UnknownDto {}

impl FromStr for DtoName {
    type Err = UnknownDto;

    fn from_str(name: &str) -> Result<DtoName, UnknownDto> {
        DtoName::ALL
            .iter()
            .copied()
            .find(|d| d.as_str() == name)
            .ok_or_else(|| UnknownDto(name.to_owned()))
    }
}
