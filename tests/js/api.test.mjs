// The JS API of the built package under Node's test runner: every parity vector, the types, and errors for bad arguments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { validate, validateJson, serverError, dtoNames, describeApi, pkgPath } from "./load.mjs";

const vectorsDir = fileURLToPath(new URL("../vectors/", import.meta.url));
for (const file of readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort()) {
  const { dto, cases } = JSON.parse(readFileSync(vectorsDir + file, "utf8"));
  for (const c of cases) {
    test(`${dto}: ${c.name}`, () => {
      const input = "input_text" in c ? JSON.parse(c.input_text) : c.input;
      const result = validate(dto, input);
      assert.equal(JSON.stringify(result), JSON.stringify(c.expected));
      assert.equal(JSON.stringify(serverError(dto, result)), JSON.stringify(c.body));
      const text = "input_text" in c ? c.input_text : JSON.stringify(c.input);
      assert.equal(JSON.stringify(validateJson(dto, text)), JSON.stringify(c.expected));
    });
  }
}

test("validateJson: text that is not a JSON object, or not a string, is one request error", () => {
  const error = (message) => ({ valid: false, errors: [{ field: "", code: "SerializationException", message }] });
  for (const text of ["", "{", "{\"amount\": 1,}", "{'amount': 1}", "{\"amount\": 01}", "{} {}", "\uFEFF{}"]) {
    assert.deepEqual(validateJson("CreatePaymentRequest", text), error("The request body is not valid JSON."), text);
  }
  for (const text of ["null", "[]", "1", "\"{}\""]) {
    assert.deepEqual(validateJson("CreatePaymentRequest", text), error("The request body must be a JSON object."), text);
  }
  for (const value of [undefined, null, 1, {}, new String("{}"), Symbol("x"), 1n]) {
    assert.deepEqual(validateJson("CreatePaymentRequest", value), error("The request body must be JSON text (a string)."), String(typeof value));
  }
  // What JSON.parse makes of the same text: deep nesting outside fields, a repeated key, an escape.
  const deep = "[".repeat(5000) + "]".repeat(5000);
  const text = `{"skip": ${deep}, "amount": 1, "gstAmount": 5, "AMOUNT": 2, "amount": 9, "particulars": "\\ud800"}`;
  assert.deepEqual(validateJson("CreatePaymentRequest", text), validate("CreatePaymentRequest", JSON.parse(text)));
  assert.throws(() => validateJson("Nope", "{}"), /known DTOs/);
});

test("dtoNames lists the DTO of every vector file, once each; describeApi describes each one's API", () => {
  const files = readdirSync(vectorsDir).filter((f) => f.endsWith(".json"));
  const named = files.map((f) => JSON.parse(readFileSync(vectorsDir + f, "utf8")).dto);
  assert.deepEqual([...dtoNames()].sort(), named.sort());
  assert.equal(new Set(dtoNames()).size, dtoNames().length);
  for (const dto of dtoNames()) {
    const api = describeApi(dto);
    assert.deepEqual(Object.keys(api), ["name", "framework", "method", "route", "forms"]);
    assert.equal(api.name, dto);
    assert.equal(api.method, "POST");
    assert.match(api.route, /^\/[A-Za-z0-9/_-]+$/);
    assert.equal(typeof api.forms, "boolean");
    // The framework decides the 400 body's shape.
    const body = serverError(dto, { valid: false, errors: [{ field: "", code: "X", message: "m" }] });
    assert.deepEqual(Object.keys(body), api.framework === "WebApi" ? ["Message", "ModelState"] : ["responseStatus"]);
  }
  assert.equal(new Set(dtoNames().map((dto) => describeApi(dto).route)).size, dtoNames().length, "one route per DTO");
  assert.throws(() => describeApi("Nope"), /known DTOs/);
});

test("an unknown DTO name throws an Error listing the known names", () => {
  const known = `known DTOs: ${dtoNames().join(", ")}`;
  for (const name of ["Nope", undefined, 7, {}]) {
    assert.throws(() => validate(name, {}), (e) => e instanceof Error && e.message.includes(known));
  }
  assert.throws(() => serverError("Nope", { valid: true, errors: [] }), Error);
});

test("serverError throws for what is not a ValidationResult, and the module keeps working", () => {
  for (const bad of [null, 1, {}, { errors: [1] }, new Proxy({}, { get() { throw new Error("trap"); } })]) {
    assert.throws(() => serverError("OnceOffPaymentRequest", bad), Error);
  }
  assert.equal(serverError("OnceOffPaymentRequest", { valid: true, errors: [] }), null);
  assert.equal(validate("CreatePaymentRequest", { amount: 1, gstAmount: 0 }).valid, true);
});

test("hostile values give results, not traps", () => {
  const hostile = [
    new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
    Object.defineProperty({}, "amount", { enumerable: true, get() { throw new Error("getter"); } }),
    (() => { const o = { amount: 1 }; o.self = o; return o; })(),
    { amount: 10n, gstAmount: Symbol("x"), particulars: () => 1 },
    { amount: NaN, gstAmount: Infinity },
    { particulars: "\uD800".repeat(5) },
  ];
  for (let round = 0; round < 1000; round++) {
    for (const value of hostile) {
      const result = validate("CreatePaymentRequest", value);
      assert.equal(result.valid, false);
      assert.ok(result.errors.length > 0);
    }
  }
  assert.deepEqual(validate("CreatePaymentRequest", { amount: "12.50", gstAmount: "1.25" }), { valid: true, errors: [] });
});

test("the TypeScript declarations name the real types, with no `any`", () => {
  const dts = readFileSync(pkgPath("payrules.d.ts"), "utf8");
  const publicPart = dts.split("export type InitInput")[0];
  assert.doesNotMatch(publicPart, /\bany\b/);
  // The DTO unions are generated from the registry: the names dtoNames() gives, and those whose API is Web API.
  const union = (names) => (names.length ? names.map((n) => JSON.stringify(n)).join(" | ") : "never");
  assert.ok(dts.includes(`export type DtoName = ${union(dtoNames())};`), "DtoName");
  const webApi = dtoNames().filter((dto) => describeApi(dto).framework === "WebApi");
  assert.ok(dts.includes(`export type WebApiDtoName = ${union(webApi)};`), "WebApiDtoName");
  assert.match(dts, /export function validate\(dto: DtoName, input: unknown, options\?: ValidateOptions\): ValidationResult;/);
  assert.match(dts, /export function serverError<D extends DtoName>\(dto: D, result: ValidationResult\): ServerErrorBody<D> \| null;/);
  assert.match(dts, /export function dtoNames\(\): DtoName\[\];/);
});

// The key binding picks for `field`: the last own key equal to it ignoring ASCII case.
function boundKey(input, field) {
  const ascii = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return Object.keys(input).filter((k) => ascii(k) === ascii(field)).pop();
}

test("validateField gives exactly validate's errors for the field, on every vector and field", async () => {
  const { validateField, describe } = await import("./load.mjs");
  let compared = 0;
  for (const file of readdirSync(vectorsDir).filter((f) => f.endsWith(".json"))) {
    const { dto, cases } = JSON.parse(readFileSync(vectorsDir + file, "utf8"));
    for (const c of cases) {
      const input = "input_text" in c ? JSON.parse(c.input_text) : c.input;
      if (typeof input !== "object" || input === null || Array.isArray(input)) continue;
      const all = validate(dto, input).errors;
      for (const { name } of describe(dto)) {
        const key = boundKey(input, name);
        const got = validateField(dto, name, key === undefined ? undefined : input[key], input);
        const expected = all.filter((e) => e.field === name);
        assert.deepEqual(got, { valid: expected.length === 0, errors: expected }, `${dto} ${c.name} ${name}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 5000, `${compared} field checks`);
});

test("validateForm reads FormData and URLSearchParams in form mode", async () => {
  const { validateForm } = await import("./load.mjs");
  const params = new URLSearchParams("accountCode=HSMM1113&contractId=2&paymentValue=4.1&paymentSuccessful=True&upfrontPayment=False&LoyaltyPointsToUse=1");
  assert.deepEqual(validateForm("RecordPaymentBindingModel", params), { valid: true, errors: [] });
  const form = new FormData();
  form.append("accountCode", "");
  form.append("contractId", " 7 ");
  form.append("paymentValue", "12.50");
  form.append("paymentSuccessful", "maybe");
  form.append("message", new Blob(["a file"]), "note.txt");
  assert.deepEqual(validateForm("RecordPaymentBindingModel", form).errors.map((e) => `${e.field} ${e.code}`), [
    "accountCode Required", "paymentSuccessful TypeMismatch", "message TypeMismatch",
  ]);
  assert.deepEqual(validateForm("CreatePaymentRequest", new URLSearchParams("amount=10&gstAmount=10.01")).errors.map((e) => e.message), [
    "'Gst Amount' must be less than or equal to '10'.",
  ]);
  for (const notAForm of [null, {}, "amount=1", [["amount", "1"]]]) {
    assert.deepEqual(validateForm("CreatePaymentRequest", notAForm).errors, [
      { field: "", code: "SerializationException", message: "The form must be an HTMLFormElement, FormData or URLSearchParams." },
    ]);
  }
});
