// The JS copy's fast paths (src/wasm/reader.js): an object read by its kept shape gives exactly what the same object read key by key gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { validate, validateJson, validateField, pkgPath } from "./load.mjs";

// The package's reader.js itself (the instance the package uses), for what no export reaches.
const [snippet] = readdirSync(pkgPath("snippets"));
const reader = await import(pathToFileURL(pkgPath(`snippets/${snippet}/src/wasm/reader.js`)).href);

const DTO = "OnceOffPaymentRequest";
const valid = {
  Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Address: "12 Long Street", City: "Cape Town",
  Email: "thandi@example.co.za", InvoiceNumber: "INV-1", DebtDate: "2026-10-31", AmountOutstanding: 10.5,
  CurrenciesId: 1, ChannelsId: 3, DebtMeta: { source: "import" }, UrlToDocument: "https://example.com/a.pdf",
};

// Validates `make()` several times in a row (the first reads learn the keys, later ones go by the
// kept shape), each time after a plain object of the same keys, and checks every answer against
// `expected` (the same request as JSON text, which never takes the JS copy).
function check(make, expected) {
  for (let round = 0; round < 4; round++) {
    assert.deepEqual(validate(DTO, { ...valid }), { valid: true, errors: [] }, `round ${round}: the plain object`);
    assert.deepEqual(validate(DTO, make()), expected, `round ${round}`);
  }
}

test("an inherited enumerable key is not one of the object's own", () => {
  const proto = { Email: "not an email", Extra: 1 };
  check(() => Object.assign(Object.create(proto), valid), { valid: true, errors: [] });
});

test("a getter that throws is that field's type error, by the kept shape too", () => {
  const unreadable = { ...valid, Email: Symbol("x") };
  const want = validate(DTO, unreadable);
  assert.deepEqual(want.errors.map((e) => [e.field, e.code]), [["Email", "TypeMismatch"]]);
  check(() => Object.defineProperty({ ...valid }, "Email", { enumerable: true, get() { throw new Error("getter"); } }), want);
});

test("a field whose strings change no verdict still judges what is not a string", () => {
  for (const [address, errors] of [["any text", []], [42, []], [true, []], [null, []], [{}, [["Address", "TypeMismatch"]]], [[1], [["Address", "TypeMismatch"]]]]) {
    const text = JSON.stringify({ ...valid, Address: address });
    assert.deepEqual(validateJson(DTO, text).errors.map((e) => [e.field, e.code]), errors, text);
    check(() => ({ ...valid, Address: address }), validateJson(DTO, text));
  }
});

test("the same keys in another order, or one key more, are read again", () => {
  const { Segment, ...rest } = valid;
  check(() => ({ ...rest, Segment }), { valid: true, errors: [] });
  check(() => ({ ...valid, Unknown: "x" }), { valid: true, errors: [] });
  check(() => ({ ...valid, email: "no at sign" }), validateJson(DTO, JSON.stringify({ ...valid, email: "no at sign" })));
});

test("text with lone surrogates keeps every later value in place, by the kept shape too", () => {
  const input = () => ({ ...valid, FirstName: "\uD800", LastName: "\uDC00", Email: "a\uD800@b\uDC00", City: "x\uD800" });
  const expected = validateJson(DTO, JSON.stringify(input()));
  assert.equal(expected.valid, true);
  check(input, expected);
});

test("a request larger than the buffers Rust offers is read the long way, and the next one fits again", () => {
  // 4 KB of text fits the buffers first offered; 100 KB grows them (kept); 2 MB is read into
  // new ones (not kept): every answer is the same request's as JSON text, and so is the next
  // request of usual size, in the buffers offered again.
  for (const units of [100, 100_000, 2_000_000, 100]) {
    for (const email of ["a@" + "x".repeat(units), "é@" + "€".repeat(units), "@" + "x".repeat(units)]) {
      const input = { ...valid, Email: email, UrlToDocument: "https://example.com/" + "y".repeat(units) };
      const expected = validateJson(DTO, JSON.stringify(input));
      assert.deepEqual(validate(DTO, input), expected, `${units} units`);
      assert.deepEqual(validate(DTO, { ...valid }), { valid: true, errors: [] }, `after ${units} units`);
    }
  }
});

test("a call made from a getter of another call's options is answered, and so is the other", () => {
  // Words are asked for only when a request is invalid: the getter runs while the module judges.
  const outerInput = { ...valid, Email: "no at sign", CurrenciesId: 0 };
  const innerInput = { ...valid, UrlToDocument: "javascript:alert(1)" };
  const outerExpected = validateJson(DTO, JSON.stringify(outerInput));
  const innerExpected = validateJson(DTO, JSON.stringify(innerInput));
  assert.equal(outerExpected.errors.length, 2);
  const field = (input, options) => validateField(DTO, "Email", input.Email, input, options);
  const fieldExpected = field(outerInput);
  assert.equal(fieldExpected.errors.length, 1);
  for (const [call, expected] of [
    [(input, options) => validate(DTO, input, options), outerExpected],
    [(input, options) => validateJson(DTO, JSON.stringify(input), options), outerExpected],
    [field, fieldExpected],
  ]) {
    const inner = [];
    const options = {
      get locale() {
        inner.push(validate(DTO, innerInput), validateJson(DTO, JSON.stringify(innerInput)));
        return "en";
      },
    };
    assert.deepEqual(call(outerInput, options), expected);
    assert.deepEqual(inner, [innerExpected, innerExpected]);
    assert.deepEqual(validate(DTO, { ...valid }), { valid: true, errors: [] }, "the next call");
  }
});

test("a call made from a getter of the value being read is answered, and so is the value", () => {
  // The getter runs while reader.js copies the outer value (by its kept shape from the second
  // round on): the inner calls copy, bind and judge in the middle of that copy. Inner requests
  // of usual size, and ones too large for the offered buffers (the module grows its memory).
  for (const units of [10, 3_000_000]) {
    // Keys new to both sides in both values (numbered by the outer read before the getter runs).
    const outerInput = { [`Outer${units}`]: 1, ...valid, Email: "no at sign" };
    const outerExpected = validateJson(DTO, JSON.stringify(outerInput));
    assert.equal(outerExpected.errors.length, 1);
    const innerInput = { ...valid, UrlToDocument: "javascript:alert(1)", [`Inner${units}`]: "x".repeat(units), Other: 1 };
    const innerExpected = validateJson(DTO, JSON.stringify(innerInput));
    const fieldExpected = validateField(DTO, "UrlToDocument", innerInput.UrlToDocument, innerInput);
    assert.equal(innerExpected.errors.length, 1);
    const inner = [];
    const withGetter = () => Object.defineProperty({ ...outerInput }, "City", {
      enumerable: true,
      get() {
        inner.push(
          [validate(DTO, innerInput), innerExpected],
          [validateJson(DTO, JSON.stringify(innerInput)), innerExpected],
          [validateField(DTO, "UrlToDocument", innerInput.UrlToDocument, innerInput), fieldExpected],
        );
        return outerInput.City;
      },
    });
    check(withGetter, outerExpected);
    // The value as the context of validateField: the module reads it (a read it started).
    assert.deepEqual(validateField(DTO, "Email", outerInput.Email, withGetter()), validateField(DTO, "Email", outerInput.Email, outerInput));
    assert.ok(inner.length >= 5 * 3, `${inner.length} inner calls`);
    for (const [answer, expected] of inner) assert.deepEqual(answer, expected, `${units} units`);
  }
});

test("keys forgotten in the middle of a read fail that read, not its verdict, and the next call is right", () => {
  // The module forgets the keys only after a copy it cannot walk, which no call made from a
  // getter produces; reader.js's forgetKeys, called from the getter, stands in for it. The keys
  // the outer read numbered are then unknown to both sides: that read must not be judged.
  for (let round = 0; round < 3; round++) {
    const input = Object.defineProperty({ [`Forgotten${round}`]: 1, ...valid }, "City", {
      enumerable: true,
      get() {
        reader.forgetKeys();
        return "Cape Town";
      },
    });
    assert.deepEqual(validate(DTO, input).errors.map((e) => [e.field, e.code]), [["", "SerializationException"]], `round ${round}`);
    assert.deepEqual(validate(DTO, { ...valid }), { valid: true, errors: [] }, `after round ${round}`);
    assert.deepEqual(validate(DTO, { ...valid, Email: "x" }).errors.map((e) => e.field), ["Email"], `after round ${round}`);
  }
});
