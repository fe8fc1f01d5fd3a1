//! Everything a publisher needs beyond the pages: fingerprinted assets, sitemap, robots.txt,
//! the Atom feed, schema.org metadata, link checking, relative links and precompression.

pub mod assets;
pub mod compress;
pub mod feed;
pub mod html_links;
pub mod links;
pub mod metadata;
pub mod relative;
pub mod sitemap;

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
