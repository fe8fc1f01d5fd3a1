//! Helpers shared by the integration tests: fixture copies and running the binary.
#![allow(dead_code)]

pub mod safe_html;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `congkhai` with `args` in `dir`.
pub fn congkhai(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the congkhai binary runs")
}

/// Generates a corpus of `pages` pages from `seed` in `dir/c` and builds it with the
/// default theme into `dir/out`, with `more` arguments; fails the test when the build
/// fails. Returns the output folder.
pub fn build_generated(dir: &Path, pages: usize, seed: u64, more: &[&str]) -> PathBuf {
    bench_corpus::generate(&bench_corpus::CorpusOptions {
        pages,
        seed,
        out: dir.join("c"),
    })
    .expect("the corpus is written");
    let theme = repo().join("themes/default");
    let mut args = vec![
        "build",
        "--content",
        "c/content",
        "--theme",
        theme.to_str().expect("utf-8 path"),
        "--output",
        "out",
    ];
    args.extend_from_slice(more);
    let built = congkhai(dir, &args);
    assert!(built.status.success(), "{}", printed(&built));
    dir.join("out")
}

/// Everything the command printed, both streams.
pub fn printed(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Copies a directory tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary project: a copy of the `valid` fixture as `content/` and the default theme.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_tree(
            &repo().join("tests/fixtures/valid"),
            &dir.path().join("content"),
        );
        copy_tree(&repo().join("themes"), &dir.path().join("themes"));
        Project { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A content file's path.
    pub fn file(&self, relative: &str) -> PathBuf {
        self.path().join("content").join(relative)
    }

    /// Replaces `from` with `to` in a content file; the text must be there.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.file(relative);
        let text = std::fs::read_to_string(&path).expect("fixture file");
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }

    /// Writes a content file.
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.file(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn run(&self, args: &[&str]) -> Output {
        congkhai(self.path(), args)
    }

    /// Runs `check`, asserts it fails, and returns what it printed.
    pub fn check_fails(&self) -> String {
        let output = self.run(&["check"]);
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(1), "check should fail:\n{text}");
        text
    }

    /// Reads a built page.
    pub fn page(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join("output").join(relative))
            .unwrap_or_else(|e| panic!("{relative}: {e}"))
    }
}

/// The text of a gzip-compressed file.
pub fn gunzip_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("gzip of UTF-8 text");
    text
}

/// The text of the gzip-compressed file at `path`.
pub fn gunzip_file(path: &Path) -> String {
    gunzip_text(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The documents' IDs in the site's order, from `du-lieu/van-ban.csv.gz` of the build in
/// `output`.
pub fn document_ids(output: &Path) -> Vec<String> {
    open_data_csv(output, "van-ban")
        .into_iter()
        .map(|row| row["id"].clone())
        .collect()
}

/// A national CSV table of the build in `output` (`du-lieu/<name>.csv.gz`): one map of
/// column to text per row.
pub fn open_data_csv(output: &Path, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = gunzip_file(&output.join(format!("du-lieu/{name}.csv.gz")));
    let text = text.strip_prefix('\u{feff}').expect("byte order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|record| {
            let record = record.expect("CSV record");
            header
                .iter()
                .cloned()
                .zip(record.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// A JSON dataset of the build in `output`, as one array: `du-an`, `ho-so-du-an`,
/// `chi-so`, `co-quan` and `tinh` from `du-lieu/<name>.json.gz`; the records of documents
/// (`van-ban`, `muc`, `phu-luc`, `chi-tieu`, `so-lieu`) gathered from each document's
/// `van-ban/<id>/van-ban.json.gz`, in the site's order.
pub fn open_data_json(output: &Path, name: &str) -> serde_json::Value {
    let part = match name {
        "van-ban" => "document",
        "muc" => "sections",
        "phu-luc" => "appendices",
        "chi-tieu" => "targets",
        "so-lieu" => "measurements",
        _ => {
            let text = gunzip_file(&output.join(format!("du-lieu/{name}.json.gz")));
            return serde_json::from_str(&text).expect("JSON");
        }
    };
    let mut all = Vec::new();
    for id in document_ids(output) {
        let bundle = document_json(output, &id);
        match &bundle[part] {
            serde_json::Value::Array(items) => all.extend(items.iter().cloned()),
            one => all.push(one.clone()),
        }
    }
    serde_json::Value::Array(all)
}

/// The JSON of document `id` of the build in `output` (`van-ban/<id>/van-ban.json.gz`).
pub fn document_json(output: &Path, id: &str) -> serde_json::Value {
    let text = gunzip_file(&output.join(format!("van-ban/{id}/van-ban.json.gz")));
    serde_json::from_str(&text).expect("JSON")
}
