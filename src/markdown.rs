//! Markdown sections to safe HTML, with heading anchors and a table of contents.

use crate::vietnamese::slugify;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

/// An entry of a section's table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Heading level within the page (3 for the section's first level).
    pub level: u8,
    /// Anchor.
    pub id: String,
    /// Heading text.
    pub text: String,
}

mod anchors;
mod nesting;
pub mod unpublished;
pub use anchors::Anchors;
pub use nesting::{MAX_NESTING, scan};

/// The Markdown extensions sections may use.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// The rendered body of a section.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Sanitized HTML.
    pub html: String,
    /// The headings, in order.
    pub toc: Vec<TocEntry>,
    /// Plain text, for search.
    pub text: String,
}

/// Renders `markdown`. Headings are shifted one level down (the section title is the level
/// above) and get anchors prefixed with `section_id`, unique within `used_ids`.
/// Raw HTML is sanitized: only a safe list of tags and attributes survives.
pub fn render(markdown: &str, section_id: &str, used_ids: &mut Anchors) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, OPTIONS).collect();
    let mut toc = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let heading_text = heading_text(&events[i + 1..]);
                let shifted = shift(*level);
                let base = match id {
                    Some(explicit) => slugify(explicit),
                    None => format!("{section_id}-{}", slugify(&heading_text)),
                };
                let anchor = used_ids.unique(&base);
                toc.push(TocEntry {
                    level: shifted as u8,
                    id: anchor.clone(),
                    text: heading_text,
                });
                events[i] = Event::Start(Tag::Heading {
                    level: shifted,
                    id: Some(anchor.into()),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                });
            }
            Event::End(TagEnd::Heading(level)) => {
                events[i] = Event::End(TagEnd::Heading(shift(*level)));
                text.push('\n');
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Some(published) = pointed_at_attachment(tag) {
                    events[i] = Event::Start(published);
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => text.push('\n'),
            _ => {}
        }
        i += 1;
    }
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events.into_iter());
    Rendered {
        html: sanitize(&unsafe_html),
        toc,
        text,
    }
}

/// `tag` (a link or an image) pointed at where the file of the document's `files/` folder it
/// names is published ([`attachment_url`]); `None` for any other link.
fn pointed_at_attachment<'a>(tag: &Tag<'a>) -> Option<Tag<'a>> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Some(Tag::Link {
            link_type: *link_type,
            dest_url: attachment_url(dest_url)?.into(),
            title: title.clone(),
            id: id.clone(),
        }),
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Some(Tag::Image {
            link_type: *link_type,
            dest_url: attachment_url(dest_url)?.into(),
            title: title.clone(),
            id: id.clone(),
        }),
        _ => None,
    }
}

/// Where a link to a file of the document's `files/` folder points once published: sections
/// sit in `sections/`, so an editor links `../files/ten-tep.pdf` (or `files/ten-tep.pdf`),
/// and the file is published in `tep/` beside the document's page, where sections are shown.
fn attachment_url(link: &str) -> Option<String> {
    let rest = attachment_link(link)?;
    Some(format!("{}/{rest}", crate::urls::ATTACHMENTS_FOLDER))
}

/// What follows `files/` in a link to a file of the document's `files/` folder
/// (`../files/`, `files/`, `./files/`, `./../files/`), anchor included.
fn attachment_link(link: &str) -> Option<&str> {
    let mut rest = link;
    while let Some(shorter) = rest.strip_prefix("./") {
        rest = shorter;
    }
    rest.strip_prefix("../files/")
        .or_else(|| rest.strip_prefix("files/"))
}

/// The name of the file of the document's `files/` folder that `link` points at, if it points
/// at one: `../files/ban-ky.pdf#page=2` → `ban-ky.pdf`.
pub fn attachment_name(link: &str) -> Option<&str> {
    let rest = attachment_link(link)?;
    let name = rest.split(['#', '?']).next().unwrap_or_default();
    (!name.is_empty()).then_some(name)
}

fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Keeps a safe list of tags and attributes; links only to http, https, mailto or within
/// the site; no scripts, styles, frames or event handlers. The result is NFC again, since
/// dropping a tag can join a letter to a combining mark that followed the tag.
pub fn sanitize(html: &str) -> String {
    let clean = ammonia::Builder::default()
        .add_generic_attributes(["id"])
        .add_tag_attributes("a", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("sup", ["class"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .id_prefix(None)
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string();
    crate::vietnamese::nfc(clean)
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_to_the_documents_files_point_where_they_are_published() {
        let mut used = Anchors::default();
        let rendered = render(
            "[Bản ký số](../files/ban-ky-so.pdf#page=2), ![Sơ đồ](files/so-do.png), \
             [khác](../khac.pdf), [web](https://example.gov.vn/files/a.pdf)",
            "phan-i",
            &mut used,
        );
        assert!(
            rendered.html.contains(r#"href="tep/ban-ky-so.pdf#page=2""#),
            "{}",
            rendered.html
        );
        assert!(
            rendered.html.contains(r#"src="tep/so-do.png""#),
            "{}",
            rendered.html
        );
        assert!(
            rendered.html.contains(r#"href="../khac.pdf""#),
            "{}",
            rendered.html
        );
        assert!(
            rendered
                .html
                .contains(r#"href="https://example.gov.vn/files/a.pdf""#),
            "{}",
            rendered.html
        );
    }

    use super::*;

    #[test]
    fn headings_get_anchors_and_shift_down() {
        let mut used = Anchors::default();
        let out = render(
            "## I. MỤC TIÊU\n\ntext\n\n### 1. Chung\n",
            "phan-ii",
            &mut used,
        );
        assert!(
            out.html
                .contains("<h3 id=\"phan-ii-i-muc-tieu\">I. MỤC TIÊU</h3>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h4 id=\"phan-ii-1-chung\">"));
        assert_eq!(out.toc.len(), 2);
        assert_eq!(out.toc[0].level, 3);
    }

    #[test]
    fn raw_html_and_script_links_are_removed() {
        let mut used = Anchors::default();
        let out = render(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
            "s",
            &mut used,
        );
        assert!(!out.html.contains("<script"));
        assert!(!out.html.contains("javascript:"));
        assert!(!out.html.contains("onerror"));
    }

    #[test]
    fn no_inline_styles_survive() {
        let mut used = Anchors::default();
        let out = render(
            "<td style=\"position:fixed;top:0\">x</td>\n\n| a |\n|--:|\n| 1 |\n",
            "s",
            &mut used,
        );
        assert!(!out.html.contains("style"), "{}", out.html);
    }

    #[test]
    fn duplicate_headings_get_distinct_anchors() {
        let mut used = Anchors::default();
        let out = render("## d)\n\n## d)\n", "s", &mut used);
        assert_eq!(out.toc[0].id, "s-d");
        assert_eq!(out.toc[1].id, "s-d-2");
    }
}
