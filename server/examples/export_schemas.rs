//! Writes the package's schema files into a directory (`scripts/package.mjs` runs it on `pkg/`): each DTO's JSON Schema (and its bound value's) with its Standard JSON Schema object as `json-schema.js` (ESM), `json-schema.cjs` and `json-schema.d.ts`, and the server's OpenAPI document as `openapi.json`.
//!
//! Usage: `cargo run -q -p payrules-server --example export_schemas -- <dir>`. Everything comes
//! from the rule tables (`payrules::json_schema`) and the server's own answers
//! (`payrules_server::openapi_document`, the document `GET /openapi.json` serves).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use payrules::{
    bound_request_schema, json_schema, DtoName, JSON_SCHEMA_DIALECT, JSON_SCHEMA_KEYWORDS,
};
use payrules_server::openapi_document;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export_schemas <dir>");
        return ExitCode::from(2);
    };
    match export(&dir) {
        Ok(()) => {
            println!(
                "json-schema.js, json-schema.cjs, json-schema.d.ts ({} DTOs) and openapi.json written to {}",
                DtoName::ALL.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export_schemas: {e}");
            ExitCode::FAILURE
        }
    }
}

fn export(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let names: Vec<&str> = DtoName::ALL.iter().map(|dto| dto.as_str()).collect();
    // One DTO a line: compact, and a change to one DTO is a change to its line.
    let mut lines = Vec::new();
    for &dto in DtoName::ALL {
        lines.push(format!(
            "  {}: {}",
            serde_json::to_string(dto.as_str())?,
            serde_json::to_string(&json_schema(dto))?
        ));
    }
    let schemas = format!("{{\n{}\n}}", lines.join(",\n"));
    // The bound value's schema (what `parse` and a schema's `validate` give), as its own document.
    let mut lines = Vec::new();
    for &dto in DtoName::ALL {
        let mut schema = bound_request_schema(dto);
        if let Some(object) = schema.as_object_mut() {
            object.insert("$schema".into(), JSON_SCHEMA_DIALECT.into());
        }
        lines.push(format!(
            "  {}: {}",
            serde_json::to_string(dto.as_str())?,
            serde_json::to_string(&schema)?
        ));
    }
    let output_schemas = format!("{{\n{}\n}}", lines.join(",\n"));
    // Each DTO's Standard Schema object from "payrules" (the package's own name: its browser or
    // Node entry, as the importer's conditions pick), with `~standard.jsonSchema` (Standard JSON
    // Schema v1): the body's schema as input, the bound value's as output, for draft 2020-12
    // and draft-07 (the keywords used mean the same in both); another target throws.
    let converter = r#"const converted = (schemas, name) => (options) => {
  const target = options?.target;
  if (target !== "draft-2020-12" && target !== "draft-07") throw new Error(`payrules: no JSON Schema for target ${JSON.stringify(target)}; draft-2020-12 and draft-07 only`);
  const schema = structuredClone(schemas[name]);
  if (target === "draft-07") schema.$schema = "http://json-schema.org/draft-07/schema#";
  return schema;
};
const withJsonSchema = (name) => Object.freeze({ "~standard": Object.freeze({ ...payrules[name]["~standard"], jsonSchema: Object.freeze({ input: converted(jsonSchemas, name), output: converted(outputSchemas, name) }) }) });
"#;
    let keywords = serde_json::to_string(JSON_SCHEMA_KEYWORDS)?;
    let header = "// The JSON Schema (draft 2020-12) of each payrules DTO's JSON body, generated from its rule table (see docs/json-schema.md).";

    let mut esm = format!(
        "{header}\nimport * as payrules from \"payrules\";\n/** The `x-payrules-*` annotation keywords: `ajv.addVocabulary(jsonSchemaKeywords)` for ajv's strict mode. */\nexport const jsonSchemaKeywords = {keywords};\n/** Every DTO's JSON Schema, by DTO name. */\nexport const jsonSchemas = {schemas};\n/** The JSON Schema of every DTO's bound value (`parse`'s `value`), by DTO name. */\nexport const outputSchemas = {output_schemas};\n{converter}"
    );
    let mut cjs = format!(
        "{header}\n\"use strict\";\nconst payrules = require(\"payrules\");\nconst jsonSchemaKeywords = {keywords};\nconst jsonSchemas = {schemas};\nconst outputSchemas = {output_schemas};\n{converter}module.exports = {{ jsonSchemaKeywords, jsonSchemas, outputSchemas }};\n"
    );
    let mut dts = format!(
        "{header}\nimport type {{ DtoJsonSchema, DtoName }} from \"payrules\";\n\n/** A JSON Schema of one field (annotations and `x-payrules-*` keywords included). */\nexport type FieldSchema = {{ readonly [keyword: string]: unknown }};\n\n/** The JSON Schema of a DTO's JSON body, whose fields are `Field`. */\nexport type JsonSchema<Field extends string = string> = {{\n  readonly $schema: \"{JSON_SCHEMA_DIALECT}\";\n  readonly $id: string;\n  readonly title: string;\n  readonly description: string;\n  readonly type: \"object\";\n  readonly properties: {{ readonly [F in Field]: FieldSchema }};\n  readonly [keyword: string]: unknown;\n}};\n\n/** The `x-payrules-*` annotation keywords: `ajv.addVocabulary(jsonSchemaKeywords)` for ajv's strict mode. */\nexport declare const jsonSchemaKeywords: string[];\n\n/** Every DTO's JSON Schema, by DTO name. */\nexport declare const jsonSchemas: {{\n"
    );
    for &dto in DtoName::ALL {
        let fields: Vec<String> = dto
            .fields()
            .iter()
            .map(|f| serde_json::to_string(f.name))
            .collect::<Result<_, _>>()?;
        dts.push_str(&format!(
            "  readonly {dto}: JsonSchema<{}>;\n",
            fields.join(" | ")
        ));
    }
    dts.push_str("};\n\n/** The JSON Schema of every DTO's bound value (`parse`'s `value`), by DTO name. */\nexport declare const outputSchemas: { readonly [D in DtoName]: { readonly [keyword: string]: unknown } };\n");
    for name in &names {
        esm.push_str(&format!(
            "/** The JSON Schema of `{name}`'s JSON body. */\nexport const {name}Schema = jsonSchemas.{name};\n/** `{name}`'s Standard Schema object with `~standard.jsonSchema`. */\nexport const {name} = withJsonSchema(\"{name}\");\n"
        ));
        cjs.push_str(&format!(
            "module.exports.{name}Schema = jsonSchemas.{name};\nmodule.exports.{name} = withJsonSchema(\"{name}\");\n"
        ));
        dts.push_str(&format!(
            "/** The JSON Schema of `{name}`'s JSON body. */\nexport declare const {name}Schema: (typeof jsonSchemas)[\"{name}\"];\n/** `{name}`'s Standard Schema object with `~standard.jsonSchema` (Standard JSON Schema v1). */\nexport declare const {name}: DtoJsonSchema<\"{name}\">;\n"
        ));
    }
    let openapi = serde_json::to_string_pretty(&openapi_document())? + "\n";

    std::fs::write(dir.join("json-schema.js"), esm)?;
    std::fs::write(dir.join("json-schema.cjs"), cjs)?;
    std::fs::write(dir.join("json-schema.d.ts"), dts)?;
    std::fs::write(dir.join("openapi.json"), openapi)?;
    Ok(())
}
