//! Stage three: one list of everything that goes out (pages, assets, feed, sitemap), each
//! with its URL, checked for broken links before anything is written.

pub mod chart;
pub mod glossary;
pub mod overview;
pub mod portal;
pub mod project_pages;
pub mod projects;
pub mod views;

use crate::publish::{assets, feed, links, metadata, page_url, relative, sitemap};
use crate::site::Site;
use crate::validate::DOCUMENTS_PER_PART;
use anyhow::{Context as _, Result, anyhow, bail};
use serde_json::Value;
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

/// Every document, read again whole [`DOCUMENTS_PER_PART`] at a time, and everything made of
/// its sections and rows: its pages (written), its open data and search records (added to
/// the open data and the search index returned), and its projects' rows (rendered once, for
/// every list that shows them).
fn write_documents<'a>(
    pages: &Pages<'a>,
    files: &'a SiteFiles<'a>,
    timings: &crate::timings::Timings,
) -> Result<(
    crate::open_data::OpenData<'a>,
    crate::search::Builder,
    projects::ProjectStore<'a>,
)> {
    let site = pages.site;
    let reader = crate::validate::Reader::new(site);
    let scratch = files.scratch();
    let mut open_data = crate::open_data::OpenData::begin(site, files)?;
    let mut search = crate::search::Builder::new(site, scratch.clone());
    let mut projects = projects::ProjectStore::new(site, scratch.as_deref())?;
    let emit = |o: Output| files.put(&o.path, &o.bytes);
    let project_row = |project: &projects::Project, amount| {
        pages.fragment(
            "project_row.html",
            "p",
            &views::project_view(site, project, amount),
        )
    };
    let mut spent = [std::time::Duration::ZERO; 2];
    for (number, part) in site.documents.chunks(DOCUMENTS_PER_PART).enumerate() {
        let mut clock = std::time::Instant::now();
        let mut lap = |i: usize| {
            spent[i] += clock.elapsed();
            clock = std::time::Instant::now();
        };
        let whole = reader.whole(part)?;
        lap(0);
        // Pages, open data, search and project rows side by side: each has parts that run
        // on one core.
        let first = number * DOCUMENTS_PER_PART;
        let ((written, listed), (opened, indexed)) = rayon::join(
            || {
                rayon::join(
                    || {
                        pages.render_all(document_pages(pages, &whole), files)?;
                        write_attachments(&whole, files)
                    },
                    || projects.add(first, &whole, &project_row),
                )
            },
            || rayon::join(|| open_data.add(&whole), || search.add(site, &whole, &emit)),
        );
        written.and(listed).and(opened).and(indexed)?;
        lap(1);
    }
    timings.report("đọc lại văn bản", spent[0]);
    timings.report("trang văn bản, dữ liệu mở, tìm kiếm, dự án", spent[1]);
    Ok((open_data, search, projects))
}

/// Publishes the files of `documents` beside their pages, as they were checked: a file
/// changed since stops the build.
fn write_attachments(documents: &[crate::site::Document], files: &dyn Sink) -> Result<()> {
    for document in documents {
        for attachment in &document.attachments {
            let source = document.folder.join("files").join(&attachment.name);
            let bytes = std::fs::read(&source)
                .with_context(|| format!("không đọc được tệp {}", source.display()))?;
            if crate::validate::attachments::sha256_hex(&bytes) != attachment.sha256 {
                bail!(
                    "tệp {} đã thay đổi trong khi dựng cổng; hãy dựng lại \
                     (the file changed during the build; build again)",
                    source.display()
                );
            }
            files.put(&attachment.path(&document.id), &bytes)?;
        }
    }
    Ok(())
}

/// Rows of an appendix rendered at once (see `Pages::appendix_rows`).
const ROWS_PER_FRAGMENT: usize = 500;

/// What every page of one build shares.
struct Pages<'a> {
    tera: &'a Tera,
    site: &'a Site,
    /// What every page's context holds, converted to tera's values once (they are shared,
    /// not copied, by each page's context).
    shared: Context,
}

/// The data of one page, computed only when the page is rendered, so that the list of
/// pages stays small and each page's data is dropped as soon as it is written.
type PageData<'a> = Box<dyn Fn() -> Result<Value> + Send + Sync + 'a>;

/// What differs from page to page.
struct Page<'a> {
    template: &'static str,
    path: String,
    title: String,
    description: Option<String>,
    json_ld: Option<String>,
    data: PageData<'a>,
}

impl Pages<'_> {
    /// Renders `list` on every core into `files`.
    fn render_all(&self, list: Vec<Page>, files: &SiteFiles) -> Result<()> {
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
            let part: Vec<Value> = rows.by_ref().take(ROWS_PER_FRAGMENT).collect();
            html.push_str(&self.fragment(
                "appendix_rows.html",
                "part",
                &serde_json::json!({"rows": part, "columns": columns}),
            )?);
        }
        Ok(html)
    }

    /// A piece of a page: `template` rendered with what every page shares and `value` as
    /// `name`.
    fn fragment(&self, template: &str, name: &'static str, value: &Value) -> Result<String> {
        let mut context = self.shared.clone();
        context.insert(name, value);
        self.tera
            .render(template, &context)
            .map_err(|e| anyhow!("lỗi khi dựng mẫu {template}: {e}"))
    }

    fn render(&self, page: Page) -> Result<Output> {
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
        context.insert("page", &(page.data)()?);
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

fn simple<'a>(
    template: &'static str,
    path: &str,
    title: &str,
    data: impl Fn() -> Value + Send + Sync + 'a,
) -> Page<'a> {
    fallible(template, path, title, move || Ok(data()))
}

/// A page whose data may fail to be made (it reads scratch space).
fn fallible<'a>(
    template: &'static str,
    path: &str,
    title: &str,
    data: impl Fn() -> Result<Value> + Send + Sync + 'a,
) -> Page<'a> {
    Page {
        template,
        path: path.to_string(),
        title: title.to_string(),
        description: None,
        json_ld: None,
        data: Box::new(data),
    }
}

/// A page whose data was computed already.
fn ready(template: &'static str, path: &str, title: &str, data: Value) -> Page<'static> {
    simple(template, path, title, move || data.clone())
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
        None => format!(
            "{} ngày {}",
            document.kind.label(),
            views::short_date(&document.issued)
        ),
    }
}

/// The pages of `documents` (whole): each document's page and its appendices' pages.
fn document_pages<'a>(
    pages: &'a Pages<'a>,
    documents: &'a [crate::site::Document],
) -> Vec<Page<'a>> {
    let site = pages.site;
    let mut list = Vec::new();
    for document in documents {
        let title = document_title(site, document);
        for (position, appendix) in document.appendices.iter().enumerate() {
            list.push(Page {
                template: "appendix.html",
                path: format!("van-ban/{}/phu-luc-{}/index.html", document.id, appendix.id),
                title: format!(
                    "Phụ lục {} – {title}",
                    appendix.number.as_deref().unwrap_or(&appendix.id)
                ),
                description: Some(appendix.title.clone()),
                json_ld: None,
                data: Box::new(move || {
                    let mut data = views::appendix_page(site, document, appendix);
                    let rows = pages.appendix_rows(document, position, appendix)?;
                    let terms = glossary::Terms::new(&site.glossary);
                    let rows = terms.mark_first_uses(&rows, &mut Default::default());
                    data["rows_html"] = Value::String(rows);
                    Ok(data)
                }),
            });
        }
        if !document.attachments.is_empty() {
            list.push(simple(
                "attachments.html",
                &format!(
                    "van-ban/{}/{}/index.html",
                    document.id,
                    crate::site::ATTACHMENTS_FOLDER
                ),
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
    Page {
        template: "document.html",
        path: format!("van-ban/{}/index.html", document.id),
        title,
        description: Some(document.title.clone()),
        json_ld: Some(metadata::document_json_ld(site, document)),
        data: Box::new(move || {
            let mut data = views::document_page(site, document);
            data["extras"] = portal::document_extras(document);
            glossary::mark_sections(&site.glossary, &mut data);
            Ok(data)
        }),
    }
}

/// Every page of the site but the documents' own, in a stable order; each page's data is
/// computed when it is rendered.
fn page_list<'a>(site: &'a Site, projects: &'a projects::ProjectIndex<'a>) -> Vec<Page<'a>> {
    let mut pages = vec![simple(
        "home.html",
        "index.html",
        &site.info.title,
        move || views::home_page(site, projects),
    )];
    for province in &site.provinces {
        pages.push(simple(
            "province.html",
            &format!("tinh/{}/index.html", province.id),
            &format!("Tỉnh {}", province.name),
            move || views::province_page(site, province, projects),
        ));
        let count = projects.of_province(&province.id).len();
        if count > 0 {
            let base = views::province_projects_path(&province.id);
            for number in 1..=views::page_count(count) {
                pages.push(fallible(
                    "province_projects.html",
                    &format!("{}index.html", views::list_page_path(&base, number)),
                    &numbered(&format!("Dự án, nhiệm vụ – Tỉnh {}", province.name), number),
                    move || views::province_projects_page(site, province, projects, number),
                ));
            }
        }
    }
    pages.push(simple(
        "provinces.html",
        "tinh/index.html",
        "Các tỉnh",
        move || portal::provinces_index(site),
    ));
    pages.push(simple(
        "documents.html",
        "van-ban/index.html",
        "Văn bản",
        move || portal::documents_index(site, portal::DOCUMENTS_ON_INDEX),
    ));
    pages.push(simple(
        "glossary.html",
        "thuat-ngu/index.html",
        "Thuật ngữ, chữ viết tắt",
        move || glossary::glossary_page(&site.glossary),
    ));
    pages.push(simple(
        "about.html",
        "gioi-thieu/index.html",
        "Giới thiệu",
        move || portal::about_page(site),
    ));
    pages.push(simple(
        "agencies.html",
        "co-quan/index.html",
        "Cơ quan",
        move || views::agencies_index(site, projects),
    ));
    for agency in &site.agencies {
        let count = projects.of_agency(&agency.id).len();
        let base = views::agency_path(&agency.id);
        for number in 1..=views::page_count(count) {
            pages.push(fallible(
                "agency.html",
                &format!("{}index.html", views::list_page_path(&base, number)),
                &numbered(&agency.name, number),
                move || views::agency_page(site, agency, projects, number),
            ));
        }
    }
    pages.push(simple(
        "targets.html",
        "chi-tieu/index.html",
        "Chỉ tiêu",
        move || views::targets_page(site, views::TARGETS_ON_INDEX),
    ));
    for indicator in &site.indicators {
        pages.push(simple(
            "indicator.html",
            &format!("chi-tieu/{}/index.html", indicator.id),
            &indicator.name,
            move || views::indicator_page(site, indicator, views::TARGETS_ON_INDEX),
        ));
    }
    pages.push(simple(
        "projects.html",
        "du-an/index.html",
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
            &format!("{}index.html", project_pages::project_path(&project.id)),
            &format!("Dự án: {}", views::short_title(name)),
            move || project_pages::project_page(site, project),
        ));
    }
    pages.push(simple(
        "methodology.html",
        "chi-tieu/phuong-phap/index.html",
        "Cách xác định tình trạng",
        move || overview::methodology(site),
    ));
    pages.push(simple(
        "register.html",
        "doi-chieu-tong/index.html",
        "Đối chiếu số tổng với các dòng",
        move || overview::register(site),
    ));
    pages.push(ready(
        "404.html",
        "404.html",
        "Không tìm thấy trang",
        Value::Null,
    ));
    pages.push(ready(
        "search.html",
        "tim-kiem/index.html",
        "Tìm kiếm",
        Value::Null,
    ));
    pages
}

/// "Title – trang 2" for the pages after the first of a long list.
fn numbered(title: &str, number: usize) -> String {
    if number > 1 {
        format!("{title} – trang {number}")
    } else {
        title.to_string()
    }
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
    let mut shared = Context::new();
    shared.insert("site", &site.info);
    shared.insert("root", &site.info.base_path);
    shared.insert("assets", &assets::fingerprint(&mut static_files));
    shared.insert("t", &strings);
    shared.insert(
        "site_updated",
        &site.updated().map(|d| views::short_date(&d)),
    );
    shared.insert("licence", &site.info.licence);
    shared.insert(
        "emblem",
        &site
            .info
            .emblem
            .as_ref()
            .map(|name| format!("{}/{name}", crate::site::EMBLEM_FOLDER)),
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

/// A file written piece by piece: the open-data tables, too large at national scale to be
/// held whole in memory.
pub trait Stream: std::io::Write + Send {
    /// Ends the file once all of it was written.
    fn close(self: Box<Self>) -> Result<()>;
}

/// Where rendered files go: a build's staging folder, or a list in memory (`serve`).
pub trait Sink: Sync {
    /// Takes one file of the site.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Opens a file of the site to be written piece by piece (not an HTML page: pages are
    /// minified whole).
    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>>;

    /// A folder for scratch files that would not fit in memory, on the same disk as the
    /// output; none when everything stays in memory.
    fn scratch(&self) -> Option<PathBuf> {
        None
    }
}

impl Sink for crate::write::Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        crate::write::Staging::put(self, path, bytes)
    }

    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>> {
        Ok(Box::new(crate::write::Staging::stream(self, path)?))
    }

    fn scratch(&self) -> Option<PathBuf> {
        Some(crate::write::Staging::scratch(self).to_path_buf())
    }
}

/// A file kept in memory until it is closed.
struct MemoryStream<'a> {
    path: String,
    bytes: Vec<u8>,
    sink: &'a InMemory,
}

impl std::io::Write for MemoryStream<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Stream for MemoryStream<'_> {
    fn close(self: Box<Self>) -> Result<()> {
        self.sink.put(&self.path, &self.bytes)
    }
}

/// Keeps every file in memory.
#[derive(Default)]
struct InMemory(std::sync::Mutex<Vec<Output>>);

impl Sink for InMemory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.0
            .lock()
            .map_err(|_| anyhow!("a rendering thread failed"))?
            .push(Output {
                path: path.to_string(),
                bytes: bytes.to_vec(),
            });
        Ok(())
    }

    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>> {
        Ok(Box::new(MemoryStream {
            path: path.to_string(),
            bytes: Vec::new(),
            sink: self,
        }))
    }
}

/// What a rendering run produced.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rendered {
    /// HTML pages.
    pub pages: usize,
    /// Files in all (pages included, compressed copies not).
    pub files: usize,
}

/// Every page and file of the site, with templates already loaded (`serve` keeps them),
/// in path order.
pub fn render_with(tera: &Tera, site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let memory = InMemory::default();
    render_to(
        tera,
        site,
        theme,
        &memory,
        &crate::timings::Timings::from_env(),
    )?;
    let mut outputs = memory
        .0
        .into_inner()
        .map_err(|_| anyhow!("a rendering thread failed"))?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// Renders every page and file of the site into `sink`, on every core, page by page: no
/// list of all pages' contents is kept. Documents whose bodies were dropped after the check
/// are read again, [`DOCUMENTS_PER_PART`] at a time, for their pages, open data, search
/// records and project lines; the other pages follow. Fails when a page cannot be rendered,
/// a document changed since the check, or a link of the site does not resolve (what reached
/// `sink` then must be thrown away).
pub fn render_to(
    tera: &Tera,
    site: &Site,
    theme: &Path,
    sink: &dyn Sink,
    timings: &crate::timings::Timings,
) -> Result<Rendered> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (pages, static_files) = prepare(tera, site, theme)?;
    let site_files = SiteFiles {
        sink,
        links: links::LinkCollector::new(&site.info.base_path),
        page_paths: std::sync::Mutex::new(Vec::new()),
        files: AtomicUsize::new(0),
        relative_links: site.info.relative_links,
        base_path: &site.info.base_path,
    };
    let emit = |o: Output| site_files.put(&o.path, &o.bytes);
    let (open_data, search, projects) = write_documents(&pages, &site_files, timings)?;
    timings.mark("văn bản");
    let projects = projects.finish()?;
    pages.render_all(page_list(site, &projects), &site_files)?;
    timings.mark("trang chung");
    let open_data = open_data.finish()?;
    let schema_list = open_data["schemas"].clone();
    let open_data_page = pages.render(ready(
        "open-data.html",
        &format!("{}/index.html", crate::open_data::FOLDER),
        "Dữ liệu mở",
        open_data,
    ))?;
    site_files.put(&open_data_page.path, &open_data_page.bytes)?;
    // The folders of the schemas have pages of their own, as every folder a reader reaches.
    for (folder, title) in [
        ("schema", "Lược đồ JSON của dữ liệu mở"),
        ("schema/noi-dung", "Lược đồ JSON của tệp nội dung"),
    ] {
        let prefix = format!("{}/{folder}/", crate::open_data::FOLDER);
        let schemas: Vec<&Value> = schema_list
            .as_array()
            .map(|list| {
                list.iter()
                    .filter(|s| {
                        s["path"].as_str().is_some_and(|p| {
                            p.strip_prefix(&prefix)
                                .is_some_and(|rest| !rest.contains('/'))
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let page = pages.render(ready(
            "schemas.html",
            &format!("{prefix}index.html"),
            title,
            serde_json::json!({"schemas": schemas, "title": title}),
        ))?;
        site_files.put(&page.path, &page.bytes)?;
    }
    timings.mark("dữ liệu mở: gói dữ liệu");
    search.finish(site, &emit)?;
    timings.mark("tìm kiếm: chỉ mục");
    for output in static_files {
        site_files.put(&output.path, &output.bytes)?;
    }
    if let Some(name) = &site.info.emblem {
        let source = site.root.join(name);
        let bytes = std::fs::read(&source)
            .with_context(|| format!("không đọc được biểu trưng {}", source.display()))?;
        site_files.put(&format!("{}/{name}", crate::site::EMBLEM_FOLDER), &bytes)?;
    }
    let mut paths = std::mem::take(
        &mut *site_files
            .page_paths
            .lock()
            .map_err(|_| anyhow!("a rendering thread failed"))?,
    );
    paths.sort();
    let page_count = paths.len();
    let path_refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut finals = sitemap::sitemaps(&path_refs, &site.info.base_url);
    finals.push(sitemap::robots(&site.info.base_url));
    finals.push(feed::feed(site, feed::FEED_ENTRIES));
    for output in finals {
        site_files.put(&output.path, &output.bytes)?;
    }
    let broken = site_files.links.broken();
    timings.mark("sơ đồ trang, kiểm tra liên kết");
    if !broken.is_empty() {
        return Err(BrokenLinks(broken).into());
    }
    Ok(Rendered {
        pages: page_count,
        files: site_files.files.load(Ordering::Relaxed),
    })
}

/// Links of the pages that resolve to no page, file or anchor of the site: a problem of the
/// content (a section's link), or of a theme's template.
#[derive(Debug)]
pub struct BrokenLinks(pub Vec<links::BrokenLink>);

impl std::error::Error for BrokenLinks {}

impl std::fmt::Display for BrokenLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let broken = &self.0;
        let list: Vec<String> = broken.iter().map(ToString::to_string).collect();
        // A relative link in a section's Markdown points at a file beside it, which a build
        // does not publish.
        let hint = if broken
            .iter()
            .any(|b| !b.link.starts_with('/') && !b.link.starts_with('#'))
        {
            "\n  gợi ý: một tệp (PDF, ảnh) được công bố cùng văn bản khi nằm trong thư mục files/ \
             của văn bản: đặt tệp vào đó và dẫn liên kết “../files/ten-tep.pdf”; hoặc dùng \
             địa chỉ đầy đủ https://… của tệp trên máy chủ khác, hoặc bỏ liên kết"
        } else {
            ""
        };
        write!(
            f,
            "{} liên kết hỏng (broken links):\n{}{hint}",
            broken.len(),
            list.join("\n")
        )
    }
}

/// The sink of a rendering run, seen through what the run keeps of each file: its links
/// and anchors (checked at the end), the paths of its pages (for the sitemap), a count.
struct SiteFiles<'a> {
    sink: &'a dyn Sink,
    links: links::LinkCollector,
    page_paths: std::sync::Mutex<Vec<String>>,
    files: std::sync::atomic::AtomicUsize,
    relative_links: bool,
    base_path: &'a str,
}

impl Sink for SiteFiles<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.links.add(path, bytes);
        self.files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if path.ends_with(".html") {
            self.page_paths
                .lock()
                .map_err(|_| anyhow!("a rendering thread failed"))?
                .push(path.to_string());
            if self.relative_links {
                let html = String::from_utf8_lossy(bytes);
                let relative = relative::relativize(&html, path, self.base_path);
                return self.sink.put(path, relative.as_bytes());
            }
        }
        if self.relative_links
            && let Some(script) = crate::search::as_script(path, bytes)
        {
            self.files
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.sink.put(&script.path, &script.bytes)?;
        }
        self.sink.put(path, bytes)
    }

    fn stream<'b>(&'b self, path: &str) -> Result<Box<dyn Stream + 'b>> {
        self.links.add(path, b"");
        self.files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.sink.stream(path)
    }

    fn scratch(&self) -> Option<PathBuf> {
        self.sink.scratch()
    }
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
