#!/usr/bin/env bash
# The main job: builds the npm package (pkg/) and starts the reference server with the demo page.
# Flags pass on to the server (--port N, --addr IP, --culture NAME, --quiet); PAYRULES_PORT /
# PAYRULES_ADDR / PAYRULES_CULTURE too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
need_wasm_tools
build_package
say "building the reference server"
cd "$ROOT"
cargo build --release -p payrules-server
say "starting the server: open the URL below (Ctrl-C stops it)"
exec ./target/release/payrules-server --www www --pkg pkg "$@"
