//! The one place that reads YAML.
//!
//! congkhai uses serde-saphyr (pure Rust, maintained, panic-free, with locations on every
//! error) instead of the deprecated serde_yaml. Booleans are strict (`yes`/`no` stay text)
//! and numbers with leading zeros (`09`) stay text, so that what an editor writes is what
//! is published.

use crate::diagnostics::{Diagnostic, Place, did_you_mean};
use serde::de::DeserializeOwned;
use std::path::Path;

pub use serde_saphyr::Spanned;

/// The most YAML nodes an alias may expand to, to defeat "billion laughs" files.
const MAX_ALIAS_EXPANSIONS: usize = 10_000;

/// Parses `text` (the contents of `file`) into `T`, or explains what is wrong and where.
pub fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Diagnostic> {
    let mut options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        with_snippet: false,
    };
    options.alias_limits.max_alias_expansions_per_anchor = MAX_ALIAS_EXPANSIONS;
    options.budget = Some(budget());
    serde_saphyr::from_str_with_options(text, options).map_err(|error| describe(&error, file))
}

/// serde-saphyr's limits, with the number of nodes and events raised so that only the size
/// of the file ([`crate::load::MAX_FILE_BYTES`]) limits them: its defaults (250.000 nodes)
/// refused an appendix of 30.000 rows, 2,6 MB. Every node or event takes at least a byte
/// of the file, or two for an empty value. Depth stays at 64: nothing real nests deeper.
fn budget() -> serde_saphyr::Budget {
    let per_file = usize::try_from(crate::load::MAX_FILE_BYTES)
        .unwrap_or(usize::MAX)
        .saturating_mul(2);
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = per_file;
    budget.max_nodes = per_file;
    budget
}

/// A mistake that serde-saphyr explains in terms of its own options, said in Vietnamese,
/// with advice: a key written twice, or a limit it ran into.
fn explained(error: &serde_saphyr::Error) -> Option<(String, String)> {
    use serde_saphyr::budget::BudgetBreach;
    if let serde_saphyr::Error::DuplicateMappingKey { key, .. } = error {
        let key = key
            .as_deref()
            .map(|k| format!(" “{k}”"))
            .unwrap_or_default();
        return Some((
            format!("khóa{key} được viết hai lần trong cùng một bảng"),
            "giữ một dòng và xóa dòng kia (YAML chỉ cho mỗi khóa một giá trị)".to_string(),
        ));
    }
    let serde_saphyr::Error::Budget { breach, .. } = error else {
        return None;
    };
    Some(match breach {
        BudgetBreach::Depth { depth } => (
            format!("YAML lồng quá sâu ({depth} cấp)"),
            "giảm số cấp lồng nhau (nhóm trong nhóm, danh sách trong danh sách): \
             một tệp thật chỉ lồng vài cấp"
                .to_string(),
        ),
        other => (
            format!("YAML vượt giới hạn an toàn ({other:?})"),
            "viết thẳng các giá trị thay vì dùng nhiều neo và bí danh (&, *), \
             hoặc chia tệp thành nhiều tệp nhỏ hơn"
                .to_string(),
        ),
    })
}

/// Turns a serde-saphyr error into a diagnostic with a place and, where possible, a hint.
fn describe(error: &serde_saphyr::Error, file: &Path) -> Diagnostic {
    let place = match error.location() {
        Some(location) => Place::new(file, location.line(), location.column()),
        None => Place::file(file),
    };
    if let Some((message, help)) = explained(error) {
        return Diagnostic::error(place, message).with_help(help);
    }
    let raw = error.without_snippet().to_string();
    let message = strip_location_suffix(&raw);
    let diagnostic = Diagnostic::error(place, format!("YAML không hợp lệ: {message}"));
    match hint(&message) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// serde-saphyr appends " at line N column M"; the place already says it.
fn strip_location_suffix(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

/// Advice for the errors editors make most often.
fn hint(message: &str) -> Option<String> {
    if let Some(rest) = message.split("unknown field `").nth(1) {
        let field = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split("expected one of")
            .nth(1)
            .or_else(|| rest.split("expected").nth(1))
            .map(|list| {
                list.split([',', '`', ' '])
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        return Some(match did_you_mean(field, expected.iter().copied()) {
            Some(best) => format!("có phải bạn muốn viết `{best}`? (did you mean `{best}`?)"),
            None if !expected.is_empty() => {
                format!("các trường được phép: {}", expected.join(", "))
            }
            None => "xóa trường này".to_string(),
        });
    }
    if message.contains("missing field") {
        return Some("thêm trường còn thiếu (xem docs/content-model.md)".to_string());
    }
    if message.contains("invalid type") {
        return Some(
            "kiểm tra kiểu giá trị; đặt văn bản và số tiền trong dấu ngoặc kép \"…\"".to_string(),
        );
    }
    if message.contains("unknown variant") {
        return Some("dùng một trong các giá trị được liệt kê".to_string());
    }
    if message.contains("expected") || message.contains("invalid") {
        return Some(
            "kiểm tra kiểu giá trị ở vị trí này so với docs/content-model.md (văn bản, số, danh sách `- …` hay bảng `khóa: giá trị`)".to_string(),
        );
    }
    Some(
        "kiểm tra cú pháp YAML ở vị trí này: thụt lề bằng dấu cách (không dùng tab), đóng đủ ngoặc và dấu nháy, đặt văn bản trong dấu ngoặc kép \"…\"".to_string(),
    )
}
