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

/// The index files of `site`.
pub fn outputs(site: &Site) -> Result<Vec<Output>> {
    let records = records::records(site);
    let index = index::build(&records);
    let mut outputs = Vec::new();
    // Each shard is written straight from the index: syllable → [variants, postings].
    let mut shards: BTreeMap<String, Shard> = BTreeMap::new();
    for (token, entry) in &index {
        shards
            .entry(tokenize::shard_key(token))
            .or_default()
            .insert(token, (&entry.variants, &entry.flat));
    }
    for (key, shard) in &shards {
        outputs.push(Output {
            path: format!("{INDEX_DIR}/t/{key}.json"),
            bytes: serde_json::to_vec(shard)?,
        });
    }
    let chunks = chunk_starts(&records);
    for (n, start) in chunks.iter().enumerate() {
        let end = chunks.get(n + 1).copied().unwrap_or(records.len());
        let list: Vec<Value> = records[*start..end]
            .iter()
            .map(|r| json!([r.title, r.url, r.context, r.body]))
            .collect();
        outputs.push(json_output(
            &format!("{INDEX_DIR}/r/{n}.json"),
            &Value::Array(list),
        )?);
    }
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.id, p.name]))
        .collect();
    let province_of = |r: &Record| -> i64 {
        r.province
            .as_deref()
            .and_then(|id| site.provinces.iter().position(|p| p.id == id))
            .map_or(-1, |i| i as i64)
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
    outputs.push(json_output(&format!("{INDEX_DIR}/meta.json"), &meta)?);
    Ok(outputs)
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
