#!/usr/bin/env bash
# Every benchmark in one run: payrules against ajv, zod, valibot and yup in Node (bench/compare.mjs),
# validate() per DTO and the package size (bench/validate.mjs), start-up in Node and Chromium
# (bench/startup.mjs), and native parse + validate against the jsonschema crate, a serde_json +
# validator baseline and a hand-written serde visitor (cargo bench, divan; benches/targets.rs
# prints issue 11's native target). The package as it was before issue 11 (commit c99019a) is
# built once into target/baseline-pkg and measured beside today's in bench/compare.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_wasm_tools
cd "$ROOT"
build_package

# The package of commit c99019a (before the rule tables), built in a worktree, once.
baseline_package() {
  if [ ! -f "$ROOT/target/baseline-pkg/payrules_bg.wasm" ]; then
    say "building the issue-5 package (commit c99019a) as the benchmarks' baseline"
    rm -rf "$ROOT/target/baseline-src"
    git -C "$ROOT" worktree add --force --detach "$ROOT/target/baseline-src" c99019a
    (cd "$ROOT/target/baseline-src" && bash -c 'source scripts/setup.sh && build_package')
    rm -rf "$ROOT/target/baseline-pkg"
    cp -r "$ROOT/target/baseline-src/pkg" "$ROOT/target/baseline-pkg"
    git -C "$ROOT" worktree remove --force "$ROOT/target/baseline-src"
  fi
}
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules ]; then
  say "installing the JS peers (npm ci in bench/)"
  (cd bench && npm ci --no-audit --no-fund && touch node_modules)
fi
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Node $(node --version)"
say "JS validators, same payloads, one process; the issue-5 build as the baseline column"
baseline_package
PAYRULES_BASELINE="$ROOT/target/baseline-pkg" node bench/compare.mjs
say "validate() per DTO, and the package size"
node bench/validate.mjs
node scripts/size-budget.mjs pkg
say "start-up: import to first result, Node and headless Chromium"
need_js_deps
node bench/startup.mjs
say "native: parse + validate from JSON bytes (divan; validations/s per core = 1e9 / median ns)"
cargo bench -p payrules-bench --bench validate
say "native: issue 11's target, payrules within 1.5x of the hand-written serde visitor"
cargo bench -p payrules-bench --bench targets
