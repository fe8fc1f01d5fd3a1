//! The data each page template receives: resolved names, links and formatted figures,
//! so that templates only lay things out.

use super::chart::{Bar, Line, bar_chart};
use super::projects::{Project, ProjectIndex, ProjectList};
use crate::model::{ColumnRole, RelationType};
use crate::site::progress::{self, Status};
use crate::site::{Appendix, Document, RowKind, Site, TableRow, Target};
use crate::urls;
use crate::vietnamese::format_count as count_text;
pub use crate::vietnamese::goal_text;
use crate::vietnamese::{compare, format_number, short_date};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

fn relation_label(kind: RelationType, reverse: bool) -> &'static str {
    match (kind, reverse) {
        (RelationType::Issues, false) => "Ban hành",
        (RelationType::Issues, true) => "Được ban hành kèm theo",
        (RelationType::Implements, false) => "Triển khai thực hiện",
        (RelationType::Implements, true) => "Được triển khai bởi",
        (RelationType::ReportsOn, false) => "Báo cáo về",
        (RelationType::ReportsOn, true) => "Được báo cáo bởi",
        (RelationType::Supersedes, false) => "Thay thế",
        (RelationType::Supersedes, true) => "Bị thay thế bởi",
        (RelationType::BasedOn, false) => "Căn cứ",
        (RelationType::BasedOn, true) => "Là căn cứ của",
    }
}

/// A short reference to a document, as lists and headings show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// Its ID.
    pub id: String,
    /// Its page.
    pub url: String,
    /// Its kind, as a heading prints it.
    pub kind: &'static str,
    /// True when its label holds its date already ([`super::document_title`]), so that a
    /// list does not print the date twice.
    pub label_dated: bool,
    /// How pages name it ([`super::document_title`]).
    pub label: String,
    /// Số ký hiệu.
    pub number: Option<String>,
    /// Its date, `09/10/2020`.
    pub issued: String,
    /// Trích yếu.
    pub title: String,
    /// Its province's name.
    pub province: Option<String>,
    /// Its province's ID.
    pub province_id: String,
    /// Its province's page.
    pub province_url: String,
    /// For a decision in a list: the documents it issues, listed under it
    /// ([`super::portal::grouped_documents`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<DocumentSummary>,
}

/// A short reference to a document: kind, number, date, title, link.
pub fn document_summary(site: &Site, document: &Document) -> DocumentSummary {
    let label = super::document_title(site, document);
    let issued = document.issued.short();
    DocumentSummary {
        id: document.id.clone(),
        url: urls::document(&document.id),
        kind: document.kind.label(),
        // A document without a number of its own is called by its date already.
        label_dated: label.contains(&issued),
        label,
        number: document.number.clone(),
        issued,
        title: document.title.clone(),
        province: site.province(&document.province).map(|p| p.name.clone()),
        province_id: document.province.clone(),
        province_url: urls::province(&document.province),
        issues: Vec::new(),
    }
}

fn agency_name(site: &Site, id: &str) -> String {
    site.agency(id)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Something with a page of its own, named: an agency, a province, an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
}

/// An agency named by a row, with its page.
fn agency_link(site: &Site, id: &str) -> Link {
    Link {
        id: id.to_string(),
        name: agency_name(site, id),
        url: urls::agency(id),
    }
}

/// A title short enough for a page's `<title>`: at most 80 characters, cut at a word.
pub fn short_title(text: &str) -> String {
    const MOST: usize = 80;
    if text.chars().count() <= MOST {
        return text.to_string();
    }
    let cut: String = text.chars().take(MOST).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

/// A relation of a document to another, in either direction.
#[derive(Debug, Clone, Serialize)]
pub struct RelationView {
    /// How the other document relates ("Căn cứ", "Được triển khai bởi" …).
    pub label: &'static str,
    /// The other document's ID, when it is on the portal.
    pub id: Option<String>,
    /// Its page, when it is on the portal.
    pub url: Option<String>,
    /// Số ký hiệu.
    pub number: Option<String>,
    /// Its date, `09/10/2020`.
    pub issued: Option<String>,
    /// Trích yếu.
    pub title: Option<String>,
    /// Its issuer as written, for a document not on the portal.
    pub issuer: Option<String>,
    /// Its kind, when it is on the portal.
    pub kind: Option<&'static str>,
}

/// A file published beside a document's page.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    /// Its address.
    pub url: String,
    /// Its file name.
    pub name: String,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// Its format ("PDF").
    pub format: &'static str,
    /// Its media type.
    pub media_type: &'static str,
    /// Its size, `1,2 MB`.
    pub size: String,
}

/// Everything the document page (and the page of its files) shows.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentPage {
    /// The document.
    pub document: DocumentSummary,
    /// Where it was signed.
    pub place: Option<String>,
    /// Its date, `ngày 09 tháng 10 năm 2020`.
    pub issued_long: String,
    /// Its issuer's name.
    pub issuer: String,
    /// Its issuer's ID.
    pub issuer_id: String,
    /// Its issuer's page.
    pub issuer_url: String,
    /// The years it covers.
    pub period: Option<String>,
    /// Its summary.
    pub summary: Option<String>,
    /// Its signer.
    pub signer: Option<crate::model::Signer>,
    /// The signature block's lines, as the document prints them one under the other.
    pub signer_lines: Option<Vec<String>>,
    /// Nơi nhận.
    pub recipients: Vec<String>,
    /// What a report changed ("Có gì mới").
    pub changes: Option<super::project_pages::ChangesView>,
    /// The relations but the documents it is based on.
    pub relations: Vec<RelationView>,
    /// The documents it is based on ("Căn cứ").
    pub basis: Vec<RelationView>,
    /// Its sections, abbreviations marked ([`super::glossary::mark_sections`]).
    pub sections: Vec<crate::site::Section>,
    /// Its targets.
    pub targets: Vec<TargetView>,
    /// Its measurements.
    pub measurements: Vec<MeasurementView>,
    /// Its appendices.
    pub appendices: Vec<AppendixSummary>,
    /// Its files.
    pub attachments: Vec<AttachmentView>,
    /// Its open data file.
    pub json_url: String,
    /// Its update date and its original ([`super::portal::document_extras`]).
    pub extras: super::portal::DocumentExtras,
}

/// Everything the document page shows.
pub fn document_page(site: &Site, document: &Document) -> DocumentPage {
    let mut relations: Vec<RelationView> = document
        .relations
        .iter()
        .map(|r| {
            let internal = r.document.as_deref().and_then(|id| site.document(id));
            RelationView {
                label: relation_label(r.kind, false),
                id: internal.map(|d| d.id.clone()),
                url: internal.map(|d| urls::document(&d.id)),
                number: internal
                    .and_then(|d| d.number.clone())
                    .or_else(|| r.number.clone()),
                issued: internal
                    .map(|d| d.issued.short())
                    .or_else(|| r.issued.as_deref().map(short_date)),
                title: internal
                    .map(|d| d.title.clone())
                    .or_else(|| r.title.clone()),
                issuer: r.issuer.clone(),
                kind: internal.map(|d| d.kind.label()),
            }
        })
        .collect();
    for (other, r) in site.relations_to(&document.id) {
        relations.push(RelationView {
            label: relation_label(r.kind, true),
            id: Some(other.id.clone()),
            url: Some(urls::document(&other.id)),
            number: other.number.clone(),
            issued: Some(other.issued.short()),
            title: Some(other.title.clone()),
            issuer: None,
            kind: Some(other.kind.label()),
        });
    }
    let changes = site
        .position(&document.id)
        .and_then(|position| crate::site::changes::changes(site, position))
        .map(|changes| super::project_pages::changes_view(site, &changes));
    let (main_relations, basis): (Vec<RelationView>, Vec<RelationView>) = relations
        .into_iter()
        .partition(|r| r.label != relation_label(RelationType::BasedOn, false));
    DocumentPage {
        document: document_summary(site, document),
        place: document.place.clone(),
        issued_long: document.issued.long(),
        issuer: agency_name(site, &document.issuer),
        issuer_id: document.issuer.clone(),
        issuer_url: urls::agency(&document.issuer),
        period: period_label(document.period),
        summary: document.summary.clone(),
        signer: document.signer.clone(),
        signer_lines: document
            .signer
            .as_ref()
            .and_then(|s| s.position.as_deref())
            .map(|p| {
                p.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            }),
        recipients: document.recipients.clone(),
        changes,
        relations: main_relations,
        basis,
        sections: document.sections.clone(),
        targets: targets_view(site, document),
        measurements: document
            .measurements
            .iter()
            .map(|m| measurement_view(&document.id, m))
            .collect(),
        appendices: document
            .appendices
            .iter()
            .map(|a| appendix_summary(&document.id, a))
            .collect(),
        attachments: document
            .attachments
            .iter()
            .map(|a| AttachmentView {
                url: a.path(&document.id),
                name: a.name.clone(),
                title: a.title.clone(),
                format: a.format,
                media_type: a.media_type,
                size: crate::vietnamese::size_label(a.bytes),
            })
            .collect(),
        json_url: urls::document_json(&document.id),
        extras: super::portal::document_extras(document),
    }
}

/// A measurement as the pages list it.
#[derive(Debug, Clone, Serialize)]
pub struct MeasurementView {
    /// Its ID.
    pub id: String,
    /// Its place on its document's page.
    pub url: String,
    /// What it measures, as printed.
    pub text: String,
    /// The figure.
    pub value: String,
    /// The figure it is a part of ("12/15").
    pub denominator: Option<String>,
    /// The share, in percent.
    pub percent: Option<String>,
    /// The unit.
    pub unit: Option<String>,
    /// The date it describes, `09/10/2020`.
    pub as_of: Option<String>,
    /// The targets the content says it measures.
    pub targets: Vec<crate::site::MeasuredTarget>,
    /// Its shared indicator.
    pub indicator: Option<String>,
    /// Its document, where a page lists measurements of several documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentSummary>,
    /// As the evidence of a target: whether the content names that target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<bool>,
}

/// A measurement of document `document`.
fn measurement_view(document: &str, m: &crate::site::Measurement) -> MeasurementView {
    MeasurementView {
        id: m.id.clone(),
        url: urls::measurement(document, &m.id),
        text: m.text.clone(),
        value: format_number(m.value),
        denominator: m.denominator.map(format_number),
        percent: m.percent.map(format_number),
        unit: m.unit.clone(),
        as_of: m.as_of.as_deref().map(short_date),
        targets: m.targets.clone(),
        indicator: m.indicator.clone(),
        document: None,
        named: None,
    }
}

/// A measurement with its document, for pages that list measurements of several documents.
fn measurement_of(
    site: &Site,
    document: &Document,
    m: &crate::site::Measurement,
) -> MeasurementView {
    MeasurementView {
        document: Some(document_summary(site, document)),
        ..measurement_view(&document.id, m)
    }
}

/// A target with its status, as the pages list it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    /// Its ID.
    pub id: String,
    /// Its place on its document's page.
    pub url: String,
    /// Its label as printed ("a").
    pub label: Option<String>,
    /// Its area.
    pub area: Option<String>,
    /// What it sets, as printed.
    pub text: String,
    /// The section that sets it.
    pub section: Option<String>,
    /// Its shared indicator.
    pub indicator: Option<String>,
    /// Its shared indicator's name.
    pub indicator_name: Option<String>,
    /// Its shared indicator's page.
    pub indicator_url: Option<String>,
    /// Its level (tỉnh, huyện, xã).
    pub level: Option<&'static str>,
    /// Its goal, `≥ 80%`.
    pub goal: Option<String>,
    /// The year it is due.
    pub year: Option<i32>,
    /// Its status.
    pub status: &'static str,
    /// Its status's key (CSS class).
    pub status_key: &'static str,
    /// The key of the rule that gave its status.
    pub rule: &'static str,
    /// That rule on the methodology page.
    pub rule_url: String,
    /// What was measured against it, in a sentence.
    pub progress: String,
    /// How much of its goal is reached, in percent, at most 100.
    pub share_of_goal: Option<String>,
    /// How much of its goal is reached, in percent, as printed.
    pub share_text: Option<String>,
    /// Its document.
    pub document: DocumentSummary,
    /// The measurements of it.
    pub measured: Vec<MeasurementView>,
}

/// A target with its status, for lists.
pub fn target_view(site: &Site, document: &Document, target: &Target) -> TargetView {
    let assessment = progress::assess(site, document, target);
    let status = assessment.status();
    TargetView {
        id: target.id.clone(),
        url: urls::target(&document.id, &target.id),
        label: target.label.clone(),
        area: target.area.clone(),
        text: target.text.clone(),
        section: target.section.clone(),
        indicator: target.indicator.clone(),
        indicator_name: target
            .indicator
            .as_deref()
            .and_then(|i| site.indicator(i))
            .map(|i| i.name.clone()),
        indicator_url: target.indicator.as_deref().map(urls::indicator),
        level: target.level.map(|l| l.label()),
        goal: target
            .value
            .map(|v| goal_text(target.comparison.as_deref(), v, target.unit.as_deref())),
        year: target.year,
        status: status.label(),
        status_key: status.key(),
        rule: assessment.rule.key(),
        rule_url: urls::methodology_of(assessment.rule.key()),
        progress: assessment.summary(target),
        share_of_goal: assessment
            .share_of_goal
            .map(|s| s.min(Decimal::ONE_HUNDRED).to_string()),
        share_text: assessment.share_of_goal.map(format_number),
        document: document_summary(site, document),
        measured: assessment
            .evidence
            .iter()
            .map(|e| MeasurementView {
                named: Some(e.named),
                ..measurement_of(site, e.document, e.measurement)
            })
            .collect(),
    }
}

fn targets_view(site: &Site, document: &Document) -> Vec<TargetView> {
    document
        .targets
        .iter()
        .map(|t| target_view(site, document, t))
        .collect()
}

/// An appendix as its document's page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixSummary {
    /// Its ID.
    pub id: String,
    /// Its page.
    pub url: String,
    /// What the pages call it: its number as printed, else its ID.
    pub number: String,
    /// Its title.
    pub title: String,
    /// How many rows it has, as printed.
    pub rows: String,
    /// How many groups.
    pub groups: usize,
    /// How many groups, as printed.
    pub groups_text: String,
    /// The unit of its amounts.
    pub unit: Option<String>,
}

fn appendix_summary(document: &str, appendix: &Appendix) -> AppendixSummary {
    AppendixSummary {
        id: appendix.id.clone(),
        url: urls::appendix(document, &appendix.id),
        number: appendix
            .number
            .clone()
            .unwrap_or_else(|| appendix.id.clone()),
        title: appendix.title.clone(),
        rows: count_text(appendix.row_count),
        groups: appendix.group_count,
        groups_text: count_text(appendix.group_count),
        unit: appendix.unit.clone(),
    }
}

/// An amount in Vietnamese format followed by whatever the cell prints after its figure:
/// "1,200 (năm 2020)" in a US-format table reads "1.200 (năm 2020)".
pub fn amount_display(text: &str, value: Decimal) -> String {
    let trimmed = text.trim();
    let figure_end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(trimmed.len());
    format!("{}{}", format_number(value), &trimmed[figure_end..])
}

/// A standard status of a row: its ID (CSS class) and label.
#[derive(Debug, Clone, Serialize)]
pub struct RowStatusView {
    /// Its ID.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its entry on the methodology page.
    pub url: String,
}

impl RowStatusView {
    /// The view of `status`.
    pub fn of(status: &crate::site::RowStatus) -> RowStatusView {
        RowStatusView {
            id: status.id.clone(),
            label: status.label.clone(),
            url: urls::methodology_of(&format!("rs-{}", status.id)),
        }
    }
}

/// A cell of an appendix row.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The text shown: amounts in the Vietnamese format.
    pub text: String,
    /// The text as printed, when it reads otherwise.
    pub printed: Option<String>,
    /// True for an amount.
    pub numeric: bool,
    /// The amount, for sorting.
    pub sort: Option<String>,
    /// The row's standard status, in its status column.
    pub status: Option<RowStatusView>,
    /// The page of the project the row is part of, in its name column.
    pub project_url: Option<String>,
}

/// A stated total that differs from its rows, under its row.
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    /// The column's title.
    pub column: Option<String>,
    /// The stated figure, in the appendix's unit and the Vietnamese format.
    pub stated: String,
    /// The figure as printed, when it reads otherwise.
    pub printed: Option<String>,
    /// The appendix's unit.
    pub unit: Option<String>,
    /// The sum of the rows.
    pub computed: String,
    /// Stated minus computed.
    pub difference: Option<String>,
}

/// A row of an appendix as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Group, row or total (its CSS class).
    pub kind: RowKind,
    /// Its anchor.
    pub anchor: String,
    /// Its depth in the group tree.
    pub depth: usize,
    /// Its cells.
    pub cells: Vec<CellView>,
    /// Its stated totals that differ from their rows.
    pub checks: Vec<CheckView>,
    /// The agencies it names.
    pub agencies: Vec<String>,
    /// The anchors of the groups that enclose it, space-separated, so that the table's
    /// script can keep group headings with the rows it shows.
    pub groups: String,
}

fn row_view(
    site: &Site,
    appendix: &Appendix,
    row: &TableRow,
    project: Option<&str>,
    groups: String,
) -> RowView {
    let unknown = crate::site::RowStatus::unknown();
    let status = row.status.as_deref().map(|id| {
        site.row_statuses
            .iter()
            .find(|s| s.id == id)
            .unwrap_or(&unknown)
    });
    let cells = appendix
        .columns
        .iter()
        .zip(&row.cells)
        .map(|(column, cell)| {
            let display = match (column.role, cell.value) {
                (ColumnRole::Amount, Some(value)) => amount_display(&cell.text, value),
                _ => cell.text.clone(),
            };
            let standard = status.filter(|_| column.role == ColumnRole::Status);
            CellView {
                printed: (display != cell.text).then(|| cell.text.clone()),
                text: display,
                numeric: column.role == ColumnRole::Amount && cell.value.is_some(),
                sort: cell.value.map(|v| v.to_string()),
                status: standard.map(RowStatusView::of),
                project_url: project
                    .filter(|_| column.role == ColumnRole::Name)
                    .map(urls::project),
            }
        })
        .collect();
    let checks = row
        .checks
        .iter()
        .filter(|c| c.difference.is_some())
        .map(|c| {
            let title = appendix
                .columns
                .iter()
                .find(|col| col.key == c.column)
                .map(|col| col.title.clone());
            // The stated figure in the appendix's unit and the Vietnamese format, beside the
            // computed one; the text as printed ("86.896.000" in nghìn đồng, "576.0") only
            // as an aside, when it reads otherwise.
            let stated = c.stated.map(format_number);
            CheckView {
                column: title,
                printed: stated
                    .as_ref()
                    .filter(|s| **s != c.stated_text.trim())
                    .map(|_| c.stated_text.trim().to_string()),
                stated: stated.unwrap_or_else(|| c.stated_text.clone()),
                unit: appendix.unit.clone(),
                computed: format_number(c.computed),
                difference: c.difference.map(format_number),
            }
        })
        .collect();
    RowView {
        kind: row.kind,
        anchor: row.anchor.clone(),
        depth: row.depth,
        cells,
        checks,
        agencies: row.agencies.clone(),
        groups,
    }
}

/// The rows of `appendix` as its page shows them, each with the anchors of the groups that
/// enclose it, made one at a time (a page renders them a few hundred at a time).
pub fn appendix_rows<'a>(
    site: &'a Site,
    appendix: &'a Appendix,
    project_of: impl Fn(&str) -> Option<&'a str> + 'a,
) -> impl Iterator<Item = RowView> + 'a {
    let mut open: Vec<(usize, &str)> = Vec::new();
    appendix.rows.iter().map(move |row| {
        open.retain(|(depth, _)| *depth < row.depth);
        let project = (row.kind == RowKind::Row)
            .then(|| project_of(&row.anchor))
            .flatten();
        let groups = open.iter().map(|(_, a)| *a).collect::<Vec<_>>().join(" ");
        let view = row_view(site, appendix, row, project, groups);
        if row.kind == RowKind::Group {
            open.push((row.depth, &row.anchor));
        }
        view
    })
}

/// Some rows of an appendix, rendered at once (theme template `appendix_rows.html`).
#[derive(Debug, Serialize)]
pub struct RowsPart {
    /// The rows.
    pub rows: Vec<RowView>,
    /// How many columns the appendix has (a note under a row spans them).
    pub columns: usize,
}

/// A column of an appendix.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    /// Its title.
    pub title: String,
    /// True for amounts.
    pub numeric: bool,
    /// What it holds.
    pub role: ColumnRole,
}

/// Everything the appendix page shows.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixPage {
    /// Its document.
    pub document: DocumentSummary,
    /// The appendix.
    pub appendix: AppendixSummary,
    /// Its caption.
    pub caption: Option<String>,
    /// Its columns.
    pub columns: Vec<ColumnView>,
    /// How many rows have a stated total that differs from their rows.
    pub mismatches: usize,
    /// Its rows, rendered apart ([`appendix_rows`]), abbreviations marked.
    pub rows_html: String,
}

/// Everything the appendix page shows but its rows ([`appendix_rows`], rendered apart).
pub fn appendix_page(site: &Site, document: &Document, appendix: &Appendix) -> AppendixPage {
    AppendixPage {
        document: document_summary(site, document),
        appendix: appendix_summary(&document.id, appendix),
        caption: appendix.caption.clone(),
        columns: appendix
            .columns
            .iter()
            .map(|c| ColumnView {
                title: c.title.clone(),
                numeric: c.role == ColumnRole::Amount,
                role: c.role,
            })
            .collect(),
        mismatches: appendix
            .rows
            .iter()
            .filter(|r| r.checks.iter().any(|c| c.difference.is_some()))
            .count(),
        rows_html: String::new(),
    }
}

/// The most rows a project list page shows. A longer list is shown appendix by appendix
/// instead, each line leading to the appendix's own table: at national scale the rows of an
/// agency or a province would otherwise be written again, page after page, beside the
/// appendices that hold them.
pub const PROJECTS_PER_PAGE: usize = 250;

/// The projects of one appendix in a list of projects.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixAmount {
    /// Its document.
    pub document: DocumentSummary,
    /// The appendix's ID.
    pub appendix: String,
    /// The appendix's page.
    pub url: String,
    /// On an agency's list, the query that filters the appendix's table to the agency
    /// (`?loc=` and the agency as the appendix prints it).
    pub filter: Option<String>,
    /// What the pages call it.
    pub appendix_number: String,
    /// Its title.
    pub appendix_title: String,
    /// How many of the projects it lists, as printed.
    pub count_text: String,
    /// Their total, in triệu đồng.
    pub total: String,
    /// The grand total it prints, where it differs from the sum of its rows.
    pub stated: Option<String>,
}

/// The projects of `list` appendix by appendix: each appendix with its document, how many
/// projects it lists and their total. The totals are not added together: a report lists
/// again the projects of the plan it reports on, and a plan those of the period before.
///
/// When the list holds whole appendices (a province's projects), an appendix whose printed
/// grand total differs from the sum of its rows says so beside that sum, as its page does.
///
/// For an agency's list, each appendix's link filters its table to the rows that print the
/// agency as the appendix first prints it (`?loc=`).
fn amounts_by_appendix(
    site: &Site,
    list: &ProjectList,
    whole_appendices: bool,
    agency: Option<(&ProjectIndex, &str)>,
) -> Vec<AppendixAmount> {
    list.by_appendix()
        .into_iter()
        .filter_map(|found| {
            let document = site.documents.get(found.document)?;
            let appendix = document.appendices.get(found.appendix)?;
            let filter = agency
                .and_then(|(index, id)| index.printed_agency(found.document, found.appendix, id))
                .map(|printed| {
                    format!(
                        "?loc={}",
                        percent_encoding::utf8_percent_encode(
                            printed,
                            percent_encoding::NON_ALPHANUMERIC
                        )
                    )
                });
            Some(AppendixAmount {
                filter,
                document: document_summary(site, document),
                appendix: appendix.id.clone(),
                url: urls::appendix(&document.id, &appendix.id),
                appendix_number: appendix
                    .number
                    .clone()
                    .unwrap_or_else(|| appendix.id.clone()),
                appendix_title: appendix.title.clone(),
                count_text: count_text(found.count),
                total: format_number(found.total),
                stated: appendix
                    .stated_total_in_millions()
                    .filter(|stated| whole_appendices && *stated != found.total)
                    .map(format_number),
            })
        })
        .collect()
}

/// A period as pages print it: "2021 – 2025", or one year.
fn period_label(period: Option<crate::model::Period>) -> Option<String> {
    period.map(|p| {
        if p.from == p.to {
            p.from.to_string()
        } else {
            format!("{} – {}", p.from, p.to)
        }
    })
}

/// A project list.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectListPage {
    /// Its rows, rendered ([`project_view`]); none when the list is longer than
    /// [`PROJECTS_PER_PAGE`].
    pub projects: Vec<String>,
    /// True when the list is too long to be shown row by row: only its amounts appendix by
    /// appendix are, each leading to the appendix's table.
    pub by_appendix_only: bool,
    /// How many rows the list has.
    pub count: usize,
    /// How many rows the list has, as printed.
    pub count_text: String,
    /// The amounts appendix by appendix.
    pub amounts: Vec<AppendixAmount>,
}

/// A project list: the amounts appendix by appendix ([`amounts_by_appendix`]) and, when
/// it has at most [`PROJECTS_PER_PAGE`] rows, the rows themselves.
fn project_list_page(
    site: &Site,
    list: &ProjectList,
    whole_appendices: bool,
    agency: Option<(&ProjectIndex, &str)>,
) -> anyhow::Result<ProjectListPage> {
    let long = list.len() > PROJECTS_PER_PAGE;
    let projects = if long {
        Vec::new()
    } else {
        list.rows(0, PROJECTS_PER_PAGE)?
    };
    Ok(ProjectListPage {
        projects,
        by_appendix_only: long,
        count: list.len(),
        count_text: count_text(list.len()),
        amounts: amounts_by_appendix(site, list, whole_appendices, agency),
    })
}

/// A project as a line of the projects table.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRowView<'a> {
    /// Its document.
    pub document: DocumentSummary,
    /// Its row on its appendix's page.
    pub row_url: String,
    /// Its name as printed.
    pub name: &'a str,
    /// Its lead agency as printed.
    pub agency: &'a str,
    /// The agencies it names, with their pages.
    pub agencies: Vec<Link>,
    /// Its years as printed.
    pub period: &'a str,
    /// Its funding as printed.
    pub funding: &'a str,
    /// Its status as printed.
    pub status: &'a str,
    /// Its standard status's label.
    pub status_standard: Option<String>,
    /// The page of the project it is part of.
    pub project_url: Option<String>,
    /// Its main amount, in triệu đồng.
    pub amount: Option<String>,
    /// Its main amount, for sorting.
    pub amount_sort: Option<String>,
}

/// A project as a line of the projects table, with its main amount in triệu đồng.
pub fn project_view<'a>(
    site: &Site,
    project: &Project<'a>,
    amount: Option<Decimal>,
) -> ProjectRowView<'a> {
    let row = project.row;
    ProjectRowView {
        document: document_summary(site, project.document),
        row_url: project.document.row_path(row),
        name: &row.name,
        agency: &row.agency,
        agencies: row.agencies.iter().map(|a| agency_link(site, a)).collect(),
        period: &row.period,
        funding: &row.funding,
        status: &row.status_text,
        status_standard: row.status.as_deref().map(|id| {
            site.row_statuses.iter().find(|s| s.id == id).map_or_else(
                || crate::site::RowStatus::unknown().label,
                |s| s.label.clone(),
            )
        }),
        project_url: project.page.map(urls::project),
        amount: amount.map(format_number),
        amount_sort: amount.map(|a| a.to_string()),
    }
}

/// A province, or an agency, with its page.
#[derive(Debug, Clone, Serialize)]
pub struct WithUrl<'a, T> {
    /// The thing, as the content describes it.
    #[serde(flatten)]
    pub inner: &'a T,
    /// Its page.
    pub url: String,
}

/// The documents of one year on a province's page.
#[derive(Debug, Clone, Serialize)]
pub struct YearDocuments {
    /// The year.
    pub year: String,
    /// Its documents, a decision with the plan it issues.
    pub documents: Vec<DocumentSummary>,
}

/// Everything a province's page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ProvincePage<'a> {
    /// Its money and targets by status.
    pub summary: super::overview::ProvinceSummary,
    /// The province.
    pub province: WithUrl<'a, crate::site::Province>,
    /// The name of the province it is now part of.
    pub merged_into: Option<String>,
    /// The page of the province it is now part of.
    pub merged_into_url: Option<String>,
    /// Its documents by year, newest first.
    pub years: Vec<YearDocuments>,
    /// Its targets.
    pub targets: Vec<TargetView>,
    /// How many projects its documents list.
    pub projects_count: usize,
    /// How many projects, as printed.
    pub projects_count_text: String,
    /// The list of its projects.
    pub projects_url: String,
    /// The amounts of its projects appendix by appendix.
    pub amounts: Vec<AppendixAmount>,
}

/// Provinces sorted by name, each with its documents.
pub fn province_page<'a>(
    site: &'a Site,
    province: &'a crate::site::Province,
    index: &ProjectIndex,
) -> ProvincePage<'a> {
    let documents: Vec<&Document> = site
        .documents
        .iter()
        .filter(|d| d.province == province.id)
        .collect();
    let mut years: Vec<YearDocuments> = Vec::new();
    // A decision with the plan it issues, in the decision's year.
    for summary in super::portal::grouped_documents(site, &documents) {
        let year = summary.issued.get(6..10).unwrap_or_default().to_string();
        match years.iter_mut().find(|y| y.year == year) {
            Some(found) => found.documents.push(summary),
            None => years.push(YearDocuments {
                year,
                documents: vec![summary],
            }),
        }
    }
    let targets: Vec<TargetView> = documents
        .iter()
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .map(|(d, t)| target_view(site, d, t))
        .collect();
    let mine = index.of_province(&province.id);
    let merged_into = province
        .merged_into
        .as_deref()
        .and_then(|id| site.province(id));
    ProvincePage {
        summary: super::overview::province_summary(site, province),
        province: WithUrl {
            inner: province,
            url: urls::province(&province.id),
        },
        merged_into: merged_into.map(|p| p.name.clone()),
        merged_into_url: province.merged_into.as_deref().map(urls::province),
        years,
        targets,
        projects_count: mine.len(),
        projects_count_text: count_text(mine.len()),
        projects_url: urls::province_projects(&province.id),
        amounts: amounts_by_appendix(site, &mine, true, None),
    }
}

/// A province's projects.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceProjectsPage<'a> {
    /// The list.
    #[serde(flatten)]
    pub list: ProjectListPage,
    /// The province.
    pub province: WithUrl<'a, crate::site::Province>,
}

/// A province's projects (`tinh/<id>/du-an/`).
pub fn province_projects_page<'a>(
    site: &Site,
    province: &'a crate::site::Province,
    index: &ProjectIndex,
) -> anyhow::Result<ProvinceProjectsPage<'a>> {
    let mine = index.of_province(&province.id);
    let list = project_list_page(site, &mine, true, None)?;
    Ok(ProvinceProjectsPage {
        list,
        province: WithUrl {
            inner: province,
            url: urls::province(&province.id),
        },
    })
}

/// A province on the projects index.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceProjects {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The list of its projects.
    pub url: String,
    /// How many projects.
    pub count: usize,
    /// How many projects, as printed.
    pub count_text: String,
    /// How many appendices list them, as printed.
    pub appendices_text: String,
}

/// The projects index.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectsPage {
    /// The money of every plan.
    pub overview: super::overview::ProjectsOverview,
    /// The provinces with projects.
    pub provinces: Vec<ProvinceProjects>,
    /// How many project rows.
    pub count: usize,
    /// How many project rows, as printed.
    pub count_text: String,
    /// How many projects once rows are joined across documents, as printed.
    pub tracked_text: String,
}

/// The projects index: each province with its number of projects and of appendices that
/// list them.
pub fn projects_page(site: &Site, index: &ProjectIndex) -> ProjectsPage {
    let provinces = site
        .provinces
        .iter()
        .filter_map(|p| {
            let mine = index.of_province(&p.id);
            (!mine.is_empty()).then(|| ProvinceProjects {
                id: p.id.clone(),
                name: p.name.clone(),
                url: urls::province_projects(&p.id),
                count: mine.len(),
                count_text: count_text(mine.len()),
                appendices_text: count_text(mine.by_appendix().len()),
            })
        })
        .collect();
    ProjectsPage {
        overview: super::overview::projects_overview(site),
        provinces,
        count: index.len(),
        count_text: count_text(index.len()),
        tracked_text: count_text(site.lineage.projects().len()),
    }
}

/// An agency's page: its documents and its projects.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyPage<'a> {
    /// The list.
    #[serde(flatten)]
    pub list: ProjectListPage,
    /// The agency.
    pub agency: &'a crate::site::Agency,
    /// Its province's name.
    pub province: Option<String>,
    /// The documents it issued.
    pub issued: Vec<DocumentSummary>,
}

/// An agency's page, with its projects and tasks across documents (`co-quan/<id>/`).
pub fn agency_page<'a>(
    site: &Site,
    agency: &'a crate::site::Agency,
    index: &ProjectIndex,
) -> anyhow::Result<AgencyPage<'a>> {
    let mine = index.of_agency(&agency.id);
    let mut documents: Vec<DocumentSummary> = site
        .documents
        .iter()
        .filter(|d| d.issuer == agency.id)
        .map(|d| document_summary(site, d))
        .collect();
    documents.dedup();
    let list = project_list_page(site, &mine, false, Some((index, &agency.id)))?;
    Ok(AgencyPage {
        list,
        agency,
        province: agency
            .province
            .as_deref()
            .and_then(|p| site.province(p))
            .map(|p| p.name.clone()),
        issued: documents,
    })
}

/// The targets of one document on the targets index.
#[derive(Debug, Clone, Serialize)]
pub struct TargetGroup {
    /// The document.
    pub document: DocumentSummary,
    /// Its targets.
    pub targets: Vec<TargetView>,
}

/// An indicator or a province with how many targets it has.
#[derive(Debug, Clone, Serialize)]
pub struct Counted {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page, or its targets on its page.
    pub url: String,
    /// How many targets.
    pub targets: usize,
}

/// The targets index.
#[derive(Debug, Clone, Serialize)]
pub struct TargetsPage {
    /// Every target by document, while there are few.
    pub groups: Vec<TargetGroup>,
    /// The indicators with targets.
    pub indicators: Vec<Counted>,
    /// The provinces with targets.
    pub provinces: Vec<Counted>,
    /// How many targets.
    pub total: usize,
    /// The province × indicator grid.
    pub grid: super::overview::Grid,
}

/// The targets index: the indicators and provinces with their counts of targets and, while
/// the site has at most `listed_at_most` targets ([`TARGETS_ON_INDEX`] in a build), every
/// target grouped by document. A national site lists them on each province's page instead.
pub fn targets_page(site: &Site, listed_at_most: usize) -> TargetsPage {
    let total: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    let groups = if total <= listed_at_most {
        site.documents
            .iter()
            .filter(|d| !d.targets.is_empty())
            .map(|d| TargetGroup {
                document: document_summary(site, d),
                targets: targets_view(site, d),
            })
            .collect()
    } else {
        Vec::new()
    };
    let provinces = site
        .provinces
        .iter()
        .filter_map(|p| {
            let count: usize = site
                .documents
                .iter()
                .filter(|d| d.province == p.id)
                .map(|d| d.targets.len())
                .sum();
            (count > 0).then(|| Counted {
                id: p.id.clone(),
                name: p.name.clone(),
                url: urls::province_targets(&p.id),
                targets: count,
            })
        })
        .collect();
    let indicators = site
        .indicators
        .iter()
        .map(|i| {
            let count = site
                .documents
                .iter()
                .flat_map(|d| &d.targets)
                .filter(|t| t.indicator.as_deref() == Some(i.id.as_str()))
                .count();
            Counted {
                id: i.id.clone(),
                name: i.name.clone(),
                url: urls::indicator(&i.id),
                targets: count,
            }
        })
        .filter(|i| i.targets > 0)
        .collect();
    TargetsPage {
        groups,
        indicators,
        provinces,
        total,
        grid: super::overview::grid(site),
    }
}

/// The most bars an indicator's chart shows; past this, one bar per province (its latest
/// measurement).
pub const BARS_PER_CHART: usize = 40;

/// The bars of a chart from (province, date, bar) in site order: all of them up to
/// [`BARS_PER_CHART`], past that the latest of each province, in the same order.
fn readable_bars(bars: Vec<(&str, Option<&str>, Bar)>) -> Vec<Bar> {
    if bars.len() <= BARS_PER_CHART {
        return bars.into_iter().map(|(_, _, bar)| bar).collect();
    }
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for (i, (province, as_of, _)) in bars.iter().enumerate() {
        let slot = latest.entry(province).or_insert(i);
        if *as_of > bars[*slot].1 {
            *slot = i;
        }
    }
    let keep: std::collections::HashSet<usize> = latest.into_values().collect();
    bars.into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, (_, _, bar))| bar)
        .collect()
}

/// The most targets the targets index lists one by one.
pub const TARGETS_ON_INDEX: usize = 1_000;

/// A shared indicator with each province's targets and the measurements.
///
/// While the indicator has at most `listed_at_most` targets ([`TARGETS_ON_INDEX`] in a
/// build), every target and measurement is listed; past it (a national site), one row per
/// province sums them up and links to the province's own list.
pub fn indicator_page<'a>(
    site: &Site,
    indicator: &'a crate::site::Indicator,
    listed_at_most: usize,
) -> IndicatorPage<'a> {
    let of_indicator: Vec<(&Document, &Target)> = site
        .documents
        .iter()
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .filter(|(_, t)| t.indicator.as_deref() == Some(indicator.id.as_str()))
        .collect();
    let measured: Vec<(&Document, &crate::site::Measurement)> = site
        .documents
        .iter()
        .flat_map(|d| d.measurements.iter().map(move |m| (d, m)))
        .filter(|(_, m)| m.indicator.as_deref() == Some(indicator.id.as_str()))
        .collect();
    let listed = of_indicator.len() <= listed_at_most && measured.len() <= listed_at_most;
    let targets: Vec<TargetView> = if listed {
        of_indicator
            .iter()
            .map(|(d, t)| target_view(site, d, t))
            .collect()
    } else {
        Vec::new()
    };
    let measurements: Vec<MeasurementView> = if listed {
        measured
            .iter()
            .map(|(d, m)| measurement_of(site, d, m))
            .collect()
    } else {
        Vec::new()
    };
    let by_province = if listed {
        Vec::new()
    } else {
        indicator_by_province(site, &of_indicator, &measured)
    };
    let bars: Vec<(&str, Option<&str>, Bar)> = site
        .documents
        .iter()
        .flat_map(|d| d.measurements.iter().map(move |m| (d, m)))
        .filter(|(_, m)| m.indicator.as_deref() == Some(indicator.id.as_str()))
        .map(|(d, m)| {
            let bar = Bar {
                label: format!(
                    "{}, {}",
                    site.province(&d.province)
                        .map(|p| p.name.as_str())
                        .unwrap_or(""),
                    m.as_of.as_deref().map(short_date).unwrap_or_default()
                ),
                value: m
                    .percent
                    .filter(|_| m.unit.as_deref() != Some("%"))
                    .unwrap_or(m.value),
            };
            (d.province.as_str(), m.as_of.as_deref(), bar)
        })
        .collect();
    // A figure printed twice in a document (the same province, date and value) is one
    // measurement: one bar.
    let mut seen = std::collections::HashSet::new();
    let bars: Vec<(&str, Option<&str>, Bar)> = bars
        .into_iter()
        .filter(|(province, as_of, bar)| seen.insert((*province, *as_of, bar.value)))
        .collect();
    let bars = readable_bars(bars);
    let lines: Vec<Line> = site
        .documents
        .iter()
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .filter(|(_, t)| t.indicator.as_deref() == Some(indicator.id.as_str()))
        .filter_map(|(d, t)| {
            t.value.map(|value| Line {
                label: format!(
                    "{} {}{}",
                    site.province(&d.province)
                        .map(|p| p.name.as_str())
                        .unwrap_or(""),
                    t.level
                        .map(|l| l.label().to_lowercase())
                        .unwrap_or_default(),
                    t.year.map(|y| format!(" ({y})")).unwrap_or_default()
                ),
                value,
            })
        })
        .collect();
    let mut merged: Vec<Line> = Vec::new();
    for line in lines {
        match merged.iter_mut().find(|m| m.value == line.value) {
            Some(existing) if !existing.label.contains(&line.label) => {
                existing.label = format!("{}; {}", existing.label, line.label);
            }
            Some(_) => {}
            None => merged.push(line),
        }
    }
    let lines = merged;
    let chart = (!bars.is_empty()).then(|| {
        bar_chart(
            &format!("Số liệu đo được: {}", indicator.name),
            indicator.unit.as_deref().unwrap_or(""),
            &bars,
            &lines,
            "bieu-do",
        )
    });
    IndicatorPage {
        indicator,
        targets,
        measurements,
        by_province,
        target_count: count_text(of_indicator.len()),
        measurement_count: count_text(measured.len()),
        measured_any: !measured.is_empty(),
        chart,
    }
}

/// A shared indicator's page.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorPage<'a> {
    /// The indicator.
    pub indicator: &'a crate::site::Indicator,
    /// Its targets, while there are few.
    pub targets: Vec<TargetView>,
    /// Its measurements, while there are few.
    pub measurements: Vec<MeasurementView>,
    /// Past that, one row per province.
    pub by_province: Vec<IndicatorProvince>,
    /// How many targets, as printed.
    pub target_count: String,
    /// How many measurements, as printed.
    pub measurement_count: String,
    /// True when it was measured at all.
    pub measured_any: bool,
    /// The chart of its measurements (SVG).
    pub chart: Option<String>,
}

/// One province's targets and latest measurement of an indicator of a national site.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorProvince {
    /// The province's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its targets on its page.
    pub url: String,
    /// How many targets it sets, as printed.
    pub targets: String,
    /// How many targets, for sorting.
    pub targets_sort: usize,
    /// The lowest and highest goal.
    pub goals: String,
    /// The years.
    pub years: String,
    /// The targets by status, in a line.
    pub statuses: String,
    /// Its latest measurement.
    pub latest: Option<MeasurementView>,
}

/// One row per province for an indicator of a national site: how many targets it sets, the
/// lowest and highest goal, the years, the targets by status, and its latest measurement.
fn indicator_by_province(
    site: &Site,
    targets: &[(&Document, &Target)],
    measured: &[(&Document, &crate::site::Measurement)],
) -> Vec<IndicatorProvince> {
    site.provinces
        .iter()
        .filter_map(|province| {
            let mine: Vec<&(&Document, &Target)> = targets
                .iter()
                .filter(|(d, _)| d.province == province.id)
                .collect();
            let latest = measured
                .iter()
                .filter(|(d, _)| d.province == province.id)
                .max_by(|(_, a), (_, b)| a.as_of.cmp(&b.as_of));
            if mine.is_empty() && latest.is_none() {
                return None;
            }
            let goals: Vec<&Target> = mine
                .iter()
                .map(|(_, t)| *t)
                .filter(|t| t.value.is_some())
                .collect();
            let goal = |t: &Target| {
                t.value
                    .map(|v| goal_text(None, v, t.unit.as_deref()))
                    .unwrap_or_default()
            };
            let lowest = goals.iter().min_by_key(|t| t.value).map(|t| goal(t));
            let highest = goals.iter().max_by_key(|t| t.value).map(|t| goal(t));
            let years: Vec<i32> = mine.iter().filter_map(|(_, t)| t.year).collect();
            let mut statuses = std::collections::BTreeMap::<Status, usize>::new();
            for (document, target) in &mine {
                let status = progress::assess(site, document, target).status();
                *statuses.entry(status).or_default() += 1;
            }
            Some(IndicatorProvince {
                id: province.id.clone(),
                name: province.name.clone(),
                url: urls::province_targets(&province.id),
                targets: count_text(mine.len()),
                targets_sort: mine.len(),
                goals: match (lowest, highest) {
                    (Some(l), Some(h)) if l == h => l,
                    (Some(l), Some(h)) => format!("{l} – {h}"),
                    _ => String::new(),
                },
                years: match (years.iter().min(), years.iter().max()) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a} – {b}"),
                    _ => String::new(),
                },
                statuses: statuses
                    .iter()
                    .map(|(status, n)| {
                        format!("{}: {}", status.label(), format_number(Decimal::from(*n)))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                latest: latest.map(|(d, m)| measurement_of(site, d, m)),
            })
        })
        .collect()
}

/// The home page.
#[derive(Debug, Clone, Serialize)]
pub struct HomePage {
    /// Each province's money and targets.
    pub overview: super::overview::HomeOverview,
    /// The latest documents, a decision with the plan it issues as one entry.
    pub latest: Vec<DocumentSummary>,
    /// How many project rows.
    pub projects: usize,
    /// How many projects once rows are joined across documents.
    pub projects_tracked: usize,
}

/// The home page: each province's money and targets (the overview), the latest documents.
pub fn home_page(site: &Site, index: &ProjectIndex) -> HomePage {
    HomePage {
        overview: super::overview::home_overview(site),
        latest: super::portal::grouped_documents(
            site,
            &site.documents.iter().take(10).collect::<Vec<_>>(),
        ),
        projects: index.len(),
        projects_tracked: site.lineage.projects().len(),
    }
}

/// An agency on the index of agencies.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyItem {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// How many projects it leads.
    pub projects: usize,
    /// How many projects, as printed.
    pub projects_text: String,
}

/// The agencies of one province (or the national ones) on the index of agencies.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyGroup {
    /// The province's ID (`trung-uong` for national bodies), its anchor.
    pub id: String,
    /// The province's name; none for national bodies.
    pub province: Option<String>,
    /// Its agencies, in Vietnamese order.
    pub agencies: Vec<AgencyItem>,
}

/// The index of agencies.
#[derive(Debug, Clone, Serialize)]
pub struct AgenciesIndex {
    /// The agencies by province.
    pub groups: Vec<AgencyGroup>,
    /// How many agencies, as printed.
    pub count_text: String,
}

/// Agencies with at least one project or document, in Vietnamese order.
pub fn agencies_index(site: &Site, index: &ProjectIndex) -> AgenciesIndex {
    let agency = |a: &crate::site::Agency| {
        let projects = index.of_agency(&a.id).len();
        AgencyItem {
            id: a.id.clone(),
            name: a.name.clone(),
            url: urls::agency(&a.id),
            projects,
            projects_text: count_text(projects),
        }
    };
    let of = |province: Option<&str>| -> Vec<AgencyItem> {
        let mut mine: Vec<&crate::site::Agency> = site
            .agencies
            .iter()
            .filter(|a| a.province.as_deref() == province)
            .collect();
        mine.sort_by(|a, b| compare(&a.name, &b.name));
        mine.into_iter().map(agency).collect()
    };
    // Each province's agencies under its name, in Vietnamese order; national bodies first.
    let mut groups = vec![AgencyGroup {
        id: "trung-uong".to_string(),
        province: None,
        agencies: of(None),
    }];
    groups.extend(site.provinces.iter().map(|p| AgencyGroup {
        id: p.id.clone(),
        province: Some(p.name.clone()),
        agencies: of(Some(&p.id)),
    }));
    groups.retain(|g| !g.agencies.is_empty());
    AgenciesIndex {
        groups,
        count_text: count_text(site.agencies.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_keep_their_sign_and_word_units_apart_but_on_one_line() {
        let goal = |sign, value: i64, unit| goal_text(sign, Decimal::from(value), unit);
        assert_eq!(goal(Some("≥"), 80, Some("%")), "≥\u{a0}80%");
        assert_eq!(goal(Some("≥"), 1, Some("lần/năm")), "≥\u{a0}1\u{a0}lần/năm");
        assert_eq!(goal(Some("≤"), 25, Some("hạng")), "≤\u{a0}25\u{a0}hạng");
        assert_eq!(goal(None, 1000, None), "1.000");
        assert_eq!(goal(Some(""), 31, Some(" mô hình")), "31\u{a0}mô hình");
    }

    fn bar(label: &str) -> Bar {
        Bar {
            label: label.to_string(),
            value: Decimal::ONE,
        }
    }

    #[test]
    fn a_crowded_chart_keeps_each_provinces_latest_bar() {
        let few: Vec<(&str, Option<&str>, Bar)> = vec![
            ("a", Some("2024-01-01"), bar("a1")),
            ("a", Some("2025-01-01"), bar("a2")),
        ];
        assert_eq!(readable_bars(few).len(), 2, "few bars are all kept");

        let dates: Vec<String> = (0..30).map(|d| format!("2024-01-{:02}", d + 1)).collect();
        let mut many = Vec::new();
        for date in &dates {
            many.push(("a", Some(date.as_str()), bar(&format!("a {date}"))));
            many.push(("b", Some(date.as_str()), bar(&format!("b {date}"))));
        }
        many.insert(5, ("c", None, bar("c undated")));
        assert!(many.len() > BARS_PER_CHART);
        let labels: Vec<String> = readable_bars(many).into_iter().map(|b| b.label).collect();
        assert_eq!(labels, ["c undated", "a 2024-01-30", "b 2024-01-30"]);
    }
}
