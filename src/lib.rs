//! congkhai: a static site generator that publishes Vietnamese provincial plans, reports,
//! appendices and targets.
//!
//! The pipeline runs one way: [`load`] → [`validate`] → [`site::Site`] → the kinds of output
//! ([`render`], [`search`], [`open_data`], [`publish`]) → [`assemble`] → [`write`].
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
//! | 4 | `validate` | checking the loaded content into a [`site::Site`] |
//! | 5 | `output` `render` `search` `open_data` `publish` | each kind of output of a site |
//! | 6 | `assemble` `write` | every output of a site in one pass; the atomic write of a folder |
//! | 7 | `crate` `serve` `import` `scaffold` | the commands |

#![warn(missing_docs)]

pub mod amount;
pub mod assemble;
pub mod bidi;
pub mod diagnostics;
pub mod import;
pub mod load;
pub mod markdown;
pub mod model;
pub mod open_data;
pub mod output;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod scratch;
pub mod search;
pub mod serve;
pub mod site;
pub mod text;
pub mod timings;
pub mod urls;
pub mod validate;
pub mod vietnamese;
pub mod write;
pub mod yaml;

use diagnostics::Diagnostics;
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
    pub overrides: validate::SiteOverrides,
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

/// Loads and validates `content`: every problem found, and the site when there are no errors.
/// Each document folder is read and checked on its own, and its sections and rows are dropped
/// once checked ([`site::Document::drop_bodies`]): a build reads them again, a few documents at
/// a time, with [`validate::Reader`], so that memory stays flat however large the site.
pub fn check(
    content: &Path,
    overrides: &validate::SiteOverrides,
) -> (Option<site::Site>, Diagnostics) {
    check_keeping(content, overrides, 0)
}

/// About how many bytes of sections and rows a build keeps from its check
/// ([`check_for_build`]): every document of a site of a few thousand pages, so that it is
/// read only once, and a bounded part of a larger one.
pub const KEPT_BODIES_BYTES: usize = 128 << 20;

/// [`check`] for a build: the sections and rows of the first documents checked, up to
/// [`KEPT_BODIES_BYTES`], are kept aside ([`site::KeptBodies`]) instead of being read again
/// when they are written.
pub fn check_for_build(
    content: &Path,
    overrides: &validate::SiteOverrides,
) -> (Option<site::Site>, Diagnostics) {
    check_keeping(content, overrides, KEPT_BODIES_BYTES)
}

fn check_keeping(
    content: &Path,
    overrides: &validate::SiteOverrides,
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
