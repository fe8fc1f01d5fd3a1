//! The synthetic benchmark corpus: deterministic, valid in congkhai's content model, and the
//! same pages as a Hugo site.

mod common;

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

#[test]
fn corpus_is_deterministic_valid_and_builds() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a", "b"] {
        let output = congkhai(
            dir.path(),
            &[
                "bench-corpus",
                "--pages",
                "200",
                "--seed",
                "7",
                "--out",
                name,
            ],
        );
        assert!(output.status.success(), "{}", printed(&output));
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
    assert!(
        page.contains("Tổng mức đầu tư") || page.contains("triệu"),
        "projects page"
    );

    let again = congkhai(
        dir.path(),
        &["bench-corpus", "--pages", "200", "--out", "a"],
    );
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(printed(&again).contains("đã có"));
}
