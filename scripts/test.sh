#!/usr/bin/env bash
# Runs every check of the project: formatting, lints, unit and integration tests.
# Installs what the tests need first; a missing tool is installed or the run fails saying so.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required: $2" >&2; exit 1; }
}

need cargo "install Rust with rustup (https://rustup.rs)"
if ! cargo fmt --version >/dev/null 2>&1; then rustup component add rustfmt; fi
if ! cargo clippy --version >/dev/null 2>&1; then rustup component add clippy; fi

# frictionless (PyPI) validates the open-data package in tests/open_data.rs.
FRICTIONLESS_VENV=target/venv-frictionless
if [ ! -x "$FRICTIONLESS_VENV/bin/frictionless" ]; then
  echo "== installing frictionless into $FRICTIONLESS_VENV"
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -m venv --help >/dev/null 2>&1 \
    || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    need apt-get "install Python 3 with venv (python3, python3-venv)"
    apt-get update && apt-get install -y python3 python3-venv
  fi
  python3 -m venv "$FRICTIONLESS_VENV"
  "$FRICTIONLESS_VENV/bin/pip" install --quiet "frictionless==5.21.0"
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --locked
