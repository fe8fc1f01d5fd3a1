//! congkhai: a static site generator that publishes Vietnamese provincial plans, reports,
//! appendices and targets.
//!
//! The pipeline runs one way: `load` → `validate` → `site::Site` → the kinds of output
//! (`render`, `search`, `open_data`, `publish`) → `assemble` → `write`.
//!
//! # Interface
//!
//! The library's public items are the commands of the `congkhai` binary and what they take
//! and give; the stages of the pipeline stay inside the crate.
//!
//! - [`build`] with [`BuildOptions`], [`BuildSummary`] and [`BuildError`];
//! - [`check`], which returns [`Diagnostics`] (see [`diagnostics`] for how they print);
//! - [`serve::serve`] with [`serve::ServeOptions`];
//! - [`import::cli::run`] with [`import::cli::ImportArgs`] (`congkhai import-table`);
//! - [`scaffold::cli::run`] with [`scaffold::cli::NewCommand`] (`congkhai new`);
//! - [`SiteOverrides`] and [`base_url_problem`] for the command line's settings, and
//!   [`format_count`] and [`format_number`] to print numbers the Vietnamese way.
//!
//! # Layers
//!
//! Each module imports only from the layers beneath its own, and the modules of one layer
//! never import each other in a circle. `tests/integration/layers.rs` reads this table and
//! fails on an import that points up or closes a circle, and on a module missing from it.
//!
//! | layer | modules | what they hold |
//! |---|---|---|
//! | 0 | `text` `vietnamese` `bidi` `diagnostics` `urls` `markdown` `scratch` `timings` | plain-text, Vietnamese and address helpers; problems with their place |
//! | 1 | `yaml` `model` `amount` | the content files as written, and printed amounts |
//! | 2 | `load` | reading the content folder |
//! | 3 | `site` | the checked site and the facts derived from it (progress, money, lineage) |
//! | 4 | `validate` | checking the loaded content into a `site::Site` |
//! | 5 | `output` `render` `search` `open_data` `publish` | each kind of output of a site |
//! | 6 | `assemble` `write` | every output of a site in one pass; the atomic write of a folder |
//! | 7 | `crate` `serve` `import` `scaffold` | the commands |
//! | 8 | `tests` | unit tests of several stages together (`#[cfg(test)]`) |

#![warn(missing_docs)]

mod amount;
mod assemble;
mod bidi;
pub mod diagnostics;
pub mod import;
mod load;
mod markdown;
mod model;
mod open_data;
mod output;
mod publish;
mod render;
pub mod scaffold;
mod scratch;
mod search;
pub mod serve;
mod site;
mod text;
mod timings;
mod urls;
mod validate;
mod vietnamese;
mod write;
mod yaml;

#[cfg(test)]
mod tests;

pub use diagnostics::Diagnostics;
pub use validate::{SiteOverrides, base_url_problem};
pub use vietnamese::{format_count, format_number};

/// The pipeline's stages one by one, for the criterion benchmarks (`benches/pipeline.rs`):
/// only with the `bench-stages` feature, which is off by default, so that they are no part
/// of the library's interface.
#[cfg(feature = "bench-stages")]
#[doc(hidden)]
pub mod stages {
    pub use crate::assemble::render_with;
    pub use crate::load::{SourceContent, load};
    pub use crate::markdown::{Anchors, render as markdown};
    pub use crate::open_data::open_data;
    pub use crate::output::{Output, Sink, Stream};
    pub use crate::render::load_templates;
    pub use crate::search::outputs as search;
    pub use crate::site::Site;
    pub use crate::validate::validate;
    pub use crate::write::write_site;
}

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The theme folder.
    pub theme: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Settings that win over `site.yaml` (base URL, relative links).
    pub overrides: SiteOverrides,
}

/// What a build made.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Number of HTML pages.
    pub pages: usize,
    /// Number of files in all.
    pub files: usize,
    /// Number of documents.
    pub documents: usize,
    /// Number of appendix tables.
    pub tables: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Time taken.
    pub elapsed: Duration,
}

/// Why a build did not happen.
#[derive(Debug)]
pub enum BuildError {
    /// The content has errors (every problem is listed).
    Content(Diagnostics),
    /// Rendering or writing failed.
    Other(anyhow::Error),
}

/// Renders every page straight into a staging folder, swapped into place only when all
/// of it was written and every link resolves.
fn render_and_write(
    site: &site::Site,
    options: &BuildOptions,
    timings: &timings::Timings,
) -> anyhow::Result<assemble::Rendered> {
    let tera = render::load_templates(&options.theme)?;
    let mut staging = write::Staging::begin(&options.output)?;
    let documents = site.documents.len();
    let appendices: usize = site.documents.iter().map(|d| d.appendices.len()).sum();
    staging.show_progress(documents + appendices + site.agencies.len());
    let rendered = assemble::render_to(&tera, site, &options.theme, &staging, timings)?;
    staging.commit()?;
    timings.mark("đổi thư mục đầu ra");
    Ok(rendered)
}

/// Checks the content folder `content` without building anything: every problem found, each
/// with its file, line and column ([`Diagnostics::sorted`] lists them in order to print).
pub fn check(content: &Path, overrides: &SiteOverrides) -> Diagnostics {
    check_site(content, overrides).1
}

/// Loads and validates `content`: every problem found, and the site when there are no errors.
/// Each document folder is read and checked on its own, and its sections and rows are dropped
/// once checked ([`site::Document::take_bodies`]): a build reads them again, a few documents at
/// a time, with [`validate::Reader`], so that memory stays flat however large the site.
pub(crate) fn check_site(
    content: &Path,
    overrides: &SiteOverrides,
) -> (Option<site::Site>, Diagnostics) {
    check_keeping(content, overrides, 0)
}

/// About how many bytes of sections and rows a build keeps from its check
/// ([`check_for_build`]): every document of a site of a few hundred pages, so that it is
/// read only once, and a bounded part of a larger one. At 128 MB a build of 10.000 pages
/// peaked at 654 MB; at 0 at 514 MB, for 3 s more CPU reading documents again.
const KEPT_BODIES_BYTES: usize = 16 << 20;

/// [`check_site`] for a build: the sections and rows of the first documents checked, up to
/// [`KEPT_BODIES_BYTES`], are kept aside ([`site::KeptBodies`]) instead of being read again
/// when they are written.
pub(crate) fn check_for_build(
    content: &Path,
    overrides: &SiteOverrides,
) -> (Option<site::Site>, Diagnostics) {
    check_keeping(content, overrides, KEPT_BODIES_BYTES)
}

fn check_keeping(
    content: &Path,
    overrides: &SiteOverrides,
    keep: usize,
) -> (Option<site::Site>, Diagnostics) {
    let timings = timings::Timings::from_env();
    let (registries, dirs, mut diagnostics) = load::load_registries(content);
    timings.mark("đọc danh mục");
    let (site, more) = validate::validate_on_disk(&registries, &dirs, overrides, keep);
    timings.mark("đọc và kiểm tra văn bản");
    diagnostics.extend(more);
    if diagnostics.has_errors() {
        (None, diagnostics)
    } else {
        (Some(site), diagnostics)
    }
}

/// Builds the site: check, render, write. The previous output stays as it was on failure.
pub fn build(options: &BuildOptions) -> Result<(BuildSummary, Diagnostics), BuildError> {
    let started = Instant::now();
    write::ensure_apart(
        &options.output,
        &[
            ("nội dung", &options.content),
            ("giao diện", &options.theme),
        ],
    )
    .map_err(BuildError::Other)?;
    let (site, diagnostics) = check_for_build(&options.content, &options.overrides);
    let Some(site) = site else {
        return Err(BuildError::Content(diagnostics));
    };
    let timings = timings::Timings::from_env();
    let rendered = render_and_write(&site, options, &timings).map_err(|error| {
        // A broken link written in a section is the content's error, at its line.
        let placed = error
            .downcast_ref::<assemble::BrokenLinks>()
            .and_then(|broken| {
                assemble::link_places::in_sections(&site, &options.content, &broken.0)
            });
        match placed {
            Some(mut placed) => {
                placed.extend(diagnostics.clone());
                BuildError::Content(placed)
            }
            None => BuildError::Other(error),
        }
    })?;
    let summary = BuildSummary {
        pages: rendered.pages,
        files: rendered.files,
        documents: site.documents.len(),
        tables: site.documents.iter().map(|d| d.appendices.len()).sum(),
        warnings: diagnostics.warning_count(),
        elapsed: started.elapsed(),
    };
    Ok((summary, diagnostics))
}
