//! Whether a target has been met, from the measurements linked to it.

use crate::site::{Measurement, Site, Target};
use rust_decimal::Decimal;
use serde::Serialize;

/// The status of a target, worded in Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetStatus {
    /// Đạt: the latest measurement meets the target.
    Met,
    /// Chưa đạt: the latest measurement does not meet it yet.
    NotMet,
    /// Chưa có số liệu: nothing measures it.
    NoData,
}

impl TargetStatus {
    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            TargetStatus::Met => "Đạt",
            TargetStatus::NotMet => "Chưa đạt",
            TargetStatus::NoData => "Chưa có số liệu",
        }
    }

    /// A stable key for CSS and data.
    pub fn key(self) -> &'static str {
        match self {
            TargetStatus::Met => "dat",
            TargetStatus::NotMet => "chua-dat",
            TargetStatus::NoData => "chua-co-so-lieu",
        }
    }
}

/// The measurements that measure `target` of `document_id`, oldest first.
pub fn measurements_of<'a>(
    site: &'a Site,
    document_id: &str,
    target: &Target,
) -> Vec<&'a Measurement> {
    let mut found = site.measurements_of_target(document_id, &target.id);
    found.sort_by(|a, b| a.as_of.cmp(&b.as_of));
    found
}

/// The value a measurement contributes: the share in percent when the target is a share.
pub fn comparable_value(measurement: &Measurement, target: &Target) -> Decimal {
    let target_is_share = target.unit.as_deref() == Some("%");
    match (target_is_share, measurement.percent) {
        (true, Some(percent)) if measurement.unit.as_deref() != Some("%") => percent,
        _ => measurement.value,
    }
}

/// The status of `target` given its measurements.
pub fn status(target: &Target, measurements: &[&Measurement]) -> TargetStatus {
    let (Some(latest), Some(goal)) = (measurements.last(), target.value) else {
        return TargetStatus::NoData;
    };
    let value = comparable_value(latest, target);
    let met = match target.comparison.as_deref() {
        Some("≤") => value <= goal,
        Some("=") => value == goal,
        _ => value >= goal,
    };
    if met {
        TargetStatus::Met
    } else {
        TargetStatus::NotMet
    }
}
