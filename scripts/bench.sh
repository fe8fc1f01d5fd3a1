#!/usr/bin/env bash
# Builds the synthetic national corpus with congkhai and with Hugo at each size and prints,
# for both: wall time, CPU time, peak memory, files and bytes written; the ratio
# congkhai / Hugo; the peer pipeline that gives the same features (Hugo's pages, Pagefind
# over them, gzip -6 and brotli -q 4 copies of the pages) with its ratio to congkhai; the
# floor: reading congkhai's input and copying its output; and a congkhai rebuild over its
# own output with nothing changed.
#
#   bash scripts/bench.sh                 # sizes 1000 5000 10000 50000
#   bash scripts/bench.sh 1000 5000       # chosen sizes
#   RUNS=3 bash scripts/bench.sh 1000     # hyperfine runs per size (default 1)
#   RUNS=0 bash scripts/bench.sh 50000    # no hyperfine: one build under GNU time only
#   OUT_DIR=target/bench/out bash scripts/bench.sh 1000   # write the sites to disk
#
# Every build is a clean build: its output folder is removed before each run (hyperfine
# --prepare), for both tools. Sites are written to OUT_DIR, by default a folder in /dev/shm
# (memory), because on the 2-core machine's disk creating files costs about 0,5 ms each in
# the kernel, which would hide the generators' own work; set OUT_DIR to measure a disk.
# Installs what it needs (hugo, hyperfine from Debian; GNU time). Corpora, written by the
# workspace's bench-corpus tool, go to ${BENCH_DIR:-target/bench}; each is made once per size
# and seed and kept.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000 50000)
runs=${RUNS:-1}
seed=${SEED:-1}
dir=${BENCH_DIR:-target/bench}
if [ -z "${OUT_DIR:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then OUT_DIR=/dev/shm/congkhai-bench; else OUT_DIR=$dir/out; fi
fi

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

cargo build --release --locked --quiet --package congkhai --package bench-corpus
# Pagefind, pinned by scripts/compare-pagefind/package-lock.json (npm registry).
command -v npm >/dev/null 2>&1 || { echo "error: npm is required: apt-get install nodejs npm" >&2; exit 1; }
npm ci --prefix scripts/compare-pagefind --no-audit --no-fund --silent >/dev/null
pagefind=$PWD/scripts/compare-pagefind/node_modules/.bin/pagefind
command -v brotli >/dev/null 2>&1 || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq brotli >/dev/null; }
bin=$PWD/target/release/congkhai
generator=$PWD/target/release/bench-corpus
theme=$PWD/themes/default
mkdir -p "$dir" "$OUT_DIR"
dir=$(cd "$dir" && pwd)
out=$(cd "$OUT_DIR" && pwd)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(hugo version | cut -d' ' -f1-2); sites written to $out"

# measure NAME OUTPUT COMMAND...: hyperfine's mean wall time over clean builds, then one
# more clean build under GNU time for CPU time and peak memory. Prints "wall cpu peak_mb".
measure() {
  local name=$1 output=$2; shift 2
  if [ "$runs" = 0 ]; then
    rm -rf "$output"
    if ! /usr/bin/time -f "%e %U %S %M" -o "$dir/$name.time" "$@" >/dev/null 2>&1; then
      # A peer that fails (Hugo is killed for lack of memory at 50.000 pages on 24 GiB)
      # gives no figures; the caller prints why.
      echo "error: '$*' failed: $(head -1 "$dir/$name.time")" >&2
      local kb
      kb=$(tail -1 "$dir/$name.time" | awk '$4 ~ /^[0-9]+$/ {print $4}')
      echo "failed failed $(( ${kb:-0} / 1024 ))"
      return
    fi
    read -r wall user sys kb < "$dir/$name.time"
    echo "$wall $(python3 -c "print('%.2f' % ($user + $sys))") $((kb / 1024))"
    return
  fi
  hyperfine --runs "$runs" --warmup 0 --prepare "rm -rf '$output'" \
    --export-json "$dir/$name.json" "$*" >/dev/null 2>&1 \
    || { echo "error: '$*' failed" >&2; rm -rf "$output"; "$@" >&2; exit 1; }
  local wall
  wall=$(python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$dir/$name.json")
  rm -rf "$output"
  /usr/bin/time -f "%U %S %M" -o "$dir/$name.time" "$@" >/dev/null 2>&1
  read -r user sys kb < "$dir/$name.time"
  echo "$wall $(python3 -c "print('%.2f' % ($user + $sys))") $((kb / 1024))"
}

# files DIR: number of files and MB in DIR.
files() { echo "$(find "$1" -type f | wc -l) $(du -sm "$1" | cut -f1)"; }

printf '%-7s %-9s %8s %8s %9s %8s %8s %8s\n' pages tool wall_s cpu_s peak_MB pages_out files out_MB
for n in "${sizes[@]}"; do
  corpus=$dir/corpus-$n-$seed
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    "$generator" --pages "$n" --seed "$seed" --out "$corpus" >/dev/null
    touch "$corpus/.done"
  fi
  co=$out/congkhai-$n; ho=$out/hugo-$n
  read -r cw cc cm <<<"$(measure "congkhai-$n" "$co" "$bin" build --content "$corpus/content" --theme "$theme" --output "$co")"
  read -r cf cmb <<<"$(files "$co")"; cp=$(find "$co" -name '*.html' | wc -l)
  rm -rf "$co"
  read -r hw hc hm <<<"$(measure "hugo-$n" "$ho" hugo --quiet --source "$corpus/hugo" --destination "$ho")"
  if [ "$hw" = failed ]; then
    rm -rf "$ho"
    printf '%-7s %-9s %8s %8s %9s %8s %8s %8s\n' "$n" congkhai "$cw" "$cc" "$cm" "$cp" "$cf" "$cmb"
    printf '%-7s %-9s   failed (peak %s MB when it ended): no Hugo, Pagefind or peer line\n' "$n" hugo "$hm"
    continue
  fi
  read -r hf hmb <<<"$(files "$ho")"; hp=$(find "$ho" -name '*.html' | wc -l)
  # The peer's other stages, over Hugo's pages: Pagefind's index, then precompression.
  rm -rf "$ho"; hugo --quiet --source "$corpus/hugo" --destination "$ho" >/dev/null
  read -r pw pc pm <<<"$(measure "pagefind-$n" "$ho/pagefind" "$pagefind" --site "$ho")"
  "$pagefind" --site "$ho" >/dev/null 2>&1
  read -r pf pmb <<<"$(files "$ho/pagefind")"
  read -r zw zc zm <<<"$(measure "precompress-$n" "$ho/none" bash -c "find '$ho' -name '*.html' -print0 | xargs -0 -P $(nproc) -n 200 gzip -6 -kf && find '$ho' -name '*.html' -print0 | xargs -0 -P $(nproc) -n 200 brotli -q 4 -kf")"
  rm -rf "$ho"
  printf '%-7s %-9s %8s %8s %9s %8s %8s %8s\n' "$n" congkhai "$cw" "$cc" "$cm" "$cp" "$cf" "$cmb"
  printf '%-7s %-9s %8s %8s %9s %8s %8s %8s\n' "$n" hugo "$hw" "$hc" "$hm" "$hp" "$hf" "$hmb"
  python3 -c "import sys; w,c,m,W,C,M=map(float,sys.argv[1:7]); print('%-7s %-9s %8.2f %8.2f %9.2f   (congkhai / Hugo)' % (sys.argv[7], 'ratio', w/W, c/C, m/M))" "$cw" "$cc" "$cm" "$hw" "$hc" "$hm" "$n"
  printf '%-7s %-9s %8s %8s %9s %8s %8s %8s\n' "$n" pagefind "$pw" "$pc" "$pm" - "$pf" "$pmb"
  printf '%-7s %-9s %8s %8s %9s\n' "$n" precomp "$zw" "$zc" "$zm"
  python3 -c "import sys; hw,hc,pw,pc,zw,zc,cw,cc=map(float,sys.argv[1:9]); W=hw+pw+zw; C=hc+pc+zc; print('%-7s %-9s %8.2f %8.2f             (Hugo + Pagefind + precompression; %.2f times congkhai\'s wall time, %.2f its CPU)' % (sys.argv[9], 'peer', W, C, W/cw, C/cc))" "$hw" "$hc" "$pw" "$pc" "$zw" "$zc" "$cw" "$cc" "$n"
  # The floor: reading every input file, and writing congkhai's output tree as it is (a copy
  # of a finished build, warm cache), each timed alone.
  "$bin" build --content "$corpus/content" --theme "$theme" --output "$co" >/dev/null 2>&1
  read_s=$( { /usr/bin/time -f "%e" bash -c "find '$corpus/content' -type f -print0 | xargs -0 cat >/dev/null"; } 2>&1 | tail -1)
  rm -rf "$out/floor"
  write_s=$( { /usr/bin/time -f "%e" cp -r "$co" "$out/floor"; } 2>&1 | tail -1)
  rm -rf "$out/floor"
  # A rebuild: congkhai once more over its own finished output, nothing changed (what takes
  # over the unchanged files' compressed copies; Hugo has no counterpart).
  /usr/bin/time -f "%e %U %S %M" -o "$dir/rebuild-$n.time" \
    "$bin" build --content "$corpus/content" --theme "$theme" --output "$co" >/dev/null 2>&1
  read -r rw ru rs rk < "$dir/rebuild-$n.time"
  rm -rf "$co"
  printf '%-7s %-9s %8s   (read input %s s + copy output %s s)\n' "$n" floor "$(python3 -c "print('%.2f' % ($read_s + $write_s))")" "$read_s" "$write_s"
  printf '%-7s %-9s %8s %8s %9s   (congkhai over its own output, nothing changed)\n' "$n" rebuild "$rw" "$(python3 -c "print('%.2f' % ($ru + $rs))")" "$((rk / 1024))"
done
