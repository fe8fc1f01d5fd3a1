//! The real content checked into a site: the five seed documents and their related documents
//! are in it, every appendix has the groups and rows counted from the seed, and every stated
//! total is the seed's own text. `tests/integration/seed_content.rs` checks the built portal
//! through the binary.

use super::{build, repo, whole_site};
use crate::site::{Appendix, Site, TableRow};
use serde::Deserialize;
use std::path::PathBuf;

fn site() -> Site {
    // Whole documents: a build's check keeps them without their sections and rows.
    let (site, diagnostics) = whole_site(&repo().join("content"));
    let errors: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
    assert!(
        !diagnostics.has_errors(),
        "content/ has errors:\n{}",
        errors.join("\n")
    );
    site
}

/// The path of a group row: its ancestors' labels and its own, joined by `/`; a group
/// without a label is named by its title.
fn group_path(row: &TableRow) -> String {
    let own = match row.label.as_deref() {
        Some("") | None => row.title.clone().unwrap_or_default(),
        Some(label) => label.to_string(),
    };
    let mut parts = row.group_path.clone();
    parts.push(own);
    parts.join("/")
}

fn stated<'a>(appendix: &'a Appendix, group: Option<&str>, column: &str) -> Vec<&'a str> {
    appendix
        .rows
        .iter()
        .filter(|row| match group {
            None => row.kind == "total",
            Some(path) => row.kind == "group" && group_path(row) == path,
        })
        .flat_map(|row| row.checks.iter())
        .filter(|check| check.column == column)
        .map(|check| check.stated_text.as_str())
        .collect()
}

#[test]
fn all_five_seed_documents_and_their_related_documents_are_published() {
    let site = site();
    for id in [
        "kh-10693-2020",
        "bc-khanh-hoa-10-thang-2023",
        "qd-125-2021",
        "kh-tay-ninh-2021-2025",
        "kh-2044-2025",
        "qd-2008-2020",
        "kh-dak-nong-2021-2025",
    ] {
        let document = site.document(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(!document.sections.is_empty(), "{id} has its prose");
    }
    let issued_plans = ["kh-tay-ninh-2021-2025", "kh-dak-nong-2021-2025"];
    for plan in issued_plans {
        assert!(
            site.documents.iter().any(|d| d
                .relations
                .iter()
                .any(|r| r.document.as_deref() == Some(plan))),
            "a decision issues {plan}"
        );
    }
    let appendices: usize = site.documents.iter().map(|d| d.appendices.len()).sum();
    assert_eq!(
        appendices, 14,
        "4 + 3 + 3 + 1 + 3 appendix tables (001 PL II is two tables)"
    );
    let targets: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    assert!(targets > 100, "every quantified target: {targets}");
}

#[test]
fn every_appendix_matches_the_counts_made_from_the_seed() {
    let site = site();
    let seeds = seeds_dir();
    for (document_id, seed_file) in SEEDS {
        let counts_file = repo().join(format!("tests/seed-counts/{document_id}.yaml"));
        let counts: Vec<CountedAppendix> =
            serde_saphyr::from_str(&std::fs::read_to_string(&counts_file).expect("seed counts"))
                .expect("seed counts parse");
        let seed = std::fs::read_to_string(seeds.join(seed_file)).expect("seed readable");
        let seed_lines: Vec<&str> = seed.lines().collect();
        let document = site.document(document_id).expect("document");
        assert_eq!(
            counts.len(),
            document.appendices.len(),
            "{document_id}: appendices"
        );
        for counted in &counts {
            let appendix = document
                .appendices
                .iter()
                .find(|a| a.id == counted.appendix)
                .unwrap_or_else(|| panic!("{document_id}: appendix {}", counted.appendix));
            let name = format!("{document_id} phụ lục {}", appendix.id);
            assert_eq!(appendix.group_count, counted.groups, "{name}: groups");
            assert_eq!(appendix.row_count, counted.rows, "{name}: rows");
            assert!(counted.seed_lines[0] < counted.seed_lines[1], "{name}");
            for total in &counted.totals {
                let line = seed_lines
                    .get(total.seed_line - 1)
                    .unwrap_or_else(|| panic!("{name}: seed line {}", total.seed_line));
                assert!(
                    line.contains(&total.text),
                    "{name}: seed line {} does not print {}",
                    total.seed_line,
                    total.text
                );
                let found = stated(appendix, total.group.as_deref(), &total.column);
                assert_eq!(
                    found,
                    vec![total.text.as_str()],
                    "{name}: stated total of {:?}, column {}",
                    total.group,
                    total.column
                );
            }
            let stated_in_content: usize = appendix.rows.iter().map(|r| r.checks.len()).sum();
            assert_eq!(
                stated_in_content,
                counted.totals.len(),
                "{name}: number of stated totals"
            );
        }
    }
}

#[test]
fn the_build_finds_every_total_the_documents_get_wrong() {
    let site = site();
    let wrong: Vec<String> = site
        .documents
        .iter()
        .flat_map(|d| {
            d.appendices.iter().flat_map(move |a| {
                a.rows.iter().flat_map(move |r| {
                    r.checks
                        .iter()
                        .filter(|c| c.difference.is_some())
                        .map(move |c| {
                            let path = if r.kind == "total" {
                                "tổng".to_string()
                            } else {
                                group_path(r)
                            };
                            format!("{}/{}/{}/{}", d.id, a.id, path, c.column)
                        })
                })
            })
        })
        .collect();
    for expected in [
        "kh-dak-nong-2021-2025/ii/tổng/amount",
        "bc-khanh-hoa-10-thang-2023/ii-i/tổng/amount",
        "bc-khanh-hoa-10-thang-2023/ii-i/tổng/amount_2023",
        "kh-10693-2020/iv/II/2/amount",
        "kh-tay-ninh-2021-2025/iii/tổng/total",
    ] {
        assert!(
            wrong.iter().any(|w| w == expected),
            "{expected} not flagged; flagged: {wrong:#?}"
        );
    }
    assert_eq!(
        site.warnings.len(),
        wrong.len(),
        "one warning per wrong total"
    );
}

#[test]
fn the_built_portal_shows_every_document_appendix_and_target() {
    let site = site();
    let dir = built_portal();
    let output = dir.path().join("output");
    for document in &site.documents {
        let page =
            std::fs::read_to_string(output.join(format!("van-ban/{}/index.html", document.id)))
                .unwrap_or_else(|e| panic!("{}: {e}", document.id));
        for target in &document.targets {
            assert!(
                page.contains(&format!("id=ct-{}", target.id)),
                "{} target {}",
                document.id,
                target.id
            );
        }
        for appendix in &document.appendices {
            let path = output.join(format!(
                "van-ban/{}/phu-luc-{}/index.html",
                document.id, appendix.id
            ));
            let html = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                html.matches("class=row").count() + html.matches("class=\"row").count(),
                appendix.row_count,
                "{}",
                path.display()
            );
        }
    }
}

#[derive(Deserialize)]
struct CountedAppendix {
    appendix: String,
    seed_lines: [usize; 2],
    groups: usize,
    rows: usize,
    totals: Vec<CountedTotal>,
}

#[derive(Deserialize)]
struct CountedTotal {
    group: Option<String>,
    column: String,
    text: String,
    seed_line: usize,
}

/// Which seed file each document with appendices was transcribed from.
const SEEDS: &[(&str, &str)] = &[
    ("kh-10693-2020", "000_64506bf368e2e8c1.txt"),
    ("bc-khanh-hoa-10-thang-2023", "001_6c0da05849029f75.txt"),
    ("kh-tay-ninh-2021-2025", "002_0b1f64fc84b32932.txt"),
    ("kh-2044-2025", "003_305567ceb7d8d4f3.txt"),
    ("kh-dak-nong-2021-2025", "004_eb4138c7eb0b70bd.txt"),
];

fn seeds_dir() -> PathBuf {
    let dir = repo().join("docs/sources");
    assert!(
        dir.is_dir(),
        "the seed documents must be at {} (the transcription's sources)",
        dir.display()
    );
    dir
}

/// The portal built from the real `content/`, in `output/` of the folder returned.
fn built_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("output");
    let built = build(
        &repo().join("content"),
        &repo().join("themes/default"),
        &output,
    );
    assert!(built.is_ok(), "{built:?}");
    dir
}
