// Loads the built package (pkg/, wasm-pack --target web) in Node, as a browser would: initSync with the .wasm bytes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pkgDir = new URL("../../pkg/", import.meta.url);
const payrules = await import(new URL("payrules.js", pkgDir));
payrules.initSync({ module: readFileSync(fileURLToPath(new URL("payrules_bg.wasm", pkgDir))) });

export const { validate, validateJson, serverError, dtoNames, validateForm, validateField, describe, describeApi } = payrules;
export const pkgPath = (name) => fileURLToPath(new URL(name, pkgDir));
