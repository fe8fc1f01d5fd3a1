//! The pages that say who publishes the portal and how to find one's way in it: the index
//! of provinces (`tinh/`), of documents (`van-ban/`), the "Giới thiệu" page, and lists of
//! documents where a decision carries the plan it issues.

use super::views::{DocumentSummary, Link, document_summary};
use crate::model::{DocumentKind, RelationType};
use crate::site::{Document, Site};
use crate::urls;
use crate::vietnamese::format_count as count_text;
use serde::Serialize;
use std::collections::HashSet;

/// `documents` (in the order given) as a list reads them: a decision carries, under
/// `issues`, the documents it issues (a plan "ban hành kèm theo" it), which are then not
/// listed again on their own. A plan whose decision is not in `documents` stays in its place.
pub fn grouped_documents(site: &Site, documents: &[&Document]) -> Vec<DocumentSummary> {
    let listed: HashSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    documents
        .iter()
        .filter(|d| {
            site.issuing_decision(&d.id)
                .is_none_or(|decision| !listed.contains(decision.id.as_str()))
        })
        .map(|d| {
            let mut summary = document_summary(site, d);
            summary.issues = issued_by(site, d)
                .into_iter()
                .map(|plan| document_summary(site, plan))
                .collect();
            summary
        })
        .collect()
}

/// The documents of the content that `decision` issues, in the order it names them.
fn issued_by<'a>(site: &'a Site, decision: &Document) -> Vec<&'a Document> {
    if decision.kind != DocumentKind::Decision {
        return Vec::new();
    }
    decision
        .relations
        .iter()
        .filter(|r| r.kind == RelationType::Issues)
        .filter_map(|r| site.document(r.document.as_deref()?))
        .collect()
}

/// A province on the index of provinces.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceEntry<'a> {
    /// Its ID.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its page.
    pub url: String,
    /// Its region.
    pub region: Option<&'a str>,
    /// How many documents.
    pub documents: usize,
    /// How many documents, as printed.
    pub documents_text: String,
    /// How many targets, as printed.
    pub targets_text: String,
    /// The province it is now part of.
    pub merged_into: Option<Link>,
}

/// The index of provinces.
#[derive(Debug, Clone, Serialize)]
pub struct ProvincesIndex<'a> {
    /// Every province.
    pub provinces: Vec<ProvinceEntry<'a>>,
    /// How many, as printed.
    pub count_text: String,
}

/// `tinh/`: every province with documents, with its counts and where it now belongs.
pub fn provinces_index(site: &Site) -> ProvincesIndex<'_> {
    let provinces = site
        .provinces
        .iter()
        .map(|p| {
            let documents = site.documents.iter().filter(|d| d.province == p.id).count();
            let targets: usize = site
                .documents
                .iter()
                .filter(|d| d.province == p.id)
                .map(|d| d.targets.len())
                .sum();
            ProvinceEntry {
                id: &p.id,
                name: &p.name,
                url: urls::province(&p.id),
                region: p.region.as_deref(),
                documents,
                documents_text: count_text(documents),
                targets_text: count_text(targets),
                merged_into: p
                    .merged_into
                    .as_deref()
                    .and_then(|id| site.province(id))
                    .map(|m| Link {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        url: urls::province(&m.id),
                    }),
            }
        })
        .collect();
    ProvincesIndex {
        provinces,
        count_text: count_text(site.provinces.len()),
    }
}

/// The most documents `van-ban/` lists one by one; past it (a national site), it lists the
/// provinces, whose pages list their documents.
pub const DOCUMENTS_ON_INDEX: usize = 1_000;

/// The documents of one province on the index of documents.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentGroup {
    /// The province's ID, its anchor.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its page (which lists its documents when the index does not).
    pub url: String,
    /// How many documents, as printed.
    pub count_text: String,
    /// Its documents, while the index lists them.
    pub documents: Vec<DocumentSummary>,
}

/// The index of documents.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentsIndex {
    /// The documents by province.
    pub groups: Vec<DocumentGroup>,
    /// True when it lists every document.
    pub listed: bool,
    /// How many documents, as printed.
    pub count_text: String,
}

/// `van-ban/`: every document by province, newest first, a decision with the plan it issues.
pub fn documents_index(site: &Site, listed_at_most: usize) -> DocumentsIndex {
    let listed = site.documents.len() <= listed_at_most;
    let groups = site
        .provinces
        .iter()
        .filter_map(|p| {
            let mine: Vec<&Document> = site
                .documents
                .iter()
                .filter(|d| d.province == p.id)
                .collect();
            (!mine.is_empty()).then(|| DocumentGroup {
                id: p.id.clone(),
                name: p.name.clone(),
                url: urls::province(&p.id),
                count_text: count_text(mine.len()),
                documents: if listed {
                    grouped_documents(site, &mine)
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    DocumentsIndex {
        groups,
        listed,
        count_text: count_text(site.documents.len()),
    }
}

/// The "Giới thiệu" page's figures, as printed.
#[derive(Debug, Clone, Serialize)]
pub struct AboutPage {
    /// How many documents.
    pub documents_text: String,
    /// How many provinces have documents.
    pub provinces_text: String,
    /// How many appendices.
    pub appendices_text: String,
    /// How many rows.
    pub rows_text: String,
    /// How many targets.
    pub targets_text: String,
    /// How many documents have their signed original.
    pub originals_text: String,
    /// When the portal was last updated, `09/10/2020`.
    pub updated: Option<String>,
}

/// `gioi-thieu/`: who publishes the portal, what, how often and how the figures are checked.
pub fn about_page(site: &Site) -> AboutPage {
    let appendices: usize = site.documents.iter().map(|d| d.appendices.len()).sum();
    let rows: usize = site
        .documents
        .iter()
        .flat_map(|d| &d.appendices)
        .map(|a| a.row_count)
        .sum();
    let targets: usize = site.documents.iter().map(|d| d.targets.len()).sum();
    let provinces = site
        .provinces
        .iter()
        .filter(|p| site.documents.iter().any(|d| d.province == p.id))
        .count();
    let originals = site
        .documents
        .iter()
        .filter(|d| original_of(d).is_some())
        .count();
    AboutPage {
        documents_text: count_text(site.documents.len()),
        provinces_text: count_text(provinces),
        appendices_text: count_text(appendices),
        rows_text: count_text(rows),
        targets_text: count_text(targets),
        originals_text: count_text(originals),
        updated: site.updated().map(|d| d.short()),
    }
}

/// Where the signed original of `document` is: a PDF of its `files/` folder published beside
/// its page (site path), else the address of `original_url`. `(address, is_internal)`.
pub fn original_of(document: &Document) -> Option<(String, bool)> {
    document
        .attachments
        .iter()
        .find(|a| a.media_type == "application/pdf")
        .map(|a| (a.path(&document.id), true))
        .or_else(|| document.original_url.clone().map(|u| (u, false)))
}

/// Where a document's signed original is.
#[derive(Debug, Clone, Serialize)]
pub struct Original {
    /// Its address: a site path when it is published here, else a full URL.
    pub url: String,
    /// True when it is published here.
    pub internal: bool,
}

/// What a document's page adds about its publication.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentExtras {
    /// When the portal last updated it, `09/10/2020`.
    pub updated: Option<String>,
    /// Its signed original.
    pub original: Option<Original>,
}

/// What a document's page adds about its publication: its update date and its original.
pub fn document_extras(document: &Document) -> DocumentExtras {
    DocumentExtras {
        updated: document.updated.as_ref().map(|d| d.short()),
        original: original_of(document).map(|(url, internal)| Original { url, internal }),
    }
}
