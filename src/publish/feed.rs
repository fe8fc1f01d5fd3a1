//! The Atom feed of published documents, newest first.

use crate::output::Output;
use crate::site::Site;
use crate::text::escape_xml;

/// The most entries `feed.xml` holds in a build: the newest documents. Feed readers fetch the
/// feed again and again, and a national site has tens of thousands of documents (3.186 made a
/// 2 MB feed at 10k pages); the sitemap and the portal list them all.
pub const FEED_ENTRIES: usize = 100;

/// `feed.xml`: one entry per document (plans, decisions and reports), the newest
/// `entries` of them.
pub fn feed(site: &Site, entries: usize) -> Output {
    let base = &site.info.base_url;
    let updated = site
        .documents
        .iter()
        .map(|d| d.issued.as_str())
        .max()
        .unwrap_or("2000-01-01");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n<title>{}</title>\n<subtitle>{}</subtitle>\n<id>{}</id>\n<link rel=\"self\" href=\"{}{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{updated}T00:00:00+07:00</updated>\n<author><name>{}</name></author>\n",
        escape_xml(&site.info.title),
        escape_xml(&site.info.description),
        escape_xml(base),
        escape_xml(base),
        crate::urls::FEED,
        escape_xml(base),
        escape_xml(if site.info.publisher.is_empty() {
            &site.info.title
        } else {
            &site.info.publisher
        }),
    );
    // Documents are newest first.
    for (position, document) in site.documents.iter().enumerate().take(entries) {
        // A report's entry says what changed since the documents before it.
        let summary = match crate::site::changes::changes(site, position) {
            Some(changes) => format!("{} {}", document.title, changes.summary()),
            None => document.title.clone(),
        };
        let url = format!("{base}{}", crate::urls::document(&document.id));
        let heading = match &document.number {
            Some(number) => format!("{} số {}", document.kind.label(), number),
            None => document.kind.label().to_string(),
        };
        let issuer = site
            .agency(&document.issuer)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        xml.push_str(&format!(
            "<entry>\n<title>{}: {}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}T00:00:00+07:00</updated>\n<author><name>{}</name></author>\n<category term=\"{}\"/>\n<summary>{}</summary>\n</entry>\n",
            escape_xml(&heading),
            escape_xml(&document.title),
            escape_xml(&url),
            escape_xml(&url),
            document.issued,
            escape_xml(&issuer),
            escape_xml(document.kind.label()),
            escape_xml(&summary),
        ));
    }
    xml.push_str("</feed>\n");
    Output {
        path: crate::urls::FEED.to_string(),
        bytes: xml.into_bytes(),
    }
}
