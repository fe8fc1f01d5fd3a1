//! Search built at build time: records, an inverted index of folded syllables split into
//! shards, and the record texts split into chunks, all as static JSON under
//! `tim-kiem/chi-muc/`. The client (`assets/tim-kiem.js`) downloads the small `meta.json`,
//! then only the shards of the query's syllables and the chunks of the results it shows.

pub mod index;
pub mod records;
mod runs;
pub mod synonyms;
pub mod tokenize;

use crate::output::Output;
use crate::site::{Document, Site};
use anyhow::Result;
use records::{Kind, Record};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Where the index files go, relative to the output folder.
pub const INDEX_DIR: &str = "tim-kiem/chi-muc";
/// A chunk of records is closed once its texts pass this many bytes.
const CHUNK_BYTES: usize = 32_000;

/// The name of the function that an index file written as a script calls with its data (see
/// [`as_script`]); `assets/tim-kiem.js` defines it.
pub const SCRIPT_CALLBACK: &str = "congkhaiChiMuc";

/// An index file (`tim-kiem/chi-muc/….json`) as a script beside it (`….js`) that hands its
/// data to [`SCRIPT_CALLBACK`] with its path: a site opened from a disk (`file://`, as
/// `--relative-links` builds it for a USB stick) cannot fetch its index, since browsers
/// refuse to read files from a page opened that way, but it can load scripts. `None` for
/// any other file.
pub fn as_script(path: &str, bytes: &[u8]) -> Option<Output> {
    let relative = path.strip_prefix(INDEX_DIR)?.strip_prefix('/')?;
    let stem = path.strip_suffix(".json")?;
    let name = serde_json::to_string(relative).ok()?;
    let mut script = format!("{SCRIPT_CALLBACK}({name},").into_bytes();
    script.extend_from_slice(bytes);
    script.extend_from_slice(b");\n");
    Some(Output {
        path: format!("{stem}.js"),
        bytes: script,
    })
}

/// The index files of `site`, in memory (tests, benchmarks).
#[cfg(any(test, feature = "bench-stages"))]
pub fn outputs(site: &Site) -> Result<Vec<Output>> {
    let outputs = std::sync::Mutex::new(Vec::new());
    write(site, &|output| {
        outputs
            .lock()
            .map_err(|_| anyhow::anyhow!("a search thread failed"))?
            .push(output);
        Ok(())
    })?;
    let mut outputs = outputs
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a search thread failed"))?;
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outputs)
}

/// Emits one index file.
pub type Emit<'e> = dyn Fn(Output) -> Result<()> + Sync + 'e;

/// Makes the index files of `site`, handing each to `emit` as soon as it is made (its
/// documents read again whole where the check dropped their bodies).
#[cfg(any(test, feature = "bench-stages"))]
pub fn write(site: &Site, emit: &Emit) -> Result<()> {
    let reader = crate::validate::Reader::new(site);
    let mut builder = Builder::new(site, None);
    for part in site.documents.chunks(crate::validate::DOCUMENTS_PER_PART) {
        builder.add(site, &reader.whole(part)?, emit)?;
    }
    builder.finish(site, emit)
}

/// The search index being made, a few documents at a time ([`Builder::add`]): each part's
/// records are indexed, its full chunks written and its texts dropped, so that only the
/// index and each record's kind and province stay in memory.
pub struct Builder {
    postings: runs::Postings,
    chunks: Chunks,
    kinds: String,
    record_provinces: Vec<i64>,
    positions: std::collections::HashMap<String, i64>,
}

impl Builder {
    /// An empty index for `site`, whose postings are written out to unnamed files in
    /// `scratch` as they grow (kept in memory without one).
    pub fn new(site: &Site, scratch: Option<std::path::PathBuf>) -> Builder {
        Builder {
            postings: runs::Postings::new(scratch),
            chunks: Chunks::default(),
            kinds: String::new(),
            record_provinces: Vec::new(),
            positions: site
                .provinces
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i as i64))
                .collect(),
        }
    }

    /// Adds the records of `documents` (whole, in site order), made on every core, and
    /// writes the chunks they fill.
    pub fn add(&mut self, site: &Site, documents: &[Document], emit: &Emit) -> Result<()> {
        self.add_records(records::document_records(site, documents), emit)
    }

    fn add_records(&mut self, part: Vec<Record>, emit: &Emit) -> Result<()> {
        self.postings.add(self.chunks.records as u32, &part)?;
        for record in &part {
            self.kinds
                .push(char::from(b'0' + record.kind.index() as u8));
            self.record_provinces.push(
                record
                    .province
                    .as_deref()
                    .and_then(|id| self.positions.get(id).copied())
                    .unwrap_or(-1),
            );
        }
        self.chunks.add(part, emit)
    }

    /// Adds the records of the agencies and provinces, then writes the last chunk, the
    /// index shards and `meta.json`.
    pub fn finish(mut self, site: &Site, emit: &Emit) -> Result<()> {
        self.add_records(records::registry_records(site), emit)?;
        self.chunks.finish(emit)?;
        write_shards_and_meta(
            site,
            self.postings,
            self.chunks.starts,
            self.kinds,
            self.record_provinces,
            emit,
        )
    }
}

/// The record chunks: records in order, a new chunk when the last one's texts passed
/// [`CHUNK_BYTES`]; each chunk is written once it is full.
#[derive(Default)]
struct Chunks {
    /// The first record of each chunk.
    starts: Vec<usize>,
    /// Records seen so far.
    records: usize,
    /// The records of the chunk not yet written, and their size.
    open: Vec<Record>,
    size: usize,
}

impl Chunks {
    /// Adds `records`, writing (on every core) each chunk they fill.
    fn add(&mut self, records: Vec<Record>, emit: &Emit) -> Result<()> {
        use rayon::prelude::*;
        let mut full = Vec::new();
        for record in records {
            if self.open.is_empty() || self.size >= CHUNK_BYTES {
                if !self.open.is_empty() {
                    full.push((self.starts.len() - 1, std::mem::take(&mut self.open)));
                }
                self.starts.push(self.records);
                self.size = 0;
            }
            self.size +=
                record.title.len() + record.body.len() + record.url.len() + record.context.len();
            self.open.push(record);
            self.records += 1;
        }
        full.par_iter()
            .try_for_each(|(number, records)| emit(chunk_output(*number, records)?))
    }

    /// Writes the last chunk.
    fn finish(&mut self, emit: &Emit) -> Result<()> {
        if self.open.is_empty() {
            return Ok(());
        }
        emit(chunk_output(
            self.starts.len() - 1,
            &std::mem::take(&mut self.open),
        )?)
    }
}

/// Chunk `number`: each record as [title, URL, context, body].
fn chunk_output(number: usize, records: &[Record]) -> Result<Output> {
    let list: Vec<[&str; 4]> = records
        .iter()
        .map(|r| [&*r.title, &*r.url, &*r.context, &*r.body])
        .collect();
    Ok(Output {
        path: format!("{INDEX_DIR}/r/{number}.json"),
        bytes: serde_json::to_vec(&list)?,
    })
}

/// Index shards serialized on all cores at once, once their syllables pass this many
/// postings.
const SHARD_BATCH: usize = 4 << 20;

/// The index shards (one per [`tokenize::shard_key`]) and `meta.json`.
fn write_shards_and_meta(
    site: &Site,
    postings: runs::Postings,
    chunks: Vec<usize>,
    kinds: String,
    record_provinces: Vec<i64>,
    emit: &Emit,
) -> Result<()> {
    use rayon::prelude::*;
    type Batch = Vec<(String, BTreeMap<String, runs::Merged>)>;
    // Each shard is written as syllable → [variants, postings].
    let write = |batch: &Batch| {
        batch.par_iter().try_for_each(|(key, shard)| {
            emit(Output {
                path: format!("{INDEX_DIR}/t/{key}.json"),
                bytes: serde_json::to_vec(shard)?,
            })
        })
    };
    let mut keys = Vec::new();
    let mut batch: Batch = Vec::new();
    let mut size = 0;
    postings.merge(|key, shard| {
        keys.push(key.clone());
        size += shard.values().map(|(_, flat)| flat.len()).sum::<usize>();
        batch.push((key, shard));
        if size > SHARD_BATCH {
            write(&batch)?;
            batch.clear();
            size = 0;
        }
        Ok(())
    })?;
    write(&batch)?;
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.id, p.name]))
        .collect();
    let meta = json!({
        "version": 1,
        "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "weights": weights(),
        "provinces": provinces,
        "recordKinds": kinds,
        "recordProvinces": record_provinces,
        "chunks": chunks,
        "shards": keys,
        "synonyms": synonyms::synonym_groups(site),
    });
    emit(json_output(&format!("{INDEX_DIR}/meta.json"), &meta)?)
}

/// The ranking weights of the search page, by name: what each kind of result adds (by its
/// label), and what query words found side by side add, in a title or in the body, for two
/// words (`phraseAdjacent…`) and for the whole query (`phraseChain…`).
fn weights() -> Value {
    let priors: serde_json::Map<String, Value> = Kind::ALL
        .iter()
        .map(|k| (k.label().to_string(), serde_json::json!(k.prior())))
        .collect();
    serde_json::json!({
        "kindPrior": priors,
        "phraseAdjacent": 4,
        "phraseAdjacentTitle": 8,
        "phraseChain": 6,
        "phraseChainTitle": 12,
    })
}

fn json_output(path: &str, value: &Value) -> Result<Output> {
    Ok(Output {
        path: path.to_string(),
        bytes: serde_json::to_vec(value)?,
    })
}
