// `{ locale }` in the built package: the language entries (payrules/locales/*) registered through the package's own name, each sample language's results equal to the crate's (tests/languages.json), the resolution table both sides read (tests/locales.json), every shipped language on every vector, and the same in headless Chromium.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { pkgPath } from "./load.mjs";

const payrules = await import(pkgPath("node.mjs"));
const { validate, validateJson, parse, dtoNames } = payrules;
const samples = JSON.parse(readFileSync(new URL("../languages.json", import.meta.url), "utf8")).cases;
const resolutions = JSON.parse(readFileSync(new URL("../locales.json", import.meta.url), "utf8")).cases;
const vectorsDir = fileURLToPath(new URL("../vectors/", import.meta.url));
const vectors = readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(vectorsDir + f, "utf8")));
const ONCE_OFF = samples.find((c) => c.dto === "OnceOffPaymentRequest").body;
const messages = (locale) => validateJson("OnceOffPaymentRequest", ONCE_OFF, locale === undefined ? undefined : { locale }).errors.map((e) => e.message);

test("before a language is loaded, every locale is English; loading one chooses it, and only it", async () => {
  const english = messages();
  for (const locale of ["fr", "fr-CA", "de"]) assert.deepEqual(messages(locale), english, locale);
  const { default: french } = await import(pkgPath("locales/fr.js"));
  assert.deepEqual(french.cultures, ["fr"]);
  assert.equal(french.templates.length, 14, "one template per violation: reader.js's TEMPLATES");
  assert.notDeepEqual(messages("fr-CA"), english);
  assert.deepEqual(messages("fr-CA"), messages("fr"));
  assert.deepEqual(messages("de-DE"), english, "German is not loaded yet");
});

test("addLanguage refuses what is not a language", () => {
  const good = { cultures: ["xx"], templates: Array(14).fill("") };
  for (const bad of [null, 1, {}, { ...good, cultures: "xx" }, { ...good, templates: Array(13).fill("") }, { ...good, templates: [...good.templates.slice(1), 1] }, { ...good, parents: [["a", 1]] }, { ...good, parents: "a" }]) {
    assert.throws(() => payrules.addLanguage(bad), TypeError, JSON.stringify(bad));
  }
});

test("every sample language's results are the crate's: validate, validateJson, parse and the Standard Schema", async () => {
  await import(pkgPath("locales/all.js"));
  const locales = new Set();
  for (const { locale, dto, body, expected } of samples) {
    locales.add(locale);
    const options = { locale };
    const name = `${dto} in ${locale}`;
    assert.deepEqual(validateJson(dto, body, options), expected, name);
    assert.deepEqual(validate(dto, JSON.parse(body), options), expected, name);
    const { value, ...parsed } = parse(dto, JSON.parse(body), options);
    assert.deepEqual(parsed, expected, name);
    const issues = payrules[dto]["~standard"].validate(JSON.parse(body), { libraryOptions: options }).issues.map((i) => i.message);
    assert.deepEqual(issues, expected.errors.map((e) => e.message), name);
  }
  assert.ok(locales.size >= 7);
});

test("locales resolve as the crate resolves them (tests/locales.json)", () => {
  const english = messages();
  for (const [locale, culture] of resolutions) {
    assert.deepEqual(messages(locale), culture === "en" ? english : messages(culture), JSON.stringify(locale));
  }
});

test("in every shipped language, every vector keeps its fields, codes and verdict, with a template filled", async () => {
  const { cultures } = await import(pkgPath("locales/all.js"));
  assert.ok(cultures.length >= 54, `${cultures.length} languages`);
  let translated = 0;
  for (const culture of cultures) {
    for (const { dto, cases } of vectors) {
      for (const c of cases) {
        const text = "input_text" in c ? c.input_text : JSON.stringify(c.input);
        const result = validateJson(dto, text, { locale: culture });
        assert.deepEqual(result.errors.map((e) => [e.field, e.code]), c.expected.errors.map((e) => [e.field, e.code]), `${dto} ${c.name} in ${culture}`);
        for (const [i, error] of result.errors.entries()) {
          assert.doesNotMatch(error.message, /\{[A-Za-z]+\}/, `${dto} ${c.name} in ${culture}`);
          if (error.message !== c.expected.errors[i].message) translated++;
        }
      }
    }
  }
  assert.ok(translated > 5000, `${translated} messages translated`);
  assert.ok(dtoNames().length >= 4);
});

// Chromium: the browser entry with an import map naming "payrules", every language loaded.
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end(`<!doctype html><script type="importmap">{"imports":{"payrules":"/index.js"}}</script><script type="module">
      import * as payrules from "payrules"; import "/locales/all.js";
      window.run = (cases) => cases.map(({ locale, dto, body }) => payrules.validateJson(dto, body, { locale }));
      document.body.dataset.ready = "1";
    </script>`);
  }
  try {
    const body = readFileSync(join(pkgPath(""), path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
let browser;
after(async () => {
  await browser?.close();
  server.close();
});

test("in headless Chromium, the sample languages give the crate's results", async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 20000 });
  const results = await page.evaluate((cases) => window.run(cases), samples);
  assert.deepEqual(results, samples.map((c) => c.expected));
  assert.deepEqual(problems, []);
});
