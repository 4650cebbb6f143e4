#!/usr/bin/env bash
# Builds the widget and serves it locally under the strict CSP; prints the URL.
# Usage: scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
node scripts/size.mjs dist
exec node scripts/server.mjs --port "${1:-8080}"
