// Turns the wasm-pack build in pkg/ into the one npm package `payrules`: optimizes the module (wasm-opt -O3, small functions inlined), minifies what a browser loads (terser), adds the CommonJS build for Node's `require`, the entries, the react-hook-form resolver, and package.json's exports map.
// Usage: node scripts/package.mjs   (after `wasm-pack build --release --target web --out-dir pkg
// -- --no-default-features`; scripts/setup.sh's build_package runs both, with the tools of
// scripts/package.json installed). Everything comes from this build of the crate or from the
// sources in js/: nothing is copied from another build. PAYRULES_KEEP_NAMES=1 keeps the module's
// function names (to profile or to measure with twiggy).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
execFileSync(process.execPath, [wasmOpt, "-O3", "--always-inline-max-function-size", "16", ...keepNames, "--strip-producers", shipped, "-o", shipped], { stdio: "inherit" });

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
writeFileSync(join(PKG, "payrules.cjs"), glue);
rmSync(out, { recursive: true, force: true });

// reader.js's own source, whose exports the CommonJS copy below lists.
const source = readFileSync(join(PKG, `${reader}.js`), "utf8");

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
writeFileSync(join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`payrules ${version}: package.json, payrules.cjs, ${reader}.cjs and the entries written to pkg/`);
