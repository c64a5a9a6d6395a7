//! `Email`: FluentValidation's default (ASP.NET Core compatible) e-mail rule.

use super::RuleError;

/// Exactly one `@`, neither the first nor the last character. Nothing else is checked, so a
/// .NET server declaring `EmailAddress()` agrees with every verdict.
pub fn email<E: RuleError>(value: &str) -> Result<(), E> {
    let mut ats = value.match_indices('@');
    match (ats.next(), ats.next()) {
        (Some((at, _)), None) if at != 0 && at + 1 != value.len() => Ok(()),
        _ => Err(E::new("Email")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn one_inner_at_sign() {
        check_ok(
            email,
            &["a@b", "payer@example.com", "😀@😀", " @ ", "a@b.c d"],
        );
        check_fail(
            email,
            "Email",
            &["", "@", "a@", "@b", "a@b@c", "ab", "a@@b"],
        );
    }
}
