//! Unicode bidirectional control characters in content are neutralised and flagged.
//!
//! Vietnamese is written left to right; the embedding, override and isolate controls
//! (U+202A–U+202E, U+2066–U+2069) have no use in a plan or a report, and pasted into a
//! title or a table cell they can make a page show text in an order other than the one
//! stored ("Trojan Source"). congkhai removes them while reading a file and warns at each
//! place, so the editor learns of them and the published page shows the text as stored.
//! The marks U+200E/U+200F (LRM, RLM), which Word sometimes inserts and which cannot
//! reorder text, are left alone.

use crate::diagnostics::{Diagnostic, Place};
use std::path::Path;

/// True for the bidi embedding, override and isolate controls.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without bidi controls, and a warning at the line and column of each one removed.
pub fn neutralise(text: &str, file: &Path) -> (String, Vec<Diagnostic>) {
    if !text.chars().any(is_bidi_control) {
        return (text.to_string(), Vec::new());
    }
    let mut clean = String::with_capacity(text.len());
    let mut warnings = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            clean.push('\n');
        }
        for (column, c) in line.chars().enumerate() {
            if is_bidi_control(c) {
                warnings.push(Diagnostic::warning(
                    Place::new(file, index as u64 + 1, column as u64 + 1),
                    format!(
                        "đã xóa ký tự điều khiển hướng chữ U+{:04X} (bidi control removed)",
                        c as u32
                    ),
                ).with_help("ký tự này vô hình và có thể đảo thứ tự chữ hiển thị; kiểm tra lại đoạn văn bản được dán vào"));
            } else {
                clean.push(c);
            }
        }
    }
    (clean, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_are_removed_and_placed() {
        let (clean, warnings) = neutralise(
            "a: b\ntitle: \"x\u{202E}cba\u{202C}\"\n",
            Path::new("f.yaml"),
        );
        assert_eq!(clean, "a: b\ntitle: \"xcba\"\n");
        assert_eq!(warnings.len(), 2);
        assert_eq!(warnings[0].place.to_string(), "f.yaml:2:10");
        assert_eq!(warnings[1].place.to_string(), "f.yaml:2:14");
    }

    #[test]
    fn text_without_controls_is_unchanged() {
        let text = "Sở Thông tin và Truyền thông\u{200E}";
        let (clean, warnings) = neutralise(text, Path::new("f.yaml"));
        assert_eq!(clean, text);
        assert!(warnings.is_empty());
    }
}
