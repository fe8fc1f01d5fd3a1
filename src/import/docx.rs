//! Reading the tables of a Word file (`.docx`: a zip holding `word/document.xml`) into lines
//! of cells, as a paste from Word gives them: a cell merged across columns (`w:gridSpan`) is
//! its text followed by empty cells, a cell of the header merged down (`w:vMerge`) is empty in
//! the rows it continues into, a cell of the body merged down (one agency for several items)
//! is repeated in each, line breaks and paragraphs in a cell are spaces. The paragraphs before a
//! table ("Phụ lục II", its title, "(Kèm theo …)", "Đơn vị tính: …") come first, one a line.

use super::heading::{is_label_title, unit_line};
use super::read::{RawCell, RawLine};
use anyhow::{Context, Result, bail};
use roxmltree::Node;
use std::io::Read;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One table of a Word file.
#[derive(Debug, Clone, PartialEq)]
pub struct DocxTable {
    /// 1-based, in document order.
    pub number: usize,
    /// The paragraphs before it that belong to it: from a "Phụ lục" paragraph when there is one
    /// close above, else the last paragraph (with the caption and unit lines after it).
    pub before: Vec<String>,
    /// Its rows, numbered from 1.
    pub rows: Vec<RawLine>,
}

impl DocxTable {
    /// The number of columns (of the widest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }

    /// The paragraph that names it: the last one before it that is not a caption or unit line.
    pub fn title(&self) -> Option<&str> {
        self.before
            .iter()
            .rev()
            .find(|p| !is_side_line(p))
            .map(String::as_str)
    }

    /// The paragraphs before it then its rows, as lines for the importer (paragraphs are
    /// numbered 0: a report names rows of the table).
    pub fn lines(&self) -> Vec<RawLine> {
        let mut lines: Vec<RawLine> = self
            .before
            .iter()
            .map(|p| RawLine {
                number: 0,
                cells: vec![RawCell::Text(p.clone())],
                bold: false,
                emphasis: vec![false],
            })
            .collect();
        lines.extend(self.rows.iter().cloned());
        lines
    }
}

/// A caption "(Kèm theo …)" or a unit line "Đơn vị tính: …".
fn is_side_line(text: &str) -> bool {
    (text.starts_with('(') && text.ends_with(')')) || unit_line(text).is_some()
}

fn is_appendix_line(text: &str) -> bool {
    crate::vietnamese::fold(text).starts_with("phu luc")
}

/// The largest `word/document.xml` read: a plan of a thousand pages is a few megabytes.
const MAX_XML: u64 = 256 << 20;

/// Reads every table of the Word file at `path`.
pub fn read_docx(path: &Path) -> Result<Vec<DocxTable>> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("{}: không đọc được tệp", path.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|_| {
        anyhow::anyhow!(
            "{}: không phải tệp Word .docx (tệp .doc cũ hoặc tệp hỏng); mở bằng Word và lưu \
             lại dạng \"Word Document (.docx)\"",
            path.display()
        )
    })?;
    let mut xml = String::new();
    let entry = archive.by_name("word/document.xml").map_err(|_| {
        anyhow::anyhow!(
            "{}: tệp nén không có word/document.xml, không phải tệp Word .docx",
            path.display()
        )
    })?;
    // The size a zip states can lie: the read is bounded too.
    if entry.size() > MAX_XML {
        bail!(
            "{}: phần văn bản của tệp Word quá lớn ({} MB, tối đa {} MB)",
            path.display(),
            entry.size() >> 20,
            MAX_XML >> 20
        );
    }
    entry
        .take(MAX_XML + 1)
        .read_to_string(&mut xml)
        .with_context(|| format!("{}: không đọc được word/document.xml", path.display()))?;
    if xml.len() as u64 > MAX_XML {
        bail!(
            "{}: phần văn bản của tệp Word quá lớn (hơn {} MB)",
            path.display(),
            MAX_XML >> 20
        );
    }
    tables_of(&xml).with_context(|| format!("{}: word/document.xml", path.display()))
}

/// The tables of a `word/document.xml`.
pub fn tables_of(xml: &str) -> Result<Vec<DocxTable>> {
    let document = roxmltree::Document::parse(xml).map_err(|e| {
        anyhow::anyhow!("XML không hợp lệ ({e}); mở tệp bằng Word và lưu lại rồi thử lại")
    })?;
    let Some(body) = document.descendants().find(|n| is(n, "body")) else {
        bail!("không có phần thân <w:body>");
    };
    let mut walk = Walk::default();
    walk.block(body);
    Ok(walk.tables)
}

#[derive(Default)]
struct Walk {
    /// Paragraphs since the last table.
    paragraphs: Vec<String>,
    tables: Vec<DocxTable>,
}

impl Walk {
    fn block(&mut self, node: Node) {
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "p" => {
                    let text = normalize(&paragraph_text(child));
                    if !text.is_empty() {
                        self.paragraphs.push(text);
                    }
                }
                "tbl" => {
                    let before = belonging(std::mem::take(&mut self.paragraphs));
                    self.tables.push(DocxTable {
                        number: self.tables.len() + 1,
                        before,
                        rows: rows(child),
                    });
                }
                "sdt" | "sdtContent" | "customXml" => self.block(child),
                _ => {}
            }
        }
    }
}

/// The paragraphs (since the previous table) that head the table.
fn belonging(paragraphs: Vec<String>) -> Vec<String> {
    let near = paragraphs.len().saturating_sub(8);
    if let Some(at) = (near..paragraphs.len()).rfind(|&i| is_appendix_line(&paragraphs[i])) {
        return paragraphs[at..].to_vec();
    }
    let mut at = paragraphs.len();
    while at > 0 && is_side_line(&paragraphs[at - 1]) {
        at -= 1;
    }
    at = at.saturating_sub(1);
    paragraphs[at..].to_vec()
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| is(n, name))
}

/// `w:val` of a property element.
fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

fn number_property(parent: Option<Node>, name: &str) -> usize {
    parent
        .and_then(|p| child(p, name))
        .and_then(val)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The cells of a row, with those wrapped in content controls.
fn cells_of<'a, 'input>(row: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
    let mut cells = Vec::new();
    for node in row.children().filter(Node::is_element) {
        match node.tag_name().name() {
            "tc" => cells.push(node),
            "sdt" | "sdtContent" | "customXml" => cells.extend(cells_of(node)),
            _ => {}
        }
    }
    cells
}

fn rows_of<'a, 'input>(table: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
    let mut rows = Vec::new();
    for node in table.children().filter(Node::is_element) {
        match node.tag_name().name() {
            "tr" => rows.push(node),
            "sdt" | "sdtContent" | "customXml" => rows.extend(rows_of(node)),
            _ => {}
        }
    }
    rows
}

/// A cell merged down from the first row is a header's title over its sub-titles (a
/// two-level header): it stays empty below, as Word pastes it.
const HEADER_ROWS: usize = 1;

fn rows(table: Node) -> Vec<RawLine> {
    // The text of the cell a vertical merge starts from, by grid column, and its row.
    let mut merges: std::collections::HashMap<usize, (usize, String)> = Default::default();
    rows_of(table)
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            let properties = child(row, "trPr");
            let mut cells = Vec::new();
            let mut emphasis = Vec::new();
            let mut bold = Vec::new();
            let pad = |cells: &mut Vec<RawCell>, emphasis: &mut Vec<bool>, n: usize| {
                for _ in 0..n {
                    cells.push(RawCell::Text(String::new()));
                    emphasis.push(false);
                }
            };
            pad(
                &mut cells,
                &mut emphasis,
                number_property(properties, "gridBefore"),
            );
            for cell in cells_of(row) {
                let cell_properties = child(cell, "tcPr");
                let span = number_property(cell_properties, "gridSpan").max(1);
                let merge = cell_properties.and_then(|p| child(p, "vMerge"));
                let continued = merge.is_some_and(|m| val(m).is_none_or(|v| v == "continue"));
                let column = cells.len();
                // A body cell merged down over several rows (one agency, one source for a
                // group of items) holds its text for each of them: it is repeated, so that no
                // row loses it.
                let text = if continued {
                    match merges.get(&column) {
                        Some((origin, text)) if *origin >= HEADER_ROWS => text.clone(),
                        _ => String::new(),
                    }
                } else {
                    normalize(&cell_text(cell))
                };
                if merge.is_some() && !continued {
                    merges.insert(column, (index, text.clone()));
                } else if merge.is_none() {
                    merges.remove(&column);
                }
                let (is_bold, is_italic) = if text.is_empty() {
                    (false, false)
                } else {
                    run_marks(cell)
                };
                if !text.is_empty() {
                    bold.push(is_bold);
                }
                cells.push(RawCell::Text(text));
                emphasis.push(is_bold || is_italic);
                pad(&mut cells, &mut emphasis, span - 1);
            }
            pad(
                &mut cells,
                &mut emphasis,
                number_property(properties, "gridAfter"),
            );
            RawLine {
                number: index + 1,
                cells,
                bold: !bold.is_empty() && bold.iter().all(|b| *b),
                emphasis,
            }
        })
        .collect()
}

/// The text of a cell: its paragraphs joined by spaces.
fn cell_text(cell: Node) -> String {
    cell.descendants()
        .filter(|n| is(n, "p"))
        .map(paragraph_text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph's text; tabs and line breaks are spaces, deleted text is left out.
fn paragraph_text(paragraph: Node) -> String {
    let mut text = String::new();
    for node in paragraph.descendants().filter(Node::is_element) {
        match node.tag_name().name() {
            "t" => text.push_str(node.text().unwrap_or_default()),
            "tab" | "br" | "cr" => text.push(' '),
            "noBreakHyphen" => text.push('-'),
            _ => {}
        }
    }
    text
}

/// Whether every run with text in the cell is bold, and whether every one is italic.
fn run_marks(cell: Node) -> (bool, bool) {
    let on = |properties: Option<Node>, name: &str| {
        properties
            .and_then(|p| child(p, name))
            .is_some_and(|b| val(b).is_none_or(|v| !matches!(v, "0" | "false" | "off")))
    };
    let mut any = false;
    let mut bold = true;
    let mut italic = true;
    for run in cell.descendants().filter(|n| is(n, "r")) {
        let has_text = run
            .children()
            .any(|t| is(&t, "t") && t.text().is_some_and(|s| !s.trim().is_empty()));
        if !has_text {
            continue;
        }
        any = true;
        let properties = child(run, "rPr");
        bold &= on(properties, "b");
        italic &= on(properties, "i");
    }
    (any && bold, any && italic)
}

/// Spaces collapsed, NFC.
fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// The list of tables shown to choose one: number, the paragraph before it, first row, size.
pub fn listing(tables: &[DocxTable]) -> String {
    let shorten = |text: &str, max: usize| {
        if text.chars().count() > max {
            format!("{}…", text.chars().take(max).collect::<String>())
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    for table in tables {
        let first = table
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| !c.is_empty()))
            .map(|r| {
                r.cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| shorten(&c.plain(), 24))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default();
        let label = table
            .rows
            .first()
            .and_then(|r| r.cells.iter().find(|c| !c.is_empty()))
            .is_some_and(|c| is_label_title(&c.plain()));
        out.push_str(&format!(
            "Bảng {}: {} hàng × {} cột\n  đoạn trước: {}\n  hàng đầu{}: {}\n",
            table.number,
            table.rows.len(),
            table.width(),
            table
                .title()
                .map(|t| format!("\"{}\"", shorten(t, 90)))
                .unwrap_or_else(|| "(không có)".to_string()),
            if label { " (tiêu đề)" } else { "" },
            shorten(&first, 160)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn a_body_cell_merged_down_holds_its_text_on_every_row() {
        let cell = |text: &str| format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:document {W}><w:body><w:tbl>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>Sở TT&amp;TT</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr>{}{}<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>\
             </w:tbl></w:body></w:document>",
            cell("STT"),
            cell("Tên"),
            cell("Đơn vị chủ trì"),
            cell("1"),
            cell("A"),
            cell("2"),
            cell("B"),
            cell("3"),
            cell("C"),
            cell("Sở Y tế"),
            cell("4"),
            cell("D"),
        );
        let tables = tables_of(&xml).unwrap();
        let agency = |row: usize| tables[0].rows[row].cells[2].plain();
        assert_eq!(agency(1), "Sở TT&TT");
        assert_eq!(
            agency(2),
            "Sở TT&TT",
            "the merged cell's text on its second row"
        );
        assert_eq!(agency(3), "Sở Y tế");
        assert_eq!(
            agency(4),
            "",
            "a continuation after an unmerged cell has no origin"
        );
    }

    #[test]
    fn merged_cells_line_breaks_and_paragraphs_before() {
        let xml = format!(
            "<w:document {W}><w:body>\
             <w:p><w:r><w:t>Lời mở đầu</w:t></w:r></w:p>\
             <w:p><w:r><w:t>Phụ lục II</w:t></w:r></w:p>\
             <w:p><w:r><w:t>DANH MỤC</w:t></w:r></w:p>\
             <w:p><w:r><w:t>Đơn vị tính: tỷ đồng</w:t></w:r></w:p>\
             <w:tbl>\
              <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>TT</w:t></w:r></w:p></w:tc>\
                    <w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Kinh phí</w:t></w:r></w:p></w:tc></w:tr>\
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\
                    <w:tc><w:p><w:r><w:t>Tổng</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>SN</w:t></w:r></w:p></w:tc></w:tr>\
              <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>\
                    <w:tc><w:p><w:r><w:t>Kho</w:t><w:br/><w:t>dữ liệu</w:t></w:r></w:p><w:p><w:r><w:t>dùng chung</w:t></w:r></w:p></w:tc>\
                    <w:tc><w:p><w:r><w:t xml:space=\"preserve\"> 5 </w:t></w:r></w:p></w:tc></w:tr>\
             </w:tbl>\
             <w:p><w:r><w:t>Bảng hai</w:t></w:r></w:p>\
             <w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
             </w:body></w:document>"
        );
        let tables = tables_of(&xml).unwrap();
        assert_eq!(tables.len(), 2);
        let texts = |line: &RawLine| line.cells.iter().map(RawCell::plain).collect::<Vec<_>>();
        assert_eq!(
            tables[0].before,
            ["Phụ lục II", "DANH MỤC", "Đơn vị tính: tỷ đồng"]
        );
        assert_eq!(tables[0].title(), Some("DANH MỤC"));
        assert_eq!(texts(&tables[0].rows[0]), ["TT", "Kinh phí", ""]);
        assert_eq!(texts(&tables[0].rows[1]), ["", "Tổng", "SN"]);
        assert_eq!(
            texts(&tables[0].rows[2]),
            ["1", "Kho dữ liệu dùng chung", "5"]
        );
        assert!(!tables[0].rows[0].bold, "one cell of two is bold");
        assert_eq!(tables[0].rows[0].emphasis, [true, false, false]);
        assert_eq!(tables[1].before, ["Bảng hai"]);
        assert_eq!(tables[0].width(), 3);
        let list = listing(&tables);
        assert!(list.contains("Bảng 1: 3 hàng × 3 cột"), "{list}");
        assert!(list.contains("đoạn trước: \"DANH MỤC\""), "{list}");
        assert!(list.contains("hàng đầu (tiêu đề): TT | Kinh phí"), "{list}");
    }
}
