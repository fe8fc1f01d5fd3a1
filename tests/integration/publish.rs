//! What a publisher needs: sitemap, robots.txt, Atom feed, canonical and Open Graph tags,
//! JSON-LD, fingerprinted assets, precompressed copies, relative links, and a build that
//! fails on a broken link.

use crate::common;
use common::{Project, printed, repo};
use std::io::Read;
use std::process::Command;

fn built() -> Project {
    let project = Project::new();
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    project
}

#[test]
#[ignore = "needs xmllint (libxml2-utils); scripts/test.sh installs it and runs it"]
fn sitemap_is_valid_against_the_sitemaps_schema() {
    let project = built();
    let sitemap = project.path().join("output/sitemap.xml");
    let xmllint = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(repo().join("tests/schemas/sitemap.xsd"))
        .arg(&sitemap)
        .output()
        .expect("xmllint is required: apt-get install libxml2-utils (scripts/test.sh does)");
    assert!(xmllint.status.success(), "{}", printed(&xmllint));
}

#[test]
fn sitemap_and_robots_txt_name_the_published_pages() {
    let project = built();
    let xml = project.page("sitemap.xml");
    assert!(
        xml.contains("<loc>https://example.gov.vn/cong-khai/van-ban/kh-1-2020/phu-luc-i/</loc>")
    );
    assert!(!xml.contains("404.html"));
    assert!(
        project
            .page("robots.txt")
            .contains("Sitemap: https://example.gov.vn/cong-khai/sitemap.xml")
    );
}

#[test]
fn atom_feed_has_every_document_with_the_required_elements() {
    let project = built();
    let xml = project.page("feed.xml");
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let feed = document.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    for required in ["id", "title", "updated", "author"] {
        assert!(
            feed.children().any(|c| c.tag_name().name() == required),
            "feed {required}"
        );
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    assert_eq!(entries.len(), 2);
    for entry in &entries {
        for required in ["id", "title", "updated", "link", "summary"] {
            assert!(
                entry.children().any(|c| c.tag_name().name() == required),
                "entry {required}"
            );
        }
    }
    assert!(
        xml.contains("<title>Báo cáo số 5/BC-UBND: Báo cáo kết quả chuyển đổi số năm 2021</title>")
    );
    assert!(xml.contains("<updated>2021-12-20T00:00:00+07:00</updated>"));
}

#[test]
fn pages_carry_canonical_open_graph_csp_and_json_ld() {
    let project = built();
    let html = project.page("van-ban/kh-1-2020/index.html");
    assert!(
        html.contains("https://example.gov.vn/cong-khai/van-ban/kh-1-2020/"),
        "canonical"
    );
    assert!(html.contains("og:title"));
    assert!(html.contains("Content-Security-Policy"));
    let start = html.find("application/ld+json").expect("JSON-LD");
    let json_start = start + html[start..].find('>').expect("tag end") + 1;
    let json_end = json_start + html[json_start..].find("</script>").expect("script end");
    let data: serde_json::Value =
        serde_json::from_str(&html[json_start..json_end]).expect("valid JSON-LD");
    assert_eq!(data["@type"], "Legislation");
    assert_eq!(data["legislationIdentifier"], "1/KH-UBND");
    assert_eq!(data["legislationDate"], "2020-10-09");

    // The page served for every missing address claims no address of its own.
    let missing = project.page("404.html");
    assert!(
        !missing.contains("canonical"),
        "no canonical on the 404 page"
    );
    assert!(!missing.contains("og:url"));
    assert!(missing.contains("noindex"));
}

#[test]
fn assets_are_fingerprinted_and_text_files_precompressed() {
    let project = built();
    let assets: Vec<String> = std::fs::read_dir(project.path().join("output/assets"))
        .expect("assets")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    let css = assets
        .iter()
        .find(|a| a.starts_with("style.") && a.ends_with(".css"))
        .expect("fingerprinted stylesheet");
    assert_ne!(css, "style.css");
    assert!(
        project
            .page("index.html")
            .contains(&format!("/cong-khai/assets/{css}"))
    );
    for file in [
        "index.html",
        "feed.xml",
        "sitemap.xml",
        &format!("assets/{css}"),
    ] {
        assert_gzip_copy(&project.path().join("output"), file);
        assert!(
            project
                .path()
                .join("output")
                .join(format!("{file}.br"))
                .exists(),
            "{file}.br"
        );
    }
    // The open-data tables are written compressed only, as streams: no plain copy, and no
    // second compressed copy of what is already compressed.
    let output = project.path().join("output");
    for file in [
        "du-lieu/du-an.csv",
        "du-lieu/du-an.json",
        "du-lieu/phu-luc-o.csv",
    ] {
        let gz = output.join(format!("{file}.gz"));
        assert!(!common::gunzip_file(&gz).is_empty(), "{file}.gz is empty");
        assert!(!output.join(file).exists(), "{file} has a plain copy");
        assert!(
            !output.join(format!("{file}.gz.gz")).exists(),
            "{file}.gz.gz"
        );
    }
    let document = output.join("van-ban/kh-1-2020/van-ban.json.gz");
    assert!(common::gunzip_file(&document).starts_with("{\"document\":"));
    assert!(!output.join("van-ban/kh-1-2020/van-ban.json").exists());
    // The data package describing them does get its compressed copy.
    assert_gzip_copy(&output, "du-lieu/datapackage.json");
}

/// Asserts that `file` of `output` has a `.gz` copy that decompresses to it; returns the file.
fn assert_gzip_copy(output: &std::path::Path, file: &str) -> Vec<u8> {
    let original = std::fs::read(output.join(file)).expect("file");
    let gz = std::fs::read(output.join(format!("{file}.gz"))).expect("gz copy");
    let mut back = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut back)
        .expect("gunzip");
    assert_eq!(back, original, "{file}.gz");
    original
}

#[test]
fn relative_links_work_from_disk() {
    let project = Project::new();
    let output = project.run(&["build", "--relative-links"]);
    assert!(output.status.success(), "{}", printed(&output));
    let root = project.path().join("output");
    for entry in walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(path).expect("page");
        for link in html
            .split(['"', ' ', '>'])
            .filter_map(|p| p.strip_prefix("href=").or_else(|| p.strip_prefix("src=")))
        {
            if link.starts_with("http") || link.starts_with('#') || link.is_empty() {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{}: absolute link {link}",
                path.display()
            );
            let file = link.split('#').next().unwrap_or_default();
            let target = path.parent().expect("dir").join(file);
            assert!(
                target.is_file(),
                "{}: {link} does not exist on disk",
                path.display()
            );
        }
    }
}

#[test]
fn a_broken_link_fails_the_build_naming_page_and_link() {
    let project = built();
    let template = project.path().join("themes/default/templates/404.html");
    let text = std::fs::read_to_string(&template).expect("template");
    std::fs::write(
        &template,
        text.replace("</h1>", "</h1><a href=\"{{ root }}khong-co/\">x</a>"),
    )
    .expect("write");
    let output = project.run(&["build"]);
    assert!(!output.status.success());
    let text = printed(&output);
    assert!(
        text.contains("404.html: liên kết “/cong-khai/khong-co/”"),
        "{text}"
    );
}
