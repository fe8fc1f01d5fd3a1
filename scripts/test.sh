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

# Debian packages the integration tests drive: nginx (tests/integration/nginx.rs), xmllint
# (sitemap schema). The tests that need them are #[ignore]d, so that `cargo test` passes with
# only Rust; they run below with --include-ignored.
apt_packages=()
[ -x /usr/sbin/nginx ] || apt_packages+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_packages+=(libnginx-mod-http-brotli-static)
command -v xmllint >/dev/null 2>&1 || apt_packages+=(libxml2-utils)
# Browser tests (tests/browser): Debian's Chromium, Java for the Nu HTML Checker, Node for the runner.
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
if [ ${#apt_packages[@]} -gt 0 ]; then
  need apt-get "install these Debian packages by hand: ${apt_packages[*]}"
  echo "== installing ${apt_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

# frictionless (PyPI) validates the open-data package in tests/integration/open_data.rs.
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

# Node packages of the browser tests (cargo test drives the search browser test too).
# --ignore-scripts: vnu-jar's install script would try to download a Java runtime.
(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --silent)

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The benchmarks of the pipeline's stages build only with the `bench-stages` feature.
cargo clippy --all-targets --locked --features bench-stages -- -D warnings
echo "== cargo test, with the tests that need the programs above"
cargo test --workspace --locked -- --include-ignored

echo "== browser tests (axe-core, sorting and filtering, no JavaScript, Nu HTML Checker)"
cargo build --locked
(cd tests/browser && node --test)
