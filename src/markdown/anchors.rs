//! The anchors (`id`s) of one page: which are taken, and how to make another unique.

use std::collections::{HashMap, HashSet};

/// The anchors taken on one page, and for each base asked for more than once the last suffix
/// given, so that a base asked for thousands of times (a label printed on every row, a
/// heading repeated) does not try every suffix again each time.
#[derive(Debug, Default, Clone)]
pub struct Anchors {
    taken: HashSet<String>,
    suffixes: HashMap<String, usize>,
}

impl Anchors {
    /// True when `anchor` is taken.
    pub fn contains(&self, anchor: &str) -> bool {
        self.taken.contains(anchor)
    }

    /// `base`, or `base-2`, `base-3` … whichever is not taken yet (`muc` for an empty base);
    /// nothing is taken.
    pub fn next_free(&self, base: &str) -> String {
        self.first_free(base).1
    }

    /// [`Anchors::next_free`], taken.
    pub fn unique(&mut self, base: &str) -> String {
        let (suffix, anchor) = self.first_free(base);
        if suffix > 1 {
            self.suffixes.insert(base.to_string(), suffix);
        }
        self.taken.insert(anchor.clone());
        anchor
    }

    /// The first free anchor for `base` and its suffix (1 for `base` itself). Suffixes up to
    /// the last one given for `base` are all taken, and anchors are never given back.
    fn first_free(&self, base: &str) -> (usize, String) {
        let base = if base.is_empty() { "muc" } else { base };
        let mut suffix = self.suffixes.get(base).copied().unwrap_or(1);
        let mut anchor = if suffix == 1 {
            base.to_string()
        } else {
            format!("{base}-{suffix}")
        };
        while self.taken.contains(&anchor) {
            suffix += 1;
            anchor = format!("{base}-{suffix}");
        }
        (suffix, anchor)
    }
}

impl Extend<String> for Anchors {
    fn extend<I: IntoIterator<Item = String>>(&mut self, anchors: I) {
        self.taken.extend(anchors);
    }
}

impl FromIterator<String> for Anchors {
    fn from_iter<I: IntoIterator<Item = String>>(anchors: I) -> Anchors {
        let mut taken = Anchors::default();
        taken.extend(anchors);
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::Anchors;

    #[test]
    fn the_smallest_free_suffix_is_given_however_many_came_before() {
        let mut anchors: Anchors = ["a-3".to_string()].into_iter().collect();
        let given: Vec<String> = (0..5).map(|_| anchors.unique("a")).collect();
        assert_eq!(given, ["a", "a-2", "a-4", "a-5", "a-6"]);
        assert_eq!(anchors.next_free("a"), "a-7");
        assert_eq!(anchors.unique(""), "muc");
        assert!(anchors.contains("a-3") && anchors.contains("a-6"));
    }
}
