//! The inverted index of a run of records: for each folded syllable, the exact forms it was
//! written in and where it occurs (record, field position, exact form). Runs are merged into
//! the index files by [`super::runs`].

use super::records::Record;
use super::tokenize::{Token, tokenize};
use std::collections::HashMap;

/// Positions from here on are in the body; below it, in the title and other names.
pub const BODY_OFFSET: u32 = 1000;
/// Occurrences are written as `position * VARIANTS + variant`.
pub const VARIANTS: u32 = 16;

/// Where one folded syllable occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The exact (lowercase, NFC) forms, in order of first appearance.
    pub variants: Vec<String>,
    /// The postings in one flat list: for each record it occurs in (ascending), the gap
    /// from the previous record (from 0 for the first), the number of occurrences, then each
    /// occurrence as two numbers, its position and its variant. One list per syllable, not
    /// one per record, keeps the index small while it is built. The index files store each
    /// occurrence as one number (see [`encode`]).
    pub flat: Vec<u32>,
    /// The last record added and where its count sits in `flat`.
    last: Option<(u32, usize)>,
}

impl Entry {
    /// An entry read back from a run written out.
    pub fn from_parts(variants: Vec<String>, flat: Vec<u32>) -> Entry {
        Entry {
            variants,
            flat,
            last: None,
        }
    }
}

/// Folded syllable → entry (the index files sort them).
pub type Index = HashMap<String, Entry>;

/// An occurrence as the index files store it: `position * VARIANTS + variant`, variants past
/// 15 stored as 15.
pub fn encode(position: u32, variant: u32) -> u32 {
    position
        .saturating_mul(VARIANTS)
        .saturating_add(variant.min(VARIANTS - 1))
}

/// Records tokenized together on all cores before their syllables go into the index.
const BATCH: usize = 4_096;

/// Adds `records` to `index`, numbered from `first` on; returns the number of occurrences
/// added. Records are split into syllables on every core, a batch at a time, and added to
/// the index in record order.
pub fn add_records(index: &mut Index, first: u32, records: &[Record]) -> usize {
    use rayon::prelude::*;
    let mut occurrences = 0;
    for (batch_number, batch) in records.chunks(BATCH).enumerate() {
        let tokenized: Vec<Vec<(u32, Token)>> = batch.par_iter().map(positioned_tokens).collect();
        for (offset, tokens) in tokenized.into_iter().enumerate() {
            let number = first + (batch_number * BATCH + offset) as u32;
            occurrences += tokens.len();
            for (position, token) in tokens {
                add(index, number, position, token);
            }
        }
    }
    occurrences
}

/// The syllables of a record with their positions: names first (a gap of two between
/// names, none past [`BODY_OFFSET`]), then the body from [`BODY_OFFSET`] on.
fn positioned_tokens(record: &Record) -> Vec<(u32, Token)> {
    let mut tokens = Vec::new();
    let mut position = 0;
    for name in std::iter::once(&record.title).chain(&record.names) {
        for token in tokenize(name) {
            if position < BODY_OFFSET {
                tokens.push((position, token));
            }
            position += 1;
        }
        position += 2; // a gap, so that no phrase runs from one name into the next
    }
    for (i, token) in tokenize(&record.body).into_iter().enumerate() {
        tokens.push((BODY_OFFSET + i as u32, token));
    }
    tokens
}

fn add(index: &mut Index, record: u32, position: u32, token: Token) {
    let entry = match index.get_mut(&token.folded) {
        Some(entry) => entry,
        None => index.entry(token.folded).or_default(),
    };
    let variant = match entry.variants.iter().position(|v| *v == token.exact) {
        Some(v) => v,
        None => {
            entry.variants.push(token.exact);
            entry.variants.len() - 1
        }
    };
    match entry.last {
        Some((last, count_at)) if last == record => entry.flat[count_at] += 1,
        previous => {
            let gap = record - previous.map_or(0, |(last, _)| last);
            entry.flat.push(gap);
            entry.flat.push(1);
            entry.last = Some((record, entry.flat.len() - 1));
        }
    }
    entry.flat.push(position);
    entry.flat.push(variant as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Entry {
        /// The postings as (record, encoded occurrences) pairs, decoded from [`Entry::flat`].
        fn postings(&self) -> Vec<(u32, Vec<u32>)> {
            let mut list = Vec::new();
            let mut record = 0;
            let mut i = 0;
            while i + 1 < self.flat.len() {
                record += self.flat[i];
                let count = self.flat[i + 1] as usize;
                let end = (i + 2 + 2 * count).min(self.flat.len());
                let pairs = self.flat[i + 2..end].chunks(2);
                list.push((record, pairs.map(|p| encode(p[0], p[1])).collect()));
                i = end;
            }
            list
        }
    }

    use crate::search::records::Kind;

    fn build(records: &[Record]) -> Index {
        let mut index = Index::new();
        add_records(&mut index, 0, records);
        index
    }

    fn record(title: &str, body: &str) -> Record {
        Record {
            kind: Kind::Section,
            title: title.into(),
            names: vec!["Sở TT&TT".into()],
            body: body.into(),
            url: String::new(),
            province: None,
            context: String::new(),
        }
    }

    #[test]
    fn postings_keep_fields_positions_and_exact_forms() {
        let index = build(&[
            record("Chuyển đổi số", "sở và số"),
            record("Khác", "so sánh"),
        ]);
        let so = &index["so"];
        assert_eq!(so.variants, ["số", "sở", "so"]);
        // record 1: "sở" of its other name at 3 (after the title and a gap of 2).
        // record 0: title position 2 ("số"), name position 5 ("sở"), body 1000 ("sở"), 1002 ("số").
        assert_eq!(
            so.postings()[0],
            (0, vec![2 * 16, 5 * 16 + 1, 1000 * 16 + 1, 1002 * 16])
        );
        assert_eq!(so.postings()[1], (1, vec![3 * 16 + 1, 1000 * 16 + 2]));
        assert_eq!(
            so.flat,
            [0, 4, 2, 0, 5, 1, 1000, 1, 1002, 0, 1, 2, 3, 1, 1000, 2],
            "gap, count, (position, variant) per occurrence per record"
        );
        assert_eq!(index["tt"].postings()[0].1, vec![6 * 16, 7 * 16]);
    }
}
