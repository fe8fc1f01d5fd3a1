//! A synthetic national corpus for benchmarks: provinces × years of plans and reports with
//! realistic Vietnamese prose, appendices of 10 to 110 rows (pages of about 1,400 words on
//! average), targets and measurements; deterministic from a seed. The same pages are also written as a plain Hugo
//! site, so that both generators can be timed side by side (`scripts/bench.sh`).
//!
//! Its own crate, apart from congkhai's product binary:
//! `cargo run --release -p bench-corpus -- --pages 10000 --seed 1 --out DIR`.

#![warn(missing_docs)]

mod congkhai;
mod hugo;
mod rng;
mod synth;
mod vocab;

use anyhow::{Context, Result, bail};
use rng::Rng;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Content pages to make: documents, appendices, provinces, agencies and indicators.
    pub pages: usize,
    /// Seed of the generator: the same seed gives the same files.
    pub seed: u64,
    /// Folder that receives `content/` (congkhai) and `hugo/` (the Hugo site).
    pub out: PathBuf,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Content pages, as counted for `pages`.
    pub pages: usize,
    /// Provinces.
    pub provinces: usize,
    /// Documents (plans and reports).
    pub documents: usize,
    /// Appendix tables.
    pub appendices: usize,
    /// Data rows of all appendices.
    pub rows: usize,
    /// Words of prose in all sections.
    pub words: usize,
}

/// Provinces used for `pages` pages: about 150 pages per province, from 5 up to all 63.
fn province_count(pages: usize) -> usize {
    (pages / 150).clamp(5, vocab::PROVINCES.len())
}

/// Writes the corpus into `options.out/content` and `options.out/hugo`, which must not exist.
pub fn generate(options: &CorpusOptions) -> Result<CorpusSummary> {
    let content = options.out.join("content");
    let hugo_root = options.out.join("hugo");
    for dir in [&content, &hugo_root] {
        if dir.exists() {
            bail!("{} đã có; chọn một thư mục --out mới", dir.display());
        }
    }
    let provinces = province_count(options.pages);
    let fixed = provinces * (1 + vocab::AGENCIES.len()) + vocab::INDICATORS.len();
    if options.pages < fixed + 1 {
        bail!("cần ít nhất {} trang cho {provinces} tỉnh", fixed + 1);
    }
    let context = |dir: &Path| format!("không ghi được {}", dir.display());
    congkhai::write_registry(&content, provinces).with_context(|| context(&content))?;
    let mut rng = Rng::new(options.seed);
    let mut summary = CorpusSummary {
        pages: fixed,
        provinces,
        ..CorpusSummary::default()
    };
    let mut last_plan: Vec<Option<synth::PlanRef>> = vec![None; provinces];
    let mut by_province: Vec<Vec<(String, String)>> = vec![Vec::new(); provinces];
    let mut seq = 0;
    while summary.pages < options.pages {
        seq += 1;
        let province = seq % provinces;
        let room = options.pages - summary.pages - 1;
        let appendices = (rng.range(0, 4) as usize).min(room);
        let plan = if seq % 3 == 0 {
            last_plan[province].as_ref()
        } else {
            None
        };
        let document = synth::document(&mut rng, seq, province, appendices, plan);
        if document.kind == "plan" {
            let targets = document
                .targets
                .iter()
                .map(|t| (t.id.clone(), t.indicator))
                .collect();
            last_plan[province] = Some((document.id.clone(), targets, document.issued.clone()));
        }
        congkhai::write_document(&content, &document).with_context(|| context(&content))?;
        hugo::write_document(&hugo_root, &document).with_context(|| context(&hugo_root))?;
        by_province[province].push((document.id.clone(), document.title.clone()));
        summary.pages += 1 + document.appendices.len();
        summary.documents += 1;
        summary.appendices += document.appendices.len();
        summary.rows += document
            .appendices
            .iter()
            .flat_map(|a| &a.groups)
            .map(|g| g.rows.len())
            .sum::<usize>();
        summary.words += document
            .sections
            .iter()
            .map(|s| s.body.split_whitespace().count())
            .sum::<usize>();
    }
    hugo::write_site(&hugo_root, provinces, &by_province).with_context(|| context(&hugo_root))?;
    Ok(summary)
}
