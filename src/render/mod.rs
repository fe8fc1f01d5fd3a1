//! Stage three: one list of everything that goes out (pages, assets, feed, sitemap), each
//! with its URL, checked for broken links before anything is written.

pub mod chart;
mod status;
pub mod views;

pub use status::{TargetStatus, measurements_of, status};

use crate::publish::{assets, feed, links, metadata, page_url, relative, sitemap};
use crate::site::Site;
use anyhow::{Context as _, Result, anyhow};
use serde_json::{Value, json};
use std::collections::BTreeMap;
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

/// What every page of one build shares.
struct Pages<'a> {
    tera: &'a Tera,
    site: &'a Site,
    assets: BTreeMap<String, String>,
    strings: BTreeMap<String, String>,
    js_strings: String,
}

/// What differs from page to page.
struct Page<'a> {
    template: &'a str,
    path: String,
    title: String,
    description: Option<String>,
    json_ld: Option<String>,
    data: Value,
}

impl Pages<'_> {
    fn render(&self, page: Page) -> Result<Output> {
        let info = &self.site.info;
        let url = page_url(&page.path);
        let mut context = Context::new();
        context.insert("site", info);
        context.insert("root", &info.base_path);
        context.insert("assets", &self.assets);
        context.insert("t", &self.strings);
        context.insert("js_strings", &self.js_strings);
        context.insert("title", &page.title);
        context.insert("path", &page.path);
        context.insert("url", &url);
        context.insert("canonical", &format!("{}{url}", info.base_url));
        context.insert(
            "description",
            page.description.as_deref().unwrap_or(&info.description),
        );
        context.insert("json_ld", &page.json_ld);
        context.insert("page", &page.data);
        let html = self.tera.render(page.template, &context).map_err(|e| {
            anyhow!(
                "lỗi khi dựng trang {} bằng mẫu {}: {e}",
                page.path,
                page.template
            )
        })?;
        Ok(Output {
            path: page.path,
            bytes: html.into_bytes(),
        })
    }
}

fn simple<'a>(template: &'a str, path: &str, title: &str, data: Value) -> Page<'a> {
    Page {
        template,
        path: path.to_string(),
        title: title.to_string(),
        description: None,
        json_ld: None,
        data,
    }
}

/// How pages name a document: kind and number; for a plan without a number of its own,
/// the decision that issues it; otherwise kind and date.
pub fn document_title(site: &Site, document: &crate::site::Document) -> String {
    if let Some(number) = &document.number {
        return format!("{} {}", document.kind.label(), number);
    }
    let issuing = site.documents.iter().find(|d| {
        d.relations.iter().any(|r| {
            r.kind == crate::model::RelationType::Issues
                && r.document.as_deref() == Some(document.id.as_str())
        })
    });
    match issuing.and_then(|d| d.number.as_ref().map(|n| (d, n))) {
        Some((decision, number)) => format!(
            "{} ban hành kèm theo {} {}",
            document.kind.label(),
            decision.kind.label(),
            number
        ),
        None => format!(
            "{} ngày {}",
            document.kind.label(),
            views::short_date(&document.issued)
        ),
    }
}

/// Every page of the site, in a stable order.
fn page_list(site: &Site) -> Vec<Page<'static>> {
    let mut pages = vec![simple(
        "home.html",
        "index.html",
        &site.info.title,
        views::home_page(site),
    )];
    for province in &site.provinces {
        pages.push(simple(
            "province.html",
            &format!("tinh/{}/index.html", province.id),
            &format!("Tỉnh {}", province.name),
            views::province_page(site, province),
        ));
    }
    for document in &site.documents {
        let title = document_title(site, document);
        pages.push(Page {
            template: "document.html",
            path: format!("van-ban/{}/index.html", document.id),
            title: title.clone(),
            description: Some(document.title.clone()),
            json_ld: Some(metadata::document_json_ld(site, document)),
            data: views::document_page(site, document),
        });
        for appendix in &document.appendices {
            pages.push(Page {
                template: "appendix.html",
                path: format!("van-ban/{}/phu-luc-{}/index.html", document.id, appendix.id),
                title: format!(
                    "Phụ lục {} – {title}",
                    appendix.number.as_deref().unwrap_or(&appendix.id)
                ),
                description: Some(appendix.title.clone()),
                json_ld: None,
                data: views::appendix_page(site, document, appendix),
            });
        }
    }
    pages.push(simple(
        "agencies.html",
        "co-quan/index.html",
        "Cơ quan",
        views::agencies_index(site),
    ));
    for agency in &site.agencies {
        pages.push(simple(
            "agency.html",
            &format!("co-quan/{}/index.html", agency.id),
            &agency.name,
            views::agency_page(site, agency),
        ));
    }
    pages.push(simple(
        "targets.html",
        "chi-tieu/index.html",
        "Chỉ tiêu",
        views::targets_page(site),
    ));
    for indicator in &site.indicators {
        pages.push(simple(
            "indicator.html",
            &format!("chi-tieu/{}/index.html", indicator.id),
            &indicator.name,
            views::indicator_page(site, indicator),
        ));
    }
    let projects: Vec<Value> = views::projects(site)
        .iter()
        .map(|p| views::project_view(site, p))
        .collect();
    pages.push(simple(
        "projects.html",
        "du-an/index.html",
        "Dự án, nhiệm vụ",
        json!({ "projects": projects }),
    ));
    pages.push(simple(
        "404.html",
        "404.html",
        "Không tìm thấy trang",
        Value::Null,
    ));
    pages
}

/// Every page and file of the site. Fails when a page cannot be rendered or a link of the
/// site does not resolve.
pub fn render(site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let tera = load_templates(theme)?;
    render_with(&tera, site, theme)
}

/// What every page shares, with the theme's static files (already fingerprinted).
fn prepare<'a>(tera: &'a Tera, site: &'a Site, theme: &Path) -> Result<(Pages<'a>, Vec<Output>)> {
    let mut static_files = static_assets(theme)?;
    let strings = load_strings(theme, &site.info.language)?;
    let js: BTreeMap<&String, &String> = strings
        .iter()
        .filter(|(k, _)| k.starts_with("js_"))
        .collect();
    let pages = Pages {
        tera,
        site,
        assets: assets::fingerprint(&mut static_files),
        js_strings: metadata::script_safe(&serde_json::to_string(&js)?),
        strings,
    };
    Ok((pages, static_files))
}

/// The page of one document alone (`serve` re-renders only it after a section edit).
pub fn document_page(
    tera: &Tera,
    site: &Site,
    theme: &Path,
    document: &crate::site::Document,
) -> Result<Output> {
    let (pages, _) = prepare(tera, site, theme)?;
    pages.render(Page {
        template: "document.html",
        path: format!("van-ban/{}/index.html", document.id),
        title: document_title(site, document),
        description: Some(document.title.clone()),
        json_ld: Some(metadata::document_json_ld(site, document)),
        data: views::document_page(site, document),
    })
}

/// Every page and file of the site, with templates already loaded (`serve` keeps them).
pub fn render_with(tera: &Tera, site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let (pages, static_files) = prepare(tera, site, theme)?;
    let mut outputs = page_list(site)
        .into_iter()
        .map(|page| pages.render(page))
        .collect::<Result<Vec<Output>>>()?;
    let open_data = crate::open_data::open_data(site)?;
    outputs.push(pages.render(simple(
        "open-data.html",
        &format!("{}/index.html", crate::open_data::FOLDER),
        "Dữ liệu mở",
        open_data.page,
    ))?);
    outputs.extend(open_data.outputs);
    outputs.push(pages.render(simple(
        "search.html",
        "tim-kiem/index.html",
        "Tìm kiếm",
        Value::Null,
    ))?);
    outputs.extend(crate::search::outputs(site)?);
    outputs.extend(static_files);
    let page_paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let sitemap = sitemap::sitemap(&page_paths, &site.info.base_url);
    outputs.push(sitemap);
    outputs.push(sitemap::robots(&site.info.base_url));
    outputs.push(feed::feed(site));
    let broken = links::check(&outputs, &site.info.base_path);
    if !broken.is_empty() {
        let list: Vec<String> = broken.iter().map(ToString::to_string).collect();
        return Err(anyhow!(
            "{} liên kết hỏng (broken links):\n{}",
            broken.len(),
            list.join("\n")
        ));
    }
    if site.info.relative_links {
        for output in outputs.iter_mut().filter(|o| o.path.ends_with(".html")) {
            let html = String::from_utf8_lossy(&output.bytes);
            output.bytes =
                relative::relativize(&html, &output.path, &site.info.base_path).into_bytes();
        }
    }
    Ok(outputs)
}

/// The theme's words for `language`, from `strings/<language>.yaml`.
pub fn load_strings(theme: &Path, language: &str) -> Result<BTreeMap<String, String>> {
    let file = theme.join("strings").join(format!("{language}.yaml"));
    let text = crate::load::read_text(&file).map_err(|d| anyhow!("{d}"))?;
    crate::yaml::parse(&text, &file).map_err(|d| anyhow!("{d}"))
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
