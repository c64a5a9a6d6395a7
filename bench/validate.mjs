// Measures the built package in Node: ns per `validate` call (valid and invalid OnceOffPaymentRequest, every DTO) and the module's size (raw, gzip).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { validate, pkgPath } from "../tests/js/load.mjs";
import { PAYLOADS as payloads } from "./payloads.mjs";

function nsPerCall(dto, input, calls) {
  for (let i = 0; i < 20000; i++) validate(dto, input); // warm-up
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) validate(dto, input);
    rounds.push(((performance.now() - start) * 1e6) / calls);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3]; // median of 7
}

const calls = Number(process.env.CALLS ?? 50000);
console.log(`validate() in Node ${process.version}, median of 7 rounds of ${calls} calls`);
console.log("| DTO | case | errors | ns/op |");
console.log("|---|---|---:|---:|");
for (const [dto, cases] of Object.entries(payloads)) {
  for (const [name, input] of Object.entries(cases)) {
    const errors = validate(dto, input).errors.length;
    if ((name === "valid") !== (errors === 0)) throw new Error(`${dto} ${name} payload gives ${errors} errors`);
    console.log(`| ${dto} | ${name} | ${errors} | ${nsPerCall(dto, input, calls).toFixed(0)} |`);
  }
}

const wasm = readFileSync(pkgPath("payrules_bg.wasm"));
const glue = readFileSync(pkgPath("payrules.js"));
const both = Buffer.concat([wasm, glue]);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log("\n| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
for (const [name, bytes] of [["payrules_bg.wasm", wasm], ["payrules.js", glue]]) {
  console.log(`| ${name} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} | ${kb(brotliCompressSync(bytes).length)} |`);
}
console.log(`| wasm + glue (each gzipped) | ${kb(both.length)} | ${kb(gzipSync(wasm, { level: 9 }).length + gzipSync(glue, { level: 9 }).length)} | ${kb(brotliCompressSync(wasm).length + brotliCompressSync(glue).length)} |`);
