#!/usr/bin/env bash
# Every test: formatting and lints (native and wasm32), native tests, the wasm tests in Node and
# in headless Chromium, the built package's size budget, its JS API under Node's test runner and
# its consumer projects (Node, no-bundler page and worker, Vite + React, tsc), then the reference
# server's routes and the differential test (native vs wasm vs HTTP), then the demo's forms in
# headless Chromium. Between them, schemathesis against the running server from its OpenAPI
# document. Prints each runner's test count and fails if any runner ran none.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_wasm_tools
need_browser
need_js_deps
cd "$ROOT"
LOGS="$(mktemp -d)"
declare -A COUNT

# Sums the "N passed" of every cargo/wasm-bindgen-test "test result:" line in a log.
cargo_passed() { grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s += $4} END {print s + 0}'; }

run() { # name, command...
  local name="$1"; shift
  say "$name: $*"
  "$@" 2>&1 | tee "$LOGS/$name.log"
}

say "cargo fmt --check"
cargo fmt --all -- --check
run clippy-native cargo clippy --workspace --all-targets -- -D warnings
run clippy-wasm32 cargo clippy -p payrules --all-targets --target wasm32-unknown-unknown -- -D warnings
# The npm package's build: no_std, with its own panic handler and allocator.
run clippy-wasm32-no-std cargo clippy -p payrules --target wasm32-unknown-unknown --no-default-features -- -D warnings

run native cargo test -p payrules -p payrules-derive -p payrules-bench
COUNT[native]="$(cargo_passed "$LOGS/native.log")"

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
run wasm-node cargo test -p payrules --target wasm32-unknown-unknown
COUNT[wasm-node]="$(cargo_passed "$LOGS/wasm-node.log")"

run wasm-chromium env CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
  cargo test -p payrules --target wasm32-unknown-unknown
COUNT[wasm-chromium]="$(cargo_passed "$LOGS/wasm-chromium.log")"
unset CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER

build_package
say "size budget (gzip of what a browser downloads)"
node scripts/size-budget.mjs pkg
run js-node node --test tests/js/
COUNT[js-node]="$(grep -Eo '^# pass [0-9]+' "$LOGS/js-node.log" | awk '{print $3}')"

# The packed package installed into throwaway projects: Node import and require, a page with no
# bundler and its worker, a Vite + React + react-hook-form app in Chromium, tsc --strict.
run consumers node --test tests/consumers/
COUNT[consumers]="$(grep -Eo '^# pass [0-9]+' "$LOGS/consumers.log" | awk '{print $3}')"
grep -h 'packed tarball:' "$LOGS/consumers.log" | sed 's/^# //' || true

# The reference server: every route, then the differential test (needs pkg/ for its wasm side).
run server cargo test -p payrules-server -- --nocapture
COUNT[server]="$(cargo_passed "$LOGS/server.log")"

# The OpenAPI document against the running server: openapi-spec-validator on it, then
# schemathesis (PyPI, pinned) generating requests from it with a fixed seed and at most 100
# cases per operation and phase: no 5xx, and every answer's status, content type, headers and
# body as documented. Any failure fails the run.
cargo build -p payrules-server
need_schemathesis
run_schemathesis() {
  local log="$LOGS/schemathesis-server.log" url="" status=0
  target/debug/payrules-server --port 0 --quiet > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do
    url="$(sed -n 's|.*listening on \(http://[^/ ]*\)/.*|\1|p' "$log")"
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    kill "$pid" 2>/dev/null || true
    echo "payrules-server did not start: $(cat "$log")" >&2
    return 1
  fi
  "$SCHEMATHESIS_BIN/openapi-spec-validator" --schema 3.1 "$ROOT/pkg/openapi.json" || status=$?
  if [ "$status" = 0 ]; then
    # From the log folder: schemathesis keeps a cache of crashes in its working directory.
    (cd "$LOGS" && "$SCHEMATHESIS_BIN/schemathesis" run "$url/openapi.json" \
      --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
      --max-examples 100 --seed 20261201 --generation-database none --no-color) || status=$?
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  return "$status"
}
schemathesis_status=0
run schemathesis run_schemathesis || schemathesis_status=$?
# Its summary: "Tested: N" operations; test cases "N generated, N passed" or "N generated, M
# found K unique failures".
last_number() { grep -Eo "$1" "$LOGS/schemathesis.log" | tail -1 | grep -Eo '[0-9]+' | head -1 || echo 0; }
COUNT[schemathesis]="$(last_number '[0-9]+ passed')"
echo "schemathesis: $(last_number 'Tested: [0-9]+') operations, $(last_number '[0-9]+ generated') test cases, $(last_number 'found [0-9]+ unique failure') failures" | tee "$LOGS/schemathesis-counts.txt"
[ "$schemathesis_status" = 0 ] || exit "$schemathesis_status"

# The demo's forms in headless Chromium (playwright-core), against the server; screenshots go
# to test-output/.
run browser node --test tests/browser/
COUNT[browser]="$(grep -Eo '^# pass [0-9]+' "$LOGS/browser.log" | awk '{print $3}')"

say "test counts per runner"
total=0; empty=0
for runner in native wasm-node wasm-chromium js-node consumers server schemathesis browser; do
  n="${COUNT[$runner]:-0}"
  printf '  %-14s %5d tests passed\n' "$runner" "$n"
  total=$((total + n))
  [ "$n" -gt 0 ] || { echo "  !! $runner ran no test" >&2; empty=1; }
done
cases="$(node -e 'const fs=require("fs");let n=0;for(const f of fs.readdirSync("tests/vectors"))n+=JSON.parse(fs.readFileSync("tests/vectors/"+f)).cases.length;console.log(n)')"
echo "  parity vectors: $cases cases, each asserted natively, in wasm (Node and Chromium) and through the JS package"
grep -h '^differential: [0-9]* cases' "$LOGS/server.log" | sed 's/^/  /' || true
sed 's/^/  /' "$LOGS/schemathesis-counts.txt" || true
[ "$empty" = 0 ] || exit 1
echo "$total passed, 0 failed"
