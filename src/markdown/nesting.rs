//! How deep a section's Markdown nests: blocks, inline spans and the tags of its raw HTML.
//! Sanitizing HTML takes time that grows with the square of its depth (4.000 nested list
//! items take half a second, 50.000 take minutes), so a section nested deeper than any
//! real plan is refused before it is rendered.

use pulldown_cmark::{Event, Parser, Tag};

/// The deepest nesting a section may have, counting every Markdown block and span and every
/// raw HTML element that needs an end tag. Real plans nest lists four or five levels deep.
pub const MAX_NESTING: usize = 64;

/// What a check needs to know of a section's Markdown without rendering it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// The byte offset of the first element that nests deeper than [`MAX_NESTING`], if any
    /// (the scan stops there).
    pub too_deep: Option<usize>,
    /// The links and images to files of the document's `files/` folder: the byte offset of
    /// each and the file's name.
    pub files: Vec<(usize, String)>,
    /// Every other link and image: the byte offset of each and its destination as written.
    pub links: Vec<(usize, String)>,
    /// The `href` and `src` of raw HTML tags (`<img src=x>`): the byte offset of each tag and
    /// the value as written (`&amp;` decoded), to place a link the build finds broken.
    pub html_links: Vec<(usize, String)>,
    /// The anchors that headings ask for (`## Tiêu đề {#muc}`): the byte offset of each and
    /// the anchor as the page would write it.
    pub anchors: Vec<(usize, String)>,
}

/// Scans `markdown` for what a check needs ([`Scan`]).
pub fn scan(markdown: &str) -> Scan {
    let mut found = Scan::default();
    let mut blocks = 0usize;
    let mut tags = 0usize;
    for (event, range) in Parser::new_ext(markdown, super::OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                blocks += 1;
                match super::attachment_name(&dest_url) {
                    Some(name) => found.files.push((range.start, name.to_string())),
                    None => found.links.push((range.start, dest_url.to_string())),
                }
            }
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                blocks += 1;
                found
                    .anchors
                    .push((range.start, crate::vietnamese::slugify(&id)));
            }
            Event::Start(_) => blocks += 1,
            Event::End(_) => blocks = blocks.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(written) = markdown.get(range.clone()) {
                    found.html_links.extend(
                        html_links(written)
                            .into_iter()
                            .map(|(at, value)| (range.start + at, value)),
                    );
                }
                for change in tag_changes(&html) {
                    tags = tags.saturating_add_signed(change);
                    if blocks + tags > MAX_NESTING {
                        found.too_deep = Some(range.start);
                        return found;
                    }
                }
            }
            _ => {}
        }
        if blocks + tags > MAX_NESTING {
            found.too_deep = Some(range.start);
            return found;
        }
    }
    found
}

/// The `href` and `src` values of the tags in `html`, each with the offset of its tag.
fn html_links(html: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (start, _) in html.match_indices('<') {
        let rest = &html[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let lower = tag.to_ascii_lowercase();
        for name in ["href", "src"] {
            let mut from = 0;
            while let Some(at) = lower[from..].find(name).map(|i| i + from) {
                from = at + name.len();
                let before = lower[..at].chars().next_back();
                if !before.is_some_and(char::is_whitespace) {
                    continue;
                }
                let after = tag[from..].trim_start();
                let Some(value) = after.strip_prefix('=') else {
                    continue;
                };
                let value = value.trim_start();
                let value = match value.chars().next() {
                    Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
                    _ => value
                        .split(|c: char| c.is_whitespace() || c == '>')
                        .next()
                        .unwrap_or("")
                        .trim_end_matches('/'),
                };
                found.push((start, value.replace("&amp;", "&")));
            }
        }
    }
    found
}

/// Elements that never hold content, and elements whose end tag may be left out (the next
/// one closes them): neither nests when repeated.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// +1 for each start tag and -1 for each end tag in `html`, in order, for the elements that
/// nest; comments and self-closing tags count for nothing.
fn tag_changes(html: &str) -> impl Iterator<Item = isize> + '_ {
    html.split('<').skip(1).filter_map(|tag| {
        let (end, name) = match tag.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, tag),
        };
        let length = name
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(name.len());
        let name = name[..length].to_ascii_lowercase();
        let nests = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && !NOT_NESTING.contains(&name.as_str());
        let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        match (nests, end, self_closing) {
            (false, _, _) | (true, false, true) => None,
            (true, true, _) => Some(-1),
            (true, false, false) => Some(1),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `markdown` first nests too deep.
    fn too_deep(markdown: &str) -> Option<usize> {
        scan(markdown).too_deep
    }

    #[test]
    fn links_to_the_documents_files_are_found_where_they_are() {
        let text = "Xem [bản ký](../files/ban-ky.pdf), ![sơ đồ](./files/so-do.png) và [web](https://x.vn/files/a.pdf).";
        let found = scan(text);
        assert_eq!(found.too_deep, None);
        assert_eq!(
            found.files,
            vec![
                (4, "ban-ky.pdf".to_string()),
                (text.find("![").expect("image"), "so-do.png".to_string())
            ]
        );
    }

    #[test]
    fn raw_html_links_are_found_at_their_tag() {
        let text = "Ảnh: <img src=x alt=\"a\"> và <a class=\"l\" HREF='../b/?a=1&amp;c=2'>b</a>\n\n`<img src=y>`\n";
        assert_eq!(
            scan(text).html_links,
            vec![
                (text.find("<img").expect("img"), "x".to_string()),
                (text.find("<a ").expect("a"), "../b/?a=1&c=2".to_string()),
            ],
            "not in code"
        );
    }

    #[test]
    fn real_lists_and_tables_are_not_too_deep() {
        let lists = "- một\n  - hai\n    - ba\n      - bốn\n        - năm *nhấn **mạnh***\n";
        assert_eq!(too_deep(lists), None);
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(too_deep(table), None);
        let html = "<div><table><tr><td>1<td>2<tr><td>3</table><p>a<p>b<br><img src=x /></div>";
        assert_eq!(too_deep(&html.repeat(200)), None);
    }

    #[test]
    fn deep_markdown_is_found_where_it_goes_too_deep() {
        // Quotes and the paragraph inside them.
        let quotes = "> ".repeat(MAX_NESTING - 1) + "chữ\n";
        assert_eq!(too_deep(&quotes), None);
        let quotes = "> ".repeat(MAX_NESTING) + "chữ\n";
        assert_eq!(too_deep(&quotes), Some(2 * MAX_NESTING));
        // The 65th quote mark.
        let quotes = "> ".repeat(MAX_NESTING + 1) + "chữ\n";
        assert_eq!(too_deep(&quotes), Some(2 * MAX_NESTING));
        let lists = format!("Mở đầu.\n\n{}chữ\n", "> - ".repeat(1000));
        let at = too_deep(&lists).expect("too deep");
        assert!(at >= "Mở đầu.\n\n".len(), "{at}");
    }

    #[test]
    fn deep_raw_html_is_found_and_closed_tags_do_not_add_up() {
        assert!(too_deep(&"<div>".repeat(MAX_NESTING + 1)).is_some());
        assert!(too_deep(&"<span>".repeat(5000)).is_some());
        assert_eq!(too_deep(&"<div>a</div>\n".repeat(5000)), None);
        assert_eq!(too_deep(&"<DIV><!-- x -->a</Div> ".repeat(5000)), None);
    }
}
