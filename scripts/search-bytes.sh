#!/usr/bin/env bash
# Compressed bytes a first query downloads from the search of a built portal, measured by
# driving the real search page in headless Chromium (scripts/search-bytes.mjs).
# Usage: bash scripts/search-bytes.sh <output dir> [url prefix] [query…]
#   (default queries: "thông tin", "chuyen doi so", "hệ thống camera giám sát", "dak nong",
#   "so tt&tt", "dak nong camera", "ke hoach 2025";
#   MAX_KB=100 makes it fail when a query downloads more)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath "$1")"; shift
prefix="${1:-/}"; [ $# -gt 0 ] && shift
[ -d tests/browser/node_modules/playwright-core ] || npm ci --prefix tests/browser --no-audit --no-fund >/dev/null
exec node scripts/search-bytes.mjs "$out" "$prefix" "$@"
