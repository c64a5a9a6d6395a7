// payrules against ajv, zod, valibot and yup on the same payloads in one Node process (JS objects, then JSON text against JSON.parse + ajv): interleaved rounds, warm-up, median; every validator first checked to find the expected errors; prints each speed target with its figure.
// PAYRULES_BASELINE=<dir of another built package> adds it as a column ("baseline"): the build
// before issue 11, which scripts/bench.sh builds from its commit, measured in the same run.
import { validate, validateJson, loadPackage } from "../tests/js/load.mjs";
import { PAYLOADS } from "./payloads.mjs";
import * as zod from "./peers/zod.mjs";
import * as valibot from "./peers/valibot.mjs";
import * as ajv from "./peers/ajv.mjs";
import * as yup from "./peers/yup.mjs";

const baseline = process.env.PAYRULES_BASELINE ? await loadPackage(process.env.PAYRULES_BASELINE) : null;
const PEERS = {
  payrules: { errorCount: (dto) => (input) => validate(dto, input).errors.length },
  ...(baseline ? { baseline: { errorCount: (dto) => (input) => baseline.validate(dto, input).errors.length } } : {}),
  ajv, zod, valibot, yup,
};
const COLUMNS = Object.keys(PEERS);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const CALLS = Number(process.env.CALLS ?? 5000);

// The order within a round rotates from round to round, so no validator always runs right after
// the same one (and pays for the garbage it left).
function time(run, input) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) run(input);
  return Number(process.hrtime.bigint() - start) / CALLS;
}
const rotate = (xs, by) => xs.map((_, i) => xs[(i + by) % xs.length]);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log(`Node ${process.version}; ${ROUNDS} interleaved rounds of ${CALLS} calls per validator, median ns/op; ratio = peer / payrules (> 1: payrules is faster)`);
console.log(`| DTO | case | errors | ${COLUMNS.join(" | ")} |`);
console.log(`|---|---|---:|${COLUMNS.map(() => "---:").join("|")}|`);
const behind = [];
const validNs = {};
const slower = [];
let ajvOnceOff;
for (const [dto, cases] of Object.entries(PAYLOADS)) {
  for (const [name, input] of Object.entries(cases)) {
    const runs = Object.fromEntries(Object.entries(PEERS).map(([peer, m]) => [peer, m.errorCount(dto)]));
    const expected = runs.payrules(input);
    if ((name === "valid") !== (expected === 0)) throw new Error(`${dto} ${name}: payrules finds ${expected} errors`);
    // Schema libraries skip an object-level refinement (gstAmount <= amount) once a field fails.
    const crossField = dto === "CreatePaymentRequest" ? 1 : 0;
    for (const [peer, run] of Object.entries(runs)) {
      const found = run(input);
      if ((found === 0) !== (expected === 0) || (expected > 0 && found < expected - crossField)) {
        throw new Error(`${peer} finds ${found} errors in ${dto} ${name}, payrules ${expected}: its schema does not do the same work`);
      }
    }
    for (const run of Object.values(runs)) for (let i = 0; i < 2000; i++) run(input); // warm-up
    const samples = Object.fromEntries(Object.keys(runs).map((peer) => [peer, []]));
    for (let round = 0; round < ROUNDS; round++) for (const [peer, run] of rotate(Object.entries(runs), round)) samples[peer].push(time(run, input));
    const ns = Object.fromEntries(Object.entries(samples).map(([peer, xs]) => [peer, median(xs)]));
    const cell = (peer) => peer === "payrules" ? ns.payrules.toFixed(0) : `${ns[peer].toFixed(0)} (${(ns[peer] / ns.payrules).toFixed(2)}×)`;
    console.log(`| ${dto} | ${name} | ${expected} | ${COLUMNS.map(cell).join(" | ")} |`);
    if (name === "valid") validNs[dto] = ns.payrules;
    if (name === "valid" && dto === "OnceOffPaymentRequest") ajvOnceOff = ns.ajv;
    if (baseline && ns.baseline < ns.payrules) slower.push(`${dto} ${name}: ${ns.payrules.toFixed(0)} ns, the baseline ${ns.baseline.toFixed(0)} ns`);
    for (const peer of ["zod", "valibot"]) if (ns[peer] < ns.payrules) behind.push(`${dto} ${name}: ${peer} ${ns[peer].toFixed(0)} ns < payrules ${ns.payrules.toFixed(0)} ns`);
  }
}

// Raw JSON text (imports, service workers, proxies): validateJson against JSON.parse + ajv.
console.log(`\nJSON text: validateJson(dto, text) against JSON.parse(text) + ajv${baseline ? " and the baseline's validateJson" : ""}; ${ROUNDS} interleaved rounds of ${CALLS} calls, median ns/op`);
console.log(`| DTO | case | bytes | payrules validateJson | JSON.parse + ajv | ratio |${baseline ? " baseline validateJson | ratio |" : ""}`);
console.log(`|---|---|---:|---:|---:|---:|${baseline ? "---:|---:|" : ""}`);
const jsonBehind = [];
for (const [dto, cases] of Object.entries(PAYLOADS)) {
  for (const [name, input] of Object.entries(cases)) {
    const text = JSON.stringify(input);
    const ours = (t) => validateJson(dto, t).errors.length;
    const theirs = ((check) => (t) => check(JSON.parse(t)))(ajv.errorCount(dto));
    const expected = validate(dto, input).errors.length;
    if (ours(text) !== expected) throw new Error(`${dto} ${name}: validateJson finds ${ours(text)} errors, validate ${expected}`);
    if ((theirs(text) === 0) !== (expected === 0)) throw new Error(`${dto} ${name}: JSON.parse + ajv disagrees on validity`);
    const runs = [ours, theirs];
    if (baseline) {
      const before = (t) => baseline.validateJson(dto, t).errors.length;
      if (before(text) !== expected) throw new Error(`${dto} ${name}: the baseline's validateJson finds ${before(text)} errors, payrules ${expected}`);
      runs.push(before);
    }
    for (const run of runs) for (let i = 0; i < 2000; i++) run(text);
    const samples = runs.map(() => []);
    for (let round = 0; round < ROUNDS; round++) for (const [i, run] of rotate([...runs.entries()], round)) samples[i].push(time(run, text));
    const [a, b, c] = samples.map(median);
    const baselineCells = baseline ? ` ${c.toFixed(0)} | ${(c / a).toFixed(2)}× |` : "";
    console.log(`| ${dto} | ${name} | ${text.length} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b / a).toFixed(2)}× |${baselineCells}`);
    if (b < a) jsonBehind.push(`${dto} ${name}: JSON.parse + ajv ${b.toFixed(0)} ns < validateJson ${a.toFixed(0)} ns`);
    if (baseline && c < a) slower.push(`${dto} ${name} (validateJson): ${a.toFixed(0)} ns, the baseline ${c.toFixed(0)} ns`);
  }
}

const onceOff = validNs.OnceOffPaymentRequest;
console.log("\nTargets (from this run):");
console.log(`- valid OnceOffPaymentRequest within 2x ajv: ${onceOff.toFixed(0)} ns, ajv ${ajvOnceOff.toFixed(0)} ns (${(onceOff / ajvOnceOff).toFixed(2)}x) — ${onceOff <= 2 * ajvOnceOff ? "met" : "NOT MET"}`);
if (baseline) {
  console.log(slower.length ? `- no DTO x case slower than the baseline build: NOT MET in ${slower.length} of 16 (8 validate, 8 validateJson):\n    ${slower.join("\n    ")}` : "- no DTO x case slower than the baseline build (validate and validateJson): met");
} else {
  console.log("- no DTO x case slower than the baseline build: not measured (set PAYRULES_BASELINE)");
}
console.log(`- valid OnceOffPaymentRequest <= 1500 ns (issue 5): ${onceOff.toFixed(0)} ns — ${onceOff <= 1500 ? "met" : "NOT MET"}`);
console.log(behind.length ? `- faster than zod and valibot on every DTO and case: NOT MET in ${behind.length} of 16 comparisons:\n    ${behind.join("\n    ")}` : "- faster than zod and valibot on every DTO and case: met");
console.log(jsonBehind.length ? `- validateJson faster than JSON.parse + ajv: NOT MET in ${jsonBehind.length} of 8 cases:\n    ${jsonBehind.join("\n    ")}` : "- validateJson faster than JSON.parse + ajv: met in all 8 cases");
