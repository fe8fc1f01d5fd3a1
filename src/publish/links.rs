//! The link check: every internal `href` and `src` of every page must resolve to a file of
//! the site (and an anchor on it), and none may leave the site's sub-path.

use super::html_links::{anchors as anchors_of, attribute_values, unescape};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Mutex;

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

/// Collects the files, anchors and links of a site while it is being rendered, page by page
/// and from any thread, and checks the links once every file is known. It keeps one entry per
/// distinct link target and a hash per anchor, not the pages, so memory stays small.
#[derive(Debug)]
pub struct LinkCollector {
    base_path: String,
    inner: Mutex<Collected>,
}

#[derive(Debug, Default)]
struct Collected {
    files: HashSet<String>,
    anchors: HashSet<u64>,
    /// Each distinct (target, fragment), with the first page (in path order) that links to it.
    links: HashMap<(String, Option<String>), Seen>,
    broken: Vec<BrokenLink>,
}

#[derive(Debug)]
struct Seen {
    page: String,
    link: String,
}

impl Collected {
    /// Why a link to `target` (a file and a fragment) does not resolve with the files and
    /// anchors seen so far; `None` when it resolves.
    fn reason_broken(&self, (target, fragment): &(String, Option<String>)) -> Option<&'static str> {
        if !self.files.contains(target) {
            return Some("trỏ tới trang hoặc tệp không tồn tại");
        }
        match fragment {
            Some(fragment)
                if target.ends_with(".html")
                    && !self.anchors.contains(&anchor_key(target, fragment)) =>
            {
                Some("trỏ tới mục (#anchor) không có trên trang")
            }
            _ => None,
        }
    }
}

fn anchor_key(page: &str, anchor: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (page, anchor).hash(&mut hasher);
    hasher.finish()
}

impl LinkCollector {
    /// A collector for a site published under `base_path` (e.g. `/cong-khai/`).
    pub fn new(base_path: &str) -> LinkCollector {
        LinkCollector {
            base_path: base_path.to_string(),
            inner: Mutex::new(Collected::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Collected> {
        // A panic elsewhere cannot leave the sets half-updated in a way that matters here.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a file of the site; HTML pages also give their anchors and links.
    pub fn add(&self, path: &str, bytes: &[u8]) {
        let mut anchors = Vec::new();
        let mut links = Vec::new();
        let mut broken = Vec::new();
        if path.ends_with(".html")
            && let Ok(html) = std::str::from_utf8(bytes)
        {
            anchors = anchors_of(html)
                .iter()
                .map(|a| anchor_key(path, a))
                .collect();
            for (_, raw) in attribute_values(html, &["href", "src"]) {
                let link = unescape(raw);
                if is_external(&link) {
                    continue;
                }
                match resolve(path, &link, &self.base_path) {
                    Err(reason) => broken.push(BrokenLink {
                        page: path.to_string(),
                        link,
                        reason,
                    }),
                    Ok(target) => links.push((target, link)),
                }
            }
        }
        let mut collected = self.lock();
        collected.files.insert(path.to_string());
        collected.anchors.extend(anchors);
        collected.broken.extend(broken);
        for (target, link) in links {
            // A link to a file (and anchor) already seen resolves now and is not kept, so
            // that a site whose pages come before the lists linking to them keeps few links.
            if collected.reason_broken(&target).is_none() {
                continue;
            }
            // The first page in path order, whatever order the pages came in.
            match collected.links.entry(target) {
                Entry::Occupied(mut seen) if path < seen.get().page.as_str() => {
                    *seen.get_mut() = Seen {
                        page: path.to_string(),
                        link,
                    };
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert(Seen {
                        page: path.to_string(),
                        link,
                    });
                }
            }
        }
    }

    /// Every link that does not resolve, sorted by page and link.
    pub fn broken(&self) -> Vec<BrokenLink> {
        let collected = self.lock();
        let mut broken = collected.broken.clone();
        for (target, seen) in &collected.links {
            if let Some(reason) = collected.reason_broken(target) {
                broken.push(BrokenLink {
                    page: seen.page.clone(),
                    link: seen.link.clone(),
                    reason,
                });
            }
        }
        broken.sort_by(|a, b| (&a.page, &a.link).cmp(&(&b.page, &b.link)));
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Output;

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
        let collector = LinkCollector::new("/p/");
        for output in &outputs {
            collector.add(&output.path, &output.bytes);
        }
        let broken: Vec<String> = collector.broken().iter().map(|b| b.link.clone()).collect();
        assert_eq!(
            broken,
            vec![
                "/other/",
                "/p/van-ban/a/#none",
                "/p/van-ban/b/",
                "../../../"
            ]
        );
    }
}
