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
    assert_long_lists_go_by_appendix(&dir.path().join("out"));
    assert_national_pages_stay_readable(&dir.path().join("out"));

    let again = congkhai(
        dir.path(),
        &["bench-corpus", "--pages", "200", "--out", "a"],
    );
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(printed(&again).contains("đã có"));
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
    let made = congkhai(
        dir.path(),
        &[
            "bench-corpus",
            "--pages",
            "500",
            "--seed",
            "7",
            "--out",
            "c",
        ],
    );
    assert!(made.status.success(), "{}", printed(&made));
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
