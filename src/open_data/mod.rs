//! Open data: every published figure as JSON and CSV, a Frictionless Data Package, JSON
//! Schemas of the datasets and of the content files, and the data behind the `/du-lieu/` page.
//!
//! Everything is made from one set of [`records::Records`] built from the validated site, so
//! JSON, CSV, the package and the page always agree.

mod number;
pub mod package;
pub mod records;
pub mod schema;
pub mod tables;

pub use number::Number;

use crate::render::Output;
use crate::site::Site;
use crate::vietnamese::format_number;
use anyhow::Result;
use records::Records;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};
use tables::Table;

/// The folder of the open-data files.
pub const FOLDER: &str = "du-lieu";

fn json_bytes(value: &impl Serialize) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Indented JSON, for the small files people read: the data package and the schemas.
fn pretty_json_bytes(value: &impl Serialize) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A size the Vietnamese way: `12,3 kB`.
fn size_label(bytes: usize) -> String {
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let (value, unit) = if bytes < 1_000_000 {
        (Decimal::from(bytes as u64) / Decimal::from(1000), "kB")
    } else {
        (Decimal::from(bytes as u64) / Decimal::from(1_000_000), "MB")
    };
    format!("{} {unit}", format_number(value.round_dp(1)))
}

/// The JSON dataset of each table that has one.
fn json_dataset(records: &Records, name: &str) -> Result<Option<Vec<u8>>> {
    let documents = || records.documents.iter();
    let bytes = match name {
        "van-ban" => json_bytes(&documents().map(|b| &b.document).collect::<Vec<_>>())?,
        "muc" => json_bytes(&documents().flat_map(|b| &b.sections).collect::<Vec<_>>())?,
        "phu-luc" => json_bytes(&documents().flat_map(|b| &b.appendices).collect::<Vec<_>>())?,
        "du-an" => json_bytes(&records.projects)?,
        "chi-tieu" => json_bytes(&documents().flat_map(|b| &b.targets).collect::<Vec<_>>())?,
        "so-lieu" => json_bytes(
            &documents()
                .flat_map(|b| &b.measurements)
                .collect::<Vec<_>>(),
        )?,
        "chi-so" => json_bytes(&records.indicators)?,
        "co-quan" => json_bytes(&records.agencies)?,
        "tinh" => json_bytes(&records.provinces)?,
        _ => return Ok(None),
    };
    Ok(Some(bytes))
}

/// Builds every open-data file, handing each to `emit` as soon as it is made (tables on
/// every core), and returns the open-data page's data.
pub fn open_data(site: &Site, emit: &(dyn Fn(Output) -> Result<()> + Sync)) -> Result<Value> {
    use rayon::prelude::*;
    let records = Records::from_site(site);
    // One table at a time per core: its CSV and JSON are written, then its rows dropped.
    let made: Vec<(Value, Vec<Value>, Table, usize)> = tables::tables(&records)
        .into_par_iter()
        .map(|mut table| -> Result<(Value, Vec<Value>, Table, usize)> {
            let mut files = Vec::new();
            let mut downloads = Vec::new();
            let csv = tables::to_csv(&table)?;
            let csv_path = format!("{FOLDER}/{}.csv", table.name);
            let csv_len = csv.len();
            files.push(json!({"format": "CSV", "path": csv_path, "size": size_label(csv_len), "bytes": csv_len}));
            downloads.push(json!({"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": format!("{}{csv_path}", site.info.base_url)}));
            emit(Output {
                path: csv_path,
                bytes: csv,
            })?;
            if let Some(bytes) = json_dataset(&records, table.name)? {
                let path = format!("{FOLDER}/{}.json", table.name);
                files.push(json!({
                    "format": "JSON",
                    "path": path,
                    "size": size_label(bytes.len()),
                    "bytes": bytes.len(),
                    "schema": format!("{FOLDER}/schema/{}.schema.json", table.name),
                }));
                downloads.push(json!({"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": format!("{}{path}", site.info.base_url)}));
                emit(Output { path, bytes })?;
            }
            let dataset = json!({
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "rows": table.rows.len(),
                "rows_text": format_number(Decimal::from(table.rows.len() as u64)),
                "files": files,
                "primary_key": table.primary_key,
                "fields": table.fields.iter().map(|f| json!({
                    "name": f.name,
                    "type": f.kind.name(),
                    "description": f.description,
                    "required": f.required,
                })).collect::<Vec<_>>(),
            });
            table.rows = Vec::new();
            Ok((dataset, downloads, table, csv_len))
        })
        .collect::<Result<_>>()?;
    let mut datasets = Vec::new();
    let mut downloads = Vec::new();
    let mut sized_tables = Vec::new();
    for (dataset, table_downloads, table, csv_len) in made {
        datasets.push(dataset);
        downloads.extend(table_downloads);
        sized_tables.push((table, csv_len));
    }
    records.documents.par_iter().try_for_each(|bundle| {
        emit(Output {
            path: format!("{}van-ban.json", bundle.document.url),
            bytes: json_bytes(bundle)?,
        })
    })?;
    let package = package::datapackage(&site.info, &records, &sized_tables);
    emit(Output {
        path: format!("{FOLDER}/datapackage.json"),
        bytes: pretty_json_bytes(&package)?,
    })?;
    let mut schemas = Vec::new();
    for (folder, list) in [
        ("schema", schema::dataset_schemas()),
        ("schema/noi-dung", schema::content_schemas()),
    ] {
        for named in list {
            let path = format!("{FOLDER}/{folder}/{}", named.file);
            schemas.push(json!({"path": path, "describes": named.describes}));
            emit(Output {
                path,
                bytes: pretty_json_bytes(&named.schema)?,
            })?;
        }
    }
    Ok(json!({
        "datasets": datasets,
        "schemas": schemas,
        "licence": {"name": package::LICENCE.name, "title": package::LICENCE.title, "url": package::LICENCE.path},
        "documents": records.documents.iter().map(|b| json!({"id": b.document.id, "number": b.document.number, "title": b.document.title, "path": format!("{}van-ban.json", b.document.url)})).collect::<Vec<_>>(),
        "json_ld": json_ld(site, downloads)?,
    }))
}

/// Schema.org `Dataset` markup, safe to place inside a `<script>` element.
fn json_ld(site: &Site, downloads: Vec<Value>) -> Result<String> {
    let value = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": format!("Dữ liệu mở – {}", site.info.title),
        "description": format!("{} Văn bản, phụ lục, dự án, chỉ tiêu và số liệu, ở dạng JSON và CSV.", site.info.description),
        "url": format!("{}{FOLDER}/", site.info.base_url),
        "inLanguage": "vi",
        "isAccessibleForFree": true,
        "license": package::LICENCE.path,
        "creator": {"@type": "Organization", "name": site.info.publisher},
        "publisher": {"@type": "Organization", "name": site.info.publisher},
        "keywords": ["chuyển đổi số", "kế hoạch", "phụ lục", "chỉ tiêu", "dự án"],
        "distribution": downloads,
    });
    // `<`, `>` and `&` escaped as \u003c … so that no text can close the script element.
    Ok(serde_json::to_string(&value)?
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_the_vietnamese_way() {
        assert_eq!(size_label(999), "999 B");
        assert_eq!(size_label(12_345), "12,3 kB");
        assert_eq!(size_label(2_500_000), "2,5 MB");
    }
}
