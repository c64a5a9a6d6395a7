// `parse` and the Standard Schema objects of the built package (its Node entry, as `import { CreatePaymentRequest } from "payrules"` gives them): every parity vector, the bound value, and request-level errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { pkgPath } from "./load.mjs";

const payrules = await import(pkgPath("node.mjs"));
const required = createRequire(import.meta.url)(pkgPath("payrules.cjs"));
const { parse, validate, dtoNames } = payrules;

const vectorsDir = fileURLToPath(new URL("../vectors/", import.meta.url));
const vectors = readdirSync(vectorsDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(vectorsDir + file, "utf8")));

test("every registered DTO has its Standard Schema object, under its name, from import and require", () => {
  assert.ok(dtoNames().length >= 4);
  for (const dto of dtoNames()) {
    const schema = payrules[dto];
    assert.equal(typeof schema?.["~standard"]?.validate, "function", dto);
    assert.equal(schema["~standard"].version, 1);
    assert.equal(schema["~standard"].vendor, "payrules");
    assert.equal(required[dto], schema, `${dto}: require and import share one object`);
  }
});

test("on every parity vector, parse gives validate's verdict, and the schema its value or its errors as issues", () => {
  let valid = 0;
  for (const { dto, cases } of vectors) {
    for (const c of cases) {
      let input;
      try {
        input = "input_text" in c ? JSON.parse(c.input_text) : c.input;
      } catch {
        continue; // text that is not JSON: validateJson's case (api.test.mjs)
      }
      const parsed = parse(dto, input);
      const { value, ...result } = parsed;
      assert.deepEqual(result, validate(dto, input), `${dto}: ${c.name}`);
      assert.deepEqual(result, c.expected, `${dto}: ${c.name}`);
      const outcome = payrules[dto]["~standard"].validate(input);
      if (parsed.valid) {
        valid++;
        assert.equal(typeof value, "object", `${dto}: ${c.name}`);
        assert.deepEqual(outcome, { value }, `${dto}: ${c.name}`);
      } else {
        assert.equal(value, undefined);
        const issues = c.expected.errors.map(({ field, code, message }) => (field === "" ? { message, code } : { message, code, path: [field] }));
        assert.deepEqual(outcome, { issues }, `${dto}: ${c.name}`);
      }
    }
  }
  assert.ok(valid >= 40, `${valid} valid vectors`);
});

test("the bound value: canonical names whatever the case sent, converted values, fields without a value left out", () => {
  const { value } = parse("FinancePaymentLogRequest", {
    PROCESS: "renewal",
    Amount: "-12.50",
    external_payment_id: " 991 ",
    pushed_to_gl: "TRUE",
    current_status_date: "2026-11-21 09:30",
    pushed_to_gl_date: "2026-11-21T09:30:00.5+02:00",
    order_id: 17,
    note: null,
    regent_id: "",
    unknown: "ignored",
  });
  assert.deepEqual(value, {
    process: "renewal",
    order_id: "17",
    external_payment_id: 991,
    amount: -12.5,
    current_status_date: "2026-11-21T09:30:00.0000000",
    pushed_to_gl: true,
    pushed_to_gl_date: "2026-11-21T09:30:00.5000000+02:00",
  });
  const once = parse("OnceOffPaymentRequest", {
    Segment: "Retail", FirstName: "A", LastName: "B", InvoiceNumber: "I-1", AmountOutstanding: 1050.49, CurrenciesId: 1, ChannelsId: 2,
    DebtMeta: { source: "import", batch: 7, flag: false, none: null, "": "empty key" },
  });
  assert.deepEqual(once.value.DebtMeta, { source: "import", batch: "7", flag: "false", none: null, "": "empty key" });
  assert.equal(once.value.AmountOutstanding, 1050.49);
});

test("parse and validate interleave: the text validate skips still reaches parse's value", () => {
  const input = { amount: 10, gstAmount: 1, particulars: "October", budgetCategory: "Travel", organisationId: "org-1" };
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(validate("CreatePaymentRequest", input), { valid: true, errors: [] });
    assert.deepEqual(parse("CreatePaymentRequest", input).value, input);
  }
});

test("an error about the request as a whole is an issue without a path: never a valid result", () => {
  for (const input of [null, undefined, 42, "text", [], new Proxy({}, { ownKeys() { throw new Error("trap"); } })]) {
    const outcome = payrules.CreatePaymentRequest["~standard"].validate(input);
    assert.equal(outcome.value, undefined, String(input));
    assert.equal(outcome.issues.length, 1);
    assert.equal(outcome.issues[0].path, undefined);
    const [error] = validate("CreatePaymentRequest", input).errors;
    assert.equal(error.field, "");
    assert.deepEqual(outcome.issues[0], { message: error.message, code: error.code });
    assert.match(error.message, /request/);
  }
});

test("parse throws for an unknown DTO, as every export does", () => {
  assert.throws(() => parse("Nope", {}), /known DTOs/);
});

test("payrules/json-schema's DTO objects: the same validate, and ~standard.jsonSchema for input and output", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: Ajv07 } = await import("ajv");
  const jsonSchema = await import(pkgPath("json-schema.js"));
  const requiredJsonSchema = createRequire(import.meta.url)(pkgPath("json-schema.cjs"));
  let checked = 0;
  for (const dto of dtoNames()) {
    for (const combined of [jsonSchema[dto], requiredJsonSchema[dto]]) {
      const standard = combined["~standard"];
      assert.equal(standard.version, 1);
      assert.equal(standard.vendor, "payrules");
      assert.equal(standard.validate, payrules[dto]["~standard"].validate, `${dto}: the main entry's validate`);
      assert.deepEqual(standard.jsonSchema.input({ target: "draft-2020-12" }), jsonSchema.jsonSchemas[dto]);
      const draft7 = standard.jsonSchema.input({ target: "draft-07" });
      assert.equal(draft7.$schema, "http://json-schema.org/draft-07/schema#");
      assert.notEqual(jsonSchema.jsonSchemas[dto].$schema, draft7.$schema, "a copy, not the shared schema");
      for (const target of ["openapi-3.0", "draft-04", undefined]) {
        assert.throws(() => standard.jsonSchema.output({ target }), /no JSON Schema for target/, String(target));
      }
    }
    // Every valid vector's bound value fits the output schema, under draft 2020-12 and draft-07 validators.
    const output2020 = new Ajv2020({ strict: false }).compile(jsonSchema[dto]["~standard"].jsonSchema.output({ target: "draft-2020-12" }));
    const output07 = new Ajv07({ strict: false }).compile(jsonSchema[dto]["~standard"].jsonSchema.output({ target: "draft-07" }));
    for (const { dto: owner, cases } of vectors) {
      if (owner !== dto) continue;
      for (const c of cases) {
        let input;
        try {
          input = "input_text" in c ? JSON.parse(c.input_text) : c.input;
        } catch {
          continue;
        }
        const { valid, value } = parse(dto, input);
        if (!valid) continue;
        assert.ok(output2020(value), `${dto}: ${c.name}: ${JSON.stringify(output2020.errors)}`);
        assert.ok(output07(value), `${dto}: ${c.name}: ${JSON.stringify(output07.errors)}`);
        checked++;
      }
    }
    // And a value missing a required field, or of another type, does not.
    const required = payrules.describe(dto).find((f) => f.required);
    if (required) assert.equal(output2020({}), false, `${dto}: ${required.name} is required in the output`);
  }
  assert.ok(checked >= 150, `${checked} bound values`);
});
