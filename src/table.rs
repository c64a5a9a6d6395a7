//! The rule tables: what `#[dto]` compiles each DTO declaration into, and what the one engine reads.
//!
//! A DTO is data here: its name, framework, route, and per field its wire, C# and display names,
//! its kind and its rules with their parameters. Nothing in this module runs a rule; `engine.rs`
//! judges input against these tables and `wording.rs` words what it finds.

/// A DTO's table: everything payrules knows about it, made once at compile time.
#[derive(Debug, PartialEq)]
pub struct DtoTable {
    /// The DTO's name as the JS API spells it (`OnceOffPaymentRequest`).
    pub name: &'static str,
    pub framework: Framework,
    /// The path its API is posted to (`/onceoffpayment`).
    pub route: &'static str,
    /// Whether its API page lists form bodies (`multipart/form-data`, urlencoded) besides JSON.
    pub forms: bool,
    /// The fields in declaration order, which is the order errors are reported in.
    pub fields: &'static [Field],
}

impl DtoTable {
    /// The index of the field whose wire name is `name` (exactly), if any.
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// Whether judging field `index` reads the text of a string given for it: a field that is
    /// not a string (the text is parsed), one of its own rules reads, or another field's rule
    /// compares with. A string field whose rules only ask whether it has a value needs no text
    /// (the wasm reader then copies only that there is a string); neither does a key that
    /// names no field (`None`).
    pub fn needs_text(&self, index: Option<usize>) -> bool {
        let Some(field) = index.and_then(|index| self.fields.get(index)) else {
            return false;
        };
        let compared = self.fields.iter().flat_map(|f| f.rules).any(
            |rule| matches!(rule, Rule::CompareField(_, other) if index == Some(usize::from(*other))),
        );
        field.kind != Kind::String || field.reads_value() || compared
    }

    /// Whether a string given for field `index` can change no verdict: a string field with no
    /// rule that no other field's rule compares with (any string converts to it, and having one
    /// or none is alike), or a key that names no field (`None`). The wasm reader then leaves
    /// such an entry out of its copy.
    pub fn ignores_strings(&self, index: Option<usize>) -> bool {
        !self.needs_text(index)
            && index
                .and_then(|index| self.fields.get(index))
                .is_none_or(|field| !field.is_required())
    }
}

/// The server framework behind an API: it decides the codes and wording of messages and the error body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// ServiceStack with FluentValidation: `responseStatus` bodies, `'First Name' must not be empty.`
    ServiceStack,
    /// ASP.NET Web API 2 with DataAnnotations: `ModelState` bodies, `The accountCode field is required.`
    WebApi,
}

impl Framework {
    pub const ALL: [Framework; 2] = [Framework::ServiceStack, Framework::WebApi];

    pub const fn as_str(self) -> &'static str {
        match self {
            Framework::ServiceStack => "ServiceStack",
            Framework::WebApi => "WebApi",
        }
    }
}

/// One field of a DTO, in declaration order.
#[derive(Debug, PartialEq)]
pub struct Field {
    /// The canonical wire name: what errors carry in `field` (`FirstName`, `gstAmount`).
    pub name: &'static str,
    /// The C# property name: ServiceStack's `fieldName`, Web API's `ModelState` key.
    pub csharp: &'static str,
    /// The name messages use: FluentValidation's `SplitPascalCase` of the C# name
    /// (`First Name`), or the C# name as declared for Web API.
    pub label: &'static str,
    pub kind: Kind,
    /// The field's rules, in the order declared (and judged).
    pub rules: &'static [Rule],
}

impl Field {
    /// Whether one of its rules needs this field's value, not only whether it has one.
    pub fn reads_value(&self) -> bool {
        self.rules
            .iter()
            .any(|rule| !matches!(rule, Rule::Required))
    }

    pub fn is_required(&self) -> bool {
        self.rules.iter().any(|rule| matches!(rule, Rule::Required))
    }
}

/// The type of a field, as binding converts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Int32,
    /// A `double` or `decimal` amount; see [`Money`](crate::Money).
    Money,
    Bool,
    DateTime,
    /// `Dictionary<string, string>`.
    Map,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::String,
        Kind::Int32,
        Kind::Money,
        Kind::Bool,
        Kind::DateTime,
        Kind::Map,
    ];

    /// Int32 or money: what comparisons apply to.
    pub const fn is_number(self) -> bool {
        matches!(self, Kind::Int32 | Kind::Money)
    }

    /// The name `describe` gives it (`string`, `int32`, `money`, `bool`, `datetime`, `map`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Int32 => "int32",
            Kind::Money => "money",
            Kind::Bool => "bool",
            Kind::DateTime => "datetime",
            Kind::Map => "map",
        }
    }
}

/// One rule of a field, with its parameters. Each is a module of `src/rules/`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// The field must have a value (`required`).
    Required,
    /// A string must not be empty or whitespace only (DataAnnotations' `[Required]` on text).
    NotBlank,
    /// At most this many UTF-16 code units.
    MaxLength(u32),
    /// FluentValidation's default e-mail rule: exactly one `@`, neither first nor last.
    Email,
    /// An absolute `http`/`https` URL safe to render as a link.
    Url,
    /// A `decimal(precision, scale)` column: at most `precision - scale` integer digits and
    /// `scale` decimals.
    Decimal { precision: u8, scale: u8 },
    /// The value compared with a constant.
    Compare(Op, f64),
    /// The value compared with another field's value (by index); skipped when either side
    /// has no valid value.
    CompareField(Op, u16),
    /// The value between two bounds, both included or both excluded.
    Between { min: f64, max: f64, exclusive: bool },
}

/// A comparison, value against bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

impl Op {
    pub fn holds(self, value: f64, bound: f64) -> bool {
        match self {
            Op::GreaterThan => value > bound,
            Op::GreaterThanOrEqual => value >= bound,
            Op::LessThan => value < bound,
            Op::LessThanOrEqual => value <= bound,
        }
    }
}

/// What a broken rule or a failed conversion is, as messages word it: one code and one
/// template per framework (`wording.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Violation {
    Required,
    NotBlank,
    MaxLength,
    Email,
    Url,
    Decimal,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    InclusiveBetween,
    ExclusiveBetween,
    /// A value that cannot be the field's type.
    TypeMismatch,
    /// A string that is not a valid date.
    Date,
}

impl Violation {
    pub const COUNT: usize = 14;
    pub const ALL: [Violation; Violation::COUNT] = [
        Violation::Required,
        Violation::NotBlank,
        Violation::MaxLength,
        Violation::Email,
        Violation::Url,
        Violation::Decimal,
        Violation::GreaterThan,
        Violation::GreaterThanOrEqual,
        Violation::LessThan,
        Violation::LessThanOrEqual,
        Violation::InclusiveBetween,
        Violation::ExclusiveBetween,
        Violation::TypeMismatch,
        Violation::Date,
    ];

    /// The placeholders a violation fills for its message (besides `PropertyName`, which every
    /// message may use).
    pub const fn placeholders(self) -> &'static [Placeholder] {
        use Placeholder::*;
        match self {
            Violation::Required
            | Violation::NotBlank
            | Violation::Email
            | Violation::Url
            | Violation::Date => &[],
            Violation::MaxLength => &[MaxLength, TotalLength],
            Violation::Decimal => &[
                ExpectedPrecision,
                ExpectedScale,
                IntegerDigits,
                Digits,
                ActualScale,
            ],
            Violation::GreaterThan
            | Violation::GreaterThanOrEqual
            | Violation::LessThan
            | Violation::LessThanOrEqual => &[ComparisonValue],
            Violation::InclusiveBetween | Violation::ExclusiveBetween => &[From, To, PropertyValue],
            Violation::TypeMismatch => &[ExpectedType],
        }
    }
}

impl Rule {
    /// Whether the rule judges values of `kind`.
    pub const fn applies_to(self, kind: Kind) -> bool {
        match self {
            Rule::Required => true,
            Rule::NotBlank | Rule::MaxLength(_) | Rule::Email | Rule::Url => {
                matches!(kind, Kind::String)
            }
            Rule::Decimal { .. } => matches!(kind, Kind::Money),
            Rule::Compare(..) | Rule::CompareField(..) | Rule::Between { .. } => kind.is_number(),
        }
    }

    /// The violation this rule reports when broken.
    pub const fn violation(self) -> Violation {
        match self {
            Rule::Required => Violation::Required,
            Rule::NotBlank => Violation::NotBlank,
            Rule::MaxLength(_) => Violation::MaxLength,
            Rule::Email => Violation::Email,
            Rule::Url => Violation::Url,
            Rule::Decimal { .. } => Violation::Decimal,
            Rule::Compare(op, _) | Rule::CompareField(op, _) => match op {
                Op::GreaterThan => Violation::GreaterThan,
                Op::GreaterThanOrEqual => Violation::GreaterThanOrEqual,
                Op::LessThan => Violation::LessThan,
                Op::LessThanOrEqual => Violation::LessThanOrEqual,
            },
            Rule::Between {
                exclusive: false, ..
            } => Violation::InclusiveBetween,
            Rule::Between {
                exclusive: true, ..
            } => Violation::ExclusiveBetween,
        }
    }
}

/// A message placeholder, named as FluentValidation names it (`{ComparisonValue}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholder {
    PropertyName,
    PropertyValue,
    MaxLength,
    TotalLength,
    ExpectedPrecision,
    ExpectedScale,
    IntegerDigits,
    Digits,
    ActualScale,
    ComparisonValue,
    From,
    To,
    ExpectedType,
}

impl Placeholder {
    /// Every placeholder (`named` knows each by its name: a test holds the two together).
    pub const ALL: [Placeholder; 13] = [
        Placeholder::PropertyName,
        Placeholder::PropertyValue,
        Placeholder::MaxLength,
        Placeholder::TotalLength,
        Placeholder::ExpectedPrecision,
        Placeholder::ExpectedScale,
        Placeholder::IntegerDigits,
        Placeholder::Digits,
        Placeholder::ActualScale,
        Placeholder::ComparisonValue,
        Placeholder::From,
        Placeholder::To,
        Placeholder::ExpectedType,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Placeholder::PropertyName => "PropertyName",
            Placeholder::PropertyValue => "PropertyValue",
            Placeholder::MaxLength => "MaxLength",
            Placeholder::TotalLength => "TotalLength",
            Placeholder::ExpectedPrecision => "ExpectedPrecision",
            Placeholder::ExpectedScale => "ExpectedScale",
            Placeholder::IntegerDigits => "IntegerDigits",
            Placeholder::Digits => "Digits",
            Placeholder::ActualScale => "ActualScale",
            Placeholder::ComparisonValue => "ComparisonValue",
            Placeholder::From => "From",
            Placeholder::To => "To",
            Placeholder::ExpectedType => "ExpectedType",
        }
    }

    /// The placeholder named `name`.
    pub fn named(name: &str) -> Option<Placeholder> {
        // A match, not a search of `ALL`: messages are rendered on the path of every error.
        Some(match name {
            "PropertyName" => Placeholder::PropertyName,
            "PropertyValue" => Placeholder::PropertyValue,
            "MaxLength" => Placeholder::MaxLength,
            "TotalLength" => Placeholder::TotalLength,
            "ExpectedPrecision" => Placeholder::ExpectedPrecision,
            "ExpectedScale" => Placeholder::ExpectedScale,
            "IntegerDigits" => Placeholder::IntegerDigits,
            "Digits" => Placeholder::Digits,
            "ActualScale" => Placeholder::ActualScale,
            "ComparisonValue" => Placeholder::ComparisonValue,
            "From" => Placeholder::From,
            "To" => Placeholder::To,
            "ExpectedType" => Placeholder::ExpectedType,
            _ => return None,
        })
    }
}

/// Compile-time check the `#[dto]` macro emits for every rule: the code `validator`'s derive
/// gives the rule (declared with `code = ..`, or the rule's own) must be the code payrules
/// reports for it in the DTO's framework, so `Validate` users and payrules agree.
pub const fn expect_code(framework: Framework, violation: Violation, validator_code: &str) {
    let code = crate::wording::code(framework, violation);
    if !str_eq(code, validator_code) {
        panic!("a rule's `code` differs from the code its framework reports for it (see src/wording.rs): declare the framework's code with `code = \"…\"`");
    }
}

/// Compile-time check the `#[dto]` macro emits for every rule: it applies to the field's kind.
pub const fn expect_applies(rule: Rule, kind: Kind) {
    if !rule.applies_to(kind) {
        panic!("this rule does not apply to a field of this type (see Rule::applies_to in src/table.rs)");
    }
}

/// Compile-time check that a cross-field rule compares two number fields.
pub const fn expect_comparable(left: Kind, right: Kind) {
    if !left.is_number() || !right.is_number() {
        panic!("a cross-field comparison needs two number fields (int32 or money)");
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Small tables for unit tests.
#[cfg(test)]
pub(crate) mod test_tables {
    use super::{DtoTable, Field, Framework, Kind};

    /// A ServiceStack DTO `Test` at `/test` with `fields`.
    pub(crate) const fn table(fields: &'static [Field]) -> DtoTable {
        DtoTable {
            name: "Test",
            framework: Framework::ServiceStack,
            route: "/test",
            forms: false,
            fields,
        }
    }

    /// A field without rules, every name of it `name`.
    pub(crate) const fn field(name: &'static str, kind: Kind) -> Field {
        Field {
            name,
            csharp: name,
            label: name,
            kind,
            rules: &[],
        }
    }
}
