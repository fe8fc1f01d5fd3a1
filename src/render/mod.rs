//! Stage three: one list of everything that goes out (pages, assets, feed, sitemap), each
//! with its URL, checked for broken links before anything is written.

pub mod chart;
pub mod glossary;
pub mod overview;
pub mod portal;
pub mod project_pages;
pub mod projects;
pub mod views;

pub mod assets;
pub mod metadata;

use crate::output::{Output, Sink};
use crate::site::Site;
use crate::urls::{self, page_url};
use anyhow::{Context as _, Result, anyhow};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::{Context, Kwargs, State, Tera};

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
        crate::vietnamese::long_date(value)
    });
    tera.register_filter("ngay_ngan", |value: &str, _: Kwargs, _: &State| {
        crate::vietnamese::short_date(value)
    });
    Ok(tera)
}

/// Rows of an appendix rendered at once (see `Pages::appendix_rows`).
const ROWS_PER_FRAGMENT: usize = 500;

/// What every page of one build shares.
pub(crate) struct Pages<'a> {
    tera: &'a Tera,
    pub(crate) site: &'a Site,
    /// What every page's context holds, converted to tera's values once (they are shared,
    /// not copied, by each page's context).
    shared: Context,
}

/// The data of one page, computed only when the page is rendered and put into its context
/// as `page`, so that the list of pages stays small and each page's data is dropped as soon
/// as it is written.
type PageData<'a> = Box<dyn Fn(&mut Context) -> Result<()> + Send + Sync + 'a>;

/// What differs from page to page.
pub(crate) struct Page<'a> {
    template: &'static str,
    /// The file written ([`urls::output_path`] of the page's URL).
    path: String,
    title: String,
    description: Option<String>,
    json_ld: Option<String>,
    data: PageData<'a>,
}

impl Pages<'_> {
    /// Renders `list` on every core into `files`.
    pub(crate) fn render_all(&self, list: Vec<Page>, files: &dyn Sink) -> Result<()> {
        use rayon::prelude::*;
        list.into_par_iter().try_for_each(|page| {
            let output = self.render(page)?;
            files.put(&output.path, &output.bytes)
        })
    }

    /// The rows of `appendix` as HTML (theme template `appendix_rows.html`), rendered
    /// [`ROWS_PER_FRAGMENT`] at a time: the view data of only that many rows is held at once,
    /// however long the appendix.
    fn appendix_rows(
        &self,
        document: &crate::site::Document,
        position: usize,
        appendix: &crate::site::Appendix,
    ) -> Result<String> {
        let columns = appendix.columns.len();
        let mut html = String::new();
        let ids = self
            .site
            .position(&document.id)
            .map(|d| self.site.lineage.page_ids_of(&self.site.documents, d))
            .unwrap_or_default();
        let mut rows = views::appendix_rows(self.site, appendix, |anchor| {
            ids.get(&(position, anchor)).copied()
        })
        .peekable();
        while rows.peek().is_some() {
            let part = views::RowsPart {
                rows: rows.by_ref().take(ROWS_PER_FRAGMENT).collect(),
                columns,
            };
            html.push_str(&self.fragment("appendix_rows.html", "part", &part)?);
        }
        Ok(html)
    }

    /// A piece of a page: `template` rendered with what every page shares and `value` as
    /// `name`.
    pub(crate) fn fragment(
        &self,
        template: &str,
        name: &'static str,
        value: &impl Serialize,
    ) -> Result<String> {
        let mut context = self.shared.clone();
        context.insert(name, value);
        self.tera
            .render(template, &context)
            .map_err(|e| anyhow!("lỗi khi dựng mẫu {template}: {e}"))
    }

    pub(crate) fn render(&self, page: Page) -> Result<Output> {
        let info = &self.site.info;
        let url = page_url(&page.path);
        let mut context = self.shared.clone();
        context.insert("title", &page.title);
        context.insert("path", &page.path);
        context.insert("url", &url);
        context.insert("canonical", &format!("{}{url}", info.base_url));
        context.insert(
            "description",
            page.description.as_deref().unwrap_or(&info.description),
        );
        context.insert("json_ld", &page.json_ld);
        (page.data)(&mut context)?;
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

/// The page at `url`, its data made by `data`.
fn simple<'a, T: Serialize>(
    template: &'static str,
    url: &str,
    title: &str,
    data: impl Fn() -> T + Send + Sync + 'a,
) -> Page<'a> {
    fallible(template, url, title, move || Ok(data()))
}

/// A page whose data may fail to be made (it reads scratch space).
fn fallible<'a, T: Serialize>(
    template: &'static str,
    url: &str,
    title: &str,
    data: impl Fn() -> Result<T> + Send + Sync + 'a,
) -> Page<'a> {
    Page {
        template,
        path: urls::output_path(url),
        title: title.to_string(),
        description: None,
        json_ld: None,
        data: Box::new(move |context: &mut Context| {
            context.insert("page", &data()?);
            Ok(())
        }),
    }
}

/// The page at `url`, whose data was computed already.
pub(crate) fn ready<T: Serialize + Send + Sync + 'static>(
    template: &'static str,
    url: &str,
    title: &str,
    data: T,
) -> Page<'static> {
    let mut page = fallible(template, url, title, || Ok(()));
    page.data = Box::new(move |context: &mut Context| {
        context.insert("page", &data);
        Ok(())
    });
    page
}

/// How pages name a document: kind and number; for a plan without a number of its own,
/// the decision that issues it; otherwise kind and date.
pub fn document_title(site: &Site, document: &crate::site::Document) -> String {
    if let Some(number) = &document.number {
        return format!("{} {}", document.kind.label(), number);
    }
    let issuing = site.issuing_decision(&document.id);
    match issuing.and_then(|d| d.number.as_ref().map(|n| (d, n))) {
        Some((decision, number)) => format!(
            "{} ban hành kèm theo {} {}",
            document.kind.label(),
            decision.kind.label(),
            number
        ),
        None => format!("{} ngày {}", document.kind.label(), document.issued.short()),
    }
}

/// The pages of `documents` (whole): each document's page and its appendices' pages.
pub(crate) fn document_pages<'a>(
    pages: &'a Pages<'a>,
    documents: &'a [crate::site::Document],
) -> Vec<Page<'a>> {
    let site = pages.site;
    let mut list = Vec::new();
    for document in documents {
        let title = document_title(site, document);
        for (position, appendix) in document.appendices.iter().enumerate() {
            let mut page = fallible(
                "appendix.html",
                &urls::appendix(&document.id, &appendix.id),
                &format!(
                    "Phụ lục {} – {title}",
                    appendix.number.as_deref().unwrap_or(&appendix.id)
                ),
                move || {
                    let mut data = views::appendix_page(site, document, appendix);
                    let rows = pages.appendix_rows(document, position, appendix)?;
                    let terms = glossary::Terms::new(&site.glossary);
                    data.rows_html = terms.mark_first_uses(&rows, &mut Default::default());
                    Ok(data)
                },
            );
            page.description = Some(appendix.title.clone());
            list.push(page);
        }
        if !document.attachments.is_empty() {
            list.push(simple(
                "attachments.html",
                &urls::attachments(&document.id),
                &format!("Tệp đính kèm – {title}"),
                move || views::document_page(site, document),
            ));
        }
        list.push(document_page_of(site, document, title));
    }
    list
}

/// The page of one document, titled `title` ([`document_title`]).
fn document_page_of<'a>(
    site: &'a Site,
    document: &'a crate::site::Document,
    title: String,
) -> Page<'a> {
    let mut page = simple(
        "document.html",
        &urls::document(&document.id),
        &title,
        move || {
            let mut data = views::document_page(site, document);
            glossary::mark_sections(&site.glossary, &mut data.sections);
            data
        },
    );
    page.description = Some(document.title.clone());
    page.json_ld = Some(metadata::document_json_ld(site, document));
    page
}

/// Every page of the site but the documents' own, in a stable order; each page's data is
/// computed when it is rendered.
pub(crate) fn page_list<'a>(
    site: &'a Site,
    projects: &'a projects::ProjectIndex<'a>,
) -> Vec<Page<'a>> {
    let mut pages = vec![simple(
        "home.html",
        urls::HOME,
        &site.info.title,
        move || views::home_page(site, projects),
    )];
    for province in &site.provinces {
        pages.push(simple(
            "province.html",
            &urls::province(&province.id),
            &format!("Tỉnh {}", province.name),
            move || views::province_page(site, province, projects),
        ));
        if !projects.of_province(&province.id).is_empty() {
            pages.push(fallible(
                "province_projects.html",
                &urls::province_projects(&province.id),
                &format!("Dự án, nhiệm vụ – Tỉnh {}", province.name),
                move || views::province_projects_page(site, province, projects),
            ));
        }
    }
    pages.push(simple(
        "provinces.html",
        urls::PROVINCES,
        "Các tỉnh",
        move || portal::provinces_index(site),
    ));
    pages.push(simple(
        "documents.html",
        urls::DOCUMENTS,
        "Văn bản",
        move || portal::documents_index(site, portal::DOCUMENTS_ON_INDEX),
    ));
    pages.push(simple(
        "glossary.html",
        urls::GLOSSARY,
        "Thuật ngữ, chữ viết tắt",
        move || glossary::glossary_page(&site.glossary),
    ));
    pages.push(simple(
        "about.html",
        urls::ABOUT,
        "Giới thiệu",
        move || portal::about_page(site),
    ));
    pages.push(simple(
        "agencies.html",
        urls::AGENCIES,
        "Cơ quan",
        move || views::agencies_index(site, projects),
    ));
    for agency in &site.agencies {
        pages.push(fallible(
            "agency.html",
            &urls::agency(&agency.id),
            &agency.name,
            move || views::agency_page(site, agency, projects),
        ));
    }
    pages.push(simple(
        "targets.html",
        urls::TARGETS,
        "Chỉ tiêu",
        move || views::targets_page(site, views::TARGETS_ON_INDEX),
    ));
    for indicator in &site.indicators {
        pages.push(simple(
            "indicator.html",
            &urls::indicator(&indicator.id),
            &indicator.name,
            move || views::indicator_page(site, indicator, views::TARGETS_ON_INDEX),
        ));
    }
    pages.push(simple(
        "projects.html",
        urls::PROJECTS,
        "Dự án, nhiệm vụ",
        move || views::projects_page(site, projects),
    ));
    for project in site
        .lineage
        .projects()
        .iter()
        .filter(|p| site.lineage.has_page(p))
    {
        let name = project
            .mentions
            .last()
            .and_then(|&(d, k)| site.documents.get(d)?.projects.get(k))
            .map_or(project.id.as_str(), |m| m.name.as_str());
        pages.push(simple(
            "project.html",
            &urls::project(&project.id),
            &format!("Dự án: {}", views::short_title(name)),
            move || project_pages::project_page(site, project),
        ));
    }
    pages.push(simple(
        "methodology.html",
        urls::METHODOLOGY,
        "Cách xác định tình trạng",
        move || overview::methodology(site),
    ));
    pages.push(simple(
        "register.html",
        urls::REGISTER,
        "Đối chiếu số tổng với các dòng",
        move || overview::register(site),
    ));
    pages.push(ready(
        "404.html",
        urls::NOT_FOUND,
        "Không tìm thấy trang",
        (),
    ));
    pages.push(ready("search.html", urls::SEARCH, "Tìm kiếm", ()));
    pages
}

/// What every page shares, with the theme's static files (already fingerprinted).
pub(crate) fn prepare<'a>(
    tera: &'a Tera,
    site: &'a Site,
    theme: &Path,
) -> Result<(Pages<'a>, Vec<Output>)> {
    let mut static_files = static_assets(theme)?;
    let strings = load_strings(theme, &site.info.language)?;
    let js: BTreeMap<&String, &String> = strings
        .iter()
        .filter(|(k, _)| k.starts_with("js_"))
        .collect();
    let mut shared = Context::new();
    shared.insert("site", &site.info);
    shared.insert("root", &site.info.base_path);
    shared.insert("urls", &urls::FIXED_PAGES);
    shared.insert("assets", &assets::fingerprint(&mut static_files));
    shared.insert("t", &strings);
    shared.insert("site_updated", &site.updated().map(|d| d.short()));
    shared.insert("licence", &site.info.licence);
    shared.insert(
        "emblem",
        &site.info.emblem.as_ref().map(|name| urls::emblem(name)),
    );
    shared.insert(
        "js_strings",
        &metadata::script_safe(&serde_json::to_string(&js)?),
    );
    let pages = Pages { tera, site, shared };
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
    pages.render(document_page_of(
        site,
        document,
        document_title(site, document),
    ))
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
                path: urls::asset(&relative),
                bytes,
            });
        }
    }
    Ok(outputs)
}
