//! Every example of the editors' guide `docs/huong-dan-bien-tap.md` runs as written, in order,
//! on the fixture site: files are written, commands run, the sample appendix parses, the error
//! example prints what the guide says, and the result passes `check` and `build`.

use crate::common;

use common::{Project, printed, repo};

/// A fenced block with the HTML comment just above it, if any.
struct Block {
    tag: Option<String>,
    language: String,
    body: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    let mut last_comment: Option<String> = None;
    while let Some(line) = lines.next() {
        if let Some(language) = line.strip_prefix("```") {
            let mut body = String::new();
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
                body.push_str(inner);
                body.push('\n');
            }
            out.push(Block {
                tag: last_comment.take(),
                language: language.trim().to_string(),
                body,
            });
        } else if let Some(comment) = line
            .strip_prefix("<!--")
            .and_then(|l| l.strip_suffix("-->"))
        {
            last_comment = Some(comment.trim().to_string());
        } else if !line.trim().is_empty() {
            last_comment = None;
        }
    }
    out
}

/// Splits a command line into words, keeping "double quoted" words whole.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            other => {
                word.push(other);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

#[test]
fn every_example_of_the_guide_works() {
    let guide = std::fs::read_to_string(repo().join("docs/huong-dan-bien-tap.md")).expect("guide");
    let project = Project::new();
    let mut commands = 0;
    let mut files = 0;
    let mut expected_error: Option<(String, String)> = None;
    for block in blocks(&guide) {
        match (block.tag.as_deref(), block.language.as_str()) {
            (Some(tag), _) if tag.starts_with("tệp:") => {
                let path = project.path().join(tag["tệp:".len()..].trim());
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, &block.body).expect("write example file");
                files += 1;
            }
            // The sample appendix parses: `src/tests/guide.rs`.
            (Some(tag), _) if tag.starts_with("mẫu:") => {}
            (Some(tag), "text") if tag.starts_with("tệp-lỗi:") => {
                let rest = tag["tệp-lỗi:".len()..].trim();
                let (file, change) = rest.split_once(": ").expect("tệp-lỗi: PATH: FROM → TO");
                let (from, to) = change.split_once(" → ").expect("FROM → TO");
                let path = project.path().join(file);
                let original = std::fs::read_to_string(&path).expect("file to break");
                assert!(original.contains(from), "{file} has no {from:?}");
                std::fs::write(&path, original.replacen(from, to, 1)).expect("write");
                let output = project.run(&["check"]);
                let text = printed(&output);
                assert_eq!(output.status.code(), Some(1), "{text}");
                for expected in block.body.lines() {
                    assert!(
                        text.lines().any(|l| l.starts_with(expected)),
                        "the guide shows {expected:?}, check printed:\n{text}"
                    );
                }
                std::fs::write(&path, original).expect("restore");
                expected_error = Some((file.to_string(), from.to_string()));
            }
            (_, "sh") => {
                for line in block.body.lines().filter(|l| l.starts_with("congkhai ")) {
                    let args = words(line);
                    let args: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
                    let output = project.run(&args);
                    assert!(
                        output.status.success(),
                        "`{line}` failed:\n{}",
                        printed(&output)
                    );
                    commands += 1;
                }
            }
            _ => {}
        }
    }
    assert!(expected_error.is_some(), "the guide shows an error message");
    assert!(
        commands >= 6 && files >= 6,
        "{commands} commands, {files} files"
    );
    let output = project.run(&["check"]);
    let printed_text = printed(&output);
    assert!(output.status.success(), "{printed_text}");
    // Notes are suggestions (a row that may continue an earlier one), not warnings.
    let text: String = printed_text
        .split("\ncontent/")
        .filter(|block| !block.contains(": ghi chú: "))
        .collect::<Vec<_>>()
        .join("\ncontent/");
    for id in ["kh-5-2025", "bc-9-2025", "qd-4-2025", "them-co-quan"] {
        assert!(
            !text.contains(id),
            "the guide's files must raise no warning:\n{text}"
        );
    }
    let page = project.page("van-ban/kh-5-2025/index.html");
    assert!(
        page.contains("Chuyển đổi số tỉnh Khánh Hòa năm 2025"),
        "{page}"
    );
    assert!(
        project
            .path()
            .join("output/van-ban/kh-5-2025/phu-luc-ii/index.html")
            .is_file()
    );
    // Every schema a content file's first line names is where it says (`new` and
    // `import-table` write them), for the editor's YAML language server.
    let mut named = 0;
    for entry in walkdir::WalkDir::new(project.path().join("content")) {
        let path = entry.expect("entry").into_path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Some(relative) = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
        {
            let schema = path.parent().expect("folder").join(relative.trim());
            assert!(
                schema.is_file(),
                "{} names {}, which is not there",
                path.display(),
                schema.display()
            );
            named += 1;
        }
    }
    assert!(named >= 3, "{named} files name a schema");
}
