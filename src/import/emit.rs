//! Writing a placed table as an appendix YAML file of the content model.

use super::table::{Node, OutCell, Table};
use crate::model::{ColumnRole, NumberFormat, Unit};
use crate::yaml::quote;
use std::fmt::Write;

/// What the importer cannot read from a table: the appendix's own fields.
#[derive(Debug, Clone, Default)]
pub struct AppendixHead {
    /// Appendix id (defaults to a slug of the number, or "phu-luc").
    pub id: Option<String>,
    /// Number as printed ("II").
    pub number: Option<String>,
    /// Title as printed.
    pub title: Option<String>,
    /// Caption, e.g. "(Kèm theo Kế hoạch số …)".
    pub caption: Option<String>,
    /// Money unit.
    pub unit: Option<Unit>,
    /// Where the JSON Schema of appendix files is, for the editor's YAML language server.
    pub schema: Option<String>,
    /// The document the appendix goes into, to check the caption against.
    pub document: Option<TargetDocument>,
}

/// The document an appendix is written into (`document.yaml` beside `appendices/`).
#[derive(Debug, Clone)]
pub struct TargetDocument {
    /// Its `document.yaml`.
    pub file: std::path::PathBuf,
    /// Số ký hiệu.
    pub number: Option<String>,
    /// Ngày ban hành, `YYYY-MM-DD`.
    pub issued: String,
}

fn cell(cell: &OutCell) -> String {
    match &cell.value {
        Some(value) => format!("{{ text: {}, value: {} }}", quote(&cell.text), quote(value)),
        None => quote(&cell.text),
    }
}

fn map(cells: &[(String, OutCell)]) -> String {
    let inner: Vec<String> = cells
        .iter()
        .map(|(key, c)| format!("{key}: {}", cell(c)))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

/// Writes the appendix file.
pub fn to_yaml(table: &Table, head: &AppendixHead) -> String {
    let mut out = String::new();
    if let Some(schema) = &head.schema {
        let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    }
    let id = head.id.clone().unwrap_or_else(|| {
        head.number
            .as_deref()
            .map(crate::vietnamese::slugify)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "phu-luc".to_string())
    });
    let _ = writeln!(out, "id: {id}");
    if let Some(number) = &head.number {
        let _ = writeln!(out, "number: {}", quote(number));
    }
    match &head.title {
        Some(title) => {
            let _ = writeln!(out, "title: {}", quote(title));
        }
        None => out.push_str("title: \"TÊN PHỤ LỤC\"   # sửa: tên phụ lục đúng như bản in\n"),
    }
    if let Some(caption) = &head.caption {
        let _ = writeln!(out, "caption: {}", quote(caption));
    }
    let has_amounts = table.columns.iter().any(|c| c.role == ColumnRole::Amount);
    match head.unit {
        Some(unit) => {
            let _ = writeln!(out, "unit: {}", unit.key());
        }
        None if has_amounts => out.push_str(
            "# unit: trieu-dong   # bỏ dấu # và sửa: dong | nghin-dong | trieu-dong | ty-dong\n",
        ),
        None => {}
    }
    if has_amounts {
        let format = match table.number_format {
            NumberFormat::Vi => "vi",
            NumberFormat::Us => "us",
        };
        let _ = writeln!(out, "number_format: {format}");
    }
    out.push_str("columns:\n");
    for column in &table.columns {
        let _ = writeln!(
            out,
            "  - {{ key: {}, title: {}, role: {} }}",
            column.key,
            quote(&column.title),
            column.role.key()
        );
    }
    if table.rows.is_empty() {
        out.push_str("rows: []\n");
    } else {
        out.push_str("rows:\n");
        nodes(&mut out, &table.rows, 1);
    }
    if !table.totals.is_empty() {
        let _ = writeln!(out, "totals: {}", map(&table.totals));
    }
    if let Some(label) = &table.total_label {
        let _ = writeln!(out, "total_label: {}", quote(label));
    }
    out
}

fn nodes(out: &mut String, list: &[Node], depth: usize) {
    let pad = "  ".repeat(depth);
    for node in list {
        match node {
            Node::Group {
                label,
                title,
                totals,
                cells,
                rows,
                ..
            } => {
                let _ = writeln!(out, "{pad}- group: {}", quote(label));
                let _ = writeln!(out, "{pad}  title: {}", quote(title));
                if !totals.is_empty() {
                    let _ = writeln!(out, "{pad}  totals: {}", map(totals));
                }
                for (key, c) in cells {
                    let _ = writeln!(out, "{pad}  {key}: {}", cell(c));
                }
                if rows.is_empty() {
                    let _ = writeln!(out, "{pad}  rows: []");
                } else {
                    let _ = writeln!(out, "{pad}  rows:");
                    nodes(out, rows, depth + 2);
                }
            }
            Node::Row(cells) if cells.is_empty() => {
                let _ = writeln!(out, "{pad}- {{}}");
            }
            Node::Row(cells) => {
                for (index, (key, c)) in cells.iter().enumerate() {
                    let lead = if index == 0 { "- " } else { "  " };
                    let _ = writeln!(out, "{pad}{lead}{key}: {}", cell(c));
                }
            }
        }
    }
}
