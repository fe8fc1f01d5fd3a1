#!/usr/bin/env bash
# Page budget of a built portal: median and largest page (gzip, as served), total CSS and JS.
# Usage: scripts/page-budget.sh [output-dir]
set -euo pipefail
dir="${1:-output}"
[ -d "$dir" ] || { echo "no built portal in $dir: run cargo run --release -- build first" >&2; exit 1; }
python3 - "$dir" <<'PY'
import os, sys, statistics
root = sys.argv[1]
pages, css, js = [], 0, 0
for folder, _, files in os.walk(root):
    for name in files:
        path = os.path.join(folder, name)
        if name.endswith(".html.gz"):
            pages.append((os.path.getsize(path), os.path.relpath(path, root)[:-3]))
        elif name.endswith(".css"):
            css += os.path.getsize(path)
        elif name.endswith(".js") and "/assets/" in path.replace(os.sep, "/") + "/":
            js += os.path.getsize(path)
pages.sort()
sizes = [s for s, _ in pages]
print(f"pages: {len(pages)}")
print(f"median page (gzip): {statistics.median(sizes) / 1024:.1f} KiB")
print(f"largest page (gzip): {sizes[-1] / 1024:.1f} KiB ({pages[-1][1]})")
print(f"CSS total: {css / 1024:.1f} KiB, JavaScript total: {js / 1024:.1f} KiB (uncompressed)")
PY
