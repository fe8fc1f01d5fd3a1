//! What search finds: one record per document, section part (with its heading anchor),
//! appendix and appendix row, target, agency and province.

use crate::model::ColumnRole;
use crate::site::{Appendix, Document, Section, Site};

/// The kind of a search record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole document.
    Document,
    /// A part of a section, from one heading to the next.
    Section,
    /// An appendix table or one of its rows.
    Appendix,
    /// A target (chỉ tiêu).
    Target,
    /// An agency.
    Agency,
    /// A province.
    Province,
    /// A shared indicator, whose page compares the provinces.
    Indicator,
    /// An abbreviation of the glossary.
    Glossary,
}

impl Kind {
    /// Every kind, in the order the search page lists them.
    pub const ALL: [Kind; 8] = [
        Kind::Document,
        Kind::Section,
        Kind::Appendix,
        Kind::Target,
        Kind::Agency,
        Kind::Province,
        Kind::Indicator,
        Kind::Glossary,
    ];

    /// The kind's name on the search page.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Document => "Văn bản",
            Kind::Section => "Nội dung văn bản",
            Kind::Appendix => "Phụ lục",
            Kind::Target => "Chỉ tiêu",
            Kind::Agency => "Cơ quan",
            Kind::Province => "Tỉnh",
            Kind::Indicator => "Chỉ số so sánh",
            Kind::Glossary => "Thuật ngữ",
        }
    }

    /// What a result of this kind adds to its score: a province's or a document's page ranks a
    /// little above the parts that name it. Written into the index's metadata by name
    /// (`weights.kindPrior`), where the search page reads it.
    pub fn prior(self) -> f64 {
        match self {
            Kind::Province | Kind::Indicator => 2.0,
            Kind::Document | Kind::Glossary => 1.5,
            Kind::Agency => 1.0,
            Kind::Section | Kind::Appendix | Kind::Target => 0.0,
        }
    }

    /// The kind's position in [`Kind::ALL`].
    pub fn index(self) -> usize {
        Kind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// One thing search can find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// What it is.
    pub kind: Kind,
    /// Its heading (matches here rank above the body).
    pub title: String,
    /// Other names that find it as if they were its title (agency aliases).
    pub names: Vec<String>,
    /// Its text.
    pub body: String,
    /// Its URL relative to the site root, with the anchor: `van-ban/x/#phan-i`.
    pub url: String,
    /// The province ID, when it has one.
    pub province: Option<String>,
    /// The document it belongs to, as the reader knows it: `Kế hoạch 10693/KH-UBND`.
    pub context: String,
}

/// The records of `documents`, in their order (made on every core).
pub fn document_records(site: &Site, documents: &[Document]) -> Vec<Record> {
    use rayon::prelude::*;
    let parts: Vec<Vec<Record>> = documents
        .par_iter()
        .map(|document| {
            let mut list = Vec::new();
            records_of_document(site, document, &mut list);
            list
        })
        .collect();
    parts.into_iter().flatten().collect()
}

/// The records of the agencies, the provinces, the indicators and the glossary: they follow
/// the documents' records. Each has a body a reader can judge it by: an agency's province,
/// other names and documents; a province's region, note and documents; an indicator's
/// definition and where the provinces differ; an abbreviation's full form.
pub fn registry_records(site: &Site) -> Vec<Record> {
    let mut list = Vec::new();
    let labels = |documents: &mut dyn Iterator<Item = &Document>| -> String {
        documents.map(document_label).collect::<Vec<_>>().join("; ")
    };
    for agency in &site.agencies {
        let mut names: Vec<String> = agency.short_name.iter().cloned().collect();
        names.extend(agency.aliases.iter().cloned());
        let province = agency.province.as_deref().and_then(|p| site.province(p));
        let issued = labels(&mut site.documents.iter().filter(|d| d.issuer == agency.id));
        let mut body: Vec<String> = province
            .map(|p| format!("Tỉnh {}", p.name))
            .into_iter()
            .collect();
        if !names.is_empty() {
            body.push(format!("Tên khác trong văn bản: {}", names.join("; ")));
        }
        if !issued.is_empty() {
            body.push(format!("Văn bản ban hành: {issued}"));
        }
        list.push(Record {
            kind: Kind::Agency,
            title: agency.name.clone(),
            names,
            body: body.join(". "),
            url: crate::urls::agency(&agency.id),
            province: agency.province.clone(),
            context: String::new(),
        });
    }
    for province in &site.provinces {
        let documents = labels(&mut site.documents.iter().filter(|d| d.province == province.id));
        let mut body: Vec<String> = [province.region.as_deref(), province.note.as_deref()]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect();
        if !documents.is_empty() {
            body.push(format!("Văn bản: {documents}"));
        }
        list.push(Record {
            kind: Kind::Province,
            title: format!("Tỉnh {}", province.name),
            names: province.aliases.clone(),
            body: body.join(". "),
            url: crate::urls::province(&province.id),
            province: Some(province.id.clone()),
            context: String::new(),
        });
    }
    for indicator in &site.indicators {
        list.push(Record {
            kind: Kind::Indicator,
            title: indicator.name.clone(),
            names: Vec::new(),
            body: [indicator.description.as_deref(), indicator.notes.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            url: crate::urls::indicator(&indicator.id),
            province: None,
            context: "So sánh chỉ tiêu giữa các tỉnh".to_string(),
        });
    }
    for entry in &site.glossary {
        list.push(Record {
            kind: Kind::Glossary,
            title: format!("{}: {}", entry.term, entry.full),
            names: entry.aliases.clone(),
            body: format!(
                "{} là chữ viết tắt của “{}”. {}",
                entry.term,
                entry.full,
                entry.note.as_deref().unwrap_or_default()
            )
            .trim_end()
            .to_string(),
            url: crate::urls::glossary_entry(&entry.id),
            province: None,
            context: "Thuật ngữ, chữ viết tắt".to_string(),
        });
    }
    list
}

/// `Kế hoạch 10693/KH-UBND`, or the kind and title when the document has no number.
pub fn document_label(document: &Document) -> String {
    match &document.number {
        Some(number) => format!("{} {}", document.kind.label(), number),
        None => format!("{} {}", document.kind.label(), document.title),
    }
}

fn records_of_document(site: &Site, document: &Document, list: &mut Vec<Record>) {
    let context = document_label(document);
    let province = Some(document.province.clone());
    let base = crate::urls::document(&document.id);
    let issuer = site
        .agency(&document.issuer)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    list.push(Record {
        kind: Kind::Document,
        title: document.title.clone(),
        names: document.number.iter().cloned().collect(),
        body: [
            context.clone(),
            issuer,
            document.summary.clone().unwrap_or_default(),
        ]
        .join(". "),
        url: base.clone(),
        province: province.clone(),
        context: context.clone(),
    });
    for section in &document.sections {
        for (anchor, heading, body) in section_parts(section) {
            let (title, where_) = match heading {
                Some(h) => (h, format!("{context} › {}", section.title)),
                None => (section.title.clone(), context.clone()),
            };
            list.push(Record {
                kind: Kind::Section,
                title,
                names: Vec::new(),
                body,
                url: format!("{base}#{anchor}"),
                province: province.clone(),
                context: where_,
            });
        }
    }
    for target in &document.targets {
        let title = match (&target.label, &target.area) {
            (Some(label), Some(area)) => format!("{area} – {label})"),
            (None, Some(area)) => area.clone(),
            _ => "Chỉ tiêu".to_string(),
        };
        list.push(Record {
            kind: Kind::Target,
            title,
            names: Vec::new(),
            body: target.text.clone(),
            url: format!("{base}#ct-{}", target.id),
            province: province.clone(),
            context: context.clone(),
        });
    }
    for appendix in &document.appendices {
        appendix_records(appendix, &base, &province, &context, list);
    }
}

fn appendix_records(
    appendix: &Appendix,
    document_url: &str,
    province: &Option<String>,
    context: &str,
    list: &mut Vec<Record>,
) {
    let url = format!("{document_url}phu-luc-{}/", appendix.id);
    let number = appendix.number.as_deref().unwrap_or(&appendix.id);
    list.push(Record {
        kind: Kind::Appendix,
        title: format!("Phụ lục {number}: {}", appendix.title),
        names: Vec::new(),
        body: appendix.caption.clone().unwrap_or_default(),
        url: url.clone(),
        province: province.clone(),
        context: context.to_string(),
    });
    for row in appendix.rows.iter().filter(|r| r.kind != "total") {
        let cell = |role: ColumnRole| {
            appendix
                .columns
                .iter()
                .zip(&row.cells)
                .filter(|(c, cell)| c.role == role && !cell.text.is_empty())
                .map(|(_, cell)| cell.text.as_str())
                .next()
        };
        let title = match (&row.title, cell(ColumnRole::Name)) {
            (Some(group_title), _) => group_title.clone(),
            (None, Some(name)) => name.to_string(),
            (None, None) => format!("Phụ lục {number}, dòng {}", row.anchor),
        };
        let body: Vec<&str> = appendix
            .columns
            .iter()
            .zip(&row.cells)
            .filter(|(c, cell)| {
                !matches!(c.role, ColumnRole::Label | ColumnRole::Name) && !cell.text.is_empty()
            })
            .map(|(_, cell)| cell.text.as_str())
            .collect();
        list.push(Record {
            kind: Kind::Appendix,
            title,
            names: Vec::new(),
            body: body.join(" · "),
            url: format!("{url}#{}", row.anchor),
            province: province.clone(),
            context: format!("{context}, Phụ lục {number}"),
        });
    }
}

/// A section cut at its headings: (anchor, heading, text) for the part before the first
/// heading (anchored at the section) and for each heading. Headings are found as the lines
/// of the section's plain text that equal the next heading of its table of contents.
fn section_parts(section: &Section) -> Vec<(String, Option<String>, String)> {
    let mut parts = vec![(section.id.clone(), None, String::new())];
    let mut toc = section.toc.iter().peekable();
    for line in section.text.lines() {
        let line = line.trim();
        if let Some(entry) = toc.peek()
            && entry.text.trim() == line
        {
            parts.push((entry.id.clone(), Some(entry.text.clone()), String::new()));
            toc.next();
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(part) = parts.last_mut() {
            if !part.2.is_empty() {
                part.2.push('\n');
            }
            part.2.push_str(line);
        }
    }
    if parts.len() > 1 && parts[0].2.is_empty() {
        parts.remove(0);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::TocEntry;

    #[test]
    fn sections_are_cut_at_their_headings() {
        let section = Section {
            id: "phan-i".into(),
            title: "Phần I".into(),
            html: String::new(),
            toc: vec![
                TocEntry {
                    level: 3,
                    id: "phan-i-muc-tieu".into(),
                    text: "I. MỤC TIÊU".into(),
                },
                TocEntry {
                    level: 4,
                    id: "phan-i-1-chung".into(),
                    text: "1. Chung".into(),
                },
            ],
            text: "Mở đầu.\nI. MỤC TIÊU\nMột.\nHai.\n1. Chung\nBa.\n".into(),
        };
        let parts = section_parts(&section);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], ("phan-i".into(), None, "Mở đầu.".into()));
        assert_eq!(parts[1].0, "phan-i-muc-tieu");
        assert_eq!(parts[1].2, "Một.\nHai.");
        assert_eq!(parts[2].1.as_deref(), Some("1. Chung"));
    }
}
