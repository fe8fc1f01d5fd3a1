//! The search index of a national site without holding it in memory: records are indexed in
//! runs; a run that grows past [`RUN_BYTES`] is written, sorted by shard and syllable, to an
//! unnamed scratch file; at the end the runs are merged one shard at a time, so that only one
//! run and one shard are ever in memory.

use super::index::{self, Entry, Index};
use super::records::Record;
use super::tokenize::shard_key;
use crate::scratch::{SCRATCH_WRITE, read_text, read_u32, write_text};
use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, Write};
use std::path::PathBuf;

/// A run is written out once its postings pass this many bytes (about).
const RUN_BYTES: usize = 32 << 20;

/// Bytes a syllable's entry takes besides its postings (about).
const ENTRY_BYTES: usize = 96;

/// One syllable of a shard as the index file stores it: its exact forms and its postings,
/// each occurrence encoded by [`index::encode`].
pub type Merged = (Vec<String>, Vec<u32>);

/// The postings of every record added so far: the run being filled, and the runs written.
pub struct Postings {
    run: Index,
    occurrences: usize,
    run_bytes: usize,
    scratch: Option<PathBuf>,
    written: Vec<File>,
}

impl Postings {
    /// Postings whose full runs go to unnamed files in `scratch`; with no folder, all of
    /// them stay in memory (`serve`, tests).
    pub fn new(scratch: Option<PathBuf>) -> Postings {
        Postings {
            run: Index::new(),
            occurrences: 0,
            run_bytes: RUN_BYTES,
            scratch,
            written: Vec::new(),
        }
    }

    /// Indexes `records`, numbered from `first` on; writes the run out once it is full.
    pub fn add(&mut self, first: u32, records: &[Record]) -> Result<()> {
        self.occurrences += index::add_records(&mut self.run, first, records);
        let bytes = self.occurrences * 8 + self.run.len() * ENTRY_BYTES;
        if bytes > self.run_bytes
            && let Some(dir) = &self.scratch
        {
            let mut file = tempfile::tempfile_in(dir)
                .with_context(|| format!("không tạo được tệp tạm trong {}", dir.display()))?;
            let mut writer = BufWriter::with_capacity(1 << 20, &mut file);
            for (_, token, entry) in sorted(std::mem::take(&mut self.run)) {
                write_entry(&mut writer, &token, &entry).context(SCRATCH_WRITE)?;
            }
            writer.flush().context(SCRATCH_WRITE)?;
            drop(writer);
            file.rewind()?;
            self.written.push(file);
            self.occurrences = 0;
        }
        Ok(())
    }

    /// Merges the runs and hands `shard` each index file's key and syllables, in key order.
    pub fn merge(
        self,
        mut shard: impl FnMut(String, BTreeMap<String, Merged>) -> Result<()>,
    ) -> Result<()> {
        let mut runs: Vec<Run> = self
            .written
            .into_iter()
            .map(|file| Run::File(BufReader::with_capacity(256 << 10, file)))
            .collect();
        runs.push(Run::Memory(sorted(self.run).into_iter()));
        let mut heads = runs.iter_mut().map(Run::next).collect::<Result<Vec<_>>>()?;
        while let Some(key) = heads.iter().flatten().map(|(k, _, _)| k).min().cloned() {
            let mut syllables: BTreeMap<String, (Merged, Option<u32>)> = BTreeMap::new();
            // Runs hold records in order, so each syllable's postings are joined run by run.
            for (run, head) in runs.iter_mut().zip(heads.iter_mut()) {
                while head.as_ref().is_some_and(|(k, _, _)| *k == key) {
                    if let Some((_, token, entry)) = head.take() {
                        let (merged, last) = syllables.entry(token).or_default();
                        join(merged, last, &entry);
                    }
                    *head = run.next()?;
                }
            }
            let syllables = syllables
                .into_iter()
                .map(|(token, (merged, _))| (token, merged))
                .collect();
            shard(key, syllables)?;
        }
        Ok(())
    }
}

/// The entries of a run sorted by shard key, then syllable.
fn sorted(run: Index) -> Vec<(String, String, Entry)> {
    let mut list: Vec<(String, String, Entry)> = run
        .into_iter()
        .map(|(token, entry)| (shard_key(&token), token, entry))
        .collect();
    list.sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    list
}

/// Appends the postings of `entry` (one run's, its first gap counted from record 0) to
/// `merged`, whose last record is `last`, renumbering its variants into the merged list of
/// exact forms.
fn join(merged: &mut Merged, last: &mut Option<u32>, entry: &Entry) {
    let (variants, flat) = merged;
    let renumbered: Vec<u32> = entry
        .variants
        .iter()
        .map(|form| match variants.iter().position(|v| v == form) {
            Some(i) => i as u32,
            None => {
                variants.push(form.clone());
                (variants.len() - 1) as u32
            }
        })
        .collect();
    let mut record = 0;
    let mut i = 0;
    let source = &entry.flat;
    while i + 1 < source.len() {
        record += source[i];
        let count = source[i + 1] as usize;
        flat.push(record - last.unwrap_or(0));
        flat.push(count as u32);
        *last = Some(record);
        for pair in source[i + 2..].chunks(2).take(count) {
            if let [position, variant] = pair {
                let global = renumbered.get(*variant as usize).copied().unwrap_or(0);
                flat.push(index::encode(*position, global));
            }
        }
        i += 2 + 2 * count;
    }
}

/// A run being read back in order.
enum Run {
    File(BufReader<File>),
    Memory(std::vec::IntoIter<(String, String, Entry)>),
}

impl Run {
    fn next(&mut self) -> Result<Option<(String, String, Entry)>> {
        match self {
            Run::Memory(list) => Ok(list.next()),
            Run::File(reader) => {
                let Some(token) = read_text(reader)? else {
                    return Ok(None);
                };
                let forms = read_u32(reader)? as usize;
                let variants = (0..forms)
                    .map(|_| read_text(reader)?.context("tệp tạm của chỉ mục bị cắt cụt"))
                    .collect::<Result<Vec<_>>>()?;
                let len = read_u32(reader)? as usize;
                let mut bytes = vec![0; len * 4];
                reader.read_exact(&mut bytes)?;
                let flat = bytes
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect();
                let entry = Entry::from_parts(variants, flat);
                Ok(Some((shard_key(&token), token, entry)))
            }
        }
    }
}

fn write_entry(out: &mut impl Write, token: &str, entry: &Entry) -> Result<()> {
    write_text(out, token)?;
    out.write_all(&u32::try_from(entry.variants.len())?.to_le_bytes())?;
    for form in &entry.variants {
        write_text(out, form)?;
    }
    out.write_all(&u32::try_from(entry.flat.len())?.to_le_bytes())?;
    for number in &entry.flat {
        out.write_all(&number.to_le_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::records::Kind;

    fn record(body: &str) -> Record {
        Record {
            kind: Kind::Section,
            title: "Chuyển đổi số".into(),
            names: Vec::new(),
            body: body.into(),
            url: String::new(),
            province: None,
            context: String::new(),
        }
    }

    type Shard = (String, BTreeMap<String, Merged>);

    /// Every shard of `records` indexed `per_add` records at a time, with runs written out
    /// past `run_bytes`.
    fn shards(records: &[Record], per_add: usize, run_bytes: usize) -> Result<(Vec<Shard>, usize)> {
        let dir = tempfile::tempdir()?;
        let mut postings = Postings::new(Some(dir.path().to_path_buf()));
        postings.run_bytes = run_bytes;
        for (i, part) in records.chunks(per_add).enumerate() {
            postings.add((i * per_add) as u32, part)?;
        }
        let written = postings.written.len();
        let mut list = Vec::new();
        postings.merge(|key, shard| {
            list.push((key, shard));
            Ok(())
        })?;
        Ok((list, written))
    }

    #[test]
    fn runs_written_out_merge_into_the_same_shards_as_one_run() -> Result<()> {
        // 18 forms of "a" (more than the 16 an occurrence can name), met in a different order
        // in each run, and syllables of several shards.
        let forms = [
            "a", "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ", "â", "ầ", "ấ", "ẩ", "ẫ",
            "ậ",
        ];
        let records: Vec<Record> = (0..40)
            .map(|i| {
                let mut body: Vec<&str> =
                    forms.iter().copied().cycle().skip(i * 7).take(25).collect();
                body.extend(["số", "so", "sở", "đắk", "2020"]);
                record(&body.join(" "))
            })
            .collect();
        let (whole, none_written) = shards(&records, 40, usize::MAX)?;
        let (merged, written) = shards(&records, 3, 1)?;
        assert_eq!(none_written, 0);
        assert!(written >= 10, "runs written out: {written}");
        assert_eq!(merged, whole);
        let keys: Vec<&str> = whole.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["202", "a", "chu", "dak", "doi", "so"]);
        let (variants, flat) = &whole[1].1["a"];
        assert_eq!(variants.len(), 18);
        assert_eq!(flat[0], 0, "the first record is 0");
        Ok(())
    }

    #[test]
    fn joined_postings_count_gaps_across_runs() {
        let mut first = Index::new();
        index::add_records(&mut first, 0, &[record("sở"), record("không")]);
        let mut second = Index::new();
        index::add_records(&mut second, 5, &[record("số sở")]);
        let mut merged = Merged::default();
        let mut last = None;
        join(&mut merged, &mut last, &first["so"]);
        join(&mut merged, &mut last, &second["so"]);
        // "số" of the titles comes first. Records 0 and 1 (title, body) of the first run,
        // then record 5 of the second: a gap of 4 from record 1.
        assert_eq!(merged.0, ["số", "sở"]);
        let expected = [0, 2, 32, 16001, 1, 1, 32, 4, 3, 32, 16000, 16001 + 16];
        assert_eq!(merged.1, expected);
        assert_eq!(last, Some(5));
    }
}
