//! Open data: every published figure as JSON and CSV, a Frictionless Data Package, JSON
//! Schemas of the datasets and of the content files, and the data behind the `/du-lieu/` page.
//!
//! Everything is made from the same [`records::Records`], built from the validated site a
//! few documents at a time, so JSON, CSV, the package and the page always agree.

mod number;
pub mod package;
pub mod records;
pub mod schema;
pub mod tables;

use crate::output::{Sink, Stream};
use crate::site::Site;
use anyhow::Result;
use records::Records;
use serde::Serialize;
use serde_json::{Value, json};
use std::io::Write;
use tables::Table;

/// The folder of the open-data files.
pub use crate::urls::OPEN_DATA_FOLDER as FOLDER;

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

/// The tables that also have a JSON dataset: an array of their records.
const JSON_TABLES: [&str; 10] = [
    "van-ban",
    "muc",
    "phu-luc",
    "du-an",
    "ho-so-du-an",
    "chi-tieu",
    "so-lieu",
    "chi-so",
    "co-quan",
    "tinh",
];

/// Appends to `out` the JSON elements of table `name` found in `records`, each after a comma
/// but the very first of the array.
fn json_elements(records: &Records, name: &str, out: &mut Vec<u8>, first: &mut bool) -> Result<()> {
    fn push<'a, T: Serialize + 'a>(
        items: impl Iterator<Item = &'a T>,
        out: &mut Vec<u8>,
        first: &mut bool,
    ) -> Result<()> {
        for item in items {
            if !*first {
                out.push(b',');
            }
            *first = false;
            serde_json::to_writer(&mut *out, item)?;
        }
        Ok(())
    }
    let documents = || records.documents.iter();
    match name {
        "van-ban" => push(documents().map(|b| &b.document), out, first),
        "muc" => push(documents().flat_map(|b| &b.sections), out, first),
        "phu-luc" => push(documents().flat_map(|b| &b.appendices), out, first),
        "du-an" => push(records.projects.iter(), out, first),
        "ho-so-du-an" => push(records.tracked.iter(), out, first),
        "chi-tieu" => push(documents().flat_map(|b| &b.targets), out, first),
        "so-lieu" => push(documents().flat_map(|b| &b.measurements), out, first),
        "chi-so" => push(records.indicators.iter(), out, first),
        "co-quan" => push(records.agencies.iter(), out, first),
        "tinh" => push(records.provinces.iter(), out, first),
        _ => Ok(()),
    }
}

/// One table's files being written a part at a time: its CSV and, where it has one, its
/// JSON array.
struct TableFiles<'a> {
    csv: Box<dyn Stream + 'a>,
    csv_bytes: usize,
    json: Option<(Box<dyn Stream + 'a>, usize)>,
    json_empty: bool,
    rows: usize,
}

impl<'a> TableFiles<'a> {
    /// Opens the files of `table` in `sink` and writes their beginnings.
    fn open(sink: &'a dyn Sink, table: &Table) -> Result<TableFiles<'a>> {
        let header = tables::csv_header(table)?;
        let mut csv = sink.stream(&format!("{FOLDER}/{}.csv", table.name))?;
        csv.write_all(&header)?;
        let json = if JSON_TABLES.contains(&table.name) {
            let mut json = sink.stream(&format!("{FOLDER}/{}.json", table.name))?;
            json.write_all(b"[")?;
            Some((json, 1))
        } else {
            None
        };
        Ok(TableFiles {
            csv,
            csv_bytes: header.len(),
            json,
            json_empty: true,
            rows: 0,
        })
    }

    /// Writes the rows of `table`, made from `records`, to the CSV and the JSON.
    fn append(&mut self, table: &Table, records: &Records) -> Result<()> {
        let csv = tables::csv_rows(table)?;
        self.csv.write_all(&csv)?;
        self.csv_bytes += csv.len();
        self.rows += table.rows.len();
        if let Some((json, bytes)) = &mut self.json {
            let mut elements = Vec::new();
            json_elements(records, table.name, &mut elements, &mut self.json_empty)?;
            json.write_all(&elements)?;
            *bytes += elements.len();
        }
        Ok(())
    }

    /// Ends the files: returns the number of rows and the sizes of the CSV and the JSON.
    fn close(self) -> Result<(usize, usize, Option<usize>)> {
        self.csv.close()?;
        let json_bytes = match self.json {
            Some((mut json, bytes)) => {
                json.write_all(b"]\n")?;
                json.close()?;
                Some(bytes + 2)
            }
            None => None,
        };
        Ok((self.rows, self.csv_bytes, json_bytes))
    }
}

/// Every open-data file of `site` into `sink` (its documents read again whole where the
/// check dropped their bodies); returns the open-data page's data (benchmarks, tools: a
/// build writes them with its other files).
#[cfg(feature = "bench-stages")]
pub fn open_data(site: &Site, sink: &dyn Sink) -> Result<Value> {
    let reader = crate::validate::Reader::new(site);
    let mut writer = OpenData::begin(site, sink)?;
    for part in site.documents.chunks(crate::validate::DOCUMENTS_PER_PART) {
        writer.add(&reader.whole(part)?)?;
    }
    writer.finish()
}

/// The open-data files being written: [`OpenData::add`] takes the documents a few at a
/// time (their records made on every core, the tables' files written side by side), so that
/// neither the records of the whole site nor any whole table is ever held in memory.
pub struct OpenData<'a> {
    site: &'a Site,
    sink: &'a dyn Sink,
    shapes: Vec<Table>,
    files: Vec<TableFiles<'a>>,
}

impl<'a> OpenData<'a> {
    /// Opens the tables' files in `sink` and writes the records of the provinces, agencies
    /// and indicators of `site`.
    pub fn begin(site: &'a Site, sink: &'a dyn Sink) -> Result<OpenData<'a>> {
        let shapes = tables::tables(&Records::default());
        let files = shapes
            .iter()
            .map(|table| TableFiles::open(sink, table))
            .collect::<Result<Vec<_>>>()?;
        let mut open_data = OpenData {
            site,
            sink,
            shapes,
            files,
        };
        open_data.append(&Records::registries(site))?;
        Ok(open_data)
    }

    fn append(&mut self, records: &Records) -> Result<()> {
        use rayon::prelude::*;
        let tables = tables::tables(records);
        self.files
            .par_iter_mut()
            .zip(tables.par_iter())
            .try_for_each(|(files, table)| files.append(table, records))
    }

    /// Writes each of `documents` (whole, in site order) as its `van-ban.json` and adds
    /// its records to the tables.
    pub fn add(&mut self, documents: &[crate::site::Document]) -> Result<()> {
        use rayon::prelude::*;
        let records = Records::of_documents(self.site, documents);
        let sink = self.sink;
        records.documents.par_iter().try_for_each(|bundle| {
            sink.put(
                &format!("{}van-ban.json", bundle.document.url),
                &json_bytes(bundle)?,
            )
        })?;
        self.append(&records)
    }

    /// Ends the tables and writes the data package and the schemas; returns the open-data
    /// page's data.
    pub fn finish(self) -> Result<Value> {
        let OpenData {
            site,
            sink,
            shapes,
            files,
        } = self;
        let mut datasets = Vec::new();
        let mut downloads = Vec::new();
        let mut sized_tables = Vec::new();
        for (table, files) in shapes.into_iter().zip(files) {
            let (rows, csv_len, json_len) = files.close()?;
            let mut listed = Vec::new();
            let csv_path = format!("{FOLDER}/{}.csv", table.name);
            listed.push(json!({"format": "CSV", "path": csv_path, "size": crate::vietnamese::size_label(csv_len as u64), "bytes": csv_len}));
            downloads.push(json!({"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": format!("{}{csv_path}", site.info.base_url)}));
            if let Some(json_len) = json_len {
                let path = format!("{FOLDER}/{}.json", table.name);
                listed.push(json!({
                    "format": "JSON",
                    "path": path,
                    "size": crate::vietnamese::size_label(json_len as u64),
                    "bytes": json_len,
                    "schema": format!("{FOLDER}/schema/{}.schema.json", table.name),
                }));
                downloads.push(json!({"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": format!("{}{path}", site.info.base_url)}));
            }
            datasets.push(json!({
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "rows": rows,
                "rows_text": crate::vietnamese::format_count(rows),
                "files": listed,
                "primary_key": table.primary_key,
                "fields": table.fields.iter().map(|f| json!({
                    "name": f.name,
                    "type": f.kind.name(),
                    "description": f.description,
                    "required": f.required,
                })).collect::<Vec<_>>(),
            }));
            sized_tables.push((table, csv_len));
        }
        let package = package::datapackage(&site.info, &site.documents, &sized_tables);
        sink.put(
            &format!("{FOLDER}/datapackage.json"),
            &pretty_json_bytes(&package)?,
        )?;
        let mut schemas = Vec::new();
        for (folder, list) in [
            ("schema", schema::dataset_schemas()),
            ("schema/noi-dung", schema::content_schemas()),
        ] {
            for named in list {
                let path = format!("{FOLDER}/{folder}/{}", named.file);
                schemas.push(json!({"path": path, "describes": named.describes}));
                sink.put(&path, &pretty_json_bytes(&named.schema)?)?;
            }
        }
        Ok(json!({
            "datasets": datasets,
            "schemas": schemas,
            "licence": site.info.licence,
            // A national site's documents are too many to list on one page: their files are
            // linked from their own pages instead.
            "documents": if site.documents.len() <= DOCUMENT_FILES_LISTED {
                site.documents.iter().map(|d| json!({"id": d.id, "number": d.number, "title": d.title, "path": format!("{}van-ban.json", records::document_url(&d.id))})).collect::<Vec<_>>()
            } else {
                Vec::new()
            },
            "document_count": crate::vietnamese::format_number(rust_decimal::Decimal::from(site.documents.len())),
            "json_ld": json_ld(site, downloads)?,
        }))
    }
}

/// The most documents whose `van-ban.json` files the open-data page lists one by one.
pub const DOCUMENT_FILES_LISTED: usize = 1_000;

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
        "license": site.info.licence.url,
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
