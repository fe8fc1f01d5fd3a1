//! The data each page template receives: resolved names, links and formatted figures,
//! so that templates only lay things out.

use super::chart::{Bar, Line, bar_chart};
use super::projects::{Project, ProjectIndex, ProjectList};
use crate::model::{ColumnRole, RelationType};
use crate::site::progress::{self, Status};
use crate::site::{Appendix, Document, Site, TableRow, Target};
use crate::vietnamese::format_count as count_text;
pub use crate::vietnamese::goal_text;
use crate::vietnamese::{compare, format_number, long_date, short_date};
use rust_decimal::Decimal;
use serde_json::{Value, json};
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

/// A short reference to a document: kind, number, date, title, link.
pub fn document_summary(site: &Site, document: &Document) -> Value {
    let label = super::document_title(site, document);
    json!({
        "id": document.id,
        "kind": document.kind.label(),
        // A document without a number of its own is called by its date already.
        "label_dated": label.contains(&short_date(&document.issued)),
        "label": label,
        "number": document.number,
        "issued": short_date(&document.issued),
        "title": document.title,
        "province": site.province(&document.province).map(|p| p.name.clone()),
        "province_id": document.province,
    })
}

fn agency_name(site: &Site, id: &str) -> String {
    site.agency(id)
        .map(|a| a.name.clone())
        .unwrap_or_else(|| id.to_string())
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

/// Everything the document page shows.
pub fn document_page(site: &Site, document: &Document) -> Value {
    let mut relations: Vec<Value> = document
        .relations
        .iter()
        .map(|r| {
            let internal = r.document.as_deref().and_then(|id| site.document(id));
            json!({
                "label": relation_label(r.kind, false),
                "id": internal.map(|d| d.id.clone()),
                "number": internal.and_then(|d| d.number.clone()).or_else(|| r.number.clone()),
                "issued": internal.map(|d| short_date(&d.issued)).or_else(|| r.issued.as_deref().map(short_date)),
                "title": internal.map(|d| d.title.clone()).or_else(|| r.title.clone()),
                "issuer": r.issuer,
                "kind": internal.map(|d| d.kind.label()),
            })
        })
        .collect();
    for (other, r) in site.relations_to(&document.id) {
        relations.push(json!({
            "label": relation_label(r.kind, true),
            "id": other.id,
            "number": other.number,
            "issued": short_date(&other.issued),
            "title": other.title,
            "kind": other.kind.label(),
        }));
    }
    let changes = site
        .position(&document.id)
        .and_then(|position| crate::site::changes::changes(site, position))
        .map(|changes| super::project_pages::changes_view(site, &changes));
    let (main_relations, basis): (Vec<Value>, Vec<Value>) = relations
        .into_iter()
        .partition(|r| r["label"] != relation_label(RelationType::BasedOn, false));
    json!({
        "document": document_summary(site, document),
        "place": document.place,
        "issued_long": long_date(&document.issued),
        "issuer": agency_name(site, &document.issuer),
        "issuer_id": document.issuer,
        "period": period_label(document.period),
        "summary": document.summary,
        "signer": document.signer,
        // The signature block's lines, as the document prints them one under the other.
        "signer_lines": document.signer.as_ref().and_then(|s| s.position.as_deref()).map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>()),
        "recipients": document.recipients,
        "changes": changes,
        "relations": main_relations,
        "basis": basis,
        "sections": document.sections,
        "targets": targets_view(site, document),
        "measurements": document.measurements.iter().map(measurement_view).collect::<Vec<_>>(),
        "appendices": document.appendices.iter().map(appendix_summary).collect::<Vec<_>>(),
        "attachments": document.attachments.iter().map(|a| json!({
            "url": a.path(&document.id),
            "name": a.name,
            "title": a.title,
            "format": a.format,
            "media_type": a.media_type,
            "size": crate::vietnamese::size_label(a.bytes),
        })).collect::<Vec<_>>(),
    })
}

fn measurement_view(m: &crate::site::Measurement) -> Value {
    json!({
        "id": m.id,
        "text": m.text,
        "value": format_number(m.value),
        "denominator": m.denominator.map(format_number),
        "percent": m.percent.map(format_number),
        "unit": m.unit,
        "as_of": m.as_of.as_deref().map(short_date),
        "targets": m.targets.iter().map(|t| json!({"document": t.document, "id": t.id, "comparable": t.comparable, "note": t.note})).collect::<Vec<_>>(),
        "indicator": m.indicator,
    })
}

/// A target with its status, for lists.
pub fn target_view(site: &Site, document: &Document, target: &Target) -> Value {
    let assessment = progress::assess(site, document, target);
    let status = assessment.status();
    json!({
        "id": target.id,
        "label": target.label,
        "area": target.area,
        "text": target.text,
        "section": target.section,
        "indicator": target.indicator,
        "indicator_name": target.indicator.as_deref().and_then(|i| site.indicator(i)).map(|i| i.name.clone()),
        "level": target.level.map(|l| l.label()),
        "goal": target.value.map(|v| goal_text(target.comparison.as_deref(), v, target.unit.as_deref())),
        "year": target.year,
        "status": status.label(),
        "status_key": status.key(),
        "rule": assessment.rule.key(),
        "progress": assessment.summary(target),
        "share_of_goal": assessment.share_of_goal.map(|s| s.min(Decimal::ONE_HUNDRED).to_string()),
        "share_text": assessment.share_of_goal.map(format_number),
        "document": document_summary(site, document),
        "measured": assessment.evidence.iter().map(|e| {
            let mut view = measurement_view(e.measurement);
            view["document"] = document_summary(site, e.document);
            view["named"] = json!(e.named);
            view
        }).collect::<Vec<_>>(),
    })
}

fn targets_view(site: &Site, document: &Document) -> Vec<Value> {
    document
        .targets
        .iter()
        .map(|t| target_view(site, document, t))
        .collect()
}

fn appendix_summary(appendix: &Appendix) -> Value {
    json!({
        "id": appendix.id,
        // What the pages call it: its number as printed, else its ID.
        "number": appendix.number.as_deref().unwrap_or(&appendix.id),
        "title": appendix.title,
        "rows": count_text(appendix.row_count),
        "groups": appendix.group_count,
        "groups_text": count_text(appendix.group_count),
        "unit": appendix.unit,
    })
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

fn row_view(site: &Site, appendix: &Appendix, row: &TableRow, project: Option<&str>) -> Value {
    let unknown = crate::site::RowStatus::unknown();
    let status = row.status.as_deref().map(|id| {
        site.row_statuses
            .iter()
            .find(|s| s.id == id)
            .unwrap_or(&unknown)
    });
    let cells: Vec<Value> = appendix
        .columns
        .iter()
        .zip(&row.cells)
        .map(|(column, cell)| {
            let display = match (column.role, cell.value) {
                (ColumnRole::Amount, Some(value)) => amount_display(&cell.text, value),
                _ => cell.text.clone(),
            };
            let standard = status.filter(|_| column.role == ColumnRole::Status);
            json!({
                "text": display,
                "printed": (display != cell.text).then(|| cell.text.clone()),
                "numeric": column.role == ColumnRole::Amount && cell.value.is_some(),
                "sort": cell.value.map(|v| v.to_string()),
                "status": standard.map(|s| json!({"id": s.id, "label": s.label})),
                "project": project.filter(|_| column.role == ColumnRole::Name),
            })
        })
        .collect();
    let checks: Vec<Value> = row
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
            json!({
                "column": title,
                "stated": stated.clone().unwrap_or_else(|| c.stated_text.clone()),
                "printed": stated.filter(|s| *s != c.stated_text.trim()).map(|_| c.stated_text.trim()),
                "unit": appendix.unit,
                "computed": format_number(c.computed),
                "difference": c.difference.map(format_number),
            })
        })
        .collect();
    json!({
        "kind": row.kind,
        "anchor": row.anchor,
        "depth": row.depth,
        "cells": cells,
        "checks": checks,
        "agencies": row.agencies,
    })
}

/// The display rows, each with the anchors of the groups that contain it, so that the
/// table's script can keep group headings with the rows it shows.
/// The rows of `appendix` as its page shows them, each with the anchors of the groups that
/// enclose it, made one at a time (a page renders them a few hundred at a time).
pub fn appendix_rows<'a>(
    site: &'a Site,
    appendix: &'a Appendix,
    project_of: impl Fn(&str) -> Option<&'a str> + 'a,
) -> impl Iterator<Item = Value> + 'a {
    let mut open: Vec<(usize, &str)> = Vec::new();
    appendix.rows.iter().map(move |row| {
        open.retain(|(depth, _)| *depth < row.depth);
        let project = (row.kind == "row")
            .then(|| project_of(&row.anchor))
            .flatten();
        let mut view = row_view(site, appendix, row, project);
        view["groups"] = json!(open.iter().map(|(_, a)| *a).collect::<Vec<_>>().join(" "));
        if row.kind == "group" {
            open.push((row.depth, &row.anchor));
        }
        view
    })
}

/// Everything the appendix page shows but its rows ([`appendix_rows`], rendered apart).
pub fn appendix_page(site: &Site, document: &Document, appendix: &Appendix) -> Value {
    json!({
        "document": document_summary(site, document),
        "appendix": appendix_summary(appendix),
        "caption": appendix.caption,
        "columns": appendix.columns.iter().map(|c| json!({"title": c.title, "numeric": c.role == ColumnRole::Amount, "role": c.role})).collect::<Vec<_>>(),
        "mismatches": appendix.rows.iter().filter(|r| r.checks.iter().any(|c| c.difference.is_some())).count(),
    })
}

/// The most rows a project list page shows. A longer list is shown appendix by appendix
/// instead, each line leading to the appendix's own table: at national scale the rows of an
/// agency or a province would otherwise be written again, page after page, beside the
/// appendices that hold them.
pub const PROJECTS_PER_PAGE: usize = 250;

/// Site path of the first page of a province's projects: `tinh/<id>/du-an/`.
pub fn province_projects_path(province: &str) -> String {
    format!("tinh/{province}/du-an/")
}

/// Site path of an agency's page, the first page of its projects: `co-quan/<id>/`.
pub fn agency_path(agency: &str) -> String {
    format!("co-quan/{agency}/")
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
) -> Vec<Value> {
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
            Some(json!({
                "filter": filter,
                "document": document_summary(site, document),
                "appendix": appendix.id,
                "appendix_number": appendix.number.as_deref().unwrap_or(&appendix.id),
                "appendix_title": appendix.title,
                "count_text": count_text(found.count),
                "total": format_number(found.total),
                "stated": appendix
                    .stated_total_in_millions()
                    .filter(|stated| whole_appendices && *stated != found.total)
                    .map(format_number),
            }))
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

/// A project list: the amounts appendix by appendix ([`amounts_by_appendix`]) and, when
/// it has at most [`PROJECTS_PER_PAGE`] rows, the rows themselves; a longer list is only
/// summed by appendix, each line leading to the appendix's table (`by_appendix_only`).
fn project_list_page(
    site: &Site,
    list: &ProjectList,
    whole_appendices: bool,
    agency: Option<(&ProjectIndex, &str)>,
) -> anyhow::Result<Value> {
    let long = list.len() > PROJECTS_PER_PAGE;
    let rows = if long {
        Vec::new()
    } else {
        list.rows(0, PROJECTS_PER_PAGE)?
    };
    Ok(json!({
        "projects": rows,
        "by_appendix_only": long,
        "count": list.len(),
        "count_text": count_text(list.len()),
        "amounts": amounts_by_appendix(site, list, whole_appendices, agency),
    }))
}

/// A project as a line of the projects table, with its main amount in triệu đồng.
pub fn project_view(site: &Site, project: &Project, amount: Option<Decimal>) -> Value {
    json!({
        "document": document_summary(site, project.document),
        "appendix": project.appendix.id,
        "appendix_number": project.appendix.number,
        "anchor": project.row.anchor,
        "name": project.row.name,
        "agency": project.row.agency,
        "agencies": project.row.agencies.iter().map(|a| json!({"id": a, "name": agency_name(site, a)})).collect::<Vec<_>>(),
        "period": project.row.period,
        "funding": project.row.funding,
        "status": project.row.status_text,
        "status_standard": project.row.status.as_deref().map(|id| {
            site.row_statuses
                .iter()
                .find(|s| s.id == id)
                .map_or_else(|| crate::site::RowStatus::unknown().label, |s| s.label.clone())
        }),
        "project": project.page,
        "amount": amount.map(format_number),
        "amount_sort": amount.map(|a| a.to_string()),
    })
}

/// Provinces sorted by name, each with its documents.
pub fn province_page(site: &Site, province: &crate::site::Province, index: &ProjectIndex) -> Value {
    let documents: Vec<&Document> = site
        .documents
        .iter()
        .filter(|d| d.province == province.id)
        .collect();
    let mut years: Vec<(String, Vec<Value>)> = Vec::new();
    // A decision with the plan it issues, in the decision's year.
    for summary in super::portal::grouped_documents(site, &documents) {
        let year = summary["issued"]
            .as_str()
            .and_then(|d| d.get(6..10))
            .unwrap_or_default()
            .to_string();
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, list)) => list.push(summary),
            None => years.push((year, vec![summary])),
        }
    }
    let targets: Vec<Value> = documents
        .iter()
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .map(|(d, t)| target_view(site, d, t))
        .collect();
    let mine = index.of_province(&province.id);
    json!({
        "summary": super::overview::province_summary(site, province),
        "province": province,
        "merged_into": province.merged_into.as_deref().and_then(|id| site.province(id)).map(|p| p.name.clone()),
        "years": years.into_iter().map(|(year, documents)| json!({"year": year, "documents": documents})).collect::<Vec<_>>(),
        "targets": targets,
        "projects_count": mine.len(),
        "projects_count_text": count_text(mine.len()),
        "amounts": amounts_by_appendix(site, &mine, true, None),
    })
}

/// Page `number` of a province's projects (`tinh/<id>/du-an/`).
pub fn province_projects_page(
    site: &Site,
    province: &crate::site::Province,
    index: &ProjectIndex,
) -> anyhow::Result<Value> {
    let mine = index.of_province(&province.id);
    let mut page = project_list_page(site, &mine, true, None)?;
    page["province"] = json!(province);
    Ok(page)
}

/// The projects index: each province with its number of projects and of appendices that
/// list them.
pub fn projects_page(site: &Site, index: &ProjectIndex) -> Value {
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .filter_map(|p| {
            let mine = index.of_province(&p.id);
            (!mine.is_empty()).then(|| {
                json!({
                    "id": p.id,
                    "name": p.name,
                    "count": mine.len(),
                    "count_text": count_text(mine.len()),
                    "appendices_text": count_text(mine.by_appendix().len()),
                })
            })
        })
        .collect();
    json!({
        "overview": super::overview::projects_overview(site),
        "provinces": provinces,
        "count": index.len(),
        "count_text": count_text(index.len()),
        "tracked_text": count_text(site.lineage.projects().len()),
    })
}

/// Page `number` of an agency's projects and tasks across documents (`co-quan/<id>/`).
pub fn agency_page(
    site: &Site,
    agency: &crate::site::Agency,
    index: &ProjectIndex,
) -> anyhow::Result<Value> {
    let mine = index.of_agency(&agency.id);
    let mut documents: Vec<Value> = site
        .documents
        .iter()
        .filter(|d| d.issuer == agency.id)
        .map(|d| document_summary(site, d))
        .collect();
    documents.dedup();
    let mut page = project_list_page(site, &mine, false, Some((index, &agency.id)))?;
    page["agency"] = json!(agency);
    page["province"] = json!(
        agency
            .province
            .as_deref()
            .and_then(|p| site.province(p))
            .map(|p| p.name.clone())
    );
    page["issued"] = json!(documents);
    Ok(page)
}

/// The targets index: the indicators and provinces with their counts of targets and, while
/// the site has at most `listed_at_most` targets ([`TARGETS_ON_INDEX`] in a build), every
/// target grouped by document. A national site lists them on each province's page instead.
pub fn targets_page(site: &Site, listed_at_most: usize) -> Value {
    let total: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    let groups: Vec<Value> = if total <= listed_at_most {
        site.documents
            .iter()
            .filter(|d| !d.targets.is_empty())
            .map(|d| json!({"document": document_summary(site, d), "targets": targets_view(site, d)}))
            .collect()
    } else {
        Vec::new()
    };
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .filter_map(|p| {
            let count: usize = site
                .documents
                .iter()
                .filter(|d| d.province == p.id)
                .map(|d| d.targets.len())
                .sum();
            (count > 0).then(|| json!({"id": p.id, "name": p.name, "targets": count}))
        })
        .collect();
    let mut indicators: Vec<Value> = site
        .indicators
        .iter()
        .map(|i| {
            let count = site
                .documents
                .iter()
                .flat_map(|d| &d.targets)
                .filter(|t| t.indicator.as_deref() == Some(i.id.as_str()))
                .count();
            json!({"id": i.id, "name": i.name, "targets": count})
        })
        .collect();
    indicators.retain(|i| i["targets"].as_u64().unwrap_or(0) > 0);
    json!({"groups": groups, "indicators": indicators, "provinces": provinces, "total": total, "grid": super::overview::grid(site)})
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
pub fn indicator_page(
    site: &Site,
    indicator: &crate::site::Indicator,
    listed_at_most: usize,
) -> Value {
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
    let targets: Vec<Value> = if listed {
        of_indicator
            .iter()
            .map(|(d, t)| target_view(site, d, t))
            .collect()
    } else {
        Vec::new()
    };
    let measurements: Vec<Value> = if listed {
        measured
            .iter()
            .map(|(d, m)| {
                let mut view = measurement_view(m);
                view["document"] = document_summary(site, d);
                view
            })
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
    json!({
        "indicator": indicator,
        "targets": targets,
        "measurements": measurements,
        "by_province": by_province,
        "target_count": count_text(of_indicator.len()),
        "measurement_count": count_text(measured.len()),
        "measured_any": !measured.is_empty(),
        "chart": chart,
    })
}

/// One row per province for an indicator of a national site: how many targets it sets, the
/// lowest and highest goal, the years, the targets by status, and its latest measurement.
fn indicator_by_province(
    site: &Site,
    targets: &[(&Document, &Target)],
    measured: &[(&Document, &crate::site::Measurement)],
) -> Vec<Value> {
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
            Some(json!({
                "id": province.id,
                "name": province.name,
                "targets": count_text(mine.len()),
                "targets_sort": mine.len(),
                "goals": match (lowest, highest) {
                    (Some(l), Some(h)) if l == h => l,
                    (Some(l), Some(h)) => format!("{l} – {h}"),
                    _ => String::new(),
                },
                "years": match (years.iter().min(), years.iter().max()) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a} – {b}"),
                    _ => String::new(),
                },
                "statuses": statuses
                    .iter()
                    .map(|(status, n)| format!("{}: {}", status.label(), format_number(Decimal::from(*n))))
                    .collect::<Vec<_>>()
                    .join("; "),
                "latest": latest.map(|(d, m)| {
                    let mut view = measurement_view(m);
                    view["document"] = document_summary(site, d);
                    view
                }),
            }))
        })
        .collect()
}

/// The home page: each province's money and targets (the overview), the latest documents.
pub fn home_page(site: &Site, index: &ProjectIndex) -> Value {
    json!({
        "overview": super::overview::home_overview(site),
        // A decision with the plan it issues, as one entry.
        "latest": super::portal::grouped_documents(site, &site.documents.iter().take(10).collect::<Vec<_>>()),
        "projects": index.len(),
        "projects_tracked": site.lineage.projects().len(),
    })
}

/// Agencies with at least one project or document, in Vietnamese order.
pub fn agencies_index(site: &Site, index: &ProjectIndex) -> Value {
    let agency = |a: &crate::site::Agency| {
        let projects = index.of_agency(&a.id).len();
        json!({"id": a.id, "name": a.name, "projects": projects, "projects_text": count_text(projects)})
    };
    let of = |province: Option<&str>| -> Vec<Value> {
        let mut mine: Vec<&crate::site::Agency> = site
            .agencies
            .iter()
            .filter(|a| a.province.as_deref() == province)
            .collect();
        mine.sort_by(|a, b| compare(&a.name, &b.name));
        mine.into_iter().map(agency).collect()
    };
    // Each province's agencies under its name, in Vietnamese order; national bodies first.
    let mut groups = vec![json!({"id": "trung-uong", "province": null, "agencies": of(None)})];
    groups.extend(
        site.provinces
            .iter()
            .map(|p| json!({"id": p.id, "province": p.name, "agencies": of(Some(&p.id))})),
    );
    groups.retain(|g| g["agencies"].as_array().is_some_and(|a| !a.is_empty()));
    json!({ "groups": groups, "count_text": count_text(site.agencies.len()) })
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
