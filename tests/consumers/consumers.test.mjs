// Consumer tests: the packed payrules tarball installed into a throwaway project, as a user installs it, then used from Node (import and require), a page with no bundler and its module worker, a Vite + React + react-hook-form app, react-hook-form's standardSchemaResolver and TanStack Form with the Standard Schema objects, and a webpack 5 app in Chromium, a Hono server with @hono/standard-validator, and tsc --strict.
// Needs the built package in pkg/ (scripts/test.sh builds it) and Debian's chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { launchChromium } from "../js/chromium.mjs";
import { dtoNames } from "../js/load.mjs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HERE = fileURLToPath(new URL("./", import.meta.url));

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

// What every consumer must get for { amount: "10", gstAmount: 12 } as a CreatePaymentRequest.
const GST_ABOVE_AMOUNT = {
  valid: false,
  errors: [{ field: "gstAmount", code: "LessThanOrEqual", message: "'Gst Amount' must be less than or equal to '10'." }],
};

let project, tarball, server, base, browser;

before(async () => {
  project = mkdtempSync(join(tmpdir(), "payrules-consumer-"));
  tarball = join(project, run("npm", ["pack", "--silent", "--pack-destination", project], join(ROOT, "pkg")).trim().split("\n").pop());
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(HERE, file), join(project, file));
  cpSync(join(HERE, "app"), project, { recursive: true });
  run("npm", ["ci", "--no-audit", "--no-fund"], project);
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", tarball], project);
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    try {
      const body = readFileSync(join(project, path));
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Opens `path` of the project in a fresh page; collects page errors and console errors. */
async function open(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${base}${path}`);
  return { page, problems };
}

test("the tarball holds the package's files and nothing else", () => {
  const files = run("tar", ["tzf", tarball], project).trim().split("\n").map((f) => f.replace(/^package\//, "")).sort();
  const snippet = files.filter((f) => f.startsWith("snippets/"));
  // payrules/locales/<culture>: .js, .cjs, .d.ts and .json per language; all.{js,cjs,d.ts}; index.json.
  const locales = files.filter((f) => f.startsWith("locales/"));
  const languages = JSON.parse(readFileSync(join(ROOT, "pkg/locales/index.json"), "utf8"));
  assert.ok(languages.length >= 54, `${languages.length} languages`);
  assert.deepEqual(locales, [...languages.flatMap(({ culture }) => ["cjs", "d.ts", "js", "json"].map((ext) => `locales/${culture}.${ext}`)), "locales/all.cjs", "locales/all.d.ts", "locales/all.js", "locales/index.json"].sort());
  assert.deepEqual(files.filter((f) => !f.startsWith("snippets/") && !f.startsWith("locales/")), [
    "README.md", "index.d.ts", "index.js", "json-schema.cjs", "json-schema.d.ts", "json-schema.js", "node.mjs", "openapi.json", "package.json",
    "payrules.cjs", "payrules.d.ts", "payrules.js", "payrules_bg.wasm", "react-hook-form.d.ts", "react-hook-form.js",
    "server-errors-data.js", "server-errors.cjs", "server-errors.d.ts", "server-errors.js",
  ]);
  assert.equal(snippet.length, 2, `reader.js and reader.cjs: ${snippet}`);
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/payrules/package.json"), "utf8"));
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]*)"/m)[1];
  assert.equal(manifest.version, cargo, "the package's version is the crate's");
  console.log(`packed tarball: ${statSync(tarball).size} bytes, ${files.length} files`);
});

test("Node, import: real results from the installed package", () => {
  const out = JSON.parse(run("node", ["node-esm.mjs"], project));
  assert.deepEqual(out.result, GST_ABOVE_AMOUNT);
  assert.deepEqual(out.json.errors.map((e) => [e.field, e.code]), [["accountCode", "Required"], ["contractId", "Required"], ["paymentValue", "Required"], ["paymentSuccessful", "Required"]]);
  assert.equal(out.body.responseStatus.errors[0].fieldName, "GstAmount");
  assert.deepEqual(out.names, dtoNames(), "the registry, as the built package lists it");
  assert.equal(out.fields, 9);
});

test("Node, require: the same results", () => {
  const esm = run("node", ["node-esm.mjs"], project);
  assert.equal(run("node", ["node-cjs.cjs"], project), esm);
});

test("a page with no bundler, and its module worker, in Chromium", async () => {
  const { page, problems } = await open("/plain/index.html");
  await page.waitForFunction(() => document.body.dataset.worker !== undefined, null, { timeout: 20000 }).catch((e) => {
    throw new Error(`${e.message}; page problems: ${problems.join("; ")}`);
  });
  const data = await page.evaluate(() => ({ ...document.body.dataset }));
  assert.deepEqual(JSON.parse(data.result), GST_ABOVE_AMOUNT);
  assert.deepEqual(JSON.parse(data.form), GST_ABOVE_AMOUNT, "validateForm on the page's form");
  assert.deepEqual(JSON.parse(data.worker), GST_ABOVE_AMOUNT, "validate in a module worker");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a Vite + React app with payrules/react-hook-form, built and loaded in Chromium", async () => {
  run("npx", ["vite", "build", "--base", "./", "--logLevel", "warn"], join(project, "vite"));
  const { page, problems } = await open("/vite/dist/index.html");
  await page.waitForSelector("#dtos", { timeout: 20000 });
  assert.equal(await page.locator("#dtos").textContent(), dtoNames().join(","));
  const error = (name) => page.locator(`[data-error=${name}]`);
  // Submitted empty: the server's NotNull wording under both amounts.
  await page.getByRole("button", { name: "Pay" }).click();
  await error("gstAmount").waitFor();
  assert.equal(await error("amount").textContent(), "'Amount' must not be empty.");
  assert.equal(await error("amount").getAttribute("data-code"), "NotNull");
  assert.equal(await error("gstAmount").textContent(), "'Gst Amount' must not be empty.");
  // Tax above the amount: the cross-field rule, in the server's words.
  await page.getByLabel("amount", { exact: true }).fill("10");
  await page.getByLabel("gstAmount", { exact: true }).fill("10.5");
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForFunction(() => document.querySelector("[data-error=gstAmount]")?.textContent.includes("less than"));
  assert.equal(await error("gstAmount").textContent(), "'Gst Amount' must be less than or equal to '10'.");
  assert.equal(await error("amount").count(), 0);
  // Valid: the values come through.
  await page.getByLabel("gstAmount", { exact: true }).fill("1.25");
  await page.getByLabel("particulars", { exact: true }).fill("October");
  await page.getByRole("button", { name: "Pay" }).click();
  await page.locator("#accepted").waitFor();
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), { amount: "10", gstAmount: "1.25", particulars: "October" });
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(ROOT, "test-output/consumer-vite.png") });
  await page.close();
});

test("a webpack 5 app, built and loaded in Chromium", async () => {
  run("npx", ["webpack", "--config", "webpack.config.cjs"], join(project, "webpack"));
  const { page, problems } = await open("/webpack/index.html");
  await page.waitForFunction(() => document.body.dataset.result !== undefined, null, { timeout: 20000 });
  assert.deepEqual(JSON.parse(await page.evaluate(() => document.body.dataset.result)), GST_ABOVE_AMOUNT);
  assert.equal(await page.evaluate(() => document.body.dataset.names), dtoNames().join(","));
  assert.deepEqual(problems, []);
  await page.close();
});

test("what the installed package ships to a browser is within the size budget", () => {
  const out = run("node", [join(ROOT, "scripts/size-budget.mjs"), join(project, "node_modules/payrules")], project);
  assert.match(out, /what a browser downloads \(4 files\)/);
  console.log(out.trim().split("\n").pop().trim());
});

test("TypeScript --strict: every export type-checks, and wrong uses do not compile", () => {
  run("npx", ["tsc", "-p", "types/tsconfig.json"], project);
  const wrong = spawnSync("npx", ["tsc", "-p", "types/tsconfig.wrong.json"], { cwd: project, encoding: "utf8" });
  assert.notEqual(wrong.status, 0, "wrong.ts compiled");
  const found = [...wrong.stdout.matchAll(/wrong\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(found, [
    "5:TS2345", "6:TS2551", "7:TS2339", "8:TS2345",
    // The Standard Schema exports: parse's value only once narrowed, DtoValue's types, InferOutput, the resolver's and sValidator's types.
    "12:TS2339", "13:TS2345", "14:TS2339", "15:TS2322", "16:TS2741", "17:TS2344", "18:TS2339", "19:TS2345", "20:TS2339", "23:TS2339", "25:TS2345",
  ], wrong.stdout);
});

test("TypeScript --strict: a DTO schema's ~standard.validate is typed synchronous, with payrules' issues", () => {
  const checked = spawnSync("npx", ["tsc", "-p", "types/tsconfig.sync.json"], { cwd: project, encoding: "utf8" });
  assert.equal(checked.status, 0, checked.stdout);
});

// The Standard Schema consumers below are handed CreatePaymentRequest; each must show the server's words and pass on the bound value.
const EMPTY = { amount: "'Amount' must not be empty.", gstAmount: "'Gst Amount' must not be empty." };
const GST_ABOVE_TEN = "'Gst Amount' must be less than or equal to '10'.";

/** Types the CreatePaymentRequest form's three inputs on `page`. */
async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) await page.getByLabel(name, { exact: true }).fill(value);
}

test("react-hook-form with standardSchemaResolver(CreatePaymentRequest), built with Vite and loaded in Chromium", async () => {
  run("npx", ["vite", "build", "--base", "./", "--logLevel", "error"], join(project, "rhf-standard"));
  const { page, problems } = await open("/rhf-standard/dist/index.html");
  const pay = page.getByRole("button", { name: "Pay", exact: true });
  await pay.waitFor({ timeout: 20000 });
  const error = (name) => page.locator(`[data-error=${name}]`);
  const submits = async (n) => page.waitForFunction((n) => document.querySelector("#submits").textContent === String(n), n);
  // Submitted empty: the server's NotNull wording under both amounts, nothing accepted.
  await pay.click();
  await submits(1);
  assert.equal(await error("amount").textContent(), EMPTY.amount);
  assert.equal(await error("gstAmount").textContent(), EMPTY.gstAmount);
  assert.equal(await error("particulars").count(), 0);
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), []);
  // Tax above the amount: the cross-field rule, in the server's words, under gstAmount only.
  await fill(page, { amount: "10", gstAmount: "10.5" });
  await pay.click();
  await submits(2);
  assert.equal(await error("gstAmount").textContent(), GST_ABOVE_TEN);
  assert.equal(await error("amount").count(), 0);
  // Valid values that payrules cannot read (the resolver is handed them behind a Proxy whose ownKeys throws): a
  // request-level issue, without a path, which standardSchemaResolver puts under errors.root; onSubmit is not called.
  await fill(page, { gstAmount: "1.25", particulars: "October" });
  await page.getByRole("button", { name: "Pay (unreadable)" }).click();
  await submits(3);
  assert.equal(await error("root").textContent(), "The request object could not be read.");
  assert.equal(await page.locator("[data-error]").count(), 1, "only errors.root");
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), []);
  // Valid: onSubmit gets the schema's output, the request as bound (numbers for money).
  await pay.click();
  await submits(4);
  await page.waitForFunction(() => document.querySelector("#accepted").textContent !== "[]");
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), [{ amount: 10, gstAmount: 1.25, particulars: "October" }]);
  assert.equal(await page.locator("[data-error]").count(), 0);
  // The server answers 400 with an error only it knows: fromServerError puts it under its field, with its code.
  await fill(page, { particulars: "Duplicate" });
  await pay.click();
  await submits(5);
  await error("particulars").waitFor();
  assert.equal(await error("particulars").textContent(), "This payment was already made.");
  assert.equal(await error("particulars").getAttribute("data-type"), "AlreadyExists");
  assert.equal(await page.locator("[data-error]").count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("TanStack Form with validators.onSubmit = CreatePaymentRequest, built with Vite and loaded in Chromium", async () => {
  run("npx", ["vite", "build", "--base", "./", "--logLevel", "error"], join(project, "tanstack"));
  const { page, problems } = await open("/tanstack/dist/index.html");
  const pay = page.getByRole("button", { name: "Pay", exact: true });
  await pay.waitFor({ timeout: 20000 });
  // A field's errors: TanStack puts each issue under the field its path names; the page lists [code, message].
  const errors = (name) => page.locator(`[data-errors=${name}] li`).evaluateAll((items) => items.map((li) => [li.dataset.code, li.textContent]));
  const attempts = async (n) => page.waitForFunction((n) => document.querySelector("#attempts").textContent === String(n), n);
  await pay.click();
  await attempts(1);
  await page.locator("[data-errors=gstAmount]").waitFor();
  assert.deepEqual(await errors("amount"), [["NotNull", EMPTY.amount]]);
  assert.deepEqual(await errors("gstAmount"), [["NotNull", EMPTY.gstAmount]]);
  assert.deepEqual(await errors("particulars"), []);
  await fill(page, { amount: "10", gstAmount: "10.5" });
  await pay.click();
  await attempts(2);
  await page.waitForFunction(() => !document.querySelector("[data-errors=amount]") && document.querySelector("[data-errors=gstAmount] li")?.dataset.code === "LessThanOrEqual");
  assert.deepEqual(await errors("gstAmount"), [["LessThanOrEqual", GST_ABOVE_TEN]]);
  assert.deepEqual(await errors("amount"), []);
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), []);
  // Valid: onSubmit is called once, with the form's values as typed (TanStack does not hand over the schema's output);
  // parse gives the request as bound.
  await fill(page, { gstAmount: "1.25", particulars: "October" });
  await pay.click();
  await attempts(3);
  await page.waitForFunction(() => document.querySelector("#accepted").textContent !== "[]");
  assert.deepEqual(JSON.parse(await page.locator("#accepted").textContent()), [
    { values: { amount: "10", gstAmount: "1.25", particulars: "October" }, parsed: { amount: 10, gstAmount: 1.25, particulars: "October" } },
  ]);
  assert.equal(await page.locator("[data-errors]").count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a Hono server with sValidator(\"json\", schema, hook): every parity vector answered 400 with serverError's body or 200 with the value", async () => {
  // The installed package, as the server loads it, for the expected values.
  const payrules = createRequire(join(project, "package.json"))("payrules");
  const hono = spawn("node", ["hono/server.mjs"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  hono.stderr.on("data", (chunk) => (stderr += chunk));
  try {
    const first = await new Promise((resolve, reject) => {
      createInterface({ input: hono.stdout }).once("line", resolve);
      hono.once("exit", (code) => reject(new Error(`the Hono server exited (${code}): ${stderr}`)));
    });
    const { url } = JSON.parse(first);
    const vectorsDir = join(ROOT, "tests/vectors");
    const answered = {};
    for (const file of readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort()) {
      const { dto, cases } = JSON.parse(readFileSync(join(vectorsDir, file), "utf8"));
      const route = payrules.describeApi(dto).route;
      answered[dto] = { 200: 0, 400: 0 };
      for (const c of cases) {
        const text = "input_text" in c ? c.input_text : JSON.stringify(c.input);
        const input = JSON.parse(text);
        const response = await fetch(url + route, { method: "POST", headers: { "content-type": "application/json" }, body: text });
        const body = await response.json();
        const parsed = payrules.parse(dto, input);
        assert.equal(parsed.valid, c.expected.valid, `${dto}: ${c.name}`);
        if (c.expected.valid) {
          assert.equal(response.status, 200, `${dto}: ${c.name}: ${JSON.stringify(body)}`);
          assert.deepEqual(body, parsed.value, `${dto}: ${c.name}`);
        } else {
          assert.equal(response.status, 400, `${dto}: ${c.name}`);
          assert.deepEqual(body, c.body, `${dto}: ${c.name}`);
          assert.deepEqual(body, payrules.serverError(dto, parsed), `${dto}: ${c.name}`);
        }
        answered[dto][response.status]++;
      }
    }
    assert.deepEqual(Object.keys(answered).sort(), [...payrules.dtoNames()].sort(), "every registered DTO has its route and vectors");
    for (const [dto, counts] of Object.entries(answered)) assert.ok(counts[200] > 0 && counts[400] > 0, `${dto}: ${JSON.stringify(counts)}`);
    // Text that is not JSON never reaches the schema: Hono's json validator answers it itself, not with the API's body.
    const malformed = await fetch(`${url}/payments`, { method: "POST", headers: { "content-type": "application/json" }, body: "{x" });
    assert.equal(malformed.status, 400);
    assert.equal(await malformed.text(), "Malformed JSON in request body");
    console.log(`Hono: ${JSON.stringify(answered)}`);
  } finally {
    hono.kill();
  }
});
