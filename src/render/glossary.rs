//! The glossary on the pages: the first use of each abbreviation in a page is marked
//! `<abbr title="full form">`, and the glossary page lists them all.

use crate::site::GlossaryEntry;
use std::collections::HashSet;

/// The spellings to look for, each with its entry, longest first (so that `TT&TT` is found
/// before `TT`), as they appear in HTML text (`&` written `&amp;`).
pub struct Terms<'a> {
    spellings: Vec<(String, &'a GlossaryEntry)>,
}

impl<'a> Terms<'a> {
    /// The spellings of `glossary`.
    pub fn new(glossary: &'a [GlossaryEntry]) -> Terms<'a> {
        let mut spellings: Vec<(String, &GlossaryEntry)> = glossary
            .iter()
            .flat_map(|e| {
                std::iter::once(e.term.as_str())
                    .chain(e.aliases.iter().map(String::as_str))
                    .map(move |s| (escape_text(s), e))
            })
            .filter(|(s, _)| !s.is_empty())
            .collect();
        spellings.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Terms { spellings }
    }

    /// `html` with the first use of each abbreviation not in `used` (the entries' IDs already
    /// marked on the page) wrapped in `<abbr>`; `used` gains them. Text inside links,
    /// `<abbr>`, `<code>`, `<pre>`, `<script>` and `<style>`, and inside tags, is left alone.
    pub fn mark_first_uses(&self, html: &str, used: &mut HashSet<String>) -> String {
        if self.spellings.is_empty() || used.len() >= self.entry_count() {
            return html.to_string();
        }
        let mut out = String::with_capacity(html.len() + 64);
        let mut skip_depth = 0usize;
        let mut rest = html;
        while !rest.is_empty() {
            if rest.starts_with('<') {
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                let tag = &rest[..end];
                let name: String = tag
                    .trim_start_matches(['<', '/'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if matches!(
                    name.as_str(),
                    "a" | "abbr" | "code" | "pre" | "script" | "style"
                ) && !tag.ends_with("/>")
                {
                    if tag.starts_with("</") {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else {
                        skip_depth += 1;
                    }
                }
                out.push_str(tag);
                rest = &rest[end..];
                continue;
            }
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if skip_depth == 0 {
                self.mark_text(text, used, &mut out);
            } else {
                out.push_str(text);
            }
            rest = &rest[end..];
        }
        out
    }

    fn entry_count(&self) -> usize {
        self.spellings
            .iter()
            .map(|(_, e)| e.id.as_str())
            .collect::<HashSet<_>>()
            .len()
    }

    /// Appends `text` (HTML text between tags) to `out`, marking first uses.
    fn mark_text(&self, text: &str, used: &mut HashSet<String>, out: &mut String) {
        let mut i = 0;
        let mut previous: Option<char> = None;
        while i < text.len() {
            let here = &text[i..];
            // Not inside a word, nor inside a document's number ("10693/KH-UBND").
            let boundary_before =
                previous.is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '-');
            let found = boundary_before
                .then(|| {
                    self.spellings.iter().find(|(spelling, entry)| {
                        !used.contains(&entry.id)
                            && here.starts_with(spelling.as_str())
                            && here[spelling.len()..]
                                .chars()
                                .next()
                                .is_none_or(|c| !c.is_alphanumeric() && c != '/')
                    })
                })
                .flatten();
            if let Some((spelling, entry)) = found {
                used.insert(entry.id.clone());
                out.push_str("<abbr title=\"");
                out.push_str(&escape_attribute(&entry.full));
                out.push_str("\">");
                out.push_str(spelling);
                out.push_str("</abbr>");
                i += spelling.len();
                previous = spelling.chars().last();
                continue;
            }
            let c = here.chars().next().unwrap_or(' ');
            out.push(c);
            previous = Some(c);
            i += c.len_utf8();
        }
    }
}

/// Marks the first use of each abbreviation across `sections` (a document page's, in order).
pub fn mark_sections(glossary: &[GlossaryEntry], sections: &mut [crate::site::Section]) {
    let terms = Terms::new(glossary);
    let mut used = HashSet::new();
    for section in sections {
        section.html = terms.mark_first_uses(&section.html, &mut used);
    }
}

/// The glossary page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GlossaryPage<'a> {
    /// Every entry, in Vietnamese order of its term.
    pub entries: &'a [GlossaryEntry],
    /// How many, as printed.
    pub count_text: String,
}

/// The glossary page (`thuat-ngu/`): every entry, in Vietnamese order of its term.
pub fn glossary_page(glossary: &[GlossaryEntry]) -> GlossaryPage<'_> {
    GlossaryPage {
        entries: glossary,
        count_text: crate::vietnamese::format_count(glossary.len()),
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, full: &str, aliases: &[&str]) -> GlossaryEntry {
        GlossaryEntry {
            id: crate::vietnamese::slugify(term),
            term: term.into(),
            full: full.into(),
            note: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn only_the_first_use_in_a_page_is_marked_and_never_inside_a_word_or_a_link() {
        let glossary = [
            entry("TTHC", "thủ tục hành chính", &[]),
            entry("TT&TT", "thông tin và truyền thông", &["TTTT"]),
            entry("TT", "trung tâm", &[]),
        ];
        let terms = Terms::new(&glossary);
        let mut used = HashSet::new();
        let first = terms.mark_first_uses(
            "<p>Giải quyết TTHC; <a href=\"#x\">TTHC</a> Sở TT&amp;TT, TTHCX, TT.</p>",
            &mut used,
        );
        assert_eq!(
            first,
            "<p>Giải quyết <abbr title=\"thủ tục hành chính\">TTHC</abbr>; <a href=\"#x\">TTHC</a> \
             Sở <abbr title=\"thông tin và truyền thông\">TT&amp;TT</abbr>, TTHCX, \
             <abbr title=\"trung tâm\">TT</abbr>.</p>"
        );
        let second = terms.mark_first_uses("<p>TTHC và TTTT</p>", &mut used);
        assert_eq!(second, "<p>TTHC và TTTT</p>", "already marked on this page");
    }
}
