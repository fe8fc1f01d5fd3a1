//! The pages that say who publishes the portal and how to find one's way in it: the index
//! of provinces (`tinh/`), of documents (`van-ban/`), the "Giới thiệu" page, and lists of
//! documents where a decision carries the plan it issues.

use super::views::document_summary;
use crate::model::{DocumentKind, RelationType};
use crate::site::{Document, Site};
use crate::vietnamese::format_count as count_text;
use crate::vietnamese::short_date;
use serde_json::{Value, json};
use std::collections::HashSet;

/// `documents` (in the order given) as a list reads them: a decision carries, under
/// `issues`, the documents it issues (a plan "ban hành kèm theo" it), which are then not
/// listed again on their own. A plan whose decision is not in `documents` stays in its place.
pub fn grouped_documents(site: &Site, documents: &[&Document]) -> Vec<Value> {
    let listed: HashSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    documents
        .iter()
        .filter(|d| {
            site.issuing_decision(&d.id)
                .is_none_or(|decision| !listed.contains(decision.id.as_str()))
        })
        .map(|d| {
            let mut summary = document_summary(site, d);
            let issued: Vec<Value> = issued_by(site, d)
                .into_iter()
                .map(|plan| document_summary(site, plan))
                .collect();
            if !issued.is_empty() {
                summary["issues"] = Value::Array(issued);
            }
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

/// `tinh/`: every province with documents, with its counts and where it now belongs.
pub fn provinces_index(site: &Site) -> Value {
    let provinces: Vec<Value> = site
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
            json!({
                "id": p.id,
                "name": p.name,
                "region": p.region,
                "documents": documents,
                "documents_text": count_text(documents),
                "targets_text": count_text(targets),
                "merged_into": p.merged_into.as_deref().and_then(|id| site.province(id)).map(|m| json!({"id": m.id, "name": m.name})),
            })
        })
        .collect();
    json!({
        "provinces": provinces,
        "count_text": count_text(site.provinces.len()),
    })
}

/// The most documents `van-ban/` lists one by one; past it (a national site), it lists the
/// provinces, whose pages list their documents.
pub const DOCUMENTS_ON_INDEX: usize = 1_000;

/// `van-ban/`: every document by province, newest first, a decision with the plan it issues.
pub fn documents_index(site: &Site, listed_at_most: usize) -> Value {
    let listed = site.documents.len() <= listed_at_most;
    let groups: Vec<Value> = site
        .provinces
        .iter()
        .filter_map(|p| {
            let mine: Vec<&Document> = site
                .documents
                .iter()
                .filter(|d| d.province == p.id)
                .collect();
            (!mine.is_empty()).then(|| {
                json!({
                    "id": p.id,
                    "name": p.name,
                    "count_text": count_text(mine.len()),
                    "documents": if listed { grouped_documents(site, &mine) } else { Vec::new() },
                })
            })
        })
        .collect();
    json!({
        "groups": groups,
        "listed": listed,
        "count_text": count_text(site.documents.len()),
    })
}

/// `gioi-thieu/`: who publishes the portal, what, how often and how the figures are checked.
pub fn about_page(site: &Site) -> Value {
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
    json!({
        "documents_text": count_text(site.documents.len()),
        "provinces_text": count_text(provinces),
        "appendices_text": count_text(appendices),
        "rows_text": count_text(rows),
        "targets_text": count_text(targets),
        "originals_text": count_text(originals),
        "updated": site.updated().map(|d| short_date(&d)),
    })
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

/// What a document's page adds about its publication: its update date and its original.
pub fn document_extras(document: &Document) -> Value {
    let original = original_of(document);
    json!({
        "updated": document.updated.as_deref().map(short_date),
        "original": original.as_ref().map(|(url, internal)| json!({"url": url, "internal": internal})),
    })
}
