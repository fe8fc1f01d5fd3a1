//! Search built at build time: records, an inverted index of folded syllables and the
//! record texts, as files under `tim-kiem/chi-muc/` (see [`pack`] for their formats). The
//! client (`assets/tim-kiem.js`) downloads the small `meta.json`, the directory files of the
//! query's syllables, then by byte range only the postings it needs and the texts of the
//! results it shows.

pub mod index;
mod pack;
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

/// The name of the function that an index file written as a script calls with its data (see
/// [`as_script`]); `assets/tim-kiem.js` defines it.
pub const SCRIPT_CALLBACK: &str = "congkhaiChiMuc";

/// An index file (`tim-kiem/chi-muc/….json` or `….bin`) as a script beside it (`….js`)
/// that hands its data to [`SCRIPT_CALLBACK`] with its path (a `.bin` file's bytes in
/// base64): a site opened from a disk (`file://`, as `--relative-links` builds it for a USB
/// stick) cannot fetch its index, since browsers refuse to read files from a page opened
/// that way, but it can load scripts. `None` for any other file.
pub fn as_script(path: &str, bytes: &[u8]) -> Option<Output> {
    let relative = path.strip_prefix(INDEX_DIR)?.strip_prefix('/')?;
    let name = serde_json::to_string(relative).ok()?;
    let mut script = format!("{SCRIPT_CALLBACK}({name},").into_bytes();
    let stem = if let Some(stem) = path.strip_suffix(".json") {
        script.extend_from_slice(bytes);
        stem
    } else {
        let stem = path.strip_suffix(".bin")?;
        script.push(b'"');
        script.extend_from_slice(base64(bytes).as_bytes());
        script.push(b'"');
        stem
    };
    script.extend_from_slice(b");\n");
    Some(Output {
        path: format!("{stem}.js"),
        bytes: script,
    })
}

/// `bytes` in standard base64, with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
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
    let mut builder = Builder::new(site, None)?;
    for part in site.documents.chunks(crate::validate::DOCUMENTS_PER_PART) {
        builder.add(site, &reader.whole(part)?)?;
    }
    builder.finish(site, emit)
}

/// Records are numbered by kind in this order (the small kinds first, so that a query read
/// in record order meets them first), then by province (none first), then in site order.
const KIND_ORDER: [Kind; 8] = [
    Kind::Document,
    Kind::Province,
    Kind::Indicator,
    Kind::Glossary,
    Kind::Agency,
    Kind::Target,
    Kind::Section,
    Kind::Appendix,
];

/// The records of a kind stored together in one block of texts: about 3 kB, which
/// compress to half the size blocks of one record do, and cost a result shown about 1 kB.
fn per_block(kind: Kind) -> u32 {
    match kind {
        Kind::Province => 1,
        Kind::Section => 4,
        _ => 16,
    }
}

/// A stream of records: its kind's rank in [`KIND_ORDER`] and its province (+1, 0 for none).
type StreamKey = (u8, u16);

/// The records of one stream seen so far, and its block being filled.
#[derive(Default)]
struct Stream {
    records: u32,
    open: Vec<[String; 4]>,
    /// Where each written block is in the scratch spool: (offset, length).
    blocks: Vec<(u64, usize)>,
}

/// The search index being made, a few documents at a time ([`Builder::add`]): each part's
/// records are indexed, their texts compressed in blocks into a scratch file, so that only
/// the postings (written out in runs) and each record's stream stay in memory.
pub struct Builder {
    postings: runs::Postings,
    streams: BTreeMap<StreamKey, Stream>,
    /// For each record in site order: its stream and its number in it.
    records: Vec<(StreamKey, u32)>,
    spool: crate::scratch::ScratchWriter,
    positions: std::collections::HashMap<String, u16>,
}

impl Builder {
    /// An empty index for `site`, whose postings and texts are written out to unnamed files
    /// in `scratch` as they grow (kept in memory without one).
    pub fn new(site: &Site, scratch: Option<std::path::PathBuf>) -> Result<Builder> {
        Ok(Builder {
            spool: crate::scratch::ScratchWriter::new(scratch.as_deref())?,
            postings: runs::Postings::new(scratch),
            streams: BTreeMap::new(),
            records: Vec::new(),
            positions: site
                .provinces
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i as u16 + 1))
                .collect(),
        })
    }

    /// Adds the records of `documents` (whole, in site order), made on every core.
    pub fn add(&mut self, site: &Site, documents: &[Document]) -> Result<()> {
        self.add_records(records::document_records(site, documents))
    }

    fn add_records(&mut self, part: Vec<Record>) -> Result<()> {
        use rayon::prelude::*;
        self.postings.add(self.records.len() as u32, &part)?;
        let mut full: Vec<(StreamKey, Vec<[String; 4]>)> = Vec::new();
        for record in part {
            let rank = KIND_ORDER
                .iter()
                .position(|k| *k == record.kind)
                .unwrap_or(0) as u8;
            let province = record
                .province
                .as_deref()
                .and_then(|id| self.positions.get(id).copied())
                .unwrap_or(0);
            let key = (rank, province);
            let stream = self.streams.entry(key).or_default();
            self.records.push((key, stream.records));
            stream.records += 1;
            stream
                .open
                .push([record.title, record.url, record.context, record.body]);
            if stream.open.len() as u32 >= per_block(record.kind) {
                full.push((key, std::mem::take(&mut stream.open)));
            }
        }
        let compressed: Vec<(StreamKey, Vec<u8>)> = full
            .par_iter()
            .map(|(key, block)| Ok((*key, pack::gzip(&serde_json::to_vec(block)?)?)))
            .collect::<Result<_>>()?;
        for (key, bytes) in compressed {
            let at = self.spool.append(&bytes)?;
            if let Some(stream) = self.streams.get_mut(&key) {
                stream.blocks.push((at, bytes.len()));
            }
        }
        Ok(())
    }

    /// Adds the records of the agencies and provinces, then writes the texts, the postings,
    /// the directory and `meta.json`.
    pub fn finish(mut self, site: &Site, emit: &Emit) -> Result<()> {
        self.add_records(records::registry_records(site))?;
        // The last blocks, not full.
        let open: Vec<(StreamKey, Vec<[String; 4]>)> = self
            .streams
            .iter_mut()
            .filter(|(_, s)| !s.open.is_empty())
            .map(|(k, s)| (*k, std::mem::take(&mut s.open)))
            .collect();
        for (key, block) in open {
            let bytes = pack::gzip(&serde_json::to_vec(&block)?)?;
            let at = self.spool.append(&bytes)?;
            if let Some(stream) = self.streams.get_mut(&key) {
                stream.blocks.push((at, bytes.len()));
            }
        }
        // Records renumbered by stream; the texts in that order, with their block table.
        let mut starts: BTreeMap<StreamKey, u32> = BTreeMap::new();
        let mut next = 0;
        for (key, stream) in &self.streams {
            starts.insert(*key, next);
            next += stream.records;
        }
        let renumber: Vec<u32> = self
            .records
            .iter()
            .map(|(key, n)| starts.get(key).copied().unwrap_or(0) + n)
            .collect();
        drop(self.records);
        let spool = self.spool.finish()?;
        let mut texts = pack::Pack::new("r");
        let mut table = pack::Pack::new("b");
        table.append(&0u32.to_le_bytes(), emit)?;
        for stream in self.streams.values() {
            for (at, len) in &stream.blocks {
                let bytes = spool.read(*at, *len)?;
                let start = texts.append(&bytes, emit)?;
                let end = u32::try_from(u64::from(start) + bytes.len() as u64)?;
                table.append(&end.to_le_bytes(), emit)?;
            }
        }
        texts.finish(emit)?;
        table.finish(emit)?;
        let buckets = write_postings(self.postings, &renumber, emit)?;
        let streams: Vec<Value> = self
            .streams
            .iter()
            .map(|((rank, province), stream)| {
                let kind = KIND_ORDER[*rank as usize];
                json!([
                    kind.index(),
                    i64::from(*province) - 1,
                    stream.records,
                    per_block(kind)
                ])
            })
            .collect();
        let provinces: Vec<Value> = site
            .provinces
            .iter()
            .map(|p| json!([p.id, p.name]))
            .collect();
        let meta = json!({
            "version": 2,
            "kinds": Kind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(),
            "weights": weights(),
            "provinces": provinces,
            "streams": streams,
            "directory": buckets,
            "packBytes": pack::PACK_BYTES,
            "synonyms": synonyms::synonym_groups(site),
        });
        emit(json_output(&format!("{INDEX_DIR}/meta.json"), &meta)?)
    }
}

/// Syllables encoded on all cores at once, once their shards pass this many postings.
const SHARD_BATCH: usize = 4 << 20;

/// Writes the postings (`t/`) and the directory (`d/`); returns the number of directory
/// files.
fn write_postings(postings: runs::Postings, renumber: &[u32], emit: &Emit) -> Result<u32> {
    use rayon::prelude::*;
    type Batch = Vec<(String, String, runs::Merged)>;
    let mut chunks = pack::Pack::new("t");
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut write = |batch: &mut Batch| -> Result<()> {
        let encoded: Vec<(String, pack::Encoded)> = std::mem::take(batch)
            .into_par_iter()
            .map(|(key, text, (variants, flat))| {
                Ok((key, pack::encode(text, variants, &flat, renumber)?))
            })
            .collect::<Result<_>>()?;
        for (key, syllable) in encoded {
            let mut offset = 0;
            for (n, (bytes, _, _)) in syllable.chunks.iter().enumerate() {
                let at = chunks.append(bytes, emit)?;
                if n == 0 {
                    offset = at;
                }
            }
            entries.push((key, pack::directory_entry(&syllable, offset)));
        }
        Ok(())
    };
    let mut batch: Batch = Vec::new();
    let mut size = 0;
    postings.merge(|key, shard| {
        for (text, merged) in shard {
            size += merged.1.len();
            batch.push((key.clone(), text, merged));
        }
        if size > SHARD_BATCH {
            write(&mut batch)?;
            size = 0;
        }
        Ok(())
    })?;
    write(&mut batch)?;
    chunks.finish(emit)?;
    pack::write_directory(entries, emit)
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

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(super::base64(&[255, 0, 254]), "/wD+");
    }
}
