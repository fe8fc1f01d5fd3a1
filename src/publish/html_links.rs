//! Reading the links and anchors of a page we generated ourselves (double-quoted attributes).

/// Decodes the entities our templates and Markdown renderer produce in attributes.
pub fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every value of the attributes named in `names` (e.g. `href`, `src`), with the byte range
/// of the raw value in `html`.
pub fn attribute_values<'a>(
    html: &'a str,
    names: &[&str],
) -> Vec<(std::ops::Range<usize>, &'a str)> {
    let mut found = Vec::new();
    for name in names {
        let needle = format!(" {name}=\"");
        let mut from = 0;
        while let Some(offset) = html[from..].find(&needle) {
            let start = from + offset + needle.len();
            let Some(length) = html[start..].find('"') else {
                break;
            };
            found.push((start..start + length, &html[start..start + length]));
            from = start + length;
        }
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// The anchors a page defines (`id` attributes).
pub fn anchors(html: &str) -> Vec<String> {
    attribute_values(html, &["id"])
        .into_iter()
        .map(|(_, v)| unescape(v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_anchors() {
        let html = r#"<a href="/a/?q=1&amp;b=2">x</a><img src="/i.png"><h2 id="muc-1">"#;
        let links: Vec<&str> = attribute_values(html, &["href", "src"])
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(links, vec!["/a/?q=1&amp;b=2", "/i.png"]);
        assert_eq!(unescape(links[0]), "/a/?q=1&b=2");
        assert_eq!(anchors(html), vec!["muc-1"]);
    }
}
