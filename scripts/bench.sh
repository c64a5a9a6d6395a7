#!/usr/bin/env bash
# Every benchmark in one run: payrules against ajv, zod, valibot and yup in Node (bench/compare.mjs),
# validate() per DTO and the package size (bench/validate.mjs), start-up in Node and Chromium
# (bench/startup.mjs), and native parse + validate
# against the jsonschema crate and a serde_json + validator baseline (cargo bench, divan).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_wasm_tools
cd "$ROOT"
build_package
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules ]; then
  say "installing the JS peers (npm ci in bench/)"
  (cd bench && npm ci --no-audit --no-fund && touch node_modules)
fi
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Node $(node --version)"
say "JS validators, same payloads, one process"
node bench/compare.mjs
say "validate() per DTO, and the package size"
node bench/validate.mjs
node scripts/size-budget.mjs pkg
say "start-up: import to first result, Node and headless Chromium"
need_js_deps
node bench/startup.mjs
say "native: parse + validate from JSON bytes (divan; validations/s per core = 1e9 / median ns)"
cargo bench -p payrules-bench
