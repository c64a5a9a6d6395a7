//! `Email`: FluentValidation's default (ASP.NET Core compatible) e-mail rule.

/// Exactly one `@`, neither the first nor the last character. Nothing else is checked, so a
/// .NET server declaring `EmailAddress()` agrees with every verdict.
#[inline(always)]
pub fn holds(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().filter(|&&b| b == b'@').count() == 1
        && bytes.first() != Some(&b'@')
        && bytes.last() != Some(&b'@')
}

/// For `validator`'s derive: `#[validate(custom(function = email))]`.
#[cfg(not(target_arch = "wasm32"))]
pub fn email(value: &str) -> Result<(), validator::ValidationError> {
    super::verdict(holds(value), "Email")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::{check_fail, check_ok};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn one_inner_at_sign() {
        check_ok(
            holds,
            &["a@b", "payer@example.com", "😀@😀", " @ ", "a@b.c d"],
        );
        check_fail(holds, &["", "@", "a@", "@b", "a@b@c", "ab", "a@@b"]);
    }
}
