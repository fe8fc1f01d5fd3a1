//! Criterion benchmarks of the pipeline's hot paths, through `congkhai::stages`, which only
//! the `bench-stages` feature makes public: `cargo bench --features bench-stages --bench
//! pipeline`.
//!
//! The corpus is the synthetic one of the `bench-corpus` crate (300 pages, seed 1), generated
//! once into a temporary folder; the Markdown bench uses the longest section of the real
//! `content/` instead. Each stage is timed alone, on the output of the stages before it,
//! which are run once outside the timing:
//!
//! - `read/load`, `read/validate`: reading `content/` into the source model, and checking it
//!   into the site;
//! - `render/markdown`, `render/templates`, `render/search_index`, `render/open_data`: one
//!   section's Markdown, every page and file of the site into memory (open data and search
//!   index included), the search index alone, the open data alone;
//! - `write/write`: writing every rendered file (minify, gzip and brotli per file) into a
//!   staging folder swapped into place.

use bench_corpus::{CorpusOptions, generate};
use congkhai::SiteOverrides;
use congkhai::stages::{
    Anchors, Output, Sink, Site, SourceContent, Stream, load, load_templates, render_with, validate,
};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The allocator of the `congkhai` binary, so that the figures match a real build.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Pages of the synthetic corpus.
const PAGES: usize = 300;

/// The synthetic corpus, its source model and its site, made once for every bench.
struct Corpus {
    /// Holds the temporary folder until the benches are done.
    dir: tempfile::TempDir,
    content: PathBuf,
    source: SourceContent,
    site: Site,
}

fn theme() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

fn corpus() -> Corpus {
    let dir = tempfile::tempdir().expect("cannot create a temporary folder for the corpus");
    let summary = generate(&CorpusOptions {
        pages: PAGES,
        seed: 1,
        out: dir.path().to_path_buf(),
    })
    .expect("cannot generate the synthetic corpus");
    assert!(summary.documents > 0, "the corpus has no documents");
    let content = dir.path().join("content");
    let (source, diagnostics) = load(&content);
    assert!(
        !diagnostics.has_errors(),
        "the corpus does not load: {:?}",
        diagnostics.sorted()
    );
    let (site, diagnostics) = validate(&source, &SiteOverrides::default());
    assert!(
        !diagnostics.has_errors(),
        "the corpus does not validate: {:?}",
        diagnostics.sorted()
    );
    Corpus {
        dir,
        content,
        source,
        site,
    }
}

/// A group of slow benches: 10 samples of equal iteration counts (flat sampling, so a bench
/// of half a second runs about 10 times, not 55), short warm-up and measurement.
fn slow_group<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    group
}

fn read(c: &mut Criterion, corpus: &Corpus) {
    let mut group = slow_group(c, "read");

    let (source, diagnostics) = load(&corpus.content);
    assert!(
        !diagnostics.has_errors() && source.documents.len() == corpus.source.documents.len(),
        "load read {} documents, expected {}",
        source.documents.len(),
        corpus.source.documents.len()
    );
    group.bench_function("load", |b| b.iter(|| load(black_box(&corpus.content))));

    let (site, _) = validate(&corpus.source, &SiteOverrides::default());
    assert_eq!(
        site.documents.len(),
        corpus.source.documents.len(),
        "validate lost documents"
    );
    let overrides = SiteOverrides::default();
    group.bench_function("validate", |b| {
        b.iter(|| validate(black_box(&corpus.source), &overrides))
    });

    group.finish();
}

fn render(c: &mut Criterion, corpus: &Corpus) {
    let theme = theme();
    let tera = load_templates(&theme).expect("cannot load the default theme's templates");

    // The longest section of the real content.
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let (real_source, _) = load(&real);
    let body = real_source
        .documents
        .iter()
        .flat_map(|d| &d.sections)
        .map(|s| s.body.as_str())
        .max_by_key(|body| body.len())
        .expect("the real content has no sections");
    let rendered = congkhai::stages::markdown(body, "s", &mut Anchors::default());
    assert!(
        !rendered.html.is_empty() && !rendered.text.is_empty(),
        "the longest section renders to nothing"
    );

    let mut group = c.benchmark_group("render");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("markdown", |b| {
        b.iter(|| congkhai::stages::markdown(black_box(body), "s", &mut Anchors::default()))
    });
    group.finish();

    let mut group = slow_group(c, "render");
    let site = &corpus.site;
    let outputs = render_with(&tera, site, &theme).expect("cannot render the corpus");
    assert!(
        outputs.iter().any(|o| o.path == "index.html")
            && outputs.iter().filter(|o| o.path.ends_with(".html")).count() >= PAGES,
        "the rendered corpus lacks pages ({} files)",
        outputs.len()
    );
    group.bench_function("templates", |b| {
        b.iter(|| render_with(&tera, black_box(site), &theme).expect("cannot render the corpus"))
    });

    let search = congkhai::stages::search(site).expect("cannot build the search index");
    assert!(!search.is_empty(), "the search index is empty");
    group.bench_function("search_index", |b| {
        b.iter(|| congkhai::stages::search(black_box(site)).expect("cannot build the search index"))
    });

    // The files are made and dropped at once, as a build hands them to its writer.
    let discard = Discard::default();
    congkhai::stages::open_data(site, &discard).expect("cannot build the open data");
    assert!(
        discard.bytes.load(std::sync::atomic::Ordering::Relaxed) > 0,
        "the open data has no files"
    );
    group.bench_function("open_data", |b| {
        b.iter(|| {
            congkhai::stages::open_data(black_box(site), &discard)
                .expect("cannot build the open data")
        })
    });

    group.finish();
}

/// A sink that counts the bytes it is given and keeps none of them.
#[derive(Default)]
struct Discard {
    bytes: std::sync::atomic::AtomicUsize,
}

impl Sink for Discard {
    fn put(&self, _path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.bytes
            .fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    fn stream<'a>(&'a self, _path: &str) -> anyhow::Result<Box<dyn Stream + 'a>> {
        Ok(Box::new(DiscardStream(self)))
    }
}

/// A file of [`Discard`].
struct DiscardStream<'a>(&'a Discard);

impl std::io::Write for DiscardStream<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.put("", buf).map_err(std::io::Error::other)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Stream for DiscardStream<'_> {
    fn close(self: Box<Self>) -> anyhow::Result<()> {
        Ok(())
    }
}

fn write(c: &mut Criterion, corpus: &Corpus) {
    let theme = theme();
    let tera = load_templates(&theme).expect("cannot load the default theme's templates");
    let outputs: Vec<Output> =
        render_with(&tera, &corpus.site, &theme).expect("cannot render the corpus");
    let out = corpus.dir.path().join("out");
    congkhai::stages::write_site(&outputs, &out).expect("cannot write the site");
    assert!(
        out.join("index.html").is_file() && out.join("index.html.gz").is_file(),
        "the written site lacks index.html or its gzip copy"
    );

    let mut group = slow_group(c, "write");
    group.bench_function("write", |b| {
        b.iter(|| congkhai::stages::write_site(black_box(&outputs), &out).expect("cannot write"))
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let corpus = corpus();
    read(c, &corpus);
    render(c, &corpus);
    write(c, &corpus);
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
