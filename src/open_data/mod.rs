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

/// The tables that also have a national JSON dataset (`<name>.json.gz`, an array of their
/// records): those whose records belong to no one document. A document's own records (the
/// document, its sections, targets, measurements and appendices with their rows) are in its
/// `van-ban.json.gz` alone, so that each fact is written once in JSON.
const JSON_TABLES: [&str; 5] = ["du-an", "ho-so-du-an", "chi-so", "co-quan", "tinh"];

/// The datasets whose records are each in their document's JSON file alone.
const IN_DOCUMENT_FILES: [&str; 5] = ["van-ban", "muc", "phu-luc", "chi-tieu", "so-lieu"];

/// The file name of a document's JSON next to its page.
pub const DOCUMENT_FILE: &str = "van-ban.json.gz";

/// A national table's file: `du-lieu/<name>.<format>.gz`.
fn table_path(name: &str, format: &str) -> String {
    format!("{FOLDER}/{name}.{format}.gz")
}

/// A file of the site written a part at a time through gzip: every national table is
/// published compressed only (a reader's program or unzip tool opens it; at 10,000 pages the
/// plain tables would be most of the portal's bytes). Counts the compressed bytes.
struct GzipFile<'a> {
    encoder: flate2::write::GzEncoder<Counted<Box<dyn Stream + 'a>>>,
}

/// A writer that counts what goes through it.
struct Counted<W> {
    inner: W,
    bytes: usize,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<'a> GzipFile<'a> {
    fn create(sink: &'a dyn Sink, path: &str) -> Result<GzipFile<'a>> {
        let inner = Counted {
            inner: sink.stream(path)?,
            bytes: 0,
        };
        let level = flate2::Compression::new(crate::publish::compress::GZIP_LEVEL);
        Ok(GzipFile {
            encoder: flate2::write::GzEncoder::new(inner, level),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        Ok(self.encoder.write_all(bytes)?)
    }

    /// Ends the file; returns its size.
    fn close(self) -> Result<usize> {
        let counted = self.encoder.finish()?;
        counted.inner.close()?;
        Ok(counted.bytes)
    }
}

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
    match name {
        "du-an" => push(records.projects.iter(), out, first),
        "ho-so-du-an" => push(records.tracked.iter(), out, first),
        "chi-so" => push(records.indicators.iter(), out, first),
        "co-quan" => push(records.agencies.iter(), out, first),
        "tinh" => push(records.provinces.iter(), out, first),
        _ => Ok(()),
    }
}

/// One table's files being written a part at a time: its CSV and, where it has one, its
/// JSON array, both gzip-compressed.
struct TableFiles<'a> {
    csv: GzipFile<'a>,
    json: Option<GzipFile<'a>>,
    json_empty: bool,
    rows: usize,
}

impl<'a> TableFiles<'a> {
    /// Opens the files of `table` in `sink` and writes their beginnings.
    fn open(sink: &'a dyn Sink, table: &Table) -> Result<TableFiles<'a>> {
        let mut csv = GzipFile::create(sink, &table_path(table.name, "csv"))?;
        csv.write_all(&tables::csv_header(table)?)?;
        let json = if JSON_TABLES.contains(&table.name) {
            let mut json = GzipFile::create(sink, &table_path(table.name, "json"))?;
            json.write_all(b"[")?;
            Some(json)
        } else {
            None
        };
        Ok(TableFiles {
            csv,
            json,
            json_empty: true,
            rows: 0,
        })
    }

    /// Writes the rows of `table`, made from `records`, to the CSV and the JSON.
    fn append(&mut self, table: &Table, records: &Records) -> Result<()> {
        self.csv.write_all(&tables::csv_rows(table)?)?;
        self.rows += table.rows.len();
        if let Some(json) = &mut self.json {
            let mut elements = Vec::new();
            json_elements(records, table.name, &mut elements, &mut self.json_empty)?;
            json.write_all(&elements)?;
        }
        Ok(())
    }

    /// Ends the files: returns the number of rows and the (compressed) sizes of the CSV and
    /// the JSON.
    fn close(self) -> Result<(usize, usize, Option<usize>)> {
        let csv_bytes = self.csv.close()?;
        let json_bytes = match self.json {
            Some(mut json) => {
                json.write_all(b"]\n")?;
                Some(json.close()?)
            }
            None => None,
        };
        Ok((self.rows, csv_bytes, json_bytes))
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
        for part in Records::tracked_in_parts(site) {
            open_data.append(&part)?;
        }
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

    /// Writes each of `documents` (whole, in site order) as its `van-ban.json.gz` and adds
    /// its records to the tables.
    pub fn add(&mut self, documents: &[crate::site::Document]) -> Result<()> {
        use rayon::prelude::*;
        let records = Records::of_documents(self.site, documents);
        let sink = self.sink;
        records.documents.par_iter().try_for_each(|bundle| {
            sink.put(
                &format!("{}{DOCUMENT_FILE}", bundle.document.url),
                &crate::publish::compress::gzip(&json_bytes(bundle)?)?,
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
            let csv_path = table_path(table.name, "csv");
            listed.push(json!({"format": "CSV (gzip)", "path": csv_path, "size": crate::vietnamese::size_label(csv_len as u64), "bytes": csv_len}));
            downloads.push(json!({"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": format!("{}{csv_path}", site.info.base_url)}));
            if let Some(json_len) = json_len {
                let path = table_path(table.name, "json");
                listed.push(json!({
                    "format": "JSON (gzip)",
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
                // Its JSON is in each document's own file.
                "in_document_files": IN_DOCUMENT_FILES.contains(&table.name),
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
                site.documents.iter().map(|d| json!({"id": d.id, "number": d.number, "title": d.title, "path": format!("{}{DOCUMENT_FILE}", records::document_url(&d.id))})).collect::<Vec<_>>()
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
