//! Search built at build time: records, an inverted index of folded syllables split into
//! shards, and the record texts split into chunks, all as static JSON under
//! `tim-kiem/chi-muc/`. The client (`assets/tim-kiem.js`) downloads the small `meta.json`,
//! then only the shards of the query's syllables and the chunks of the results it shows.

pub mod index;
pub mod records;
pub mod synonyms;
pub mod tokenize;

use crate::render::Output;
use crate::site::Site;
use anyhow::Result;
use records::{Kind, Record};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Where the index files go, relative to the output folder.
pub const INDEX_DIR: &str = "tim-kiem/chi-muc";
/// A chunk of records is closed once its texts pass this many bytes.
const CHUNK_BYTES: usize = 32_000;

/// One index file: folded syllable → (exact forms, flat postings).
type Shard<'a> = BTreeMap<&'a str, (&'a [String], &'a [u32])>;

/// The index files of `site`, in memory (tests, tools).
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

/// Documents whose records are made and indexed at once.
const DOCUMENTS_PER_PART: usize = 64;

/// Makes the index files of `site` on every core, handing each to `emit` as soon as it is
/// made. Records are made [`DOCUMENTS_PER_PART`] documents at a time: each part is indexed,
/// its full chunks written, and its texts dropped, so that only the index and each record's
/// kind and province stay in memory.
pub fn write(site: &Site, emit: &(dyn Fn(Output) -> Result<()> + Sync)) -> Result<()> {
    let mut index = index::Index::new();
    let mut chunks = Chunks::default();
    let mut kinds = String::new();
    let mut record_provinces = Vec::new();
    let positions: std::collections::HashMap<&str, i64> = site
        .provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as i64))
        .collect();
    let parts = site
        .documents
        .chunks(DOCUMENTS_PER_PART)
        .map(|documents| records::document_records(site, documents))
        .chain(std::iter::once(records::registry_records(site)));
    for part in parts {
        index::add_records(&mut index, chunks.records as u32, &part);
        for record in &part {
            kinds.push(char::from(b'0' + record.kind.index() as u8));
            record_provinces.push(
                record
                    .province
                    .as_deref()
                    .and_then(|id| positions.get(id).copied())
                    .unwrap_or(-1),
            );
        }
        chunks.add(part, emit)?;
    }
    chunks.finish(emit)?;
    write_shards_and_meta(site, &index, chunks.starts, kinds, record_provinces, emit)
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
    fn add(
        &mut self,
        records: Vec<Record>,
        emit: &(dyn Fn(Output) -> Result<()> + Sync),
    ) -> Result<()> {
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
    fn finish(&mut self, emit: &(dyn Fn(Output) -> Result<()> + Sync)) -> Result<()> {
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

/// The index shards (one per [`tokenize::shard_key`]) and `meta.json`.
fn write_shards_and_meta(
    site: &Site,
    index: &index::Index,
    chunks: Vec<usize>,
    kinds: String,
    record_provinces: Vec<i64>,
    emit: &(dyn Fn(Output) -> Result<()> + Sync),
) -> Result<()> {
    use rayon::prelude::*;
    // Each shard is written straight from the index: syllable → [variants, postings].
    let mut shards: BTreeMap<String, Shard> = BTreeMap::new();
    for (token, entry) in index {
        shards
            .entry(tokenize::shard_key(token))
            .or_default()
            .insert(token, (&entry.variants, &entry.flat));
    }
    shards.par_iter().try_for_each(|(key, shard)| {
        emit(Output {
            path: format!("{INDEX_DIR}/t/{key}.json"),
            bytes: serde_json::to_vec(shard)?,
        })
    })?;
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.id, p.name]))
        .collect();
    let meta = json!({
        "version": 1,
        "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "provinces": provinces,
        "recordKinds": kinds,
        "recordProvinces": record_provinces,
        "chunks": chunks,
        "shards": shards.keys().collect::<Vec<_>>(),
        "synonyms": synonyms::synonym_groups(site),
    });
    emit(json_output(&format!("{INDEX_DIR}/meta.json"), &meta)?)
}

fn json_output(path: &str, value: &Value) -> Result<Output> {
    Ok(Output {
        path: path.to_string(),
        bytes: serde_json::to_vec(value)?,
    })
}
