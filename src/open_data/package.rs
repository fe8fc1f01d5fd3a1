//! `datapackage.json`: a Frictionless Data Package (v2) describing every CSV table (each a
//! gzip-compressed `<name>.csv.gz`) with its Table Schema (types, constraints, primary and
//! foreign keys), the licence and the sources.

use super::records::document_url;
use super::tables::{FieldType, Table};
use crate::site::Document;
use crate::site::SiteInfo;
use serde_json::{Map, Value, json};

const ID_PATTERN: &str = "[a-z0-9]+(-[a-z0-9]+)*";

pub(crate) fn table_schema(table: &Table) -> Value {
    let fields: Vec<Value> = table
        .fields
        .iter()
        .map(|f| {
            let mut constraints = Map::new();
            if f.required {
                constraints.insert("required".into(), Value::Bool(true));
            }
            if f.id_pattern {
                constraints.insert("pattern".into(), ID_PATTERN.into());
            }
            let mut field = json!({
                "name": f.name,
                "type": f.kind.name(),
                "description": f.description,
            });
            if f.kind == FieldType::Number {
                field["decimalChar"] = ".".into();
                field["groupChar"] = "".into();
            }
            if !constraints.is_empty() {
                field["constraints"] = Value::Object(constraints);
            }
            field
        })
        .collect();
    let foreign_keys: Vec<Value> = table
        .foreign_keys
        .iter()
        .map(|k| {
            let mut reference = json!({ "fields": k.reference });
            if k.resource != table.name {
                reference["resource"] = k.resource.into();
            }
            json!({ "fields": k.fields, "reference": reference })
        })
        .collect();
    let mut schema = json!({
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": fields,
        "primaryKey": table.primary_key,
    });
    if !foreign_keys.is_empty() {
        schema["foreignKeys"] = Value::Array(foreign_keys);
    }
    schema
}

/// The package descriptor. `tables` gives each table with the size of its compressed CSV
/// file in bytes (what `frictionless` counts: the bytes of the file as stored).
pub fn datapackage(info: &SiteInfo, documents: &[Document], tables: &[(Table, usize)]) -> Value {
    let sources: Vec<Value> = documents
        .iter()
        .map(|d| {
            let kind = d.kind.label();
            let name = match &d.number {
                Some(number) => format!("{kind} {number}"),
                None => format!("{kind} {}", d.title),
            };
            json!({
                "title": format!("{name} ngày {}", crate::vietnamese::short_date(&d.issued)),
                "path": format!("{}{}", info.base_url, document_url(&d.id)),
            })
        })
        .collect();
    let resources: Vec<Value> = tables
        .iter()
        .map(|(table, bytes)| {
            json!({
                "name": table.name,
                "type": "table",
                "path": format!("{}.csv.gz", table.name),
                "scheme": "file",
                "format": "csv",
                "compression": "gz",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": bytes,
                "title": table.title,
                "description": table.description,
                "dialect": {
                    "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                    "header": true,
                    "delimiter": ",",
                    "quoteChar": "\""
                },
                "schema": table_schema(table),
            })
        })
        .collect();
    json!({
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "congkhai",
        "title": info.title,
        "description": info.description,
        "homepage": info.base_url,
        "language": "vi",
        "licenses": [{ "name": info.licence.name, "title": info.licence.title, "path": info.licence.url }],
        "contributors": [{ "title": info.publisher, "roles": ["publisher"] }],
        "keywords": ["chuyển đổi số", "kế hoạch", "phụ lục", "chỉ tiêu", "dự án"],
        "sources": sources,
        "resources": resources,
    })
}
