//! Finding the agency a table cell names, through canonical names and aliases.

use crate::site::Agency;
use std::collections::HashMap;

/// Normalises a name for comparison: case, repeated spaces, dash kinds, trailing dots.
pub fn normalize_name(name: &str) -> String {
    let lowered: String = name
        .chars()
        .map(|c| match c {
            '–' | '—' | '‑' => '-',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    lowered
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ',', ';'])
        .to_string()
}

/// Every name an agency answers to, by province (`None` for national bodies).
#[derive(Debug, Default)]
pub struct AgencyLookup {
    names: HashMap<(Option<String>, String), String>,
}

impl AgencyLookup {
    /// Builds the lookup from the agencies.
    pub fn new(agencies: &[Agency]) -> Self {
        let mut names = HashMap::new();
        for agency in agencies {
            let spellings = std::iter::once(&agency.name)
                .chain(agency.short_name.iter())
                .chain(agency.aliases.iter());
            for spelling in spellings {
                names
                    .entry((agency.province.clone(), normalize_name(spelling)))
                    .or_insert_with(|| agency.id.clone());
            }
        }
        AgencyLookup { names }
    }

    /// The agency that `text` names in a document of `province`: the province's own agencies
    /// first, then national bodies.
    pub fn find(&self, province: &str, text: &str) -> Option<&str> {
        let key = normalize_name(text);
        self.names
            .get(&(Some(province.to_string()), key.clone()))
            .or_else(|| self.names.get(&(None, key)))
            .map(String::as_str)
    }
}
