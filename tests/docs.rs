//! The rules tables of `docs/rules.md`, generated from the DTOs' tables: the test fails when the file and the tables differ (`PAYRULES_BLESS=1 cargo test --test docs` rewrites it).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use payrules::table::{DtoTable, Field, Framework, Kind, Op, Placeholder, Rule, Violation};
use payrules::wording;
use payrules::DtoName;

const BEGIN: &str = "<!-- generated from the DTO tables by tests/docs.rs: do not edit -->";
const END: &str = "<!-- end of generated tables -->";

/// A number as the docs write a bound (no `.0` on whole numbers).
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What a rule asks, in words.
fn rule_text(table: &DtoTable, rule: Rule) -> String {
    let op = |op: Op| match op {
        Op::GreaterThan => ">",
        Op::GreaterThanOrEqual => "≥",
        Op::LessThan => "<",
        Op::LessThanOrEqual => "≤",
    };
    match rule {
        Rule::Required => "required".to_owned(),
        Rule::NotBlank => "not blank (`\"\"` and whitespace-only fail)".to_owned(),
        Rule::MaxLength(max) => format!("≤ {max} UTF-16 units"),
        Rule::Email => "e-mail: one `@`, neither first nor last".to_owned(),
        Rule::Url => "absolute `http`/`https` URL, no whitespace or control characters".to_owned(),
        Rule::Decimal { precision, scale } => format!(
            "decimal({precision},{scale}): ≤ {} integer digits, ≤ {scale} decimals",
            precision - scale
        ),
        Rule::Compare(o, bound) => format!("{} {}", op(o), number(bound)),
        Rule::CompareField(o, other) => {
            let other = table.fields.get(usize::from(other)).map_or("?", |f| f.name);
            format!(
                "{} `{other}` (skipped unless both have a valid value)",
                op(o)
            )
        }
        Rule::Between {
            min,
            max,
            exclusive,
        } => {
            let (min, max) = (number(min), number(max));
            if exclusive {
                format!("between {min} and {max}, both excluded")
            } else {
                format!("{min}..{max}")
            }
        }
    }
}

/// The message a rule gives, its value-dependent placeholders left as `{Name}`.
fn message(table: &DtoTable, field: &Field, rule: Rule) -> String {
    let template = wording::wording(table.framework, rule.violation()).template;
    let mut out = String::new();
    wording::render(template, &mut out, |placeholder, out| {
        let text = match (placeholder, rule) {
            (Placeholder::PropertyName, _) => field.label.to_owned(),
            (Placeholder::MaxLength, Rule::MaxLength(max)) => max.to_string(),
            (Placeholder::ExpectedPrecision, Rule::Decimal { precision, .. }) => {
                precision.to_string()
            }
            (Placeholder::ExpectedScale, Rule::Decimal { scale, .. }) => scale.to_string(),
            (Placeholder::IntegerDigits, Rule::Decimal { precision, scale }) => {
                (precision - scale).to_string()
            }
            (Placeholder::ComparisonValue, Rule::Compare(_, bound)) => number(bound),
            (Placeholder::ComparisonValue, Rule::CompareField(_, other)) => {
                let other = table.fields.get(usize::from(other)).map_or("?", |f| f.name);
                format!("{{{other}}}")
            }
            (Placeholder::From, Rule::Between { min, .. }) => number(min),
            (Placeholder::To, Rule::Between { max, .. }) => number(max),
            _ => return false,
        };
        out.push_str(&text);
        true
    });
    out
}

/// The generated part of `docs/rules.md`.
fn generated() -> String {
    let mut out = String::new();
    for &dto in DtoName::ALL {
        let table = dto.table();
        let framework = match table.framework {
            Framework::ServiceStack => "ServiceStack, FluentValidation",
            Framework::WebApi => "ASP.NET Web API 2, DataAnnotations",
        };
        let forms = if table.forms {
            "; also form bodies"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "### {} — `POST {}` ({framework}{forms})\n",
            table.name, table.route
        );
        let _ = writeln!(out, "| field | C# name | type | rule | code | message |");
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for field in table.fields {
            let head = format!(
                "| `{}` | `{}` | {}",
                field.name,
                field.csharp,
                field.kind.as_str()
            );
            if field.rules.is_empty() {
                let _ = writeln!(out, "{head} | — | | |");
                continue;
            }
            for (i, &rule) in field.rules.iter().enumerate() {
                let code = wording::code(table.framework, rule.violation());
                let lead = if i == 0 {
                    head.clone()
                } else {
                    "| | |".to_owned()
                };
                let _ = writeln!(
                    out,
                    "{lead} | {} | `{code}` | `{}` |",
                    rule_text(table, rule),
                    message(table, field, rule)
                );
            }
        }
        out.push('\n');
    }
    out.push_str("### Errors of every field, by type, and of the request\n\n");
    out.push_str("| error | framework | code | message |\n|---|---|---|---|\n");
    for framework in Framework::ALL {
        for violation in [Violation::TypeMismatch, Violation::Date] {
            let wording = wording::wording(framework, violation);
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | `{}` |",
                if violation == Violation::Date {
                    "text that is no valid date (DateTime field)"
                } else {
                    "a value of the wrong type"
                },
                framework.as_str(),
                wording.code,
                wording.template
            );
        }
        let _ = writeln!(
            out,
            "| the request as a whole (field `\"\"`) | {} | `{}` | see below |",
            framework.as_str(),
            wording::request_code(framework)
        );
    }
    out.push_str("\n`{ExpectedType}` by field type:");
    for (i, kind) in Kind::ALL.into_iter().enumerate() {
        let sep = if i == 0 { " " } else { "; " };
        let _ = write!(
            out,
            "{sep}{} `{}`",
            kind.as_str(),
            wording::expected_type(kind)
        );
    }
    out.push_str(".\n");
    out
}

#[test]
fn the_rules_tables_in_the_docs_are_the_dto_tables() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("{} lacks the markers of its generated part", path.display());
    };
    let current = &text[begin + BEGIN.len()..end];
    let expected = format!("\n\n{}\n", generated());
    if current == expected {
        return;
    }
    if std::env::var("PAYRULES_BLESS").is_ok_and(|v| v == "1") {
        let updated = format!("{}{BEGIN}{expected}{}", &text[..begin], &text[end..]);
        std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    panic!(
        "docs/rules.md differs from the DTO tables: run `PAYRULES_BLESS=1 cargo test --test docs` and review the diff"
    );
}
