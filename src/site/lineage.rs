//! Which appendix rows are one project across documents: a row may say which earlier row it
//! continues (`continues: document/appendix#anchor`); every row reached that way from one
//! first row is one project, named after that first row.

use super::{Document, RowMention};
use std::collections::HashMap;

/// Where a mention is: the document's position in the site, the mention's in the document's
/// [`Document::projects`].
pub type MentionAt = (usize, usize);

/// One project: its ID and every row that mentions it, oldest document first.
#[derive(Debug, Clone)]
pub struct Project {
    /// Stable ID, used in its URL `/du-an/<id>/`: its first row's document, appendix and
    /// anchor (`kh-10693-2020-iv-i-2-1`).
    pub id: String,
    /// Its mentions, oldest document first.
    pub mentions: Vec<MentionAt>,
}

/// While the site has at most this many project rows, every project has a page; past it (a
/// national site, where one page per row would multiply the pages many times over), only the
/// projects that more than one row mentions, and the others link to their row.
pub const PAGES_FOR_EVERY_PROJECT_UP_TO: usize = 5_000;

/// Every project of the site.
#[derive(Debug, Clone, Default)]
pub struct Lineage {
    projects: Vec<Project>,
    /// Whether every project has a page ([`PAGES_FOR_EVERY_PROJECT_UP_TO`]).
    pages_for_all: bool,
    of_mention: HashMap<MentionAt, usize>,
    by_id: HashMap<String, usize>,
}

/// A reference to a row as `continues` writes it: `document/appendix#anchor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowRef<'a> {
    /// Document ID.
    pub document: &'a str,
    /// Appendix ID.
    pub appendix: &'a str,
    /// Row anchor.
    pub anchor: &'a str,
}

impl<'a> RowRef<'a> {
    /// Reads `document/appendix#anchor`; `None` when it is not of that shape.
    pub fn parse(text: &'a str) -> Option<RowRef<'a>> {
        let (document, rest) = text.trim().split_once('/')?;
        let (appendix, anchor) = rest.split_once('#')?;
        [document, appendix, anchor]
            .iter()
            .all(|part| is_slug(part))
            .then_some(RowRef {
                document,
                appendix,
                anchor,
            })
    }
}

/// Lowercase ASCII words and digits joined by hyphens, as every ID and anchor is.
fn is_slug(part: &str) -> bool {
    !part.is_empty()
        && !part.starts_with('-')
        && !part.ends_with('-')
        && part
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The years a mention's money is for (see [`Document::appendix_period`]).
pub fn period_of(documents: &[Document], (d, k): MentionAt) -> Option<crate::model::Period> {
    let document = documents.get(d)?;
    document.appendix_period(document.projects.get(k)?.appendix)
}

/// Whether the amounts of two mentions speak of the same money: their periods share a year,
/// or one of them gives none.
pub fn same_money(documents: &[Document], a: MentionAt, b: MentionAt) -> bool {
    match (period_of(documents, a), period_of(documents, b)) {
        (Some(a), Some(b)) => a.overlaps(b),
        _ => true,
    }
}

/// The mention `reference` names among `documents`, if there is one.
pub fn find(documents: &[Document], reference: &RowRef) -> Option<MentionAt> {
    let (d, document) = documents
        .iter()
        .enumerate()
        .find(|(_, d)| d.id == reference.document)?;
    let appendix = document
        .appendices
        .iter()
        .position(|a| a.id == reference.appendix)?;
    let k = document
        .projects
        .iter()
        .position(|m| m.appendix == appendix && m.anchor == reference.anchor)?;
    Some((d, k))
}

/// The project ID of a first row.
fn project_id(document: &Document, mention: &RowMention) -> String {
    let appendix = document
        .appendices
        .get(mention.appendix)
        .map_or("", |a| a.id.as_str());
    let anchor = mention.anchor.strip_prefix("r-").unwrap_or(&mention.anchor);
    format!("{}-{appendix}-{anchor}", document.id)
}

impl Lineage {
    /// Follows every row's `continues` among `documents` (in site order). Links that lead
    /// nowhere or round in a circle are left out: the check reports them.
    pub fn build(documents: &[Document]) -> Lineage {
        let mut index: HashMap<(&str, &str, &str), MentionAt> = HashMap::new();
        for (d, document) in documents.iter().enumerate() {
            for (k, mention) in document.projects.iter().enumerate() {
                if let Some(appendix) = document.appendices.get(mention.appendix) {
                    index.insert(
                        (
                            document.id.as_str(),
                            appendix.id.as_str(),
                            mention.anchor.as_str(),
                        ),
                        (d, k),
                    );
                }
            }
        }
        let parent = |at: MentionAt| -> Option<MentionAt> {
            let mention = documents.get(at.0)?.projects.get(at.1)?;
            let reference = RowRef::parse(mention.continues.as_deref()?)?;
            index
                .get(&(reference.document, reference.appendix, reference.anchor))
                .copied()
        };
        let mut root_of: HashMap<MentionAt, MentionAt> = HashMap::new();
        for (d, document) in documents.iter().enumerate() {
            for k in 0..document.projects.len() {
                let mut at = (d, k);
                let mut seen = vec![at];
                while let Some(up) = parent(at) {
                    if seen.contains(&up) {
                        break;
                    }
                    seen.push(up);
                    at = up;
                }
                root_of.insert((d, k), at);
            }
        }
        let mut lineage = Lineage {
            pages_for_all: root_of.len() <= PAGES_FOR_EVERY_PROJECT_UP_TO,
            ..Lineage::default()
        };
        let mut project_of_root: HashMap<MentionAt, usize> = HashMap::new();
        // Roots in site order, so that project positions are stable.
        let mut order: Vec<(MentionAt, MentionAt)> = root_of.into_iter().collect();
        order.sort();
        for (at, root) in order {
            let position = *project_of_root.entry(root).or_insert_with(|| {
                let (d, k) = root;
                let id = documents
                    .get(d)
                    .and_then(|doc| Some(project_id(doc, doc.projects.get(k)?)))
                    .unwrap_or_default();
                lineage.projects.push(Project {
                    id,
                    mentions: Vec::new(),
                });
                lineage.projects.len() - 1
            });
            lineage.projects[position].mentions.push(at);
            lineage.of_mention.insert(at, position);
        }
        for project in &mut lineage.projects {
            project.mentions.sort_by(|a, b| {
                let issued = |at: &MentionAt| documents.get(at.0).map(|d| d.issued.as_str());
                issued(a)
                    .cmp(&issued(b))
                    .then_with(|| b.0.cmp(&a.0))
                    .then_with(|| a.1.cmp(&b.1))
            });
        }
        lineage.by_id = lineage
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        lineage
    }

    /// Every project, in site order of their first rows.
    pub fn projects(&self) -> &[Project] {
        &self.projects
    }

    /// The project a mention belongs to.
    pub fn project_of(&self, at: MentionAt) -> Option<&Project> {
        self.of_mention.get(&at).and_then(|&i| self.projects.get(i))
    }

    /// Whether `project` has a page of its own (see [`PAGES_FOR_EVERY_PROJECT_UP_TO`]).
    pub fn has_page(&self, project: &Project) -> bool {
        self.pages_for_all || project.mentions.len() > 1
    }

    /// The project of a mention, when it has a page.
    pub fn page_of(&self, at: MentionAt) -> Option<&Project> {
        self.project_of(at).filter(|p| self.has_page(p))
    }

    /// The project ID of each project row of the document at `position` of `documents`,
    /// by appendix position and row anchor.
    pub fn ids_of<'a>(
        &'a self,
        documents: &'a [Document],
        position: usize,
    ) -> HashMap<(usize, &'a str), &'a str> {
        self.ids_where(documents, position, false)
    }

    /// [`Lineage::ids_of`] for the projects that have a page.
    pub fn page_ids_of<'a>(
        &'a self,
        documents: &'a [Document],
        position: usize,
    ) -> HashMap<(usize, &'a str), &'a str> {
        self.ids_where(documents, position, true)
    }

    fn ids_where<'a>(
        &'a self,
        documents: &'a [Document],
        position: usize,
        with_page: bool,
    ) -> HashMap<(usize, &'a str), &'a str> {
        let Some(document) = documents.get(position) else {
            return HashMap::new();
        };
        document
            .projects
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let project = self
                    .project_of((position, k))
                    .filter(|p| !with_page || self.has_page(p))?;
                Some(((m.appendix, m.anchor.as_str()), project.id.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::RowRef;

    #[test]
    fn row_references_have_three_parts() {
        assert_eq!(
            RowRef::parse("kh-10693-2020/iv#r-i-2-1"),
            Some(RowRef {
                document: "kh-10693-2020",
                appendix: "iv",
                anchor: "r-i-2-1"
            })
        );
        assert_eq!(RowRef::parse("kh-10693-2020#r-1"), None);
        assert_eq!(RowRef::parse("kh-10693-2020/iv"), None);
        assert_eq!(RowRef::parse("kh/iv#R 1"), None);
        assert_eq!(RowRef::parse("../x/iv#r-1"), None);
    }
}
