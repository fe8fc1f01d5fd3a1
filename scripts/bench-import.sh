#!/usr/bin/env bash
# Measures `congkhai import-table`: time (hyperfine) and peak memory (/usr/bin/time -v) on the
# largest seed table and on a 100-fold copy of it (7 700 rows). Figures go into BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "error: install hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "error: install GNU time (apt-get install time)" >&2; exit 1; }
cargo build --release --locked
bin=target/release/congkhai
seed=docs/sources/000_64506bf368e2e8c1.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -n 623,723p "$seed" > "$work/small.txt"
{ sed -n 623p "$seed"; for _ in $(seq 100); do sed -n 624,722p "$seed"; done; } > "$work/large.txt"
echo "rows: small $(wc -l < "$work/small.txt"), large $(wc -l < "$work/large.txt")"
hyperfine --warmup 3 -N \
  "$bin import-table $work/small.txt --unit trieu-dong" \
  "$bin import-table $work/large.txt --unit trieu-dong"
for f in small large; do
  /usr/bin/time -v "$bin" import-table "$work/$f.txt" --unit trieu-dong 2>&1 >/dev/null \
    | grep -E "Maximum resident|Elapsed" | sed "s/^/$f: /"
done
