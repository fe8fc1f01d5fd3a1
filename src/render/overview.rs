//! What the first screens show: each province's money and targets by status (home page,
//! province page), the money of every plan (`/du-an/`), the register of stated totals that
//! differ from their rows (`/doi-chieu-tong/`), the province × indicator grid, and the
//! methodology of the statuses (`/chi-tieu/phuong-phap/`).

use super::chart::{Bar, StackedBar, bar_chart, stacked_chart};
use super::views::{DocumentSummary, document_summary};
use crate::site::money::{self, FUNDING_GROUPS, Tally};
use crate::site::progress::{self, Rule, Status};
use crate::site::{Document, Province, Site};
use crate::urls;
use crate::vietnamese::{format_count, format_number};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// A sum of money as a headline shows it, with the exact figure one step away.
#[derive(Debug, Clone, Serialize)]
pub struct MoneyView {
    /// In tỷ đồng, rounded: `1.234,5 tỷ đồng`.
    pub headline: String,
    /// In triệu đồng, exact.
    pub exact: String,
    /// In triệu đồng, for sorting.
    pub sort: String,
}

/// A sum of money in triệu đồng as the pages show it.
pub fn money_view(million: Decimal) -> MoneyView {
    MoneyView {
        headline: money::headline(million),
        exact: money::exact(million),
        sort: million.to_string(),
    }
}

/// How many targets have one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// The status's key (CSS class).
    pub key: &'static str,
    /// Its label.
    pub label: &'static str,
    /// How many targets.
    pub count: usize,
    /// How many, as printed.
    pub count_text: String,
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

fn counts_view(counts: &[usize; 5]) -> Vec<StatusCount> {
    Status::ALL
        .iter()
        .zip(counts)
        .map(|(status, count)| StatusCount {
            key: status.key(),
            label: status.label(),
            count: *count,
            count_text: format_count(*count),
        })
        .collect()
}

/// A province's money (its current plan's own-period rows) and its targets by status.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceSummary {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Its targets, on its page.
    pub targets_url: String,
    /// How many documents.
    pub documents: usize,
    /// Its current plan with money.
    pub plan: Option<DocumentSummary>,
    /// The years of that plan.
    pub plan_period: Option<String>,
    /// The sum of that plan's rows.
    pub money: Option<MoneyView>,
    /// The total the plan prints, where it differs from that sum.
    pub stated: Option<MoneyView>,
    /// How many rows.
    pub projects: Option<usize>,
    /// How many rows, as printed.
    pub projects_text: Option<String>,
    /// How many rows have an amount, as printed.
    pub with_amount_text: Option<String>,
    /// The plan's money by funding group.
    pub funding: Vec<FundingView>,
    /// Its targets by status.
    pub status: Vec<StatusCount>,
    /// How many targets.
    pub targets: usize,
}

/// A province's money (its current plan's own-period rows) and its targets by status.
pub fn province_summary(site: &Site, province: &Province) -> ProvinceSummary {
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
fn summary_with(site: &Site, province: &Province, counts: &[usize; 5]) -> ProvinceSummary {
    let plan = money::current_plan(site, &province.id);
    let tally = plan.map(|p| Tally::of(money::planned(p)));
    let stated = plan.and_then(money::stated_total);
    ProvinceSummary {
        id: province.id.clone(),
        name: province.name.clone(),
        url: urls::province(&province.id),
        targets_url: urls::province_targets(&province.id),
        documents: site
            .documents
            .iter()
            .filter(|d| d.province == province.id)
            .count(),
        plan: plan.map(|p| document_summary(site, p)),
        plan_period: plan
            .and_then(|p| p.period)
            .map(|p| format!("{} – {}", p.from, p.to)),
        money: tally.as_ref().map(|t| money_view(t.total)),
        stated: stated
            .filter(|s| tally.as_ref().is_some_and(|t| t.total != *s))
            .map(money_view),
        projects: tally.as_ref().map(|t| t.count),
        projects_text: tally.as_ref().map(|t| format_count(t.count)),
        with_amount_text: tally.as_ref().map(|t| format_count(t.with_amount)),
        funding: plan
            .map(|p| funding_view(&funding_tallies(money::planned(p))))
            .unwrap_or_default(),
        status: counts_view(counts),
        targets: counts.iter().sum::<usize>(),
    }
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

/// The rows of one funding group.
#[derive(Debug, Clone, Serialize)]
pub struct FundingView {
    /// The group's name.
    pub name: &'static str,
    /// How many rows, as printed.
    pub count_text: String,
    /// Their sum.
    pub money: MoneyView,
}

fn funding_view(tallies: &[(&'static str, Tally)]) -> Vec<FundingView> {
    tallies
        .iter()
        .map(|(name, tally)| FundingView {
            name,
            count_text: format_count(tally.count),
            money: money_view(tally.total),
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
pub fn home_overview(site: &Site) -> HomeOverview {
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
    let provinces: Vec<ProvinceSummary> = counted
        .iter()
        .map(|(p, mine)| summary_with(site, p, mine))
        .collect();
    HomeOverview {
        provinces_text: format_count(provinces.len()),
        provinces,
        status: counts_view(&counts),
        status_chart: status_chart(&counted, "bieu-do-tinh-trang"),
        targets_text: format_count(counts.iter().sum()),
    }
}

/// The home page's overview.
#[derive(Debug, Clone, Serialize)]
pub struct HomeOverview {
    /// How many provinces have documents, as printed.
    pub provinces_text: String,
    /// Each of them with its money and targets.
    pub provinces: Vec<ProvinceSummary>,
    /// The site's targets by status.
    pub status: Vec<StatusCount>,
    /// The chart of targets by status (SVG).
    pub status_chart: Option<String>,
    /// How many targets, as printed.
    pub targets_text: String,
}

/// A province's current plan and its money on `/du-an/`.
#[derive(Debug, Clone, Serialize)]
pub struct PlanMoney {
    /// The province's ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The list of its projects.
    pub url: String,
    /// Its current plan with money.
    pub plan: DocumentSummary,
    /// How many rows, as printed.
    pub count_text: String,
    /// Their sum.
    pub money: MoneyView,
    /// The total the plan prints, where it differs from that sum.
    pub stated: Option<MoneyView>,
}

/// `/du-an/`'s figures.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectsOverview {
    /// The sum of every current plan's rows.
    pub total: MoneyView,
    /// How many rows, as printed.
    pub count_text: String,
    /// How many rows have an amount, as printed.
    pub with_amount_text: String,
    /// Each province's current plan.
    pub provinces: Vec<PlanMoney>,
    /// The chart of money by province (SVG).
    pub province_chart: Option<String>,
    /// Money by funding group.
    pub funding: Vec<FundingView>,
    /// The chart of money by funding group (SVG).
    pub funding_chart: Option<String>,
    /// Every appendix with money.
    pub appendices: Vec<AppendixMoney>,
    /// Rows and money by period.
    pub periods: Vec<PeriodMoney>,
    /// The largest projects.
    pub largest: Vec<LargestProject>,
}

/// `/du-an/`: the money of every province's current plan, by funding source, by document
/// and appendix, by period, and the largest projects.
pub fn projects_overview(site: &Site) -> ProjectsOverview {
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
        provinces.push(PlanMoney {
            id: province.id.clone(),
            name: province.name.clone(),
            url: urls::province_projects(&province.id),
            plan: document_summary(site, plan),
            count_text: format_count(tally.count),
            money: money_view(tally.total),
            stated: stated.map(money_view),
        });
    }
    let all = Tally::of(planned.iter().copied());
    let funding = funding_tallies(planned.iter().copied());
    let funding_rows: Vec<(String, Decimal)> = funding
        .iter()
        .map(|(name, tally)| (name.to_string(), tally.total))
        .collect();
    ProjectsOverview {
        total: money_view(all.total),
        count_text: format_count(all.count),
        with_amount_text: format_count(all.with_amount),
        provinces,
        province_chart: money_chart(
            "Kinh phí dự kiến của kế hoạch hiện hành, theo tỉnh (tỷ đồng)",
            &by_province,
            "bieu-do-kinh-phi-tinh",
        ),
        funding: funding_view(&funding),
        funding_chart: money_chart(
            "Kinh phí dự kiến theo nguồn vốn (tỷ đồng)",
            &funding_rows,
            "bieu-do-nguon-von",
        ),
        appendices: appendices_view(site),
        periods: periods_view(site),
        largest: largest_view(site, 10),
    }
}

/// An appendix with money on `/du-an/`.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixMoney {
    /// Its document.
    pub document: DocumentSummary,
    /// Its ID.
    pub appendix: String,
    /// Its page.
    pub url: String,
    /// What the pages call it.
    pub number: String,
    /// Its title.
    pub title: String,
    /// The years of its rows.
    pub period: Option<String>,
    /// True when those are its document's own years.
    pub own_period: bool,
    /// How many rows, as printed.
    pub count_text: String,
    /// The sum of its rows.
    pub money: MoneyView,
    /// The total it prints.
    pub stated: Option<MoneyView>,
    /// True when that total differs from the sum.
    pub differs: bool,
}

/// Every appendix with money: its document, period, rows, the sum of its rows and the total
/// it prints. Appendices are not added together: a report lists again its plan's projects.
fn appendices_view(site: &Site) -> Vec<AppendixMoney> {
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
            list.push(AppendixMoney {
                document: document_summary(site, document),
                appendix: appendix.id.clone(),
                url: urls::appendix(&document.id, &appendix.id),
                number: appendix
                    .number
                    .clone()
                    .unwrap_or_else(|| appendix.id.clone()),
                title: appendix.title.clone(),
                period: document
                    .appendix_period(position)
                    .map(|p| period_text(p.from, p.to)),
                own_period: money::is_own_period(document, appendix),
                count_text: format_count(tally.count),
                money: money_view(tally.total),
                stated: stated.map(money_view),
                differs: stated.is_some_and(|s| s != tally.total),
            });
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

/// The rows of one period, across documents.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodMoney {
    /// The years.
    pub period: String,
    /// How many documents, as printed.
    pub documents_text: String,
    /// How many rows, as printed.
    pub count_text: String,
    /// Their sum.
    pub money: MoneyView,
}

/// Rows and money by the period of their appendix (or document), across all documents.
fn periods_view(site: &Site) -> Vec<PeriodMoney> {
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
        .map(|((from, to), (tally, documents))| PeriodMoney {
            period: period_text(from, to),
            documents_text: format_count(documents),
            count_text: format_count(tally.count),
            money: money_view(tally.total),
        })
        .collect()
}

/// One of the largest projects.
#[derive(Debug, Clone, Serialize)]
pub struct LargestProject {
    /// Its ID.
    pub id: String,
    /// Its page, or its latest row where it has no page.
    pub url: String,
    /// Its name, as its latest row prints it.
    pub name: String,
    /// Its lead agency as printed.
    pub agency: String,
    /// Its province's name.
    pub province: Option<String>,
    /// The document of its latest amount.
    pub document: DocumentSummary,
    /// Its latest amount.
    pub money: MoneyView,
    /// How many documents mention it.
    pub documents: usize,
}

/// The `count` largest projects by their latest amount (a project counted once, however
/// many documents mention it).
fn largest_view(site: &Site, count: usize) -> Vec<LargestProject> {
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
        .map(|(amount, project, document, mention)| LargestProject {
            id: project.id.clone(),
            url: if site.lineage.has_page(project) {
                urls::project(&project.id)
            } else {
                document.row_path(mention)
            },
            name: mention.name.clone(),
            agency: mention.agency.to_string(),
            province: site.province(&document.province).map(|p| p.name.clone()),
            document: document_summary(site, document),
            money: money_view(amount),
            documents: super::project_pages::documents_of(project),
        })
        .collect()
}

/// A stated total that differs from the sum of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    /// Its document.
    pub document: DocumentSummary,
    /// Its appendix's page.
    pub appendix_url: String,
    /// What the pages call its appendix.
    pub appendix_number: String,
    /// Its appendix's title.
    pub appendix_title: String,
    /// Its appendix's unit.
    pub unit: Option<String>,
    /// Its row on the appendix's page.
    pub row_url: String,
    /// The group it totals, as printed.
    pub group: String,
    /// The column's title.
    pub column: String,
    /// The stated figure.
    pub stated: String,
    /// The stated figure, for sorting.
    pub stated_sort: String,
    /// The sum of the rows, for sorting.
    pub computed_sort: String,
    /// The stated figure as printed.
    pub stated_text: String,
    /// The sum of the rows.
    pub computed: String,
    /// Stated minus computed.
    pub difference: String,
    /// Stated minus computed, for sorting.
    pub difference_sort: String,
}

/// The register of stated totals that differ from their rows.
#[derive(Debug, Clone, Serialize)]
pub struct Register {
    /// Every such total, newest document first.
    pub entries: Vec<RegisterEntry>,
    /// How many, as printed.
    pub count_text: String,
    /// In how many documents, as printed.
    pub documents_text: String,
}

/// The register of every stated total that differs from the sum of its rows.
pub fn register(site: &Site) -> Register {
    let mut entries = Vec::new();
    for document in site.documents.iter().rev() {
        for appendix in &document.appendices {
            for m in &appendix.mismatches {
                entries.push(RegisterEntry {
                    document: document_summary(site, document),
                    appendix_url: urls::appendix(&document.id, &appendix.id),
                    appendix_number: appendix
                        .number
                        .clone()
                        .unwrap_or_else(|| appendix.id.clone()),
                    appendix_title: appendix.title.clone(),
                    unit: appendix.unit.clone(),
                    row_url: urls::appendix_row(&document.id, &appendix.id, &m.anchor),
                    group: m.group.clone(),
                    column: m.column.clone(),
                    stated: format_number(m.stated),
                    stated_sort: m.stated.to_string(),
                    computed_sort: m.computed.to_string(),
                    stated_text: m.stated_text.trim().to_string(),
                    computed: format_number(m.computed),
                    difference: format_number(m.difference),
                    difference_sort: m.difference.to_string(),
                });
            }
        }
    }
    let documents = entries
        .iter()
        .map(|e| e.document.id.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len();
    Register {
        count_text: format_count(entries.len()),
        documents_text: format_count(documents),
        entries,
    }
}

/// A rule of the target statuses.
#[derive(Debug, Clone, Serialize)]
pub struct RuleView {
    /// Its key, its anchor.
    pub key: &'static str,
    /// What it says.
    pub text: &'static str,
}

/// A status of targets with its rules.
#[derive(Debug, Clone, Serialize)]
pub struct StatusRules {
    /// Its key, its anchor.
    pub key: &'static str,
    /// Its label.
    pub label: &'static str,
    /// The rules that give it.
    pub rules: Vec<RuleView>,
}

/// A standard status of appendix rows, with the phrases that give it.
#[derive(Debug, Clone, Serialize)]
pub struct RowStatusEntry<'a> {
    /// Its ID.
    pub id: &'a str,
    /// Its label.
    pub label: &'a str,
    /// What it means.
    pub description: Option<&'a str>,
    /// The phrases of a printed status that give it (folded).
    pub phrases: &'a [String],
}

/// The methodology page.
#[derive(Debug, Clone, Serialize)]
pub struct Methodology<'a> {
    /// Every status of targets with its rules.
    pub statuses: Vec<StatusRules>,
    /// The standard statuses of appendix rows.
    pub row_statuses: Vec<RowStatusEntry<'a>>,
    /// The status of a row that none matches.
    pub unknown: crate::site::RowStatus,
}

/// The methodology of the statuses: every status and rule, and the standard statuses of
/// appendix rows.
pub fn methodology(site: &Site) -> Methodology<'_> {
    Methodology {
        statuses: Status::ALL
            .iter()
            .map(|s| StatusRules {
                key: s.key(),
                label: s.label(),
                rules: Rule::ALL
                    .iter()
                    .filter(|r| r.status() == *s)
                    .map(|r| RuleView {
                        key: r.key(),
                        text: r.text(),
                    })
                    .collect(),
            })
            .collect(),
        row_statuses: site
            .row_statuses
            .iter()
            .map(|s| RowStatusEntry {
                id: &s.id,
                label: &s.label,
                description: s.description.as_deref(),
                phrases: &s.phrases,
            })
            .collect(),
        unknown: crate::site::RowStatus::unknown(),
    }
}

/// The province × indicator grid.
#[derive(Debug, Clone, Serialize)]
pub struct Grid {
    /// The provinces that set targets, as columns.
    pub provinces: Vec<super::views::Link>,
    /// The shared indicators some of them set targets of, as rows.
    pub rows: Vec<GridRow>,
}

/// An indicator in the grid.
#[derive(Debug, Clone, Serialize)]
pub struct GridRow {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// True when provinces define it differently (it has notes).
    pub differs: bool,
    /// A cell per province; none where the province sets no target of it.
    pub cells: Vec<Option<GridCell>>,
}

/// A province's targets of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct GridCell {
    /// Each target.
    pub goals: Vec<GridGoal>,
}

/// A target in the grid.
#[derive(Debug, Clone, Serialize)]
pub struct GridGoal {
    /// Its place on its document's page.
    pub url: String,
    /// How pages name its document.
    pub document_label: String,
    /// Its goal.
    pub goal: Option<String>,
    /// Its level.
    pub level: Option<&'static str>,
    /// The year it is due.
    pub year: Option<i32>,
    /// Its status.
    pub status: &'static str,
    /// Its status's key.
    pub status_key: &'static str,
    /// The rule that gave its status.
    pub rule: &'static str,
    /// That rule on the methodology page.
    pub rule_url: String,
    /// The figure it was compared with.
    pub latest: Option<String>,
    /// Why, when the status needs a reason.
    pub reason: Option<String>,
}

/// The province × indicator grid: shared indicators as rows, provinces as columns; each
/// cell the goals and years, the latest value and the status of the province's targets.
pub fn grid(site: &Site) -> Grid {
    let provinces: Vec<&Province> = site
        .provinces
        .iter()
        .filter(|p| {
            site.documents
                .iter()
                .any(|d| d.province == p.id && !d.targets.is_empty())
        })
        .collect();
    let rows = site
        .indicators
        .iter()
        .filter_map(|indicator| {
            let cells: Vec<Option<GridCell>> = provinces
                .iter()
                .map(|province| grid_cell(site, province, &indicator.id))
                .collect();
            cells.iter().any(Option::is_some).then(|| GridRow {
                id: indicator.id.clone(),
                name: indicator.name.clone(),
                url: urls::indicator(&indicator.id),
                differs: indicator.notes.is_some(),
                cells,
            })
        })
        .collect();
    Grid {
        provinces: provinces
            .iter()
            .map(|p| super::views::Link {
                id: p.id.clone(),
                name: p.name.clone(),
                url: urls::province(&p.id),
            })
            .collect(),
        rows,
    }
}

fn grid_cell(site: &Site, province: &Province, indicator: &str) -> Option<GridCell> {
    let targets: Vec<(&Document, &crate::site::Target)> = site
        .documents
        .iter()
        .filter(|d| d.province == province.id)
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .filter(|(_, t)| t.indicator.as_deref() == Some(indicator))
        .collect();
    if targets.is_empty() {
        return None;
    }
    let goals = targets
        .iter()
        .map(|(document, target)| {
            let assessment = progress::assess(site, document, target);
            let status = assessment.status();
            GridGoal {
                url: urls::target(&document.id, &target.id),
                document_label: super::document_title(site, document),
                goal: target.value.map(|v| {
                    crate::vietnamese::goal_text(
                        target.comparison.as_deref(),
                        v,
                        target.unit.as_deref(),
                    )
                }),
                level: target.level.map(|l| l.label()),
                year: target.year,
                status: status.label(),
                status_key: status.key(),
                rule: assessment.rule.key(),
                rule_url: urls::methodology_of(assessment.rule.key()),
                latest: assessment
                    .compared
                    .map(|v| crate::vietnamese::goal_text(None, v, target.unit.as_deref())),
                reason: assessment.reason,
            }
        })
        .collect();
    Some(GridCell { goals })
}
