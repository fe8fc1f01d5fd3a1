//! `congkhai import-table`: a table pasted from Word or Excel (tab-separated text, CSV or
//! .xlsx) turned into an appendix file of the content model, with every line it could not
//! place reported by number.

pub mod cli;
pub mod columns;
pub mod emit;
pub mod labels;
pub mod read;
pub mod table;

pub use emit::AppendixHead;
pub use table::{Problem, Severity, Table, TableOptions};

use anyhow::Result;
use read::LineRange;
use std::path::Path;

/// The result of an import: the YAML text and the table it was written from.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The appendix file.
    pub yaml: String,
    /// The placed table, with its problems.
    pub table: Table,
}

/// Imports the table in `path` ("-" for standard input).
pub fn import_file(
    path: &Path,
    sheet: Option<&str>,
    lines: Option<LineRange>,
    options: &TableOptions,
    head: &AppendixHead,
) -> Result<Imported> {
    let raw = read::read_table(path, sheet, lines)?;
    if raw
        .iter()
        .all(|l| l.cells.iter().all(read::RawCell::is_empty))
    {
        anyhow::bail!(
            "{}: không có dòng nào có nội dung; dán bảng (sao chép từ Word hoặc Excel) vào tệp rồi thử lại",
            path.display()
        );
    }
    Ok(import_lines(&raw, options, head))
}

/// Imports lines already read.
pub fn import_lines(
    lines: &[read::RawLine],
    options: &TableOptions,
    head: &AppendixHead,
) -> Imported {
    let table = table::place(lines, options);
    let yaml = emit::to_yaml(&table, head);
    Imported { yaml, table }
}
