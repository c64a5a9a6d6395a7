// Consumer tests: the packed payrules tarball installed into a throwaway project, as a user installs it, then used from Node (import and require), a page with no bundler and its module worker, a Vite + React + react-hook-form app and a webpack 5 app in Chromium, and tsc --strict.
// Needs the built package in pkg/ (scripts/test.sh builds it) and Debian's chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
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
  assert.deepEqual(files.filter((f) => !f.startsWith("snippets/")), [
    "README.md", "index.d.ts", "index.js", "node.mjs", "package.json", "payrules.cjs", "payrules.d.ts", "payrules.js", "payrules_bg.wasm",
    "react-hook-form.d.ts", "react-hook-form.js",
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
  assert.deepEqual(found, ["5:TS2345", "6:TS2551", "7:TS2339", "8:TS2345"], wrong.stdout);
});
