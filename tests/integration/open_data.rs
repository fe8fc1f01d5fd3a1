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

fn out(relative: &str) -> PathBuf {
    real_build().join("output").join(relative)
}

fn read_json(relative: &str) -> Value {
    let text = std::fs::read_to_string(out(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

#[test]
fn raw_json_numbers_are_exact_decimal_literals() {
    let text = std::fs::read_to_string(out("du-lieu/phu-luc.json")).expect("phu-luc.json");
    assert!(
        text.contains("\"stated\":168686.5"),
        "exact literal expected"
    );
    assert!(!text.contains("e+"), "no exponents");
}

#[test]
fn csv_files_open_in_excel_and_agree_with_json() {
    for (name, json_rows) in [
        (
            "van-ban",
            read_json("du-lieu/van-ban.json").as_array().map(Vec::len),
        ),
        (
            "du-an",
            read_json("du-lieu/du-an.json").as_array().map(Vec::len),
        ),
        (
            "chi-tieu",
            read_json("du-lieu/chi-tieu.json").as_array().map(Vec::len),
        ),
    ] {
        let bytes = std::fs::read(out(&format!("du-lieu/{name}.csv"))).expect("csv");
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
    let text = std::fs::read_to_string(out("du-lieu/du-an.csv")).expect("csv");
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
    let json = read_json("du-lieu/du-an.json");
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
    let datasets = [
        "van-ban", "muc", "phu-luc", "du-an", "chi-tieu", "so-lieu", "chi-so", "co-quan", "tinh",
    ];
    for name in datasets {
        let validator = validator(&format!("du-lieu/schema/{name}.schema.json"));
        assert_valid(
            &validator,
            &read_json(&format!("du-lieu/{name}.json")),
            name,
        );
    }
    let bundle = validator("du-lieu/schema/van-ban-day-du.schema.json");
    for document in read_json("du-lieu/van-ban.json")
        .as_array()
        .expect("documents")
    {
        let id = document["id"].as_str().expect("an id");
        let file = format!("van-ban/{id}/van-ban.json");
        assert_valid(&bundle, &read_json(&file), &file);
    }
    // The schemas reject what they should: a figure written as text.
    let mut broken = read_json("du-lieu/chi-tieu.json");
    broken[0]["value"] = Value::String("90%".into());
    assert!(!validator("du-lieu/schema/chi-tieu.schema.json").is_valid(&broken));
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
    assert!(markup["distribution"].as_array().map(Vec::len) > Some(20));
    for text in [
        "du-an.csv",
        "du-an.json",
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
    let bundle = project.page("van-ban/kh-1-2020/van-ban.json");
    let value: Value = serde_json::from_str(&bundle).expect("JSON");
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
        let link = format!("/van-ban/{id}/van-ban.json");
        assert!(page.contains(&link), "{id}: no link to {link}");
        let data = read_json(&format!("van-ban/{id}/van-ban.json"));
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
        let data: serde_json::Value =
            serde_json::from_str(&project.page("du-lieu/du-an.json")).expect("JSON");
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
