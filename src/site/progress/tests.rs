//! The status rules on a small fixture that covers every status and every comparison.

use super::*;
use crate::model::{DocumentKind, Level};
use crate::site::MeasuredTarget;

fn document(id: &str, issued: &str) -> Document {
    Document {
        id: id.to_string(),
        kind: DocumentKind::Report,
        number: None,
        issued: crate::site::Date::parse(issued).expect("an ISO date"),
        place: None,
        issuer: "ubnd".to_string(),
        province: "khanh-hoa".to_string(),
        title: "Báo cáo".to_string(),
        summary: None,
        period: None,
        signer: None,
        recipients: Vec::new(),
        relations: Vec::new(),
        sections: Vec::new(),
        targets: Vec::new(),
        measurements: Vec::new(),
        appendices: Vec::new(),
        projects: Vec::new(),
        attachments: Vec::new(),
        updated: None,
        original_url: None,
        folder: Default::default(),
        bodies_dropped: false,
    }
}

fn target(comparison: &str, value: i64, unit: &str, year: i32) -> Target {
    Target {
        id: "t".to_string(),
        section: None,
        label: None,
        area: None,
        text: "chỉ tiêu".to_string(),
        indicator: None,
        level: None,
        comparison: Some(comparison.to_string()),
        value: Some(Decimal::from(value)),
        unit: Some(unit.to_string()),
        year: Some(year),
    }
}

fn measurement(value: &str, unit: &str, as_of: &str) -> Measurement {
    Measurement {
        id: format!("m-{value}-{as_of}"),
        text: "số liệu".to_string(),
        section: None,
        targets: vec![MeasuredTarget {
            document: "plan".to_string(),
            id: "t".to_string(),
            comparable: true,
            note: None,
        }],
        indicator: None,
        value: value.parse().expect("a decimal"),
        denominator: None,
        percent: None,
        unit: Some(unit.to_string()),
        as_of: Some(as_of.to_string()),
        level: None,
    }
}

/// The status of `target` (of document `plan`) measured by `measurements` in one report.
fn status_of(target: &Target, measurements: &[Measurement]) -> (Rule, Assessment<'static>) {
    let report: &'static Document = Box::leak(Box::new(document("report", "2023-10-30")));
    let plan = document("plan", "2020-10-09");
    let measurements: &'static [Measurement] = Box::leak(measurements.to_vec().into_boxed_slice());
    let evidence = measurements
        .iter()
        .map(|m| Evidence {
            document: report,
            measurement: m,
            named: true,
        })
        .collect();
    let assessment = judge(&plan, target, evidence);
    (assessment.rule, assessment)
}

#[test]
fn at_least_is_met_in_progress_or_not_met_after_its_year() {
    let goal = target("≥", 60, "%", 2025);
    let (rule, _) = status_of(&goal, &[measurement("60", "%", "2024-12-31")]);
    assert_eq!(rule.status(), Status::Met, "equal to the goal meets ≥");
    let (rule, a) = status_of(&goal, &[measurement("47.09", "%", "2023-10-31")]);
    assert_eq!(rule, Rule::NotYetReached);
    assert_eq!(rule.status(), Status::InProgress);
    assert_eq!(a.share_of_goal, Some("78.5".parse().expect("decimal")));
    assert_eq!(
        a.summary(&goal),
        "47,09% (ngày 31/10/2023) — mục tiêu ≥\u{a0}60% năm 2025; đạt 78,5% mức cần đạt"
    );
    let (rule, _) = status_of(&goal, &[measurement("59", "%", "2026-03-31")]);
    assert_eq!(
        rule.status(),
        Status::NotMet,
        "measured after 2025, still short"
    );
    let (rule, _) = status_of(&goal, &[measurement("59", "%", "2025-12-31")]);
    assert_eq!(
        rule.status(),
        Status::InProgress,
        "within the target's year it is not yet missed"
    );
}

#[test]
fn at_most_is_for_ranks_where_lower_is_better() {
    let rank = target("≤", 25, "hạng", 2025);
    let (rule, a) = status_of(&rank, &[measurement("20", "hạng", "2024-06-30")]);
    assert_eq!(rule.status(), Status::Met);
    assert_eq!(a.compared, Some(Decimal::from(20)));
    let (rule, a) = status_of(&rank, &[measurement("30", "Hạng ", "2024-06-30")]);
    assert_eq!(
        rule.status(),
        Status::InProgress,
        "units compare without case"
    );
    assert_eq!(a.share_of_goal, None, "no share of the goal for a rank");
    let (rule, _) = status_of(&rank, &[measurement("30", "hạng", "2026-06-30")]);
    assert_eq!(rule.status(), Status::NotMet);
}

#[test]
fn equal_needs_the_exact_figure() {
    let all = target("=", 100, "%", 2025);
    assert_eq!(
        status_of(&all, &[measurement("100", "%", "2023-10-31")])
            .0
            .status(),
        Status::Met
    );
    let (rule, a) = status_of(&all, &[measurement("45", "%", "2023-10-31")]);
    assert_eq!(rule.status(), Status::InProgress);
    assert_eq!(a.share_of_goal, None);
}

#[test]
fn a_count_with_a_denominator_is_a_share() {
    let share = target("≥", 100, "%", 2025);
    let mut count = measurement("30", "hệ thống", "2023-10-31");
    count.denominator = Some(Decimal::from(30));
    count.percent = Some(Decimal::from(100));
    let (rule, a) = status_of(&share, &[count.clone()]);
    assert_eq!(rule, Rule::GoalReached);
    assert_eq!(a.compared, Some(Decimal::from(100)));
    assert!(a.summary(&share).starts_with("30/30 hệ thống (100%)"));

    count.denominator = None;
    count.percent = None;
    let (rule, a) = status_of(&share, &[count]);
    assert_eq!(rule, Rule::CountWithoutDenominator);
    assert_eq!(rule.status(), Status::NotComparable);
    assert!(a.reason.is_some_and(|r| r.contains("30 hệ thống")));
}

#[test]
fn other_units_and_judged_links_are_not_comparable() {
    let share = target("≥", 60, "%", 2025);
    let (rule, a) = status_of(&share, &[measurement("5", "hồ sơ", "2023-10-31")]);
    assert_eq!(rule, Rule::CountWithoutDenominator);
    assert_eq!(a.status(), Status::NotComparable);

    let money = target("≥", 1000, "triệu đồng", 2025);
    let (rule, a) = status_of(&money, &[measurement("5", "tỷ đồng", "2023-10-31")]);
    assert_eq!(rule, Rule::OtherUnit);
    assert!(
        a.reason
            .is_some_and(|r| r.contains("tỷ đồng") && r.contains("triệu đồng"))
    );

    let mut judged = measurement("47.09", "%", "2023-10-31");
    judged.targets[0].comparable = false;
    judged.targets[0].note = Some("Khác mẫu số.".to_string());
    let (rule, a) = status_of(&share, &[judged]);
    assert_eq!(rule, Rule::JudgedNotComparable);
    assert_eq!(a.reason.as_deref(), Some("Khác mẫu số."));

    let mut no_figure = target("≥", 0, "%", 2025);
    no_figure.value = None;
    let (rule, _) = status_of(&no_figure, &[measurement("1", "%", "2023-10-31")]);
    assert_eq!(rule, Rule::NoGoalFigure);
}

#[test]
fn nothing_measured_is_no_data_and_the_latest_counts() {
    let goal = target("≥", 60, "%", 2025);
    let (rule, a) = status_of(&goal, &[]);
    assert_eq!(rule, Rule::NoMeasurement);
    assert_eq!(a.status(), Status::NoData);
    assert_eq!(a.summary(&goal), "Mục tiêu ≥\u{a0}60% năm 2025");

    // Evidence is judged in the order given (oldest first): the last one counts.
    let (rule, _) = status_of(
        &goal,
        &[
            measurement("70", "%", "2022-12-31"),
            measurement("50", "%", "2023-10-31"),
        ],
    );
    assert_eq!(rule.status(), Status::InProgress);
}

#[test]
fn levels_match_when_either_side_gives_none_or_all() {
    assert!(same_level(None, Some(Level::Tinh)));
    assert!(same_level(Some(Level::All), Some(Level::Xa)));
    assert!(same_level(Some(Level::Huyen), Some(Level::Huyen)));
    assert!(!same_level(Some(Level::Tinh), Some(Level::Xa)));
}

#[test]
fn every_rule_says_which_status_it_gives_and_has_its_own_key() {
    let keys: std::collections::HashSet<&str> = Rule::ALL.iter().map(|r| r.key()).collect();
    assert_eq!(keys.len(), Rule::ALL.len());
    for status in Status::ALL {
        assert!(
            Rule::ALL.iter().any(|r| r.status() == status),
            "{status:?} comes from some rule"
        );
    }
}
