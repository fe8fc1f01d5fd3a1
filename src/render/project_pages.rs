//! A page per project (`/du-an/<id>/`): the rows of every document that mention it, oldest
//! first, with what changed from one to the next; and what a report changed ("Có gì mới").

use super::views::{DocumentSummary, Link, RowStatusView, TargetView, WithUrl, document_summary};
use crate::model::Period;
use crate::site::changes::{Changes, percent_change};
use crate::site::lineage::{MentionAt, Project, period_of, same_money};
use crate::site::{Document, Site};
use crate::urls;
use crate::vietnamese::{format_count, format_number};
use rust_decimal::Decimal;
use serde::Serialize;

/// A standard status as pages show it: its label and key.
fn status_view(site: &Site, status: Option<&str>) -> Option<RowStatusView> {
    let id = status?;
    let unknown = crate::site::RowStatus::unknown();
    let found = site
        .row_statuses
        .iter()
        .find(|s| s.id == id)
        .unwrap_or(&unknown);
    Some(RowStatusView::of(found))
}

/// One mention of a project: a row of a document's appendix.
#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    /// The document.
    pub document: DocumentSummary,
    /// What the pages call its appendix.
    pub appendix_number: Option<String>,
    /// Its appendix's title.
    pub appendix_title: Option<String>,
    /// Its appendix's unit.
    pub unit: Option<String>,
    /// The row's label as printed ("1.2").
    pub label: String,
    /// Its name as printed.
    pub name: String,
    /// Its lead agency as printed.
    pub agency: String,
    /// Its years as printed.
    pub period: String,
    /// Its funding as printed.
    pub funding: String,
    /// Its amount as printed.
    pub amount_text: Option<String>,
    /// Its amount in triệu đồng.
    pub amount: Option<String>,
    /// True when the appendix's unit is not triệu đồng (the amount was converted).
    pub converted: bool,
    /// Its status as printed.
    pub status_text: String,
    /// Its standard status.
    pub status: Option<RowStatusView>,
    /// The row on its appendix's page.
    pub row_url: String,
    /// Where a list links it: its project's page, else its row.
    pub url: String,
}

/// One mention of a project as its timeline and the change lists show it.
fn mention_view(site: &Site, (d, k): MentionAt) -> MentionView {
    let document = &site.documents[d];
    let mention = &document.projects[k];
    let appendix = document.appendices.get(mention.appendix);
    let row_url = document.row_path(mention);
    MentionView {
        document: document_summary(site, document),
        appendix_number: appendix.map(|a| a.number.clone().unwrap_or_else(|| a.id.clone())),
        appendix_title: appendix.map(|a| a.title.clone()),
        unit: appendix.and_then(|a| a.unit.clone()),
        label: mention.label.clone(),
        name: mention.name.clone(),
        agency: mention.agency.to_string(),
        period: mention.period.to_string(),
        funding: mention.funding.to_string(),
        amount_text: mention.amount_text.clone(),
        amount: mention.amount.map(format_number),
        converted: appendix
            .and_then(|a| a.unit.as_deref())
            .is_some_and(|u| u != "triệu đồng"),
        status_text: mention.status_text.to_string(),
        status: status_view(site, mention.status.as_deref()),
        url: match site.lineage.page_of((d, k)) {
            Some(project) => urls::project(&project.id),
            None => row_url.clone(),
        },
        row_url,
    }
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

/// A mention on a project's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// The mention.
    #[serde(flatten)]
    pub mention: MentionView,
    /// What changed from the mention before.
    pub changes: Vec<String>,
}

/// Everything a project's page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectPage<'a> {
    /// Its ID.
    pub id: String,
    /// Its name, as its latest mention prints it.
    pub name: String,
    /// The name its first mention prints, where it differs.
    pub first_name: Option<String>,
    /// Its lead agency as printed.
    pub agency: String,
    /// The agencies its latest mention names, with their pages.
    pub agencies: Vec<Link>,
    /// Its province.
    pub province: Option<WithUrl<'a, crate::site::Province>>,
    /// Its standard status.
    pub status: Option<RowStatusView>,
    /// Its status as printed.
    pub status_text: String,
    /// Its latest amount.
    pub money: Option<super::overview::MoneyView>,
    /// Its amount's change over its life, within one period.
    pub overall_change: Option<String>,
    /// How many rows mention it, as printed.
    pub mentions_text: String,
    /// In how many documents, as printed.
    pub documents_text: String,
    /// Every mention, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// Everything a project's page shows; none for a project no row mentions.
pub fn project_page<'a>(site: &'a Site, project: &Project) -> Option<ProjectPage<'a>> {
    let mut timeline = Vec::new();
    let mut previous: Option<MentionAt> = None;
    for &at in &project.mentions {
        timeline.push(TimelineEntry {
            mention: mention_view(site, at),
            changes: previous.map(|p| step(site, p, at)).unwrap_or_default(),
        });
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
    let (document, mention) = latest?;
    Some(ProjectPage {
        id: project.id.clone(),
        name: mention.name.clone(),
        first_name: first
            .filter(|f| f.name != mention.name)
            .map(|f| f.name.clone()),
        agency: mention.agency.to_string(),
        agencies: mention
            .agencies
            .iter()
            .filter_map(|a| site.agency(a))
            .map(|a| Link {
                id: a.id.clone(),
                name: a.name.clone(),
                url: urls::agency(&a.id),
            })
            .collect(),
        province: site.province(&document.province).map(|p| WithUrl {
            inner: p,
            url: urls::province(&p.id),
        }),
        status: status_view(site, mention.status.as_deref()),
        status_text: mention.status_text.to_string(),
        money: mention.amount.map(super::overview::money_view),
        overall_change: overall,
        mentions_text: format_count(project.mentions.len()),
        documents_text: format_count(documents_of(project)),
        timeline,
    })
}

/// The most lines each list of "Có gì mới" shows; the summary above them gives every count,
/// and the rows themselves are in the appendices: at national scale a report leaves
/// hundreds of its plan's rows unrepeated, and listing them all made its page four times
/// longer.
pub const CHANGES_LISTED: usize = 50;

/// A project in a report and in the documents before it.
#[derive(Debug, Clone, Serialize)]
pub struct MentionPair {
    /// Its mention in the report.
    #[serde(flatten)]
    pub now: MentionView,
    /// Its mention before.
    pub before: MentionView,
    /// Its amount's change.
    pub change: Option<String>,
}

/// "Có gì mới" on a report's page.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The changes in a sentence.
    pub summary: String,
    /// The documents the report is compared with.
    pub baseline: Vec<DocumentSummary>,
    /// Projects new in the report (the first [`CHANGES_LISTED`]).
    pub added: Vec<MentionView>,
    /// How many projects are new.
    pub added_count: usize,
    /// How many new projects are not listed.
    pub added_more: usize,
    /// Projects of the documents before that it continues.
    pub continued: Vec<MentionPair>,
    /// How many it continues.
    pub continued_count: usize,
    /// How many continued projects are not listed.
    pub continued_more: usize,
    /// Projects whose amount changed.
    pub amount_changed: Vec<MentionPair>,
    /// How many changed projects are not listed.
    pub amount_changed_more: usize,
    /// Projects it reports finished.
    pub finished: Vec<MentionView>,
    /// How many finished projects are not listed.
    pub finished_more: usize,
    /// Projects of the documents before that it does not mention.
    pub not_repeated: Vec<MentionView>,
    /// How many it does not mention.
    pub not_repeated_count: usize,
    /// How many of those are not listed.
    pub not_repeated_more: usize,
    /// Targets measured for the first time.
    pub newly_measured: Vec<TargetView>,
}

/// "Có gì mới" on a report's page: the changes, each item linked to its rows.
pub fn changes_view(site: &Site, changes: &Changes) -> ChangesView {
    let pairs = |list: &[(MentionAt, MentionAt)]| -> Vec<MentionPair> {
        list.iter()
            .take(CHANGES_LISTED)
            .map(|&(before, now)| {
                let a = &site.documents[before.0].projects[before.1];
                let b = &site.documents[now.0].projects[now.1];
                MentionPair {
                    now: mention_view(site, now),
                    before: mention_view(site, before),
                    change: match (a.amount, b.amount) {
                        (Some(x), Some(y)) => Some(amount_change(x, y)),
                        _ => None,
                    },
                }
            })
            .collect()
    };
    let singles = |list: &[MentionAt]| -> Vec<MentionView> {
        list.iter()
            .take(CHANGES_LISTED)
            .map(|&at| mention_view(site, at))
            .collect()
    };
    // How many lines of each list are not shown.
    let more = |len: usize| len.saturating_sub(CHANGES_LISTED);
    ChangesView {
        summary: changes.summary(),
        baseline: changes
            .baseline
            .iter()
            .filter_map(|&d| site.documents.get(d))
            .map(|d: &Document| document_summary(site, d))
            .collect(),
        added: singles(&changes.added),
        added_count: changes.added.len(),
        added_more: more(changes.added.len()),
        continued: pairs(&changes.continued),
        continued_count: changes.continued.len(),
        continued_more: more(changes.continued.len()),
        amount_changed: pairs(&changes.amount_changed),
        amount_changed_more: more(changes.amount_changed.len()),
        finished: singles(&changes.finished),
        finished_more: more(changes.finished.len()),
        not_repeated: singles(&changes.not_repeated),
        not_repeated_count: changes.not_repeated.len(),
        not_repeated_more: more(changes.not_repeated.len()),
        newly_measured: changes
            .newly_measured
            .iter()
            .map(|&(d, t)| {
                let document = &site.documents[d];
                super::views::target_view(site, document, &document.targets[t])
            })
            .collect(),
    }
}
