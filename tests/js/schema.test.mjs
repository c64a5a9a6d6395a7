// The JSON Schemas and the OpenAPI document the built package ships (`payrules/json-schema`, `payrules/openapi.json`): ajv (draft 2020-12, strict) compiles each, every valid parity vector passes its DTO's schema, invalid vectors whose error JSON Schema can state fail it, and every vector's 400 body fits the document.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { dtoNames, describeApi, pkgPath } from "./load.mjs";

const esm = await import(pkgPath("json-schema.js"));
const cjs = createRequire(import.meta.url)(pkgPath("json-schema.cjs"));
const { jsonSchemas, jsonSchemaKeywords } = esm;
const openapi = JSON.parse(readFileSync(pkgPath("openapi.json"), "utf8"));

/** ajv for draft 2020-12 in strict mode, told of the `x-payrules-*` annotations and of the
 *  OpenAPI formats the server's 200 schemas use. */
function strictAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary(jsonSchemaKeywords);
  ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: Number.isInteger });
  ajv.addFormat("double", { type: "number", validate: () => true });
  return ajv;
}

const ajv = strictAjv();
const validators = Object.fromEntries(Object.entries(jsonSchemas).map(([name, schema]) => [name, ajv.compile(schema)]));

const vectorsDir = fileURLToPath(new URL("../vectors/", import.meta.url));
const vectorFiles = readdirSync(vectorsDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(vectorsDir + f, "utf8")));

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

test("the schemas are separate entry points the browser entry does not load", () => {
  const manifest = JSON.parse(readFileSync(pkgPath("package.json"), "utf8"));
  assert.deepEqual(manifest.exports["./json-schema"], { types: "./json-schema.d.ts", import: "./json-schema.js", require: "./json-schema.cjs" });
  assert.equal(manifest.exports["./openapi.json"], "./openapi.json");
  for (const file of ["json-schema.js", "json-schema.cjs", "json-schema.d.ts", "openapi.json"]) assert.ok(manifest.files.includes(file), file);
  assert.doesNotMatch(readFileSync(pkgPath(manifest.exports["."].default), "utf8"), /json-schema|openapi/);
  // One schema per registered DTO, under its name and as `<Name>Schema`; CommonJS the same.
  assert.deepEqual(Object.keys(jsonSchemas), dtoNames());
  for (const name of dtoNames()) {
    assert.equal(esm[`${name}Schema`], jsonSchemas[name], name);
    assert.equal(jsonSchemas[name].title, name);
    assert.equal(jsonSchemas[name].$schema, "https://json-schema.org/draft/2020-12/schema");
  }
  assert.deepEqual(cjs.jsonSchemas, jsonSchemas);
  assert.deepEqual(cjs.jsonSchemaKeywords, jsonSchemaKeywords);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
});

test("ajv (draft 2020-12, strict) compiles every schema and every component of the OpenAPI document", () => {
  assert.equal(Object.keys(validators).length, dtoNames().length);
  const components = Object.entries(openapi.components.schemas);
  assert.ok(components.length >= 3 * dtoNames().length, `${components.length} components`);
  for (const [name, schema] of components) {
    assert.doesNotThrow(() => strictAjv().compile(schema), name);
  }
  // Without the vocabulary, strict mode refuses the annotations: the list is what they use.
  assert.throws(() => new Ajv2020({ strict: true }).compile(jsonSchemas.RecordPaymentBindingModel), /x-payrules-/);
});

test("the OpenAPI document has every DTO's route, and each request body is the DTO's schema", () => {
  assert.equal(openapi.openapi, "3.1.0");
  for (const name of dtoNames()) {
    const { route, forms } = describeApi(name);
    const content = openapi.paths[route]?.post?.requestBody?.content;
    assert.ok(content, `${name}: POST ${route}`);
    const schema = openapi.components.schemas[content["application/json"].schema.$ref.split("/").pop()];
    const { $schema, $id, ...rest } = jsonSchemas[name];
    assert.deepEqual(schema, rest, name);
    assert.equal("multipart/form-data" in content, forms, name);
  }
});

for (const { dto, cases } of vectorFiles) {
  const validate = validators[dto];

  test(`${dto}: every valid vector passes its JSON Schema`, (t) => {
    let checked = 0;
    for (const c of cases.filter((c) => c.expected.valid && isObject(c.input))) {
      assert.ok(validate(c.input), `${c.name}: ${JSON.stringify(validate.errors)}`);
      checked += 1;
    }
    assert.ok(checked >= 20, `${checked} valid vectors`);
    t.diagnostic(`${checked} valid vectors pass`);
  });

  test(`${dto}: invalid vectors with a missing required field or a value of a wrong JSON type fail its JSON Schema`, (t) => {
    const { properties } = jsonSchemas[dto];
    const fields = Object.keys(properties);
    let checked = 0;
    for (const c of cases.filter((c) => !c.expected.valid && isObject(c.input))) {
      const keys = Object.keys(c.input);
      const spellings = (field) => keys.filter((k) => k.toLowerCase() === field.toLowerCase());
      // What JSON Schema states exactly, where only the canonical spelling names the field.
      const stated = c.expected.errors.filter(({ field }) => {
        if (!fields.includes(field)) return false;
        const named = spellings(field);
        const kind = properties[field]["x-payrules-kind"];
        if (named.length === 0) return properties[field]["x-payrules-required"] === true;
        if (named.length > 1 || named[0] !== field) return false;
        const value = c.input[field];
        return Array.isArray(value) || (isObject(value) && kind !== "map");
      });
      if (stated.length === 0) continue;
      assert.equal(validate(c.input), false, c.name);
      for (const { field } of stated) {
        const named = validate.errors.some(
          (e) => (e.keyword === "required" && e.params.missingProperty === field) || e.instancePath === `/${field}`,
        );
        assert.ok(named, `${c.name}: no error about ${field} in ${JSON.stringify(validate.errors)}`);
      }
      checked += 1;
    }
    assert.ok(checked >= 3, `${checked} invalid vectors checked`);
    t.diagnostic(`${checked} invalid vectors fail, naming the field`);
  });

  test(`${dto}: every vector's 400 body fits the OpenAPI document's 400 schema`, () => {
    const validateBody = strictAjv().compile(openapi.components.schemas[`${dto}BadRequest`]);
    let checked = 0;
    for (const c of cases.filter((c) => c.body !== null)) {
      assert.ok(validateBody(c.body), `${c.name}: ${JSON.stringify(validateBody.errors)}`);
      checked += 1;
    }
    assert.ok(checked >= 20, `${checked} bodies`);
  });
}
