//! Writes the synthetic corpus in congkhai's content model (docs/content-model.md).

use crate::synth::{Appendix, Document};
use crate::vocab::{AGENCIES, INDICATORS, PROVINCES};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// `site.yaml`, `provinces.yaml`, `agencies/`, `indicators/` for the first `provinces`.
pub fn write_registry(root: &Path, provinces: usize) -> io::Result<()> {
    fs::create_dir_all(root.join("agencies"))?;
    fs::create_dir_all(root.join("indicators"))?;
    fs::write(
        root.join("site.yaml"),
        "title: \"Công khai kế hoạch chuyển đổi số (bộ dữ liệu tổng hợp)\"\n\
         description: \"Bộ nội dung tổng hợp để đo tốc độ dựng trang\"\n\
         base_url: \"https://example.gov.vn/\"\npublisher: \"congkhai bench-corpus\"\nlanguage: vi\n",
    )?;
    let mut list = String::new();
    for (id, name, region) in &PROVINCES[..provinces] {
        writeln!(
            list,
            "- id: {id}\n  name: {}\n  region: {}",
            q(name),
            q(region)
        )
        .ok();
    }
    fs::write(root.join("provinces.yaml"), list)?;
    for (id, name, _) in &PROVINCES[..provinces] {
        let mut agencies = String::new();
        for (prefix, long, short) in &AGENCIES {
            writeln!(
                agencies,
                "- id: {prefix}-{id}\n  name: {}\n  short_name: {}\n  province: {id}",
                q(&format!("{long} {name}")),
                q(short)
            )
            .ok();
        }
        fs::write(root.join(format!("agencies/{id}.yaml")), agencies)?;
    }
    let mut indicators = String::new();
    for (id, name, unit) in &INDICATORS {
        writeln!(
            indicators,
            "- id: {id}\n  name: {}\n  unit: {}",
            q(name),
            q(unit)
        )
        .ok();
    }
    fs::write(root.join("indicators/indicators.yaml"), indicators)?;
    // The standard statuses of the printed ones (crate::vocab::STATUSES), "chưa" first.
    fs::write(
        root.join("row-statuses.yaml"),
        "- id: chua-trien-khai\n  label: \"Chưa triển khai\"\n  match: [\"chưa triển khai\"]\n\
         - id: hoan-thanh\n  label: \"Hoàn thành\"\n  done: true\n  match: [\"hoàn thành\"]\n\
         - id: dang-trien-khai\n  label: \"Đang triển khai\"\n  match: [\"đang triển khai\"]\n\
         - id: dang-chuan-bi\n  label: \"Đang chuẩn bị\"\n  match: [\"chuẩn bị\"]\n",
    )
}

/// One document folder.
pub fn write_document(root: &Path, document: &Document) -> io::Result<()> {
    let province = PROVINCES[document.province].0;
    let dir = root.join(format!("documents/{province}/{}", document.id));
    fs::create_dir_all(dir.join("sections"))?;
    let mut meta = format!(
        "id: {}\nkind: {}\nnumber: {}\nissued: {}\nissuer: ubnd-{province}\nprovince: {province}\ntitle: {}\nperiod: {{ from: {}, to: {} }}\n",
        document.id,
        document.kind,
        q(&document.number),
        document.issued,
        q(&document.title),
        document.period.0,
        document.period.1
    );
    if let Some(plan) = &document.reports_on {
        writeln!(
            meta,
            "relations:\n  - {{ type: reports_on, document: {plan} }}"
        )
        .ok();
    }
    fs::write(dir.join("document.yaml"), meta)?;
    for (n, section) in document.sections.iter().enumerate() {
        fs::write(
            dir.join(format!("sections/{:02}-{}.md", n + 1, section.id)),
            format!(
                "---\nid: {}\ntitle: {}\n---\n{}",
                section.id,
                q(section.title),
                section.body
            ),
        )?;
    }
    if !document.targets.is_empty() {
        let mut text = String::new();
        for t in &document.targets {
            writeln!(
                text,
                "- id: {}\n  section: phan-ii\n  text: {}\n  indicator: {}\n  level: tinh\n  comparison: \">=\"\n  value: \"{}\"\n  unit: \"%\"\n  year: {}",
                t.id, q(&t.text), t.indicator, t.value, t.year
            )
            .ok();
        }
        fs::write(dir.join("targets.yaml"), text)?;
    }
    if !document.measurements.is_empty() {
        let mut text = String::new();
        for m in &document.measurements {
            writeln!(
                text,
                "- id: {}\n  text: {}\n  section: phan-ii\n  target: {{ document: {}, id: {} }}\n  indicator: {}\n  value: \"{}\"\n  unit: \"%\"\n  as_of: {}",
                m.id, q(&m.text), m.target.0, m.target.1, m.indicator, m.value, m.as_of
            )
            .ok();
        }
        fs::write(dir.join("measurements.yaml"), text)?;
    }
    if !document.appendices.is_empty() {
        fs::create_dir_all(dir.join("appendices"))?;
    }
    for (n, appendix) in document.appendices.iter().enumerate() {
        fs::write(
            dir.join(format!("appendices/{:02}-{}.yaml", n + 1, appendix.id)),
            appendix_yaml(appendix),
        )?;
    }
    Ok(())
}

fn appendix_yaml(appendix: &Appendix) -> String {
    let mut text = format!(
        "id: {}\nnumber: {}\ntitle: {}\n",
        appendix.id,
        q(&appendix.number),
        q(&appendix.title)
    );
    if appendix.total.is_some() {
        text.push_str("unit: trieu-dong\n");
    }
    text.push_str("columns:\n");
    for (key, title, role) in appendix.columns {
        writeln!(
            text,
            "  - {{ key: {key}, title: {}, role: {role} }}",
            q(title)
        )
        .ok();
    }
    text.push_str("rows:\n");
    for group in &appendix.groups {
        writeln!(
            text,
            "  - group: {}\n    title: {}",
            q(&group.label),
            q(&group.title)
        )
        .ok();
        if let Some(total) = &group.total {
            writeln!(text, "    totals: {{ amount: {} }}", q(total)).ok();
        }
        text.push_str("    rows:\n");
        for row in &group.rows {
            let cells: Vec<String> = appendix
                .columns
                .iter()
                .zip(row)
                .map(|((key, _, _), cell)| format!("{key}: {}", q(cell)))
                .collect();
            writeln!(text, "      - {{ {} }}", cells.join(", ")).ok();
        }
    }
    if let Some(total) = &appendix.total {
        writeln!(
            text,
            "totals: {{ amount: {} }}\ntotal_label: \"TỔNG CỘNG\"",
            q(total)
        )
        .ok();
    }
    text
}
