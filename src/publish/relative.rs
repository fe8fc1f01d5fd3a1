//! Relative links with explicit `index.html`, so that the portal works opened from disk
//! (a USB stick, `file://`) as well as from any web server.

use super::html_links::attribute_values;

/// Attributes that hold the start of links a script completes (the search page's root and
/// index folder): made relative, without `index.html`.
const PREFIXES: [&str; 2] = ["data-root", "data-index"];

/// Rewrites every link of `html` (the page at `page_path`) that starts with `base_path`
/// into a path relative to the page, ending in `index.html` where it names a folder.
pub fn relativize(html: &str, page_path: &str, base_path: &str) -> String {
    let depth = page_path.matches('/').count();
    let up = "../".repeat(depth);
    let mut result = String::with_capacity(html.len() + 1024);
    let mut last = 0;
    let names = ["href", "src", "action", PREFIXES[0], PREFIXES[1]];
    let prefix_openings = PREFIXES.map(|name| format!(" {name}=\""));
    for (range, value) in attribute_values(html, &names) {
        let Some(inside) = value.strip_prefix(base_path) else {
            continue;
        };
        let prefix = prefix_openings
            .iter()
            .any(|opening| html[..range.start].ends_with(opening.as_str()));
        let (path, rest) = match inside.find(['#', '?']) {
            Some(index) => inside.split_at(index),
            None => (inside, ""),
        };
        let path = if !prefix && (path.is_empty() || path.ends_with('/')) {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        result.push_str(&html[last..range.start]);
        result.push_str(&up);
        result.push_str(&path);
        result.push_str(rest);
        last = range.end;
    }
    result.push_str(&html[last..]);
    result
}

#[cfg(test)]
mod tests {
    use super::relativize;

    #[test]
    fn links_become_relative_with_index_html() {
        let html = r#"<a href="/p/">home</a><a href="/p/van-ban/a/#muc">doc</a><link href="/p/assets/s.css"><a href="https://x.vn/">x</a>"#;
        assert_eq!(
            relativize(html, "van-ban/b/index.html", "/p/"),
            r#"<a href="../../index.html">home</a><a href="../../van-ban/a/index.html#muc">doc</a><link href="../../assets/s.css"><a href="https://x.vn/">x</a>"#
        );
        assert_eq!(
            relativize(r#"<a href="/p/du-an/">x</a>"#, "index.html", "/p/"),
            r#"<a href="du-an/index.html">x</a>"#
        );
    }

    #[test]
    fn the_search_pages_prefixes_become_relative_without_index_html() {
        let html = r#"<div data-root="/p/" data-index="/p/tim-kiem/chi-muc/" hidden>"#;
        assert_eq!(
            relativize(html, "tim-kiem/index.html", "/p/"),
            r#"<div data-root="../" data-index="../tim-kiem/chi-muc/" hidden>"#
        );
    }
}
