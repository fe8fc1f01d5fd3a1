//! Open data of a build of the real content, read back and compared with the site its check
//! makes; `tests/integration/open_data.rs` checks the rest of the open data through the
//! binary.

use super::{build, copy_tree, repo, whole_site};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn site() -> crate::site::Site {
    // Whole documents: a build's check keeps them without their sections and rows.
    let (site, diagnostics) = whole_site(&repo().join("content"));
    assert!(
        !diagnostics.has_errors(),
        "content has errors: {:?}",
        diagnostics.sorted()
    );
    site
}

#[test]
fn documents_json_matches_the_content() {
    let site = site();
    let documents = table_json("van-ban");
    let documents = documents.as_array().expect("an array");
    assert_eq!(documents.len(), site.documents.len());
    assert_eq!(documents.len(), 7, "the seed has 7 document records");
    for (json, document) in documents.iter().zip(&site.documents) {
        assert_eq!(json["id"], document.id.as_str());
        assert_eq!(json["url"], format!("van-ban/{}/", document.id));
        assert_eq!(json["issued"], document.issued.as_str());
        assert!(
            chrono::NaiveDate::parse_from_str(&document.issued, "%Y-%m-%d").is_ok(),
            "ISO date"
        );
        assert_eq!(json["title"], document.title.as_str());
        assert_eq!(json["province"], document.province.as_str());
        // The page the ID names exists, and so does the document's own JSON next to it.
        assert!(out(&format!("van-ban/{}/index.html", document.id)).is_file());
        let bundle = document_json(&document.id);
        assert_eq!(&bundle["document"], json);
        assert_eq!(
            bundle["appendices"].as_array().map(Vec::len),
            Some(document.appendices.len())
        );
        assert_eq!(
            bundle["targets"].as_array().map(Vec::len),
            Some(document.targets.len())
        );
    }
    let kh = documents
        .iter()
        .find(|d| d["id"] == "kh-10693-2020")
        .expect("kh-10693-2020");
    assert_eq!(kh["number"], "10693/KH-UBND");
    assert_eq!(kh["issued"], "2020-10-09");
}

#[test]
fn appendix_rows_keep_every_figure_exactly() {
    let site = site();
    let appendices = table_json("phu-luc");
    let appendices = appendices.as_array().expect("an array");
    assert_eq!(appendices.len(), 14, "the seed has 14 appendices");
    let mut figures = 0;
    for json in appendices {
        let document = site
            .document(json["document"].as_str().expect("id"))
            .expect("document");
        let appendix = document
            .appendices
            .iter()
            .find(|a| json["id"] == a.id.as_str())
            .expect("appendix");
        let rows = json["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), appendix.rows.len());
        for (row_json, row) in rows.iter().zip(&appendix.rows) {
            assert_eq!(row_json["anchor"], row.anchor.as_str());
            for (column, cell) in appendix.columns.iter().zip(&row.cells) {
                let json_cell = &row_json["cells"][&column.key];
                if cell.text.is_empty() {
                    assert!(json_cell.is_null());
                    continue;
                }
                assert_eq!(json_cell["text"], cell.text.as_str());
                assert_eq!(number(&json_cell["value"]), cell.value.map(plain));
                figures += usize::from(cell.value.is_some());
            }
        }
    }
    assert!(figures > 500, "only {figures} figures");
    // A figure read straight from the YAML: group I of 10693 PL II states "168.686,5".
    let pl2 = appendices
        .iter()
        .find(|a| a["document"] == "kh-10693-2020" && a["number"] == "II")
        .expect("10693 PL II");
    assert_eq!(pl2["unit"], "triệu đồng");
    assert_eq!(number(&pl2["unit_in_dong"]).as_deref(), Some("1000000"));
    let group = pl2["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["kind"] == "group" && r["label"] == "I")
        .expect("group I");
    let check = &group["checks"][0];
    assert_eq!(check["stated_text"], "168.686,5");
    assert_eq!(number(&check["stated"]).as_deref(), Some("168686.5"));
}

#[test]
fn projects_flatten_every_data_row_with_context() {
    let site = site();
    let projects = table_json("du-an");
    let projects = projects.as_array().expect("an array");
    let rows: usize = site
        .documents
        .iter()
        .flat_map(|d| &d.appendices)
        .map(|a| a.row_count)
        .sum();
    assert_eq!(projects.len(), rows);
    for p in projects {
        let document = site
            .document(p["document"].as_str().expect("document"))
            .expect("known");
        assert_eq!(p["province"], document.province.as_str());
        let id = format!(
            "{}/{}/{}",
            document.id,
            p["appendix"].as_str().expect("appendix"),
            p["anchor"].as_str().expect("anchor")
        );
        assert_eq!(p["id"], id);
        for agency in p["agencies"].as_array().expect("agencies") {
            assert!(site.agency(agency.as_str().expect("id")).is_some());
        }
        // An amount has its printed text beside it, but for a sum of parts, which is
        // printed nowhere.
        if p["amount"].is_number() && !p["amount_text"].is_string() {
            let document = site
                .document(p["document"].as_str().expect("document"))
                .expect("known");
            let appendix = document
                .appendices
                .iter()
                .find(|a| a.id == p["appendix"])
                .expect("appendix");
            assert!(
                appendix.columns.iter().any(|c| c.part_of.is_some()),
                "a sum of parts only where columns are parts of another: {p}"
            );
        }
    }
}

#[test]
fn targets_measurements_and_registries_match_the_content() {
    let site = site();
    let targets = table_json("chi-tieu");
    let all: Vec<_> = site
        .documents
        .iter()
        .flat_map(|d| d.targets.iter().map(move |t| (d, t)))
        .collect();
    assert_eq!(targets.as_array().map(Vec::len), Some(all.len()));
    for (json, (document, target)) in targets.as_array().expect("array").iter().zip(&all) {
        assert_eq!(json["document"], document.id.as_str());
        assert_eq!(json["id"], target.id.as_str());
        assert_eq!(number(&json["value"]), target.value.map(plain));
        assert_eq!(
            json["value_text"].as_str().map(str::to_string),
            target.value.map(crate::vietnamese::format_number)
        );
    }
    let measurements = table_json("so-lieu");
    let all: Vec<_> = site
        .documents
        .iter()
        .flat_map(|d| &d.measurements)
        .collect();
    assert_eq!(measurements.as_array().map(Vec::len), Some(all.len()));
    for (json, m) in measurements.as_array().expect("array").iter().zip(&all) {
        assert_eq!(number(&json["value"]), Some(plain(m.value)));
        assert_eq!(json["as_of"].as_str(), m.as_of.as_deref());
    }
    for (file, count) in [
        ("tinh", site.provinces.len()),
        ("co-quan", site.agencies.len()),
        ("chi-so", site.indicators.len()),
    ] {
        assert_eq!(
            table_json(file).as_array().map(Vec::len),
            Some(count),
            "{file}"
        );
    }
}

/// A JSON dataset of the build as one array: a national `du-lieu/<name>.json.gz`, or the
/// parts of every document's `van-ban.json.gz` for the datasets kept per document.
fn table_json(name: &str) -> Value {
    let output = real_build().join("output");
    let part = match name {
        "van-ban" => "document",
        "muc" => "sections",
        "phu-luc" => "appendices",
        "chi-tieu" => "targets",
        "so-lieu" => "measurements",
        _ => {
            return serde_json::from_str(&gunzip(&output.join(format!("du-lieu/{name}.json.gz"))))
                .expect("JSON");
        }
    };
    let mut all = Vec::new();
    for document in &site().documents {
        match &document_json(&document.id)[part] {
            Value::Array(items) => all.extend(items.iter().cloned()),
            one => all.push(one.clone()),
        }
    }
    Value::Array(all)
}

/// The JSON of document `id`, next to its page (`van-ban/<id>/van-ban.json.gz`).
fn document_json(id: &str) -> Value {
    let path = real_build().join(format!("output/van-ban/{id}/van-ban.json.gz"));
    serde_json::from_str(&gunzip(&path)).expect("JSON")
}

/// The text of the gzip file at `path`.
fn gunzip(path: &Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .expect("gzip of UTF-8 text");
    text
}

/// One build of the real content, shared by the tests of this file.
fn real_build() -> &'static Path {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            copy_tree(&repo().join("content"), &dir.path().join("content"));
            copy_tree(&repo().join("themes"), &dir.path().join("themes"));
            let built = build(
                &dir.path().join("content"),
                &dir.path().join("themes/default"),
                &dir.path().join("output"),
            );
            assert!(built.is_ok(), "build failed: {built:?}");
            dir
        })
        .path()
}

fn out(relative: &str) -> PathBuf {
    real_build().join("output").join(relative)
}

/// The JSON number's text, as a reader sees it (`168686.5`).
fn number(value: &Value) -> Option<String> {
    value.as_number().map(|n| n.to_string())
}

fn plain(decimal: rust_decimal::Decimal) -> String {
    decimal.normalize().to_string()
}
