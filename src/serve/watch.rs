//! Watching `content/` and the theme, and sorting what changed into kinds of rebuild.

use anyhow::{Context as _, Result};
use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long the watcher waits for a burst of writes (an editor's save) to end.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// What changed, as far as rebuilding is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// One `sections/*.md` file of a document (path as the content folder names it).
    Section(PathBuf),
    /// One `appendices/*.yaml` file of a document.
    Appendix(PathBuf),
    /// A template of the theme.
    Templates,
    /// A static file of the theme.
    Assets,
    /// Anything else in the content folder.
    Content,
}

/// Where the watched folders are, both as given (to name files the way the loader does)
/// and canonical (as the watcher reports them).
#[derive(Debug, Clone)]
pub struct Roots {
    content: PathBuf,
    content_real: PathBuf,
    theme_real: PathBuf,
}

impl Roots {
    /// The roots of `content` and `theme`, which must exist.
    pub fn new(content: &Path, theme: &Path) -> Result<Self> {
        Ok(Roots {
            content: content.to_path_buf(),
            content_real: content.canonicalize().with_context(|| {
                format!("không tìm thấy thư mục nội dung {}", content.display())
            })?,
            theme_real: theme
                .canonicalize()
                .with_context(|| format!("không tìm thấy thư mục giao diện {}", theme.display()))?,
        })
    }

    /// The rebuild that changed files call for: one section or appendix when only that file
    /// changed, the theme's part when only the theme changed, the whole content otherwise.
    pub fn classify(&self, paths: &[PathBuf]) -> Vec<Change> {
        let mut changes: Vec<Change> = Vec::new();
        for path in paths {
            let change = self.classify_one(path);
            if let Some(change) = change
                && !changes.contains(&change)
            {
                changes.push(change);
            }
        }
        let content_changes = changes
            .iter()
            .filter(|c| {
                matches!(
                    c,
                    Change::Section(_) | Change::Appendix(_) | Change::Content
                )
            })
            .count();
        if content_changes > 1 {
            changes.retain(|c| matches!(c, Change::Templates | Change::Assets));
            changes.push(Change::Content);
        }
        changes
    }

    fn classify_one(&self, path: &Path) -> Option<Change> {
        let hidden = path.file_name().is_some_and(|n| {
            n.to_string_lossy().starts_with('.') || n.to_string_lossy().ends_with('~')
        });
        if let Ok(relative) = path.strip_prefix(&self.theme_real) {
            if hidden {
                return None;
            }
            return Some(if relative.starts_with("templates") {
                Change::Templates
            } else {
                Change::Assets
            });
        }
        let relative = path.strip_prefix(&self.content_real).ok()?;
        if hidden {
            return None;
        }
        let parts: Vec<_> = relative.components().collect();
        let extension = relative.extension().and_then(|e| e.to_str());
        let named = self.content.join(relative);
        // documents/<province>/<document>/<sections|appendices>/<file>
        if parts.len() == 5 && parts[0].as_os_str() == "documents" {
            let kind = parts[3].as_os_str();
            if kind == "sections" && extension == Some("md") {
                return Some(Change::Section(named));
            }
            if kind == "appendices" && matches!(extension, Some("yaml" | "yml")) {
                return Some(Change::Appendix(named));
            }
        }
        Some(Change::Content)
    }
}

/// True for events that mean a file changed; opening and reading (which every rebuild
/// does) are not changes.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Starts watching the content folder and the theme; every burst of changes is sent as
/// the list of paths it touched.
pub fn watch(
    content: &Path,
    theme: &Path,
    sender: Sender<Vec<PathBuf>>,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>> {
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        if let Ok(events) = result {
            let paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| is_change(&e.event.kind))
                .flat_map(|e| e.event.paths)
                .collect();
            if !paths.is_empty() {
                let _ = sender.send(paths);
            }
        }
    })
    .context("không theo dõi được thay đổi tệp")?;
    for dir in [content, theme] {
        // Canonical, so that events name files the way [`Roots`] expects.
        let real = dir
            .canonicalize()
            .with_context(|| format!("không tìm thấy {}", dir.display()))?;
        debouncer
            .watch(&real, RecursiveMode::Recursive)
            .with_context(|| format!("không theo dõi được {}", dir.display()))?;
    }
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots() -> (tempfile::TempDir, Roots) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("content")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("theme")).expect("mkdir");
        let roots =
            Roots::new(&dir.path().join("content"), &dir.path().join("theme")).expect("roots");
        (dir, roots)
    }

    #[test]
    fn one_section_or_appendix_is_rebuilt_alone() {
        let (_dir, roots) = roots();
        let section = roots.content_real.join("documents/kh/a/sections/01-x.md");
        let appendix = roots
            .content_real
            .join("documents/kh/a/appendices/01-x.yaml");
        assert_eq!(
            roots.classify(&[section.clone(), section]),
            vec![Change::Section(
                roots.content.join("documents/kh/a/sections/01-x.md")
            )]
        );
        assert_eq!(
            roots.classify(std::slice::from_ref(&appendix)),
            vec![Change::Appendix(
                roots.content.join("documents/kh/a/appendices/01-x.yaml")
            )]
        );
        let document = roots.content_real.join("documents/kh/a/document.yaml");
        assert_eq!(roots.classify(&[appendix, document]), vec![Change::Content]);
    }

    #[test]
    fn theme_changes_do_not_read_content() {
        let (_dir, roots) = roots();
        let template = roots.theme_real.join("templates/base.html");
        let style = roots.theme_real.join("static/style.css");
        assert_eq!(roots.classify(&[template]), vec![Change::Templates]);
        assert_eq!(roots.classify(&[style]), vec![Change::Assets]);
        let swap = roots.theme_real.join("templates/.base.html.swp");
        assert!(roots.classify(&[swap]).is_empty());
    }
}
