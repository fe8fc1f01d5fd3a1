//! Unit tests of several stages of the pipeline together: they read the site the checks make
//! and the outputs made from it, which are not part of the library's interface. The tests of
//! the commands, through the binary, are in `tests/integration`.

mod bench_corpus;
mod fuzz;
mod guide;
mod import_table;
mod open_data;
mod preview;
mod seed_content;
mod two_pass;

// The integration tests' checker of safe HTML, shared rather than copied.
#[path = "../../tests/integration/common/safe_html.rs"]
#[allow(dead_code)]
mod safe_html;

use crate::{BuildError, BuildOptions, BuildSummary, SiteOverrides};
use std::path::{Path, PathBuf};

/// The repository root.
fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a directory tree.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary project: a copy of the `valid` fixture as `content/` and the default theme.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_tree(
            &repo().join("tests/fixtures/valid"),
            &dir.path().join("content"),
        );
        copy_tree(&repo().join("themes"), &dir.path().join("themes"));
        Project { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The content folder.
    fn content(&self) -> PathBuf {
        self.path().join("content")
    }

    /// The theme folder.
    fn theme(&self) -> PathBuf {
        self.path().join("themes/default")
    }

    /// A content file's path.
    fn file(&self, relative: &str) -> PathBuf {
        self.content().join(relative)
    }

    /// Replaces `from` with `to` in a content file; the text must be there.
    fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.file(relative);
        let text = std::fs::read_to_string(&path).expect("fixture file");
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }

    /// Writes a content file.
    fn write(&self, relative: &str, text: &str) {
        let path = self.file(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Builds the project into `output/`, as `congkhai build` does.
    fn build(&self) -> Result<BuildSummary, BuildError> {
        build(&self.content(), &self.theme(), &self.path().join("output"))
    }
}

/// Builds `content` with `theme` into `output`, as `congkhai build` does.
fn build(content: &Path, theme: &Path, output: &Path) -> Result<BuildSummary, BuildError> {
    crate::build(&BuildOptions {
        content: content.to_path_buf(),
        theme: theme.to_path_buf(),
        output: output.to_path_buf(),
        overrides: SiteOverrides::default(),
    })
    .map(|(summary, _)| summary)
}

/// The site checked from `content`, whole (nothing dropped), and its problems.
fn whole_site(content: &Path) -> (crate::site::Site, crate::diagnostics::Diagnostics) {
    let (source, mut diagnostics) = crate::load::load(content);
    let (site, checked) = crate::validate::validate(&source, &SiteOverrides::default());
    diagnostics.extend(checked);
    (site, diagnostics)
}
