//! `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.

use crate::output::Output;
use crate::text::escape_xml;
use crate::urls::page_url;

/// The most URLs one sitemap file may list (sitemaps.org).
pub const URLS_PER_SITEMAP: usize = 50_000;

/// The sitemap of every HTML page but the 404 page, with absolute URLs under `base_url`:
/// `sitemap.xml` alone, or, past [`URLS_PER_SITEMAP`] pages, `sitemap.xml` as an index of
/// `sitemap-1.xml`, `sitemap-2.xml` …
pub fn sitemaps(pages: &[&str], base_url: &str) -> Vec<Output> {
    let mut sorted: Vec<&&str> = pages
        .iter()
        .filter(|p| p.ends_with(".html") && **p != crate::urls::NOT_FOUND)
        .collect();
    sorted.sort();
    let urlset = |pages: &[&&str], path: String| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for page in pages {
            xml.push_str(&format!(
                "<url><loc>{}</loc></url>\n",
                escape_xml(&format!("{base_url}{}", page_url(page)))
            ));
        }
        xml.push_str("</urlset>\n");
        Output {
            path,
            bytes: xml.into_bytes(),
        }
    };
    if sorted.len() <= URLS_PER_SITEMAP {
        return vec![urlset(&sorted, "sitemap.xml".to_string())];
    }
    let mut outputs: Vec<Output> = sorted
        .chunks(URLS_PER_SITEMAP)
        .enumerate()
        .map(|(i, part)| urlset(part, format!("sitemap-{}.xml", i + 1)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for part in &outputs {
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape_xml(&format!("{base_url}{}", part.path))
        ));
    }
    index.push_str("</sitemapindex>\n");
    outputs.push(Output {
        path: "sitemap.xml".to_string(),
        bytes: index.into_bytes(),
    });
    outputs
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
        let mut outputs = sitemaps(
            &[
                "index.html",
                "404.html",
                "van-ban/a/index.html",
                "assets/s.css",
            ],
            "https://x.gov.vn/p/",
        );
        assert_eq!(outputs.len(), 1);
        let xml = String::from_utf8(outputs.remove(0).bytes).unwrap();
        assert!(xml.contains("<loc>https://x.gov.vn/p/</loc>"));
        assert!(xml.contains("<loc>https://x.gov.vn/p/van-ban/a/</loc>"));
        assert!(!xml.contains("404"));
        assert!(!xml.contains("s.css"));
    }

    #[test]
    fn a_large_site_gets_a_sitemap_index() {
        let pages: Vec<String> = (0..URLS_PER_SITEMAP + 2)
            .map(|i| format!("van-ban/{i}/index.html"))
            .collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let outputs = sitemaps(&refs, "https://x.gov.vn/");
        let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(paths, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        let count = |o: &Output| String::from_utf8_lossy(&o.bytes).matches("<url>").count();
        assert_eq!(count(&outputs[0]), URLS_PER_SITEMAP);
        assert_eq!(count(&outputs[1]), 2);
        let index = String::from_utf8_lossy(&outputs[2].bytes).into_owned();
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://x.gov.vn/sitemap-2.xml</loc>"));
    }
}
