//! The TypeScript types that name DTOs, made at compile time from the registry: the `DtoName` union, which DTOs answer with Web API's body, and each DTO's bound value (`DtoValues`).

use crate::table::{Framework, Kind};
use crate::DtoName;

/// `export type DtoName = "A" | "B";`, `export type WebApiDtoName = "B";` (`never` if none) and
/// `export interface DtoValues { "A": { "x": number; "y"?: string }; … }`: per DTO, its fields
/// by wire name, optional unless required, typed as `parse` gives them.
pub(super) const DTO_TYPES: &str = match core::str::from_utf8(&BYTES) {
    Ok(text) => text,
    Err(_) => panic!("the DTO types are not UTF-8"),
};

const NAMES_START: &str = "/** The registered DTOs. */\nexport type DtoName = ";
const WEB_API_START: &str =
    ";\n\n/** The DTOs whose API is an ASP.NET Web API: their 400 body is `WebApiErrorBody`. */\nexport type WebApiDtoName = ";
const VALUES_START: &str = ";\n\n/** Each DTO's request as bound (`parse`'s `value`): canonical wire names, converted values; a field without a value is left out. */\nexport interface DtoValues {\n";
const END: &str = "}\n";

const LEN: usize = write(&mut [], true);
const BYTES: [u8; LEN] = {
    let mut bytes = [0; LEN];
    write(&mut bytes, false);
    bytes
};

/// Writes the types into `out` (unless `measure`); returns their length in bytes.
const fn write(out: &mut [u8], measure: bool) -> usize {
    let mut at = put(out, 0, NAMES_START, measure);
    at = union(out, at, None, measure);
    at = put(out, at, WEB_API_START, measure);
    at = union(out, at, Some(Framework::WebApi), measure);
    at = put(out, at, VALUES_START, measure);
    at = values(out, at, measure);
    put(out, at, END, measure)
}

/// `"A" | "B"` of every DTO (of `framework`, if given), or `never`.
const fn union(
    out: &mut [u8],
    mut at: usize,
    framework: Option<Framework>,
    measure: bool,
) -> usize {
    let mut first = true;
    let mut i = 0;
    while i < DtoName::ALL.len() {
        let table = DtoName::ALL[i].table();
        let wanted = match framework {
            None => true,
            Some(Framework::WebApi) => matches!(table.framework, Framework::WebApi),
            Some(Framework::ServiceStack) => matches!(table.framework, Framework::ServiceStack),
        };
        if wanted {
            if !first {
                at = put(out, at, " | ", measure);
            }
            first = false;
            at = put(out, at, "\"", measure);
            at = put(out, at, table.name, measure);
            at = put(out, at, "\"", measure);
        }
        i += 1;
    }
    if first {
        at = put(out, at, "never", measure);
    }
    at
}

/// `  "A": { "x": number; "y"?: string };` per DTO.
const fn values(out: &mut [u8], mut at: usize, measure: bool) -> usize {
    let mut i = 0;
    while i < DtoName::ALL.len() {
        let table = DtoName::ALL[i].table();
        at = put(out, at, "  \"", measure);
        at = put(out, at, table.name, measure);
        at = put(out, at, "\": {", measure);
        let mut f = 0;
        while f < table.fields.len() {
            let field = &table.fields[f];
            at = put(out, at, if f == 0 { " \"" } else { "; \"" }, measure);
            at = put(out, at, field.name, measure);
            at = put(
                out,
                at,
                if is_required(field.rules) {
                    "\": "
                } else {
                    "\"?: "
                },
                measure,
            );
            at = put(out, at, value_type(field.kind), measure);
            f += 1;
        }
        at = put(out, at, " };\n", measure);
        i += 1;
    }
    at
}

const fn is_required(rules: &[crate::table::Rule]) -> bool {
    let mut i = 0;
    while i < rules.len() {
        if matches!(rules[i], crate::table::Rule::Required) {
            return true;
        }
        i += 1;
    }
    false
}

/// The JS type of a bound value of `kind` (money is a number: see `parse`'s documentation).
const fn value_type(kind: Kind) -> &'static str {
    match kind {
        Kind::String | Kind::DateTime => "string",
        Kind::Int32 | Kind::Money => "number",
        Kind::Bool => "boolean",
        Kind::Map => "Record<string, string | null>",
    }
}

const fn put(out: &mut [u8], at: usize, text: &str, measure: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !measure {
            out[at + i] = bytes[i];
        }
        i += 1;
    }
    at + bytes.len()
}
