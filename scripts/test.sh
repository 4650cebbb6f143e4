#!/usr/bin/env bash
# Runs every test: native (engine, rule audits, CLI, reducer), the rule-file check, the release build
# with its size report, and the real-browser tests in headless Chromium. Installs what is missing
# first (scripts/setup.sh), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

scripts/setup.sh --browser

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
