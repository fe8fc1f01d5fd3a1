//! The `bench-corpus` binary: deterministic from its seed, the same pages as congkhai content
//! and as a Hugo site, and never over a corpus already there. That congkhai builds the corpus
//! cleanly is tested by congkhai's own tests (`tests/integration/bench_corpus.rs`).

use std::path::Path;
use std::process::{Command, Output};

/// Runs `bench-corpus ARGS` in `dir`.
fn bench_corpus(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bench-corpus"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("bench-corpus runs")
}

/// What a run printed, both streams.
fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file under `root`, by its path relative to `root`, with its bytes.
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut list: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
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
fn small_corpus(dir: &Path, seed: &str, name: &str) -> Output {
    let output = bench_corpus(dir, &["--pages", "200", "--seed", seed, "--out", name]);
    assert!(output.status.success(), "{}", printed(&output));
    output
}

#[test]
fn corpus_is_deterministic_and_the_same_pages_for_hugo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let summary = small_corpus(dir.path(), "7", "a");
    assert!(
        printed(&summary).starts_with("CorpusSummary { pages: 200,"),
        "{}",
        printed(&summary)
    );
    small_corpus(dir.path(), "7", "b");
    small_corpus(dir.path(), "8", "c");
    let a = files(&dir.path().join("a"));
    assert_eq!(a, files(&dir.path().join("b")), "same seed, same files");
    assert_ne!(a, files(&dir.path().join("c")), "another seed, other files");

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
}

#[test]
fn refuses_to_write_over_a_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    small_corpus(dir.path(), "1", "a");
    let before = files(&dir.path().join("a"));
    let again = bench_corpus(dir.path(), &["--pages", "200", "--out", "a"]);
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(printed(&again).contains("đã có"), "{}", printed(&again));
    assert_eq!(before, files(&dir.path().join("a")), "nothing touched");
}

#[test]
fn refuses_too_few_pages_for_its_provinces() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = bench_corpus(dir.path(), &["--pages", "10", "--out", "a"]);
    assert_eq!(output.status.code(), Some(1));
    // 5 provinces × (1 + 8 agencies) + 10 indicators, and one document.
    assert!(
        printed(&output).contains("cần ít nhất 56 trang cho 5 tỉnh"),
        "{}",
        printed(&output)
    );
    assert!(!dir.path().join("a/content").exists(), "nothing written");
}
