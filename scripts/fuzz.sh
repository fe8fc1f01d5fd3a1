#!/usr/bin/env bash
# Runs the property-based fuzzers of src/tests/fuzz.rs for longer than CI does.
# Usage: bash scripts/fuzz.sh [cases]   (default 20000 cases per property; CI runs 256/24)
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-20000}"
start=$(date +%s)
PROPTEST_CASES="$cases" cargo test --release --locked --lib tests::fuzz:: -- --nocapture
echo "fuzz: $cases cases per property in $(( $(date +%s) - start )) s"
