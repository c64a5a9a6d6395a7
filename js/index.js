// The package's entry for browsers, bundlers (Vite, webpack 5) and Web Workers: loads the module, then exports the API, ready to call.
// Top-level await: the module is compiled and instantiated before anything imports the API
// (the .wasm is found next to this file, `new URL("payrules_bg.wasm", import.meta.url)`,
// which bundlers follow and copy). scripts/package.mjs appends the Standard Schema object of
// each registered DTO (js/standard-schema.js), exported under the DTO's name.
import init, { parse } from "./payrules.js";

export { validate, parse, validateJson, serverError, addLanguage, dtoNames, validateForm, validateField, describe, describeApi } from "./payrules.js";

await init();
