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

/// Makes the index files of `site` on every core, handing each to `emit` as soon as it is
/// made.
pub fn write(site: &Site, emit: &(dyn Fn(Output) -> Result<()> + Sync)) -> Result<()> {
    use rayon::prelude::*;
    let records = records::records(site);
    let index = index::build(&records);
    // Each shard is written straight from the index: syllable → [variants, postings].
    let mut shards: BTreeMap<String, Shard> = BTreeMap::new();
    for (token, entry) in &index {
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
    let chunks = chunk_starts(&records);
    chunks.par_iter().enumerate().try_for_each(|(n, start)| {
        let end = chunks.get(n + 1).copied().unwrap_or(records.len());
        let list: Vec<[&str; 4]> = records[*start..end]
            .iter()
            .map(|r| [&*r.title, &*r.url, &*r.context, &*r.body])
            .collect();
        emit(Output {
            path: format!("{INDEX_DIR}/r/{n}.json"),
            bytes: serde_json::to_vec(&list)?,
        })
    })?;
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.id, p.name]))
        .collect();
    let positions: std::collections::HashMap<&str, i64> = site
        .provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as i64))
        .collect();
    let province_of = |r: &Record| -> i64 {
        r.province
            .as_deref()
            .and_then(|id| positions.get(id).copied())
            .unwrap_or(-1)
    };
    let meta = json!({
        "version": 1,
        "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "provinces": provinces,
        "recordKinds": records.iter().map(|r| char::from(b'0' + r.kind.index() as u8)).collect::<String>(),
        "recordProvinces": records.iter().map(province_of).collect::<Vec<_>>(),
        "chunks": chunks,
        "shards": shards.keys().collect::<Vec<_>>(),
        "synonyms": synonyms::synonym_groups(site),
    });
    emit(json_output(&format!("{INDEX_DIR}/meta.json"), &meta)?)
}

/// The first record of each chunk: records in order, a new chunk when the last one's
/// texts passed [`CHUNK_BYTES`].
fn chunk_starts(records: &[Record]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut size = CHUNK_BYTES;
    for (i, record) in records.iter().enumerate() {
        if size >= CHUNK_BYTES {
            starts.push(i);
            size = 0;
        }
        size += record.title.len() + record.body.len() + record.url.len() + record.context.len();
    }
    starts
}

fn json_output(path: &str, value: &Value) -> Result<Output> {
    Ok(Output {
        path: path.to_string(),
        bytes: serde_json::to_vec(value)?,
    })
}
