//! serde-saphyr's errors said in Vietnamese, with advice: the mistakes an editor makes in the
//! content model (a misspelt or missing field, a value of the wrong kind, a key written
//! twice) by their kind, and YAML syntax errors with serde-saphyr's own words after a
//! Vietnamese lead.

use crate::diagnostics::did_you_mean;
use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

/// The message and the advice for `error`.
pub(super) fn explain(error: &Error) -> (String, String) {
    if let Error::Unexpected { expected, .. } = error
        && let Some(kind) = kind_of_node(expected)
    {
        return (format!("ở đây cần {kind}"), KIND_ADVICE.to_string());
    }
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => (
            format!("trường `{field}` không có ở đây"),
            match did_you_mean(field, expected.iter().copied()) {
                Some(best) => format!("có phải bạn muốn viết `{best}`?"),
                None if !expected.is_empty() => {
                    format!("các trường được phép: {}", expected.join(", "))
                }
                None => "xóa trường này".to_string(),
            },
        ),
        Error::SerdeMissingField { field, .. } => (
            format!("thiếu trường `{field}`"),
            "thêm trường còn thiếu (xem docs/content-model.md)".to_string(),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            format!("giá trị `{variant}` không nằm trong các giá trị được phép"),
            format!("dùng một trong: {}", expected.join(", ")),
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            format!(
                "giá trị sai kiểu: cần {}, gặp {}",
                expected_kind(expected),
                found_kind(unexpected)
            ),
            KIND_ADVICE.to_string(),
        ),
        Error::InvalidScalar { ty, .. } => (
            format!("ở đây cần {}", expected_kind(ty)),
            "viết bằng chữ số (ví dụ 2025), không kèm chữ, và trong giới hạn của trường này \
             (xem docs/content-model.md)"
                .to_string(),
        ),
        Error::DuplicateMappingKey { key, .. } => (
            format!(
                "khóa{} được viết hai lần trong cùng một bảng",
                key.as_deref()
                    .map(|k| format!(" “{k}”"))
                    .unwrap_or_default()
            ),
            "giữ một dòng và xóa dòng kia (YAML chỉ cho mỗi khóa một giá trị)".to_string(),
        ),
        Error::Budget {
            breach: BudgetBreach::Depth { depth },
            ..
        } => (
            format!("YAML lồng quá sâu ({depth} cấp)"),
            "giảm số cấp lồng nhau (nhóm trong nhóm, danh sách trong danh sách): \
             một tệp thật chỉ lồng vài cấp"
                .to_string(),
        ),
        Error::Budget { .. } => (
            "tệp YAML mở rộng quá lớn hoặc quá sâu (quá nhiều neo & và bí danh *, hoặc quá \
             nhiều tầng lồng nhau)"
                .to_string(),
            "viết thẳng các giá trị thay vì dùng nhiều neo và bí danh (&, *), \
             hoặc chia tệp thành nhiều tệp nhỏ hơn"
                .to_string(),
        ),
        // congkhai's own readers say what is wrong in Vietnamese (`model/appendix.rs`).
        Error::Message { msg, .. } if msg == super::BLANK_TEXT => (
            msg.clone(),
            "ghi nội dung như văn bản in; không để chuỗi rỗng \"\" hay chỉ có dấu cách".to_string(),
        ),
        Error::Message { msg, .. } => (msg.clone(), KIND_ADVICE.to_string()),
        Error::SerdeInvalidValue { .. } | Error::SerdeInvalidLength { .. } => (
            format!("giá trị không hợp lệ: {}", in_vietnamese(&plain(error))),
            KIND_ADVICE.to_string(),
        ),
        // The YAML itself: indentation, quotes, brackets.
        other => (
            format!("YAML không hợp lệ: {}", in_vietnamese(&plain(other))),
            "kiểm tra cú pháp YAML ở vị trí này: thụt lề bằng dấu cách (không dùng tab), \
             đóng đủ ngoặc và dấu nháy, đặt văn bản trong dấu ngoặc kép \"…\""
                .to_string(),
        ),
    }
}

/// Advice for a value of the wrong kind.
const KIND_ADVICE: &str = "kiểm tra kiểu giá trị ở vị trí này so với docs/content-model.md \
                           (văn bản, số, danh sách `- …` hay bảng `khóa: giá trị`)";

/// The kind of YAML node serde-saphyr expected where it says `expected sequence start`,
/// `expected string scalar` …, in words.
fn kind_of_node(expected: &str) -> Option<&'static str> {
    match expected {
        "sequence start" => Some("một danh sách (`- …`)"),
        "mapping start" => Some("một bảng (`khóa: giá trị`)"),
        "string scalar" | "str expected" | "scalar" => Some("một giá trị đơn (văn bản hoặc số)"),
        _ => None,
    }
}

/// The YAML parser's messages that an editor meets, said in Vietnamese, each with a part of
/// its English words that identifies it; the English stays after it, in parentheses, for a
/// search.
const SAID_IN_VIETNAMESE: [(&str, &str); 10] = [
    (
        "multiple YAML documents",
        "tệp có một dòng `---` ở giữa, nên thành nhiều tài liệu YAML; xóa dòng đó",
    ),
    (
        "cannot deserialize null",
        "giá trị để trống (~ hoặc null) ở chỗ cần văn bản hay số; ghi giá trị, hoặc xóa cả dòng \
         nếu trường này không bắt buộc",
    ),
    (
        "tagged scalar",
        "thẻ kiểu của YAML (như !!int, !!str) không dùng được ở đây; xóa thẻ",
    ),
    (
        "tabs disallowed",
        "thụt lề bằng dấu tab; YAML chỉ nhận dấu cách",
    ),
    ("found a tab", "có dấu tab ở đây; YAML chỉ nhận dấu cách"),
    (
        "mapping values are not allowed",
        "dấu “: ” ở chỗ không được phép, thường vì một văn bản có “: ” mà không nằm trong dấu \
         ngoặc kép",
    ),
    (
        "trailing content after double-quoted",
        "còn chữ sau dấu ngoặc kép đóng; đặt cả văn bản trong một cặp ngoặc kép",
    ),
    (
        "recursion limit exceeded",
        "các bảng và danh sách lồng nhau quá sâu",
    ),
    (
        "unexpected character",
        "có một ký tự không được phép ở đây (thường là ký tự điều khiển vô hình)",
    ),
    (
        "did not find expected",
        "thiếu dấu đóng (ngoặc, ngoặc kép) hoặc thụt lề sai",
    ),
];

/// `english`, a parser message, said in Vietnamese when it is one an editor meets
/// ([`SAID_IN_VIETNAMESE`]), with the English after it.
fn in_vietnamese(english: &str) -> String {
    // "…; use Option<String>": advice to the programmer, not to the editor.
    let english = english.split("; use ").next().unwrap_or(english);
    SAID_IN_VIETNAMESE
        .iter()
        .find(|(words, _)| english.contains(words))
        .map_or_else(
            || english.to_string(),
            |(_, vietnamese)| format!("{vietnamese} ({english})"),
        )
}

/// serde-saphyr's own words for `error`, without the " at line N column M" it appends (the
/// place already says it).
fn plain(error: &Error) -> String {
    let raw = error.without_snippet().to_string();
    match raw.rfind(" at line ") {
        Some(index) => raw[..index].to_string(),
        None => raw,
    }
}

/// What serde expected (`u16`, `a sequence`, `struct DocumentSource` …), in words.
fn expected_kind(expected: &str) -> String {
    let e = expected.to_ascii_lowercase();
    let integer = e
        .strip_prefix(['u', 'i'])
        .is_some_and(|bits| !bits.is_empty() && bits.chars().all(|c| c.is_ascii_digit()))
        || e == "usize"
        || e.contains("integer");
    if integer {
        "một số nguyên".to_string()
    } else if e.starts_with('f') && e[1..].chars().all(|c| c.is_ascii_digit())
        || e.contains("float")
    {
        "một số".to_string()
    } else if e.contains("sequence") || e.contains("list") || e.contains("tuple") {
        "một danh sách (`- …`)".to_string()
    } else if e.contains("map") || e.starts_with("struct") {
        "một bảng (`khóa: giá trị`)".to_string()
    } else if e.contains("bool") {
        "true hoặc false".to_string()
    } else if e.contains("str") || e.contains("char") {
        "một đoạn văn bản".to_string()
    } else {
        format!("`{expected}`")
    }
}

/// What serde found instead (`string "x"`, `integer 5`, `sequence` …), in words.
fn found_kind(unexpected: &str) -> String {
    let (kind, value) = unexpected
        .split_once(' ')
        .map_or((unexpected, ""), |(k, v)| (k, v.trim_matches('`')));
    match kind {
        "string" => format!("văn bản {value}"),
        "integer" | "floating" => format!(
            "số {}",
            value.trim_start_matches("point ").trim_matches('`')
        ),
        "boolean" => format!("giá trị {value}"),
        "sequence" => "một danh sách".to_string(),
        "map" => "một bảng".to_string(),
        "unit" | "null" | "none" => "một giá trị trống".to_string(),
        _ => format!("`{unexpected}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_said_in_words() {
        assert_eq!(expected_kind("u16"), "một số nguyên");
        assert_eq!(expected_kind("i32"), "một số nguyên");
        assert_eq!(expected_kind("a sequence"), "một danh sách (`- …`)");
        assert_eq!(
            expected_kind("struct DocumentSource"),
            "một bảng (`khóa: giá trị`)"
        );
        assert_eq!(expected_kind("a string"), "một đoạn văn bản");
        assert_eq!(expected_kind("something else"), "`something else`");
        assert_eq!(found_kind("string \"hai nghìn\""), "văn bản \"hai nghìn\"");
        assert_eq!(found_kind("integer `5`"), "số 5");
        assert_eq!(found_kind("floating point `1.5`"), "số 1.5");
        assert_eq!(found_kind("sequence"), "một danh sách");
    }
}
