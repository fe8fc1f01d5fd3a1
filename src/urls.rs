//! Every address of the portal, relative to its root (no leading slash).

/// The folder, beside a document's page, where its files are published.
pub const ATTACHMENTS_FOLDER: &str = "tep";

/// The folder of the open data.
pub const OPEN_DATA_FOLDER: &str = "du-lieu";

/// The URL of a page from its output path: `van-ban/x/index.html` → `van-ban/x/`.
pub fn page_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(directory) => directory.to_string(),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_urls_drop_index_html() {
        assert_eq!(super::page_url("index.html"), "");
        assert_eq!(super::page_url("van-ban/a/index.html"), "van-ban/a/");
        assert_eq!(super::page_url("404.html"), "404.html");
    }
}
