// The demo's four forms in Debian's headless Chromium (playwright-core): constraint attributes, live errors, summary, focus, ARIA, and the server agreeing with the client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { launchChromium } from "../js/chromium.mjs";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { dtoNames } from "../js/load.mjs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUTPUT = `${ROOT}test-output`;

// Per form, from the `form` section of its DTO's vector file: valid entries, invalid entries,
// the errors those give (in field order), and a fix that clears one of them. The forms are the
// registry's: every DTO dtoNames() lists is tested, and one without form cases fails.
const VECTORS = `${ROOT}tests/vectors/`;
const FORMS = Object.fromEntries(
  readdirSync(VECTORS)
    .filter((file) => file.endsWith(".json"))
    .map((file) => JSON.parse(readFileSync(VECTORS + file, "utf8")))
    .map(({ dto, form }) => [dto, form]),
);
const DTOS = dtoNames();

test("every DTO of the registry has form cases in its vector file", () => {
  for (const dto of DTOS) {
    const form = FORMS[dto];
    assert.ok(form, `${dto}: tests/vectors has no file for it`);
    for (const key of ["valid", "invalid", "errors", "fix"]) assert.ok(form[key], `${dto}: form.${key}`);
  }
});

let server, browser, base;

before(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  server = spawn(`${ROOT}target/debug/payrules-server`, ["--port", "0", "--quiet", "--www", `${ROOT}www`, "--pkg", `${ROOT}pkg`], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/[^/\s]+)\//);
      if (match) resolve(match[1]);
    });
    server.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function open(dto) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  // Chromium logs every non-2xx fetch as a console error; an API's 400 answer is expected.
  page.on("console", (m) => m.type() === "error" && !/status of 400 \(Bad Request\)/.test(m.text()) && problems.push(m.text()));
  await page.goto(`${base}/#${dto}`);
  await page.waitForSelector("body[data-ready=true]");
  return { page, problems, form: page.locator(`#form-${dto}`) };
}

/** Fills the form's controls; each text control is left (blurred) as a person would. */
async function fill(page, dto, values) {
  for (const [name, value] of Object.entries(values)) {
    const input = page.locator(`#form-${dto} [name="${name}"]`);
    if (typeof value === "boolean") await input.setChecked(value);
    else await input.fill(value);
    await input.blur();
  }
}

const errorText = (page, dto, name) => page.locator(`#${dto}-${name}-error`);

for (const dto of DTOS.filter((dto) => FORMS[dto])) {
  const data = FORMS[dto];
  test(`${dto}: the controls carry describe()'s constraint attributes`, async () => {
    const { page, problems } = await open(dto);
    const fields = await page.evaluate(async (name) => (await import("/pkg/payrules.js")).describe(name), dto);
    let checked = 0;
    for (const field of fields) {
      const input = page.locator(`#form-${dto} [name="${field.name}"]`);
      if (field.html === null) {
        assert.equal(await input.count(), 0, `${field.name} (a map) has no control`);
        continue;
      }
      const attributes = await input.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
      assert.equal(attributes.type, field.html.type, field.name);
      assert.equal("required" in attributes, field.html.required === true, `${field.name} required`);
      assert.equal(attributes.maxlength, field.html.maxlength?.toString(), `${field.name} maxlength`);
      assert.equal(attributes.inputmode, field.html.inputmode, `${field.name} inputmode`);
      assert.equal(await page.locator(`label[for="${attributes.id}"]`).first().evaluate((l) => l.firstChild.textContent), field.label);
      checked++;
    }
    assert.equal(checked, fields.filter((f) => f.html !== null).length, "every field that has a control");
    assert.ok(checked > 0, `${dto} has controls`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${dto}: errors on blur, live updates, summary, focus and ARIA`, async () => {
    const { page, problems } = await open(dto);
    await fill(page, dto, data.invalid);
    // Errors of the fields left so far are on screen (fields never touched stay quiet until submit).
    for (const [name, message] of data.errors) {
      if (!(name in data.invalid)) {
        assert.equal(await errorText(page, dto, name).isVisible(), false, `${name} untouched`);
        continue;
      }
      assert.equal(await errorText(page, dto, name).textContent(), message);
      const input = page.locator(`#form-${dto} [name="${name}"]`);
      assert.equal(await input.getAttribute("aria-invalid"), "true");
      assert.ok((await input.getAttribute("aria-describedby")).split(" ").includes(`${dto}-${name}-error`));
    }
    // The panel shows the exact body the server would answer.
    const body = await page.locator(`#body-${dto}`).textContent();
    const expected = await page.evaluate(async (name) => {
      const p = await import("/pkg/payrules.js");
      return JSON.stringify(p.serverError(name, p.validateForm(name, document.getElementById(`form-${name}`))), null, 2);
    }, dto);
    assert.equal(body, `400 ${expected}`);

    await page.locator(`#form-${dto} button[type=submit]`).click();
    const summary = page.locator(`#summary-${dto}`);
    assert.equal(await summary.isVisible(), true);
    assert.deepEqual(await summary.locator("li").allTextContents(), data.errors.map(([, message]) => message));
    for (const [name, message] of data.errors) assert.equal(await errorText(page, dto, name).textContent(), message);
    const first = await page.evaluate(() => document.activeElement.name);
    assert.equal(first, data.errors[0][0], "focus moves to the first invalid field");
    await page.screenshot({ path: `${OUTPUT}/${dto}-errors.png`, fullPage: true });

    // Correcting a field clears its error as you type.
    const { field: name, value, clears: fixed } = data.fix;
    assert.ok(data.errors.some(([n]) => n === fixed), `${fixed} had an error to clear`);
    await page.locator(`#form-${dto} [name="${name}"]`).fill(value);
    assert.equal(await errorText(page, dto, fixed).isVisible(), false, `${fixed} cleared on input`);
    assert.equal(await page.locator(`#form-${dto} [name="${fixed}"]`).getAttribute("aria-invalid"), "false");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${dto}: with client checks skipped the server answers the same errors`, async () => {
    const { page, problems } = await open(dto);
    await fill(page, dto, data.invalid);
    await page.locator(`#${dto}-skip`).check();
    await page.locator(`#form-${dto} button[type=submit]`).click();
    const compare = page.locator(`#compare-${dto}`);
    await compare.waitFor({ state: "visible" });
    await page.waitForFunction((id) => document.getElementById(id).textContent !== "", `compare-${dto}`);
    assert.equal(await compare.textContent(), "The server's errors are the same as the client's.");
    const answer = await page.locator(`#answer-${dto}`).textContent();
    assert.ok(answer.startsWith("400 "), answer);
    const serverMessages = (() => {
      const body = JSON.parse(answer.slice(4));
      return body.responseStatus ? body.responseStatus.errors.map((e) => e.message) : Object.values(body.ModelState).flat();
    })();
    assert.deepEqual(serverMessages, data.errors.map(([, message]) => message));
    // The server's body, read back (fromServerError), is what the form now shows, under each field.
    const summary = page.locator(`#summary-${dto}`);
    assert.equal(await summary.getAttribute("data-source"), "server");
    assert.deepEqual(await summary.locator("li").allTextContents(), serverMessages);
    for (const [name, message] of data.errors) assert.equal(await errorText(page, dto, name).textContent(), message);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${dto}: a valid form is accepted by the server`, async () => {
    const { page, problems } = await open(dto);
    await fill(page, dto, data.valid);
    for (const [name] of data.errors) assert.equal(await errorText(page, dto, name).isVisible(), false, name);
    assert.equal(await page.locator(`#body-${dto}`).textContent(), "valid: 200");
    await page.locator(`#form-${dto} button[type=submit]`).click();
    await page.waitForFunction((id) => document.getElementById(id).textContent !== "", `compare-${dto}`);
    assert.equal(await page.locator(`#compare-${dto}`).textContent(), "The server accepted it, as the client said it would.");
    assert.match(await page.locator(`#answer-${dto}`).textContent(), /^200 /);
    assert.equal(await page.locator(`#summary-${dto}`).isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("an unchecked checkbox is false for a bool field, so a required bool is satisfied", async () => {
  const dto = "RecordPaymentBindingModel";
  const { page } = await open(dto);
  await fill(page, dto, { ...FORMS[dto].valid, paymentSuccessful: false });
  assert.equal(await page.locator(`#body-${dto}`).textContent(), "valid: 200");
  await page.close();
});

test("in French, the form's messages are FluentValidation's French, and the server answers the same words", async () => {
  const dto = "CreatePaymentRequest";
  const { page, problems } = await open(dto);
  await page.locator("#language").selectOption("fr");
  await page.waitForFunction(() => document.body.dataset.locale === "fr");
  await fill(page, dto, { amount: "10", gstAmount: "10.01", particulars: "Oct" });
  await page.locator(`#${dto}-gstAmount`).blur();
  assert.equal(await errorText(page, dto, "gstAmount").textContent(), "'Gst Amount' doit être plus petit ou égal à '10'.");
  await page.locator(`#${dto}-skip`).check();
  await page.locator(`#form-${dto} button[type=submit]`).click();
  await page.waitForFunction((id) => document.getElementById(id).textContent !== "", `compare-${dto}`);
  assert.equal(await page.locator(`#compare-${dto}`).textContent(), "The server's errors are the same as the client's.");
  const answer = JSON.parse((await page.locator(`#answer-${dto}`).textContent()).slice(4));
  assert.equal(answer.responseStatus.errors[0].message, "'Gst Amount' doit être plus petit ou égal à '10'.");
  assert.equal(answer.responseStatus.errors[0].errorCode, "LessThanOrEqual", "codes do not change with the language");
  assert.deepEqual(problems, []);
  await page.close();
});

test("user text is shown as text, never as markup", async () => {
  const dto = "CreatePaymentRequest";
  const { page, problems } = await open(dto);
  await fill(page, dto, { amount: "<img src=x onerror=alert(1)>", gstAmount: "1" });
  await page.locator(`#${dto}-skip`).check();
  await page.locator(`#form-${dto} button[type=submit]`).click();
  await page.waitForFunction((id) => document.getElementById(id).textContent !== "", `compare-${dto}`);
  assert.equal(await page.locator("img").count(), 0);
  assert.equal(await errorText(page, dto, "amount").textContent(), "'Amount' must be a decimal number.");
  assert.deepEqual(problems, []);
  await page.close();
});

// Every text control of every form, with markup typed in: nothing executes, nothing becomes an
// element, the text stays as typed, and the page runs under the server's Content-Security-Policy.
test("typed markup never executes, in any field of any form, under the page's CSP", async () => {
  const response = await fetch(`${base}/`);
  const csp = response.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  const payloads = ["<img src=x onerror=alert(1)>", '"><script>alert(2)</script>', "</textarea><svg onload=alert(3)>", "javascript:alert(4)"];
  for (const dto of DTOS) {
    const { page, problems } = await open(dto);
    const dialogs = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const before = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, svgs: document.querySelectorAll("svg").length }));
    const names = await page.locator(`#form-${dto} input[type=text], #form-${dto} textarea`).evaluateAll((inputs) => inputs.map((i) => i.name));
    const textFields = await page.evaluate(async (name) => (await import("/pkg/payrules.js")).describe(name).filter((f) => f.html?.type === "text").length, dto);
    assert.equal(names.length, textFields, `${dto}: a text control per text field`);
    for (const [i, name] of names.entries()) {
      const text = payloads[i % payloads.length];
      const input = page.locator(`#form-${dto} [name="${name}"]`);
      await input.fill(text);
      await input.blur();
      // (A control with maxlength keeps as much as it allows.)
      const maxlength = Number((await input.getAttribute("maxlength")) ?? Infinity);
      assert.equal(await input.inputValue(), text.slice(0, maxlength), `${dto}.${name} keeps the text as typed`);
    }
    await page.locator(`#${dto}-skip`).check();
    await page.locator(`#form-${dto} button[type=submit]`).click();
    await page.waitForFunction((id) => document.getElementById(id).textContent !== "", `compare-${dto}`);
    const afterwards = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, svgs: document.querySelectorAll("svg").length }));
    assert.deepEqual(afterwards, before, `${dto}: no element made from typed text`);
    assert.deepEqual(dialogs, [], `${dto}: nothing executed`);
    assert.deepEqual(problems, [], `${dto}: no script error and no CSP violation`);
    await page.screenshot({ path: `${OUTPUT}/markup-${dto}.png`, fullPage: true });
    await page.close();
  }
});
