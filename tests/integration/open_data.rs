//! Open data: the JSON, CSV, Data Package and JSON Schemas of a build of the real content,
//! read back and compared with the content, validated by `frictionless` and by the schemas.

use crate::common;

use common::{Project, copy_tree, printed, repo};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One build of the real content, shared by the tests of this file.
fn real_build() -> &'static Path {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            copy_tree(&repo().join("content"), &dir.path().join("content"));
            copy_tree(&repo().join("themes"), &dir.path().join("themes"));
            let output = common::congkhai(dir.path(), &["build"]);
            assert!(
                output.status.success(),
                "build failed:\n{}",
                printed(&output)
            );
            dir
        })
        .path()
}

/// A JSON dataset of the build as one array (see [`common::open_data_json`]).
fn table_json(name: &str) -> Value {
    common::open_data_json(&real_build().join("output"), name)
}

/// The JSON of document `id`, next to its page.
fn document_json(id: &str) -> Value {
    common::document_json(&real_build().join("output"), id)
}

fn out(relative: &str) -> PathBuf {
    real_build().join("output").join(relative)
}

fn read_json(relative: &str) -> Value {
    let text = std::fs::read_to_string(out(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn raw_json_numbers_are_exact_decimal_literals() {
    let output = real_build().join("output");
    let text: String = common::document_ids(&output)
        .iter()
        .map(|id| common::gunzip_file(&out(&format!("van-ban/{id}/van-ban.json.gz"))))
        .collect();
    assert!(
        text.contains("\"stated\":168686.5"),
        "exact literal expected"
    );
    assert!(!text.contains("e+"), "no exponents");
}

#[test]
fn csv_files_open_in_excel_and_agree_with_json() {
    for (name, json_rows) in [
        ("van-ban", table_json("van-ban").as_array().map(Vec::len)),
        ("du-an", table_json("du-an").as_array().map(Vec::len)),
        ("chi-tieu", table_json("chi-tieu").as_array().map(Vec::len)),
    ] {
        let text = common::gunzip_file(&out(&format!("du-lieu/{name}.csv.gz")));
        let bytes = text.as_bytes();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{name}.csv starts with a UTF-8 BOM"
        );
        let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert!(reader.headers().expect("header").iter().next().is_some());
        let rows = reader
            .records()
            .inspect(|r| assert!(r.is_ok(), "{r:?}"))
            .count();
        assert_eq!(Some(rows), json_rows, "{name}");
    }
    let text = common::gunzip_file(&out("du-lieu/du-an.csv.gz"));
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("header").clone();
    let amount = headers
        .iter()
        .position(|h| h == "amount")
        .expect("amount column");
    let mut seen = 0;
    for record in reader.records() {
        let record = record.expect("row");
        let value = &record[amount];
        if !value.is_empty() {
            assert!(
                value
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == '-'),
                "machine number expected, got {value:?}"
            );
            seen += 1;
        }
    }
    assert!(seen > 100);
    assert!(
        text.contains("Sở Thông tin và Truyền thông"),
        "Vietnamese text kept as is"
    );
    // Text that Excel would take for a formula (the report's "- UBND tỉnh đồng ý …", which
    // Excel shows as #NAME?) has a ' in front in the CSV and stays exact in the JSON.
    let status = headers
        .iter()
        .position(|h| h == "status")
        .expect("status column");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let statuses: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[status].to_string())
        .collect();
    let guarded: Vec<&String> = statuses
        .iter()
        .filter(|s| s.starts_with("'- UBND"))
        .collect();
    assert!(
        !guarded.is_empty(),
        "the report's statuses starting with '- '"
    );
    assert!(
        statuses
            .iter()
            .all(|s| s.len() < 2 || !s.starts_with(['=', '+', '-', '@'])),
        "no text cell starts like a formula"
    );
    let json = table_json("du-an");
    let exact = json
        .as_array()
        .expect("projects")
        .iter()
        .filter_map(|p| p["status"].as_str())
        .filter(|s| s.starts_with("- UBND"))
        .count();
    assert_eq!(exact, guarded.len(), "the JSON keeps them exactly");
}

#[test]
#[ignore = "needs frictionless (PyPI) in target/venv-frictionless; scripts/test.sh installs it"]
fn data_package_passes_frictionless_validate() {
    let frictionless = repo().join("target/venv-frictionless/bin/frictionless");
    assert!(
        frictionless.is_file(),
        "frictionless is missing at {}: run `bash scripts/test.sh` (it installs it with \
         `python3 -m venv target/venv-frictionless && target/venv-frictionless/bin/pip install frictionless`)",
        frictionless.display()
    );
    let package = out("du-lieu/datapackage.json");
    let output = std::process::Command::new(&frictionless)
        .args(["validate", "--json"])
        .arg(&package)
        .output()
        .expect("frictionless runs");
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("frictionless report: {e}\n{}", printed(&output)));
    let errors: Vec<&Value> = report["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .flat_map(|t| t["errors"].as_array().into_iter().flatten())
        .collect();
    assert_eq!(report["valid"], true, "frictionless errors: {errors:#?}");
    assert_eq!(report["tasks"].as_array().map(Vec::len), Some(14));
}

#[test]
fn data_package_names_its_licence_and_sources() {
    let descriptor = read_json("du-lieu/datapackage.json");
    assert_eq!(descriptor["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(descriptor["sources"].as_array().map(Vec::len), Some(7));
}

fn validator(schema_file: &str) -> jsonschema::Validator {
    let schema = read_json(schema_file);
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{schema_file}: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn every_json_file_is_valid_against_its_schema() {
    // The national JSON files: the records that belong to no one document.
    let datasets = ["du-an", "ho-so-du-an", "chi-so", "co-quan", "tinh"];
    for name in datasets {
        let validator = validator(&format!("du-lieu/schema/{name}.schema.json"));
        assert_valid(&validator, &table_json(name), name);
    }
    // The documents' own records are each in their document's file.
    let bundle = validator("du-lieu/schema/van-ban-day-du.schema.json");
    let output = real_build().join("output");
    for id in common::document_ids(&output) {
        let file = format!("van-ban/{id}/van-ban.json.gz");
        assert_valid(&bundle, &common::document_json(&output, &id), &file);
    }
    // The schemas reject what they should: a figure written as text.
    let mut broken = document_json("kh-10693-2020");
    assert!(bundle.is_valid(&broken));
    broken["targets"][0]["value"] = Value::String("90%".into());
    assert!(!bundle.is_valid(&broken));
    // Each schema published is one of a file published.
    let schemas = std::fs::read_dir(out("du-lieu/schema")).expect("schemas");
    let mut names: Vec<String> = schemas
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some(n.strip_suffix(".schema.json")?.to_string()))
        .collect();
    names.sort();
    let mut expected: Vec<String> = datasets.iter().map(|n| n.to_string()).collect();
    expected.push("van-ban-day-du".into());
    expected.sort();
    assert_eq!(names, expected);
}

/// The schema for a content file, by its path under `content/`.
fn content_schema_for(relative: &str) -> Option<&'static str> {
    let name = relative.rsplit('/').next()?;
    Some(match relative {
        "site.yaml" => "site",
        "provinces.yaml" => "provinces",
        _ if relative.starts_with("agencies/") => "agencies",
        _ if relative.starts_with("indicators/") => "indicators",
        _ if relative.contains("/appendices/") => "appendix",
        _ if relative.contains("/sections/") => "section",
        _ if name == "document.yaml" => "document",
        _ if name == "targets.yaml" => "targets",
        _ if name == "measurements.yaml" => "measurements",
        _ => return None,
    })
}

fn front_matter(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split("\n---").next())
        .unwrap_or_default()
}

#[test]
fn every_content_file_is_valid_against_its_published_schema() {
    let mut validators = BTreeMap::new();
    let content = repo().join("content");
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.expect("readable");
        let relative = entry
            .path()
            .strip_prefix(&content)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(kind) = content_schema_for(&relative) else {
            continue;
        };
        let validator = validators
            .entry(kind)
            .or_insert_with(|| validator(&format!("du-lieu/schema/noi-dung/{kind}.schema.json")));
        let text = std::fs::read_to_string(entry.path()).expect("UTF-8");
        let yaml = if kind == "section" {
            front_matter(&text)
        } else {
            text.as_str()
        };
        let value: Value =
            serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{relative}: {e}"));
        assert_valid(validator, &value, &relative);
        checked += 1;
    }
    assert!(checked > 40, "only {checked} content files checked");
    // An editor's typo is caught as they type: an unknown key in document.yaml.
    let document = validator("du-lieu/schema/noi-dung/document.schema.json");
    let typo: Value = serde_json::json!({"id": "x", "kind": "plan", "issued": "2020-01-01",
        "issuer": "a", "province": "b", "title": "t", "isued": "2020-01-01"});
    assert!(!document.is_valid(&typo));
    let appendix = validator("du-lieu/schema/noi-dung/appendix.schema.json");
    let bad_cell: Value = serde_json::json!({"id": "i", "title": "t", "columns": [],
        "rows": [{"group": "I", "rows": [{"amount": {"text": "1", "vlue": "1"}}]}]});
    assert!(!appendix.is_valid(&bad_cell));
}

#[test]
fn open_data_page_lists_datasets_with_dataset_markup() {
    let page = std::fs::read_to_string(out("du-lieu/index.html")).expect("page");
    assert!(page.contains("application/ld+json"));
    let start = page.find("application/ld+json").expect("json-ld");
    let json_start = start + page[start..].find('>').expect(">") + 1;
    let json_end = json_start + page[json_start..].find("</script>").expect("end");
    let markup: Value = serde_json::from_str(&page[json_start..json_end]).expect("JSON-LD");
    assert_eq!(markup["@type"], "Dataset");
    assert_eq!(
        markup["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    // A CSV of each of the 14 datasets and the 5 national JSON files.
    assert_eq!(markup["distribution"].as_array().map(Vec::len), Some(19));
    for text in [
        "du-lieu/du-an.csv.gz",
        "du-lieu/du-an.json.gz",
        "du-lieu/phu-luc-o.csv.gz",
        "CSV (gzip)",
        "datapackage.json",
        "Dự án, nhiệm vụ",
        "CC-BY-4.0",
        "amount_million_dong",
    ] {
        assert!(page.contains(text), "page lacks {text}");
    }
    let home = std::fs::read_to_string(out("index.html")).expect("home");
    assert!(home.contains("du-lieu/>Dữ liệu mở</a>"), "nav link");
}

#[test]
fn hostile_site_text_cannot_break_out_of_the_dataset_markup() {
    let project = Project::new();
    project.edit(
        "site.yaml",
        "title: \"Cổng thử nghiệm\"",
        "title: \"Cổng</script><script>alert(1)</script> & co\"",
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let page = project.page("du-lieu/index.html");
    let start = page.find("application/ld+json").expect("json-ld");
    let json_start = start + page[start..].find('>').expect(">") + 1;
    let json_end = json_start + page[json_start..].find("</script>").expect("end");
    let markup: Value = serde_json::from_str(&page[json_start..json_end]).expect("JSON-LD intact");
    assert_eq!(
        markup["name"],
        "Dữ liệu mở – Cổng</script><script>alert(1)</script> & co"
    );
    let value = common::document_json(&project.path().join("output"), "kh-1-2020");
    assert_eq!(value["document"]["id"], "kh-1-2020");
}

#[test]
fn each_document_page_links_its_own_data_file() {
    for id in [
        "kh-10693-2020",
        "bc-khanh-hoa-10-thang-2023",
        "kh-tay-ninh-2021-2025",
    ] {
        let page = std::fs::read_to_string(out(&format!("van-ban/{id}/index.html"))).expect("page");
        let link = format!("/van-ban/{id}/van-ban.json.gz");
        assert!(page.contains(&link), "{id}: no link to {link}");
        let data = document_json(id);
        assert_eq!(data["document"]["id"], id, "{id}");
    }
}

/// A row's ID (and the anchor of its line on the appendix page) comes from the document's
/// own numbering, not from its position: removing another row leaves it as it was.
#[test]
fn row_ids_stay_when_another_row_is_removed() {
    let ids = |project: &common::Project| -> Vec<(String, String)> {
        let output = project.run(&["build"]);
        assert!(output.status.success(), "{}", common::printed(&output));
        let data = common::open_data_json(&project.path().join("output"), "du-an");
        data.as_array()
            .expect("array")
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap_or("").to_string(),
                    p["name"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let project = common::Project::new();
    let before = ids(&project);
    assert!(
        before.contains(&(
            "kh-1-2020/i/r-i-2".to_string(),
            "Mạng chuyên dùng".to_string()
        )),
        "{before:?}"
    );
    project.edit(
        "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml",
        "      - { stt: \"1\", name: \"Trung tâm dữ liệu\", agency: \"Sở TTTT\", amount: \"1.747.000\" }\n",
        "",
    );
    let after = ids(&project);
    assert_eq!(after.len(), before.len() - 1);
    for row in &after {
        assert!(before.contains(row), "{row:?} changed its ID");
    }
    assert!(
        project
            .page("van-ban/kh-1-2020/phu-luc-i/index.html")
            .contains("id=r-i-2")
    );
}
