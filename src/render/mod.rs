//! Stage three: one list of everything that goes out (pages, assets), each with its URL.

mod status;
pub mod views;

pub use status::{TargetStatus, measurements_of, status};

use crate::site::Site;
use anyhow::{Context as _, Result, anyhow};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tera::{Context, Kwargs, State, Tera};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators, e.g. `van-ban/x/index.html`.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Loads every template of `theme/templates/` and registers congkhai's filters.
pub fn load_templates(theme: &Path) -> Result<Tera> {
    let dir = theme.join("templates");
    if !dir.is_dir() {
        return Err(anyhow!(
            "không tìm thấy thư mục mẫu giao diện {} (theme templates folder not found)",
            dir.display()
        ));
    }
    let mut files: Vec<(PathBuf, Option<String>)> = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            let name = entry
                .path()
                .strip_prefix(&dir)?
                .to_string_lossy()
                .replace('\\', "/");
            files.push((entry.path().to_path_buf(), Some(name)));
        }
    }
    let mut tera = Tera::new();
    tera.add_template_files(files)
        .map_err(|e| anyhow!("lỗi mẫu giao diện: {e}"))?;
    tera.register_filter("so", |value: &str, _: Kwargs, _: &State| -> String {
        crate::amount::parse_plain(value)
            .map(crate::vietnamese::format_number)
            .unwrap_or_else(|| value.to_string())
    });
    tera.register_filter("ngay", |value: &str, _: Kwargs, _: &State| {
        views::long_date(value)
    });
    tera.register_filter("ngay_ngan", |value: &str, _: Kwargs, _: &State| {
        views::short_date(value)
    });
    Ok(tera)
}

/// Renders one page.
fn page(
    tera: &Tera,
    site: &Site,
    template: &str,
    path: String,
    title: &str,
    data: Value,
) -> Result<Output> {
    let mut context = Context::new();
    context.insert("site", &site.info);
    context.insert("root", &site.info.base_path);
    context.insert("title", title);
    context.insert("path", &path);
    context.insert("page", &data);
    let html = tera
        .render(template, &context)
        .map_err(|e| anyhow!("lỗi khi dựng trang {path} bằng mẫu {template}: {e}"))?;
    Ok(Output {
        path,
        bytes: html.into_bytes(),
    })
}

/// Every page and asset of the site.
pub fn render(site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let tera = load_templates(theme)?;
    render_with(&tera, site, theme)
}

/// Every page and asset of the site, with templates already loaded (`serve` keeps them).
pub fn render_with(tera: &Tera, site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let mut outputs = Vec::new();
    outputs.push(page(
        tera,
        site,
        "home.html",
        "index.html".into(),
        &site.info.title,
        views::home_page(site),
    )?);
    for province in &site.provinces {
        outputs.push(page(
            tera,
            site,
            "province.html",
            format!("tinh/{}/index.html", province.id),
            &format!("Tỉnh {}", province.name),
            views::province_page(site, province),
        )?);
    }
    for document in &site.documents {
        let title = document_title(document);
        outputs.push(document_page(tera, site, document)?);
        for appendix in &document.appendices {
            outputs.push(page(
                tera,
                site,
                "appendix.html",
                format!("van-ban/{}/phu-luc-{}/index.html", document.id, appendix.id),
                &format!(
                    "Phụ lục {} – {}",
                    appendix.number.as_deref().unwrap_or(&appendix.id),
                    title
                ),
                views::appendix_page(site, document, appendix),
            )?);
        }
    }
    outputs.push(page(
        tera,
        site,
        "agencies.html",
        "co-quan/index.html".into(),
        "Cơ quan",
        views::agencies_index(site),
    )?);
    for agency in &site.agencies {
        outputs.push(page(
            tera,
            site,
            "agency.html",
            format!("co-quan/{}/index.html", agency.id),
            &agency.name,
            views::agency_page(site, agency),
        )?);
    }
    outputs.push(page(
        tera,
        site,
        "targets.html",
        "chi-tieu/index.html".into(),
        "Chỉ tiêu",
        views::targets_page(site),
    )?);
    for indicator in &site.indicators {
        outputs.push(page(
            tera,
            site,
            "indicator.html",
            format!("chi-tieu/{}/index.html", indicator.id),
            &indicator.name,
            views::indicator_page(site, indicator),
        )?);
    }
    let projects: Vec<Value> = views::projects(site)
        .iter()
        .map(|p| views::project_view(site, p))
        .collect();
    outputs.push(page(
        tera,
        site,
        "projects.html",
        "du-an/index.html".into(),
        "Dự án, nhiệm vụ",
        serde_json::json!({"projects": projects}),
    )?);
    outputs.push(page(
        tera,
        site,
        "404.html",
        "404.html".into(),
        "Không tìm thấy trang",
        Value::Null,
    )?);
    outputs.extend(static_assets(theme)?);
    Ok(outputs)
}

/// A document's page title: its kind and number, or its kind and title when it has no number.
fn document_title(document: &crate::site::Document) -> String {
    match &document.number {
        Some(number) => format!("{} {}", document.kind.label(), number),
        None => format!("{} {}", document.kind.label(), document.title),
    }
}

/// The page of one document (`van-ban/<id>/index.html`), as [`render`] makes it.
pub fn document_page(tera: &Tera, site: &Site, document: &crate::site::Document) -> Result<Output> {
    page(
        tera,
        site,
        "document.html",
        format!("van-ban/{}/index.html", document.id),
        &document_title(document),
        views::document_page(site, document),
    )
}

/// The theme's `static/` files, published under `assets/`.
pub fn static_assets(theme: &Path) -> Result<Vec<Output>> {
    let dir = theme.join("static");
    let mut outputs = Vec::new();
    if !dir.is_dir() {
        return Ok(outputs);
    }
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            let relative = entry
                .path()
                .strip_prefix(&dir)?
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("không đọc được {}", entry.path().display()))?;
            outputs.push(Output {
                path: format!("assets/{relative}"),
                bytes,
            });
        }
    }
    Ok(outputs)
}
