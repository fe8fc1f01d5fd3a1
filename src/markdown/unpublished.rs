//! Links of a section that no build can resolve, found by the check without rendering: a
//! content file (the Markdown or YAML behind a page is never published) or a path that
//! climbs above the portal. The build's link check, over the rendered pages, finds the rest.

/// How many folders deep a document's page is: `van-ban/<id>/`.
const DOCUMENT_PAGE_DEPTH: usize = 2;

/// Why `link`, written in a section of a document, can lead to nothing the portal publishes;
/// none when only the build can tell (or it leads elsewhere: another site, an anchor).
pub fn problem(link: &str) -> Option<&'static str> {
    let decoded = percent_encoding::percent_decode_str(link).decode_utf8_lossy();
    let path = decoded.split(['#', '?']).next().unwrap_or_default();
    let has_scheme = path
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains('/'));
    if path.is_empty() || has_scheme || path.starts_with("//") {
        return None;
    }
    let lower = path.to_lowercase();
    if [".md", ".yaml", ".yml"].iter().any(|e| lower.ends_with(e)) {
        return Some(
            "trỏ tới một tệp nội dung (Markdown, YAML): tệp này không được công bố, chỉ trang \
             dựng từ nó",
        );
    }
    if !path.starts_with('/') && climbs_above_the_portal(path) {
        return Some("đi ra ngoài cổng thông tin (quá nhiều “../”)");
    }
    None
}

/// True when the relative `path`, followed from a document's page, goes above the portal's
/// root folder.
fn climbs_above_the_portal(path: &str) -> bool {
    let mut depth = DOCUMENT_PAGE_DEPTH as isize;
    for part in path.split(['/', '\\']) {
        match part {
            ".." => depth -= 1,
            "" | "." => {}
            _ => depth += 1,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn content_files_and_paths_above_the_portal_are_problems() {
        for link in [
            "../document.yaml",
            "../sections/02-phan-ii.md",
            "..%2f..%2fsite.yaml",
            "../../../../etc/passwd",
            "../../../x/",
        ] {
            assert!(problem(link).is_some(), "{link}");
        }
        for link in [
            "https://example.gov.vn/a.md",
            "mailto:a@b.vn",
            "#phan-ii",
            "../kh-2044-2025/",
            "../../",
            "../../tinh/khanh-hoa/",
            "phu-luc-i/#r-2",
            "/etc/passwd",
        ] {
            assert!(problem(link).is_none(), "{link}");
        }
    }
}
