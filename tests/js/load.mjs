// Loads a built package (wasm-pack --target web) in Node, as a browser would: initSync with the .wasm bytes. `pkg/` by default; `loadPackage(dir)` for another build (the benchmark's baseline).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export async function loadPackage(dir) {
  const base = new URL(dir.endsWith("/") ? dir : `${dir}/`, "file:///");
  const payrules = await import(new URL("payrules.js", base));
  payrules.initSync({ module: readFileSync(fileURLToPath(new URL("payrules_bg.wasm", base))) });
  return payrules;
}

const pkgDir = new URL("../../pkg/", import.meta.url);
const payrules = await loadPackage(fileURLToPath(pkgDir));

export const { validate, validateJson, serverError, dtoNames, validateForm, validateField, describe, describeApi, addLanguage } = payrules;
export const pkgPath = (name) => fileURLToPath(new URL(name, pkgDir));
