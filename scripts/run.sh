#!/usr/bin/env bash
# The main job: builds the npm package (pkg/) and validates the sample payloads through it in Node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_wasm_tools
build_package
say "validating examples/payloads.json through pkg/ (Node $(node --version))"
node "$ROOT/examples/validate.mjs" "$@"
