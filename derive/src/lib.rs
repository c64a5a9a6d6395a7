//! `#[dto]`: compiles a DTO declaration — its fields, names, framework, route and `#[validate]` rules — into payrules' `'static` rule table, and derives the rest.
//!
//! ```text
//! #[dto(framework = ServiceStack, route = "/payments", wire = "camelCase", csharp = "PascalCase")]
//! pub struct CreatePaymentRequest {
//!     #[validate(required(code = "NotNull"), custom(function = rules::decimal::<18, 2>))]
//!     #[dto(less_than_or_equal = "amount")]
//!     pub gst_amount: Option<Money>,
//! }
//! ```
//!
//! The struct keeps its `#[validate]` attributes for `validator`'s derive (native builds), gets
//! `Serialize` under its wire names (a field with no value left out, as ServiceStack writes),
//! and `Dto` with its `TABLE`: per field its wire, C# and display names, its kind and its rules
//! as data. Every rule must be one payrules knows
//! (`required`, `range`, and the `custom` functions of `payrules::rules`), on a field of a kind
//! it applies to, with the code its framework reports; anything else is a compile error.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote, quote_spanned};
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Attribute, Fields, Ident, ItemStruct, LitStr, Type};

#[proc_macro_attribute]
pub fn dto(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = syn::parse_macro_input!(item as ItemStruct);
    match Options::parse(args.into()).and_then(|options| expand(options, item)) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Framework {
    ServiceStack,
    WebApi,
}

/// How names are made from Rust field names.
#[derive(Clone, Copy)]
enum Case {
    Pascal,
    Camel,
    Snake,
}

impl Case {
    fn parse(text: &LitStr) -> syn::Result<Case> {
        match text.value().as_str() {
            "PascalCase" => Ok(Case::Pascal),
            "camelCase" => Ok(Case::Camel),
            "snake_case" => Ok(Case::Snake),
            _ => Err(syn::Error::new(
                text.span(),
                "expected \"PascalCase\", \"camelCase\" or \"snake_case\"",
            )),
        }
    }

    fn apply(self, rust: &str) -> String {
        let pascal: String = rust
            .split('_')
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect();
        match self {
            Case::Snake => rust.to_owned(),
            Case::Pascal => pascal,
            Case::Camel => {
                let mut chars = pascal.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_lowercase().chain(chars).collect()
                })
            }
        }
    }
}

struct Options {
    framework: Framework,
    route: LitStr,
    forms: bool,
    wire: Case,
    csharp: Option<Case>,
}

impl Options {
    fn parse(args: Tokens) -> syn::Result<Options> {
        let mut framework = None;
        let mut route = None;
        let mut forms = false;
        let mut wire = None;
        let mut csharp = None;
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("framework") {
                let name: Ident = meta.value()?.parse()?;
                framework = Some(match name.to_string().as_str() {
                    "ServiceStack" => Framework::ServiceStack,
                    "WebApi" => Framework::WebApi,
                    _ => {
                        return Err(syn::Error::new(
                            name.span(),
                            "expected ServiceStack or WebApi",
                        ))
                    }
                });
            } else if meta.path.is_ident("route") {
                route = Some(meta.value()?.parse::<LitStr>()?);
            } else if meta.path.is_ident("forms") {
                forms = true;
            } else if meta.path.is_ident("wire") {
                wire = Some(Case::parse(&meta.value()?.parse()?)?);
            } else if meta.path.is_ident("csharp") {
                csharp = Some(Case::parse(&meta.value()?.parse()?)?);
            } else {
                return Err(meta.error("expected framework, route, forms, wire or csharp"));
            }
            Ok(())
        });
        parser.parse2(args)?;
        let missing = |what| syn::Error::new(Span::call_site(), format!("#[dto] needs `{what}`"));
        Ok(Options {
            framework: framework.ok_or_else(|| missing("framework = ServiceStack | WebApi"))?,
            route: route.ok_or_else(|| missing("route = \"/path\""))?,
            forms,
            wire: wire
                .ok_or_else(|| missing("wire = \"PascalCase\" | \"camelCase\" | \"snake_case\""))?,
            csharp,
        })
    }
}

/// One rule as declared, with the code `validator`'s derive gives it.
struct Rule {
    tokens: Tokens,
    validator_code: String,
    span: Span,
}

/// A cross-field comparison declared with `#[dto(less_than_or_equal = "other")]`.
struct Cross {
    op: Ident,
    other: LitStr,
}

struct Field {
    ident: Ident,
    ty: Type,
    inner: Type,
    wire: String,
    csharp: String,
    rules: Vec<Rule>,
    cross: Vec<Cross>,
    /// The field's attributes kept on the struct (docs and the like).
    kept: Vec<Attribute>,
    /// The `validate(..)` attributes, kept for `validator`'s derive (native builds only).
    validate: Vec<syn::Meta>,
}

fn expand(options: Options, item: ItemStruct) -> syn::Result<Tokens> {
    let Fields::Named(named) = &item.fields else {
        return Err(syn::Error::new(
            item.span(),
            "#[dto] needs a struct with named fields",
        ));
    };
    let mut fields = Vec::new();
    for field in &named.named {
        let read = read_field(&options, field)?;
        // Keys bind to fields ASCII case-insensitively: two such names would make a key ambiguous.
        if let Some(other) = fields
            .iter()
            .find(|f: &&Field| f.wire.eq_ignore_ascii_case(&read.wire))
        {
            return Err(syn::Error::new(
                field.span(),
                format!(
                    "#[dto]: the wire names `{}` and `{}` differ only in case; keys match names ASCII case-insensitively",
                    other.wire, read.wire
                ),
            ));
        }
        fields.push(read);
    }
    for attr in &item.attrs {
        if attr.path().is_ident("validate") || attr.path().is_ident("serde") {
            return Err(syn::Error::new(
                attr.span(),
                "#[dto] writes the struct's #[validate] and #[serde] attributes itself",
            ));
        }
    }

    let name = &item.ident;
    let name_text = name.to_string();
    let vis = &item.vis;
    let attrs = &item.attrs;
    let framework = match options.framework {
        Framework::ServiceStack => quote!(crate::table::Framework::ServiceStack),
        Framework::WebApi => quote!(crate::table::Framework::WebApi),
    };
    let route = &options.route;
    let forms = options.forms;

    let mut struct_fields = Vec::new();
    let mut table_fields = Vec::new();
    let mut checks = Vec::new();
    let mut cross_functions = Vec::new();
    let mut cross_attrs = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let Field {
            ident,
            ty,
            inner,
            wire,
            csharp,
            kept,
            validate,
            ..
        } = field;
        struct_fields.push(quote! {
            #(#kept)*
            #[serde(rename = #wire, skip_serializing_if = "Option::is_none")]
            #(#[cfg_attr(not(target_arch = "wasm32"), #validate)])*
            pub #ident: #ty,
        });
        let label = match options.framework {
            Framework::ServiceStack => split_pascal_case(csharp),
            Framework::WebApi => csharp.clone(),
        };
        let kind = quote!(<#inner as crate::dto::FieldType>::KIND);
        let mut rules: Vec<Tokens> = Vec::new();
        for rule in &field.rules {
            let tokens = &rule.tokens;
            let code = &rule.validator_code;
            checks.push(quote_spanned! {rule.span=>
                crate::table::expect_code(#framework, #tokens.violation(), #code);
                crate::table::expect_applies(#tokens, #kind);
            });
            rules.push(tokens.clone());
        }
        for (n, cross) in field.cross.iter().enumerate() {
            let other = fields
                .iter()
                .position(|f| f.ident == cross.other.value())
                .filter(|&other| other != index)
                .ok_or_else(|| {
                    syn::Error::new(cross.other.span(), "names no other field of this struct")
                })?;
            let other_index = u16::try_from(other)
                .map_err(|_| syn::Error::new(cross.other.span(), "too many fields"))?;
            let op = &cross.op;
            let rule =
                quote!(crate::table::Rule::CompareField(crate::table::Op::#op, #other_index));
            let other_field = &fields[other];
            let other_inner = &other_field.inner;
            let other_ident = &other_field.ident;
            checks.push(quote_spanned! {cross.other.span()=>
                crate::table::expect_comparable(#kind, <#other_inner as crate::dto::FieldType>::KIND);
            });
            rules.push(rule.clone());
            let function = format_ident!("cross_field_rule_{}_{}", ident, n);
            let path = format!("Self::{function}");
            cross_attrs.push(quote! {
                #[cfg_attr(not(target_arch = "wasm32"), validate(schema(function = #path, skip_on_field_errors = false)))]
            });
            let rust = ident.to_string();
            cross_functions.push(quote! {
                /// A cross-field rule, for `validator`'s derive (payrules judges it from the table).
                fn #function(&self) -> ::std::result::Result<(), ::validator::ValidationError> {
                    let number = |value: &::std::option::Option<_>| {
                        value.as_ref().and_then(|value| crate::dto::FieldType::value(value).number())
                    };
                    crate::rules::compare::cross_field(
                        crate::table::Op::#op,
                        crate::wording::code(#framework, #rule.violation()),
                        #rust,
                        number(&self.#ident),
                        number(&self.#other_ident),
                    )
                }
            });
        }
        table_fields.push(quote! {
            crate::table::Field {
                name: #wire,
                csharp: #csharp,
                label: #label,
                kind: #kind,
                rules: &[#(#rules),*],
            }
        });
    }
    let idents: Vec<&Ident> = fields.iter().map(|f| &f.ident).collect();
    let indices = 0..fields.len();
    let rust_names: Vec<String> = idents.iter().map(|i| i.to_string()).collect();

    Ok(quote! {
        #(#attrs)*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(::validator::Validate))]
        #(#cross_attrs)*
        #vis struct #name {
            #(#struct_fields)*
        }

        impl crate::dto::Dto for #name {
            const NAME: crate::dto::DtoName = crate::dto::DtoName::#name;
            const TABLE: &'static crate::table::DtoTable = &crate::table::DtoTable {
                name: #name_text,
                framework: #framework,
                route: #route,
                forms: #forms,
                fields: &[#(#table_fields),*],
            };
        }

        impl crate::dto::sealed::Owned for #name {
            fn own(values: &[crate::engine::Converted<'_>]) -> Self {
                #name {
                    #(#idents: crate::dto::owned(values.get(#indices)),)*
                }
            }

            fn values(&self) -> ::alloc::vec::Vec<crate::engine::Converted<'_>> {
                ::alloc::vec![#(crate::dto::converted(&self.#idents)),*]
            }
        }

        impl #name {
            /// The Rust names of the fields, by field index (the keys of `validator`'s errors).
            #[cfg(not(target_arch = "wasm32"))]
            #[allow(dead_code)]
            pub(crate) const RUST_NAMES: &'static [&'static str] = &[#(#rust_names),*];
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl #name {
            #(#cross_functions)*
        }

        const _: () = {
            #(#checks)*
        };
    })
}

fn read_field(options: &Options, field: &syn::Field) -> syn::Result<Field> {
    let ident = field
        .ident
        .clone()
        .ok_or_else(|| syn::Error::new(field.span(), "unnamed field"))?;
    let inner = option_inner(&field.ty).ok_or_else(|| {
        syn::Error::new(
            field.ty.span(),
            "a DTO field is an Option<T>: no value is a state every field has",
        )
    })?;
    let rust = ident.to_string();
    let mut wire = options.wire.apply(&rust);
    let mut csharp = None;
    let mut rules = Vec::new();
    let mut cross = Vec::new();
    let mut kept = Vec::new();
    let mut validate = Vec::new();
    for attr in &field.attrs {
        if attr.path().is_ident("validate") {
            rules.extend(read_rules(attr)?);
            validate.push(attr.meta.clone());
        } else if attr.path().is_ident("dto") {
            attr.parse_nested_meta(|meta| {
                let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
                let op = match key.as_str() {
                    "wire" => {
                        wire = meta.value()?.parse::<LitStr>()?.value();
                        return Ok(());
                    }
                    "csharp" => {
                        csharp = Some(meta.value()?.parse::<LitStr>()?.value());
                        return Ok(());
                    }
                    "greater_than" => "GreaterThan",
                    "greater_than_or_equal" => "GreaterThanOrEqual",
                    "less_than" => "LessThan",
                    "less_than_or_equal" => "LessThanOrEqual",
                    _ => return Err(meta.error("expected wire, csharp, or a comparison with another field (greater_than, greater_than_or_equal, less_than, less_than_or_equal)")),
                };
                cross.push(Cross {
                    op: Ident::new(op, meta.path.span()),
                    other: meta.value()?.parse()?,
                });
                Ok(())
            })?;
        } else if attr.path().is_ident("serde") {
            return Err(syn::Error::new(
                attr.span(),
                "#[dto] names fields itself: use #[dto(wire = \"..\")]",
            ));
        } else {
            kept.push(attr.clone());
        }
    }
    let csharp = csharp.unwrap_or_else(|| match options.csharp {
        Some(case) => case.apply(&rust),
        None => wire.clone(),
    });
    Ok(Field {
        ident,
        ty: field.ty.clone(),
        inner,
        wire,
        csharp,
        rules,
        cross,
        kept,
        validate,
    })
}

/// `T` of `Option<T>`.
fn option_inner(ty: &Type) -> Option<Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first()? {
        syn::GenericArgument::Type(inner) if arguments.args.len() == 1 => Some(inner.clone()),
        _ => None,
    }
}

/// The rules of one `#[validate(..)]` attribute, in the order written.
fn read_rules(attr: &Attribute) -> syn::Result<Vec<Rule>> {
    let mut rules = Vec::new();
    attr.parse_nested_meta(|rule| {
        let span = rule.path.span();
        let name = rule
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let mut code = None;
        let mut function: Option<syn::Path> = None;
        let mut bounds: Vec<(String, Tokens)> = Vec::new();
        if rule.input.peek(syn::token::Paren) {
            rule.parse_nested_meta(|arg| {
                let key = arg
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                match key.as_str() {
                    "code" => code = Some(arg.value()?.parse::<LitStr>()?.value()),
                    "function" => function = Some(arg.value()?.parse()?),
                    "min" | "max" | "exclusive_min" | "exclusive_max" => {
                        let expr: syn::Expr = arg.value()?.parse()?;
                        bounds.push((key, number(&expr)?));
                    }
                    _ => {
                        return Err(arg.error("payrules reads code, function and range bounds here"))
                    }
                }
                Ok(())
            })?;
        }
        let (tokens, default_code) = match name.as_str() {
            "required" => (quote!(crate::table::Rule::Required), "required"),
            "range" => (range_rule(&bounds, span)?, "range"),
            "custom" => {
                let function = function.ok_or_else(|| rule.error("custom needs function = .."))?;
                custom_rule(&function)?
            }
            _ => {
                return Err(rule
                    .error("payrules' rules are required, range and custom (see payrules::rules)"))
            }
        };
        rules.push(Rule {
            tokens,
            validator_code: code.unwrap_or_else(|| default_code.to_owned()),
            span,
        });
        Ok(())
    })?;
    Ok(rules)
}

/// A range bound literal (an integer or a float, maybe negative) as an `f64` literal.
fn number(expr: &syn::Expr) -> syn::Result<Tokens> {
    let (negative, literal) = match expr {
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => (true, &**expr),
        other => (false, other),
    };
    let value: f64 = match literal {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_parse::<i64>()? as f64,
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(float),
            ..
        }) => float.base10_parse()?,
        _ => {
            return Err(syn::Error::new(
                expr.span(),
                "payrules reads a number literal here",
            ))
        }
    };
    let value = if negative { -value } else { value };
    Ok(quote!(#value))
}

/// `range(..)` as a comparison (one bound) or a between (both, both inclusive or both exclusive).
fn range_rule(bounds: &[(String, Tokens)], span: Span) -> syn::Result<Tokens> {
    let get = |name: &str| {
        bounds
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let one = |op: &str, bound: Tokens| {
        let op = Ident::new(op, span);
        quote!(crate::table::Rule::Compare(crate::table::Op::#op, #bound))
    };
    Ok(
        match (
            get("min"),
            get("max"),
            get("exclusive_min"),
            get("exclusive_max"),
        ) {
            (Some(min), None, None, None) => one("GreaterThanOrEqual", min),
            (None, Some(max), None, None) => one("LessThanOrEqual", max),
            (None, None, Some(min), None) => one("GreaterThan", min),
            (None, None, None, Some(max)) => one("LessThan", max),
            (Some(min), Some(max), None, None) => {
                quote!(crate::table::Rule::Between { min: #min, max: #max, exclusive: false })
            }
            (None, None, Some(min), Some(max)) => {
                quote!(crate::table::Rule::Between { min: #min, max: #max, exclusive: true })
            }
            _ => {
                return Err(syn::Error::new(
                    span,
                    "payrules reads one bound, min and max, or exclusive_min and exclusive_max",
                ))
            }
        },
    )
}

/// A `custom(function = ..)` rule: one of payrules' rule functions, and the code it reports.
fn custom_rule(function: &syn::Path) -> syn::Result<(Tokens, &'static str)> {
    let error = || {
        syn::Error::new(
            function.span(),
            "payrules knows the rule functions rules::email, rules::http_url, rules::not_blank, rules::max_length::<N>, rules::decimal::<PRECISION, SCALE>, rules::greater_than_zero and rules::at_least_zero (src/rules/)",
        )
    };
    let [module, segment] = function.segments.iter().collect::<Vec<_>>()[..] else {
        return Err(error());
    };
    if module.ident != "rules" || !module.arguments.is_none() {
        return Err(error());
    }
    let arguments: Vec<Tokens> = match &segment.arguments {
        syn::PathArguments::None => Vec::new(),
        syn::PathArguments::AngleBracketed(list) => list
            .args
            .iter()
            .map(|arg| match arg {
                syn::GenericArgument::Const(syn::Expr::Lit(lit)) => Ok(quote!(#lit)),
                syn::GenericArgument::Type(Type::Path(path)) => Ok(quote!(#path)),
                _ => Err(syn::Error::new(arg.span(), "a number literal")),
            })
            .collect::<syn::Result<_>>()?,
        syn::PathArguments::Parenthesized(_) => return Err(error()),
    };
    let name = segment.ident.to_string();
    Ok(match (name.as_str(), arguments.as_slice()) {
        ("email", []) => (quote!(crate::table::Rule::Email), "Email"),
        ("http_url", []) => (quote!(crate::table::Rule::Url), "Url"),
        ("not_blank", []) => (quote!(crate::table::Rule::NotBlank), "NotEmpty"),
        ("max_length", [max]) => (quote!(crate::table::Rule::MaxLength(#max)), "MaxLength"),
        ("decimal", [precision, scale]) => (
            quote!(crate::table::Rule::Decimal { precision: #precision, scale: #scale }),
            "ScalePrecision",
        ),
        ("greater_than_zero", []) => (
            quote!(crate::table::Rule::Compare(
                crate::table::Op::GreaterThan,
                0.0
            )),
            "GreaterThan",
        ),
        ("at_least_zero", []) => (
            quote!(crate::table::Rule::Compare(
                crate::table::Op::GreaterThanOrEqual,
                0.0
            )),
            "GreaterThanOrEqual",
        ),
        _ => return Err(error()),
    })
}

/// FluentValidation's `SplitPascalCase` (ServiceStack's copy): a space before each capital that
/// follows a non-capital (from the third character on) or precedes one; then trimmed.
/// `FirstName` → `First Name`, `IBANCode` → `IBAN Code`, `order_id` → `order_id`. (The crate's
/// `split_pascal_case` is the same rule at run time; a test holds every label to it.)
fn split_pascal_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev_lower = i > 1 && chars.get(i - 1).is_some_and(|p| !p.is_uppercase());
        let next_lower = chars.get(i + 1).is_some_and(|n| !n.is_uppercase());
        if c.is_uppercase() && (prev_lower || next_lower) && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compile error `#[dto(args)]` on `item` gives, or `None` if it expands.
    fn error_of(args: Tokens, item: Tokens) -> Option<String> {
        let item: ItemStruct = syn::parse2(item).ok()?;
        Options::parse(args)
            .and_then(|options| expand(options, item))
            .err()
            .map(|error| error.to_string())
    }

    #[track_caller]
    fn check_error(args: Tokens, item: Tokens, expected: &str) {
        let error = error_of(args, item);
        assert!(
            error.as_deref().is_some_and(|e| e.contains(expected)),
            "expected an error containing {expected:?}, got {error:?}"
        );
    }

    #[test]
    fn a_declaration_expands() {
        let args = quote!(
            framework = ServiceStack,
            route = "/refund",
            wire = "camelCase"
        );
        let item = quote!(
            pub struct Refund {
                #[validate(required)]
                pub payment_id: Option<String>,
                pub amount: Option<Money>,
            }
        );
        assert_eq!(error_of(args, item), None);
    }

    #[test]
    fn mistakes_are_compile_errors() {
        let args = || {
            quote!(
                framework = ServiceStack,
                route = "/refund",
                wire = "camelCase"
            )
        };
        // Two wire names a key could not tell apart.
        check_error(
            args(),
            quote!(
                pub struct Refund {
                    pub payment_id: Option<String>,
                    #[dto(wire = "PaymentId")]
                    pub other_id: Option<String>,
                }
            ),
            "differ only in case",
        );
        check_error(
            quote!(framework = ServiceStack, wire = "camelCase"),
            quote!(
                pub struct Refund {
                    pub amount: Option<Money>,
                }
            ),
            "#[dto] needs `route",
        );
        check_error(
            quote!(framework = Soap, route = "/r", wire = "camelCase"),
            quote!(
                pub struct Refund {
                    pub amount: Option<Money>,
                }
            ),
            "expected ServiceStack or WebApi",
        );
        check_error(
            args(),
            quote!(
                #[serde(rename_all = "camelCase")]
                pub struct Refund {
                    pub amount: Option<Money>,
                }
            ),
            "writes the struct's #[validate] and #[serde] attributes itself",
        );
    }
}
