//! Reading a pasted table (tab-separated text, CSV or a spreadsheet) into numbered lines of
//! cells, with the HTML that Word leaves in cells turned back into text.

use anyhow::{Context, Result, bail};
use calamine::{Data, Reader, open_workbook_auto};
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    /// Text, as printed (tags removed, spaces collapsed, NFC).
    Text(String),
    /// A number stored as a number in a spreadsheet.
    Number(Decimal),
}

impl RawCell {
    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, RawCell::Text(text) if text.is_empty())
    }

    /// The cell as plain text (numbers without separators).
    pub fn plain(&self) -> String {
        match self {
            RawCell::Text(text) => text.clone(),
            RawCell::Number(value) => value.normalize().to_string(),
        }
    }
}

/// One line (or spreadsheet row) of the input with its 1-based number.
#[derive(Debug, Clone, PartialEq)]
pub struct RawLine {
    /// Line number in the input file (row number in a spreadsheet).
    pub number: usize,
    /// The cells, in order.
    pub cells: Vec<RawCell>,
    /// Every non-empty cell was wrapped in `<b>`: Word's mark of a group or total row.
    pub bold: bool,
    /// Which cells were wholly bold or italic (`<b>…</b>`, `<i>…</i>`).
    pub emphasis: Vec<bool>,
}

/// Which lines of the input to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRange {
    /// First line, 1-based.
    pub from: usize,
    /// Last line, inclusive.
    pub to: usize,
}

impl FromStr for LineRange {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let (from, to) = text
            .split_once(['-', ':'])
            .ok_or_else(|| format!("`{text}`: viết dạng ĐẦU-CUỐI, ví dụ 556-613"))?;
        let parse = |part: &str| {
            part.trim()
                .parse::<usize>()
                .map_err(|_| format!("`{part}` không phải số dòng"))
        };
        let range = LineRange {
            from: parse(from)?,
            to: parse(to)?,
        };
        if range.from == 0 || range.to < range.from {
            return Err(format!(
                "`{text}`: dòng đầu phải ≥ 1 và không lớn hơn dòng cuối"
            ));
        }
        Ok(range)
    }
}

/// Several ranges, `182-185,220-257`: a heading and the table it heads, apart in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRanges(pub Vec<LineRange>);

impl FromStr for LineRanges {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        text.split(',')
            .map(str::parse)
            .collect::<Result<Vec<LineRange>, String>>()
            .map(LineRanges)
    }
}

impl LineRanges {
    fn contains(&self, line: usize) -> bool {
        self.0.iter().any(|r| line >= r.from && line <= r.to)
    }
}

/// Where to read: the sheet of a spreadsheet, the table of a Word file, which lines.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// Sheet of a spreadsheet (the first one by default).
    pub sheet: Option<String>,
    /// Table of a Word file, 1-based (required when it has several).
    pub table: Option<usize>,
    /// Lines (rows) to read.
    pub lines: Option<LineRanges>,
}

/// The lines read, and what to tell about the reading.
#[derive(Debug, Clone)]
pub struct ReadTable {
    /// The lines.
    pub lines: Vec<RawLine>,
    /// Notes for the report (a `--lines` range running past the end).
    pub notes: Vec<String>,
}

/// The extension of `path`, lowercase.
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Reads `path` ("-" for standard input) by its extension: `.xlsx`/`.xls`/`.ods` through
/// calamine (the first sheet, or `sheet`), `.docx` (the table chosen), `.csv` as CSV, anything
/// else as tab-separated text.
pub fn read_table(path: &Path, source: &Source) -> Result<ReadTable> {
    let extension = extension(path);
    let all = match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_spreadsheet(path, source.sheet.as_deref())?,
        "docx" => {
            let tables = super::docx::read_docx(path)?;
            let list = super::docx::listing(&tables);
            let chosen = match (source.table, tables.len()) {
                (_, 0) => bail!("{}: tệp Word không có bảng nào", path.display()),
                (None, 1) => &tables[0],
                (None, count) => bail!(
                    "{}: tệp có {count} bảng; chọn một bằng --table SỐ:\n{list}",
                    path.display()
                ),
                (Some(n), count) => tables.get(n.wrapping_sub(1)).with_context(|| {
                    format!(
                        "{}: --table {n}: tệp có {count} bảng (đánh số từ 1):\n{list}",
                        path.display()
                    )
                })?,
            };
            chosen.lines()
        }
        "doc" => bail!(
            "{}: tệp Word .doc cũ không đọc được; mở bằng Word và lưu lại dạng \
             \"Word Document (.docx)\"",
            path.display()
        ),
        _ => {
            let text = if path == Path::new("-") {
                std::io::read_to_string(std::io::stdin()).context("đọc đầu vào chuẩn")?
            } else {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("{}: không đọc được tệp", path.display()))?;
                String::from_utf8(bytes).map_err(|e| {
                    anyhow::anyhow!(
                        "{}: tệp không phải UTF-8 (byte lỗi ở vị trí {}); lưu lại bảng dưới dạng \
                         \"Văn bản Unicode (UTF-8)\" rồi thử lại",
                        path.display(),
                        e.utf8_error().valid_up_to()
                    )
                })?
            };
            if extension == "csv" {
                read_csv(&text, path)?
            } else {
                read_tsv(&text)
            }
        }
    };
    let Some(ranges) = &source.lines else {
        return Ok(ReadTable {
            lines: all,
            notes: Vec::new(),
        });
    };
    let last = all.iter().map(|l| l.number).max().unwrap_or(0);
    let what = if extension == "docx" {
        "hàng"
    } else {
        "dòng"
    };
    let mut notes = Vec::new();
    for range in &ranges.0 {
        if range.from > last {
            bail!(
                "{}: --lines {}-{}: tệp chỉ có {last} {what}, dòng đầu {} đã quá cuối tệp",
                path.display(),
                range.from,
                range.to,
                range.from
            );
        }
        if range.to > last {
            notes.push(format!(
                "--lines {}-{}: tệp chỉ có {last} {what}; đã đọc đến {what} {last}",
                range.from, range.to
            ));
        }
    }
    Ok(ReadTable {
        lines: all
            .into_iter()
            .filter(|l| l.number == 0 || ranges.contains(l.number))
            .collect(),
        notes,
    })
}

/// Splits tab-separated text (as Word and Excel put on the clipboard) into lines of cells.
pub fn read_tsv(text: &str) -> Vec<RawLine> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    tsv_records(text)
        .into_iter()
        .map(|(number, cells)| text_line(number, cells.iter().map(String::as_str)))
        .collect()
}

/// The records of tab-separated text, each with the line it starts on. Excel quotes a cell
/// that holds a line break, a tab or a quote (`"Kho dữ liệu⏎dùng chung"`, `""` for a quote);
/// Word never quotes, so a cell is read as quoted only when its closing quote ends the cell
/// (`"Cổng" của tỉnh` stays as it is). A line break inside a quoted cell is a space.
fn tsv_records(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut line = 1;
    let mut rest = text;
    while !rest.is_empty() {
        let start_line = line;
        let mut cells = Vec::new();
        loop {
            let (cell, after, lines) = match quoted_cell(rest) {
                Some(quoted) => quoted,
                None => {
                    let end = rest.find(['\t', '\n']).unwrap_or(rest.len());
                    (
                        rest[..end].trim_end_matches('\r').to_string(),
                        &rest[end..],
                        0,
                    )
                }
            };
            line += lines;
            cells.push(cell);
            match after.chars().next() {
                Some('\t') => rest = &after[1..],
                Some('\n') => {
                    rest = &after[1..];
                    line += 1;
                    break;
                }
                _ => {
                    rest = "";
                    break;
                }
            }
        }
        records.push((start_line, cells));
    }
    records
}

/// A quoted cell at the start of `text`: its text, what follows it, and the line breaks it
/// holds; `None` when `text` does not start with a quote closed at the end of the cell.
fn quoted_cell(text: &str) -> Option<(String, &str, usize)> {
    let body = text.strip_prefix('"')?;
    let mut cell = String::new();
    let mut lines = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if chars.peek().is_some_and(|&(_, next)| next == '"') => {
                chars.next();
                cell.push('"');
            }
            '"' => {
                let after = body[i + 1..].trim_start_matches('\r');
                return (after.is_empty() || after.starts_with(['\t', '\n']))
                    .then_some((cell, after, lines));
            }
            '\n' => {
                lines += 1;
                cell.push(' ');
            }
            '\r' => {}
            c => cell.push(c),
        }
    }
    None
}

fn read_csv(text: &str, path: &Path) -> Result<Vec<RawLine>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            anyhow::anyhow!("{}:{line}: CSV không hợp lệ: {e}", path.display())
        })?;
        let number = record.position().map(|p| p.line() as usize).unwrap_or(0);
        lines.push(text_line(number, record.iter()));
    }
    Ok(lines)
}

fn read_spreadsheet(path: &Path, sheet: Option<&str>) -> Result<Vec<RawLine>> {
    // The library's error already says its causes in its text: formatted once, without its
    // chain, so that the report does not repeat them.
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        anyhow::anyhow!(
            "{}: không mở được bảng tính ({e}); mở tệp bằng Excel hoặc LibreOffice và lưu lại \
             dạng .xlsx rồi thử lại",
            path.display()
        )
    })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(name) if names.iter().any(|n| n == name) => name.to_string(),
        Some(name) => bail!(
            "{}: không có trang tính `{name}`; các trang tính: {}",
            path.display(),
            names.join(", ")
        ),
        None => names
            .first()
            .cloned()
            .with_context(|| format!("{}: bảng tính không có trang nào", path.display()))?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| {
        anyhow::anyhow!(
            "{}: không đọc được trang tính `{name}` ({e})",
            path.display()
        )
    })?;
    let first_row = range.start().map(|(row, _)| row as usize).unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(index, row)| {
            let cells: Vec<RawCell> = row.iter().map(spreadsheet_cell).collect();
            RawLine {
                number: first_row + index + 1,
                emphasis: vec![false; cells.len()],
                cells,
                bold: false,
            }
        })
        .collect())
}

fn spreadsheet_cell(data: &Data) -> RawCell {
    match data {
        Data::Int(value) => RawCell::Number(Decimal::from(*value)),
        Data::Float(value) => Decimal::from_f64_retain(*value)
            .map(|d| RawCell::Number(d.round_dp(6).normalize()))
            .unwrap_or_else(|| RawCell::Text(value.to_string())),
        Data::Empty => RawCell::Text(String::new()),
        other => RawCell::Text(clean(&other.to_string())),
    }
}

fn text_line<'a>(number: usize, raw: impl Iterator<Item = &'a str>) -> RawLine {
    let raw: Vec<&str> = raw.collect();
    let bold = raw.iter().any(|c| !c.trim().is_empty())
        && raw
            .iter()
            .filter(|c| !c.trim().is_empty())
            .all(|c| c.trim().starts_with("<b>"));
    let emphasis = raw
        .iter()
        .map(|c| {
            let c = c.trim();
            (c.starts_with("<b>") || c.starts_with("<i>"))
                && (c.ends_with("</b>") || c.ends_with("</i>"))
        })
        .collect();
    RawLine {
        number,
        cells: raw.iter().map(|c| RawCell::Text(clean(c))).collect(),
        bold,
        emphasis,
    }
}

/// Turns a cell as pasted into its printed text: paragraphs, list items and line breaks
/// become spaces, other tags are dropped, entities decoded, spaces collapsed, NFC.
pub fn clean(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            Some(end) if is_tag(&after[1..end]) => {
                let name = tag_name(&after[1..end]);
                match name.as_str() {
                    "p" | "/p" | "br" | "ul" | "/ul" | "ol" | "/ol" | "li" | "/li" | "div"
                    | "/div" => out.push(' '),
                    _ => {}
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let collapsed: Vec<&str> = decoded.split_whitespace().collect();
    collapsed.join(" ").nfc().collect()
}

fn is_tag(inside: &str) -> bool {
    let name = tag_name(inside);
    let bare = name.trim_start_matches('/');
    !bare.is_empty() && bare.chars().all(|c| c.is_ascii_alphanumeric())
}

fn tag_name(inside: &str) -> String {
    inside
        .split(|c: char| c.is_whitespace() || c == '/' && !inside.starts_with('/'))
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_word_html() {
        assert_eq!(clean("<b>168.686,5</b>"), "168.686,5");
        assert_eq!(
            clean(
                "<ul style=\"list-style-type: none\"> <li>- NSĐP: 4.000;</li><li>- Khác</li></ul>"
            ),
            "- NSĐP: 4.000; - Khác"
        );
        assert_eq!(clean("<p>a</p><p>b</p>"), "a b");
        assert_eq!(clean("x < 5 &amp; y"), "x < 5 & y");
        assert_eq!(clean("<a href=\"https://x.vn\">Cổng</a>"), "Cổng");
    }

    #[test]
    fn excel_quoted_cells_keep_their_line_breaks_and_quotes_in_one_cell() {
        let lines = read_tsv(
            "1\t\"Kho dữ liệu\r\ndùng chung\"\tSở TTTT\t10.000\r\n2\t\"Cổng \"\"dịch vụ\"\" công\"\t\"Sở\" của tỉnh\t5\n",
        );
        assert_eq!(lines.len(), 2);
        let texts = |i: usize| -> Vec<String> {
            lines[i]
                .cells
                .iter()
                .map(|c| match c {
                    RawCell::Text(t) => t.clone(),
                    other => format!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(
            texts(0),
            ["1", "Kho dữ liệu dùng chung", "Sở TTTT", "10.000"]
        );
        assert_eq!(lines[1].number, 3, "the second record starts on line 3");
        assert_eq!(
            texts(1),
            ["2", "Cổng \"dịch vụ\" công", "\"Sở\" của tỉnh", "5"],
            "a quote inside a Word cell is kept"
        );
        assert_eq!(
            read_tsv("a\t\"không đóng\n").len(),
            1,
            "an unclosed quote is text"
        );
    }

    #[test]
    fn marks_bold_rows_and_numbers_lines() {
        let lines = read_tsv("\u{feff}<b>I</b>\t<b>Dự án</b>\t\n1\tA\t2.000\n");
        assert_eq!(lines.len(), 2);
        assert!(lines[0].bold);
        assert!(!lines[1].bold);
        assert_eq!(lines[1].number, 2);
        assert_eq!(lines[1].cells[2], RawCell::Text("2.000".into()));
    }

    #[test]
    fn blank_lines_and_windows_line_ends_keep_the_numbers_of_the_paste() {
        let lines = read_tsv("STT\tTên\r\n\r\n1\tA\t\r\n2\tB");
        let read: Vec<(usize, Vec<String>)> = lines
            .iter()
            .map(|l| (l.number, l.cells.iter().map(RawCell::plain).collect()))
            .collect();
        assert_eq!(
            read,
            [
                (1, vec!["STT".to_string(), "Tên".to_string()]),
                (2, vec![String::new()]),
                (3, vec!["1".to_string(), "A".to_string(), String::new()]),
                (4, vec!["2".to_string(), "B".to_string()]),
            ],
            "a blank line is a line; a trailing tab is an empty cell"
        );
    }

    #[test]
    fn parses_line_ranges() {
        let range: LineRange = "556-613".parse().unwrap();
        assert_eq!((range.from, range.to), (556, 613));
        assert!("9-3".parse::<LineRange>().is_err());
        assert!("x".parse::<LineRange>().is_err());
        let ranges: LineRanges = "182-185,220-257".parse().unwrap();
        assert_eq!(ranges.0.len(), 2);
        assert!(ranges.contains(220) && !ranges.contains(200));
    }
}
