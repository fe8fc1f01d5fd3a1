//! Charts drawn at build time as SVG: no script, a text alternative, and the same figures
//! shown as a table beside each chart.
//!
//! Every chart is a list of horizontal bars, one under the other, each with its label on a
//! line of its own above it: nothing can overlap, whatever the labels, and the drawing is
//! [`WIDTH`] units wide so that its text stays at least 12 CSS px on a 390 px phone (the
//! stylesheet keeps it from growing past 30rem on a desk).

use crate::text::escape_xml;
use crate::vietnamese::format_number;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// One bar: its label and value.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Label above the bar, e.g. "Khánh Hòa, 31/10/2023".
    pub label: String,
    /// The value.
    pub value: Decimal,
}

/// A target level drawn as an outlined bar among the measured ones, e.g. a province's target.
#[derive(Debug, Clone)]
pub struct Line {
    /// Label of the level.
    pub label: String,
    /// Its value.
    pub value: Decimal,
}

/// One bar cut into parts (targets of a province by status).
#[derive(Debug, Clone)]
pub struct StackedBar {
    /// Label above the bar.
    pub label: String,
    /// The parts, in the order of the chart's legend.
    pub parts: Vec<usize>,
}

/// Width of every chart, in SVG units.
pub const WIDTH: f64 = 360.0;
/// Size of every text, in SVG units: 12,9 CSS px when the chart is 345 px wide.
pub const FONT: f64 = 13.0;
const LABEL_LINE: f64 = 17.0;
const BAR: f64 = 16.0;
const GAP: f64 = 12.0;
const ROW: f64 = LABEL_LINE + BAR + GAP;
/// The most characters of a label drawn; the full label is in the bar's tooltip and the
/// table beside the chart.
const LABEL_CHARS: usize = 46;
/// Width of one character of a value, generously: digits and Vietnamese letters at
/// [`FONT`] units are narrower than this.
const CHAR_WIDTH: f64 = 7.6;

fn clip(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

fn open_svg(id: &str, title: &str, description: &str, height: f64) -> String {
    format!(
        "<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\" \
         font-size=\"{FONT}\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape_xml(title),
        escape_xml(description)
    )
}

/// A value with its unit: "47,09%", "18,5 tỷ đồng".
fn with_unit(value: Decimal, unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        format_number(value)
    } else if unit.starts_with('%') {
        format!("{}{unit}", format_number(value))
    } else {
        format!("{} {unit}", format_number(value))
    }
}

/// Measured `bars` and target levels `lines` in `unit`, titled `title`: one bar per
/// figure, targets outlined.
pub fn bar_chart(title: &str, unit: &str, bars: &[Bar], lines: &[Line], id: &str) -> String {
    let rows: Vec<(&str, Decimal, bool)> = bars
        .iter()
        .map(|b| (b.label.as_str(), b.value, false))
        .chain(lines.iter().map(|l| (l.label.as_str(), l.value, true)))
        .collect();
    let max = rows
        .iter()
        .map(|r| r.1)
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let max = if unit.trim() == "%" {
        max.max(Decimal::ONE_HUNDRED)
    } else {
        max
    };
    let description: Vec<String> = rows
        .iter()
        .map(|(label, value, target)| {
            format!(
                "{}{label}: {}",
                if *target { "mục tiêu " } else { "" },
                with_unit(*value, unit)
            )
        })
        .collect();
    let height = (rows.len() as f64 * ROW).max(ROW);
    let mut svg = open_svg(id, title, &description.join("; "), height);
    // Room is kept right of the longest bar for the longest value.
    let longest = rows
        .iter()
        .map(|r| with_unit(r.1, unit).chars().count())
        .max()
        .unwrap_or(0);
    let room = WIDTH - 8.0 - longest as f64 * CHAR_WIDTH;
    for (i, (label, value, target)) in rows.iter().enumerate() {
        let top = i as f64 * ROW;
        let ratio = (*value / max).to_f64().unwrap_or(0.0).clamp(0.0, 1.0);
        let length = (ratio * room).max(1.0);
        let class = if *target { "target" } else { "bar" };
        svg.push_str(&format!(
            "<g><title>{}</title><text x=\"0\" y=\"{:.1}\" class=\"label\">{}</text>\
             <rect class=\"{class}\" x=\"0\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{BAR}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{}</text></g>",
            escape_xml(&description[i]),
            top + FONT,
            escape_xml(&clip(label)),
            top + LABEL_LINE,
            length + 6.0,
            top + LABEL_LINE + BAR - 3.0,
            escape_xml(&with_unit(*value, unit)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// One stacked bar per row (a province's targets by status), parts coloured by the CSS
/// classes `classes` in legend order, the legend named by `legend`. A part's count is
/// written in it only where there is room; the table beside has every figure.
pub fn stacked_chart(
    title: &str,
    legend: &[(&str, &str)],
    bars: &[StackedBar],
    id: &str,
) -> String {
    let most = bars
        .iter()
        .map(|b| b.parts.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let description: Vec<String> = bars
        .iter()
        .map(|b| {
            let parts: Vec<String> = legend
                .iter()
                .zip(&b.parts)
                .filter(|(_, n)| **n > 0)
                .map(|((name, _), n)| format!("{name} {n}"))
                .collect();
            format!("{}: {}", b.label, parts.join(", "))
        })
        .collect();
    // The legend: one line per status, a swatch and its name.
    let legend_height = legend.len() as f64 * LABEL_LINE + GAP;
    let height = legend_height + (bars.len() as f64 * ROW).max(ROW);
    let mut svg = open_svg(id, title, &description.join("; "), height);
    for (i, (name, class)) in legend.iter().enumerate() {
        let top = i as f64 * LABEL_LINE;
        svg.push_str(&format!(
            "<rect class=\"{class}\" x=\"0\" y=\"{:.1}\" width=\"12\" height=\"12\"/>\
             <text x=\"18\" y=\"{:.1}\" class=\"label\">{}</text>",
            top + 2.0,
            top + FONT,
            escape_xml(name)
        ));
    }
    let room = WIDTH - 40.0;
    for (i, bar) in bars.iter().enumerate() {
        let top = legend_height + i as f64 * ROW;
        svg.push_str(&format!(
            "<g><title>{}</title><text x=\"0\" y=\"{:.1}\" class=\"label\">{}</text>",
            escape_xml(&description[i]),
            top + FONT,
            escape_xml(&clip(&bar.label))
        ));
        let mut x = 0.0;
        for ((_, class), count) in legend.iter().zip(&bar.parts) {
            if *count == 0 {
                continue;
            }
            let width = *count as f64 / most as f64 * room;
            svg.push_str(&format!(
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{BAR}\"/>",
                top + LABEL_LINE
            ));
            // A count is written inside its part only where its digits fit.
            let digits = count.to_string();
            if width >= digits.len() as f64 * 8.0 + 8.0 {
                svg.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" class=\"inside\">{digits}</text>",
                    x + 4.0,
                    top + LABEL_LINE + BAR - 3.0
                ));
            }
            x += width;
        }
        let total: usize = bar.parts.iter().sum();
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{total}</text></g>",
            x + 6.0,
            top + LABEL_LINE + BAR - 3.0
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: i64) -> Bar {
        Bar {
            label: label.to_string(),
            value: Decimal::from(value),
        }
    }

    #[test]
    fn each_figure_is_one_bar_with_its_label_on_its_own_line() {
        let svg = bar_chart(
            "Số liệu",
            "%",
            &[bar("Khánh Hòa, 31/10/2023", 47)],
            &[Line {
                label: "Khánh Hòa (2025)".to_string(),
                value: Decimal::from(60),
            }],
            "c",
        );
        assert_eq!(svg.matches("class=\"bar\"").count(), 1);
        assert_eq!(svg.matches("class=\"target\"").count(), 1);
        assert!(svg.contains(">47%<") && svg.contains(">60%<"));
        assert!(svg.contains("font-size=\"13\""));
        assert!(
            svg.contains("viewBox=\"0 0 360 90\""),
            "two rows of 45 units: {svg}"
        );
    }

    #[test]
    fn long_labels_are_clipped_and_kept_whole_in_the_tooltip() {
        let long =
            "Nền tảng tích hợp ứng dụng và dịch vụ công nghệ thông tin (LGSP) tỉnh Khánh Hòa";
        let svg = bar_chart("Dự án", "tỷ đồng", &[bar(long, 18)], &[], "c");
        assert!(svg.contains("…</text>"));
        assert!(svg.contains(&format!("<title>{long}: 18 tỷ đồng</title>")));
    }

    #[test]
    fn stacked_bars_write_a_count_only_where_it_fits() {
        let svg = stacked_chart(
            "Chỉ tiêu theo tình trạng",
            &[("Đạt", "s-dat"), ("Chưa có số liệu", "s-none")],
            &[StackedBar {
                label: "Khánh Hòa".to_string(),
                parts: vec![1, 99],
            }],
            "s",
        );
        assert!(svg.contains(">99</text>"), "the wide part shows its count");
        assert!(
            !svg.contains(">1</text>"),
            "a sliver has no room for its count"
        );
        assert!(svg.contains(">100</text>"), "the total after the bar");
        assert!(svg.contains("Khánh Hòa: Đạt 1, Chưa có số liệu 99"));
    }
}
