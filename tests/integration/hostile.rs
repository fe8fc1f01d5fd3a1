//! The bad-input corpus: every case under `tests/hostile/` is applied to a copy of the
//! `valid` fixture and run through the `congkhai` binary; each has one expected outcome
//! (a clear error at file:line:column with a hint, or a safe build). On top of each case's
//! own expectations, every case must: exit 0 or 1 without a panic; print every error with
//! its place and a hint; leave the previous `output/` byte-identical when a build fails;
//! publish only pages without script, frames, event handlers, unsafe URLs, bidi controls
//! or text outside NFC when a build succeeds.

use crate::common;
use common::{Project, printed, safe_html};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One case file, `tests/hostile/<name>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case is about.
    about: String,
    /// `check` or `build`.
    command: String,
    /// The expected exit code.
    exit: i32,
    /// Files written into the project (paths from the project root: `content/…`).
    #[serde(default)]
    files: BTreeMap<String, String>,
    /// Replacements in the project's files, after `files`.
    #[serde(default)]
    edits: Vec<Edit>,
    /// Files made by the test, after `edits`.
    #[serde(default)]
    generate: Vec<Generate>,
    /// Texts that must be printed.
    #[serde(default)]
    printed: Vec<String>,
    /// Texts that must not be printed.
    #[serde(default)]
    not_printed: Vec<String>,
    /// Expectations on built pages.
    #[serde(default)]
    pages: Vec<PageExpect>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    from: String,
    to: String,
}

/// `repeat` (head + unit × count + tail), `symlink` (path → target), `crlf`, `nfd`, `bom`,
/// `latin1` (re-encode an existing file or every file under a folder).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    kind: String,
    path: String,
    #[serde(default)]
    head: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    count: usize,
    #[serde(default)]
    tail: String,
    #[serde(default)]
    target: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageExpect {
    /// A page under `output/`.
    page: String,
    /// Texts a reader must see on it (entities decoded, tags removed).
    #[serde(default)]
    shows: Vec<String>,
    /// Texts that must not be in its HTML.
    #[serde(default)]
    lacks: Vec<String>,
}

fn cases() -> Vec<(String, Case)> {
    let dir = common::repo().join("tests/hostile");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/hostile exists") {
        let path = entry.expect("readable").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).expect("case file is UTF-8");
            let case: Case = serde_saphyr::from_str(&text)
                .unwrap_or_else(|e| panic!("bad case file {}: {e}", path.display()));
            let name = path
                .file_stem()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            cases.push((name, case));
        }
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

fn files_under(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    walkdir::WalkDir::new(path)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn generate(root: &Path, g: &Generate) {
    let path = root.join(&g.path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    let rewrite = |f: &dyn Fn(String) -> Vec<u8>| {
        for file in files_under(&path) {
            let text = std::fs::read_to_string(&file).expect("UTF-8 fixture");
            std::fs::write(&file, f(text)).expect("write");
        }
    };
    match g.kind.as_str() {
        "repeat" => {
            let text = format!("{}{}{}", g.head, g.unit.repeat(g.count), g.tail);
            std::fs::write(&path, text).expect("write");
        }
        "symlink" => {
            if path.is_dir() {
                std::fs::remove_dir_all(&path).expect("rm");
            } else if path.exists() {
                std::fs::remove_file(&path).expect("rm");
            }
            std::os::unix::fs::symlink(&g.target, &path).expect("symlink")
        }
        "crlf" => rewrite(&|t| t.replace('\n', "\r\n").into_bytes()),
        "bom" => rewrite(&|t| format!("\u{feff}{t}").into_bytes()),
        "nfd" => rewrite(&|t| {
            use unicode_normalization::UnicodeNormalization;
            t.nfd().collect::<String>().into_bytes()
        }),
        "latin1" => rewrite(&|t| {
            t.chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect()
        }),
        other => panic!("unknown generate kind {other}"),
    }
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = files_under(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(&f).expect("read")))
        .collect();
    files.sort();
    files
}

/// Runs one case; returns what went wrong.
fn run(case: &Case) -> Vec<String> {
    let mut wrong = Vec::new();
    let project = Project::new();
    let root = project.path();
    let before_build = project.run(&["build"]);
    assert!(before_build.status.success(), "{}", printed(&before_build));
    let before = snapshot(&root.join("output"));
    for (path, text) in &case.files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    for edit in &case.edits {
        let path = root.join(&edit.file);
        let text = std::fs::read_to_string(&path).expect("edited file");
        if !text.contains(&edit.from) {
            wrong.push(format!("{} does not contain {:?}", edit.file, edit.from));
        }
        std::fs::write(&path, text.replace(&edit.from, &edit.to)).expect("write");
    }
    for g in &case.generate {
        generate(root, g);
    }
    let output = project.run(&[case.command.as_str()]);
    let text = printed(&output);
    if output.status.code() != Some(case.exit) {
        wrong.push(format!(
            "exit {:?}, expected {}",
            output.status.code(),
            case.exit
        ));
    }
    if text.contains("panicked") {
        wrong.push("panicked".into());
    }
    for expected in &case.printed {
        if !text.contains(expected.as_str()) {
            wrong.push(format!("did not print {expected:?}"));
        }
    }
    for unexpected in &case.not_printed {
        if text.contains(unexpected.as_str()) {
            wrong.push(format!("printed {unexpected:?}"));
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.contains(": lỗi: ") {
            if !line.starts_with("content/") {
                wrong.push(format!("error without its file: {line}"));
            }
            if !lines.get(i + 1).is_some_and(|l| l.starts_with("  gợi ý: ")) {
                wrong.push(format!("error without a hint: {line}"));
            }
        }
    }
    let output_dir = root.join("output");
    if case.command == "build" && case.exit != 0 && snapshot(&output_dir) != before {
        wrong.push("a failed build changed output/".into());
    }
    if case.command == "build" && case.exit == 0 {
        for (file, bytes) in snapshot(&output_dir) {
            if file.extension().is_some_and(|e| e == "html") {
                let html = String::from_utf8_lossy(&bytes);
                for problem in safe_html::problems(&html) {
                    wrong.push(format!("{}: {problem}", file.display()));
                }
            }
        }
    }
    for expect in &case.pages {
        let Ok(html) = std::fs::read_to_string(output_dir.join(&expect.page)) else {
            wrong.push(format!("no page {}", expect.page));
            continue;
        };
        let visible = safe_html::visible_text(&html);
        for shown in &expect.shows {
            if !visible.contains(shown.as_str()) {
                wrong.push(format!("{} does not show {shown:?}", expect.page));
            }
        }
        for lacking in &expect.lacks {
            if html.contains(lacking.as_str()) {
                wrong.push(format!("{} contains {lacking:?}", expect.page));
            }
        }
    }
    for entry in std::fs::read_dir(root).expect("project") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if ![
            "content",
            "themes",
            "output",
            "outside",
            ".congkhai-output.lock",
        ]
        .contains(&name.as_str())
        {
            wrong.push(format!("left {name} in the project folder"));
        }
    }
    if !wrong.is_empty() {
        wrong.push(format!("printed:\n{text}"));
    }
    wrong
}

#[test]
fn every_hostile_input_has_its_expected_outcome() {
    let cases = cases();
    assert!(cases.len() >= 20, "the corpus is missing: {}", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let started = std::time::Instant::now();
        let wrong = run(case);
        eprintln!("{name}: {:.1} s", started.elapsed().as_secs_f64());
        if !wrong.is_empty() {
            failures.push(format!("== {name} ({})\n{}", case.about, wrong.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
