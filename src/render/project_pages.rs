//! A page per project (`/du-an/<id>/`): the rows of every document that mention it, oldest
//! first, with what changed from one to the next; and what a report changed ("Có gì mới").

use super::views::document_summary;
use crate::model::Period;
use crate::site::changes::{Changes, percent_change};
use crate::site::lineage::{MentionAt, Project, period_of, same_money};
use crate::site::{Document, Site};
use crate::vietnamese::{format_count, format_number};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Site path of a project's page.
pub fn project_path(id: &str) -> String {
    format!("du-an/{id}/")
}

/// A standard status as pages show it: its label and key.
fn status_view(site: &Site, status: Option<&str>) -> Value {
    let Some(id) = status else {
        return Value::Null;
    };
    let unknown = crate::site::RowStatus::unknown();
    let found = site
        .row_statuses
        .iter()
        .find(|s| s.id == id)
        .unwrap_or(&unknown);
    json!({"id": found.id, "label": found.label})
}

/// One mention of a project as its timeline and the change lists show it.
fn mention_view(site: &Site, (d, k): MentionAt) -> Value {
    let document = &site.documents[d];
    let mention = &document.projects[k];
    let appendix = document.appendices.get(mention.appendix);
    json!({
        "document": document_summary(site, document),
        "appendix": appendix.map(|a| a.id.clone()),
        "appendix_number": appendix.map(|a| a.number.clone().unwrap_or_else(|| a.id.clone())),
        "appendix_title": appendix.map(|a| a.title.clone()),
        "unit": appendix.and_then(|a| a.unit.clone()),
        "anchor": mention.anchor,
        "label": mention.label,
        "name": mention.name,
        "agency": mention.agency,
        "period": mention.period,
        "funding": mention.funding,
        "amount_text": mention.amount_text,
        "amount": mention.amount.map(format_number),
        "converted": appendix.and_then(|a| a.unit.as_deref()).is_some_and(|u| u != "triệu đồng"),
        "status_text": mention.status_text,
        "status": status_view(site, mention.status.as_deref()),
        "project": site.lineage.page_of((d, k)).map(|p| p.id.clone()),
        "row_url": document.row_path(mention),
    })
}

/// "18.000 → 14.755 triệu đồng, −18 %" between two amounts in triệu đồng.
pub fn amount_change(before: Decimal, after: Decimal) -> String {
    let percent = percent_change(before, after)
        .map(|p| {
            let sign = if p > Decimal::ZERO {
                "+"
            } else if p < Decimal::ZERO {
                "−"
            } else {
                ""
            };
            format!(", {sign}{}\u{a0}%", format_number(p.abs()))
        })
        .unwrap_or_default();
    format!(
        "{} → {} triệu đồng{percent}",
        format_number(before),
        format_number(after)
    )
}

fn period_text(period: Period) -> String {
    if period.from == period.to {
        period.from.to_string()
    } else {
        format!("{} – {}", period.from, period.to)
    }
}

/// What changed from one mention to the next: amount (only within one period: the money of
/// two periods is not one budget), status, name, agency.
fn step(site: &Site, before: MentionAt, after: MentionAt) -> Vec<String> {
    let (a_row, b_row) = (
        &site.documents[before.0].projects[before.1],
        &site.documents[after.0].projects[after.1],
    );
    let mut changes = Vec::new();
    let periods = (
        period_of(&site.documents, before),
        period_of(&site.documents, after),
    );
    if let (Some(a), Some(b)) = periods
        && !a.overlaps(b)
    {
        changes.push(format!(
            "Sang giai đoạn khác ({} → {}): kinh phí của hai giai đoạn không so sánh với nhau",
            period_text(a),
            period_text(b)
        ));
    } else {
        match (a_row.amount, b_row.amount) {
            (Some(a), Some(b)) if a != b => {
                changes.push(format!("Kinh phí: {}", amount_change(a, b)))
            }
            (Some(_), None) => changes.push("Văn bản sau không ghi kinh phí".to_string()),
            _ => {}
        }
    }
    let (before, after) = (a_row, b_row);
    match (&before.status, &after.status) {
        (Some(a), Some(b)) if a != b => changes.push("Tình trạng thay đổi".to_string()),
        (None, Some(_)) => changes.push("Lần đầu có ghi tình trạng".to_string()),
        _ => {}
    }
    if before.name != after.name {
        changes.push("Tên ghi khác".to_string());
    }
    if before.agency != after.agency && !after.agency.is_empty() {
        changes.push(format!("Cơ quan chủ trì ghi: {}", after.agency));
    }
    changes
}

/// How many documents mention a project.
pub fn documents_of(project: &Project) -> usize {
    let mut documents: Vec<usize> = project.mentions.iter().map(|at| at.0).collect();
    documents.sort_unstable();
    documents.dedup();
    documents.len()
}

/// Everything a project's page shows.
pub fn project_page(site: &Site, project: &Project) -> Value {
    let mut timeline = Vec::new();
    let mut previous: Option<MentionAt> = None;
    for &at in &project.mentions {
        let mut view = mention_view(site, at);
        view["changes"] = json!(previous.map(|p| step(site, p, at)).unwrap_or_default());
        timeline.push(view);
        previous = Some(at);
    }
    let latest = project
        .mentions
        .last()
        .map(|&(d, k)| (&site.documents[d], &site.documents[d].projects[k]));
    let first = project
        .mentions
        .first()
        .map(|&(d, k)| &site.documents[d].projects[k]);
    // The change over the project's life, within the period of its latest mention.
    let amounts: Vec<Decimal> = project
        .mentions
        .iter()
        .filter(|&&at| {
            project
                .mentions
                .last()
                .is_none_or(|&last| same_money(&site.documents, at, last))
        })
        .filter_map(|&(d, k)| site.documents[d].projects[k].amount)
        .collect();
    let overall = match (amounts.first(), amounts.last()) {
        (Some(a), Some(b)) if amounts.len() > 1 && a != b => Some(amount_change(*a, *b)),
        _ => None,
    };
    let (document, mention) = match latest {
        Some(found) => found,
        None => return Value::Null,
    };
    json!({
        "id": project.id,
        "name": mention.name,
        "first_name": first.filter(|f| f.name != mention.name).map(|f| f.name.clone()),
        "agency": mention.agency,
        "agencies": mention.agencies.iter().filter_map(|a| site.agency(a)).map(|a| json!({"id": a.id, "name": a.name})).collect::<Vec<_>>(),
        "province": site.province(&document.province),
        "status": status_view(site, mention.status.as_deref()),
        "status_text": mention.status_text,
        "money": mention.amount.map(super::overview::money_view),
        "overall_change": overall,
        "mentions_text": format_count(project.mentions.len()),
        "documents_text": format_count(documents_of(project)),
        "timeline": timeline,
    })
}

/// The most lines each list of "Có gì mới" shows; the summary above them gives every count,
/// and the rows themselves are in the appendices: at national scale a report leaves
/// hundreds of its plan's rows unrepeated, and listing them all made its page four times
/// longer.
pub const CHANGES_LISTED: usize = 50;

/// "Có gì mới" on a report's page: the changes, each item linked to its rows.
pub fn changes_view(site: &Site, changes: &Changes) -> Value {
    let pairs = |list: &[(MentionAt, MentionAt)]| -> Vec<Value> {
        list.iter()
            .take(CHANGES_LISTED)
            .map(|&(before, now)| {
                let a = &site.documents[before.0].projects[before.1];
                let b = &site.documents[now.0].projects[now.1];
                let mut view = mention_view(site, now);
                view["before"] = mention_view(site, before);
                view["change"] = match (a.amount, b.amount) {
                    (Some(x), Some(y)) => json!(amount_change(x, y)),
                    _ => Value::Null,
                };
                view
            })
            .collect()
    };
    let singles = |list: &[MentionAt]| -> Vec<Value> {
        list.iter()
            .take(CHANGES_LISTED)
            .map(|&at| mention_view(site, at))
            .collect()
    };
    // How many lines of each list are not shown.
    let more = |len: usize| len.saturating_sub(CHANGES_LISTED);
    json!({
        "summary": changes.summary(),
        "baseline": changes.baseline.iter().filter_map(|&d| site.documents.get(d)).map(|d: &Document| document_summary(site, d)).collect::<Vec<_>>(),
        "added": singles(&changes.added),
        "added_count": changes.added.len(),
        "added_more": more(changes.added.len()),
        "continued": pairs(&changes.continued),
        "continued_count": changes.continued.len(),
        "continued_more": more(changes.continued.len()),
        "amount_changed": pairs(&changes.amount_changed),
        "amount_changed_more": more(changes.amount_changed.len()),
        "finished": singles(&changes.finished),
        "finished_more": more(changes.finished.len()),
        "not_repeated": singles(&changes.not_repeated),
        "not_repeated_count": changes.not_repeated.len(),
        "not_repeated_more": more(changes.not_repeated.len()),
        "newly_measured": changes.newly_measured.iter().map(|&(d, t)| {
            let document = &site.documents[d];
            super::views::target_view(site, document, &document.targets[t])
        }).collect::<Vec<_>>(),
    })
}
