// Start-up: from import to the first validate() result, in a fresh Node process and in a fresh page in headless Chromium (median of runs).
import { execFileSync } from "node:child_process";
import { launchChromium } from "../tests/js/chromium.mjs";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Node: a fresh process each run; the clock starts before the package is imported.
const nodeScript = `
const t0 = performance.now();
const p = await import(${JSON.stringify(`${ROOT}pkg/payrules.js`)});
const { readFileSync } = await import("node:fs");
p.initSync({ module: readFileSync(${JSON.stringify(`${ROOT}pkg/payrules_bg.wasm`)}) });
const r = p.validate("OnceOffPaymentRequest", { Segment: "R", FirstName: "A", LastName: "L", InvoiceNumber: "1", AmountOutstanding: 1, CurrenciesId: 1, ChannelsId: 1 });
if (!r.valid) throw new Error("unexpected");
console.log(performance.now() - t0);`;
const node = [];
for (let i = 0; i < RUNS; i++) node.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", nodeScript]).toString()));

// Chromium: a fresh page each run, served from memory; the clock starts before the dynamic import.
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const server = createServer((req, res) => {
  const path = req.url === "/" ? "/startup.html" : req.url;
  if (path === "/startup.html") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end(`<!doctype html><script type="module">
      const t0 = performance.now();
      const p = await import("/pkg/payrules.js");
      await p.default();
      const r = p.validate("OnceOffPaymentRequest", { Segment: "R", FirstName: "A", LastName: "L", InvoiceNumber: "1", AmountOutstanding: 1, CurrenciesId: 1, ChannelsId: 1 });
      document.title = r.valid ? String(performance.now() - t0) : "failed";
    </script>`);
  }
  try {
    const body = readFileSync(`${ROOT}${path.slice(1)}`);
    res.writeHead(200, { "content-type": types[path.slice(path.lastIndexOf("."))] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await launchChromium();
const page = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext(); // no cache carried over
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => document.title !== "");
  page.push(Number(await tab.title()));
  await context.close();
}
await browser.close();
server.close();
console.log(`start-up, import to first validate() result, median of ${RUNS} fresh runs: Node ${median(node).toFixed(1)} ms, Chromium ${median(page).toFixed(1)} ms — target <= 5 ms: ${median(node) <= 5 && median(page) <= 5 ? "met" : "NOT MET"}`);
