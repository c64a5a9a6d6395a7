// Turns the wasm-pack build in pkg/ into the one npm package `payrules`: optimizes the module (wasm-opt -O3, small functions inlined), minifies what a browser loads (terser), adds the CommonJS build for Node's `require`, the entries, the react-hook-form resolver, and package.json's exports map.
// Usage: node scripts/package.mjs   (after `wasm-pack build --release --target web --out-dir pkg
// -- --no-default-features`; scripts/setup.sh's build_package runs both, with the tools of
// scripts/package.json installed). Everything comes from this build of the crate or from the
// sources in js/: nothing is copied from another build. PAYRULES_KEEP_NAMES=1 keeps the module's
// function names (to profile or to measure with twiggy).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PKG = join(ROOT, "pkg");
const WASM = join(ROOT, "target/wasm32-unknown-unknown/wasm-release/payrules.wasm");

// The crate's version and description are the package's.
const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const version = field("version");
if (!version) throw new Error("no version in Cargo.toml");

// The module through binaryen's wasm-opt (the npm package's binary; Debian's wasm-opt 108
// breaks the module): -O3 with functions of up to 16 instructions always inlined. On this
// opt-level "z" module that is smaller than -Oz and faster: rustc leaves many tiny functions
// (slice and `Cow` accessors) out of line, and in wasm every call costs. Measured: +0.3 KB
// gzip over plain -O3, 11-19% faster (bench/compare.mjs). Without -g, the function-name
// section goes too.
const wasmOpt = join(ROOT, "scripts/node_modules/binaryen/bin/wasm-opt");
const keepNames = process.env.PAYRULES_KEEP_NAMES === "1" ? ["-g"] : [];
const shipped = join(PKG, "payrules_bg.wasm");
// --low-memory-unused and --zero-filled-memory: facts of rustc's output (nothing lives in the
// first 1 KB: the stack sits below the data and grows down from 1 MB; the module's own memory
// starts zeroed), which let binaryen fold constant addresses and drop zero bytes: -190 B gzip.
execFileSync(process.execPath, [wasmOpt, "-O3", "--always-inline-max-function-size", "16", "--low-memory-unused", "--zero-filled-memory", ...keepNames, "--strip-producers", shipped, "-o", shipped], { stdio: "inherit" });

// Short import and export names. wasm-bindgen names each import after its function and a hash
// (`__wbg_readCopy_63656577eb8ff4a1`, in module "./payrules_bg.js" or reader.js's path), which
// gzip cannot shrink: binaryen renames every import, export and module to one or two letters
// (-0.5 KB gzip) and prints the renaming, and `shortenGlue` makes each glue (web and nodejs) use
// it: the import object built under the short names, every `wasm.<export>` read by its short
// name. Each rewrite is checked to have found what it replaces, so a wasm-bindgen upgrade that
// changes the glue's shape fails the build here, not in a browser.
const renaming = execFileSync(process.execPath, [wasmOpt, "--minify-imports-and-exports-and-modules", shipped, "-o", shipped], { encoding: "utf8" });
const { imports: renamedImports, exports: renamedExports } = JSON.parse(renaming.slice(renaming.indexOf("{")));
const shortImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(shipped))).map(({ module, name }) => {
  const [oldModule, oldName] = renamedImports.find(([, , short]) => short === name) ?? [];
  if (oldModule === undefined) throw new Error(`wasm-opt did not report the import it renamed to ${module}.${name}`);
  return { module, name, oldModule, oldName };
});
const exportNames = new Map(renamedExports);
function shortenGlue(code, file) {
  const fail = (what) => {
    throw new Error(`${file}: ${what} (the glue wasm-bindgen writes has changed shape: see shortenGlue in scripts/package.mjs)`);
  };
  // The import object: `return { __proto__: null, "<module>": importN, ... };`.
  const returned = /return \{\s*__proto__: null,((?:\s*"[^"]+": import\d+,)+)\s*\};/.exec(code) ?? fail("no import object");
  const moduleObjects = new Map([...returned[1].matchAll(/"([^"]+)": (import\d+)/g)].map((m) => [m[1], m[2]]));
  // An import the glue defines in an object literal (`const import0 = { __wbg_…: function(…`)
  // is renamed there, and the literal spread into its new module; one it takes from reader.js's
  // module namespace is referenced.
  const literals = new Set([...code.matchAll(/const (import\d+) = \{/g)].map((m) => m[1]));
  const modules = new Map();
  for (const { module, name, oldModule, oldName } of shortImports) {
    const object = moduleObjects.get(oldModule) ?? fail(`no import object for ${oldModule}`);
    if (!modules.has(module)) modules.set(module, new Set());
    if (literals.has(object)) {
      const key = new RegExp(`^(\\s+)${oldName}: function\\(`, "m");
      if (!key.test(code)) fail(`no ${oldName} in ${object}`);
      code = code.replace(key, `$1${name}: function(`);
      modules.get(module).add(`...${object}`); // marks the literal (see below)
    } else {
      modules.get(module).add(`${name}: ${object}[${JSON.stringify(oldName)}]`);
    }
  }
  // A literal takes the referenced imports (Object.assign: it has no prototype already).
  const shortObject = [...modules].map(([module, entries]) => {
    const spread = [...entries].filter((entry) => entry.startsWith("..."));
    const named = [...entries].filter((entry) => !entry.startsWith("..."));
    if (spread.length > 1) fail(`two import objects for module ${module}`);
    const object = spread.length === 1 ? `Object.assign(${spread[0].slice(3)}, { ${named.join(", ")} })` : `{ __proto__: null, ${named.join(", ")} }`;
    return `${JSON.stringify(module)}: ${object}`;
  }).join(", ");
  code = code.replace(returned[0], `return { __proto__: null, ${shortObject} };`);
  // wasm-bindgen binds reader.js's namespace once per function it takes from it as is
  // (`import * as importN`, or `const importN = require(…)`); the short object reads one of them.
  const bindings = /^(?:import \* as (import\d+) from .*|const (import\d+) = require\(.*\);)\n/gm;
  const unused = [...code.matchAll(bindings)].filter((m) => !new RegExp(`\\b${m[1] ?? m[2]}\\[`).test(code));
  for (const [line] of unused) code = code.replace(line, "");
  // The exports that can throw answer the Error a bad argument makes as their value (see
  // src/wasm/mod.rs: a Result would cost a WebAssembly.Table.get a call); their glue throws it.
  for (const name of ["validateField", "serverError", "describe", "describeApi"]) {
    const shape = new RegExp(`(function ${name}\\([^)]*\\) \\{\\n\\s*const ret = wasm\\.${name}\\([^)]*\\);\\n)(\\s*)return ret;`);
    if (!shape.test(code)) fail(`no ${name} answering its export's value`);
    code = code.replace(shape, "$1$2if (ret instanceof Error) throw ret;\n$2return ret;");
  }
  // Every export the glue reads, by its short name.
  let read = 0;
  code = code.replace(/\bwasm\.(\w+)/g, (_, name) => (read++, `wasm.${exportNames.get(name) ?? fail(`wasm.${name} is not an export wasm-opt renamed`)}`));
  if (read === 0) fail("no wasm.<export> read");
  return code;
}

// The CommonJS build, from the same .wasm wasm-pack bound (wasm-bindgen gives byte-identical
// modules for both targets, so the package ships one .wasm; the glue reads it next to itself).
const out = mkdtempSync(join(tmpdir(), "payrules-node-"));
execFileSync("wasm-bindgen", ["--target", "nodejs", "--out-dir", out, WASM], { stdio: "inherit" });
const [snippetDir] = readdirSync(join(PKG, "snippets"));
const reader = `snippets/${snippetDir}/src/wasm/reader`;
// Only the `require`s change: the import object keeps reader.js's name, which the .wasm imports by.
let required = 0;
const glue = readFileSync(join(out, "payrules.js"), "utf8").replace(
  /require\((String\.raw)?([`"])\.\/(snippets\/[^`"]*\/src\/wasm\/reader)\.js\2\)/g,
  (_, raw, quote, path) => (required++, `require(${raw ?? ""}${quote}./${path}.cjs${quote})`),
);
if (required === 0) throw new Error("the nodejs glue does not load reader.js where expected");
writeFileSync(join(PKG, "payrules.cjs"), shortenGlue(glue, "payrules.cjs"));
writeFileSync(join(PKG, "payrules.js"), shortenGlue(readFileSync(join(PKG, "payrules.js"), "utf8"), "payrules.js"));
rmSync(out, { recursive: true, force: true });

// reader.js's own source, whose exports the CommonJS copy below lists. Its validating functions
// call the module's raw exports (`wasm.payrules_judge_copy`, …): by their short names too.
let called = 0;
const source = readFileSync(join(PKG, `${reader}.js`), "utf8").replace(/\bwasm\.(\w+)/g, (_, name) => {
  called++;
  if (!exportNames.has(name)) throw new Error(`reader.js calls wasm.${name}, not an export wasm-opt renamed`);
  return `wasm.${exportNames.get(name)}`;
});
if (called === 0) throw new Error("reader.js calls no export of the module (see its validate)");
writeFileSync(join(PKG, `${reader}.js`), source);

// reader.js as CommonJS for that glue: the same functions, `export` turned into `exports`.
const names = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
if (names.length === 0 || /^export (?!function)/m.test(source)) throw new Error("reader.js exports something other than functions");
writeFileSync(
  join(PKG, `${reader}.cjs`),
  `"use strict";\n${source.replace(/^export function /gm, "function ")}\nmodule.exports = { ${names.join(", ")} };\n`,
);

// The entries and the resolver, from js/.
for (const file of ["index.js", "index.d.ts", "node.mjs", "react-hook-form.js", "react-hook-form.d.ts"]) {
  copyFileSync(join(ROOT, "js", file), join(PKG, file));
}

// One Standard Schema object per registered DTO, exported under the DTO's name from every entry:
// the registry's names come from the built module itself, js/standard-schema.js's function is
// inlined into the browser entry and the CommonJS build (which node.mjs re-exports), and
// index.d.ts declares each object. A DTO added to the registry appears here with no edit.
const dtoNames = createRequire(import.meta.url)(join(PKG, "payrules.cjs")).dtoNames();
if (dtoNames.length === 0 || !dtoNames.every((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))) {
  throw new Error(`DTO names that cannot be JS exports: ${dtoNames}`);
}
// addLanguage and the validating functions are reader.js's own: the entries export them from the
// copy the glue loads.
const readerOwn = ["addLanguage", "validate", "parse", "validateJson", "validateForm"];
for (const name of readerOwn) {
  if (!new RegExp(`^export function ${name}\\(`, "m").test(source)) throw new Error(`reader.js no longer exports ${name}`);
}
const schemaSource = readFileSync(join(ROOT, "js/standard-schema.js"), "utf8");
if (!/^export function standardSchema\(/m.test(schemaSource)) throw new Error("js/standard-schema.js no longer exports standardSchema");
const schemaFunction = schemaSource.replace(/^export function /m, "function ");
const appendTo = (file, text) => writeFileSync(join(PKG, file), readFileSync(join(PKG, file), "utf8") + text);
// (The web glue re-exports it: the glue names reader.js's path already, so it costs a browser no bytes.)
appendTo("payrules.js", `\nexport { ${readerOwn.join(", ")} } from "./${reader}.js";\n`);
appendTo("index.js", `\n${schemaFunction}\nexport const ${dtoNames.map((name) => `${name} = standardSchema(parse, "${name}")`).join(",\n  ")};\n`);
appendTo("payrules.cjs", `\n${readerOwn.map((name) => `module.exports.${name} = require("./${reader}.cjs").${name};`).join("\n")}\n${schemaFunction}\n${dtoNames.map((name) => `module.exports.${name} = standardSchema(module.exports.parse, "${name}");`).join("\n")}\n`);
appendTo("node.mjs", `export const { ${dtoNames.join(", ")} } = payrules;\n`);
appendTo("index.d.ts", `\n${dtoNames.map((name) => `/** The Standard Schema of \`${name}\`: \`${name}["~standard"].validate(input)\`. */\nexport declare const ${name}: DtoSchema<"${name}">;`).join("\n")}\n`);

// wasm-bindgen's glue warns in long sentences (the browser entry's budget pays for every byte):
// the same warnings, shorter. Each must be found, so a glue that changed fails the build here.
{
  const path = join(PKG, "payrules.js");
  let glue = readFileSync(path, "utf8");
  for (const [long, short] of [
    ["using deprecated parameters for `initSync()`; pass a single object instead", "payrules: initSync takes { module }"],
    ["using deprecated parameters for the initialization function; pass a single object instead", "payrules: init takes { module_or_path }"],
    ["`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n", "payrules: serve payrules_bg.wasm as application/wasm (compiling it the slower way):"],
  ]) {
    if (!glue.includes(long)) throw new Error(`payrules.js: no warning "${long.slice(0, 40)}…" to shorten (the glue changed)`);
    glue = glue.replace(long, short);
  }
  writeFileSync(path, glue);
}

// What a browser loads, minified (the comments are the sources' documentation; the glue's long
// names are wasm-bindgen's): module scope, exports and the import names the .wasm uses kept.
for (const file of ["index.js", "payrules.js", `${reader}.js`]) {
  const path = join(PKG, file);
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, code + "\n");
  execFileSync(process.execPath, ["--check", path]);
}

const wasmPack = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
const manifest = {
  name: "payrules",
  version,
  description: wasmPack.description,
  license: wasmPack.license,
  repository: wasmPack.repository,
  keywords: wasmPack.keywords,
  type: "module",
  // Browsers, bundlers and workers get the ES module that instantiates itself (top-level await);
  // Node gets the CommonJS build, for `require` and (through node.mjs) for `import`.
  exports: {
    ".": {
      types: "./index.d.ts",
      node: { import: "./node.mjs", require: "./payrules.cjs" },
      default: "./index.js",
    },
    "./react-hook-form": { types: "./react-hook-form.d.ts", default: "./react-hook-form.js" },
    "./payrules_bg.wasm": "./payrules_bg.wasm",
    "./package.json": "./package.json",
  },
  main: "./payrules.cjs",
  module: "./index.js",
  types: "./index.d.ts",
  files: [
    "index.js", "index.d.ts", "node.mjs", "payrules.js", "payrules.d.ts", "payrules.cjs", "payrules_bg.wasm",
    "react-hook-form.js", "react-hook-form.d.ts", "snippets", "README.md",
  ],
  sideEffects: ["./index.js", "./node.mjs", "./payrules.cjs", "./snippets/*"],
  engines: { node: ">=18" },
  peerDependencies: { "react-hook-form": ">=7.0.0" },
  peerDependenciesMeta: { "react-hook-form": { optional: true } },
};
// ---- JSON Schema and OpenAPI (docs/json-schema.md, docs/openapi.md) ----
// Each DTO's JSON Schema (json-schema.js, .cjs, .d.ts) and the reference server's OpenAPI
// document (openapi.json), written by a native exporter from the rule tables and the server's
// own answers. Separate entry points: the browser entry (index.js) never loads them, so the
// size budget does not see them.
execFileSync("cargo", ["run", "-q", "-p", "payrules-server", "--example", "export_schemas", "--", PKG], { cwd: ROOT, stdio: "inherit" });
manifest.exports["./json-schema"] = { types: "./json-schema.d.ts", import: "./json-schema.js", require: "./json-schema.cjs" };
manifest.exports["./openapi.json"] = "./openapi.json";
manifest.files.push("json-schema.js", "json-schema.cjs", "json-schema.d.ts", "openapi.json");
// ---- end of JSON Schema and OpenAPI ----

// ---- payrules/server-errors (docs/server-errors.md) ----
// fromServerError in its own entry (no wasm, not in what a browser loads first): js/server-errors.js
// with what it knows of each DTO, from the rule tables (the crate's `read_back_data()`).
const readBack = JSON.parse(execFileSync("cargo", ["run", "-q", "-p", "payrules", "--example", "read_back_data"], { cwd: ROOT, encoding: "utf8" }));
if (JSON.stringify(Object.keys(readBack.dtos).sort()) !== JSON.stringify([...dtoNames].sort())) throw new Error("read_back_data's DTOs are not the module's registry");
const readBackData = `// What fromServerError knows of each DTO, from the rule tables (written by scripts/package.mjs).\nexport const DATA = ${JSON.stringify(readBack)};\n`;
writeFileSync(join(PKG, "server-errors-data.js"), readBackData);
copyFileSync(join(ROOT, "js/server-errors.js"), join(PKG, "server-errors.js"));
copyFileSync(join(ROOT, "js/server-errors.d.ts"), join(PKG, "server-errors.d.ts"));
const readBackSource = readFileSync(join(ROOT, "js/server-errors.js"), "utf8");
const readBackImport = 'import { DATA } from "./server-errors-data.js";';
if (!readBackSource.includes(readBackImport) || !/^export function fromServerError\(/m.test(readBackSource)) throw new Error("js/server-errors.js changed shape: see scripts/package.mjs");
writeFileSync(
  join(PKG, "server-errors.cjs"),
  `"use strict";\n${readBackSource.replace(readBackImport, `const DATA = ${JSON.stringify(readBack)};`).replace(/^export function /m, "function ")}\nmodule.exports = { fromServerError };\n`,
);
for (const file of ["server-errors.js", "server-errors-data.js"]) {
  const path = join(PKG, file);
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, code + "\n");
}
manifest.exports["./server-errors"] = { types: "./server-errors.d.ts", import: "./server-errors.js", require: "./server-errors.cjs" };
manifest.files.push("server-errors.js", "server-errors-data.js", "server-errors.cjs", "server-errors.d.ts");
// ---- end of payrules/server-errors ----

// ---- payrules/locales/<culture> (docs/languages.md) ----
// One entry per language of ServiceStack's FluentValidation (from the crate's
// `languages_data()`): importing it registers the language with the module (`addLanguage`), so
// `{ locale }` can choose it; `payrules/locales/all` registers every one. None is in what a
// browser loads first: English stays in the module.
const languagesData = JSON.parse(execFileSync("cargo", ["run", "-q", "-p", "payrules", "--example", "languages_data"], { cwd: ROOT, encoding: "utf8" }));
const LOCALES = join(PKG, "locales");
rmSync(LOCALES, { recursive: true, force: true });
mkdirSync(LOCALES);
const localeFiles = [];
const languagesSource = languagesData.source;
for (const language of languagesData.languages) {
  const [culture] = language.cultures;
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(culture)) throw new Error(`not a culture name: ${culture}`);
  const data = JSON.stringify({ name: language.name, cultures: language.cultures, templates: language.templates, parents: languagesData.parents });
  const header = `// ${language.name} (${language.cultures.join(", ")}): ServiceStack's FluentValidation templates (${languagesSource.dir}/${language.file} at ${languagesSource.repository}@${languagesSource.commit}; Apache-2.0, .NET Foundation and contributors). Importing it registers the language for { locale }.\n`;
  writeFileSync(join(LOCALES, `${culture}.js`), `${header}import { addLanguage } from "payrules";\nconst language = ${data};\naddLanguage(language);\nexport default language;\n`);
  writeFileSync(join(LOCALES, `${culture}.cjs`), `${header}"use strict";\nconst language = ${data};\nrequire("payrules").addLanguage(language);\nmodule.exports = language;\n`);
  writeFileSync(join(LOCALES, `${culture}.d.ts`), `${header}import type { Language } from "payrules";\ndeclare const language: Language;\nexport default language;\n`);
  // The same data as JSON, for a page that cannot map "payrules" (a CSP without inline scripts
  // has no import map): fetch it and pass it to addLanguage (the demo does).
  writeFileSync(join(LOCALES, `${culture}.json`), `${data}\n`);
  localeFiles.push(culture);
}
const allHeader = `// Every language of ServiceStack's FluentValidation (${localeFiles.length}): importing it registers them all for { locale }.\n`;
writeFileSync(join(LOCALES, "all.js"), `${allHeader}${localeFiles.map((c) => `import "./${c}.js";`).join("\n")}\nexport const cultures = ${JSON.stringify(localeFiles)};\n`);
writeFileSync(join(LOCALES, "all.cjs"), `${allHeader}"use strict";\n${localeFiles.map((c) => `require("./${c}.cjs");`).join("\n")}\nmodule.exports = { cultures: ${JSON.stringify(localeFiles)} };\n`);
writeFileSync(join(LOCALES, "all.d.ts"), `${allHeader}export declare const cultures: string[];\n`);
writeFileSync(join(LOCALES, "index.json"), `${JSON.stringify(languagesData.languages.map((l) => ({ culture: l.cultures[0], name: l.name })))}\n`);
manifest.exports["./locales/*.json"] = "./locales/*.json";
manifest.exports["./locales/*"] = { types: "./locales/*.d.ts", import: "./locales/*.js", require: "./locales/*.cjs" };
manifest.files.push("locales");
manifest.sideEffects.push("./locales/*");
// ---- end of payrules/locales ----

writeFileSync(join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`payrules ${version}: package.json, payrules.cjs, ${reader}.cjs and the entries written to pkg/`);
