// payrules against ajv, zod, valibot and yup on the same payloads in one Node process: interleaved rounds, warm-up, median; every validator first checked to find the expected errors.
import { validate } from "../tests/js/load.mjs";
import { PAYLOADS } from "./payloads.mjs";
import * as zod from "./peers/zod.mjs";
import * as valibot from "./peers/valibot.mjs";
import * as ajv from "./peers/ajv.mjs";
import * as yup from "./peers/yup.mjs";

const PEERS = { payrules: { errorCount: (dto) => (input) => validate(dto, input).errors.length }, ajv, zod, valibot, yup };
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const CALLS = Number(process.env.CALLS ?? 5000);

function time(run, input) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) run(input);
  return Number(process.hrtime.bigint() - start) / CALLS;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log(`Node ${process.version}; ${ROUNDS} interleaved rounds of ${CALLS} calls per validator, median ns/op; ratio = peer / payrules (> 1: payrules is faster)`);
console.log("| DTO | case | errors | payrules | ajv | zod | valibot | yup |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
let behind = [];
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
    for (let round = 0; round < ROUNDS; round++) for (const [peer, run] of Object.entries(runs)) samples[peer].push(time(run, input));
    const ns = Object.fromEntries(Object.entries(samples).map(([peer, xs]) => [peer, median(xs)]));
    const cell = (peer) => peer === "payrules" ? ns.payrules.toFixed(0) : `${ns[peer].toFixed(0)} (${(ns[peer] / ns.payrules).toFixed(2)}×)`;
    console.log(`| ${dto} | ${name} | ${expected} | ${["payrules", "ajv", "zod", "valibot", "yup"].map(cell).join(" | ")} |`);
    for (const peer of ["zod", "valibot"]) if (ns[peer] < ns.payrules) behind.push(`${dto} ${name}: ${peer} ${ns[peer].toFixed(0)} ns < payrules ${ns.payrules.toFixed(0)} ns`);
  }
}
console.log(behind.length ? `\nTarget "faster than zod and valibot everywhere": NOT MET in ${behind.length} cases:\n  ${behind.join("\n  ")}` : "\nTarget \"faster than zod and valibot everywhere\": met");
