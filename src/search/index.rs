//! The inverted index: for each folded syllable, the exact forms it was written in and
//! where it occurs (record, field position, exact form).

use super::records::Record;
use super::tokenize::tokenize;
use std::collections::BTreeMap;

/// Positions from here on are in the body; below it, in the title and other names.
pub const BODY_OFFSET: u32 = 1000;
/// Occurrences are written as `position * VARIANTS + variant`.
pub const VARIANTS: u32 = 16;

/// Where one folded syllable occurs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The exact (lowercase, NFC) forms, in order of first appearance.
    pub variants: Vec<String>,
    /// For each record it occurs in (ascending): the record number and its occurrences,
    /// each `position * VARIANTS + variant` (variants past 15 are stored as 15).
    pub postings: Vec<(u32, Vec<u32>)>,
}

/// Folded syllable → entry, in sorted order.
pub type Index = BTreeMap<String, Entry>;

/// Indexes the title, other names and body of each record.
pub fn build(records: &[Record]) -> Index {
    let mut index = Index::new();
    for (number, record) in records.iter().enumerate() {
        let number = number as u32;
        let mut position = 0;
        for name in std::iter::once(&record.title).chain(&record.names) {
            for token in tokenize(name) {
                if position < BODY_OFFSET {
                    add(&mut index, number, position, token);
                }
                position += 1;
            }
            position += 2; // a gap, so that no phrase runs from one name into the next
        }
        for (i, token) in tokenize(&record.body).into_iter().enumerate() {
            add(&mut index, number, BODY_OFFSET + i as u32, token);
        }
    }
    index
}

fn add(index: &mut Index, record: u32, position: u32, token: super::tokenize::Token) {
    let entry = index.entry(token.folded).or_default();
    let variant = match entry.variants.iter().position(|v| *v == token.exact) {
        Some(v) => v,
        None => {
            entry.variants.push(token.exact);
            entry.variants.len() - 1
        }
    };
    let occurrence = position * VARIANTS + (variant as u32).min(VARIANTS - 1);
    match entry.postings.last_mut() {
        Some((last, occurrences)) if *last == record => occurrences.push(occurrence),
        _ => entry.postings.push((record, vec![occurrence])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::records::Kind;

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
            so.postings[0],
            (0, vec![2 * 16, 5 * 16 + 1, 1000 * 16 + 1, 1002 * 16])
        );
        assert_eq!(so.postings[1], (1, vec![3 * 16 + 1, 1000 * 16 + 2]));
        assert_eq!(index["tt"].postings[0].1, vec![6 * 16, 7 * 16]);
    }
}
