//! The binary files of the index: three byte streams, each cut into files of
//! [`PACK_BYTES`] (`t/<n>.bin`, `r/<n>.bin`, `b/<n>.bin`) that the client reads by byte range,
//! and the directory (`d/<n>.bin`) that says where each syllable's postings are.
//!
//! - `t`: postings, in chunks of about [`CHUNK_BYTES`] (before gzip), each gzip-compressed on
//!   its own. A chunk is, for each record it holds (ascending): the gap from the previous
//!   record (the first from the chunk's first record), the number of occurrences, then each
//!   occurrence as `gap from the previous position × width + exact form`, where `width` is
//!   the syllable's number of exact forms (1 to 16). Numbers are LEB128 varints.
//! - `r`: record texts, in blocks of a few records of one kind and province, each block a
//!   gzip-compressed JSON list of `[title, url, document, text]`.
//! - `b`: where each block of `r` starts, as little-endian u32: entry `i` is the start of
//!   block `i`, entry `i + 1` its end.
//! - `d/<n>.bin`: gzip-compressed, the syllables whose shard key
//!   ([`super::tokenize::shard_key`]) hashes to `n` (FNV-1a, modulo the number of directory
//!   files written in `meta.json`), each as: its text, its exact forms, its number of records,
//!   its number of chunks, then either (no chunk) its postings inline (a length, then bytes
//!   in the chunk format, gaps counted from record 0) or the offset in `t` of its first chunk
//!   and, for each chunk, its length, the gap from the previous chunk's last record to its
//!   first (from 0 for the first chunk) and its last record minus its first.

use super::Emit;
use crate::output::Output;
use anyhow::{Context as _, Result};

/// Each byte stream is cut into files of this many bytes.
pub const PACK_BYTES: usize = 1 << 20;
/// A syllable's postings are cut into chunks of about this many bytes (before gzip).
pub const CHUNK_BYTES: usize = 12 << 10;
/// Postings up to this many bytes stay in the directory.
pub const INLINE_BYTES: usize = 256;
/// The directory is cut into files of about this many bytes (before gzip).
pub const DIRECTORY_BYTES: usize = 8 << 10;

/// Appends `value` as an unsigned LEB128 varint.
pub fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn text(out: &mut Vec<u8>, text: &str) {
    varint(out, text.len() as u32);
    out.extend_from_slice(text.as_bytes());
}

/// FNV-1a of `text`: which directory file holds a shard key (the client computes the same).
pub fn fnv(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// `bytes` gzip-compressed, as the index stores its chunks, blocks and directory files.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    Ok(crate::publish::compress::gzip(bytes)?)
}

/// A byte stream written as files of [`PACK_BYTES`] under `tim-kiem/chi-muc/<name>/`.
pub struct Pack {
    name: &'static str,
    open: Vec<u8>,
    files: usize,
    total: u64,
}

impl Pack {
    /// An empty stream.
    pub fn new(name: &'static str) -> Pack {
        Pack {
            name,
            open: Vec::new(),
            files: 0,
            total: 0,
        }
    }

    /// Appends `bytes`; returns where they start. Each file filled is handed to `emit`.
    pub fn append(&mut self, mut bytes: &[u8], emit: &Emit) -> Result<u32> {
        let start = u32::try_from(self.total).context("chỉ mục tìm kiếm quá 4 GB")?;
        self.total += bytes.len() as u64;
        while !bytes.is_empty() {
            let room = PACK_BYTES - self.open.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.open.extend_from_slice(now);
            bytes = rest;
            if self.open.len() == PACK_BYTES {
                self.flush(emit)?;
            }
        }
        Ok(start)
    }

    fn flush(&mut self, emit: &Emit) -> Result<()> {
        let path = format!("{}/{}/{}.bin", super::INDEX_DIR, self.name, self.files);
        emit(Output {
            path,
            bytes: std::mem::take(&mut self.open),
        })?;
        self.files += 1;
        Ok(())
    }

    /// Writes the last file; returns the stream's length.
    pub fn finish(mut self, emit: &Emit) -> Result<u64> {
        if !self.open.is_empty() {
            self.flush(emit)?;
        }
        Ok(self.total)
    }
}

/// One syllable's postings, encoded: inline, or chunks to append to `t`.
pub struct Encoded {
    /// The folded syllable.
    pub text: String,
    /// Its exact forms.
    pub variants: Vec<String>,
    /// The number of records it occurs in.
    pub records: u32,
    /// The postings when they are small enough to stay in the directory.
    pub inline: Option<Vec<u8>>,
    /// Otherwise its chunks: gzip bytes, first and last record.
    pub chunks: Vec<(Vec<u8>, u32, u32)>,
}

/// Encodes a syllable's merged postings (see [`super::runs::Merged`]: record gap, count,
/// occurrences as `position × 16 + form`), each record renumbered by `renumber`.
pub fn encode(
    text: String,
    variants: Vec<String>,
    flat: &[u32],
    renumber: &[u32],
) -> Result<Encoded> {
    let mut postings: Vec<(u32, &[u32])> = Vec::new();
    let mut record = 0u32;
    let mut i = 0;
    while i + 1 < flat.len() {
        record += flat[i];
        let count = flat[i + 1] as usize;
        let end = (i + 2 + count).min(flat.len());
        let id = renumber.get(record as usize).copied().unwrap_or(record);
        postings.push((id, &flat[i + 2..end]));
        i = end;
    }
    postings.sort_unstable_by_key(|(record, _)| *record);
    let width = (variants.len() as u32).clamp(1, super::index::VARIANTS);
    let mut raw: Vec<(Vec<u8>, u32, u32)> = Vec::new();
    let mut out = Vec::new();
    let mut first = 0;
    let mut previous = 0;
    for (n, (record, occurrences)) in postings.iter().enumerate() {
        if out.is_empty() {
            first = *record;
            previous = *record;
        }
        varint(&mut out, record - previous);
        previous = *record;
        varint(&mut out, occurrences.len() as u32);
        let mut last = 0;
        for occurrence in *occurrences {
            let position = occurrence / super::index::VARIANTS;
            let form = (occurrence % super::index::VARIANTS).min(width - 1);
            varint(&mut out, position.saturating_sub(last) * width + form);
            last = position;
        }
        if out.len() >= CHUNK_BYTES || n + 1 == postings.len() {
            raw.push((std::mem::take(&mut out), first, *record));
        }
    }
    let records = postings.len() as u32;
    if let [(bytes, first, _)] = raw.as_slice()
        && bytes.len() <= INLINE_BYTES
    {
        // Inline postings count their first gap from record 0.
        let mut inline = Vec::with_capacity(bytes.len() + 4);
        let mut head = Vec::new();
        varint(&mut head, *first);
        let mut at = 0;
        // Replace the first gap (0) by the first record.
        while bytes[at] >= 0x80 {
            at += 1;
        }
        inline.extend_from_slice(&head);
        inline.extend_from_slice(&bytes[at + 1..]);
        return Ok(Encoded {
            text,
            variants,
            records,
            inline: Some(inline),
            chunks: Vec::new(),
        });
    }
    let chunks = raw
        .into_iter()
        .map(|(bytes, first, last)| Ok((gzip(&bytes)?, first, last)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Encoded {
        text,
        variants,
        records,
        inline: None,
        chunks,
    })
}

/// The directory entry of a syllable whose chunks start at `offset` in `t`.
pub fn directory_entry(encoded: &Encoded, offset: u32) -> Vec<u8> {
    let mut out = Vec::new();
    text(&mut out, &encoded.text);
    varint(&mut out, encoded.variants.len() as u32);
    for form in &encoded.variants {
        text(&mut out, form);
    }
    varint(&mut out, encoded.records);
    varint(&mut out, encoded.chunks.len() as u32);
    match &encoded.inline {
        Some(bytes) => {
            varint(&mut out, bytes.len() as u32);
            out.extend_from_slice(bytes);
        }
        None => {
            varint(&mut out, offset);
            let mut previous = 0;
            for (bytes, first, last) in &encoded.chunks {
                varint(&mut out, bytes.len() as u32);
                varint(&mut out, first - previous);
                varint(&mut out, last - first);
                previous = *last;
            }
        }
    }
    out
}

/// Writes the directory: `entries` (shard key, entry bytes) spread over files of about
/// [`DIRECTORY_BYTES`] by the hash of their key; returns the number of files.
pub fn write_directory(entries: Vec<(String, Vec<u8>)>, emit: &Emit) -> Result<u32> {
    use rayon::prelude::*;
    let total: usize = entries.iter().map(|(_, e)| e.len()).sum();
    let files = total.div_ceil(DIRECTORY_BYTES).max(1) as u32;
    let mut buckets: Vec<Vec<Vec<u8>>> = vec![Vec::new(); files as usize];
    for (key, entry) in entries {
        buckets[(fnv(&key) % files) as usize].push(entry);
    }
    buckets
        .par_iter()
        .enumerate()
        .try_for_each(|(n, entries)| {
            let mut out = Vec::new();
            varint(&mut out, entries.len() as u32);
            for entry in entries {
                out.extend_from_slice(entry);
            }
            emit(Output {
                path: format!("{}/d/{n}.bin", super::INDEX_DIR),
                bytes: gzip(&out)?,
            })
        })?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let byte = bytes[*at];
            *at += 1;
            value |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return value;
            }
            shift += 7;
        }
    }

    #[test]
    fn varints_round_trip() {
        for value in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            varint(&mut out, value);
            let mut at = 0;
            assert_eq!(read_varint(&out, &mut at), value);
            assert_eq!(at, out.len());
        }
    }

    #[test]
    fn small_postings_stay_inline_and_large_ones_are_cut_into_chunks() -> Result<()> {
        // Record 3 (renumbered 7): forms 0 and 1 at positions 1 and 1000.
        let small = encode(
            "so".into(),
            vec!["số".into(), "sở".into()],
            &[3, 2, 16, 16001],
            &[0, 1, 2, 7],
        )?;
        let inline = small.inline.expect("inline");
        let mut at = 0;
        assert_eq!(read_varint(&inline, &mut at), 7, "the first record itself");
        assert_eq!(read_varint(&inline, &mut at), 2);
        assert_eq!(
            read_varint(&inline, &mut at),
            2,
            "position 1 × width 2 + form 0"
        );
        assert_eq!(read_varint(&inline, &mut at), 999 * 2 + 1);
        let flat: Vec<u32> = (0..20_000u32).flat_map(|_| [1, 1, 5 * 16]).collect();
        let renumber: Vec<u32> = (0..=20_000).collect();
        let large = encode("a".into(), vec!["a".into()], &flat, &renumber)?;
        assert!(large.inline.is_none());
        assert!(large.chunks.len() > 1);
        assert_eq!(large.records, 20_000);
        assert_eq!(large.chunks[0].1, 1);
        assert_eq!(large.chunks.last().map(|c| c.2), Some(20_000));
        for pair in large.chunks.windows(2) {
            assert_eq!(pair[1].1, pair[0].2 + 1, "chunks follow each other");
        }
        Ok(())
    }

    #[test]
    fn a_pack_cuts_its_stream_into_files_of_fixed_size() -> Result<()> {
        let files = std::sync::Mutex::new(Vec::new());
        let emit = |o: Output| {
            files.lock().expect("lock").push(o);
            Ok(())
        };
        let mut pack = Pack::new("t");
        assert_eq!(pack.append(&vec![1; PACK_BYTES - 10], &emit)?, 0);
        assert_eq!(pack.append(&[2; 30], &emit)?, (PACK_BYTES - 10) as u32);
        assert_eq!(pack.finish(&emit)?, (PACK_BYTES + 20) as u64);
        let files = files.into_inner().expect("lock");
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].path, "tim-kiem/chi-muc/t/0.bin");
        assert_eq!(files[0].bytes.len(), PACK_BYTES);
        assert_eq!(files[1].bytes, vec![2; 20]);
        Ok(())
    }
}
