//! schema.org JSON-LD for a document page, safe to embed in a `<script>` element.

use crate::model::DocumentKind;
use crate::site::{Document, Site};
use serde_json::json;

/// The document's own metadata as schema.org JSON-LD.
pub fn document_json_ld(site: &Site, document: &Document) -> String {
    let issuer = site.agency(&document.issuer).map(|a| a.name.clone());
    let province = site.province(&document.province).map(|p| p.name.clone());
    let url = format!(
        "{}{}",
        site.info.base_url,
        crate::urls::document(&document.id)
    );
    let mut value = match document.kind {
        DocumentKind::Report => json!({
            "@context": "https://schema.org",
            "@type": "Report",
            "name": document.title,
            "reportNumber": document.number,
            "datePublished": document.issued,
            "author": {"@type": "GovernmentOrganization", "name": issuer},
            "spatialCoverage": province,
            "inLanguage": "vi",
            "url": url,
        }),
        DocumentKind::Plan | DocumentKind::Decision => json!({
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": document.title,
            "legislationIdentifier": document.number,
            "legislationType": document.kind.label(),
            "legislationDate": document.issued,
            "datePublished": document.issued,
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": issuer},
            "legislationJurisdiction": province,
            "temporalCoverage": document.period.map(|p| format!("{}/{}", p.from, p.to)),
            "inLanguage": "vi",
            "url": url,
        }),
    };
    if !document.attachments.is_empty() {
        // The published files of the document: schema.org's `encoding` of a creative work.
        value["encoding"] = document
            .attachments
            .iter()
            .map(|a| {
                json!({
                    "@type": "MediaObject",
                    "name": a.title.as_deref().unwrap_or(&a.name),
                    "contentUrl": format!("{}{}", site.info.base_url, a.path(&document.id)),
                    "encodingFormat": a.media_type,
                    "contentSize": a.bytes.to_string(),
                    "sha256": a.sha256,
                })
            })
            .collect();
    }
    script_safe(&value.to_string())
}

/// Makes JSON safe inside `<script>`: no `<`, `>` or `&` can close the element.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_cannot_close_the_script_element() {
        let safe = super::script_safe(r#"{"name":"</script><script>alert(1)</script>"}"#);
        assert!(!safe.contains("</script"));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
