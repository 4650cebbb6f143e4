#!/usr/bin/env bash
# Release build into dist/: the widget (index.html, its loaders regiewijzer.js (host pages) and pagina.js (own pages), css, regiewijzer_wasm.js + _bg.wasm),
# the training page (oefenen.html, oefenen.js, oefenen_wasm.js + _bg.wasm), the rule owner's page (beheer.html,
# beheer.js, beheer.css, beheer_wasm.js + _bg.wasm, beheer/<id>.json + .txt) and, in dist/api/, the JS API bundle for pages without the widget. Each: cargo (size profile) →
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
# REGIEWIJZER_WASM_TARGET_DIR: another cargo target folder for the wasm (the fallback test), so the two
# sets of options do not rebuild each other's artefacts.
WASM_TARGET_DIR="${REGIEWIJZER_WASM_TARGET_DIR:-target}"
WASM=$WASM_TARGET_DIR/wasm32-unknown-unknown/release/regiewijzer.wasm

# Smaller wasm (-12.5 KB gzip for the widget, measured): std itself rebuilt for size from the
# rust-src component (scripts/setup.sh adds it), panics that abort at once without their messages
# and locations, and no Debug formatting (nothing the widget shows uses it). These are unstable
# options, enabled with RUSTC_BOOTSTRAP=1 for these wasm builds only (never the CLI or the tests),
# and verified on rustc VERIFIED_RUSTC only: on another compiler they may fail or mean something
# else, so there the build falls back to the stable options (a larger wasm, over the walk budget)
# and says so. REGIEWIJZER_BUILD_STD=0 forces the fallback (scripts/test.sh builds it once to test it).
VERIFIED_RUSTC=1.95
RUSTC_VERSION="$(rustc --version | awk '{print $2}')"
BUILD_STD=()
BOOTSTRAP=0
if [ "${REGIEWIJZER_BUILD_STD:-1}" != 1 ]; then
  echo "[build] REGIEWIJZER_BUILD_STD=${REGIEWIJZER_BUILD_STD}: stable options (larger wasm, not the budgeted size)" >&2
elif [ "${RUSTC_VERSION%.*}" != "$VERIFIED_RUSTC" ]; then
  echo "[build] warning: rustc $RUSTC_VERSION, but the size options are verified on rustc $VERIFIED_RUSTC only; building with the stable options (larger wasm, over the walk budget). Use rustc $VERIFIED_RUSTC.x for the budgeted sizes." >&2
elif [ ! -d "$SYSROOT_SRC/library/std" ]; then
  echo "[build] warning: no rust-src component; building with the stable options (larger wasm). scripts/setup.sh installs it." >&2
else
  BOOTSTRAP=1
  BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS+=" -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
  echo "[build] std rebuilt for size (rustc $RUSTC_VERSION, rust-src present)"
fi
# Where the build goes (the test of the fallback builds into another folder).
DIST="${REGIEWIJZER_DIST:-dist}"

bundle() { # feature out-dir out-name
  RUSTC_BOOTSTRAP=$BOOTSTRAP cargo build --release --locked --target-dir "$WASM_TARGET_DIR" --target wasm32-unknown-unknown --no-default-features --features "$1" --lib "${BUILD_STD[@]}"
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

rm -rf "$DIST" && mkdir -p $DIST/api $DIST/eigen
bundle ui "$DIST" regiewijzer_wasm
# REGIEWIJZER_ONLY_WIDGET=1: just the widget's bundle (the fallback test; the pages that need the
# other bundles then fail to load them, the walk does not).
ONLY_WIDGET="${REGIEWIJZER_ONLY_WIDGET:-0}"
[ "$ONLY_WIDGET" = 1 ] || bundle api $DIST/api regiewijzer_api
# The check of a gemeente's own rule file, fetched only when a page names one (www/eigen.js).
[ "$ONLY_WIDGET" = 1 ] || bundle own $DIST/eigen regiewijzer_eigen
# The training page (oefenen.html): the widget plus cases and "Vergelijk regio's", its own bundle.
[ "$ONLY_WIDGET" = 1 ] || bundle training "$DIST" oefenen_wasm
# The rule owner's page (beheer.html): the forms, checks, diff and layout in its own bundle.
[ "$ONLY_WIDGET" = 1 ] || bundle beheer "$DIST" beheer_wasm
cp index.html $DIST/index.html
cp www/start.js www/config.js www/eigen.js www/loader.js www/inbed.html www/inbed.js www/ouder.js www/favicon.svg www/configuratie-voorbeeld.json \
  www/oefenen.html www/oefenen.js www/oefenen.css www/beheer.html www/beheer.js www/beheer.css $DIST/
# The house style: the NL Design System voorbeeld theme's tokens the CSS uses, then the CSS itself.
node scripts/theme.mjs www/regiewijzer.css $DIST/regiewijzer.css
node scripts/minify.mjs $DIST/regiewijzer.css
# The three loaders: regiewijzer.js (host pages), pagina.js and site.js (see the script).
node scripts/loaders.mjs "$DIST"
# Each guideline's data (fetched when it is opened), the rule files and texts the rule owner's page
# opens (beheer/), the rule-file format's JSON Schema where their `$schema` points (schema/,
# beheer/schema/), the example of a gemeente's own rule file, and the static list of guidelines in index.html.
cargo run --locked --quiet --bin regiewijzer -- export "$DIST"
# The rules of the stylesheet a first step uses, for the loader of host pages (after the export has
# written the steps into regiewijzer.js).
node scripts/first-css.mjs "$DIST"
MINIFY=()
for f in $DIST/start.js $DIST/config.js $DIST/regiewijzer.js $DIST/pagina.js $DIST/site.js $DIST/eigen.js $DIST/regiewijzer_wasm.js $DIST/inbed.js $DIST/ouder.js \
  $DIST/api/regiewijzer_api.js $DIST/eigen/regiewijzer_eigen.js $DIST/oefenen.js $DIST/oefenen_wasm.js $DIST/oefenen.css \
  $DIST/beheer.js $DIST/beheer_wasm.js $DIST/beheer.css $DIST/index.html $DIST/inbed.html $DIST/oefenen.html $DIST/beheer.html; do
  if [ -f "$f" ]; then MINIFY+=("$f"); elif [ "$ONLY_WIDGET" != 1 ]; then echo "[build] missing $f" >&2; exit 1; fi
done
node scripts/minify.mjs "${MINIFY[@]}"
# The service worker for offline use, listing the files above (as they are served).
node scripts/sw.mjs "$DIST"
echo "[build] $DIST/ ready"
