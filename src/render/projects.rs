//! The projects of the whole site (data rows of appendices with an amount column), for the
//! lists of each province's and each agency's projects. Each project's line is kept in
//! scratch space, not in memory: memory holds only where it is, its amount and whose it is.

use crate::scratch::{ScratchReader, ScratchWriter, read_text, read_u32, write_text};
use crate::site::{Appendix, Document, ProjectSummary, Site};
use anyhow::{Context as _, Result};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

/// One project: its document and appendix, and its row as project lists show it.
pub struct Project<'a> {
    /// The document.
    pub document: &'a Document,
    /// The appendix.
    pub appendix: &'a Appendix,
    /// The row.
    pub row: ProjectSummary,
}

/// Where a project is: its document and appendix, its line in scratch space, its amount.
struct Entry {
    document: u32,
    appendix: u32,
    at: u64,
    len: u32,
    amount: Option<Decimal>,
}

/// Every project's entry, with the positions of each province's and each agency's.
#[derive(Default)]
struct Lists<'a> {
    entries: Vec<Entry>,
    by_province: HashMap<&'a str, Vec<u32>>,
    by_agency: HashMap<&'a str, Vec<u32>>,
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

    /// Adds the projects of `whole`, the document at `position` of the site, read whole.
    pub fn add(&mut self, position: usize, whole: &Document) -> Result<()> {
        let slim = self
            .site
            .documents
            .get(position)
            .filter(|d| d.id == whole.id)
            .context("văn bản không khớp vị trí của nó trong cổng")?;
        let lists = &mut self.lists;
        for (a, appendix) in whole.appendices.iter().enumerate() {
            for row in appendix.project_summaries() {
                let number = lists.entries.len() as u32;
                let bytes = encode(&row)?;
                let at = self.lines.append(&bytes)?;
                lists.entries.push(Entry {
                    document: position as u32,
                    appendix: a as u32,
                    at,
                    len: bytes.len() as u32,
                    amount: row.amount,
                });
                lists
                    .by_province
                    .entry(slim.province.as_str())
                    .or_default()
                    .push(number);
                for id in &row.agencies {
                    let Some(agency) = self.site.agency(id) else {
                        continue;
                    };
                    let list = lists.by_agency.entry(agency.id.as_str()).or_default();
                    if list.last() != Some(&number) {
                        list.push(number);
                    }
                }
            }
        }
        Ok(())
    }

    /// Ends the gathering.
    pub fn finish(self) -> Result<ProjectIndex<'a>> {
        Ok(ProjectIndex {
            site: self.site,
            lines: self.lines.finish()?,
            lists: self.lists,
        })
    }
}

fn encode(row: &ProjectSummary) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    for text in [
        &row.anchor,
        &row.name,
        &row.agency,
        &row.period,
        &row.funding,
        &row.status,
    ] {
        write_text(&mut bytes, text)?;
    }
    bytes.extend_from_slice(&(row.agencies.len() as u32).to_le_bytes());
    for id in &row.agencies {
        write_text(&mut bytes, id)?;
    }
    Ok(bytes)
}

fn decode(bytes: &[u8], amount: Option<Decimal>) -> Result<ProjectSummary> {
    let mut reader = bytes;
    let mut text = || -> Result<String> {
        read_text(&mut reader)?.context("dòng dự án trong tệp tạm bị cắt cụt")
    };
    let (anchor, name, agency, period, funding, status) =
        (text()?, text()?, text()?, text()?, text()?, text()?);
    let count = read_u32(&mut reader)?;
    let agencies = (0..count)
        .map(|_| read_text(&mut reader)?.context("dòng dự án trong tệp tạm bị cắt cụt"))
        .collect::<Result<Vec<_>>>()?;
    Ok(ProjectSummary {
        anchor,
        name,
        agency,
        agencies,
        period,
        funding,
        status,
        amount,
    })
}

/// Every project once, with the projects of each province and of each agency, so that each
/// list page takes its rows without scanning the whole site again.
pub struct ProjectIndex<'a> {
    site: &'a Site,
    lines: ScratchReader,
    lists: Lists<'a>,
}

impl<'a> ProjectIndex<'a> {
    /// Number of projects in the site.
    pub fn len(&self) -> usize {
        self.lists.entries.len()
    }

    /// True when the site has no projects.
    pub fn is_empty(&self) -> bool {
        self.lists.entries.is_empty()
    }

    /// The projects of a province, in site order.
    pub fn of_province(&self, id: &str) -> ProjectList<'_, 'a> {
        self.pick(self.lists.by_province.get(id))
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

    /// Their amounts added up, in triệu đồng.
    pub fn total(&self) -> Decimal {
        self.positions
            .iter()
            .filter_map(|&i| self.index.lists.entries.get(i as usize)?.amount)
            .sum()
    }

    /// Projects `start..start + count`, read back, with their amounts.
    pub fn slice(&self, start: usize, count: usize) -> Result<Vec<(Project<'a>, Option<Decimal>)>> {
        let site = self.index.site;
        self.positions
            .iter()
            .skip(start)
            .take(count)
            .filter_map(|&i| self.index.lists.entries.get(i as usize))
            .map(|entry| {
                let document = site
                    .documents
                    .get(entry.document as usize)
                    .context("dự án trỏ tới văn bản không có")?;
                let appendix = document
                    .appendices
                    .get(entry.appendix as usize)
                    .context("dự án trỏ tới phụ lục không có")?;
                let bytes = self.index.lines.read(entry.at, entry.len as usize)?;
                let row = decode(&bytes, entry.amount)?;
                Ok((
                    Project {
                        document,
                        appendix,
                        row,
                    },
                    entry.amount,
                ))
            })
            .collect()
    }
}
