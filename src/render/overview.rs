//! What the first screens show: each province's money and targets by status (home page,
//! province page), the money of every plan (`/du-an/`), the register of stated totals that
//! differ from their rows (`/doi-chieu-tong/`), the province × indicator grid, and the
//! methodology of the statuses (`/chi-tieu/phuong-phap/`).

use super::chart::{Bar, StackedBar, bar_chart, stacked_chart};
use super::views::document_summary;
use crate::site::money::{self, FUNDING_GROUPS, Tally};
use crate::site::progress::{self, Rule, Status};
use crate::site::{Document, Province, Site};
use crate::vietnamese::{format_count, format_number};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// A sum of money as a headline shows it, with the exact figure one step away.
pub fn money_view(million: Decimal) -> Value {
    json!({
        "headline": money::headline(million),
        "exact": money::exact(million),
        "sort": million.to_string(),
    })
}

/// The CSS class of a status's part in a chart.
fn status_class(status: Status) -> String {
    format!("s-{}", status.key())
}

/// How many targets of `documents` have each status, in [`Status::ALL`] order.
pub fn status_counts<'a>(site: &Site, documents: impl Iterator<Item = &'a Document>) -> [usize; 5] {
    let mut counts = [0; 5];
    for document in documents {
        for target in &document.targets {
            let status = progress::assess(site, document, target).status();
            if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
                counts[i] += 1;
            }
        }
    }
    counts
}

fn counts_view(counts: &[usize; 5]) -> Vec<Value> {
    Status::ALL
        .iter()
        .zip(counts)
        .map(|(status, count)| {
            json!({"key": status.key(), "label": status.label(), "count": count, "count_text": format_count(*count)})
        })
        .collect()
}

/// A province's money (its current plan's own-period rows) and its targets by status.
pub fn province_summary(site: &Site, province: &Province) -> Value {
    let counts = province_counts(site, province);
    summary_with(site, province, &counts)
}

/// How many targets of a province's documents have each status.
fn province_counts(site: &Site, province: &Province) -> [usize; 5] {
    status_counts(
        site,
        site.documents.iter().filter(|d| d.province == province.id),
    )
}

/// [`province_summary`] with the province's targets counted already.
fn summary_with(site: &Site, province: &Province, counts: &[usize; 5]) -> Value {
    let plan = money::current_plan(site, &province.id);
    let tally = plan.map(|p| Tally::of(money::planned(p)));
    let stated = plan.and_then(money::stated_total);
    json!({
        "id": province.id,
        "name": province.name,
        "documents": site.documents.iter().filter(|d| d.province == province.id).count(),
        "plan": plan.map(|p| document_summary(site, p)),
        "plan_period": plan.and_then(|p| p.period).map(|p| format!("{} – {}", p.from, p.to)),
        "money": tally.as_ref().map(|t| money_view(t.total)),
        "stated": stated.filter(|s| tally.as_ref().is_some_and(|t| t.total != *s)).map(money_view),
        "projects": tally.as_ref().map(|t| t.count),
        "projects_text": tally.as_ref().map(|t| format_count(t.count)),
        "with_amount_text": tally.as_ref().map(|t| format_count(t.with_amount)),
        "funding": plan.map(|p| funding_view(&funding_tallies(money::planned(p)))).unwrap_or_default(),
        "status": counts_view(counts),
        "targets": counts.iter().sum::<usize>(),
    })
}

/// Rows tallied by funding group, in [`FUNDING_GROUPS`] order, empty groups left out.
fn funding_tallies<'a>(
    mentions: impl Iterator<Item = &'a crate::site::RowMention>,
) -> Vec<(&'static str, Tally)> {
    let mut by_group: BTreeMap<usize, Tally> = BTreeMap::new();
    for mention in mentions {
        let group = money::funding_group(&mention.funding);
        let position = FUNDING_GROUPS.iter().position(|g| *g == group).unwrap_or(0);
        by_group.entry(position).or_default().add(mention);
    }
    by_group
        .into_iter()
        .map(|(position, tally)| (FUNDING_GROUPS[position], tally))
        .collect()
}

fn funding_view(tallies: &[(&'static str, Tally)]) -> Vec<Value> {
    tallies
        .iter()
        .map(|(name, tally)| {
            json!({
                "name": name,
                "count_text": format_count(tally.count),
                "money": money_view(tally.total),
            })
        })
        .collect()
}

/// The chart of targets by status, one bar per province that sets targets.
fn status_chart(provinces: &[(&Province, [usize; 5])], id: &str) -> Option<String> {
    let classes: Vec<String> = Status::ALL.iter().map(|s| status_class(*s)).collect();
    let legend: Vec<(&str, &str)> = Status::ALL
        .iter()
        .zip(&classes)
        .map(|(s, class)| (s.label(), class.as_str()))
        .collect();
    let bars: Vec<StackedBar> = provinces
        .iter()
        .filter(|(_, counts)| counts.iter().sum::<usize>() > 0)
        .map(|(province, counts)| StackedBar {
            label: province.name.clone(),
            parts: counts.to_vec(),
        })
        .collect();
    (!bars.is_empty())
        .then(|| stacked_chart("Chỉ tiêu theo tình trạng, theo tỉnh", &legend, &bars, id))
}

/// A chart of money in tỷ đồng, one bar per (label, triệu đồng).
fn money_chart(title: &str, rows: &[(String, Decimal)], id: &str) -> Option<String> {
    let bars: Vec<Bar> = rows
        .iter()
        .filter(|(_, total)| *total > Decimal::ZERO)
        .map(|(label, total)| Bar {
            label: label.clone(),
            value: (*total / Decimal::from(1000)).round_dp(1),
        })
        .collect();
    (!bars.is_empty()).then(|| bar_chart(title, "tỷ đồng", &bars, &[], id))
}

/// The home page's overview: each province with its money and targets, the chart of
/// targets by status, the site's totals.
pub fn home_overview(site: &Site) -> Value {
    let counted: Vec<(&Province, [usize; 5])> = site
        .provinces
        .iter()
        .filter(|p| site.documents.iter().any(|d| d.province == p.id))
        .map(|p| (p, province_counts(site, p)))
        .collect();
    // Every document is of a province: the site's counts are the provinces' added up.
    let mut counts = [0; 5];
    for (_, mine) in &counted {
        for (total, n) in counts.iter_mut().zip(mine) {
            *total += n;
        }
    }
    let provinces: Vec<Value> = counted
        .iter()
        .map(|(p, mine)| summary_with(site, p, mine))
        .collect();
    json!({
        "provinces_text": format_count(provinces.len()),
        "provinces": provinces,
        "status": counts_view(&counts),
        "status_chart": status_chart(&counted, "bieu-do-tinh-trang"),
        "targets_text": format_count(counts.iter().sum()),
    })
}

/// `/du-an/`: the money of every province's current plan, by funding source, by document
/// and appendix, by period, and the largest projects.
pub fn projects_overview(site: &Site) -> Value {
    let mut by_province: Vec<(String, Decimal)> = Vec::new();
    let mut provinces = Vec::new();
    let mut planned: Vec<&crate::site::RowMention> = Vec::new();
    for province in &site.provinces {
        let Some(plan) = money::current_plan(site, &province.id) else {
            continue;
        };
        let tally = Tally::of(money::planned(plan));
        planned.extend(money::planned(plan));
        by_province.push((province.name.clone(), tally.total));
        let stated = money::stated_total(plan).filter(|s| *s != tally.total);
        provinces.push(json!({
            "id": province.id,
            "name": province.name,
            "plan": document_summary(site, plan),
            "count_text": format_count(tally.count),
            "money": money_view(tally.total),
            "stated": stated.map(money_view),
        }));
    }
    let all = Tally::of(planned.iter().copied());
    let funding = funding_tallies(planned.iter().copied());
    let funding_rows: Vec<(String, Decimal)> = funding
        .iter()
        .map(|(name, tally)| (name.to_string(), tally.total))
        .collect();
    json!({
        "total": money_view(all.total),
        "count_text": format_count(all.count),
        "with_amount_text": format_count(all.with_amount),
        "provinces": provinces,
        "province_chart": money_chart("Kinh phí dự kiến của kế hoạch hiện hành, theo tỉnh (tỷ đồng)", &by_province, "bieu-do-kinh-phi-tinh"),
        "funding": funding_view(&funding),
        "funding_chart": money_chart("Kinh phí dự kiến theo nguồn vốn (tỷ đồng)", &funding_rows, "bieu-do-nguon-von"),
        "appendices": appendices_view(site),
        "periods": periods_view(site),
        "largest": largest_view(site, 10),
    })
}

/// Every appendix with money: its document, period, rows, the sum of its rows and the total
/// it prints. Appendices are not added together: a report lists again its plan's projects.
fn appendices_view(site: &Site) -> Vec<Value> {
    let mut list = Vec::new();
    for document in &site.documents {
        for (position, appendix) in document.appendices.iter().enumerate() {
            let rows: Vec<&crate::site::RowMention> = document
                .projects
                .iter()
                .filter(|m| m.appendix == position)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let tally = Tally::of(rows.iter().copied());
            let stated = appendix.stated_total_in_millions();
            list.push(json!({
                "document": document_summary(site, document),
                "appendix": appendix.id,
                "number": appendix.number.as_deref().unwrap_or(&appendix.id),
                "title": appendix.title,
                "period": document.appendix_period(position).map(|p| period_text(p.from, p.to)),
                "own_period": money::is_own_period(document, appendix),
                "count_text": format_count(tally.count),
                "money": money_view(tally.total),
                "stated": stated.map(money_view),
                "differs": stated.is_some_and(|s| s != tally.total),
            }));
        }
    }
    list
}

fn period_text(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} – {to}")
    }
}

/// Rows and money by the period of their appendix (or document), across all documents.
fn periods_view(site: &Site) -> Vec<Value> {
    let mut by_period: BTreeMap<(i32, i32), (Tally, usize)> = BTreeMap::new();
    for document in &site.documents {
        let mut seen = std::collections::HashSet::new();
        for mention in &document.projects {
            let Some(period) = document.appendix_period(mention.appendix) else {
                continue;
            };
            let (tally, documents) = by_period.entry((period.from, period.to)).or_default();
            tally.add(mention);
            if seen.insert((period.from, period.to)) {
                *documents += 1;
            }
        }
    }
    by_period
        .into_iter()
        .map(|((from, to), (tally, documents))| {
            json!({
                "period": period_text(from, to),
                "documents_text": format_count(documents),
                "count_text": format_count(tally.count),
                "money": money_view(tally.total),
            })
        })
        .collect()
}

/// The `count` largest projects by their latest amount (a project counted once, however
/// many documents mention it).
fn largest_view(site: &Site, count: usize) -> Vec<Value> {
    let mut ranked: Vec<(
        Decimal,
        &crate::site::lineage::Project,
        &Document,
        &crate::site::RowMention,
    )> = site
        .lineage
        .projects()
        .iter()
        .filter_map(|project| {
            let (d, k) = project
                .mentions
                .iter()
                .rev()
                .find(|(d, k)| site.documents[*d].projects[*k].amount.is_some())?;
            let document = &site.documents[*d];
            let mention = &document.projects[*k];
            Some((mention.amount?, project, document, mention))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    ranked
        .into_iter()
        .take(count)
        .map(|(amount, project, document, mention)| {
            json!({
                "id": project.id,
                "page": site.lineage.has_page(project),
                "row_url": document.row_path(mention),
                "name": mention.name,
                "agency": mention.agency,
                "province": site.province(&document.province).map(|p| p.name.clone()),
                "document": document_summary(site, document),
                "money": money_view(amount),
                "documents": super::project_pages::documents_of(project),
            })
        })
        .collect()
}

/// The register of every stated total that differs from the sum of its rows.
pub fn register(site: &Site) -> Value {
    let mut entries = Vec::new();
    for document in site.documents.iter().rev() {
        for appendix in &document.appendices {
            for m in &appendix.mismatches {
                entries.push(json!({
                    "document": document_summary(site, document),
                    "appendix": appendix.id,
                    "appendix_number": appendix.number.as_deref().unwrap_or(&appendix.id),
                    "appendix_title": appendix.title,
                    "unit": appendix.unit,
                    "anchor": m.anchor,
                    "group": m.group,
                    "column": m.column,
                    "stated": format_number(m.stated),
                    "stated_sort": m.stated.to_string(),
                    "computed_sort": m.computed.to_string(),
                    "stated_text": m.stated_text.trim(),
                    "computed": format_number(m.computed),
                    "difference": format_number(m.difference),
                    "difference_sort": m.difference.to_string(),
                }));
            }
        }
    }
    let documents = entries
        .iter()
        .map(|e| e["document"]["id"].clone())
        .collect::<std::collections::HashSet<_>>()
        .len();
    json!({
        "entries": entries,
        "count_text": format_count(entries.len()),
        "documents_text": format_count(documents),
    })
}

/// The methodology of the statuses: every status and rule, and the standard statuses of
/// appendix rows.
pub fn methodology(site: &Site) -> Value {
    json!({
        "statuses": Status::ALL.iter().map(|s| json!({
            "key": s.key(),
            "label": s.label(),
            "rules": Rule::ALL.iter().filter(|r| r.status() == *s).map(|r| json!({"key": r.key(), "text": r.text()})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "row_statuses": site.row_statuses.iter().map(|s| json!({
            "id": s.id,
            "label": s.label,
            "description": s.description,
            "phrases": s.phrases,
        })).collect::<Vec<_>>(),
        "unknown": crate::site::RowStatus::unknown(),
    })
}

/// The province × indicator grid: shared indicators as rows, provinces as columns; each
/// cell the goals and years, the latest value and the status of the province's targets.
pub fn grid(site: &Site) -> Value {
    let provinces: Vec<&Province> = site
        .provinces
        .iter()
        .filter(|p| {
            site.documents
                .iter()
                .any(|d| d.province == p.id && !d.targets.is_empty())
        })
        .collect();
    let rows: Vec<Value> = site
        .indicators
        .iter()
        .filter_map(|indicator| {
            let cells: Vec<Value> = provinces
                .iter()
                .map(|province| grid_cell(site, province, &indicator.id))
                .collect();
            cells.iter().any(|c| !c.is_null()).then(|| {
                json!({
                    "id": indicator.id,
                    "name": indicator.name,
                    "differs": indicator.notes.is_some(),
                    "cells": cells,
                })
            })
        })
        .collect();
    json!({
        "provinces": provinces.iter().map(|p| json!({"id": p.id, "name": p.name})).collect::<Vec<_>>(),
        "rows": rows,
    })
}

fn grid_cell(site: &Site, province: &Province, indicator: &str) -> Value {
    let targets: Vec<(&Document, &crate::site::Target)> = site
        .documents
        .iter()
        .filter(|d| d.province == province.id)
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .filter(|(_, t)| t.indicator.as_deref() == Some(indicator))
        .collect();
    if targets.is_empty() {
        return Value::Null;
    }
    let goals: Vec<Value> = targets
        .iter()
        .map(|(document, target)| {
            let assessment = progress::assess(site, document, target);
            let status = assessment.status();
            json!({
                "document": document.id,
                "document_label": super::document_title(site, document),
                "id": target.id,
                "goal": target.value.map(|v| crate::vietnamese::goal_text(target.comparison.as_deref(), v, target.unit.as_deref())),
                "level": target.level.map(|l| l.label()),
                "year": target.year,
                "status": status.label(),
                "status_key": status.key(),
                "rule": assessment.rule.key(),
                "latest": assessment.compared.map(|v| crate::vietnamese::goal_text(None, v, target.unit.as_deref())),
                "reason": assessment.reason,
            })
        })
        .collect();
    json!({ "goals": goals })
}
