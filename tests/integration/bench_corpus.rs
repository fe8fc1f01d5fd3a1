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

/// An agency that leads more than 250 rows (a corpus of 500 pages has some): its page sums
/// them appendix by appendix, each line leading to the appendix's table filtered to the
/// agency as that appendix prints it.
#[test]
fn an_agencys_long_list_links_to_filtered_appendix_tables() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = common::build_generated(dir.path(), 500, 7, &[]);
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
