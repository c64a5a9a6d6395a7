// The package's entry for browsers, bundlers (Vite, webpack 5) and Web Workers: loads the module, then exports the API, ready to call.
// Top-level await: the module is compiled and instantiated before anything imports the API
// (the .wasm is found next to this file, `new URL("payrules_bg.wasm", import.meta.url)`,
// which bundlers follow and copy).
import init, { validate, validateJson, serverError, dtoNames, validateForm, validateField, describe, describeApi } from "./payrules.js";

await init();

export { validate, validateJson, serverError, dtoNames, validateForm, validateField, describe, describeApi };
