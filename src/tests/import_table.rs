//! `congkhai import-table` on the seed tables, compared with the hand-checked transcriptions,
//! and on small CSV and .xlsx tables.
//!
//! Each file of `tests/import-seeds/` names a seed appendix (file and lines, from its "Phụ lục"
//! line to its last row, as an editor copies it out of the document) and its transcription;
//! its lines that do not start with `#` are the known differences between the import and the
//! transcription (`-` only in the transcription, `+` only in the import), explained in its
//! comments. The appendix's number, title, caption and unit are read from the pasted heading,
//! not given. Run with `BLESS=1` to rewrite the difference lines after a deliberate change.

use super::repo;
use crate::import::cli::ImportArgs;
use crate::model::{AppendixSource, Cell, NumberFormat, RowNode};
use crate::yaml::Spanned;
use std::collections::BTreeMap;
use std::path::Path;

/// `congkhai import-table`'s options, as the binary reads them.
#[derive(clap::Parser)]
struct ImportTable {
    #[command(flatten)]
    args: ImportArgs,
}

fn cell_text(cell: &Cell) -> String {
    match &cell.value {
        Some(value) => format!("{} [= {value}]", cell.text),
        None => cell.text.clone(),
    }
}

fn cells(out: &mut Vec<String>, at: &str, what: &str, cells: &BTreeMap<String, Spanned<Cell>>) {
    for (key, cell) in cells {
        out.push(format!("{at} {what}{key}: {}", cell_text(&cell.value)));
    }
}

/// Every cell of the appendix as one line `where key: text`, rows named by their label.
fn flatten(out: &mut Vec<String>, path: &str, nodes: &[Spanned<RowNode>]) {
    let mut unlabeled = 0;
    for node in nodes {
        match &node.value {
            RowNode::Group(group) => {
                let at = format!("{path}/{}", group.label);
                out.push(format!("{at} group: {}", group.title));
                cells(out, &at, "total ", &group.totals);
                cells(out, &at, "", &group.cells);
                flatten(out, &at, &group.rows);
            }
            RowNode::Row(row) => {
                let label = row.cells.get("stt").or_else(|| row.cells.values().next());
                let at = match row.cells.iter().find(|(k, _)| k.as_str() == "stt") {
                    Some(_) => format!(
                        "{path} #{}",
                        label.map(|c| c.value.text.clone()).unwrap_or_default()
                    ),
                    None => {
                        unlabeled += 1;
                        format!("{path} row{unlabeled}")
                    }
                };
                cells(out, &at, "", &row.cells);
            }
        }
    }
}

fn lines_of(appendix: &AppendixSource) -> Vec<String> {
    let mut out = vec![
        format!(" id: {}", appendix.id.value),
        format!(" number: {}", appendix.number.clone().unwrap_or_default()),
        format!(" title: {}", appendix.title),
        format!(" caption: {}", appendix.caption.clone().unwrap_or_default()),
        format!(
            " unit: {}",
            appendix.unit.map(|u| u.key()).unwrap_or_default()
        ),
    ];
    flatten(&mut out, "", &appendix.rows);
    cells(&mut out, "", "total ", &appendix.totals);
    if let Some(label) = &appendix.total_label {
        out.push(format!(" total_label: {label}"));
    }
    out
}

/// Lines only in `a` (prefixed `-`) and only in `b` (prefixed `+`), as multisets.
fn difference(transcribed: &[String], imported: &[String]) -> Vec<String> {
    let mut count: BTreeMap<&str, i64> = BTreeMap::new();
    for line in transcribed {
        *count.entry(line).or_default() -= 1;
    }
    for line in imported {
        *count.entry(line).or_default() += 1;
    }
    let mut out = Vec::new();
    for line in transcribed {
        let n = count.get_mut(line.as_str()).expect("counted");
        if *n < 0 {
            *n += 1;
            out.push(format!("- {line}"));
        }
    }
    for line in imported {
        let n = count.get_mut(line.as_str()).expect("counted");
        if *n > 0 {
            *n -= 1;
            out.push(format!("+ {line}"));
        }
    }
    out
}

fn import_seed(expectations: &Path) -> (Vec<String>, Vec<String>, String) {
    let text = std::fs::read_to_string(expectations).expect("expectations readable");
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("# {name}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("{}: no `# {name}:` line", expectations.display()))
            .to_string()
    };
    let seed = repo().join("docs/sources").join(field("seed"));
    assert!(
        seed.is_file(),
        "the seed documents must be at {} (the transcription's sources)",
        seed.display()
    );
    let transcription_path = repo().join("content/documents").join(field("appendix"));
    let transcription_text =
        std::fs::read_to_string(&transcription_path).expect("transcription readable");
    let transcription: AppendixSource =
        crate::yaml::parse(&transcription_text, &transcription_path).expect("transcription parses");
    let columns: Vec<String> = transcription
        .columns
        .iter()
        .map(|c| format!("{}={}", c.key.value, c.role.key()))
        .collect();
    let mut args: Vec<String> = vec![
        "import-table".into(),
        seed.display().to_string(),
        "--lines".into(),
        field("lines"),
        "--columns".into(),
        columns.join(","),
        "--number-format".into(),
        match transcription.number_format {
            NumberFormat::Vi => "vi".into(),
            NumberFormat::Us => "us".into(),
        },
    ];
    args.extend(field("args").split_whitespace().map(String::from));
    let dir = tempfile::tempdir().expect("tempdir");
    let written = dir.path().join("import.yaml");
    args.extend(["--output".into(), written.display().to_string()]);
    let parsed = <ImportTable as clap::Parser>::try_parse_from(&args).expect("valid options");
    let code = crate::import::cli::run(&parsed.args);
    assert_eq!(code, std::process::ExitCode::SUCCESS, "import-table failed");
    let yaml = std::fs::read_to_string(&written).expect("the import is written");
    let imported: AppendixSource = crate::yaml::parse(&yaml, Path::new("import.yaml"))
        .unwrap_or_else(|e| {
            panic!(
                "{}: the import does not load: {e}\n{yaml}",
                expectations.display()
            )
        });
    (
        lines_of(&transcription),
        lines_of(&imported),
        "(the report went to standard error)".to_string(),
    )
}

#[test]
fn seed_tables_import_as_transcribed_except_the_listed_differences() {
    let dir = repo().join("tests/import-seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/import-seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 14, "one expectations file per seed appendix");
    let mut failures = Vec::new();
    for file in files {
        let (transcribed, imported, report) = import_seed(&file);
        assert!(!imported.is_empty(), "{}: nothing imported", file.display());
        let actual = difference(&transcribed, &imported);
        let text = std::fs::read_to_string(&file).expect("readable");
        let expected: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        if std::env::var_os("BLESS").is_some() {
            let comments: Vec<&str> = text.lines().filter(|l| l.starts_with('#')).collect();
            let mut out = comments.join("\n");
            out.push('\n');
            for line in &actual {
                out.push_str(line);
                out.push('\n');
            }
            std::fs::write(&file, out).expect("write");
            eprintln!("{}: {} differences\n{report}", file.display(), actual.len());
        } else if actual != expected {
            failures.push(format!(
                "{}: differences changed (expected {}, now {}):\n{}",
                file.display(),
                expected.len(),
                actual.len(),
                actual.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
