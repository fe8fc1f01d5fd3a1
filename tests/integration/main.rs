//! The integration tests, one test binary (as ripgrep has): the binary is linked once
//! instead of once per file. Each module is one area; `common` holds the helpers.
//!
//! Tests that need a program besides Rust (nginx, xmllint, frictionless, Node and Chromium)
//! are `#[ignore = "needs …"]`, so that `cargo test` passes on a fresh clone;
//! `scripts/test.sh` installs those programs and runs them with `--include-ignored`.
//! One area: `cargo test --test integration build::`.

mod common;

mod attachments;
mod bench_corpus;
mod build;
mod check_errors;
mod command_line;
mod concurrent_builds;
mod editor_messages;
mod guide;
mod hostile;
mod identity;
mod import_docx;
mod import_formats;
mod import_table;
mod layers;
mod nginx;
mod open_data;
mod progress;
mod publish;
mod rebuild;
mod scaffold;
mod search;
mod seed_content;
mod serve;
