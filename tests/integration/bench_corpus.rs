//! The synthetic benchmark corpus: deterministic, valid in congkhai's content model, and the
//! same pages as a Hugo site.

use crate::common;

use common::{congkhai, printed, repo};
use std::path::Path;

fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut list: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("readable"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    list.sort();
    list
}

/// Writes a corpus of 200 pages from `seed` into `dir/name`.
fn small_corpus(dir: &Path, seed: &str, name: &str) {
    let output = congkhai(
        dir,
        &[
            "bench-corpus",
            "--pages",
            "200",
            "--seed",
            seed,
            "--out",
            name,
        ],
    );
    assert!(output.status.success(), "{}", printed(&output));
}

/// The validated site of a corpus of 200 pages from `seed`, whole (nothing dropped).
fn small_site(seed: &str) -> congkhai::site::Site {
    let dir = tempfile::tempdir().expect("tempdir");
    small_corpus(dir.path(), seed, "c");
    let (source, diagnostics) = congkhai::load::load(&dir.path().join("c/content"));
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics:?}");
    let (site, diagnostics) =
        congkhai::validate::validate(&source, &congkhai::validate::SiteOverrides::default());
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics:?}");
    site
}

#[test]
fn corpus_is_deterministic_valid_and_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a", "b"] {
        small_corpus(dir.path(), "7", name);
    }
    let a = files(&dir.path().join("a"));
    assert_eq!(a, files(&dir.path().join("b")), "same seed, same files");
    let documents = a
        .iter()
        .filter(|(name, _)| name.ends_with("document.yaml"))
        .count();
    let hugo_pages = a
        .iter()
        .filter(|(name, _)| name.starts_with("hugo/content/van-ban/"))
        .count();
    let appendices = a
        .iter()
        .filter(|(name, _)| name.contains("/appendices/"))
        .count();
    assert!(documents > 10, "{documents} documents");
    assert_eq!(
        hugo_pages,
        documents + appendices,
        "one Hugo page per document and appendix"
    );
    let prose = a
        .iter()
        .find(|(name, _)| name.ends_with("01-phan-i.md"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .expect("a section");
    assert!(prose.contains("## I. "), "{prose}");
    assert!(prose.split_whitespace().count() > 200);

    let theme = repo().join("themes/default");
    let output = congkhai(
        dir.path(),
        &[
            "build",
            "--content",
            "a/content",
            "--theme",
            theme.to_str().expect("utf-8 path"),
            "--output",
            "out",
        ],
    );
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("0 cảnh báo"), "the corpus is clean: {text}");
    let page = std::fs::read_to_string(dir.path().join("out/du-an/index.html")).expect("projects");
    assert!(page.contains("triệu đồng"), "projects page");
    assert_long_lists_are_paged(&dir.path().join("out"));
    assert_national_pages_stay_readable(&dir.path().join("out"));

    let again = congkhai(
        dir.path(),
        &["bench-corpus", "--pages", "200", "--out", "a"],
    );
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(printed(&again).contains("đã có"));
}

/// A province's projects run over several pages of 250 rows: every page links to the
/// others, marks itself as current, and no row is on two pages.
fn assert_long_lists_are_paged(out: &Path) {
    let province = std::fs::read_dir(out.join("tinh"))
        .expect("province pages")
        .map(|e| e.expect("entry").path())
        .find(|p| p.join("du-an/trang-2/index.html").exists())
        .expect("a province with more than one page of projects");
    let first = std::fs::read_to_string(province.join("du-an/index.html")).expect("page 1");
    let second =
        std::fs::read_to_string(province.join("du-an/trang-2/index.html")).expect("page 2");
    let rows = |html: &str| -> Vec<String> {
        html.split("<tr class=row>")
            .skip(1)
            .map(|row| row.split("</tr>").next().unwrap_or_default().to_string())
            .collect()
    };
    let (a, b) = (rows(&first), rows(&second));
    assert_eq!(a.len(), 250, "a full first page");
    assert!(!b.is_empty() && b.len() <= 250);
    assert!(a.iter().all(|row| !b.contains(row)), "no row on both pages");
    assert!(
        first.contains("trang-2/") && first.contains("rel=next"),
        "page 1 links on"
    );
    assert!(
        second.contains("rel=prev") && second.contains("aria-current=page>2<"),
        "page 2 knows itself"
    );
}

/// The targets index links each province's targets, and no indicator chart has more bars
/// than one per province or 40, however many measurements there are.
fn assert_national_pages_stay_readable(out: &Path) {
    let provinces = std::fs::read_dir(out.join("tinh"))
        .expect("provinces")
        .count();
    let targets = std::fs::read_to_string(out.join("chi-tieu/index.html")).expect("targets");
    assert!(
        targets.contains("Chỉ tiêu theo tỉnh"),
        "targets by province"
    );
    assert!(
        targets.contains("/#chi-tieu"),
        "links to each province's targets"
    );
    let mut charts = 0;
    for entry in std::fs::read_dir(out.join("chi-tieu")).expect("indicators") {
        let page = entry.expect("entry").path().join("index.html");
        let Ok(html) = std::fs::read_to_string(&page) else {
            continue;
        };
        let bars = html.matches("class=bar").count() + html.matches("class=\"bar\"").count();
        if bars > 0 {
            charts += 1;
        }
        assert!(bars <= provinces.max(40), "{}: {bars} bars", page.display());
    }
    assert!(charts > 0, "some indicator has a chart");
}

/// The targets index lists every target grouped by document up to its limit, and past it only
/// the counts by province and indicator, which still add up to every target.
#[test]
fn targets_index_lists_targets_one_by_one_only_up_to_its_limit() {
    let site = small_site("3");
    let total: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    assert!(total > 20, "{total} targets");
    use congkhai::render::views::{Counted, TargetsPage, targets_page};
    let listed_targets =
        |page: &TargetsPage| -> usize { page.groups.iter().map(|g| g.targets.len()).sum() };
    let counts = |list: &[Counted]| -> usize { list.iter().map(|c| c.targets).sum() };

    let listed = targets_page(&site, total);
    assert_eq!(listed.total, total);
    assert_eq!(listed_targets(&listed), total, "every target listed");
    assert_eq!(counts(&listed.provinces), total);

    let counted = targets_page(&site, total - 1);
    assert_eq!(counted.total, total);
    assert_eq!(listed_targets(&counted), 0, "none listed past the limit");
    assert_eq!(
        counts(&counted.provinces),
        total,
        "each province's count, linked to its targets"
    );
    assert_eq!(counts(&counted.indicators), counts(&listed.indicators));
}

/// The feed holds the newest documents up to its limit, newest first.
#[test]
fn feed_holds_the_newest_documents_up_to_its_limit() {
    let site = small_site("5");
    let entries = |limit| {
        let feed = congkhai::publish::feed::feed(&site, limit);
        let xml = String::from_utf8(feed.bytes).expect("UTF-8");
        let parsed = roxmltree::Document::parse(&xml).expect("well-formed");
        parsed
            .root_element()
            .children()
            .filter(|c| c.tag_name().name() == "entry")
            .map(|e| {
                e.children()
                    .find(|c| c.tag_name().name() == "updated")
                    .and_then(|u| u.text())
                    .unwrap_or_default()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    let all = entries(usize::MAX);
    assert_eq!(all.len(), site.documents.len());
    let newest = entries(5);
    assert_eq!(newest.len(), 5);
    assert_eq!(newest[..], all[..5], "the first five of all");
    let mut sorted = all.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(all, sorted, "newest first");
    assert!(site.documents.len() > 5);
}

/// An indicator's page lists every target and measurement up to its limit; past it, one row
/// per province sums up that province's targets (which still add up to all of them) and
/// names its latest measurement.
#[test]
fn indicator_page_sums_up_each_province_past_its_limit() {
    let site = small_site("9");
    let (indicator, total) = site
        .indicators
        .iter()
        .map(|i| {
            let n = site
                .documents
                .iter()
                .flat_map(|d| &d.targets)
                .filter(|t| t.indicator.as_deref() == Some(i.id.as_str()))
                .count();
            (i, n)
        })
        .max_by_key(|(_, n)| *n)
        .expect("an indicator");
    assert!(total > 3, "{total} targets");

    let listed = congkhai::render::views::indicator_page(&site, indicator, usize::MAX);
    assert_eq!(listed.targets.len(), total);
    assert_eq!(listed.by_province.len(), 0);

    let summed = congkhai::render::views::indicator_page(&site, indicator, total - 1);
    assert_eq!(summed.targets.len(), 0);
    assert_eq!(summed.measurements.len(), 0);
    let rows = &summed.by_province;
    assert!(!rows.is_empty());
    let counted: u64 = rows.iter().map(|r| r.targets_sort as u64).sum();
    assert_eq!(
        counted, total as u64,
        "the provinces' targets add up to all"
    );
    for row in rows {
        let statuses = row.statuses.as_str();
        let by_status: u64 = statuses
            .split("; ")
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.rsplit(": ")
                    .next()
                    .and_then(|n| n.parse::<u64>().ok())
                    .expect("a count")
            })
            .sum();
        assert_eq!(by_status, row.targets_sort as u64, "{row:?}");
        assert!(site.province(&row.id).is_some());
    }
    let measured = site
        .documents
        .iter()
        .flat_map(|d| &d.measurements)
        .any(|m| m.indicator.as_deref() == Some(indicator.id.as_str()));
    assert_eq!(
        rows.iter().any(|r| r.latest.is_some()),
        measured,
        "a province's latest measurement is shown where there is one"
    );
}
