//! "Có gì mới": what a report changes against what came before it in its province: the
//! documents whose rows its rows continue, the plan it reports on (when on the portal) and
//! the previous report. Every item is derived from the rows' links (`continues`) and their
//! standard statuses; pages and the feed say so.

use super::lineage::MentionAt;
use super::{Document, Site};
use crate::model::{DocumentKind, RelationType};
use rust_decimal::Decimal;

/// What changed in one report.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Positions of the documents compared with, newest first.
    pub baseline: Vec<usize>,
    /// Rows of the report that continue no earlier row: new since the baseline.
    pub added: Vec<MentionAt>,
    /// Rows that continue an earlier row: (earlier, now).
    pub continued: Vec<(MentionAt, MentionAt)>,
    /// Continued rows whose amount (in triệu đồng) differs: (earlier, now).
    pub amount_changed: Vec<(MentionAt, MentionAt)>,
    /// Rows whose standard status is the finished one (and was not before).
    pub finished: Vec<MentionAt>,
    /// Rows of the baseline's own period that no row of the report continues.
    pub not_repeated: Vec<MentionAt>,
    /// Targets (document position, target position) that this report measures first.
    pub newly_measured: Vec<(usize, usize)>,
}

impl Changes {
    /// One sentence for the feed and the top of the report's page.
    pub fn summary(&self) -> String {
        use crate::vietnamese::format_count;
        format!(
            "So với văn bản trước: {} dự án, nhiệm vụ mới; {} tiếp nối; {} đổi kinh phí; {} hoàn thành; {} không được nhắc lại; {} chỉ tiêu lần đầu có số liệu.",
            format_count(self.added.len()),
            format_count(self.continued.len()),
            format_count(self.amount_changed.len()),
            format_count(self.finished.len()),
            format_count(self.not_repeated.len()),
            format_count(self.newly_measured.len()),
        )
    }
}

/// The change of an amount from `before` to `after` (both triệu đồng), in percent, one
/// decimal: −18 for 18.000 → 14.755.
pub fn percent_change(before: Decimal, after: Decimal) -> Option<Decimal> {
    (!before.is_zero()).then(|| ((after - before) * Decimal::ONE_HUNDRED / before).round_dp(1))
}

/// What the report at `position` changed; `None` for a document that is not a report or has
/// nothing before it to compare with.
pub fn changes(site: &Site, position: usize) -> Option<Changes> {
    let report = site.documents.get(position)?;
    if report.kind != DocumentKind::Report {
        return None;
    }
    let mut changes = Changes::default();
    let mut baseline: Vec<usize> = Vec::new();
    let mut add = |d: usize| {
        if d != position && !baseline.contains(&d) {
            baseline.push(d);
        }
    };
    for k in 0..report.projects.len() {
        let now = (position, k);
        match previous_mention(site, now) {
            Some(earlier) => {
                add(earlier.0);
                changes.continued.push((earlier, now));
                let (a, b) = (mention(site, earlier), mention(site, now));
                if let (Some(a), Some(b)) = (a.and_then(|m| m.amount), b.and_then(|m| m.amount))
                    && a != b
                    && super::lineage::same_money(&site.documents, earlier, now)
                {
                    changes.amount_changed.push((earlier, now));
                }
                if is_done(site, now) && !is_done(site, earlier) {
                    changes.finished.push(now);
                }
            }
            None => {
                changes.added.push(now);
                if is_done(site, now) {
                    changes.finished.push(now);
                }
            }
        }
    }
    for relation in &report.relations {
        if relation.kind == RelationType::ReportsOn
            && let Some(id) = &relation.document
            && let Some(d) = site.documents.iter().position(|d| &d.id == id)
        {
            add(d);
        }
    }
    // The previous report of the province (documents are newest first).
    if let Some(d) = site
        .documents
        .iter()
        .enumerate()
        .skip(position + 1)
        .find_map(|(d, doc)| {
            (doc.province == report.province && doc.kind == DocumentKind::Report).then_some(d)
        })
    {
        add(d);
    }
    if baseline.is_empty() {
        return None;
    }
    let continued: std::collections::HashSet<MentionAt> = changes
        .continued
        .iter()
        .map(|(earlier, _)| *earlier)
        .collect();
    for &d in &baseline {
        let document = &site.documents[d];
        for (k, m) in document.projects.iter().enumerate() {
            let own = document
                .appendices
                .get(m.appendix)
                .is_some_and(|a| super::money::is_own_period(document, a));
            let reaches_now = site
                .lineage
                .project_of((d, k))
                .is_some_and(|p| p.mentions.iter().any(|at| at.0 == position));
            if own && !continued.contains(&(d, k)) && !reaches_now {
                changes.not_repeated.push((d, k));
            }
        }
    }
    changes.newly_measured = newly_measured(site, report);
    changes.baseline = baseline;
    Some(changes)
}

fn mention(site: &Site, (d, k): MentionAt) -> Option<&super::RowMention> {
    site.documents.get(d)?.projects.get(k)
}

fn is_done(site: &Site, at: MentionAt) -> bool {
    let Some(status) = mention(site, at).and_then(|m| m.status.as_deref()) else {
        return false;
    };
    site.row_statuses.iter().any(|s| s.done && s.id == status)
}

/// The mention of the same project just before `now`, in an earlier document.
fn previous_mention(site: &Site, now: MentionAt) -> Option<MentionAt> {
    let project = site.lineage.project_of(now)?;
    let index = project.mentions.iter().position(|at| *at == now)?;
    project.mentions[..index]
        .iter()
        .rev()
        .find(|at| at.0 != now.0)
        .copied()
}

/// The targets this report measures first: measured by a figure of this report and by no
/// figure of an earlier document.
fn newly_measured(site: &Site, report: &Document) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (d, document) in site.documents.iter().enumerate() {
        if document.province != report.province {
            continue;
        }
        for (t, target) in document.targets.iter().enumerate() {
            let evidence = super::progress::assess(site, document, target).evidence;
            let by_report = evidence.iter().any(|e| e.document.id == report.id);
            let before = evidence.iter().any(|e| e.document.issued < report.issued);
            if by_report && !before {
                found.push((d, t));
            }
        }
    }
    found
}
