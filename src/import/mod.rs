//! `congkhai import-table`: a table pasted from Word or Excel (tab-separated text, CSV or
//! .xlsx) or a table of a Word file (.docx) turned into an appendix file of the content model,
//! with every line it could not place reported by number. The lines an appendix starts with
//! ("Phụ lục III", its title, "(Kèm theo …)", "Đơn vị tính: …") fill the appendix's fields.

pub mod cli;
mod columns;
mod docx;
mod emit;
mod heading;
mod labels;
mod read;
mod table;

pub(crate) use emit::{AppendixHead, TargetDocument};
pub(crate) use heading::Heading;
pub(crate) use table::{Problem, Severity, Table, TableOptions};

use anyhow::Result;
use read::Source;
use std::path::Path;

/// The result of an import: the YAML text and the table it was written from.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    /// The appendix file.
    pub yaml: String,
    /// The placed table, with its problems (the heading's among them).
    pub table: Table,
    /// What the lines before the table said.
    pub heading: Heading,
    /// Notes on the reading (a `--lines` range past the end of the file).
    pub notes: Vec<String>,
}

/// Imports the table in `path` ("-" for standard input).
pub(crate) fn import_file(
    path: &Path,
    source: &Source,
    options: &TableOptions,
    head: &AppendixHead,
) -> Result<Imported> {
    let read = read::read_table(path, source)?;
    if read
        .lines
        .iter()
        .all(|l| l.cells.iter().all(read::RawCell::is_empty))
    {
        anyhow::bail!(
            "{}: không có dòng nào có nội dung; dán bảng (sao chép từ Word hoặc Excel) vào tệp rồi thử lại",
            path.display()
        );
    }
    let mut imported = import_lines(&read.lines, options, head);
    imported.notes = read.notes;
    Ok(imported)
}

/// Imports lines already read: the heading lines first, if any, then the table.
pub(crate) fn import_lines(
    lines: &[read::RawLine],
    options: &TableOptions,
    head: &AppendixHead,
) -> Imported {
    let (heading, start) = heading::split(lines, options.no_header);
    let mut table = table::place(&lines[start..], options);
    let head = merge(head, &heading, &mut table);
    let yaml = emit::to_yaml(&table, &head);
    Imported {
        yaml,
        table,
        heading,
        notes: Vec::new(),
    }
}

/// The appendix's fields: those given on the command line, else those the heading says, else
/// the unit the amount columns' titles name ("Kinh phí (tỷ đồng)"). Reports a unit given that
/// differs from the printed one, and a caption naming another document than the target.
fn merge(given: &AppendixHead, heading: &Heading, table: &mut Table) -> AppendixHead {
    let at = heading.lines.map(|(first, _)| first).unwrap_or(0);
    let mut problems = heading.problems.clone();
    let titled_unit = || {
        let units: Vec<_> = table
            .columns
            .iter()
            .filter(|c| c.role == crate::model::ColumnRole::Amount)
            .filter_map(|c| heading::unit_in(&c.title))
            .collect();
        units
            .first()
            .copied()
            .filter(|u| units.iter().all(|other| other == u))
    };
    let printed_unit = heading.unit.or(table.unit).or_else(titled_unit);
    if let (Some(given), Some(printed)) = (given.unit, printed_unit)
        && given != printed
    {
        problems.push(Problem {
            line: at,
            severity: Severity::Check,
            message: format!(
                "--unit {} nhưng bảng in \"{}\": đã dùng {} như lệnh ghi — kiểm tra đơn vị",
                given.key(),
                printed.label(),
                given.key()
            ),
        });
    }
    let head = AppendixHead {
        id: given.id.clone(),
        number: given.number.clone().or_else(|| heading.number.clone()),
        title: given.title.clone().or_else(|| heading.title.clone()),
        caption: given.caption.clone().or_else(|| heading.caption.clone()),
        unit: given.unit.or(printed_unit),
        schema: given.schema.clone(),
        document: given.document.clone(),
    };
    if let (Some(document), Some(caption)) = (&head.document, &head.caption) {
        for message in heading::check_caption(caption, document.number.as_deref(), &document.issued)
        {
            problems.push(Problem {
                line: at,
                severity: Severity::Check,
                message: format!(
                    "{message} ({}); sửa `caption` nếu chép sai, giữ nguyên nếu bản in ghi vậy",
                    document.file.display()
                ),
            });
        }
    }
    problems.append(&mut table.problems);
    problems.sort_by_key(|p| p.line);
    table.problems = problems;
    head
}
