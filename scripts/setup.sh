#!/usr/bin/env bash
# Installs what the build and tests need when it is missing (sourced by run.sh and test.sh).
# Usage: source scripts/setup.sh; need_wasm_tools; need_browser
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen crate's exact version, from the pin in Cargo.toml.
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml"
}

need_wasm_tools() {
  command -v cargo >/dev/null || { echo "cargo not found: install rustup first (https://rustup.rs)" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (matches the wasm-bindgen crate)"
    # Not --locked: its lock file wants a webpki-roots release the registry here lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack"
    cargo install wasm-pack --locked --version 0.15.1
  fi
  if ! command -v node >/dev/null; then
    say "installing Node.js"
    apt_install nodejs npm
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

# The JS tests' own dependencies (tests/js/package-lock.json: @servicestack/client, playwright-core, ajv).
need_js_deps() {
  if [ ! -d "$ROOT/tests/js/node_modules" ] || [ "$ROOT/tests/js/package-lock.json" -nt "$ROOT/tests/js/node_modules" ]; then
    say "installing the JS tests' dependencies (npm ci)"
    (cd "$ROOT/tests/js" && npm ci --no-audit --no-fund && touch node_modules)
  fi
}

# schemathesis and openapi-spec-validator from PyPI, pinned, in a virtualenv under target/ (the
# OpenAPI run of scripts/test.sh). Sets SCHEMATHESIS_BIN to the venv's bin/.
SCHEMATHESIS_VERSION=4.32.5
OPENAPI_SPEC_VALIDATOR_VERSION=0.9.0
need_schemathesis() {
  SCHEMATHESIS_BIN="$ROOT/target/schemathesis/bin"
  if [ "$("$SCHEMATHESIS_BIN/schemathesis" --version 2>/dev/null | awk '{print $NF}')" != "$SCHEMATHESIS_VERSION" ] ||
    [ "$("$SCHEMATHESIS_BIN/pip" show openapi-spec-validator 2>/dev/null | awk '/^Version:/ {print $2}')" != "$OPENAPI_SPEC_VALIDATOR_VERSION" ]; then
    say "installing schemathesis $SCHEMATHESIS_VERSION and openapi-spec-validator $OPENAPI_SPEC_VALIDATOR_VERSION (pip, into target/schemathesis)"
    command -v python3 >/dev/null || apt_install python3
    python3 -m venv "$ROOT/target/schemathesis" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$ROOT/target/schemathesis"; }
    "$SCHEMATHESIS_BIN/pip" install --quiet --disable-pip-version-check \
      "schemathesis==$SCHEMATHESIS_VERSION" "openapi-spec-validator==$OPENAPI_SPEC_VALIDATOR_VERSION"
  fi
}

# The package build's own npm tools (scripts/package-lock.json): binaryen's wasm-opt, terser.
need_build_tools() {
  if [ ! -d "$ROOT/scripts/node_modules" ] || [ "$ROOT/scripts/package-lock.json" -nt "$ROOT/scripts/node_modules" ]; then
    say "installing the package build's tools (npm ci in scripts/)"
    (cd "$ROOT/scripts" && npm ci --no-audit --no-fund && touch node_modules)
  fi
}

# Builds the npm package `payrules` into pkg/: wasm-pack's ES module build without std, then
# scripts/package.mjs optimizes the module (wasm-opt -O3, small functions inlined), minifies what a browser loads, and
# adds the CommonJS build, the entries, the resolver and the exports map.
build_package() {
  need_build_tools
  say "building the npm package into pkg/"
  # Without std: the no_std module (its own panic handler and allocator; see Cargo.toml).
  # wasm-pack's own wasm-opt step is off (--no-opt): Debian's wasm-opt 108 breaks the module;
  # scripts/package.mjs runs the npm package's binaryen instead.
  (cd "$ROOT" && wasm-pack build --profile wasm-release --no-opt --target web --out-dir pkg -- --no-default-features)
  node "$ROOT/scripts/package.mjs"
}
