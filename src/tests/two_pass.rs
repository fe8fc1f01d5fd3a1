//! A build holds each document without its sections and rows once checked, and reads it
//! again whole when it writes it: what comes back is the whole document, and a document that
//! changed in between stops the build instead of publishing pages that disagree.

use super::{Project, repo};
use crate::SiteOverrides;
use crate::validate::{Reader, validate, validate_on_disk};

#[test]
fn a_checked_build_site_keeps_no_bodies_and_reads_them_back_whole() {
    let project = Project::new();
    let content = project.path().join("content");
    let (site, diagnostics) = crate::check_site(&content, &SiteOverrides::default());
    let site = site.unwrap_or_else(|| panic!("the fixture checks: {diagnostics:?}"));
    let plan = site.document("kh-1-2020").expect("the plan");
    assert!(plan.bodies_dropped);
    assert!(plan.sections.is_empty());
    assert_eq!(plan.appendices[0].rows.len(), 0);
    assert_eq!(
        plan.appendices[0].row_count, 3,
        "what other pages show stays"
    );
    assert!(!plan.targets.is_empty());

    let (source, _) = crate::load::load(&content);
    let (whole_site, _) = validate(&source, &SiteOverrides::default());
    let reader = Reader::new(&site);
    let again = reader.whole(&site.documents).expect("read again");
    assert_eq!(again.len(), whole_site.documents.len());
    for (read, whole) in again.iter().zip(&whole_site.documents) {
        assert!(!read.bodies_dropped);
        assert_eq!(
            serde_json::to_value(read).expect("json"),
            serde_json::to_value(whole).expect("json"),
            "{} read again is the document as checked whole",
            whole.id
        );
    }
    let plan = again.iter().find(|d| d.id == "kh-1-2020").expect("plan");
    assert_eq!(
        plan.appendices[0].rows.len(),
        6,
        "groups, rows and the total"
    );
    assert!(plan.sections[0].html.contains("<h3"));
}

#[test]
fn a_document_that_changed_after_the_check_is_refused_by_name() {
    let project = Project::new();
    let content = project.path().join("content");
    let (site, diagnostics) = crate::check_site(&content, &SiteOverrides::default());
    let site = site.unwrap_or_else(|| panic!("the fixture checks: {diagnostics:?}"));
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "province: khanh-hoa",
        "province: khong-co",
    );
    let error = Reader::new(&site)
        .whole(&site.documents)
        .expect_err("the changed document is refused");
    let message = error.to_string();
    assert!(message.contains("kh-1-2020"), "{message}");
    assert!(message.contains("dựng lại"), "says what to do: {message}");
}

#[test]
fn the_build_and_the_whole_site_render_the_same_files() {
    let project = Project::new();
    project.build().expect("the fixture builds");
    let content = project.path().join("content");
    let (source, _) = crate::load::load(&content);
    let (site, _) = validate(&source, &SiteOverrides::default());
    let rendered = crate::assemble::render(&site, &project.path().join("themes/default"))
        .expect("renders in memory");
    assert!(rendered.len() > 40, "{} files", rendered.len());
    for file in rendered {
        let built = std::fs::read(project.path().join("output").join(&file.path))
            .unwrap_or_else(|e| panic!("{} is in the build: {e}", file.path));
        // Pages are minified when built: they are checked by the other build tests.
        if !file.path.ends_with(".html") {
            assert_eq!(built, file.bytes, "{} is the same in both", file.path);
        }
    }
}

#[test]
fn the_search_index_of_a_checked_site_is_that_of_the_whole_site() {
    let project = Project::new();
    let content = project.path().join("content");
    let (checked, diagnostics) = crate::check_site(&content, &SiteOverrides::default());
    let checked = checked.unwrap_or_else(|| panic!("the fixture checks: {diagnostics:?}"));
    let (source, _) = crate::load::load(&content);
    let (whole, _) = validate(&source, &SiteOverrides::default());
    let from_checked = crate::search::outputs(&checked).expect("index of the checked site");
    let from_whole = crate::search::outputs(&whole).expect("index of the whole site");
    assert_eq!(from_checked.len(), from_whole.len());
    for (a, b) in from_checked.iter().zip(&from_whole) {
        assert_eq!(a.path, b.path);
        assert_eq!(a.bytes, b.bytes, "{}", a.path);
    }
    let texts = from_checked
        .iter()
        .filter(|o| o.path.starts_with("tim-kiem/chi-muc/r/"))
        .map(|o| {
            use std::io::Read;
            let mut text = Vec::new();
            let _ = flate2::read::MultiGzDecoder::new(&o.bytes[..]).read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
        .collect::<String>();
    assert!(
        texts.contains("Trung tâm dữ liệu"),
        "appendix rows are in the index: {texts:.200}"
    );
}

#[test]
fn a_build_keeps_what_its_budget_allows_and_reads_only_the_rest_again() {
    let content = repo().join("content");
    let (source, _) = crate::load::load(&content);
    let (whole_site, _) = validate(&source, &SiteOverrides::default());
    let as_json = |documents: &[crate::site::Document]| -> Vec<serde_json::Value> {
        documents
            .iter()
            .map(|d| serde_json::to_value(d).expect("json"))
            .collect()
    };
    let expected = as_json(&whole_site.documents);
    let all: usize = whole_site
        .documents
        .iter()
        .map(|d| d.clone().take_bodies().heap_bytes())
        .sum();
    let (registries, dirs, _) = crate::load::load_registries(&content);
    let count = whole_site.documents.len();
    for (keep, kept) in [
        (0, 0..=0),
        (1, 0..=0),
        (all / 2, 1..=count - 1),
        (all, count..=count),
        (usize::MAX, count..=count),
    ] {
        let (site, diagnostics) =
            validate_on_disk(&registries, &dirs, &SiteOverrides::default(), keep);
        assert!(!diagnostics.has_errors(), "{diagnostics:?}");
        assert!(
            site.documents
                .iter()
                .all(|d| d.bodies_dropped && d.sections.is_empty())
        );
        assert!(
            kept.contains(&site.kept.len()),
            "a budget of {keep} bytes of {all} keeps {} of {count} documents",
            site.kept.len()
        );
        let again = Reader::new(&site).whole(&site.documents).expect("whole");
        assert_eq!(as_json(&again), expected, "budget {keep}");
        assert!(site.kept.is_empty(), "each kept body is handed over once");
    }

    // A document kept whole is not read again: editing it after the check changes nothing.
    let project = Project::new();
    let content = project.path().join("content");
    let (site, diagnostics) = crate::check_for_build(&content, &SiteOverrides::default());
    let site = site.unwrap_or_else(|| panic!("the fixture checks: {diagnostics:?}"));
    assert_eq!(
        site.kept.len(),
        site.documents.len(),
        "a small site is read once"
    );
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "province: khanh-hoa",
        "province: khong-co",
    );
    let whole = Reader::new(&site)
        .whole(&site.documents)
        .expect("read once");
    assert!(whole.iter().all(|d| !d.bodies_dropped));
}
