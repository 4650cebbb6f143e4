#!/usr/bin/env bash
# Release build of the widget into dist/: wasm (size profile) → wasm-bindgen → wasm-opt -Oz → static files.
# Offline: uses only the locally installed wasm-bindgen-cli and npm binaryen (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Same bytes on every machine: no absolute paths in the binary.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=. --remap-path-prefix=$HOME/.cargo=cargo"
cargo build --release --locked --target wasm32-unknown-unknown --features web --lib

rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name regiewijzer \
  target/wasm32-unknown-unknown/release/regiewijzer.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/regiewijzer_bg.wasm -o dist/regiewijzer_bg.wasm
cp index.html dist/index.html
cp www/loader.js www/regiewijzer.css www/favicon.svg dist/
echo "[build] dist/ ready"
