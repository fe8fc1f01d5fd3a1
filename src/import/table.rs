//! Placing the lines of a pasted table: header, repeated headers, groups, rows, rows split
//! over lines, the grand total; and every line that could not be placed, reported.

use super::columns::{self, Column, ColumnSpec};
use super::labels::{self, LabelKind};
use super::read::{RawCell, RawLine};
use crate::amount::parse_amount;
use crate::model::{ColumnRole, NumberFormat};
use crate::vietnamese::{fold, format_number};

/// A cell of the appendix being written.
#[derive(Debug, Clone, PartialEq)]
pub struct OutCell {
    /// The text as printed.
    pub text: String,
    /// A plain decimal, when the text cannot be read in the table's number format.
    pub value: Option<String>,
}

/// A node of the row tree being written.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A group with its label, title, stated totals, other cells and children.
    Group {
        /// Label as printed.
        label: String,
        /// Title as printed.
        title: String,
        /// Stated subtotals, by column key.
        totals: Vec<(String, OutCell)>,
        /// Other cells on the group's line.
        cells: Vec<(String, OutCell)>,
        /// Children.
        rows: Vec<Node>,
        /// Kind of its label, to nest what follows.
        kind: Option<LabelKind>,
    },
    /// A row: cells by column key, in column order.
    Row(Vec<(String, OutCell)>),
}

/// How sure the importer is about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The line was left out: fix it by hand.
    Unplaced,
    /// The line was placed, but check it.
    Check,
}

/// A line the importer could not place, or placed with a doubt.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line number in the input.
    pub line: usize,
    /// Left out or placed with a doubt.
    pub severity: Severity,
    /// What happened and how to fix it, in Vietnamese.
    pub message: String,
}

/// What to assume about the table.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    /// The columns, when given (otherwise guessed from the header).
    pub columns: Option<Vec<ColumnSpec>>,
    /// How amounts are written (otherwise detected).
    pub number_format: Option<NumberFormat>,
    /// The table has no header row (a list pasted from a document).
    pub no_header: bool,
}

/// The table as placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Columns.
    pub columns: Vec<Column>,
    /// How amount cells are written.
    pub number_format: NumberFormat,
    /// Groups and rows.
    pub rows: Vec<Node>,
    /// The stated grand total per amount column.
    pub totals: Vec<(String, OutCell)>,
    /// The grand total row's label.
    pub total_label: Option<String>,
    /// Lines left out or placed with a doubt, in input order.
    pub problems: Vec<Problem>,
    /// The unit of a unit line inside the table ("Đơn vị tính: triệu đồng"), if any.
    pub unit: Option<crate::model::Unit>,
}

/// A line reduced to text cells, trailing empty cells dropped.
struct Line {
    number: usize,
    cells: Vec<RawCell>,
    bold: bool,
    emphasis: Vec<bool>,
    /// Number of cells as pasted, empty trailing cells included.
    width: usize,
}

impl Line {
    fn text(&self, index: usize) -> String {
        self.cells
            .get(index)
            .map(RawCell::plain)
            .unwrap_or_default()
    }
    fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
    fn first_text(&self) -> String {
        self.cells
            .iter()
            .find(|c| !c.is_empty())
            .map(RawCell::plain)
            .unwrap_or_default()
    }
}

fn is_total(text: &str) -> bool {
    let folded = fold(text);
    let folded = folded.trim().trim_end_matches(':').trim();
    folded.starts_with("tong cong") || matches!(folded, "tong" | "tong so" | "cong")
}

fn looks_like_header(line: &Line) -> bool {
    let first = fold(&line.first_text());
    matches!(first.trim(), "stt" | "tt" | "so tt" | "so thu tu")
        || (labels::kind(&line.first_text()).is_none()
            && !is_total(&line.first_text())
            && !line.cells.iter().any(|c| {
                let t = c.plain();
                t.starts_with(|ch: char| ch.is_ascii_digit()) && t.len() != 4
            }))
}

fn same_header(line: &Line, header: &[String]) -> bool {
    let cells: Vec<String> = line.cells.iter().map(|c| fold(&c.plain())).collect();
    let header: Vec<String> = header.iter().map(|h| fold(h)).collect();
    !cells.is_empty()
        && cells == header[..cells.len().min(header.len())]
        && cells.len() == header.len()
}

/// The spans of a header row's merged cells: a title followed by empty cells, as a cell merged
/// across columns is pasted (`(first, last)` column indexes, two columns or more).
fn merged_spans(header: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut index = 0;
    while index < header.len() {
        let mut last = index;
        while last + 1 < header.len() && header[last + 1].is_empty() {
            last += 1;
        }
        if !header[index].is_empty() && last > index {
            spans.push((index, last));
        }
        index = last + 1;
    }
    spans
}

/// A second header row under cells merged across columns ("Kinh phí dự kiến (tỷ đồng)" over
/// "Tổng | SN | ĐT | TW"): no label, and every cell it has under a merged title.
fn is_sub_header(line: &Line, header: &[String]) -> bool {
    let spans = merged_spans(header);
    line.filled() > 0
        && line.cells.first().is_some_and(RawCell::is_empty)
        && line.cells.iter().enumerate().all(|(index, cell)| {
            cell.is_empty()
                || spans
                    .iter()
                    .any(|&(first, last)| index >= first && index <= last)
        })
}

/// The column titles of a header and the row under it: "Kinh phí dự kiến (tỷ đồng) Tổng" under
/// a merged title, the title alone elsewhere.
fn two_level_titles(header: &[String], sub: &[String]) -> Vec<String> {
    let spans = merged_spans(header);
    let width = header.len().max(sub.len());
    (0..width)
        .map(|index| {
            let own = header.get(index).cloned().unwrap_or_default();
            let below = sub.get(index).cloned().unwrap_or_default();
            let parent = spans
                .iter()
                .find(|&&(first, last)| index >= first && index <= last)
                .map(|&(first, _)| header[first].clone())
                .unwrap_or(own);
            match (parent.is_empty(), below.is_empty()) {
                (_, true) => parent,
                (true, false) => below,
                (false, false) => format!("{parent} {below}"),
            }
        })
        .collect()
}

/// Decides whether amounts are written 1.234,5 (vi) or 1,234.5 (us) by the cells that can only
/// be read one way; Vietnamese when nothing decides.
pub fn detect_format(texts: &[String]) -> NumberFormat {
    let mut vi = 0;
    let mut us = 0;
    for text in texts {
        let ok_vi = parse_amount(text, NumberFormat::Vi).is_ok_and(|v| v.is_some());
        let ok_us = parse_amount(text, NumberFormat::Us).is_ok_and(|v| v.is_some());
        match (ok_vi, ok_us) {
            (true, false) => vi += 1,
            (false, true) => us += 1,
            _ => {}
        }
    }
    if us > vi {
        NumberFormat::Us
    } else {
        NumberFormat::Vi
    }
}

fn number_text(value: rust_decimal::Decimal, role: ColumnRole, format: NumberFormat) -> String {
    if role != ColumnRole::Amount {
        return value.normalize().to_string();
    }
    let vi = format_number(value);
    match format {
        NumberFormat::Vi => vi,
        NumberFormat::Us => vi
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                other => other,
            })
            .collect(),
    }
}

/// Places the lines of a table. Never fails: what cannot be placed is in `problems`.
pub fn place(lines: &[RawLine], options: &TableOptions) -> Table {
    let lines: Vec<Line> = lines
        .iter()
        .map(|l| {
            let mut cells = l.cells.clone();
            let width = cells.len();
            while cells.last().is_some_and(RawCell::is_empty) {
                cells.pop();
            }
            Line {
                number: l.number,
                cells,
                bold: l.bold,
                emphasis: l.emphasis.clone(),
                width,
            }
        })
        .filter(|l| !l.cells.is_empty())
        .collect();
    let header: Option<Vec<String>> = lines
        .first()
        .filter(|l| !options.no_header && looks_like_header(l))
        .map(|l| l.cells.iter().map(RawCell::plain).collect());
    // The header as pasted, with the empty cells after a title merged across the last columns.
    let full_header: Option<Vec<String>> = header.as_ref().map(|h| {
        let mut full = h.clone();
        full.resize(lines[0].width.max(h.len()), String::new());
        full
    });
    let sub_header: Option<Vec<String>> = full_header.as_ref().and_then(|h| {
        lines
            .get(1)
            .filter(|l| is_sub_header(l, h))
            .map(|l| l.cells.iter().map(RawCell::plain).collect())
    });
    let titles = match (&full_header, &sub_header) {
        (Some(full), Some(sub)) => {
            let mut titles = two_level_titles(full, sub);
            while titles.last().is_some_and(String::is_empty) {
                titles.pop();
            }
            Some(titles)
        }
        _ => header.clone(),
    };
    let width = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    let header_width = titles.as_ref().map(Vec::len);
    let columns = columns::build(
        titles.as_deref(),
        options.columns.as_deref(),
        header_width.unwrap_or(width),
    );
    let body = &lines[usize::from(header.is_some()) + usize::from(sub_header.is_some())..];
    let amount_index: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.role == ColumnRole::Amount)
        .map(|(i, _)| i)
        .collect();
    let number_format = options.number_format.unwrap_or_else(|| {
        let texts: Vec<String> = body
            .iter()
            .flat_map(|l| {
                amount_index.iter().filter_map(|&i| match l.cells.get(i) {
                    Some(RawCell::Text(text)) => Some(text.clone()),
                    _ => None,
                })
            })
            .collect();
        detect_format(&texts)
    });
    let mut placer = Placer {
        columns: &columns,
        number_format,
        label_index: columns.iter().position(|c| c.role == ColumnRole::Label),
        name_index: columns.iter().position(|c| c.role == ColumnRole::Name),
        root: Vec::new(),
        path: Vec::new(),
        totals: Vec::new(),
        total_label: None,
        problems: Vec::new(),
        unit: None,
        last_row_line: None,
        bulleted: columns.len() == 1
            && body
                .first()
                .is_some_and(|l| l.first_text().starts_with("- ")),
    };
    let repeated = |line: &Line| {
        header.as_ref().is_some_and(|h| same_header(line, h))
            || sub_header.as_ref().is_some_and(|h| same_header(line, h))
    };
    for (index, line) in body.iter().enumerate() {
        if repeated(line) {
            continue;
        }
        // A "Phụ lục …" line alone on its line inside the table starts another appendix: the
        // lines from there on are not this table's.
        if line.filled() == 1
            && let Some(number) = super::heading::appendix_number(
                line.first_text()
                    .trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace()),
            )
        {
            let left = body.len() - index;
            placer.problem(
                line.number,
                Severity::Unplaced,
                format!(
                    "phụ lục {number} bắt đầu ở dòng này: {left} dòng từ đây không được nhập vào \
                     bảng này; nhập phụ lục đó riêng, với --lines bắt đầu từ dòng {}",
                    line.number
                ),
            );
            break;
        }
        let next_label = body[index + 1..]
            .iter()
            .find(|l| !repeated(l))
            .and_then(|l| placer.label_index.map(|i| l.text(i)));
        placer.place_line(line, next_label.as_deref());
    }
    Table {
        columns: columns.clone(),
        number_format,
        rows: placer.root,
        totals: placer.totals,
        total_label: placer.total_label,
        problems: placer.problems,
        unit: placer.unit,
    }
}

struct Placer<'a> {
    columns: &'a [Column],
    number_format: NumberFormat,
    label_index: Option<usize>,
    name_index: Option<usize>,
    root: Vec<Node>,
    /// Indexes of the open groups, from the root down.
    path: Vec<usize>,
    totals: Vec<(String, OutCell)>,
    total_label: Option<String>,
    problems: Vec<Problem>,
    unit: Option<crate::model::Unit>,
    last_row_line: Option<usize>,
    /// A one-column list whose items start with "- ": a line without the dash continues the
    /// item above.
    bulleted: bool,
}

impl Placer<'_> {
    fn problem(&mut self, line: usize, severity: Severity, message: String) {
        self.problems.push(Problem {
            line,
            severity,
            message,
        });
    }

    fn children(&mut self) -> &mut Vec<Node> {
        let mut nodes = &mut self.root;
        for &i in &self.path {
            nodes = match &mut nodes[i] {
                Node::Group { rows, .. } => rows,
                Node::Row(_) => unreachable!("the path only holds groups"),
            };
        }
        nodes
    }

    fn open_kinds(&self) -> Vec<Option<LabelKind>> {
        let mut kinds = Vec::new();
        let mut nodes = &self.root;
        for &i in &self.path {
            if let Node::Group { rows, kind, .. } = &nodes[i] {
                kinds.push(*kind);
                nodes = rows;
            }
        }
        kinds
    }

    fn open_labels(&self) -> Vec<String> {
        let mut labels = Vec::new();
        let mut nodes = &self.root;
        for &i in &self.path {
            if let Node::Group { rows, label, .. } = &nodes[i] {
                labels.push(label.clone());
                nodes = rows;
            }
        }
        labels
    }

    /// Closes open groups of the same kind as `label` (and everything under them), unless the
    /// numbering goes back right under an empty heading ("I" just after "II"): then the new
    /// group is placed inside, and reported.
    ///
    /// Returns true when it placed the group inside: such a group numbers the level below, so it
    /// counts as "1" for the groups that follow it ("I" then "2" under "II").
    fn close_to(&mut self, line: usize, label: &str, kind: Option<LabelKind>, group: bool) -> bool {
        if kind.is_none() {
            return false;
        }
        if let Some(at) = self.open_kinds().iter().position(|k| *k == kind) {
            let open = self.open_labels()[at].clone();
            let goes_back = matches!(
                (labels::value(label), labels::value(&open)),
                (Some(new), Some(old)) if new <= old
            );
            if group && goes_back && at + 1 == self.path.len() && self.children().is_empty() {
                self.problem(
                    line,
                    Severity::Check,
                    format!("nhóm \"{label}\" đứng sau nhóm \"{open}\" nhưng số không tăng: đã xếp vào trong nhóm \"{open}\" — kiểm tra số thứ tự"),
                );
                return true;
            }
            self.path.truncate(at);
        }
        false
    }

    fn cell(&mut self, line: usize, index: usize, raw: &RawCell) -> OutCell {
        let role = self.columns[index].role;
        let text = match raw {
            RawCell::Text(text) => text.clone(),
            RawCell::Number(value) => number_text(*value, role, self.number_format),
        };
        let mut value = None;
        if role == ColumnRole::Amount
            && let Err(error) = parse_amount(&text, self.number_format)
        {
            let other = match self.number_format {
                NumberFormat::Vi => NumberFormat::Us,
                NumberFormat::Us => NumberFormat::Vi,
            };
            match parse_amount(&text, other) {
                Ok(Some(read)) => {
                    value = Some(read.normalize().to_string());
                    self.problem(
                        line,
                        Severity::Check,
                        format!(
                            "cột `{}`: \"{text}\" viết theo cách khác với bảng; đã ghi kèm \
                                 giá trị {value} — kiểm tra con số",
                            self.columns[index].key,
                            value = read.normalize()
                        ),
                    );
                }
                _ => self.problem(
                    line,
                    Severity::Check,
                    format!(
                        "cột `{}`: không đọc được số \"{}\" ({}); ô được giữ nguyên văn — \
                             ghi `{{ text: \"…\", value: \"…\" }}` nếu cần",
                        self.columns[index].key, error.token, error.reason
                    ),
                ),
            }
        }
        OutCell { text, value }
    }

    fn place_line(&mut self, line: &Line, next_label: Option<&str>) {
        let width = self.columns.len();
        let mut cells = line.cells.clone();
        // A label glued to the next cell ("II   Thuê dịch vụ CNTT") in a short row.
        if self.label_index == Some(0)
            && cells.len() < width
            && let Some(RawCell::Text(first)) = cells.first().cloned()
            && let Some((label, rest)) = labels::split_glued(&first)
            && !is_total(&first)
        {
            cells[0] = RawCell::Text(label.to_string());
            cells.insert(1, RawCell::Text(rest.to_string()));
        }
        // A unit line inside the table ("Đơn vị tính: triệu đồng") is not a row.
        let first_folded = fold(&line.first_text());
        if line.filled() == 1
            && (first_folded.starts_with("don vi tinh") || first_folded.starts_with("dvt"))
        {
            if self.unit.is_none() {
                self.unit = super::heading::unit_in(&line.first_text());
            }
            self.problem(
                line.number,
                Severity::Check,
                format!(
                    "dòng đơn vị tính giữa bảng (\"{}\") được bỏ qua — kiểm tra `unit` của phụ lục",
                    line.first_text()
                ),
            );
            return;
        }
        // A list item broken over two lines.
        if self.bulleted
            && !line.first_text().starts_with("- ")
            && let Some(row_line) = self.last_row_line
        {
            self.continue_row(line);
            self.problem(
                line.number,
                Severity::Check,
                format!("dòng không có gạch đầu dòng: đã nối vào mục ở dòng {row_line}"),
            );
            return;
        }
        // A one-column list pasted from a document: the bullet is the list's, not the text's.
        if width == 1
            && let Some(RawCell::Text(text)) = cells.first_mut()
            && let Some(rest) = text.strip_prefix("- ").or_else(|| text.strip_prefix("+ "))
        {
            *text = rest.to_string();
        }
        let mut emphasis = line.emphasis.clone();
        if cells.len() > line.cells.len() {
            emphasis.insert(
                1.min(emphasis.len()),
                emphasis.first().copied().unwrap_or(false),
            );
        }
        let glued = cells.len() > line.cells.len();
        let line = Line {
            number: line.number,
            cells,
            bold: line.bold,
            emphasis,
            width: line.width + usize::from(glued),
        };
        if line.cells.len() > width {
            self.problem(
                line.number,
                Severity::Unplaced,
                format!(
                    "có {} ô nhưng bảng có {width} cột; không biết ô nào thừa, dòng bị bỏ qua — \
                     thêm hàng này vào tệp YAML bằng tay",
                    line.cells.len()
                ),
            );
            return;
        }
        let first = line.first_text();
        if is_total(&first) {
            self.total_label = Some(first.clone());
            self.totals = self.amounts(&line);
            self.path.clear();
            return;
        }
        let label = self.label_index.map(|i| line.text(i)).unwrap_or_default();
        let kind = labels::kind(&label);
        // A line without a label that carries only a cell or two continues the row above.
        if label.is_empty()
            && line.filled() <= 2
            && self.label_index.is_some()
            && let Some(row_line) = self.last_row_line
        {
            self.continue_row(&line);
            self.problem(
                line.number,
                Severity::Check,
                format!(
                    "không có số thứ tự: đã nối vào hàng ở dòng {row_line} (hàng bị tách dòng)"
                ),
            );
            return;
        }
        let is_group = match kind {
            Some(LabelKind::Roman | LabelKind::Letter) => true,
            Some(LabelKind::Arabic(_)) => {
                line.bold
                    || next_label.is_some_and(|next| labels::is_child(&label, next))
                    || self.heading_only(&line)
            }
            None => line.bold && !label.is_empty(),
        };
        if line.width.max(line.cells.len()) < width && !is_group {
            self.problem(
                line.number,
                Severity::Check,
                format!(
                    "chỉ có {} ô cho {width} cột; các ô được xếp từ trái sang — kiểm tra xem \
                     có thiếu ô ở giữa không",
                    line.cells.len()
                ),
            );
        }
        if is_group {
            let nested = self.close_to(line.number, &label, kind, true);
            let kind = if nested {
                Some(LabelKind::Arabic(1))
            } else {
                kind
            };
            let title = self.name_index.map(|i| line.text(i)).unwrap_or_default();
            let totals = self.amounts(&line);
            let mut other = Vec::new();
            for (index, raw) in line.cells.iter().enumerate() {
                let role = self.columns[index].role;
                if raw.is_empty()
                    || Some(index) == self.label_index
                    || Some(index) == self.name_index
                    || role == ColumnRole::Amount
                {
                    continue;
                }
                let cell = self.cell(line.number, index, raw);
                other.push((self.columns[index].key.clone(), cell));
            }
            let children = self.children();
            children.push(Node::Group {
                label,
                title,
                totals,
                cells: other,
                rows: Vec::new(),
                kind,
            });
            let at = children.len() - 1;
            self.path.push(at);
            self.last_row_line = None;
        } else {
            self.close_to(line.number, &label, kind, false);
            let mut row = Vec::new();
            for (index, raw) in line.cells.iter().enumerate() {
                if raw.is_empty() {
                    continue;
                }
                let cell = self.cell(line.number, index, raw);
                row.push((self.columns[index].key.clone(), cell));
            }
            self.children().push(Node::Row(row));
            self.last_row_line = Some(line.number);
        }
    }

    /// A line with only a label, an emphasised name and amounts: a (possibly empty) group.
    fn heading_only(&self, line: &Line) -> bool {
        let Some(name) = self.name_index else {
            return false;
        };
        line.emphasis.get(name).copied().unwrap_or(false)
            && line.cells.iter().enumerate().all(|(i, c)| {
                c.is_empty()
                    || Some(i) == self.label_index
                    || i == name
                    || self.columns[i].role == ColumnRole::Amount
            })
    }

    fn amounts(&mut self, line: &Line) -> Vec<(String, OutCell)> {
        let mut totals = Vec::new();
        for (index, raw) in line.cells.iter().enumerate() {
            if self.columns[index].role == ColumnRole::Amount && !raw.is_empty() {
                let cell = self.cell(line.number, index, raw);
                totals.push((self.columns[index].key.clone(), cell));
            }
        }
        totals
    }

    fn continue_row(&mut self, line: &Line) {
        let columns = self.columns;
        let mut pieces = Vec::new();
        for (index, raw) in line.cells.iter().enumerate() {
            if !raw.is_empty() {
                pieces.push((columns[index].key.clone(), raw.plain()));
            }
        }
        if let Some(Node::Row(row)) = self.children().last_mut() {
            for (key, text) in pieces {
                match row.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, cell)) => {
                        cell.text.push(' ');
                        cell.text.push_str(&text);
                    }
                    None => {
                        let at = columns
                            .iter()
                            .position(|c| c.key == key)
                            .unwrap_or(columns.len());
                        let before = row
                            .iter()
                            .position(|(k, _)| {
                                columns.iter().position(|c| c.key == *k).unwrap_or(0) > at
                            })
                            .unwrap_or(row.len());
                        row.insert(before, (key, OutCell { text, value: None }));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::read_tsv;

    /// The lines of tab-separated `text` placed with the options guessed from its header.
    fn placed(text: &str) -> Table {
        place(&read_tsv(text), &TableOptions::default())
    }

    fn cell(text: &str) -> OutCell {
        OutCell {
            text: text.to_string(),
            value: None,
        }
    }

    /// A row of `(column key, text)` pairs.
    fn row(cells: &[(&str, &str)]) -> Node {
        Node::Row(
            cells
                .iter()
                .map(|&(key, text)| (key.to_string(), cell(text)))
                .collect(),
        )
    }

    /// A group with its stated amount and no other cells.
    fn group(label: &str, title: &str, amount: &str, kind: LabelKind, rows: Vec<Node>) -> Node {
        Node::Group {
            label: label.to_string(),
            title: title.to_string(),
            totals: vec![("amount".to_string(), cell(amount))],
            cells: Vec::new(),
            rows,
            kind: Some(kind),
        }
    }

    /// The (line, severity) of each problem.
    fn where_(table: &Table) -> Vec<(usize, Severity)> {
        table
            .problems
            .iter()
            .map(|p| (p.line, p.severity))
            .collect()
    }

    #[test]
    fn roman_lines_open_groups_numbered_lines_are_their_rows_and_the_total_closes_them() {
        let table = placed(
            "STT\tTên dự án\tĐơn vị chủ trì\tKinh phí\n\
             I\tHạ tầng\t\t300\n\
             1\tMạng\tSở TTTT\t100\n\
             2\tMáy chủ\tSở TTTT\t200\n\
             II\tỨng dụng\t\t50\n\
             1\tCổng\tVăn phòng\t50\n\
             \tTổng cộng\t\t350\n",
        );
        let keys: Vec<&str> = table.columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["stt", "name", "agency", "amount"]);
        assert_eq!(
            table.rows,
            [
                group(
                    "I",
                    "Hạ tầng",
                    "300",
                    LabelKind::Roman,
                    vec![
                        row(&[
                            ("stt", "1"),
                            ("name", "Mạng"),
                            ("agency", "Sở TTTT"),
                            ("amount", "100")
                        ]),
                        row(&[
                            ("stt", "2"),
                            ("name", "Máy chủ"),
                            ("agency", "Sở TTTT"),
                            ("amount", "200")
                        ]),
                    ],
                ),
                group(
                    "II",
                    "Ứng dụng",
                    "50",
                    LabelKind::Roman,
                    vec![row(&[
                        ("stt", "1"),
                        ("name", "Cổng"),
                        ("agency", "Văn phòng"),
                        ("amount", "50")
                    ])],
                ),
            ]
        );
        assert_eq!(table.total_label.as_deref(), Some("Tổng cộng"));
        assert_eq!(table.totals, [("amount".to_string(), cell("350"))]);
        assert_eq!(table.number_format, NumberFormat::Vi);
        assert!(table.problems.is_empty(), "{:?}", table.problems);
    }

    #[test]
    fn a_number_followed_by_its_sub_numbers_is_a_group_and_the_next_number_closes_it() {
        let table = placed(
            "STT\tNội dung\tKinh phí\n\
             1\tChuyển đổi số\t30\n\
             1.1\tĐào tạo\t10\n\
             1.2\tThiết bị\t20\n\
             2\tGiám sát\t5\n",
        );
        assert_eq!(
            table.rows,
            [
                group(
                    "1",
                    "Chuyển đổi số",
                    "30",
                    LabelKind::Arabic(1),
                    vec![
                        row(&[("stt", "1.1"), ("name", "Đào tạo"), ("amount", "10")]),
                        row(&[("stt", "1.2"), ("name", "Thiết bị"), ("amount", "20")]),
                    ],
                ),
                row(&[("stt", "2"), ("name", "Giám sát"), ("amount", "5")]),
            ]
        );
        assert!(table.totals.is_empty() && table.total_label.is_none());
        assert!(table.problems.is_empty(), "{:?}", table.problems);
    }

    #[test]
    fn a_bold_numbered_line_is_a_group_and_a_header_repeated_on_a_new_page_is_skipped() {
        let table = placed(
            "STT\tNội dung\tKinh phí\n\
             <b>1</b>\t<b>Hạ tầng</b>\t<b>8</b>\n\
             a\tMạng\t7\n\
             STT\tNội dung\tKinh phí\n\
             b\tCổng\t1\n\
             2\tGiám sát\t5\n",
        );
        assert_eq!(
            table.rows,
            [
                group(
                    "1",
                    "Hạ tầng",
                    "8",
                    LabelKind::Arabic(1),
                    vec![
                        row(&[("stt", "a"), ("name", "Mạng"), ("amount", "7")]),
                        row(&[("stt", "b"), ("name", "Cổng"), ("amount", "1")]),
                    ],
                ),
                row(&[("stt", "2"), ("name", "Giám sát"), ("amount", "5")]),
            ],
            "\"2\", not in bold, is a row and closes group 1"
        );
        assert!(table.problems.is_empty(), "{:?}", table.problems);
    }

    #[test]
    fn a_line_without_a_label_continues_the_row_above_and_says_so() {
        let table = placed(
            "STT\tTên dự án\tKinh phí\n\
             1\tXây dựng kho dữ liệu\t100\n\
             \tdùng chung của tỉnh\n\
             2\tCổng\t50\n",
        );
        assert_eq!(
            table.rows,
            [
                row(&[
                    ("stt", "1"),
                    ("name", "Xây dựng kho dữ liệu dùng chung của tỉnh"),
                    ("amount", "100")
                ]),
                row(&[("stt", "2"), ("name", "Cổng"), ("amount", "50")]),
            ]
        );
        assert_eq!(where_(&table), [(3, Severity::Check)]);
        assert_eq!(
            table.problems[0].message,
            "không có số thứ tự: đã nối vào hàng ở dòng 2 (hàng bị tách dòng)"
        );
    }

    #[test]
    fn lines_it_cannot_place_are_reported_with_their_numbers() {
        let table = place(
            &read_tsv(
                "STT\tTên dự án\tKinh phí\n\
                 1\tMạng\t10\n\
                 2\tMáy chủ\t20\t99\n\
                 Đơn vị tính: triệu đồng\n\
                 3\tCổng\n\
                 4\tKho\t1,234.5\n\
                 Phụ lục II\n\
                 1\tKhác\t5\n",
            ),
            &TableOptions {
                number_format: Some(NumberFormat::Vi),
                ..TableOptions::default()
            },
        );
        assert_eq!(
            table.rows,
            [
                row(&[("stt", "1"), ("name", "Mạng"), ("amount", "10")]),
                row(&[("stt", "3"), ("name", "Cổng")]),
                Node::Row(vec![
                    ("stt".to_string(), cell("4")),
                    ("name".to_string(), cell("Kho")),
                    (
                        "amount".to_string(),
                        OutCell {
                            text: "1,234.5".to_string(),
                            value: Some("1234.5".to_string()),
                        }
                    ),
                ]),
            ],
            "line 3 (a cell too many) and what follows the next appendix are left out"
        );
        assert_eq!(table.unit, Some(crate::model::Unit::TrieuDong));
        assert_eq!(
            where_(&table),
            [
                (3, Severity::Unplaced),
                (4, Severity::Check),
                (5, Severity::Check),
                (6, Severity::Check),
                (7, Severity::Unplaced),
            ]
        );
        let messages: Vec<&str> = table.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "có 4 ô nhưng bảng có 3 cột; không biết ô nào thừa, dòng bị bỏ qua — thêm hàng \
                 này vào tệp YAML bằng tay",
                "dòng đơn vị tính giữa bảng (\"Đơn vị tính: triệu đồng\") được bỏ qua — kiểm tra \
                 `unit` của phụ lục",
                "chỉ có 2 ô cho 3 cột; các ô được xếp từ trái sang — kiểm tra xem có thiếu ô ở \
                 giữa không",
                "cột `amount`: \"1,234.5\" viết theo cách khác với bảng; đã ghi kèm giá trị \
                 1234.5 — kiểm tra con số",
                "phụ lục II bắt đầu ở dòng này: 2 dòng từ đây không được nhập vào bảng này; nhập \
                 phụ lục đó riêng, với --lines bắt đầu từ dòng 7",
            ]
        );
    }
}
