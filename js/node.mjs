// The package's entry for Node's `import`: the same CommonJS build `require` loads (payrules.cjs), so both share one module instance.
import { createRequire } from "node:module";

const payrules = createRequire(import.meta.url)("./payrules.cjs");

// scripts/package.mjs appends the exports of the Standard Schema objects, one per registered DTO.

export const { validate, parse, validateJson, serverError, addLanguage, dtoNames, validateForm, validateField, describe, describeApi } = payrules;
