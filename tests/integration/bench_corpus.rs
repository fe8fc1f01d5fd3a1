//! The synthetic benchmark corpus (the `bench-corpus` crate of the workspace) is valid in
//! congkhai's content model and builds into readable national pages. The generator's own
//! tests (deterministic, the same pages for Hugo, no overwrite) are in
//! `bench-corpus/tests/generator.rs`.

use crate::common;

use common::{congkhai, printed, repo};
use std::path::Path;

/// Writes a corpus of 200 pages from `seed` into `dir/name`.
fn small_corpus(dir: &Path, seed: u64, name: &str) {
    let summary = bench_corpus::generate(&bench_corpus::CorpusOptions {
        pages: 200,
        seed,
        out: dir.join(name),
    })
    .expect("the corpus is written");
    assert_eq!(summary.pages, 200, "{summary:?}");
    assert!(summary.documents > 10, "{summary:?}");
}

/// The validated site of a corpus of 200 pages from `seed`, whole (nothing dropped).
fn small_site(seed: u64) -> congkhai::site::Site {
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
fn corpus_is_valid_and_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    small_corpus(dir.path(), 7, "a");
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
    assert_long_lists_go_by_appendix(&dir.path().join("out"));
    assert_national_pages_stay_readable(&dir.path().join("out"));
}

/// The first page under `out/folder/*/page` that sums a long list by appendix.
fn long_page(out: &Path, folder: &str, page: &str) -> (std::path::PathBuf, String) {
    std::fs::read_dir(out.join(folder))
        .expect("list pages")
        .map(|e| e.expect("entry").path().join(page))
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .find(|(_, html)| html.contains("Vì danh sách dài"))
        .unwrap_or_else(|| panic!("a long list under {folder}/"))
}

/// A province's list longer than 250 rows is not written again page after page: its one
/// page sums it appendix by appendix, each line leading to the appendix's table; no
/// `trang-2/` is written.
fn assert_long_lists_go_by_appendix(out: &Path) {
    let (province, html) = long_page(out, "tinh", "du-an/index.html");
    assert!(
        !html.contains("<tr class=row>"),
        "no project rows on {province:?}"
    );
    assert!(html.contains("/phu-luc-"), "lines lead to the appendices");
    let paged = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.file_name() == "trang-2");
    assert!(!paged, "no list is paged");
}

/// `%E1%BB%9F` → `ở`: the query of a link as the page it leads to reads it.
fn percent_decode(text: &str) -> String {
    let mut bytes = Vec::new();
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'%' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).expect("hex");
            bytes.push(u8::from_str_radix(hex, 16).expect("a %XX escape"));
            rest = &tail[2..];
        } else {
            bytes.push(first);
            rest = tail;
        }
    }
    String::from_utf8(bytes).expect("UTF-8")
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
    let site = small_site(3);
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
    let site = small_site(5);
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
    let site = small_site(9);
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

/// An agency that leads more than 250 rows (a corpus of 500 pages has some): its page sums
/// them appendix by appendix, each line leading to the appendix's table filtered to the
/// agency as that appendix prints it.
#[test]
fn an_agencys_long_list_links_to_filtered_appendix_tables() {
    let dir = tempfile::tempdir().expect("tempdir");
    bench_corpus::generate(&bench_corpus::CorpusOptions {
        pages: 500,
        seed: 7,
        out: dir.path().join("c"),
    })
    .expect("the corpus is written");
    let theme = repo().join("themes/default");
    let built = congkhai(
        dir.path(),
        &[
            "build",
            "--content",
            "c/content",
            "--theme",
            theme.to_str().expect("utf-8 path"),
            "--output",
            "out",
        ],
    );
    assert!(built.status.success(), "{}", printed(&built));
    let out = dir.path().join("out");
    let (agency, html) = long_page(&out, "co-quan", "index.html");
    assert!(
        !html.contains("<tr class=row>"),
        "no project rows on {agency:?}"
    );
    let link = html
        .split("href=\"")
        .skip(1)
        .find(|l| l.contains("/phu-luc-"))
        .and_then(|l| l.split('"').next())
        .expect("a link to an appendix");
    assert!(link.contains("/?loc="), "filtered to the agency: {link}");
    // The filter is the agency as the appendix prints it, which its table holds.
    let (path, query) = link.split_once("?loc=").expect("a query");
    let appendix =
        std::fs::read_to_string(out.join(path.trim_start_matches('/')).join("index.html"))
            .expect("the appendix page");
    let printed = percent_decode(query);
    assert!(appendix.contains(&printed), "{printed} is in {path}");
}
