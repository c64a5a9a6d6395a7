//! The four payment DTOs, the `dto!` macro that declares them, and the field tables binding reads.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use validator::Validate;

use crate::bind::Value;
use crate::types::{DateTime, Money, StringMap};

mod create_payment;
mod finance_payment_log;
mod once_off_payment;
mod record_payment;

pub use create_payment::CreatePaymentRequest;
pub use finance_payment_log::FinancePaymentLogRequest;
pub use once_off_payment::OnceOffPaymentRequest;
pub use record_payment::RecordPaymentBindingModel;

/// The server framework behind an API: it decides the wording of messages and the error body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// ServiceStack with FluentValidation: `responseStatus` bodies, `'First Name' must not be empty.`
    ServiceStack,
    /// ASP.NET Web API 2 with DataAnnotations: `ModelState` bodies, `The accountCode field is required.`
    WebApi,
}

/// The type of a field, as binding converts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Int32,
    /// A `double` or `decimal` amount; see [`Money`].
    Money,
    Bool,
    DateTime,
    /// `Dictionary<string, string>`.
    Map,
}

/// One field of a DTO, in declaration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The canonical wire name: what errors carry in `field` (`FirstName`, `gstAmount`).
    pub name: &'static str,
    /// The C# property name: ServiceStack's `fieldName` and the source of display names.
    pub csharp: &'static str,
    /// The Rust field name (the key of `validator`'s errors).
    pub rust: &'static str,
    pub kind: Kind,
}

/// A request DTO: its name, framework, fields and rules.
pub trait Dto: Validate + Sized + sealed::Bound {
    const NAME: DtoName;
    const FRAMEWORK: Framework;
    /// The fields in declaration order, which is the order errors are reported in.
    const FIELDS: &'static [Field];
}

pub(crate) mod sealed {
    use super::Value;

    /// The link between a DTO and its view: the same fields and rules, borrowing its text
    /// from the input, so validation copies nothing and only a valid request is made owned.
    pub trait Bound {
        type View<'a>: validator::Validate;
        /// Builds the view from converted field values, in field order.
        fn view(values: Vec<Value<'_>>) -> Self::View<'_>;
        fn own(view: Self::View<'_>) -> Self;
    }
}

/// A map field's value while borrowed from the input: entries in input order, no repeats.
pub type MapView<'a> = Vec<(Cow<'a, str>, Option<Cow<'a, str>>)>;

/// A Rust type a DTO field can hold, and the type its view holds instead.
pub trait FieldType: Sized {
    const KIND: Kind;
    type View<'a>;
    fn view(value: Value<'_>) -> Option<Self::View<'_>>;
    fn own(view: Self::View<'_>) -> Self;
}

macro_rules! copy_field_type {
    ($ty:ty, $kind:ident) => {
        impl FieldType for $ty {
            const KIND: Kind = Kind::$kind;
            type View<'a> = $ty;
            fn view(value: Value<'_>) -> Option<$ty> {
                match value {
                    Value::$kind(v) => Some(v),
                    _ => None,
                }
            }
            fn own(view: $ty) -> $ty {
                view
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
    type View<'a> = Cow<'a, str>;
    fn view(value: Value<'_>) -> Option<Cow<'_, str>> {
        match value {
            Value::String(v) => Some(v),
            _ => None,
        }
    }
    fn own(view: Cow<'_, str>) -> String {
        view.into_owned()
    }
}

impl FieldType for StringMap {
    const KIND: Kind = Kind::Map;
    type View<'a> = MapView<'a>;
    fn view(value: Value<'_>) -> Option<MapView<'_>> {
        match value {
            Value::Map(v) => Some(v),
            _ => None,
        }
    }
    fn own(view: MapView<'_>) -> StringMap {
        view.into_iter()
            .map(|(k, v)| (k.into_owned(), v.map(Cow::into_owned)))
            .collect()
    }
}

/// Declares a DTO: a struct of `Option` fields carrying their `validator` rules, its borrowed
/// view (`view::Name<'a>`, the same fields and the same rules), and the field table binding
/// uses. Each field reads `rust_name: Type = ("wireName", "CSharpName")`.
macro_rules! dto {
    (
        $(#[$struct_attr:meta])*
        pub struct $name:ident for $framework:ident {
            $(
                $(#[$field_attr:meta])*
                $field:ident : $ty:ty = ($wire:literal, $csharp:literal),
            )*
        }
    ) => {
        #[derive(Debug, Clone, Default, PartialEq, ::validator::Validate, ::serde::Serialize)]
        $(#[$struct_attr])*
        pub struct $name {
            $(
                $(#[$field_attr])*
                #[serde(rename = $wire)]
                pub $field: Option<$ty>,
            )*
        }

        pub(crate) mod view {
            #[allow(unused_imports)]
            use super::*;

            /// The DTO borrowing its text from the input; see [`Bound`]($crate::dto::sealed::Bound).
            #[derive(::validator::Validate, ::serde::Serialize)]
            $(#[$struct_attr])*
            pub struct $name<'a> {
                $(
                    $(#[$field_attr])*
                    pub $field: Option<<$ty as $crate::dto::FieldType>::View<'a>>,
                )*
            }
        }

        impl $crate::dto::Dto for $name {
            const NAME: $crate::dto::DtoName = $crate::dto::DtoName::$name;
            const FRAMEWORK: $crate::dto::Framework = $crate::dto::Framework::$framework;
            const FIELDS: &'static [$crate::dto::Field] = &[$(
                $crate::dto::Field {
                    name: $wire,
                    csharp: $csharp,
                    rust: stringify!($field),
                    kind: <$ty as $crate::dto::FieldType>::KIND,
                },
            )*];
        }

        impl $crate::dto::sealed::Bound for $name {
            type View<'a> = view::$name<'a>;

            fn view(values: Vec<$crate::bind::Value<'_>>) -> view::$name<'_> {
                let mut values = values.into_iter();
                view::$name {
                    $($field: values.next().and_then(<$ty as $crate::dto::FieldType>::view),)*
                }
            }

            fn own(view: view::$name<'_>) -> $name {
                $name {
                    $($field: view.$field.map(<$ty as $crate::dto::FieldType>::own),)*
                }
            }
        }
    };
}
pub(crate) use dto;

/// The name of one of the four DTOs, as the JS API spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DtoName {
    OnceOffPaymentRequest,
    CreatePaymentRequest,
    RecordPaymentBindingModel,
    FinancePaymentLogRequest,
}

impl DtoName {
    /// Every DTO, in the spec's order.
    pub const ALL: [DtoName; 4] = [
        DtoName::OnceOffPaymentRequest,
        DtoName::CreatePaymentRequest,
        DtoName::RecordPaymentBindingModel,
        DtoName::FinancePaymentLogRequest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DtoName::OnceOffPaymentRequest => "OnceOffPaymentRequest",
            DtoName::CreatePaymentRequest => "CreatePaymentRequest",
            DtoName::RecordPaymentBindingModel => "RecordPaymentBindingModel",
            DtoName::FinancePaymentLogRequest => "FinancePaymentLogRequest",
        }
    }

    pub fn framework(self) -> Framework {
        match self {
            DtoName::OnceOffPaymentRequest => OnceOffPaymentRequest::FRAMEWORK,
            DtoName::CreatePaymentRequest => CreatePaymentRequest::FRAMEWORK,
            DtoName::RecordPaymentBindingModel => RecordPaymentBindingModel::FRAMEWORK,
            DtoName::FinancePaymentLogRequest => FinancePaymentLogRequest::FRAMEWORK,
        }
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            DtoName::OnceOffPaymentRequest => OnceOffPaymentRequest::FIELDS,
            DtoName::CreatePaymentRequest => CreatePaymentRequest::FIELDS,
            DtoName::RecordPaymentBindingModel => RecordPaymentBindingModel::FIELDS,
            DtoName::FinancePaymentLogRequest => FinancePaymentLogRequest::FIELDS,
        }
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

impl fmt::Display for UnknownDto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = DtoName::ALL.iter().map(|d| d.as_str()).collect();
        write!(
            f,
            "unknown DTO {:?}; known DTOs: {}",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownDto {}

impl FromStr for DtoName {
    type Err = UnknownDto;

    fn from_str(name: &str) -> Result<DtoName, UnknownDto> {
        DtoName::ALL
            .into_iter()
            .find(|d| d.as_str() == name)
            .ok_or_else(|| UnknownDto(name.to_owned()))
    }
}
