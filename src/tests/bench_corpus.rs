//! Pages of the synthetic benchmark corpus past their limits: the targets index, the feed
//! and an indicator's page, made from the checked site. `tests/integration/bench_corpus.rs`
//! checks the corpus and its build through the binary.

use super::whole_site;
use bench_corpus::{CorpusOptions, generate};

/// The validated site of a corpus of 200 pages from `seed`, whole (nothing dropped).
fn small_site(seed: u64) -> crate::site::Site {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c");
    generate(&CorpusOptions {
        pages: 200,
        seed,
        out: out.clone(),
    })
    .expect("the corpus is written");
    let (site, diagnostics) = whole_site(&out.join("content"));
    assert_eq!(diagnostics.error_count(), 0, "{diagnostics:?}");
    site
}

/// The targets index lists every target grouped by document up to its limit, and past it only
/// the counts by province and indicator, which still add up to every target.
#[test]
fn targets_index_lists_targets_one_by_one_only_up_to_its_limit() {
    let site = small_site(3);
    let total: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    assert!(total > 20, "{total} targets");
    use crate::render::views::{Counted, TargetsPage, targets_page};
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
        let feed = crate::publish::feed::feed(&site, limit);
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

    let listed = crate::render::views::indicator_page(&site, indicator, usize::MAX);
    assert_eq!(listed.targets.len(), total);
    assert_eq!(listed.by_province.len(), 0);

    let summed = crate::render::views::indicator_page(&site, indicator, total - 1);
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
