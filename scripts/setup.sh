#!/usr/bin/env bash
# Installs what the build and the tests need, once; skips what is present.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium for the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pin in Cargo.toml
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# std's source, so scripts/build.sh can rebuild std for size (falls back without it).
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "rustup component add rust-src"
  rustup component add rust-src || say "warning: rust-src not installed; the wasm is built with the stable options (larger)"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes about 6 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt from npm binaryen (the only one that reads what rustc 1.95 emits) and playwright-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/playwright-core/package.json ] \
   || [ ! -f node_modules/@axe-core/playwright/package.json ] || [ ! -f node_modules/terser/package.json ] \
   || [ ! -f node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/package.json ] \
   || ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  say "npm ci (binaryen 132, playwright-core, axe-core, terser, NL Design System voorbeeld tokens)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  say "apt-get install chromium chromium-driver"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
say "ok"
