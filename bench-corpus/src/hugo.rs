//! Writes the same pages as a plain Hugo site: Markdown with front matter and a minimal
//! layout, at the same URLs as congkhai's pages.

use crate::synth::{Appendix, Document};
use crate::vocab::{AGENCIES, INDICATORS, PROVINCES};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

const CONFIG: &str = "baseURL = \"https://example.gov.vn/\"\nlanguageCode = \"vi\"\n\
title = \"Công khai kế hoạch chuyển đổi số (bộ dữ liệu tổng hợp)\"\n\
disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n";

const BASEOF: &str = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">\
<title>{{ .Title }} | {{ .Site.Title }}</title></head>\n<body>\n<header><a href=\"/\">{{ .Site.Title }}</a>\
<nav><a href=\"/van-ban/\">Văn bản</a> <a href=\"/tinh/\">Tỉnh</a> <a href=\"/co-quan/\">Cơ quan</a> \
<a href=\"/chi-tieu/\">Chỉ tiêu</a></nav></header>\n<main>{{ block \"main\" . }}{{ end }}</main>\n\
<footer>{{ .Site.Title }}</footer>\n</body>\n</html>\n";

const SINGLE: &str = "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>\
{{ with .Params.number }}<p>Số: {{ . }}</p>{{ end }}{{ .Content }}</article>{{ end }}\n";

const LIST: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range first 50 .Pages }}\
<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n";

const HOME: &str = "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>\
{{ range first 10 (where .Site.RegularPages \"Section\" \"van-ban\") }}\
<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n";

fn q(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn page(path: &Path, title: &str, url: &str, extra: &str, body: &str) -> io::Result<()> {
    fs::write(
        path,
        format!("---\ntitle: {}\nurl: {url}\n{extra}---\n\n{body}", q(title)),
    )
}

/// Configuration, layouts and the province, agency and indicator pages.
pub fn write_site(
    root: &Path,
    provinces: usize,
    documents_by_province: &[Vec<(String, String)>],
) -> io::Result<()> {
    let layouts = root.join("layouts/_default");
    fs::create_dir_all(&layouts)?;
    fs::write(root.join("hugo.toml"), CONFIG)?;
    fs::write(layouts.join("baseof.html"), BASEOF)?;
    fs::write(layouts.join("single.html"), SINGLE)?;
    fs::write(layouts.join("list.html"), LIST)?;
    fs::write(root.join("layouts/index.html"), HOME)?;
    for section in ["tinh", "co-quan", "chi-tieu"] {
        fs::create_dir_all(root.join("content").join(section))?;
    }
    for (p, (id, name, region)) in PROVINCES[..provinces].iter().enumerate() {
        let mut body = format!("Vùng: {region}\n\n## Văn bản\n\n");
        for (doc, title) in &documents_by_province[p] {
            writeln!(body, "- [{title}](/van-ban/{doc}/)").ok();
        }
        page(
            &root.join(format!("content/tinh/{id}.md")),
            &format!("Tỉnh {name}"),
            &format!("/tinh/{id}/"),
            "",
            &body,
        )?;
        for (prefix, long, short) in &AGENCIES {
            page(
                &root.join(format!("content/co-quan/{prefix}-{id}.md")),
                &format!("{long} {name}"),
                &format!("/co-quan/{prefix}-{id}/"),
                "",
                &format!("Tên ngắn: {short}\n\nTỉnh: [{name}](/tinh/{id}/)\n"),
            )?;
        }
    }
    for (id, name, unit) in &INDICATORS {
        page(
            &root.join(format!("content/chi-tieu/{id}.md")),
            name,
            &format!("/chi-tieu/{id}/"),
            "",
            &format!("Đơn vị: {unit}\n"),
        )?;
    }
    Ok(())
}

/// The document's page and one page per appendix.
pub fn write_document(root: &Path, document: &Document) -> io::Result<()> {
    let dir = root.join("content/van-ban");
    fs::create_dir_all(&dir)?;
    let mut body = String::new();
    for section in &document.sections {
        write!(body, "# {}\n\n{}\n", section.title, section.body).ok();
    }
    if !document.targets.is_empty() {
        body.push_str("## Chỉ tiêu\n\n| Chỉ tiêu | Giá trị | Năm |\n|---|---|---|\n");
        for t in &document.targets {
            writeln!(body, "| {} | ≥ {}% | {} |", t.text, t.value, t.year).ok();
        }
    }
    if !document.measurements.is_empty() {
        body.push_str("\n## Số liệu\n\n");
        for m in &document.measurements {
            writeln!(body, "- {} ({}%, {})", m.text, m.value, m.as_of).ok();
        }
    }
    if !document.appendices.is_empty() {
        body.push_str("\n## Phụ lục\n\n");
        for a in &document.appendices {
            writeln!(
                body,
                "- [Phụ lục {}: {}](/van-ban/{}/phu-luc-{}/)",
                a.number, a.title, document.id, a.id
            )
            .ok();
        }
    }
    page(
        &dir.join(format!("{}.md", document.id)),
        &document.title,
        &format!("/van-ban/{}/", document.id),
        &format!(
            "date: {}\nnumber: {}\n",
            document.issued,
            q(&document.number)
        ),
        &body,
    )?;
    for appendix in &document.appendices {
        page(
            &dir.join(format!("{}-phu-luc-{}.md", document.id, appendix.id)),
            &format!("Phụ lục {} – {}", appendix.number, document.number),
            &format!("/van-ban/{}/phu-luc-{}/", document.id, appendix.id),
            &format!("date: {}\n", document.issued),
            &appendix_table(appendix),
        )?;
    }
    Ok(())
}

fn appendix_table(appendix: &Appendix) -> String {
    let mut text = format!("**{}**\n\n|", appendix.title);
    for (_, title, _) in appendix.columns {
        write!(text, " {title} |").ok();
    }
    text.push_str("\n|");
    text.push_str(&"---|".repeat(appendix.columns.len()));
    text.push('\n');
    let blanks = " |".repeat(appendix.columns.len().saturating_sub(2));
    for group in &appendix.groups {
        writeln!(
            text,
            "| **{}** | **{}** |{blanks}",
            group.label, group.title
        )
        .ok();
        for row in &group.rows {
            writeln!(text, "| {} |", row.join(" | ")).ok();
        }
    }
    if let Some(total) = &appendix.total {
        writeln!(text, "| | **TỔNG CỘNG** | | | **{total}** | | |").ok();
    }
    text
}
