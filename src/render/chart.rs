//! Bar charts drawn at build time as SVG: no script, a text alternative, and the same data
//! shown as a table beside them.

use crate::publish::sitemap::escape_xml;
use crate::vietnamese::format_number;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// One bar: its label and value.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Label under the bar, e.g. "Khánh Hòa, 31/10/2023".
    pub label: String,
    /// The value.
    pub value: Decimal,
}

/// A horizontal reference line, e.g. a province's target.
#[derive(Debug, Clone)]
pub struct Line {
    /// Label of the line.
    pub label: String,
    /// Its value.
    pub value: Decimal,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 60.0;
const TOP: f64 = 16.0;

/// A bar chart of `bars` with reference `lines`, in `unit`, titled `title`.
pub fn bar_chart(title: &str, unit: &str, bars: &[Bar], lines: &[Line], id: &str) -> String {
    let max = bars
        .iter()
        .map(|b| b.value)
        .chain(lines.iter().map(|l| l.value))
        .max()
        .unwrap_or(Decimal::ONE)
        .max(Decimal::ONE);
    let max = if unit == "%" {
        max.max(Decimal::from(100))
    } else {
        max
    };
    let raw_unit = unit;
    let unit = escape_xml(unit);
    let scale = |value: Decimal| -> f64 {
        let ratio = (value / max).to_f64().unwrap_or(0.0);
        HEIGHT - BOTTOM - ratio * (HEIGHT - BOTTOM - TOP)
    };
    let description: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}{raw_unit}", b.label, format_number(b.value)))
        .chain(
            lines
                .iter()
                .map(|l| format!("{}: {}{raw_unit}", l.label, format_number(l.value))),
        )
        .collect();
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-d\" xmlns=\"http://www.w3.org/2000/svg\"><desc id=\"{id}-d\">{}: {}</desc>",
        escape_xml(title),
        escape_xml(&description.join("; ")),
    );
    let base = HEIGHT - BOTTOM;
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{WIDTH}\" y2=\"{base}\" class=\"axis\"/>"
    ));
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}{unit}</text><text x=\"{}\" y=\"{base}\" class=\"tick\" text-anchor=\"end\">0</text>",
        LEFT - 6.0,
        TOP + 4.0,
        escape_xml(&format_number(max)),
        LEFT - 6.0,
    ));
    let slot = (WIDTH - LEFT) / bars.len().max(1) as f64;
    for (index, bar) in bars.iter().enumerate() {
        let x = LEFT + slot * index as f64 + slot * 0.2;
        let y = scale(bar.value);
        svg.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" class=\"bar\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"value\" text-anchor=\"middle\">{}{unit}</text><text x=\"{:.1}\" y=\"{:.1}\" class=\"label\" text-anchor=\"middle\">{}</text>",
            slot * 0.6,
            base - y,
            x + slot * 0.3,
            y - 4.0,
            escape_xml(&format_number(bar.value)),
            x + slot * 0.3,
            base + 16.0,
            escape_xml(&bar.label),
        ));
    }
    for line in lines {
        let y = scale(line.value);
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{WIDTH}\" y2=\"{y:.1}\" class=\"target\"/><text x=\"{WIDTH}\" y=\"{:.1}\" class=\"target-label\" text-anchor=\"end\">{}</text>",
            y - 4.0,
            escape_xml(&format!("{}: {}{raw_unit}", line.label, format_number(line.value))),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_has_a_text_alternative_and_escapes_labels() {
        let svg = bar_chart(
            "Tỷ lệ <hồ sơ>",
            "%",
            &[Bar {
                label: "Khánh Hòa".into(),
                value: Decimal::new(4709, 2),
            }],
            &[Line {
                label: "Mục tiêu".into(),
                value: Decimal::from(50),
            }],
            "c1",
        );
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<desc id=\"c1-d\">Tỷ lệ &lt;hồ sơ&gt;: "));
        assert!(
            !svg.contains("<title"),
            "no RCDATA element a minifier could unescape"
        );
        assert!(svg.contains("Khánh Hòa: 47,09%"));
        assert!(svg.contains("Mục tiêu: 50%"));
    }
}
