//! Plain-text helpers every layer may use: characters no file may carry, XML escaping.

/// A character that no text of a plan or report may hold: the C0 and C1 controls but tab,
/// line feed and carriage return, and the non-characters U+FFFE and U+FFFF. No page shows
/// them, and XML (the feed, the sitemap) cannot carry them at all.
pub fn is_forbidden_character(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes text for XML content and attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML cannot carry at all; the check refuses them in content.
            c if is_forbidden_character(c) => {}
            c => out.push(c),
        }
    }
    out
}
