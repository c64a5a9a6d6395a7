//! The one engine: judges bound input against a DTO's table (convert every field, then run every rule in field order) and words what it finds.
//!
//! No code here knows any DTO: every DTO is its `DtoTable`. The same functions run natively
//! and in wasm, for JSON bytes, form fields and JS values alike.

use crate::alloc_prelude::*;

use crate::bind::{convert, Slots, Value};
use crate::input::RequestError;
use crate::report::FieldError;
use crate::rules;
use crate::table::{DtoTable, Field, Kind, Placeholder, Rule, Violation};
use crate::wording;

/// Template `n` of a language's NUL-separated templates (`""` if it has none).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn nth_template(words: &str, n: usize) -> &str {
    let mut rest = words;
    for _ in 0..n {
        match crate::text::split_once(rest, 0) {
            Some((_, after)) => rest = after,
            None => return "",
        }
    }
    crate::text::split_once(rest, 0).map_or(rest, |(template, _)| template)
}

/// Each field's value after conversion, by field index: `Ok(None)` for no value, `Err` for
/// the field's conversion error.
pub(crate) type Converted<'b> = Result<Option<Value<'b>>, Violation>;

/// One broken rule (or failed conversion) of one field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) field: u16,
    pub(crate) violation: Violation,
    /// The rule that broke, for its parameters (none for a conversion error).
    pub(crate) rule: Option<Rule>,
}

/// What judging a request found.
pub(crate) struct Judgement<'b> {
    pub(crate) table: &'static DtoTable,
    pub(crate) values: Vec<Converted<'b>>,
    /// In field order; within a field, in the order its rules are declared.
    pub(crate) found: Vec<Found>,
}

impl Judgement<'_> {
    pub(crate) fn is_valid(&self) -> bool {
        self.found.is_empty()
    }

    /// Every error, worded as the DTO's framework words it.
    pub(crate) fn errors(&self) -> Vec<FieldError> {
        self.errors_worded(|_| None)
    }

    /// Every error, with the template `translated` gives a violation where it gives one (else
    /// the framework's English). Codes are the same whatever the words.
    fn errors_worded(
        &self,
        translated: impl Fn(Violation) -> Option<&'static str>,
    ) -> Vec<FieldError> {
        self.found
            .iter()
            .filter_map(|found| {
                let field = self.table.fields.get(usize::from(found.field))?;
                let wording = wording::wording(self.table.framework, found.violation);
                let template = translated(found.violation).unwrap_or(wording.template);
                // Room for the template and what its placeholders add, usually: one allocation.
                let mut message = String::with_capacity(template.len() + 32);
                self.message_from(template, found, &mut message);
                Some(FieldError {
                    field: field.name.to_owned(),
                    code: wording.code.to_owned(),
                    message,
                })
            })
            .collect()
    }

    /// Writes every error as `field NUL code NUL message NUL`, in order (what the wasm
    /// boundary hands to JS: names, codes and messages never hold NUL). `words`: a language
    /// the page loaded, its template of each violation in order, NUL-separated (`""`: English),
    /// for a ServiceStack DTO; `None`, or a Web API DTO, is English.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn write_errors(&self, out: &mut String, words: Option<&str>) {
        let words = words.filter(|_| self.table.framework == crate::table::Framework::ServiceStack);
        for found in &self.found {
            let Some(field) = self.table.fields.get(usize::from(found.field)) else {
                continue;
            };
            out.push_str(field.name);
            out.push('\0');
            out.push_str(wording::code(self.table.framework, found.violation));
            out.push('\0');
            let translated = words
                .map(|words| nth_template(words, found.violation as usize))
                .filter(|template| !template.is_empty());
            let template = translated.unwrap_or_else(|| {
                wording::wording(self.table.framework, found.violation).template
            });
            self.message_from(template, found, out);
            out.push('\0');
        }
    }

    /// Every error, worded in `language` where the DTO's framework is ServiceStack and the
    /// language has a template for the violation (FluentValidation's); else as [`errors`]
    /// words it (English). Codes are the same in every language.
    ///
    /// [`errors`]: Judgement::errors
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn errors_in(&self, language: &crate::languages::Language) -> Vec<FieldError> {
        if self.table.framework != crate::table::Framework::ServiceStack {
            return self.errors();
        }
        self.errors_worded(|violation| language.template(violation))
    }

    /// The message of `found`, from `template`.
    fn message_from(&self, template: &str, found: &Found, out: &mut String) {
        let index = usize::from(found.field);
        let Some(field) = self.table.fields.get(index) else {
            return;
        };
        let value = self
            .values
            .get(index)
            .and_then(|v| v.as_ref().ok()?.as_ref());
        wording::render(template, out, |placeholder, out| {
            fill(placeholder, field, found, value, &self.values, out)
        });
    }
}

/// Writes the value of `placeholder` for `found` on `field` (holding `value`); false if it
/// has none.
fn fill(
    placeholder: Placeholder,
    field: &Field,
    found: &Found,
    value: Option<&Value<'_>>,
    values: &[Converted<'_>],
    out: &mut String,
) -> bool {
    let number = |out: &mut String, n: f64| write_number(out, field.kind, n);
    match (placeholder, found.rule, value) {
        (Placeholder::PropertyName, _, _) => out.push_str(field.label),
        (Placeholder::ExpectedType, _, _) => out.push_str(wording::expected_type(field.kind)),
        (Placeholder::MaxLength, Some(Rule::MaxLength(max)), _) => integer(out, max),
        (Placeholder::TotalLength, _, Some(Value::Text(text))) => {
            integer(out, rules::max_length::utf16_len(text))
        }
        (Placeholder::ExpectedPrecision, Some(Rule::Decimal { precision, .. }), _) => {
            integer(out, precision)
        }
        (Placeholder::ExpectedScale, Some(Rule::Decimal { scale, .. }), _) => integer(out, scale),
        (Placeholder::IntegerDigits, Some(Rule::Decimal { precision, scale }), _) => {
            integer(out, precision.saturating_sub(scale))
        }
        (Placeholder::Digits, _, Some(Value::Money(money))) => integer(out, money.integer_digits()),
        (Placeholder::ActualScale, _, Some(Value::Money(money))) => integer(out, money.scale()),
        (Placeholder::ComparisonValue, Some(Rule::Compare(_, bound)), _) => number(out, bound),
        (Placeholder::ComparisonValue, Some(Rule::CompareField(_, other)), _) => {
            match values.get(usize::from(other)) {
                Some(Ok(Some(Value::Money(money)))) => out.push_str(&money.text()),
                Some(Ok(Some(Value::Int32(n)))) => integer(out, *n),
                _ => return false,
            }
        }
        (Placeholder::From, Some(Rule::Between { min, .. }), _) => number(out, min),
        (Placeholder::To, Some(Rule::Between { max, .. }), _) => number(out, max),
        (Placeholder::PropertyValue, _, Some(Value::Int32(n))) => integer(out, *n),
        (Placeholder::PropertyValue, _, Some(Value::Money(money))) => out.push_str(&money.text()),
        _ => return false,
    }
    true
}

/// An integer placeholder's text.
fn integer(out: &mut String, n: impl TryInto<i64>) {
    crate::number::push_integer(out, n.try_into().unwrap_or(i64::MAX));
}

/// A rule's bound as .NET writes it for a field of `kind`: integers plainly, amounts in plain
/// decimal notation.
fn write_number(out: &mut String, kind: Kind, n: f64) {
    if kind == Kind::Int32 || (crate::number::fract(n) == 0.0 && n.abs() < 9_007_199_254_740_992.0)
    {
        integer(out, n as i64);
    } else {
        out.push_str(&crate::number::plain_number_text(n));
    }
}

/// Judges `slots` against their table: converts every field, then runs every field's rules in
/// field order. A field with a conversion error reports only that; a field with no value only
/// its `required` error, if it has one.
pub(crate) fn judge<'b>(slots: &'b Slots<'_>) -> Judgement<'b> {
    let table = slots.table;
    let entries = slots.entries.as_slice();
    let mut values: Vec<Converted<'b>> = Vec::with_capacity(table.fields.len());
    for (field, input) in table.fields.iter().zip(slots.inputs()) {
        values.push(convert(field.kind, input, entries));
    }
    let found = judge_values(table, &values);
    Judgement {
        table,
        values,
        found,
    }
}

/// Runs every rule of `table` on converted `values` (by field index).
pub(crate) fn judge_values(table: &DtoTable, values: &[Converted<'_>]) -> Vec<Found> {
    let mut found = Vec::new();
    for ((index, field), value) in table.fields.iter().enumerate().zip(values) {
        let field_index = u16::try_from(index).unwrap_or(u16::MAX);
        let mut report = |violation: Violation, rule: Option<Rule>| {
            found.push(Found {
                field: field_index,
                violation,
                rule,
            })
        };
        match value {
            Err(violation) => report(*violation, None),
            Ok(None) => {
                // (Most absent fields have no rules: the guard spares them the call.)
                if !field.rules.is_empty() && field.is_required() {
                    report(Violation::Required, Some(Rule::Required));
                }
            }
            Ok(Some(value)) => {
                for &rule in field.rules {
                    if !rules::holds(rule, value, values) {
                        report(rule.violation(), Some(rule));
                    }
                }
            }
        }
    }
    found
}

/// The outcome of a request that could not be bound at all: one request-level error.
pub(crate) fn request_error(table: &DtoTable, error: RequestError) -> FieldError {
    FieldError {
        field: String::new(),
        code: wording::request_code(table.framework).to_owned(),
        message: wording::request_message(error).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::DtoName;

    /// Where `ignores_strings` says a string changes no verdict, a request with any string in
    /// that field is judged exactly as one without the field: the wasm reader may leave it out.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn strings_that_change_no_verdict_are_as_good_as_none() {
        let mut ignored = 0;
        for &dto in DtoName::ALL {
            let table = dto.table();
            assert!(table.ignores_strings(None), "a key that names no field");
            for (index, field) in table.fields.iter().enumerate() {
                if !table.ignores_strings(Some(index)) {
                    assert!(
                        table.needs_text(Some(index)) || field.is_required(),
                        "{dto}.{}",
                        field.name
                    );
                    continue;
                }
                ignored += 1;
                let without = crate::validate_json(dto, b"{}");
                for text in ["", " ", "x", "not an email", "2023-02-29", "-1", "true"] {
                    let body = format!(r#"{{"{}": "{text}"}}"#, field.name);
                    assert_eq!(
                        crate::validate_json(dto, body.as_bytes()),
                        without,
                        "{dto}.{} with {text:?}",
                        field.name
                    );
                }
            }
        }
        // OnceOff's optional plain strings, Record's and Create's.
        assert!(ignored >= 10, "{ignored}");
    }

    /// Where `needs_text` says a field's text is not needed, no text changes its errors: the
    /// wasm reader may then send only that there is a string.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn fields_that_need_no_text_judge_every_string_alike() {
        let texts = [
            "",
            " ",
            "x",
            "not an email",
            "@",
            "a@b",
            "javascript:alert(1)",
            "https://a.b/",
            "2023-02-29",
            "12.345",
            "-1",
            "true",
            "\\u00e9\\ud83d\\ude00",
            "0123456789abcdef",
        ];
        let mut skipped = 0;
        for &dto in DtoName::ALL {
            let table = dto.table();
            for (index, field) in table.fields.iter().enumerate() {
                if table.needs_text(Some(index)) {
                    continue;
                }
                skipped += 1;
                let errors = |text: &str| {
                    let body = format!(r#"{{"{}": "{text}"}}"#, field.name);
                    let mut result = crate::validate_json(dto, body.as_bytes());
                    result.errors.retain(|e| e.field == field.name);
                    result
                };
                let long = "y".repeat(300);
                for text in texts.iter().copied().chain([long.as_str()]) {
                    assert_eq!(
                        errors(text),
                        errors(""),
                        "{dto}.{} with {text:?}",
                        field.name
                    );
                }
            }
            assert!(
                !table.needs_text(None),
                "a key that names no field needs no text"
            );
        }
        // The plain strings of OnceOff, Record and FinancePaymentLog, and of CreatePayment.
        assert!(skipped >= 20, "{skipped}");
        let create = DtoName::CreatePaymentRequest.table();
        assert!(
            !create.needs_text(Some(0)),
            "organisationId is read by no rule"
        );
        assert!(create.ignores_strings(Some(0)), "nor is it required");
        assert!(
            create.needs_text(Some(2)),
            "amount is compared with gstAmount"
        );
    }
}
