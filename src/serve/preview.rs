//! The preview build kept in memory: the content as read, the templates, and the last good
//! pages. A change rebuilds as little as it can: one section or one appendix file is read
//! again on its own, a template change re-renders without reading content, anything else
//! reads the whole content folder again.

use super::watch::Change;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::{self, SourceContent};
use crate::model::AppendixSource;
use crate::output::Output;
use crate::render;
use crate::site::Site;
use crate::validate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tera::Tera;

/// The pages of the site by output path (`van-ban/x/index.html`).
pub type Pages = HashMap<String, Arc<Vec<u8>>>;

/// What one rebuild did.
#[derive(Debug)]
pub struct Outcome {
    /// How much was rebuilt.
    pub scope: Scope,
    /// Whether the served pages changed.
    pub changed: bool,
    /// Errors that kept the new content from being shown (empty when it succeeded).
    pub errors: Vec<Diagnostic>,
    /// Time taken.
    pub elapsed: Duration,
}

/// How much of the site a rebuild touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One section file read again, its document's page rendered again.
    Section,
    /// One appendix file read again, every page rendered again.
    Appendix,
    /// Templates loaded again, every page rendered again, no content read.
    Templates,
    /// Theme static files read again.
    Assets,
    /// The whole content folder read again and every page rendered.
    Full,
}

impl Scope {
    /// A short Vietnamese name for the terminal.
    pub fn label(self) -> &'static str {
        match self {
            Scope::Section => "một phần văn bản",
            Scope::Appendix => "một phụ lục",
            Scope::Templates => "mẫu giao diện",
            Scope::Assets => "tệp tĩnh của giao diện",
            Scope::Full => "toàn bộ nội dung",
        }
    }
}

/// The preview build.
pub struct Preview {
    content: PathBuf,
    theme: PathBuf,
    base_url: String,
    source: SourceContent,
    load_diagnostics: Vec<Diagnostic>,
    tera: Option<Tera>,
    site: Option<Site>,
    pages: Arc<Pages>,
    /// True when `pages` were rendered from `source` and `tera` as they are now.
    current: bool,
    /// The pages from before a quick rebuild of one document's page, until
    /// [`Preview::catch_up`] has checked the whole site: served again if it fails (a link of
    /// the new page leads nowhere).
    before_quick: Option<Arc<Pages>>,
}

impl Preview {
    /// Reads everything and renders the site once. The outcome carries the errors, if any;
    /// the preview then serves no pages until the content is fixed.
    pub fn new(content: &Path, theme: &Path, base_url: &str) -> (Self, Outcome) {
        let mut preview = Preview {
            content: content.to_path_buf(),
            theme: theme.to_path_buf(),
            base_url: base_url.to_string(),
            source: SourceContent::default(),
            load_diagnostics: Vec::new(),
            tera: None,
            site: None,
            pages: Arc::new(Pages::new()),
            current: false,
            before_quick: None,
        };
        let outcome = preview.apply(&Change::Templates);
        let outcome = if outcome.errors.is_empty() {
            preview.apply(&Change::Content)
        } else {
            outcome
        };
        (preview, outcome)
    }

    /// The last good pages.
    pub fn pages(&self) -> Arc<Pages> {
        Arc::clone(&self.pages)
    }

    /// Warnings of the content as it is now.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        let mut all = self.load_diagnostics.clone();
        if let Some(site) = &self.site {
            all.extend(site.warnings.iter().cloned());
        }
        all.retain(|d| d.severity == Severity::Warning);
        all
    }

    /// Rebuilds after `change`.
    pub fn apply(&mut self, change: &Change) -> Outcome {
        let started = Instant::now();
        let (scope, result) = match change {
            Change::Templates => (Scope::Templates, self.reload_templates()),
            Change::Assets => (Scope::Assets, self.rerender_all()),
            Change::Section(path) if self.current => (Scope::Section, self.reload_section(path)),
            Change::Appendix(path) if self.current => (Scope::Appendix, self.reload_appendix(path)),
            Change::Section(_) | Change::Appendix(_) | Change::Content => {
                (Scope::Full, self.reload_content())
            }
        };
        let (changed, errors) = match result {
            Ok(changed) => (changed, Vec::new()),
            Err(errors) => {
                self.current = false;
                (false, errors)
            }
        };
        Outcome {
            scope,
            changed,
            errors,
            elapsed: started.elapsed(),
        }
    }

    /// After a quick rebuild of one document's pages ([`Scope::Section`], [`Scope::Appendix`]),
    /// renders the whole site again from the same content, so that what depends on every
    /// document catches up: its `van-ban.json`, the open-data tables, the search index, the
    /// link check. The pages a reader sees are the same. If the whole site fails where the
    /// quick rebuild could not look (a broken link), the pages from before the quick rebuild
    /// are served again, and the outcome says the pages changed.
    pub fn catch_up(&mut self) -> Outcome {
        let started = Instant::now();
        let (changed, errors) = match self.rerender_all() {
            Ok(changed) => (changed, Vec::new()),
            Err(errors) => {
                self.current = false;
                let restored = self.before_quick.take();
                let changed = restored.is_some();
                if let Some(pages) = restored {
                    self.pages = pages;
                }
                (changed, errors)
            }
        };
        Outcome {
            scope: Scope::Full,
            changed,
            errors,
            elapsed: started.elapsed(),
        }
    }

    fn reload_templates(&mut self) -> Result<bool, Vec<Diagnostic>> {
        let tera = render::load_templates(&self.theme)
            .map_err(|e| vec![other_error(&self.theme.join("templates"), &e)])?;
        self.tera = Some(tera);
        if self.site.is_some() {
            self.rerender_all()
        } else {
            Ok(false)
        }
    }

    fn reload_content(&mut self) -> Result<bool, Vec<Diagnostic>> {
        let (source, diagnostics) = load::load(&self.content);
        self.source = source;
        self.load_diagnostics = diagnostics.sorted();
        self.validate_and_render(None)
    }

    /// Reads one section file again; only its document's page is rendered again.
    fn reload_section(&mut self, path: &Path) -> Result<bool, Vec<Diagnostic>> {
        let Some(index) = self.folder_of(path) else {
            return self.reload_content();
        };
        let mut diagnostics = Diagnostics::default();
        let section = path
            .exists()
            .then(|| load::read_section(path, &mut diagnostics))
            .flatten();
        let folder = &mut self.source.documents[index];
        folder.sections.retain(|s| s.file != path);
        if let Some(section) = section {
            let at = folder.sections.partition_point(|s| s.file.as_path() < path);
            folder.sections.insert(at, section);
        }
        let document = folder.folder_name.clone();
        self.replace_load_diagnostics(path, diagnostics);
        self.validate_and_render(Some(&document))
    }

    /// Reads one appendix file again; every page is rendered again, because projects,
    /// agencies and totals gather rows from every appendix.
    fn reload_appendix(&mut self, path: &Path) -> Result<bool, Vec<Diagnostic>> {
        let Some(index) = self.folder_of(path) else {
            return self.reload_content();
        };
        let mut diagnostics = Diagnostics::default();
        let appendix = path
            .exists()
            .then(|| load::read_yaml::<AppendixSource>(path, &mut diagnostics))
            .flatten();
        let folder = &mut self.source.documents[index];
        folder.appendices.retain(|(file, _)| file != path);
        if let Some(appendix) = appendix {
            let at = folder
                .appendices
                .partition_point(|(file, _)| file.as_path() < path);
            folder.appendices.insert(at, (path.to_path_buf(), appendix));
        }
        self.replace_load_diagnostics(path, diagnostics);
        self.validate_and_render(None)
    }

    /// The document folder that holds `path` (`<folder>/sections/x.md` or
    /// `<folder>/appendices/x.yaml`).
    fn folder_of(&self, path: &Path) -> Option<usize> {
        let folder = path.parent()?.parent()?;
        self.source.documents.iter().position(|d| d.dir == folder)
    }

    fn replace_load_diagnostics(&mut self, path: &Path, fresh: Diagnostics) {
        self.load_diagnostics.retain(|d| d.place.file != path);
        self.load_diagnostics.extend(fresh.sorted());
    }

    /// Validates the source as it is now; renders one document's page or every page.
    fn validate_and_render(&mut self, only: Option<&str>) -> Result<bool, Vec<Diagnostic>> {
        let overrides = validate::SiteOverrides {
            base_url: Some(self.base_url.clone()),
            relative_links: false,
        };
        let (site, more) = validate::validate(&self.source, &overrides);
        let errors: Vec<Diagnostic> = self
            .load_diagnostics
            .iter()
            .cloned()
            .chain(more.sorted())
            .filter(|d| d.severity == Severity::Error)
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let Some(tera) = &self.tera else {
            return Err(vec![other_error(
                &self.theme.join("templates"),
                &anyhow::anyhow!("chưa nạp được mẫu giao diện"),
            )]);
        };
        let one = only
            .filter(|_| self.current)
            .and_then(|id| site.document(id));
        let outputs = match one {
            Some(document) => {
                render::document_page(tera, &site, &self.theme, document).map(|o| vec![o])
            }
            None => crate::assemble::render_with(tera, &site, &self.theme),
        }
        .map_err(|e| render_errors(&site, &self.content, &self.theme, &e))?;
        let pages = if one.is_some() {
            self.before_quick
                .get_or_insert_with(|| Arc::clone(&self.pages));
            let mut pages = (*self.pages).clone();
            insert_all(&mut pages, outputs);
            pages
        } else {
            self.before_quick = None;
            let mut pages = Pages::new();
            insert_all(&mut pages, outputs);
            pages
        };
        self.site = Some(site);
        self.pages = Arc::new(pages);
        self.current = true;
        Ok(true)
    }

    fn rerender_all(&mut self) -> Result<bool, Vec<Diagnostic>> {
        if self.site.is_none() {
            return self.reload_content();
        }
        self.validate_and_render(None)
    }
}

fn insert_all(pages: &mut Pages, outputs: Vec<Output>) {
    for output in outputs {
        pages.insert(output.path, Arc::new(output.bytes));
    }
}

/// A rendering problem as diagnostics: broken links are the content's, at the section line
/// that wrote each when it can be found (else at the content folder), anything else the
/// theme's.
fn render_errors(
    site: &Site,
    content: &Path,
    theme: &Path,
    error: &anyhow::Error,
) -> Vec<Diagnostic> {
    let Some(broken) = error.downcast_ref::<crate::assemble::BrokenLinks>() else {
        return vec![other_error(&theme.join("templates"), error)];
    };
    match crate::assemble::link_places::in_sections(site, content, &broken.0) {
        Some(placed) => placed.sorted(),
        None => vec![
            Diagnostic::error(
                crate::diagnostics::Place::file(content),
                crate::diagnostics::error_chain(error),
            )
            .with_help("sửa liên kết trong nội dung rồi lưu lại; trang cũ vẫn được phục vụ"),
        ],
    }
}

/// A rendering or theme problem as a diagnostic, so that it is shown like content errors.
fn other_error(place: &Path, error: &anyhow::Error) -> Diagnostic {
    Diagnostic::error(
        crate::diagnostics::Place::file(place),
        crate::diagnostics::error_chain(error),
    )
    .with_help("sửa mẫu giao diện rồi lưu lại; trang cũ vẫn được phục vụ")
}
