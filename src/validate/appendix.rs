//! Checks of an appendix: columns, cells, amounts, agencies, and stated totals against
//! the sums of their rows. Builds the appendix's display rows.

use super::{AgencyLookup, check_id, place_of, unknown_reference};
use crate::amount::{parse_amount, parse_plain};
use crate::diagnostics::{Diagnostic, Diagnostics, Place, did_you_mean};
use crate::model::{AppendixSource, Cell, ColumnRole, GroupSource, RowNode, Spanned};
use crate::site::{
    Appendix, Column, RowKind, RowStatus, Site, TableCell, TableRow, TotalCheck, TotalMismatch,
    UNKNOWN_ROW_STATUS,
};
use crate::vietnamese::format_number;
use crate::vietnamese::slugify;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Everything the row walk needs to read cells.
struct Context<'a> {
    file: &'a Path,
    source: &'a AppendixSource,
    province: &'a str,
    site: &'a Site,
    lookup: &'a AgencyLookup,
    rows: Vec<TableRow>,
    row_count: usize,
    group_count: usize,
    /// The keys of the groups the walk is in ([`group_key`]), outermost first.
    group_keys: Vec<String>,
    /// The anchors of the groups the walk is in, outermost first.
    group_anchors: Vec<String>,
    /// The anchors given so far.
    anchors: crate::markdown::Anchors,
    /// The `continues` of the rows, with their places, for the check against the other
    /// documents.
    links: Vec<(Place, String, String)>,
    /// The place of each data row.
    row_places: Vec<Place>,
}

/// The standard status of `row` from its printed status text: the first status of
/// `row-statuses.yaml` with a phrase the text contains; a text none matches is a warning at
/// its cell, and [`UNKNOWN_ROW_STATUS`]. No status where the row prints none, or where the
/// content has no `row-statuses.yaml`.
fn standard_status(
    context: &Context,
    row: &crate::model::RowSource,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let statuses = &context.site.row_statuses;
    if statuses.is_empty() {
        return None;
    }
    let column = context
        .source
        .columns
        .iter()
        .find(|c| c.role == ColumnRole::Status)?;
    let cell = row.cells.get(&column.key.value)?;
    let folded = RowStatus::fold(&cell.value.text);
    if folded.is_empty() || folded == "-" {
        return None;
    }
    let found = statuses
        .iter()
        .find(|status| status.phrases.iter().any(|p| folded.contains(p.as_str())));
    match found {
        Some(status) => Some(status.id.clone()),
        None => {
            diagnostics.push(
                Diagnostic::warning(
                    place_of(context.file, cell),
                    format!(
                        "tình trạng “{}” không khớp tình trạng chuẩn nào của row-statuses.yaml; \
                         dòng được xếp “Không rõ”",
                        cell.value.text.trim()
                    ),
                )
                .with_help(
                    "thêm một cụm từ của lời ghi này vào match của tình trạng phù hợp trong \
                     content/row-statuses.yaml",
                ),
            );
            Some(UNKNOWN_ROW_STATUS.to_string())
        }
    }
}

/// The stated totals of `rows` that differ from the sums of their rows.
fn mismatches(source: &AppendixSource, rows: &[TableRow]) -> Vec<TotalMismatch> {
    let mut found = Vec::new();
    for row in rows.iter().filter(|r| !r.checks.is_empty()) {
        let group = match (row.kind, row.label.as_deref(), row.title.as_deref()) {
            (RowKind::Total, _, title) => title.unwrap_or("Tổng cộng").to_string(),
            (_, Some(label), Some(title)) if !label.is_empty() => format!("{label}. {title}"),
            (_, _, Some(title)) => title.to_string(),
            (_, label, None) => label.unwrap_or_default().to_string(),
        };
        let group = if group.trim().is_empty() {
            "(nhóm không in tên)".to_string()
        } else {
            group
        };
        for check in &row.checks {
            let (Some(stated), Some(difference)) = (check.stated, check.difference) else {
                continue;
            };
            let column = source
                .columns
                .iter()
                .find(|c| c.key.value == check.column)
                .map_or(check.column.clone(), |c| c.title.clone());
            found.push(TotalMismatch {
                anchor: row.anchor.clone(),
                group: group.clone(),
                column,
                stated_text: check.stated_text.clone(),
                stated,
                computed: check.computed,
                difference,
            });
        }
    }
    found
}

/// The longest group title, in characters of its slug, that a group's key keeps.
const GROUP_KEY_CHARS: usize = 24;

/// What names a group in the anchors of its rows: its label as printed ("II" → `ii`), else
/// the start of its title, else its position.
fn group_key(group: &GroupSource, position: usize) -> String {
    let label = slugify(&group.label);
    if !label.is_empty() {
        return label;
    }
    let title: String = slugify(&group.title)
        .chars()
        .take(GROUP_KEY_CHARS)
        .collect();
    let title = title.trim_end_matches('-');
    if title.is_empty() {
        format!("nhom-{position}")
    } else {
        title.to_string()
    }
}

/// An anchor that stays when rows are added or removed elsewhere: `prefix`, the keys of the
/// groups it is in, and `own` (a row's printed label, a group's key), as in `r-ii-2-21` for
/// row 2.21 of group II; where the row has no label, its position (`r-ii-so-7`). Made unique
/// with `-2`, `-3` … when the document prints a label twice.
fn stable_anchor(context: &mut Context, prefix: &str, own: &str, position: usize) -> String {
    let own = slugify(own);
    let own = if own.is_empty() {
        format!("so-{position}")
    } else {
        own
    };
    let parts: Vec<&str> = context
        .group_keys
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(own.as_str()))
        .collect();
    context
        .anchors
        .unique(&format!("{prefix}-{}", parts.join("-")))
}

type Sums = BTreeMap<String, Decimal>;

/// Checks one appendix of a document of `province` and builds its display rows.
#[allow(clippy::too_many_arguments)] // what one appendix is checked against, each needed
pub(super) fn appendix(
    file: &Path,
    source: &AppendixSource,
    province: &str,
    seen: &mut super::SeenIds,
    site: &Site,
    lookup: &AgencyLookup,
    places: &mut super::lineage::RowPlaces,
    diagnostics: &mut Diagnostics,
) -> Appendix {
    check_id(file, &source.id, "phụ lục", seen, diagnostics);
    let mut keys = HashSet::new();
    for column in &source.columns {
        if !keys.insert(column.key.value.clone()) {
            diagnostics.error(
                place_of(file, &column.key),
                format!("cột “{}” bị khai báo hai lần", column.key.value),
                "mỗi cột cần một key riêng",
            );
        }
    }
    for column in &source.columns {
        let Some(whole) = &column.part_of else {
            continue;
        };
        let target = source.columns.iter().find(|c| c.key.value == whole.value);
        let problem = if column.role != ColumnRole::Amount {
            Some(format!(
                "cột “{}” không phải cột kinh phí (role: amount) nên không là phần của cột nào",
                column.key.value
            ))
        } else if whole.value == column.key.value {
            Some(format!(
                "cột “{}” không thể là phần của chính nó",
                column.key.value
            ))
        } else {
            match target {
                None => Some(format!("part_of: không có cột “{}”", whole.value)),
                Some(t) if t.role != ColumnRole::Amount => Some(format!(
                    "part_of: cột “{}” không phải cột kinh phí",
                    whole.value
                )),
                Some(t) if t.part_of.is_some() => Some(format!(
                    "part_of: cột “{}” cũng là phần của một cột khác",
                    whole.value
                )),
                Some(_) => None,
            }
        };
        if let Some(problem) = problem {
            diagnostics.error(
                place_of(file, whole),
                problem,
                "part_of ghi key của cột tổng (role: amount) mà cột này là một phần, ví dụ năm hoặc nguồn vốn của cột tổng",
            );
        }
    }
    let has_amounts = source.columns.iter().any(|c| c.role == ColumnRole::Amount);
    if has_amounts && source.unit.is_none() {
        diagnostics.error(
            Place::file(file),
            "phụ lục có cột số tiền nhưng thiếu đơn vị tính (unit)",
            "thêm unit: trieu-dong (hoặc dong, nghin-dong, ty-dong) theo dòng “Đơn vị tính” của văn bản",
        );
    }
    let mut context = Context {
        file,
        source,
        province,
        site,
        lookup,
        rows: Vec::new(),
        row_count: 0,
        group_count: 0,
        group_keys: Vec::new(),
        group_anchors: Vec::new(),
        anchors: crate::markdown::Anchors::default(),
        links: Vec::new(),
        row_places: Vec::new(),
    };
    let sums = walk(&mut context, &source.rows, 0, &[], diagnostics);
    if !source.totals.is_empty() {
        let checks = check_totals(&context, &source.totals, &sums, "tổng cộng", diagnostics);
        let cells = cells_for_group(
            &context,
            None,
            source.total_label.as_deref().or(Some("Tổng cộng")),
            &source.totals,
            &BTreeMap::new(),
        );
        context.rows.push(TableRow {
            kind: RowKind::Total,
            anchor: "tong".to_string(),
            depth: 0,
            group_path: Vec::new(),
            group: None,
            label: None,
            title: Some(
                source
                    .total_label
                    .clone()
                    .unwrap_or_else(|| "Tổng cộng".to_string()),
            ),
            cells,
            agencies: Vec::new(),
            checks,
            status: None,
            continues: None,
        });
    }
    places.links.append(&mut context.links);
    if has_amounts {
        places.mentions.append(&mut context.row_places);
    }
    if let Some(period) = &source.period {
        super::check_period(file, period, diagnostics);
    }
    let mut appendix = Appendix {
        period: source.period.as_ref().map(|p| p.value),
        mismatches: mismatches(source, &context.rows),
        id: source.id.value.clone(),
        number: source.number.clone(),
        title: source.title.clone(),
        caption: source.caption.clone(),
        unit: source.unit.map(|u| u.label().to_string()),
        unit_in_dong: source.unit.map(|u| Decimal::from(u.in_dong())),
        columns: source
            .columns
            .iter()
            .map(|c| Column {
                key: c.key.value.clone(),
                title: c.title.clone(),
                role: c.role,
                part_of: c.part_of.as_ref().and_then(|whole| {
                    source
                        .columns
                        .iter()
                        .position(|w| w.key.value == whole.value)
                }),
            })
            .collect(),
        rows: context.rows,
        row_count: context.row_count,
        group_count: context.group_count,
        stated_total: None,
    };
    let main = appendix.main_amount_column();
    appendix.stated_total = appendix
        .rows
        .iter()
        .rev()
        .find(|row| row.kind == RowKind::Total)
        .and_then(|row| row.cells.get(main?)?.value);
    appendix
}

/// Walks rows and groups in order; returns the sums per amount column, where a group
/// counts with its stated subtotal when it has one.
fn walk(
    context: &mut Context,
    nodes: &[Spanned<RowNode>],
    depth: usize,
    path: &[String],
    diagnostics: &mut Diagnostics,
) -> Sums {
    let mut sums = Sums::new();
    for node in nodes {
        match &node.value {
            RowNode::Row(row) => {
                context.row_count += 1;
                let mut cells = Vec::new();
                for key in row.cells.keys() {
                    check_column_key(context, key, &row.cells[key], diagnostics);
                }
                for column in &context.source.columns {
                    let cell = row.cells.get(&column.key.value);
                    let value = cell.and_then(|c| amount(context, column.role, c, diagnostics));
                    if let Some(value) = value {
                        *sums.entry(column.key.value.clone()).or_default() += value;
                    }
                    cells.push(TableCell {
                        text: cell.map(|c| c.value.text.clone()).unwrap_or_default(),
                        value,
                    });
                }
                let agencies = agencies(context, row, diagnostics);
                let label = context
                    .source
                    .columns
                    .iter()
                    .zip(&cells)
                    .find(|(column, _)| column.role == ColumnRole::Label)
                    .map(|(_, cell)| cell.text.clone())
                    .unwrap_or_default();
                let anchor = stable_anchor(context, "r", &label, context.row_count);
                let status = standard_status(context, row, diagnostics);
                context.row_places.push(place_of(context.file, node));
                if let Some(continues) = &row.continues {
                    context.links.push((
                        place_of(context.file, continues),
                        continues.value.clone(),
                        context.source.id.value.clone(),
                    ));
                }
                context.rows.push(TableRow {
                    kind: RowKind::Row,
                    anchor,
                    depth,
                    group_path: path.to_vec(),
                    group: context.group_anchors.last().cloned(),
                    label: None,
                    title: None,
                    cells,
                    agencies,
                    checks: Vec::new(),
                    status,
                    continues: row.continues.as_ref().map(|c| c.value.trim().to_string()),
                });
            }
            RowNode::Group(group) => {
                context.group_count += 1;
                for key in group.cells.keys().chain(group.totals.keys()) {
                    let cell = group.cells.get(key).or_else(|| group.totals.get(key));
                    if let Some(cell) = cell {
                        check_column_key(context, key, cell, diagnostics);
                    }
                }
                let index = context.rows.len();
                let key = group_key(group, context.group_count);
                let anchor = stable_anchor(context, "g", &key, context.group_count);
                let anchor_of_group = anchor.clone();
                context
                    .rows
                    .push(group_row(context, group, depth, path, anchor));
                let mut child_path = path.to_vec();
                child_path.push(group.label.clone());
                context.group_keys.push(key);
                context.group_anchors.push(anchor_of_group);
                let child_sums = walk(context, &group.rows, depth + 1, &child_path, diagnostics);
                context.group_keys.pop();
                context.group_anchors.pop();
                let what = if group.label.is_empty() && group.title.trim().is_empty() {
                    "nhóm không in tên".to_string()
                } else if group.label.is_empty() {
                    format!("nhóm “{}”", group.title)
                } else {
                    format!("nhóm {}", group.label)
                };
                let checks = check_totals(context, &group.totals, &child_sums, &what, diagnostics);
                for (key, computed) in &child_sums {
                    let stated = checks
                        .iter()
                        .find(|c| &c.column == key)
                        .and_then(|c| c.stated);
                    *sums.entry(key.clone()).or_default() += stated.unwrap_or(*computed);
                }
                for check in &checks {
                    if !child_sums.contains_key(&check.column) {
                        *sums.entry(check.column.clone()).or_default() +=
                            check.stated.unwrap_or_default();
                    }
                }
                context.rows[index].checks = checks;
            }
        }
    }
    sums
}

fn group_row(
    context: &Context,
    group: &GroupSource,
    depth: usize,
    path: &[String],
    anchor: String,
) -> TableRow {
    TableRow {
        kind: RowKind::Group,
        anchor,
        depth,
        group_path: path.to_vec(),
        group: context.group_anchors.last().cloned(),
        label: Some(group.label.clone()),
        title: Some(group.title.clone()),
        cells: cells_for_group(
            context,
            Some(&group.label),
            Some(&group.title),
            &group.totals,
            &group.cells,
        ),
        agencies: Vec::new(),
        checks: Vec::new(),
        status: None,
        continues: None,
    }
}

/// The cells of a group or total line: label, title, stated totals and any other cells.
fn cells_for_group(
    context: &Context,
    label: Option<&str>,
    title: Option<&str>,
    totals: &BTreeMap<String, Spanned<Cell>>,
    cells: &BTreeMap<String, Spanned<Cell>>,
) -> Vec<TableCell> {
    let mut placed_title = false;
    context
        .source
        .columns
        .iter()
        .map(|column| {
            let key = &column.key.value;
            let text = if let Some(cell) = totals.get(key).or_else(|| cells.get(key)) {
                cell.value.text.clone()
            } else if column.role == ColumnRole::Label {
                label.unwrap_or_default().to_string()
            } else if !placed_title
                && matches!(
                    column.role,
                    ColumnRole::Name | ColumnRole::Document | ColumnRole::Text
                )
            {
                placed_title = true;
                title.unwrap_or_default().to_string()
            } else {
                String::new()
            };
            let value = totals
                .get(key)
                .and_then(|c| read_cell_value(context, c).ok().flatten());
            TableCell { text, value }
        })
        .collect()
}

fn check_column_key(
    context: &Context,
    key: &str,
    cell: &Spanned<Cell>,
    diagnostics: &mut Diagnostics,
) {
    let columns = &context.source.columns;
    if columns.iter().any(|c| c.key.value == key) {
        return;
    }
    let keys: Vec<&str> = columns.iter().map(|c| c.key.value.as_str()).collect();
    let help = match did_you_mean(key, keys.iter().copied()) {
        Some(best) => format!("có phải cột `{best}`?"),
        None => format!("các cột của phụ lục: {}", keys.join(", ")),
    };
    diagnostics.error(
        place_of(context.file, cell),
        format!("ô thuộc cột “{key}” không có trong danh sách columns"),
        help,
    );
}

/// Reads the figure of a cell: its explicit value, or the number its text begins with.
fn read_cell_value(context: &Context, cell: &Spanned<Cell>) -> Result<Option<Decimal>, String> {
    match &cell.value.value {
        Some(explicit) => parse_plain(explicit)
            .map(Some)
            .ok_or_else(|| format!("giá trị “{explicit}” không phải số thập phân dạng 1234.5")),
        None => parse_amount(&cell.value.text, context.source.number_format)
            .map_err(|e| format!("số tiền “{}” không đọc được: {}", e.token, e.reason)),
    }
}

fn amount(
    context: &Context,
    role: ColumnRole,
    cell: &Spanned<Cell>,
    diagnostics: &mut Diagnostics,
) -> Option<Decimal> {
    if role != ColumnRole::Amount {
        return None;
    }
    match read_cell_value(context, cell) {
        Ok(value) => value,
        Err(message) => {
            diagnostics.error(
                place_of(context.file, cell),
                message,
                "sửa lại số theo định dạng của phụ lục (number_format), hoặc viết { text: \"…\", value: \"1234.5\" }",
            );
            None
        }
    }
}

fn check_totals(
    context: &Context,
    totals: &BTreeMap<String, Spanned<Cell>>,
    sums: &Sums,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<TotalCheck> {
    let mut checks = Vec::new();
    for (key, cell) in totals {
        let column = context.source.columns.iter().find(|c| &c.key.value == key);
        match column {
            None => {
                check_column_key(context, key, cell, diagnostics);
                continue;
            }
            Some(column) if column.role != ColumnRole::Amount => {
                diagnostics.error(
                    place_of(context.file, cell),
                    format!("tổng của cột “{key}” nhưng cột này không phải cột số tiền"),
                    "chỉ ghi totals cho các cột role: amount",
                );
                continue;
            }
            Some(_) => {}
        }
        let stated = match read_cell_value(context, cell) {
            Ok(value) => value,
            Err(message) => {
                diagnostics.error(
                    place_of(context.file, cell),
                    message,
                    "sửa lại số tổng như văn bản in",
                );
                None
            }
        };
        let computed = sums.get(key).copied().unwrap_or_default();
        let difference = stated.filter(|s| *s != computed).map(|s| s - computed);
        if let (Some(stated), Some(difference)) = (stated, difference) {
            let unit = context.source.unit.map(|u| u.label()).unwrap_or("");
            diagnostics.push(Diagnostic::warning(
                place_of(context.file, cell),
                format!(
                    "{what}, cột “{key}”: văn bản ghi {} {unit} nhưng tổng các dòng là {} {unit} (chênh lệch {}); giữ nguyên số của văn bản",
                    format_number(stated),
                    format_number(computed),
                    format_number(difference),
                ),
            ));
        }
        checks.push(TotalCheck {
            column: key.clone(),
            stated_text: cell.value.text.clone(),
            stated,
            computed,
            difference,
        });
    }
    checks
}

fn agencies(
    context: &Context,
    row: &crate::model::RowSource,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    if !row.agencies.is_empty() {
        let mut ids = Vec::new();
        for id in &row.agencies {
            if context.site.agency(&id.value).is_some() {
                ids.push(id.value.clone());
            } else {
                unknown_reference(
                    place_of(context.file, id),
                    "cơ quan",
                    &id.value,
                    context.site.agencies.iter().map(|a| a.id.as_str()),
                    diagnostics,
                );
            }
        }
        return ids;
    }
    let mut ids = Vec::new();
    for column in context
        .source
        .columns
        .iter()
        .filter(|c| c.role == ColumnRole::Agency)
    {
        let Some(cell) = row.cells.get(&column.key.value) else {
            continue;
        };
        let text = cell.value.text.trim();
        if text.is_empty() || text == "-" {
            continue;
        }
        match context.lookup.find(context.province, text) {
            Some(id) => ids.push(id.to_string()),
            None => diagnostics.push(
                Diagnostic::warning(
                    place_of(context.file, cell),
                    format!("không nhận ra cơ quan “{text}”"),
                )
                .with_help("thêm tên này vào aliases của cơ quan trong content/agencies/, hoặc ghi agencies: [id] cho dòng"),
            ),
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use crate::site::TableRow;

    /// Checks the appendix written as `yaml`: what it became, and every problem found.
    fn checked(yaml: &str) -> (Appendix, Diagnostics) {
        let file = Path::new("phu-luc.yaml");
        let source: AppendixSource = crate::yaml::parse(yaml, file).expect("the YAML parses");
        let (site, _) = super::super::validate(
            &crate::load::SourceContent::default(),
            &super::super::SiteOverrides::default(),
        );
        let lookup = AgencyLookup::new(&site.agencies);
        let mut diagnostics = Diagnostics::default();
        let appendix = appendix(
            file,
            &source,
            "khanh-hoa",
            &mut super::super::SeenIds::new(),
            &site,
            &lookup,
            &mut super::super::lineage::RowPlaces::default(),
            &mut diagnostics,
        );
        (appendix, diagnostics)
    }

    fn decimal(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    /// The messages of `severity`, in the order found.
    fn messages(diagnostics: &Diagnostics, severity: Severity) -> Vec<String> {
        diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.severity == severity)
            .map(|d| d.message)
            .collect()
    }

    /// The line of the group labelled `label` (or of the grand total, for `None`).
    fn line<'a>(appendix: &'a Appendix, label: Option<&str>) -> &'a TableRow {
        appendix
            .rows
            .iter()
            .find(|r| match label {
                Some(label) => r.kind == "group" && r.label.as_deref() == Some(label),
                None => r.kind == "total",
            })
            .expect("the line")
    }

    /// Each check of a line: (column, stated, computed, difference).
    fn checks(row: &TableRow) -> Vec<(&str, Option<Decimal>, Decimal, Option<Decimal>)> {
        row.checks
            .iter()
            .map(|c| (c.column.as_str(), c.stated, c.computed, c.difference))
            .collect()
    }

    const COLUMNS: &str = r#"
id: "ii"
title: "DANH MỤC DỰ ÁN"
unit: trieu-dong
columns:
  - { key: stt, title: "STT", role: label }
  - { key: name, title: "Tên dự án", role: name }
  - { key: qty, title: "Số lượng (bộ)", role: scale }
  - { key: amount, title: "Kinh phí", role: amount }
"#;

    #[test]
    fn a_group_total_is_its_rows_and_a_nested_group_counts_with_its_printed_subtotal() {
        let (appendix, diagnostics) = checked(&format!(
            r#"{COLUMNS}
rows:
  - group: "I"
    title: "Hạ tầng"
    totals: {{ amount: "36" }}
    rows:
      - group: "1"
        title: "Mạng"
        totals: {{ amount: "31" }}
        rows:
          - {{ stt: "1.1", name: "Cáp", qty: "4", amount: "10" }}
          - {{ stt: "1.2", name: "Bộ chuyển mạch", qty: "6", amount: "20" }}
      - {{ stt: "2", name: "Máy chủ", qty: "2", amount: "5" }}
  - group: "II"
    title: "Ứng dụng"
    totals: {{ amount: "7,5" }}
    rows:
      - {{ stt: "1", name: "Cổng", amount: "2,5" }}
      - {{ stt: "2", name: "Kho dữ liệu", amount: "5" }}
totals: {{ amount: "43,5" }}
"#
        ));
        assert_eq!(
            messages(&diagnostics, Severity::Error),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(&diagnostics, Severity::Warning),
            [
                "nhóm 1, cột “amount”: văn bản ghi 31 triệu đồng nhưng tổng các dòng là 30 triệu \
              đồng (chênh lệch 1); giữ nguyên số của văn bản"
            ],
            "only the nested group's printed subtotal is off"
        );
        assert_eq!(
            checks(line(&appendix, Some("1"))),
            [(
                "amount",
                Some(decimal("31")),
                decimal("30"),
                Some(decimal("1"))
            )]
        );
        assert_eq!(
            checks(line(&appendix, Some("I"))),
            [("amount", Some(decimal("36")), decimal("36"), None)],
            "group I adds the printed 31 of group 1, not its rows' 30, and the row 5"
        );
        assert_eq!(
            checks(line(&appendix, Some("II"))),
            [("amount", Some(decimal("7.5")), decimal("7.5"), None)]
        );
        assert_eq!(
            checks(line(&appendix, None)),
            [("amount", Some(decimal("43.5")), decimal("43.5"), None)],
            "the grand total adds the groups' printed totals"
        );
        assert_eq!((appendix.row_count, appendix.group_count), (5, 3));
    }

    #[test]
    fn a_printed_total_that_differs_is_a_warning_and_the_printed_figure_is_kept() {
        let (appendix, diagnostics) = checked(&format!(
            r#"{COLUMNS}
rows:
  - {{ stt: "1", name: "Cổng", amount: "60" }}
  - {{ stt: "2", name: "Kho dữ liệu", amount: "30" }}
totals: {{ amount: "100" }}
total_label: "Cộng"
"#
        ));
        assert_eq!(
            messages(&diagnostics, Severity::Error),
            Vec::<String>::new()
        );
        assert_eq!(
            messages(&diagnostics, Severity::Warning),
            [
                "tổng cộng, cột “amount”: văn bản ghi 100 triệu đồng nhưng tổng các dòng là 90 \
              triệu đồng (chênh lệch 10); giữ nguyên số của văn bản"
            ]
        );
        let total = line(&appendix, None);
        assert_eq!(total.title.as_deref(), Some("Cộng"));
        assert_eq!(
            (total.cells[3].text.as_str(), total.cells[3].value),
            ("100", Some(decimal("100"))),
            "the total line shows the printed figure"
        );
        assert_eq!(appendix.stated_total, Some(decimal("100")));
        let found: Vec<_> = appendix
            .mismatches
            .iter()
            .map(|m| {
                (
                    m.anchor.as_str(),
                    m.group.as_str(),
                    m.column.as_str(),
                    m.stated_text.as_str(),
                    m.stated,
                    m.computed,
                    m.difference,
                )
            })
            .collect();
        assert_eq!(
            found,
            [(
                "tong",
                "Cộng",
                "Kinh phí",
                "100",
                decimal("100"),
                decimal("90"),
                decimal("10")
            )]
        );
    }

    #[test]
    fn a_column_that_is_not_money_is_never_added_and_a_total_of_it_is_an_error() {
        let (appendix, diagnostics) = checked(&format!(
            r#"{COLUMNS}
rows:
  - group: "I"
    title: "Thiết bị"
    totals: {{ amount: "30", qty: "10" }}
    rows:
      - {{ stt: "1", name: "Máy tính", qty: "4", amount: "10" }}
      - {{ stt: "2", name: "Máy in", qty: "6", amount: "20" }}
"#
        ));
        assert_eq!(
            messages(&diagnostics, Severity::Error),
            ["tổng của cột “qty” nhưng cột này không phải cột số tiền"]
        );
        assert_eq!(
            messages(&diagnostics, Severity::Warning),
            Vec::<String>::new()
        );
        assert_eq!(
            checks(line(&appendix, Some("I"))),
            [("amount", Some(decimal("30")), decimal("30"), None)],
            "the pieces are not summed"
        );
        let quantities: Vec<_> = appendix
            .rows
            .iter()
            .filter(|r| r.kind == "row")
            .map(|r| (r.cells[2].text.as_str(), r.cells[2].value))
            .collect();
        assert_eq!(
            quantities,
            [("4", None), ("6", None)],
            "a count has no amount"
        );
    }
}
