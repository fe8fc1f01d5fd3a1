#!/usr/bin/env bash
# Builds the synthetic national corpus with congkhai and with Hugo at each size and prints
# wall time, CPU time, peak memory and output size for both, and the ratio congkhai / Hugo.
#
#   bash scripts/bench.sh                 # sizes 1000 5000 10000 50000
#   bash scripts/bench.sh 1000 5000       # chosen sizes
#   RUNS=3 bash scripts/bench.sh 1000     # hyperfine runs per size (default 1)
#
# Installs what it needs (hugo, hyperfine from Debian; GNU time). Work files go to
# ${BENCH_DIR:-target/bench}; each corpus is made once per size and seed and kept.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000 50000)
runs=${RUNS:-1}
seed=${SEED:-1}
dir=${BENCH_DIR:-target/bench}

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "error: install ${missing[*]} (sudo apt-get install ${missing[*]})" >&2; exit 1
  fi
fi

cargo build --release --locked --quiet
bin=$PWD/target/release/congkhai
theme=$PWD/themes/default
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# measure NAME COMMAND...: hyperfine mean wall time, then one run under GNU time for
# CPU time and peak memory. Prints "wall cpu peak_mb".
measure() {
  local name=$1; shift
  hyperfine --runs "$runs" --warmup 0 --export-json "$dir/$name.json" "$*" >/dev/null 2>&1 \
    || { echo "error: '$*' failed" >&2; "$@" >&2; exit 1; }
  local wall
  wall=$(python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$dir/$name.json")
  /usr/bin/time -f "%U %S %M" -o "$dir/$name.time" "$@" >/dev/null 2>&1
  read -r user sys kb < "$dir/$name.time"
  echo "$wall $(python3 -c "print('%.2f' % ($user + $sys))") $((kb / 1024))"
}

printf '%-7s %-9s %8s %8s %9s %9s %12s\n' pages tool wall_s cpu_s peak_MB out_MB input_MB
for n in "${sizes[@]}"; do
  corpus=$dir/corpus-$n-$seed
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    "$bin" bench-corpus --pages "$n" --seed "$seed" --out "$corpus" >/dev/null
    touch "$corpus/.done"
  fi
  read -r cw cc cm <<<"$(measure "congkhai-$n" "$bin" build --content "$corpus/content" --theme "$theme" --output "$corpus/out-congkhai")"
  read -r hw hc hm <<<"$(measure "hugo-$n" hugo --quiet --source "$corpus/hugo" --destination "$corpus/out-hugo")"
  cin=$(du -sm "$corpus/content" | cut -f1); hin=$(du -sm "$corpus/hugo" | cut -f1)
  cout=$(du -sm "$corpus/out-congkhai" | cut -f1); hout=$(du -sm "$corpus/out-hugo" | cut -f1)
  printf '%-7s %-9s %8s %8s %9s %9s %12s\n' "$n" congkhai "$cw" "$cc" "$cm" "$cout" "$cin"
  printf '%-7s %-9s %8s %8s %9s %9s %12s\n' "$n" hugo "$hw" "$hc" "$hm" "$hout" "$hin"
  python3 -c "import sys; w,c,m=map(float,sys.argv[1:4]); W,C,M=map(float,sys.argv[4:7]); print('%-7s %-9s %8.2f %8.2f %9.2f' % (sys.argv[7], 'ratio', w/W, c/C, m/M))" "$cw" "$cc" "$cm" "$hw" "$hc" "$hm" "$n"
  # The floor: reading the input and writing the output (cp of both trees, warm cache).
  floor=$( { /usr/bin/time -f "%e" bash -c "cat \$(find '$corpus/content' -type f) >/dev/null; rm -rf '$dir/floor'; cp -r '$corpus/out-congkhai' '$dir/floor'" ; } 2>&1 | tail -1)
  printf '%-7s %-9s %8s\n' "$n" floor "$floor"
done
