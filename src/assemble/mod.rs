//! A whole site from a checked [`Site`]: its pages, open data, search index and published
//! files, written into a [`Sink`] in one pass over the documents, and its links checked.

pub mod link_places;

use crate::output::{InMemory, Output, Sink, Stream};
use crate::publish::{feed, links, relative, sitemap};
use crate::render::{Pages, document_pages, page_list, prepare, projects, ready, views};
use crate::site::Site;
use crate::validate::DOCUMENTS_PER_PART;
use anyhow::{Context as _, Result, anyhow, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tera::Tera;

/// The page of a folder of JSON schemas.
#[derive(serde::Serialize)]
struct SchemasPage {
    /// The schemas of the folder, as the open data lists them.
    schemas: Vec<Value>,
    /// The page's title.
    title: &'static str,
}

/// Every page and file of the site. Fails when a page cannot be rendered or a link of the
/// site does not resolve.
#[cfg(test)]
pub fn render(site: &Site, theme: &Path) -> Result<Vec<Output>> {
    let tera = crate::render::load_templates(theme)?;
    render_with(&tera, site, theme)
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
    let mut search = crate::search::Builder::new(site, scratch.clone())?;
    let mut projects = projects::ProjectStore::new(site, scratch.as_deref())?;
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
            || rayon::join(|| open_data.add(&whole), || search.add(site, &whole)),
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
    memory.into_sorted()
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
        crate::urls::OPEN_DATA,
        "Dữ liệu mở",
        open_data,
    ))?;
    site_files.put(&open_data_page.path, &open_data_page.bytes)?;
    // The folders of the schemas have pages of their own, as every folder a reader reaches.
    for (folder, title) in [
        ("schema", "Lược đồ JSON của dữ liệu mở"),
        ("schema/noi-dung", "Lược đồ JSON của tệp nội dung"),
    ] {
        let prefix = format!("{}{folder}/", crate::urls::OPEN_DATA);
        let schemas: Vec<Value> = schema_list
            .as_array()
            .map(|list| {
                list.iter()
                    .filter(|s| {
                        s["path"].as_str().is_some_and(|p| {
                            p.strip_prefix(&prefix)
                                .is_some_and(|rest| !rest.contains('/'))
                        })
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let page = pages.render(ready(
            "schemas.html",
            &prefix,
            title,
            SchemasPage { schemas, title },
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
        site_files.put(&crate::urls::emblem(name), &bytes)?;
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
