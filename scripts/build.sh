#!/usr/bin/env bash
# Release build into dist/: the widget (index.html, regiewijzer.js (loader), css, regiewijzer_wasm.js + _bg.wasm),
# the training page (oefenen.html, oefenen.js, oefenen_wasm.js + _bg.wasm) and, in dist/api/, the JS API bundle for pages without the widget. Each: cargo (size profile) →
# wasm-bindgen → wasm-opt -Oz. Offline: uses only the locally installed wasm-bindgen-cli and npm
# binaryen (scripts/setup.sh). Trunk is not needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Same bytes on every machine: no absolute paths in the binary. The last mapping matters when the
# rust-src component is installed: rustc then names std's files by their local path instead of
# /rustc/<commit>/, which would make the output depend on the machine.
SYSROOT_SRC="$(rustc --print sysroot)/lib/rustlib/src/rust"
RUSTC_COMMIT="$(rustc -vV | sed -n 's/^commit-hash: //p')"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$PWD=. --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo --remap-path-prefix=$SYSROOT_SRC=/rustc/$RUSTC_COMMIT"
WASM=target/wasm32-unknown-unknown/release/regiewijzer.wasm

# Smaller wasm (-12.5 KB gzip for the widget, measured): std itself rebuilt for size from the
# rust-src component (scripts/setup.sh adds it), panics that abort at once without their messages
# and locations, and no Debug formatting (nothing the widget shows uses it). These are unstable
# options of rustc 1.95, enabled with RUSTC_BOOTSTRAP=1 for these wasm builds only (never the CLI or
# the tests). Without rust-src the build falls back to the stable options (and is over budget).
BUILD_STD=()
BOOTSTRAP=0
if [ "${REGIEWIJZER_BUILD_STD:-1}" = 1 ] && [ -d "$SYSROOT_SRC/library/std" ]; then
  BOOTSTRAP=1
  BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS+=" -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
  echo "[build] std rebuilt for size (rust-src present)"
else
  echo "[build] warning: no rust-src component; building with the stable options (larger wasm)" >&2
fi

bundle() { # feature out-dir out-name
  RUSTC_BOOTSTRAP=$BOOTSTRAP cargo build --release --locked --target wasm32-unknown-unknown --no-default-features --features "$1" --lib "${BUILD_STD[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$WASM"
  # Beyond -Oz (measured on the widget's wasm, gzip): only small functions with one caller are
  # inlined (-7.6 KB: big merged functions compress worse than the calls they replace), and the
  # memory is known to start zeroed with its lowest 1 KB unused (Rust's stack starts at 1 MiB and
  # grows down; -0.9 KB).
  node_modules/.bin/wasm-opt -Oz --converge --one-caller-inline-max-function-size=20 --low-memory-unused --zero-filled-memory --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$2/$3_bg.wasm" -o "$2/$3_bg.wasm"
  # Short import and export names in the wasm and its glue (-2.6 KB gzip wasm, -1.2 KB glue).
  node scripts/short-names.mjs "$2" "$3"
}

rm -rf dist && mkdir -p dist/api dist/eigen
bundle ui dist regiewijzer_wasm
bundle api dist/api regiewijzer_api
# The check of a gemeente's own rule file, fetched only when a page names one (www/eigen.js).
bundle own dist/eigen regiewijzer_eigen
# The training page (oefenen.html): the widget plus cases and "Vergelijk regio's", its own bundle.
bundle training dist oefenen_wasm
cp index.html dist/index.html
cp www/regiewijzer.js www/eigen.js www/loader.js www/inbed.html www/inbed.js www/ouder.js www/favicon.svg www/configuratie-voorbeeld.json \
  www/eigen-regels-voorbeeld.json www/oefenen.html www/oefenen.js www/oefenen.css dist/
# The house style: the NL Design System voorbeeld theme's tokens the CSS uses, then the CSS itself.
node scripts/theme.mjs www/regiewijzer.css dist/regiewijzer.css
node scripts/minify.mjs dist/regiewijzer.js dist/eigen.js dist/regiewijzer_wasm.js dist/inbed.js dist/ouder.js dist/regiewijzer.css \
  dist/api/regiewijzer_api.js dist/eigen/regiewijzer_eigen.js dist/oefenen.js dist/oefenen_wasm.js dist/oefenen.css
# Each guideline's data (fetched when it is opened) and the static list of guidelines in index.html.
cargo run --locked --quiet --bin regiewijzer -- export dist
# The service worker for offline use, listing the files above (after the export filled index.html).
node scripts/sw.mjs dist
echo "[build] dist/ ready"
