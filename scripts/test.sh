#!/usr/bin/env bash
# Runs every test: native (engine, rule audits, CLI, reducer), the rule-file check, the release build
# with its size report, and the real-browser tests in headless Chromium. Installs what is missing
# first (scripts/setup.sh), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/setup.sh --browser

echo "== formatting and lints"
# rustfmt.toml sets the style; the vendored Yew is not part of the crate and is not checked.
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
# The Yew patches kept as files still describe vendor/yew (vendor/yew/PATCHES.md).
scripts/check-yew-patches.sh

echo "== native tests"
cargo test --locked

echo "== rule files"
cargo run --locked --quiet --bin regiewijzer -- check

echo "== release build and size"
scripts/build.sh
# --strict: the run fails when one walk of a guideline is over the 120 KB gzip budget.
node scripts/size.mjs dist --strict

echo "== browser tests (headless Chromium)"
node --test tests/browser/

echo "== fallback build (stable rustc options) and its smoke test"
# What another rustc (or a machine without rust-src) gets: the widget with the stable options only.
# Its own cargo target folder, so it does not rebuild the budgeted build's artefacts; not budgeted.
REGIEWIJZER_BUILD_STD=0 REGIEWIJZER_ONLY_WIDGET=1 REGIEWIJZER_DIST=target/dist-stable \
  REGIEWIJZER_WASM_TARGET_DIR=target/stable scripts/build.sh
node scripts/size.mjs target/dist-stable | sed -n '/one walk/,$p' || true
REGIEWIJZER_DIST=target/dist-stable node --test tests/fallback/
