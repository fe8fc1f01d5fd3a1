//! The link check: every internal `href` and `src` of every page must resolve to a file of
//! the site (and an anchor on it), and none may leave the site's sub-path.

use super::html_links::{anchors, attribute_values, unescape};
use crate::render::Output;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A link that does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page that has the link.
    pub page: String,
    /// The link as written.
    pub link: String,
    /// Why it is broken.
    pub reason: &'static str,
}

impl fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: liên kết “{}” {}", self.page, self.link, self.reason)
    }
}

fn is_external(link: &str) -> bool {
    ["http://", "https://", "mailto:", "tel:", "data:", "//"]
        .iter()
        .any(|prefix| link.starts_with(prefix))
}

/// Joins `relative` onto the folder of `page`, resolving `.` and `..`; `None` if it climbs out.
fn join(page: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// Resolves a link on `page` to an output path and a fragment.
fn resolve(
    page: &str,
    link: &str,
    base_path: &str,
) -> Result<(String, Option<String>), &'static str> {
    let (path, fragment) = match link.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment.to_string())),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let target = if path.is_empty() {
        page.to_string()
    } else if let Some(absolute) = path.strip_prefix('/') {
        let inside = absolute
            .strip_prefix(base_path.trim_start_matches('/'))
            .ok_or("ra ngoài đường dẫn gốc của cổng (leaves the base path)")?;
        if inside.is_empty() || inside.ends_with('/') {
            format!("{inside}index.html")
        } else {
            inside.to_string()
        }
    } else {
        let joined = join(page, path).ok_or("ra ngoài thư mục của cổng")?;
        if joined.is_empty() || joined.ends_with('/') {
            format!("{joined}index.html")
        } else {
            joined
        }
    };
    Ok((target, fragment.filter(|f| !f.is_empty())))
}

/// Checks every link of every HTML output.
pub fn check(outputs: &[Output], base_path: &str) -> Vec<BrokenLink> {
    let files: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let pages: HashMap<&str, &str> = outputs
        .iter()
        .filter(|o| o.path.ends_with(".html"))
        .filter_map(|o| {
            std::str::from_utf8(&o.bytes)
                .ok()
                .map(|html| (o.path.as_str(), html))
        })
        .collect();
    let page_anchors: HashMap<&str, HashSet<String>> = pages
        .iter()
        .map(|(path, html)| (*path, anchors(html).into_iter().collect()))
        .collect();
    let mut broken = Vec::new();
    let mut sorted: Vec<(&&str, &&str)> = pages.iter().collect();
    sorted.sort();
    for (page, html) in sorted {
        for (_, raw) in attribute_values(html, &["href", "src"]) {
            let link = unescape(raw);
            if is_external(&link) {
                continue;
            }
            let problem = match resolve(page, &link, base_path) {
                Err(reason) => Some(reason),
                Ok((target, fragment)) => {
                    if !files.contains(target.as_str()) {
                        Some("trỏ tới trang hoặc tệp không tồn tại")
                    } else {
                        match (fragment, page_anchors.get(target.as_str())) {
                            (Some(fragment), Some(ids)) if !ids.contains(&fragment) => {
                                Some("trỏ tới mục (#anchor) không có trên trang")
                            }
                            _ => None,
                        }
                    }
                }
            };
            if let Some(reason) = problem {
                broken.push(BrokenLink {
                    page: page.to_string(),
                    link,
                    reason,
                });
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, html: &str) -> Output {
        Output {
            path: path.to_string(),
            bytes: html.as_bytes().to_vec(),
        }
    }

    #[test]
    fn finds_missing_pages_anchors_and_escapes() {
        let outputs = vec![
            page(
                "index.html",
                r##"<a href="/p/van-ban/a/">ok</a><a href="/p/van-ban/b/">missing</a><a href="/p/van-ban/a/#muc">ok</a><a href="/p/van-ban/a/#none">bad anchor</a><a href="/other/">escapes</a><a href="https://x.vn/">external</a><a href="#top">self</a><span id="top"></span>"##,
            ),
            page(
                "van-ban/a/index.html",
                r#"<h2 id="muc">x</h2><a href="../../">home</a><a href="../../../">out</a>"#,
            ),
        ];
        let broken: Vec<String> = check(&outputs, "/p/")
            .iter()
            .map(|b| b.link.clone())
            .collect();
        assert_eq!(
            broken,
            vec![
                "/p/van-ban/b/",
                "/p/van-ban/a/#none",
                "/other/",
                "../../../"
            ]
        );
    }
}
