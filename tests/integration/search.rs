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

#[test]
fn build_writes_a_sharded_index_and_the_search_page() {
    let project = Project::new();
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let meta: serde_json::Value =
        serde_json::from_str(&project.page("tim-kiem/chi-muc/meta.json")).expect("meta.json");
    let shards = meta["shards"].as_array().expect("shards");
    assert!(shards.len() > 20, "the index is split into shards");
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
    for shard in shards {
        let key = shard.as_str().expect("shard key");
        let text = project.page(&format!("tim-kiem/chi-muc/t/{key}.json"));
        let shard: serde_json::Value = serde_json::from_str(&text).expect("shard JSON");
        for word in shard.as_object().expect("object").keys() {
            assert!(
                word.starts_with(key) || key.starts_with('x'),
                "{word} in {key}"
            );
            let folded = word
                .chars()
                .all(|c| !c.is_uppercase() && (c.is_ascii() || !c.is_alphabetic()));
            assert!(folded, "{word} is folded");
        }
    }
    // "Đắk"-like folding: the fixture's Khánh Hòa is indexed as "khanh" with its exact form.
    let kha = project.page("tim-kiem/chi-muc/t/kha.json");
    assert!(kha.contains("\"khanh\":[[\"khánh\""), "{kha}");
    let kinds = meta["recordKinds"].as_str().expect("kinds");
    assert_eq!(
        meta["recordProvinces"].as_array().map(Vec::len),
        Some(kinds.len())
    );
    for kind in ["0", "1", "2", "3", "4", "5"] {
        assert!(kinds.contains(kind), "records of every kind: {kinds}");
    }
    let chunk = project.page("tim-kiem/chi-muc/r/0.json");
    assert!(chunk.contains("van-ban/kh-1-2020/"), "{chunk}");

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
    let chunk = project.page("tim-kiem/chi-muc/r/0.json");
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
