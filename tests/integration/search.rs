//! Search: the index files a build writes, the client's unit tests (Node) and the search
//! page in headless chromium on the real content.

use crate::common;
use common::{Project, printed, repo};
use std::path::Path;
use std::process::Command;

/// Fails, saying what to install, when a tool the search tests need is missing.
fn require_node() {
    let ok = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "the search tests need Node.js: apt-get install nodejs npm (scripts/test.sh does this)"
    );
}

/// A file of the index, gunzipped (a file of concatenated gzip members, whole).
fn gunzipped_bytes(project: &Project, relative: &str) -> Vec<u8> {
    use std::io::Read;
    let bytes = std::fs::read(project.path().join("output").join(relative)).expect(relative);
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

fn gunzipped(project: &Project, relative: &str) -> String {
    String::from_utf8_lossy(&gunzipped_bytes(project, relative)).into_owned()
}

fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0, 0);
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}

fn text(bytes: &[u8], at: &mut usize) -> String {
    let len = varint(bytes, at) as usize;
    *at += len;
    String::from_utf8_lossy(&bytes[*at - len..*at]).into_owned()
}

/// The syllables of a directory file (gunzipped) with their exact forms, record counts and
/// numbers of chunks (0: postings inline).
fn directory(bytes: &[u8]) -> Vec<(String, Vec<String>, u64, u64)> {
    let mut at = 0;
    let mut list = Vec::new();
    for _ in 0..varint(bytes, &mut at) {
        let word = text(bytes, &mut at);
        let forms = (0..varint(bytes, &mut at))
            .map(|_| text(bytes, &mut at))
            .collect();
        let records = varint(bytes, &mut at);
        let chunks = varint(bytes, &mut at);
        if chunks == 0 {
            at += varint(bytes, &mut at) as usize;
        } else {
            varint(bytes, &mut at);
            for _ in 0..chunks * 3 {
                varint(bytes, &mut at);
            }
        }
        list.push((word, forms, records, chunks));
    }
    list
}

#[test]
fn build_writes_a_binary_index_and_the_search_page() {
    let project = Project::new();
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let meta_text = project.page("tim-kiem/chi-muc/meta.json");
    let meta: serde_json::Value = serde_json::from_str(&meta_text).expect("meta.json");
    // The ranking weights travel by name in the metadata: one prior per kind label the page
    // shows, and the phrase bonuses.
    let weights = &meta["weights"];
    for label in meta["kinds"].as_array().expect("kinds") {
        let label = label.as_str().expect("a label");
        assert!(
            weights["kindPrior"][label].is_number(),
            "a prior for {label}"
        );
    }
    assert_eq!(weights["kindPrior"]["Tỉnh"], 2.0);
    assert_eq!(weights["phraseChainTitle"], 12);
    // Records are numbered by kind and province: meta.json says how many of each, not one
    // entry per record.
    let streams = meta["streams"].as_array().expect("streams");
    let kinds: std::collections::BTreeSet<u64> =
        streams.iter().filter_map(|s| s[0].as_u64()).collect();
    for kind in 0..6 {
        assert!(kinds.contains(&kind), "records of every kind: {kinds:?}");
    }
    assert!(meta.get("recordKinds").is_none() && meta.get("chunks").is_none());
    // Every syllable is folded and in the directory file its shard key hashes to.
    let files = meta["directory"].as_u64().expect("directory files");
    let mut khanh = None;
    let mut chunked = 0;
    for n in 0..files {
        let entries = directory(&gunzipped_bytes(
            &project,
            &format!("tim-kiem/chi-muc/d/{n}.bin"),
        ));
        for (word, forms, records, chunks) in entries {
            chunked += chunks;
            let folded = word
                .chars()
                .all(|c| !c.is_uppercase() && (c.is_ascii() || !c.is_alphabetic()));
            assert!(folded, "{word} is folded");
            assert!(records > 0, "{word}");
            if word == "khanh" {
                khanh = Some(forms);
            }
        }
    }
    // "Đắk"-like folding: the fixture's Khánh Hòa is indexed as "khanh" with its exact form.
    assert_eq!(khanh, Some(vec!["khánh".to_string()]));
    let texts = gunzipped(&project, "tim-kiem/chi-muc/r/0.bin");
    assert!(texts.contains("van-ban/kh-1-2020/"), "{texts:.300}");
    // Index files are stored compressed: no copies beside them.
    let index = project.path().join("output/tim-kiem/chi-muc");
    assert!(index.join("b/0.bin").is_file());
    // Postings in chunks only for syllables too frequent to stay in the directory: the
    // fixture is small, so `t/` exists only if one is.
    assert_eq!(
        index.join("t/0.bin").is_file(),
        chunked > 0,
        "{chunked} chunks"
    );
    assert!(!index.join("r/0.bin.gz").exists());

    let page = project.page("tim-kiem/index.html");
    assert!(page.contains("Tìm kiếm cần JavaScript"), "no-JS help");
    assert!(
        page.contains("assets/tim-kiem."),
        "fingerprinted search script"
    );
    for html in [
        "index.html",
        "du-an/index.html",
        "van-ban/kh-1-2020/index.html",
    ] {
        let html = project.page(html);
        assert!(
            html.contains("<label for=o-tim>Tìm kiếm</label>"),
            "search box with a label"
        );
        assert!(html.contains("action=/cong-khai/tim-kiem/"), "{html}");
    }
}

#[test]
fn hostile_text_is_only_data_in_the_index() {
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "title: \"",
        "title: \"<script>alert(1)</script> ",
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let chunk = gunzipped(&project, "tim-kiem/chi-muc/r/0.bin");
    assert!(
        chunk.contains("<script>alert(1)</script>"),
        "stored as text"
    );
    let client =
        std::fs::read_to_string(repo().join("themes/default/static/tim-kiem.js")).expect("client");
    assert!(
        !client.contains("innerHTML"),
        "the client builds results with textContent only"
    );
}

#[test]
#[ignore = "needs Node.js; scripts/test.sh installs it and runs it"]
fn client_core_unit_tests_pass() {
    require_node();
    let output = Command::new("node")
        .args(["--test", "tests/js/"])
        .current_dir(repo())
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{}", printed(&output));
}

#[test]
#[ignore = "needs Node.js, playwright-core (npm ci) and Chromium; scripts/test.sh installs them"]
fn search_page_finds_real_content_typed_without_diacritics() {
    require_node();
    let browser_dir = repo().join("tests/browser");
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is missing: run `npm ci --prefix tests/browser` (scripts/test.sh does this)"
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "chromium is missing: apt-get install chromium (scripts/test.sh does this)"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let build = common::congkhai(
        &repo(),
        &[
            "build",
            "--output",
            out.to_str().expect("utf-8 path"),
            "--base-url",
            "https://congkhai.test/cong-khai/",
        ],
    );
    assert!(build.status.success(), "{}", printed(&build));
    let output = Command::new("node")
        .arg("search.mjs")
        .arg(&out)
        .arg("/cong-khai/")
        .current_dir(&browser_dir)
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{}", printed(&output));
}

/// A corpus large enough that a common word's postings take several readings: "Tìm tiếp"
/// reads on to the full count, a kind chosen while the results are partial reads that kind
/// only, and a server that ignores byte ranges has each index file downloaded once.
#[test]
#[ignore = "needs Node.js, playwright-core (npm ci) and Chromium; scripts/test.sh installs them"]
fn a_search_read_in_part_reads_on_to_the_full_count() {
    require_node();
    let browser_dir = repo().join("tests/browser");
    assert!(
        browser_dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is missing: run `npm ci --prefix tests/browser` (scripts/test.sh does this)"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out = common::build_generated(
        dir.path(),
        600,
        3,
        &["--base-url", "https://congkhai.test/cong-khai/"],
    );
    let output = Command::new("node")
        .arg("search-partial.mjs")
        .arg(&out)
        .arg("/cong-khai/")
        .arg("thông tin")
        .current_dir(&browser_dir)
        .output()
        .expect("node runs");
    assert!(output.status.success(), "{}", printed(&output));
}
