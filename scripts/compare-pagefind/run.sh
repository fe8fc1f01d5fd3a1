#!/usr/bin/env bash
# Builds the portal, indexes the same pages with Pagefind, and compares the two searches
# (compare.mjs). Prints Markdown tables for BENCHMARKS.md.
# Usage: bash scripts/compare-pagefind/run.sh [content dir]   (default: content)
set -euo pipefail
cd "$(dirname "$0")/../.."
content="${1:-content}"
here=scripts/compare-pagefind
command -v node >/dev/null || { echo "error: Node.js is required: apt-get install nodejs npm" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "error: chromium is required: apt-get install chromium" >&2; exit 1; }
npm ci --prefix "$here" --no-audit --no-fund >/dev/null
cargo build --release --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
target/release/congkhai build --content "$content" --output "$work/congkhai" --base-url https://congkhai.test/cong-khai/ >/dev/null 2>&1
cp -r "$work/congkhai" "$work/pagefind"
rm -rf "$work/pagefind/tim-kiem/chi-muc"
"$here/node_modules/.bin/pagefind" --site "$work/pagefind" >/dev/null
printf '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>pagefind</title></head><body></body></html>' > "$work/pagefind/pagefind-test.html"
node "$here/compare.mjs" "$work/congkhai" "$work/pagefind" /cong-khai/
