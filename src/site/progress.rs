//! Whether each target is met: the published status rules, applied to the measurements of
//! the whole site.
//!
//! A target is measured by the measurements that name it and by those of the same indicator
//! in the same province (at the same level, when both give one); the latest one counts. The
//! rules, in Vietnamese, are [`Rule::ALL`]: the methodology page and the open data print them
//! from there.

use super::{Document, Measurement, Site, Target};
use crate::vietnamese::{format_date_short, format_number, parse_date};
use rust_decimal::Decimal;
use serde::Serialize;

/// The status of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Đạt: the latest measurement meets the target.
    Met,
    /// Đang thực hiện: not met yet, and the target's year has not passed at the latest
    /// measurement.
    InProgress,
    /// Chưa đạt: the latest measurement, made after the target's year, does not meet it.
    NotMet,
    /// Không so sánh được: measured, but in another unit or definition.
    NotComparable,
    /// Chưa có số liệu: nothing measures it.
    NoData,
}

impl Status {
    /// Every status, in the order lists and charts show them.
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::InProgress,
        Status::NotMet,
        Status::NotComparable,
        Status::NoData,
    ];

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "Đạt",
            Status::InProgress => "Đang thực hiện",
            Status::NotMet => "Chưa đạt",
            Status::NotComparable => "Không so sánh được",
            Status::NoData => "Chưa có số liệu",
        }
    }

    /// A stable key for URLs, CSS and open data.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "dat",
            Status::InProgress => "dang-thuc-hien",
            Status::NotMet => "chua-dat",
            Status::NotComparable => "khong-so-sanh-duoc",
            Status::NoData => "chua-co-so-lieu",
        }
    }
}

/// The rule that gave a target its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// No measurement names the target or measures its indicator in its province.
    NoMeasurement,
    /// The only measurements describe a time before the target's plan was issued: they
    /// cannot tell how the plan is carried out.
    OnlyEarlierFigures,
    /// The target states no figure to reach.
    NoGoalFigure,
    /// The editor who linked the measurement judged it not comparable (another denominator,
    /// another scope), and said why.
    JudgedNotComparable,
    /// A share target, measured by a count without a denominator.
    CountWithoutDenominator,
    /// Units differ.
    OtherUnit,
    /// The latest figure meets the goal.
    GoalReached,
    /// The latest figure, measured after the target's year, does not meet the goal.
    YearPassed,
    /// The latest figure does not meet the goal yet, within the target's year.
    NotYetReached,
}

impl Rule {
    /// Every rule, in the order the methodology page lists them.
    pub const ALL: [Rule; 9] = [
        Rule::NoMeasurement,
        Rule::OnlyEarlierFigures,
        Rule::NoGoalFigure,
        Rule::JudgedNotComparable,
        Rule::CountWithoutDenominator,
        Rule::OtherUnit,
        Rule::GoalReached,
        Rule::YearPassed,
        Rule::NotYetReached,
    ];

    /// A stable key, the anchor of the rule on the methodology page.
    pub fn key(self) -> &'static str {
        match self {
            Rule::NoMeasurement => "khong-co-so-lieu",
            Rule::OnlyEarlierFigures => "so-lieu-truoc-ke-hoach",
            Rule::NoGoalFigure => "khong-co-muc-so",
            Rule::JudgedNotComparable => "danh-gia-khong-so-sanh",
            Rule::CountWithoutDenominator => "so-dem-khong-mau-so",
            Rule::OtherUnit => "khac-don-vi",
            Rule::GoalReached => "dat-muc-tieu",
            Rule::YearPassed => "qua-nam-chua-dat",
            Rule::NotYetReached => "chua-den-han",
        }
    }

    /// The status the rule gives.
    pub fn status(self) -> Status {
        match self {
            Rule::NoMeasurement | Rule::OnlyEarlierFigures => Status::NoData,
            Rule::NoGoalFigure
            | Rule::JudgedNotComparable
            | Rule::CountWithoutDenominator
            | Rule::OtherUnit => Status::NotComparable,
            Rule::GoalReached => Status::Met,
            Rule::YearPassed => Status::NotMet,
            Rule::NotYetReached => Status::InProgress,
        }
    }

    /// The rule in one Vietnamese sentence.
    pub fn text(self) -> &'static str {
        match self {
            Rule::NoMeasurement => {
                "Không có số liệu nào ghi đo chỉ tiêu này, và không có số liệu nào cùng chỉ số, \
                 cùng tỉnh."
            }
            Rule::OnlyEarlierFigures => {
                "Chỉ có số liệu của thời điểm trước ngày văn bản đặt chỉ tiêu được ban hành: số \
                 liệu ấy không cho biết văn bản được thực hiện đến đâu, nên không được tính."
            }
            Rule::NoGoalFigure => {
                "Chỉ tiêu không nêu con số cần đạt, nên không so được với số liệu đo."
            }
            Rule::JudgedNotComparable => {
                "Người biên tập khi nối số liệu với chỉ tiêu đã ghi rằng hai con số không so được \
                 với nhau (khác mẫu số, khác phạm vi) và ghi lý do."
            }
            Rule::CountWithoutDenominator => {
                "Chỉ tiêu là một tỷ lệ (%), còn số liệu là một số đếm không kèm tổng số (mẫu số), \
                 nên không tính được tỷ lệ."
            }
            Rule::OtherUnit => "Số liệu và chỉ tiêu tính bằng hai đơn vị khác nhau.",
            Rule::GoalReached => {
                "Số liệu mới nhất đạt mức chỉ tiêu: không thấp hơn mức với dấu ≥, không cao hơn \
                 mức với dấu ≤ (thứ hạng: số nhỏ là tốt), bằng mức với dấu =. Một số đếm có mẫu \
                 số (30/30) được tính thành tỷ lệ phần trăm khi chỉ tiêu là tỷ lệ."
            }
            Rule::YearPassed => {
                "Số liệu mới nhất được đo sau năm phải đạt của chỉ tiêu và chưa đạt mức chỉ tiêu."
            }
            Rule::NotYetReached => {
                "Số liệu mới nhất chưa đạt mức chỉ tiêu nhưng được đo trước khi hết năm phải đạt \
                 (hoặc chỉ tiêu không nêu năm); trang ghi số đo được bằng bao nhiêu phần trăm \
                 mức cần đạt."
            }
        }
    }
}

/// A measurement counted for a target, with its document.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The document that states it.
    pub document: &'a Document,
    /// The figure.
    pub measurement: &'a Measurement,
    /// True when the measurement names the target; false when it counts through the target's
    /// indicator.
    pub named: bool,
}

/// A target's status, how it was reached, and the figures behind it.
#[derive(Debug, Clone)]
pub struct Assessment<'a> {
    /// The rule applied ([`Rule::status`] is the status).
    pub rule: Rule,
    /// Every measurement counted, oldest first, one per figure (a figure printed twice in a
    /// document counts once).
    pub evidence: Vec<Evidence<'a>>,
    /// The figure compared with the goal: the measurement's value, or its share in percent
    /// for a share target measured by a count with a denominator.
    pub compared: Option<Decimal>,
    /// For a "≥" target not yet met: the compared figure as a percentage of the goal.
    pub share_of_goal: Option<Decimal>,
    /// Why the figures cannot be compared, in Vietnamese.
    pub reason: Option<String>,
}

impl<'a> Assessment<'a> {
    /// The status.
    pub fn status(&self) -> Status {
        self.rule.status()
    }

    /// The measurement that counts.
    pub fn latest(&self) -> Option<&Evidence<'a>> {
        self.evidence.last()
    }

    /// One line a reader reads beside the status: "47,09% — mục tiêu ≥ 60% năm 2025".
    pub fn summary(&self, target: &Target) -> String {
        let goal = goal_phrase(target);
        let Some(latest) = self.latest() else {
            let text = match goal {
                Some(goal) => format!("Mục tiêu {goal}"),
                None => Status::NoData.label().to_string(),
            };
            return match &self.reason {
                Some(reason) => format!("{text}. {reason}"),
                None => text,
            };
        };
        let measured = measured_phrase(latest.measurement, self.compared, target);
        let date = latest
            .measurement
            .as_of
            .as_deref()
            .and_then(parse_date)
            .map(|d| format!(" (ngày {})", format_date_short(d)))
            .unwrap_or_default();
        let mut text = format!("{measured}{date}");
        if let Some(goal) = goal {
            text.push_str(" — mục tiêu ");
            text.push_str(&goal);
        }
        if let Some(share) = self.share_of_goal {
            text.push_str(&format!("; đạt {}% mức cần đạt", format_number(share)));
        }
        if let Some(reason) = &self.reason {
            text.push_str(". ");
            text.push_str(reason);
        }
        text
    }
}

/// "≥ 60% năm 2025".
fn goal_phrase(target: &Target) -> Option<String> {
    let value = target.value?;
    let mut goal =
        crate::vietnamese::goal_text(target.comparison.as_deref(), value, target.unit.as_deref());
    if let Some(year) = target.year {
        goal.push_str(&format!(" năm {year}"));
    }
    Some(goal)
}

/// "47,09%", "30/30 hệ thống (100%)".
fn measured_phrase(m: &Measurement, compared: Option<Decimal>, target: &Target) -> String {
    let unit = m.unit.as_deref().map(str::trim).unwrap_or_default();
    let value = match m.denominator {
        Some(d) => format!("{}/{}", format_number(m.value), format_number(d)),
        None => format_number(m.value),
    };
    let mut text = if unit == "%" || unit.is_empty() {
        format!("{value}{unit}")
    } else {
        format!("{value} {unit}")
    };
    if let (Some(percent), true) = (compared, is_share(target.unit.as_deref()) && unit != "%") {
        text.push_str(&format!(" ({}%)", format_number(percent)));
    }
    text
}

fn is_share(unit: Option<&str>) -> bool {
    unit.map(str::trim) == Some("%")
}

/// Units compared without case or surrounding spaces.
fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |u: Option<&str>| u.map(|u| u.trim().to_lowercase()).unwrap_or_default();
    norm(a) == norm(b)
}

/// The year a measurement describes: its date, else its document's.
fn year_of(evidence: &Evidence) -> Option<i32> {
    use chrono::Datelike;
    parse_date(date_of(evidence)).map(|d| d.year())
}

/// Whether a measurement at `measured` can measure a target at `target` (a measurement or
/// target without a level, or of every level, measures every level).
fn same_level(measured: Option<crate::model::Level>, target: Option<crate::model::Level>) -> bool {
    use crate::model::Level;
    match (measured, target) {
        (Some(m), Some(t)) => m == t || m == Level::All || t == Level::All,
        _ => true,
    }
}

/// The measurements counted for `target` of `document`, oldest first, one per figure.
pub fn evidence<'a>(site: &'a Site, document: &'a Document, target: &Target) -> Vec<Evidence<'a>> {
    let mut found: Vec<Evidence<'a>> = site
        .measurements_naming(&document.id, &target.id)
        .into_iter()
        .map(|(d, m)| Evidence {
            document: d,
            measurement: m,
            named: true,
        })
        .collect();
    if let Some(indicator) = &target.indicator {
        for (d, m) in site.measurements_of_indicator(indicator, &document.province) {
            let already = found
                .iter()
                .any(|e| std::ptr::eq(e.measurement, m) && std::ptr::eq(e.document, d));
            if !already && same_level(m.level, target.level) {
                found.push(Evidence {
                    document: d,
                    measurement: m,
                    named: false,
                });
            }
        }
    }
    // A figure printed twice in one document (in the summary and again in a later part)
    // is one measurement.
    let mut unique: Vec<Evidence<'a>> = Vec::new();
    for e in found {
        let twin = unique.iter_mut().find(|u| {
            u.document.id == e.document.id
                && u.measurement.as_of == e.measurement.as_of
                && u.measurement.value == e.measurement.value
                && u.measurement.denominator == e.measurement.denominator
                && same_unit(u.measurement.unit.as_deref(), e.measurement.unit.as_deref())
        });
        match twin {
            // The one that names the target speaks for both.
            Some(twin) if e.named && !twin.named => *twin = e,
            Some(_) => {}
            None => unique.push(e),
        }
    }
    unique.sort_by(|a, b| {
        date_of(a)
            .cmp(date_of(b))
            .then_with(|| a.document.issued.cmp(&b.document.issued))
    });
    unique
}

/// The status of `target` of `document`, with the rule applied and the figures behind it.
pub fn assess<'a>(site: &'a Site, document: &'a Document, target: &Target) -> Assessment<'a> {
    let found = evidence(site, document, target);
    let earlier = found.len();
    let evidence: Vec<Evidence<'a>> = found
        .into_iter()
        .filter(|e| !before_document(e, document))
        .collect();
    if evidence.is_empty() && earlier > 0 {
        return Assessment {
            rule: Rule::OnlyEarlierFigures,
            evidence,
            compared: None,
            share_of_goal: None,
            reason: Some(format!(
                "Số liệu có trước ngày {} (ngày ban hành văn bản đặt chỉ tiêu).",
                document.issued.short()
            )),
        };
    }
    judge(document, target, evidence)
}

/// Whether a measurement describes a time before `document` (the target's) was issued.
pub fn before_document(evidence: &Evidence, document: &Document) -> bool {
    date_of(evidence) < document.issued.as_str()
}

/// Applies the rules to the measurements found for a target.
pub fn judge<'a>(
    document: &Document,
    target: &Target,
    mut evidence: Vec<Evidence<'a>>,
) -> Assessment<'a> {
    prefer_comparable_among_latest(&mut evidence, document, target);
    let verdict = |rule, compared, share_of_goal, reason| (rule, compared, share_of_goal, reason);
    let (rule, compared, share_of_goal, reason) = match evidence.last() {
        None => verdict(Rule::NoMeasurement, None, None, None),
        Some(latest) => {
            let m = latest.measurement;
            let link = m.link_to(&document.id, &target.id);
            if let Some(link) = link.filter(|l| !l.comparable) {
                let reason = link
                    .note
                    .clone()
                    .unwrap_or_else(|| "Người biên tập ghi: không so sánh được.".to_string());
                verdict(Rule::JudgedNotComparable, None, None, Some(reason))
            } else if let Some(goal) = target.value {
                compare(latest, target, goal)
            } else {
                verdict(Rule::NoGoalFigure, None, None, None)
            }
        }
    };
    Assessment {
        rule,
        evidence,
        compared,
        share_of_goal,
        reason,
    }
}

type Verdict = (Rule, Option<Decimal>, Option<Decimal>, Option<String>);

/// The date a measurement describes (ISO): its `as_of`, else its document's date.
fn date_of<'e>(e: &'e Evidence) -> &'e str {
    e.measurement
        .as_of
        .as_deref()
        .unwrap_or(e.document.issued.as_str())
}

/// Among the figures of the latest date, one that can be compared with the target counts
/// before one that cannot (a share printed beside the count it is made of).
fn prefer_comparable_among_latest(evidence: &mut [Evidence], document: &Document, target: &Target) {
    let Some(latest) = evidence.last().map(|e| date_of(e).to_string()) else {
        return;
    };
    let comparable = |e: &Evidence| {
        let judged = e
            .measurement
            .link_to(&document.id, &target.id)
            .is_none_or(|l| l.comparable);
        judged
            && target.value.is_some_and(|goal| {
                matches!(
                    compare(e, target, goal).0,
                    Rule::GoalReached | Rule::YearPassed | Rule::NotYetReached
                )
            })
    };
    let last = evidence.len() - 1;
    if comparable(&evidence[last]) {
        return;
    }
    if let Some(i) = (0..last)
        .rev()
        .take_while(|&i| date_of(&evidence[i]) == latest)
        .find(|&i| comparable(&evidence[i]))
    {
        evidence.swap(i, last);
    }
}

/// Compares the latest measurement with the goal of `target`.
fn compare(latest: &Evidence, target: &Target, goal: Decimal) -> Verdict {
    let m = latest.measurement;
    let measured_share = is_share(m.unit.as_deref());
    let value = if is_share(target.unit.as_deref()) {
        match (measured_share, m.percent) {
            (true, _) => m.value,
            (false, Some(percent)) => percent,
            (false, None) => {
                let reason = format!(
                    "Số liệu là một số đếm ({} {}) không kèm tổng số để tính tỷ lệ.",
                    format_number(m.value),
                    m.unit.as_deref().unwrap_or("").trim()
                );
                return (
                    Rule::CountWithoutDenominator,
                    None,
                    None,
                    Some(reason.replace(" )", ")")),
                );
            }
        }
    } else if same_unit(m.unit.as_deref(), target.unit.as_deref()) {
        m.value
    } else {
        let reason = format!(
            "Số liệu tính bằng “{}”, chỉ tiêu tính bằng “{}”.",
            m.unit.as_deref().unwrap_or("không ghi đơn vị").trim(),
            target.unit.as_deref().unwrap_or("không ghi đơn vị").trim()
        );
        return (Rule::OtherUnit, None, None, Some(reason));
    };
    let met = match target.comparison.as_deref() {
        Some("≤") => value <= goal,
        Some("=") => value == goal,
        _ => value >= goal,
    };
    if met {
        return (Rule::GoalReached, Some(value), None, None);
    }
    let passed =
        matches!((year_of(latest), target.year), (Some(measured), Some(due)) if measured > due);
    if passed {
        return (Rule::YearPassed, Some(value), None, None);
    }
    let at_least = !matches!(target.comparison.as_deref(), Some("≤") | Some("="));
    let share_of_goal = (at_least && goal > Decimal::ZERO).then(|| {
        (value * Decimal::ONE_HUNDRED / goal)
            .round_dp(1)
            .normalize()
    });
    (Rule::NotYetReached, Some(value), share_of_goal, None)
}

#[cfg(test)]
mod tests;
