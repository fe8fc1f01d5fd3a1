//! The one place that reads YAML.
//!
//! congkhai uses serde-saphyr (pure Rust, maintained, panic-free, with locations on every
//! error) instead of the deprecated serde_yaml. Booleans are strict (`yes`/`no` stay text)
//! and numbers with leading zeros (`09`) stay text, so that what an editor writes is what
//! is published.

use crate::diagnostics::{Diagnostic, Place};
use serde::de::DeserializeOwned;
use std::path::Path;

pub use serde_saphyr::Spanned;

mod controls;
mod messages;

/// The largest content file congkhai reads (a real appendix is well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What a reader says of a required text left empty; [`messages`] gives it its advice.
pub const BLANK_TEXT: &str = "không được để trống";

/// The most YAML nodes an alias may expand to, to defeat "billion laughs" files.
const MAX_ALIAS_EXPANSIONS: usize = 10_000;

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
pub fn quote(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// Parses `text` (the contents of `file`) into `T`, or explains what is wrong and where.
pub fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Diagnostic> {
    if let Some(found) = controls::find(text, options()) {
        let place = match found.place {
            Some((line, column)) => Place::new(file, line, column),
            None => Place::file(file),
        };
        return Err(Diagnostic::error(
            place,
            format!(
                "giá trị này có ký tự điều khiển U+{:04X}, viết bằng một chuỗi thoát (như \\f, \\0, \\u0007): \
                 không trang nào hiển thị được nó, và nó làm hỏng feed.xml",
                found.character as u32
            ),
        )
        .with_help("xóa chuỗi thoát đó; muốn xuống dòng thì viết \\n"));
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| describe(&error, file))
}

/// How congkhai reads YAML: strict booleans, numbers with leading zeros kept as text, and
/// limits against files that expand without end.
fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        with_snippet: false,
    };
    options.alias_limits.max_alias_expansions_per_anchor = MAX_ALIAS_EXPANSIONS;
    options.budget = Some(budget());
    options
}

/// serde-saphyr's limits, with the number of nodes and events raised so that only the size
/// of the file ([`MAX_FILE_BYTES`]) limits them: its defaults (250.000 nodes)
/// refused an appendix of 30.000 rows, 2,6 MB. Every node or event takes at least a byte
/// of the file, or two for an empty value. Depth stays at 64: nothing real nests deeper.
fn budget() -> serde_saphyr::Budget {
    let per_file = usize::try_from(MAX_FILE_BYTES)
        .unwrap_or(usize::MAX)
        .saturating_mul(2);
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = per_file;
    budget.max_nodes = per_file;
    budget
}

/// Turns a serde-saphyr error into a diagnostic with a place, a message and advice, in
/// Vietnamese.
fn describe(error: &serde_saphyr::Error, file: &Path) -> Diagnostic {
    let place = match error.location() {
        Some(location) => Place::new(file, location.line(), location.column()),
        None => Place::file(file),
    };
    let (message, help) = messages::explain(error);
    Diagnostic::error(place, message).with_help(help)
}
