// `payrules/server-errors` of the built package: every vector's 400 body read back to the client's own result, the hand-written answers of tests/server_errors.json (which the crate's from_server_error reads to the same results, tests/server_errors.rs), bodies as text, and bad arguments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dtoNames, pkgPath } from "./load.mjs";

const { fromServerError } = await import(pkgPath("server-errors.js"));
const required = createRequire(import.meta.url)(pkgPath("server-errors.cjs"));

const vectorsDir = fileURLToPath(new URL("../vectors/", import.meta.url));
const vectors = readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(vectorsDir + f, "utf8")));
const answers = JSON.parse(readFileSync(new URL("../server_errors.json", import.meta.url), "utf8")).cases;

test("every vector's 400 body reads back to the client's result, as an object and as text, from import and require", () => {
  let read = 0;
  for (const { dto, cases } of vectors) {
    for (const c of cases) {
      if (c.body === null) continue;
      for (const body of [c.body, JSON.stringify(c.body)]) {
        assert.deepEqual(fromServerError(dto, 400, body), c.expected, `${dto}: ${c.name}`);
        assert.deepEqual(required.fromServerError(dto, 400, body), c.expected, `${dto}: ${c.name} (require)`);
      }
      read++;
    }
  }
  assert.ok(read >= 250, `${read} bodies`);
  assert.deepEqual([...new Set(vectors.map((v) => v.dto))].sort(), [...dtoNames()].sort(), "every registered DTO's bodies");
});

test("hand-written answers read back exactly as the crate reads them", () => {
  assert.ok(answers.length >= 10);
  for (const { name, dto, status, body, body_text: text, expected } of answers) {
    assert.deepEqual(fromServerError(dto, status, text ?? body), expected, name);
  }
});

test("a body whose getters throw is unreadable, not a crash", () => {
  const body = new Proxy({}, { ownKeys() { throw new Error("trap"); }, get() { throw new Error("trap"); }, has() { throw new Error("trap"); } });
  assert.deepEqual(fromServerError("CreatePaymentRequest", 400, body), {
    valid: false,
    errors: [{ field: "", code: "SerializationException", message: "The server answered 400 with a body that is not an error of this API." }],
  });
});

test("an unknown DTO or a status that is not an HTTP status throws", () => {
  assert.throws(() => fromServerError("Nope", 400, {}), /unknown DTO "Nope"; known DTOs: /);
  assert.throws(() => fromServerError(42, 400, {}), /a DTO name is a string/);
  for (const status of [undefined, "400", 99, 600, 400.5, NaN]) {
    assert.throws(() => fromServerError("CreatePaymentRequest", status, {}), /HTTP status code/, String(status));
  }
});
