// The size budget check: fails when the module a browser downloads (pkg/payrules_bg.wasm + pkg/payrules.js, each gzipped at level 9) exceeds the budget.
// Deterministic: the same sources and toolchain give the same bytes. Usage: node scripts/size-budget.mjs [pkg dir]
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

// A ratchet at the size reached, so a change that grows the module fails the build; lower it as
// the module shrinks. Issue 5's target is 30 KB gzip (stretch 20 KB): not reached yet.
const BUDGET = 77 * 1024;
const TARGET = 30 * 1024;

const dir = process.argv[2] ?? "pkg";
const files = ["payrules_bg.wasm", "payrules.js"];
let total = 0;
for (const name of files) {
  const bytes = readFileSync(join(dir, name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`  ${name}: ${bytes.length} bytes raw, ${gzip} bytes gzip`);
}
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log(`  module (wasm + glue), gzip: ${kb(total)}; budget ${kb(BUDGET)}; issue 5 target ${kb(TARGET)} (${total <= TARGET ? "met" : "NOT MET"})`);
if (total > BUDGET) {
  console.error(`size budget exceeded: ${total} bytes gzip > ${BUDGET}`);
  process.exit(1);
}
