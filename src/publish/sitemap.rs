//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.

use super::page_url;
use crate::render::Output;

/// Escapes text for XML content and attributes.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The sitemap of every HTML page but the 404 page, with absolute URLs under `base_url`.
pub fn sitemap(pages: &[&str], base_url: &str) -> Output {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut sorted: Vec<&&str> = pages
        .iter()
        .filter(|p| p.ends_with(".html") && **p != "404.html")
        .collect();
    sorted.sort();
    for page in sorted {
        xml.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            escape_xml(&format!("{base_url}{}", page_url(page)))
        ));
    }
    xml.push_str("</urlset>\n");
    Output {
        path: "sitemap.xml".to_string(),
        bytes: xml.into_bytes(),
    }
}

/// `robots.txt` that allows everything and names the sitemap.
pub fn robots(base_url: &str) -> Output {
    Output {
        path: "robots.txt".to_string(),
        bytes: format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_lists_pages_with_absolute_urls() {
        let out = sitemap(
            &[
                "index.html",
                "404.html",
                "van-ban/a/index.html",
                "assets/s.css",
            ],
            "https://x.gov.vn/p/",
        );
        let xml = String::from_utf8(out.bytes).unwrap();
        assert!(xml.contains("<loc>https://x.gov.vn/p/</loc>"));
        assert!(xml.contains("<loc>https://x.gov.vn/p/van-ban/a/</loc>"));
        assert!(!xml.contains("404"));
        assert!(!xml.contains("s.css"));
    }
}
