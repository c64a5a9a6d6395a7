//! `#[derive(Rules)]`: a checker generated from the same `#[validate(...)]` attributes the `validator` derive reads, judging each field's rules in declaration order without building error maps.
//!
//! Supported (the subset payrules declares): field rules `required(code = ..)`,
//! `custom(function = path, code = ..)` and `range(min = .., max = .., exclusive_min = ..,
//! exclusive_max = .., code = ..)`; struct rules `schema(function = path, ..)`. Anything else
//! is a compile error, so a rule cannot be silently skipped.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Expr, Fields, LitStr};

/// One rule, as declared.
enum Rule {
    Required {
        code: Option<LitStr>,
    },
    Custom {
        function: Expr,
        code: Option<LitStr>,
    },
    Range {
        bounds: Vec<(&'static str, Expr)>,
        code: Option<LitStr>,
    },
}

#[proc_macro_derive(Rules, attributes(validate))]
pub fn derive_rules(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            input,
            "Rules derives for structs only",
        ));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(input, "Rules needs named fields"));
    };
    let mut checks = Vec::new();
    let schemas = struct_rules(&input.attrs)?;
    // Whether a rule reads each field's value (any rule but `required`, which only asks
    // whether there is one). A struct rule may read any field.
    let mut reads_value = Vec::new();
    for (index, field) in fields.named.iter().enumerate() {
        let name = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
        let rules = field_rules(&field.attrs)?;
        let reads =
            !schemas.is_empty() || rules.iter().any(|r| !matches!(r, Rule::Required { .. }));
        reads_value.push(reads);
        if rules.is_empty() {
            continue;
        }
        let mut required = quote! {};
        let mut present = Vec::new();
        for rule in rules {
            match rule {
                Rule::Required { code } => {
                    let code = code_or(code, "required");
                    required = quote! { out.push((#index, <crate::rules::Violation as crate::rules::RuleError>::new(#code))); };
                }
                Rule::Custom { function, code } => {
                    let function = with_violation(function);
                    let recode =
                        code.map(|c| quote! { error.code = ::std::borrow::Cow::Borrowed(#c); });
                    present.push(quote! {
                        if let ::std::result::Result::Err(mut error) = crate::rules::violated(#function(value)) {
                            #recode
                            out.push((#index, error));
                        }
                    });
                }
                Rule::Range { bounds, code } => {
                    let code = code_or(code, "range");
                    let tests = bounds.iter().map(|(kind, bound)| match *kind {
                        "min" => quote! { *value >= #bound },
                        "max" => quote! { *value <= #bound },
                        "exclusive_min" => quote! { *value > #bound },
                        _ => quote! { *value < #bound },
                    });
                    let params = bounds.iter().map(|(kind, bound)| quote! { let error = crate::rules::RuleError::with(error, #kind, i64::from(#bound)); });
                    present.push(quote! {
                        if !(true #(&& #tests)*) {
                            let error = <crate::rules::Violation as crate::rules::RuleError>::new(#code);
                            #(#params)*
                            out.push((#index, error));
                        }
                    });
                }
            }
        }
        checks.push(quote! {
            match &self.#name {
                ::std::option::Option::None => { #required }
                ::std::option::Option::Some(value) => { #(#present)* }
            }
        });
    }
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics crate::dto::Rules for #ident #type_generics #where_clause {
            const READS_VALUE: &'static [bool] = &[#(#reads_value),*];

            fn check(&self, out: &mut ::std::vec::Vec<(usize, crate::rules::Violation)>) {
                #(#checks)*
                #(
                    if let ::std::result::Result::Err(error) = crate::rules::violated(#schemas(self)) {
                        out.push((usize::MAX, error));
                    }
                )*
            }
        }
    })
}

fn code_or(code: Option<LitStr>, default: &str) -> Tokens {
    match code {
        Some(code) => quote! { #code },
        None => quote! { #default },
    }
}

/// The rules of one field, in the order written.
fn field_rules(attrs: &[syn::Attribute]) -> syn::Result<Vec<Rule>> {
    let mut rules = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("validate")) {
        attr.parse_nested_meta(|rule| {
            let mut code = None;
            let mut function = None;
            let mut bounds = Vec::new();
            let kind = if rule.path.is_ident("required") {
                "required"
            } else if rule.path.is_ident("custom") {
                "custom"
            } else if rule.path.is_ident("range") {
                "range"
            } else {
                return Err(
                    rule.error("payrules' Rules derive supports required, custom and range")
                );
            };
            if rule.input.peek(syn::token::Paren) {
                rule.parse_nested_meta(|arg| {
                    let key = arg
                        .path
                        .get_ident()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    match key.as_str() {
                        "code" => code = Some(arg.value()?.parse::<LitStr>()?),
                        "function" => function = Some(arg.value()?.parse::<Expr>()?),
                        "min" | "max" | "exclusive_min" | "exclusive_max" => {
                            let name: &'static str = match key.as_str() {
                                "min" => "min",
                                "max" => "max",
                                "exclusive_min" => "exclusive_min",
                                _ => "exclusive_max",
                            };
                            bounds.push((name, arg.value()?.parse::<Expr>()?));
                        }
                        _ => return Err(arg.error("unsupported argument")),
                    }
                    Ok(())
                })?;
            }
            rules.push(match kind {
                "required" => Rule::Required { code },
                "custom" => Rule::Custom {
                    function: function.ok_or_else(|| rule.error("custom needs function"))?,
                    code,
                },
                _ => Rule::Range { bounds, code },
            });
            Ok(())
        })?;
    }
    Ok(rules)
}

/// A rule function's path with payrules' error type: rule functions are generic over it
/// (`rules::RuleError`), and a declaration names `validator`'s (`email::email::<ValidationError>`)
/// because `validator`'s derive needs it spelled out; its last type argument becomes
/// `crate::rules::Violation` here. A path with no type arguments is left to inference.
fn with_violation(function: Expr) -> Expr {
    let mut function = function;
    if let Expr::Path(path) = &mut function {
        if let Some(syn::PathArguments::AngleBracketed(arguments)) = path
            .path
            .segments
            .last_mut()
            .map(|segment| &mut segment.arguments)
        {
            if let Some(error) = arguments
                .args
                .iter_mut()
                .rev()
                .find(|argument| matches!(argument, syn::GenericArgument::Type(_)))
            {
                *error = syn::parse_quote!(crate::rules::Violation);
            }
        }
    }
    function
}

/// The struct-level rule functions (`schema(function = ..)`).
fn struct_rules(attrs: &[syn::Attribute]) -> syn::Result<Vec<Expr>> {
    let mut functions = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("validate")) {
        attr.parse_nested_meta(|rule| {
            if !rule.path.is_ident("schema") {
                return Err(
                    rule.error("payrules' Rules derive supports schema(function = ..) on structs")
                );
            }
            rule.parse_nested_meta(|arg| {
                if arg.path.is_ident("function") {
                    functions.push(arg.value()?.parse::<Expr>()?);
                } else {
                    // skip_on_field_errors and the like: our schema functions judge absent sides themselves.
                    let _ = arg.value()?.parse::<Expr>()?;
                }
                Ok(())
            })
        })?;
    }
    Ok(functions)
}
