//! JSON Schemas derived from the Rust types: one per JSON file (from the records: the
//! national files and a document's own) and one per kind of content file (from the source
//! model), published under `du-lieu/schema/`.

use super::records::{
    AgencyRecord, DocumentBundle, IndicatorRecord, ProjectRecord, ProvinceRecord,
    TrackedProjectRecord,
};
use crate::model::{
    AgencySource, AppendixSource, DocumentSource, IndicatorSource, MeasurementSource,
    ProvinceSource, SectionFrontMatter, SiteConfig, TargetSource,
};
use schemars::{JsonSchema, Schema, schema_for};

/// A JSON Schema with the file it describes.
pub struct NamedSchema {
    /// File name under `du-lieu/schema/` (or `du-lieu/schema/noi-dung/`).
    pub file: &'static str,
    /// What the described file is, in Vietnamese.
    pub describes: &'static str,
    /// The schema.
    pub schema: Schema,
}

fn named<T: JsonSchema>(file: &'static str, describes: &'static str, title: &str) -> NamedSchema {
    let mut schema = schema_for!(T);
    schema.insert("title".into(), title.into());
    NamedSchema {
        file,
        describes,
        schema,
    }
}

/// The schema of each JSON file (once unzipped): `<dataset>.schema.json` for the national
/// files, `van-ban-day-du.schema.json` for a document's own (its document, sections,
/// targets, measurements and appendices are in no other JSON file).
pub fn dataset_schemas() -> Vec<NamedSchema> {
    vec![
        named::<Vec<ProjectRecord>>(
            "du-an.schema.json",
            "du-lieu/du-an.json.gz",
            "Dự án, nhiệm vụ",
        ),
        named::<Vec<TrackedProjectRecord>>(
            "ho-so-du-an.schema.json",
            "du-lieu/ho-so-du-an.json.gz",
            "Hồ sơ dự án",
        ),
        named::<Vec<IndicatorRecord>>(
            "chi-so.schema.json",
            "du-lieu/chi-so.json.gz",
            "Chỉ số dùng chung",
        ),
        named::<Vec<AgencyRecord>>("co-quan.schema.json", "du-lieu/co-quan.json.gz", "Cơ quan"),
        named::<Vec<ProvinceRecord>>("tinh.schema.json", "du-lieu/tinh.json.gz", "Tỉnh"),
        named::<DocumentBundle>(
            "van-ban-day-du.schema.json",
            "van-ban/<id>/van-ban.json.gz",
            "Toàn bộ dữ liệu của một văn bản",
        ),
    ]
}

/// The schema of each kind of content file, for editors (YAML language server).
pub fn content_schemas() -> Vec<NamedSchema> {
    vec![
        named::<SiteConfig>("site.schema.json", "content/site.yaml", "site.yaml"),
        named::<Vec<ProvinceSource>>(
            "provinces.schema.json",
            "content/provinces.yaml",
            "provinces.yaml",
        ),
        named::<Vec<AgencySource>>(
            "agencies.schema.json",
            "content/agencies/*.yaml",
            "agencies/*.yaml",
        ),
        named::<Vec<IndicatorSource>>(
            "indicators.schema.json",
            "content/indicators/*.yaml",
            "indicators/*.yaml",
        ),
        named::<Vec<crate::model::GlossarySource>>(
            "glossary.schema.json",
            "content/glossary.yaml",
            "glossary.yaml",
        ),
        named::<DocumentSource>(
            "document.schema.json",
            "content/documents/*/*/document.yaml",
            "document.yaml",
        ),
        named::<Vec<TargetSource>>(
            "targets.schema.json",
            "content/documents/*/*/targets.yaml",
            "targets.yaml",
        ),
        named::<Vec<MeasurementSource>>(
            "measurements.schema.json",
            "content/documents/*/*/measurements.yaml",
            "measurements.yaml",
        ),
        named::<AppendixSource>(
            "appendix.schema.json",
            "content/documents/*/*/appendices/*.yaml",
            "appendices/*.yaml",
        ),
        named::<SectionFrontMatter>(
            "section.schema.json",
            "content/documents/*/*/sections/*.md (front matter)",
            "sections/*.md front matter",
        ),
    ]
}
