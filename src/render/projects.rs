//! The projects of the whole site (data rows of appendices with an amount column), for the
//! lists of each province's and each agency's projects. Each project's table row is rendered
//! once, when its document is written, and kept in scratch space, not in memory: memory holds
//! only where the row is, its amount and whose it is. A list page joins its rows.

use crate::scratch::{ScratchReader, ScratchWriter};
use crate::site::{Document, RowMention, Site};
use anyhow::{Context as _, Result};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// One project: its document and appendix, and its row as project lists show it.
pub struct Project<'a> {
    /// The document.
    pub document: &'a Document,
    /// The row.
    pub row: &'a RowMention,
    /// The ID of the project's page, when it has one.
    pub page: Option<&'a str>,
}

/// Where a project's rendered row is in scratch space, its amount, and the positions of its
/// document in the site and of its appendix in the document.
struct Entry {
    at: u64,
    len: u32,
    amount: Option<Decimal>,
    document: u32,
    appendix: u32,
}

/// A project's appendix (its position in its document), its rendered row and its summary.
type RenderedProject<'a> = (u32, String, &'a RowMention);

/// Renders a project's table row (HTML) with its amount in triệu đồng.
pub type RenderRow<'r> = dyn Fn(&Project, Option<Decimal>) -> Result<String> + Sync + 'r;

/// Every project's entry, with the positions of each province's and each agency's.
#[derive(Default)]
struct Lists<'a> {
    entries: Vec<Entry>,
    by_province: HashMap<&'a str, Vec<u32>>,
    by_agency: HashMap<&'a str, Vec<u32>>,
    /// How each appendix (document, appendix) first prints each agency, for a link to the
    /// appendix's table filtered to that agency.
    printed_agency: HashMap<&'a str, HashMap<(u32, u32), String>>,
}

/// The projects being gathered, document by document in site order.
pub struct ProjectStore<'a> {
    site: &'a Site,
    lines: ScratchWriter,
    lists: Lists<'a>,
}

impl<'a> ProjectStore<'a> {
    /// An empty store for the projects of `site`, their lines kept in `scratch` (in memory
    /// without one).
    pub fn new(site: &'a Site, scratch: Option<&Path>) -> Result<ProjectStore<'a>> {
        Ok(ProjectStore {
            site,
            lines: ScratchWriter::new(scratch)?,
            lists: Lists::default(),
        })
    }

    /// Adds the projects of the documents at positions `first`, `first` + 1 … of the site
    /// (`whole` are those documents read whole; their project rows were kept with them at
    /// the check), their rows rendered by `render` on every core.
    pub fn add(&mut self, first: usize, whole: &[Document], render: &RenderRow) -> Result<()> {
        use rayon::prelude::*;
        let site = self.site;
        let rendered: Vec<(usize, &'a str, Vec<RenderedProject<'a>>)> = whole
            .par_iter()
            .enumerate()
            .map(|(i, document)| {
                let slim = site
                    .documents
                    .get(first + i)
                    .filter(|d| d.id == document.id)
                    .context("văn bản không khớp vị trí của nó trong cổng")?;
                // The rows were kept with the document when it was checked.
                let ids = site.lineage.page_ids_of(&site.documents, first + i);
                let mut rows = Vec::new();
                for row in &slim.projects {
                    if slim.appendices.get(row.appendix).is_none() {
                        continue;
                    }
                    let project = Project {
                        document: slim,
                        row,
                        page: ids.get(&(row.appendix, row.anchor.as_str())).copied(),
                    };
                    let html = render(&project, row.amount)?;
                    rows.push((u32::try_from(row.appendix)?, html, row));
                }
                Ok((first + i, slim.province.as_str(), rows))
            })
            .collect::<Result<_>>()?;
        for (document, province, rows) in rendered {
            let document = u32::try_from(document)?;
            for (appendix, html, row) in rows {
                self.push((document, appendix), province, &html, row)?;
            }
        }
        Ok(())
    }

    fn push(
        &mut self,
        (document, appendix): (u32, u32),
        province: &'a str,
        html: &str,
        row: &RowMention,
    ) -> Result<()> {
        let lists = &mut self.lists;
        let number = lists.entries.len() as u32;
        let at = self.lines.append(html.as_bytes())?;
        lists.entries.push(Entry {
            at,
            len: u32::try_from(html.len())?,
            amount: row.amount,
            document,
            appendix,
        });
        lists.by_province.entry(province).or_default().push(number);
        for id in row.agencies.iter() {
            let Some(agency) = self.site.agency(id) else {
                continue;
            };
            let list = lists.by_agency.entry(agency.id.as_str()).or_default();
            if list.last() != Some(&number) {
                list.push(number);
            }
            lists
                .printed_agency
                .entry(agency.id.as_str())
                .or_default()
                .entry((document, appendix))
                .or_insert_with(|| row.agency.to_string());
        }
        Ok(())
    }

    /// Ends the gathering.
    pub fn finish(self) -> Result<ProjectIndex<'a>> {
        Ok(ProjectIndex {
            lines: self.lines.finish()?,
            lists: self.lists,
        })
    }
}

/// Every project once, with the projects of each province and of each agency, so that each
/// list page takes its rows without scanning the whole site again.
pub struct ProjectIndex<'a> {
    lines: ScratchReader,
    lists: Lists<'a>,
}

impl<'a> ProjectIndex<'a> {
    /// Number of projects in the site.
    pub fn len(&self) -> usize {
        self.lists.entries.len()
    }

    /// The projects of a province, in site order.
    pub fn of_province(&self, id: &str) -> ProjectList<'_, 'a> {
        self.pick(self.lists.by_province.get(id))
    }

    /// How the appendix at (`document`, `appendix`) first prints `agency` in its rows.
    pub fn printed_agency(&self, document: usize, appendix: usize, agency: &str) -> Option<&str> {
        let key = (u32::try_from(document).ok()?, u32::try_from(appendix).ok()?);
        self.lists
            .printed_agency
            .get(agency)?
            .get(&key)
            .map(String::as_str)
    }

    /// The projects an agency leads, in site order.
    pub fn of_agency(&self, id: &str) -> ProjectList<'_, 'a> {
        self.pick(self.lists.by_agency.get(id))
    }

    fn pick<'i>(&'i self, positions: Option<&'i Vec<u32>>) -> ProjectList<'i, 'a> {
        ProjectList {
            index: self,
            positions: positions.map(Vec::as_slice).unwrap_or_default(),
        }
    }
}

/// How many projects one appendix lists, and their total (see [`ProjectList::by_appendix`]).
pub struct AppendixProjects {
    /// The document's position in the site.
    pub document: usize,
    /// The appendix's position in the document.
    pub appendix: usize,
    /// How many projects.
    pub count: usize,
    /// Their total, in triệu đồng.
    pub total: Decimal,
}

/// Some projects of a [`ProjectIndex`], in site order.
pub struct ProjectList<'i, 'a> {
    index: &'i ProjectIndex<'a>,
    positions: &'i [u32],
}

impl<'a> ProjectList<'_, 'a> {
    /// Number of projects.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The projects of each appendix, in site order: where the appendix is, how many
    /// projects it lists, and their total. Appendices are never added together: a report
    /// lists again the projects of the plan it reports on, and a plan those of the period
    /// before it.
    pub fn by_appendix(&self) -> Vec<AppendixProjects> {
        let mut found: Vec<AppendixProjects> = Vec::new();
        for entry in self
            .positions
            .iter()
            .filter_map(|&i| self.index.lists.entries.get(i as usize))
        {
            let (document, appendix) = (entry.document as usize, entry.appendix as usize);
            match found.last_mut() {
                Some(last) if (last.document, last.appendix) == (document, appendix) => {
                    last.count += 1;
                    last.total += entry.amount.unwrap_or_default();
                }
                _ => found.push(AppendixProjects {
                    document,
                    appendix,
                    count: 1,
                    total: entry.amount.unwrap_or_default(),
                }),
            }
        }
        found
    }

    /// The rendered rows of projects `start..start + count`, read back.
    pub fn rows(&self, start: usize, count: usize) -> Result<Vec<String>> {
        self.positions
            .iter()
            .skip(start)
            .take(count)
            .filter_map(|&i| self.index.lists.entries.get(i as usize))
            .map(|entry| {
                let bytes = self.index.lines.read(entry.at, entry.len as usize)?;
                Ok(String::from_utf8(bytes)?)
            })
            .collect()
    }
}
