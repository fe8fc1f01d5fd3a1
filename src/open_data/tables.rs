//! The tabular datasets. Each is declared once, as a list of columns that each name a field
//! with how to read its cell: for the datasets that are also JSON, the fields of the record
//! type marked `#[csv(…)]` in [`dataset_record!`] (the same declaration gives the JSON and
//! its JSON Schema); for the tables of a document's relations and of an appendix's columns,
//! rows and cells, a [`Column`] list here. The CSV header, the cells and the Data Package's
//! Table Schema are all made from these lists, so they cannot disagree.

use super::number::Number;
use super::records::{
    AgencyRecord, AppendixRecord, CellRecord, ColumnRecord, DocumentRecord, IndicatorRecord,
    MeasurementRecord, ProjectRecord, ProvinceRecord, Records, RelationRecord, RowRecord,
    SectionRecord, TargetRecord, TrackedProjectRecord,
};

/// The type of a column, as Table Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    String,
    /// Whole number.
    Integer,
    /// Decimal number written with a dot.
    Number,
    /// ISO 8601 date.
    Date,
    /// `true` or `false`.
    Boolean,
}

impl FieldType {
    /// The Table Schema type name.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Boolean => "boolean",
        }
    }
}

/// A column of a table.
#[derive(Debug, Clone)]
pub struct Field {
    /// Column name in the header row.
    pub name: &'static str,
    /// Type.
    pub kind: FieldType,
    /// What the column holds, in Vietnamese.
    pub description: &'static str,
    /// Every row has a value.
    pub required: bool,
    /// Values must match `[a-z0-9]+(-[a-z0-9]+)*` (an ID used in URLs).
    pub id_pattern: bool,
}

/// A foreign key: `fields` of this table refer to `fields` of `resource`.
#[derive(Debug, Clone)]
pub struct ForeignKey {
    /// Columns of this table.
    pub fields: &'static [&'static str],
    /// The referenced table.
    pub resource: &'static str,
    /// Its columns.
    pub reference: &'static [&'static str],
}

/// One tabular dataset.
#[derive(Debug, Clone)]
pub struct Table {
    /// Name (also the file name without `.csv`).
    pub name: &'static str,
    /// Title in Vietnamese.
    pub title: &'static str,
    /// Description in Vietnamese.
    pub description: &'static str,
    /// Columns.
    pub fields: Vec<Field>,
    /// Columns that identify a row.
    pub primary_key: &'static [&'static str],
    /// References to other tables.
    pub foreign_keys: Vec<ForeignKey>,
    /// Rows, aligned with `fields` (made by their [`Column`]s); `None` is an empty cell.
    pub rows: Vec<Vec<Cell>>,
}

/// A field's CSV cell: its text, `None` for an empty cell.
pub type Cell = Option<String>;

/// A value as a CSV cell: numbers in plain dot-decimal, lists joined by `; `, an absent
/// value (or an empty list) as an empty cell.
pub trait ToCell {
    /// The cell.
    fn cell(&self) -> Cell;
}

impl ToCell for String {
    fn cell(&self) -> Cell {
        Some(self.clone())
    }
}

impl ToCell for Number {
    fn cell(&self) -> Cell {
        Some(self.plain())
    }
}

impl ToCell for i32 {
    fn cell(&self) -> Cell {
        Some(self.to_string())
    }
}

impl ToCell for usize {
    fn cell(&self) -> Cell {
        Some(self.to_string())
    }
}

impl ToCell for bool {
    fn cell(&self) -> Cell {
        Some(self.to_string())
    }
}

impl<T: ToCell> ToCell for Option<T> {
    fn cell(&self) -> Cell {
        self.as_ref().and_then(ToCell::cell)
    }
}

impl ToCell for Vec<String> {
    fn cell(&self) -> Cell {
        (!self.is_empty()).then(|| self.join("; "))
    }
}

/// A column with the way to read its cell from a row of type `R`: the one place a dataset
/// names a field, so that the header, the cells and the schema cannot come apart.
pub struct Column<R> {
    /// Name, type and meaning.
    pub field: Field,
    /// The cell of a row.
    pub value: fn(&R) -> Cell,
}

/// A record type whose fields are (some of) the columns of a table: declared with
/// [`dataset_record!`], which marks the columns next to the fields.
pub trait Columns: Sized {
    /// The columns, in the order of the fields.
    fn columns() -> Vec<Column<Self>>;
}

/// Declares a record type (serialized as JSON, with its JSON Schema from the doc comments)
/// whose fields marked `#[csv(maker Kind "description")]` are also the columns of its CSV
/// table, in field order: `maker` is [`field`], [`required`] or [`id`], `Kind` a
/// [`kinds`] name. One declaration gives the JSON, the JSON Schema, the CSV and the Table
/// Schema of a dataset.
macro_rules! dataset_record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:literal])*
                $(#[csv($maker:ident $kind:ident $description:literal)])?
                pub $field:ident: $type:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                pub $field: $type,
            )*
        }

        impl $crate::open_data::tables::Columns for $name {
            fn columns() -> Vec<$crate::open_data::tables::Column<Self>> {
                vec![$($(
                    $crate::open_data::tables::Column {
                        field: $crate::open_data::tables::$maker(
                            stringify!($field),
                            $crate::open_data::tables::kinds::$kind,
                            $description,
                        ),
                        value: |record: &Self| {
                            $crate::open_data::tables::ToCell::cell(&record.$field)
                        },
                    },
                )?)*]
            }
        }
    };
}
pub(crate) use dataset_record;

/// The short names of the field types used in the dataset declarations.
pub mod kinds {
    pub use super::FieldType::{Boolean, Date, Integer, Number as Num, String as Str};
}

/// A field that may be empty.
pub fn field(name: &'static str, kind: FieldType, description: &'static str) -> Field {
    Field {
        name,
        kind,
        description,
        required: false,
        id_pattern: false,
    }
}

/// A field every row fills.
pub fn required(name: &'static str, kind: FieldType, description: &'static str) -> Field {
    Field {
        required: true,
        ..field(name, kind, description)
    }
}

/// A required ID as in the page URLs (`kind` is text).
pub fn id(name: &'static str, kind: FieldType, description: &'static str) -> Field {
    Field {
        id_pattern: true,
        ..required(name, kind, description)
    }
}

fn fk(
    fields: &'static [&'static str],
    resource: &'static str,
    reference: &'static [&'static str],
) -> ForeignKey {
    ForeignKey {
        fields,
        resource,
        reference,
    }
}

/// A column of a table whose rows are not records of their own (a document's relations,
/// an appendix's columns, rows and cells).
fn column<R>(field: Field, value: fn(&R) -> Cell) -> Column<R> {
    Column { field, value }
}

use FieldType::{Date, Integer, Number as Num, String as Str};

/// What a table is, apart from its columns and rows.
struct About {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    primary_key: &'static [&'static str],
    foreign_keys: Vec<ForeignKey>,
}

impl Table {
    /// The table `about` with `columns`, one row per item of `rows`.
    fn of<R, I: std::borrow::Borrow<R>>(
        about: About,
        columns: Vec<Column<R>>,
        rows: impl Iterator<Item = I>,
    ) -> Table {
        let rows = rows
            .map(|row| columns.iter().map(|c| (c.value)(row.borrow())).collect())
            .collect();
        Table {
            name: about.name,
            title: about.title,
            description: about.description,
            fields: columns.into_iter().map(|c| c.field).collect(),
            primary_key: about.primary_key,
            foreign_keys: about.foreign_keys,
            rows,
        }
    }
}

/// A relation of a document, with its position from 1.
pub struct RelationRow<'a> {
    document: &'a DocumentRecord,
    position: usize,
    relation: &'a RelationRecord,
}

fn relation_columns<'a>() -> Vec<Column<RelationRow<'a>>> {
    vec![
        column(id("document", Str, "Mã văn bản có quan hệ"), |r| {
            r.document.id.cell()
        }),
        column(
            required("position", Integer, "Thứ tự trong văn bản, từ 1"),
            |r| r.position.cell(),
        ),
        column(
            required(
                "kind",
                Str,
                "issues, implements, reports_on, supersedes hoặc based_on",
            ),
            |r| r.relation.kind.cell(),
        ),
        column(
            field(
                "related_document",
                Str,
                "Mã văn bản liên quan khi nó có trên cổng",
            ),
            |r| r.relation.document.cell(),
        ),
        column(
            field("number", Str, "Số ký hiệu văn bản liên quan"),
            |r| r.relation.number.cell(),
        ),
        column(
            field("issued", Date, "Ngày ban hành văn bản liên quan"),
            |r| r.relation.issued.cell(),
        ),
        column(
            field("title", Str, "Trích yếu văn bản liên quan"),
            |r| r.relation.title.cell(),
        ),
        column(
            field("issuer", Str, "Cơ quan ban hành văn bản liên quan, như in"),
            |r| r.relation.issuer.cell(),
        ),
    ]
}

/// A part of an appendix (a column or a row) with its position from 1.
pub struct AppendixPart<'a, T> {
    appendix: &'a AppendixRecord,
    position: usize,
    part: &'a T,
}

fn appendix_column_columns<'a>() -> Vec<Column<AppendixPart<'a, ColumnRecord>>> {
    vec![
        column(id("document", Str, "Mã văn bản"), |r| {
            r.appendix.document.cell()
        }),
        column(required("appendix", Str, "Mã phụ lục"), |r| {
            r.appendix.id.cell()
        }),
        column(required("key", Str, "Khóa cột"), |r| r.part.key.cell()),
        column(
            required("position", Integer, "Thứ tự cột, từ 1"),
            |r| r.position.cell(),
        ),
        column(required("title", Str, "Tiêu đề cột, như in"), |r| {
            r.part.title.cell()
        }),
        column(
            required(
                "role",
                Str,
                "Vai trò: label, name, agency, goal, scale, period, amount, funding, status, note, text, date, document",
            ),
            |r| r.part.role.cell(),
        ),
    ]
}

fn appendix_row_columns<'a>() -> Vec<Column<AppendixPart<'a, RowRecord>>> {
    vec![
        column(id("document", Str, "Mã văn bản"), |r| {
            r.appendix.document.cell()
        }),
        column(required("appendix", Str, "Mã phụ lục"), |r| {
            r.appendix.id.cell()
        }),
        column(
            required("anchor", Str, "Neo của dòng trên trang phụ lục"),
            |r| r.part.anchor.cell(),
        ),
        column(
            required("position", Integer, "Thứ tự dòng, từ 1"),
            |r| r.position.cell(),
        ),
        column(required("kind", Str, "group, row hoặc total"), |r| {
            r.part.kind.cell()
        }),
        column(required("url", Str, "Địa chỉ dòng"), |r| {
            r.part.url.cell()
        }),
        column(
            required(
                "depth",
                Integer,
                "Độ sâu trong cây nhóm (0 = cấp ngoài cùng)",
            ),
            |r| r.part.depth.cell(),
        ),
        column(
            field(
                "group_path",
                Str,
                "Ký hiệu các nhóm chứa dòng, cách nhau bởi “; ”",
            ),
            |r| r.part.group_path.cell(),
        ),
        column(
            field(
                "group",
                Str,
                "Neo của nhóm gần nhất chứa dòng (dòng nhóm có anchor này), kể cả khi nhóm không in ký hiệu",
            ),
            |r| r.part.group.cell(),
        ),
        column(field("label", Str, "Ký hiệu nhóm"), |r| {
            r.part.label.cell()
        }),
        column(
            field("title", Str, "Tiêu đề nhóm hoặc dòng tổng"),
            |r| r.part.title.cell(),
        ),
        column(
            field(
                "agencies",
                Str,
                "Mã các cơ quan chủ trì, cách nhau bởi “; ”",
            ),
            |r| r.part.agencies.cell(),
        ),
    ]
}

/// A non-empty cell of an appendix row, with its column's key.
pub struct AppendixCell<'a> {
    appendix: &'a AppendixRecord,
    row: &'a RowRecord,
    key: &'a String,
    cell: &'a CellRecord,
}

fn appendix_cell_columns<'a>() -> Vec<Column<AppendixCell<'a>>> {
    vec![
        column(id("document", Str, "Mã văn bản"), |r| {
            r.appendix.document.cell()
        }),
        column(required("appendix", Str, "Mã phụ lục"), |r| {
            r.appendix.id.cell()
        }),
        column(required("anchor", Str, "Neo của dòng"), |r| {
            r.row.anchor.cell()
        }),
        column(required("column", Str, "Khóa cột"), |r| r.key.cell()),
        column(required("text", Str, "Nội dung ô, như in"), |r| {
            r.cell.text.cell()
        }),
        column(
            field(
                "value",
                Num,
                "Số tiền đọc được, theo đơn vị của phụ lục (dấu chấm thập phân)",
            ),
            |r| r.cell.value.cell(),
        ),
    ]
}

/// Every tabular dataset, in the order the open-data page lists them.
pub fn tables(records: &Records) -> Vec<Table> {
    let documents = || records.documents.iter();
    let appendices = || documents().flat_map(|b| &b.appendices);
    vec![
        Table::of(
            About {
                name: "van-ban",
                title: "Văn bản",
                description: "Mỗi dòng là một kế hoạch, báo cáo hoặc quyết định.",
                primary_key: &["id"],
                foreign_keys: vec![
                    fk(&["issuer"], "co-quan", &["id"]),
                    fk(&["province"], "tinh", &["id"]),
                ],
            },
            DocumentRecord::columns(),
            documents().map(|b| &b.document),
        ),
        Table::of(
            About {
                name: "quan-he",
                title: "Quan hệ giữa các văn bản",
                description: "Mỗi dòng là một quan hệ: ban hành, triển khai, báo cáo về, thay thế, căn cứ.",
                primary_key: &["document", "position"],
                foreign_keys: vec![
                    fk(&["document"], "van-ban", &["id"]),
                    fk(&["related_document"], "van-ban", &["id"]),
                ],
            },
            relation_columns(),
            documents().flat_map(|b| {
                let document = &b.document;
                document
                    .relations
                    .iter()
                    .enumerate()
                    .map(move |(p, relation)| RelationRow {
                        document,
                        position: p + 1,
                        relation,
                    })
            }),
        ),
        Table::of(
            About {
                name: "muc",
                title: "Các phần của văn bản",
                description: "Mỗi dòng là một phần (mục) văn bản, với tiêu đề và địa chỉ.",
                primary_key: &["document", "id"],
                foreign_keys: vec![fk(&["document"], "van-ban", &["id"])],
            },
            SectionRecord::columns(),
            documents().flat_map(|b| &b.sections),
        ),
        Table::of(
            About {
                name: "chi-tieu",
                title: "Chỉ tiêu",
                description: "Mỗi dòng là một chỉ tiêu của một văn bản (một con số cần đạt).",
                primary_key: &["document", "id"],
                foreign_keys: vec![
                    fk(&["document"], "van-ban", &["id"]),
                    fk(&["indicator"], "chi-so", &["id"]),
                ],
            },
            TargetRecord::columns(),
            documents().flat_map(|b| &b.targets),
        ),
        Table::of(
            About {
                name: "so-lieu",
                title: "Số liệu đo được",
                description: "Mỗi dòng là một số liệu nêu trong văn bản (chủ yếu trong báo cáo), có thể gắn với chỉ tiêu.",
                primary_key: &["document", "id"],
                foreign_keys: vec![
                    fk(&["document"], "van-ban", &["id"]),
                    fk(&["indicator"], "chi-so", &["id"]),
                    fk(
                        &["target_document", "target"],
                        "chi-tieu",
                        &["document", "id"],
                    ),
                ],
            },
            MeasurementRecord::columns(),
            documents().flat_map(|b| &b.measurements),
        ),
        Table::of(
            About {
                name: "phu-luc",
                title: "Phụ lục",
                description: "Mỗi dòng là một bảng phụ lục của một văn bản.",
                primary_key: &["document", "id"],
                foreign_keys: vec![fk(&["document"], "van-ban", &["id"])],
            },
            AppendixRecord::columns(),
            appendices(),
        ),
        Table::of(
            About {
                name: "phu-luc-cot",
                title: "Cột của phụ lục",
                description: "Mỗi dòng là một cột của một bảng phụ lục, với vai trò của cột.",
                primary_key: &["document", "appendix", "key"],
                foreign_keys: vec![fk(
                    &["document", "appendix"],
                    "phu-luc",
                    &["document", "id"],
                )],
            },
            appendix_column_columns(),
            appendices().flat_map(|appendix| {
                appendix
                    .columns
                    .iter()
                    .enumerate()
                    .map(move |(p, part)| AppendixPart {
                        appendix,
                        position: p + 1,
                        part,
                    })
            }),
        ),
        Table::of(
            About {
                name: "phu-luc-dong",
                title: "Dòng của phụ lục",
                description: "Mỗi dòng là một dòng bảng phụ lục: nhóm (group), dòng dữ liệu (row) hoặc dòng tổng cộng (total).",
                primary_key: &["document", "appendix", "anchor"],
                foreign_keys: vec![fk(
                    &["document", "appendix"],
                    "phu-luc",
                    &["document", "id"],
                )],
            },
            appendix_row_columns(),
            appendices().flat_map(|appendix| {
                appendix
                    .rows
                    .iter()
                    .enumerate()
                    .map(move |(p, part)| AppendixPart {
                        appendix,
                        position: p + 1,
                        part,
                    })
            }),
        ),
        Table::of(
            About {
                name: "phu-luc-o",
                title: "Ô của phụ lục",
                description: "Mỗi dòng là một ô có nội dung của bảng phụ lục: chữ như in và, với cột số tiền, con số đọc được.",
                primary_key: &["document", "appendix", "anchor", "column"],
                foreign_keys: vec![
                    fk(
                        &["document", "appendix", "anchor"],
                        "phu-luc-dong",
                        &["document", "appendix", "anchor"],
                    ),
                    fk(
                        &["document", "appendix", "column"],
                        "phu-luc-cot",
                        &["document", "appendix", "key"],
                    ),
                ],
            },
            appendix_cell_columns(),
            appendices().flat_map(|appendix| {
                appendix.rows.iter().flat_map(move |row| {
                    row.cells.iter().map(move |(key, cell)| AppendixCell {
                        appendix,
                        row,
                        key,
                        cell,
                    })
                })
            }),
        ),
        Table::of(
            About {
                name: "du-an",
                title: "Dự án, nhiệm vụ (mỗi lần được nhắc một dòng)",
                description: "Mọi dòng dữ liệu của mọi phụ lục, trải phẳng: văn bản, tỉnh, cơ quan chủ trì, kinh phí, dự án (project) mà dòng thuộc về, lời ghi tình trạng và tình trạng chuẩn. Các dòng có amount_column (phụ lục có cột kinh phí) là các dự án, nhiệm vụ mà cổng đếm và liệt kê; các dòng khác là danh mục không có kinh phí (văn bản, thủ tục).",
                primary_key: &["id"],
                foreign_keys: vec![
                    fk(
                        &["document", "appendix", "anchor"],
                        "phu-luc-dong",
                        &["document", "appendix", "anchor"],
                    ),
                    fk(&["province"], "tinh", &["id"]),
                ],
            },
            ProjectRecord::columns(),
            records.projects.iter(),
        ),
        Table::of(
            About {
                name: "ho-so-du-an",
                title: "Hồ sơ dự án (mỗi dự án một dòng)",
                description: "Mỗi dòng là một dự án, nhiệm vụ, tính một lần dù nhiều văn bản nhắc đến: các dòng phụ lục nối nhau bằng continues (dòng của báo cáo tiếp nối dòng của kế hoạch) là một dự án, mang mã của dòng đầu tiên. Từng lần được nhắc là các dòng của bảng du-an có cột project bằng mã này.",
                primary_key: &["id"],
                foreign_keys: vec![
                    fk(&["province"], "tinh", &["id"]),
                    fk(&["first_document"], "van-ban", &["id"]),
                    fk(&["latest_document"], "van-ban", &["id"]),
                ],
            },
            TrackedProjectRecord::columns(),
            records.tracked.iter(),
        ),
        Table::of(
            About {
                name: "chi-so",
                title: "Chỉ số dùng chung",
                description: "Các chỉ số mà nhiều tỉnh cùng đặt chỉ tiêu, để so sánh.",
                primary_key: &["id"],
                foreign_keys: vec![],
            },
            IndicatorRecord::columns(),
            records.indicators.iter(),
        ),
        Table::of(
            About {
                name: "co-quan",
                title: "Cơ quan",
                description: "Các cơ quan ban hành văn bản hoặc chủ trì dự án, với mọi cách viết tên.",
                primary_key: &["id"],
                foreign_keys: vec![fk(&["province"], "tinh", &["id"])],
            },
            AgencyRecord::columns(),
            records.agencies.iter(),
        ),
        Table::of(
            About {
                name: "tinh",
                title: "Tỉnh",
                description: "Các tỉnh có văn bản trên cổng.",
                primary_key: &["id"],
                foreign_keys: vec![fk(&["merged_into"], "tinh", &["id"])],
            },
            ProvinceRecord::columns(),
            records.provinces.iter(),
        ),
    ]
}

/// The start of the table's CSV file: a UTF-8 byte order mark (so that Excel reads
/// Vietnamese text as UTF-8) and the header row.
pub fn csv_header(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    let mut writer = csv_writer(&mut bytes);
    writer.write_record(table.fields.iter().map(|f| f.name))?;
    writer.flush()?;
    drop(writer);
    Ok(bytes)
}

/// The table's rows as CSV lines: commas, dot decimals, quotes where needed, CRLF line
/// ends (RFC 4180), text that Excel would take for a formula behind a `'` ([`excel_text`]).
/// Written after [`csv_header`], a part at a time.
pub fn csv_rows(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut writer = csv_writer(&mut bytes);
    for row in &table.rows {
        writer.write_record(row.iter().zip(&table.fields).map(|(cell, field)| {
            let text = cell.as_deref().unwrap_or("");
            CsvCell(match field.kind {
                FieldType::String => excel_text(text),
                _ => std::borrow::Cow::Borrowed(text),
            })
        }))?;
    }
    writer.flush()?;
    drop(writer);
    Ok(bytes)
}

/// A cell as the CSV writer takes it.
struct CsvCell<'a>(std::borrow::Cow<'a, str>);

impl AsRef<[u8]> for CsvCell<'_> {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A text cell as Excel and LibreOffice must read it: text that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be taken for a formula (a plan's "- UBND tỉnh đồng
/// ý …" shows as `#NAME?`, and a crafted cell could run one), so it gets a `'` in front, as
/// OWASP advises for CSV. The JSON files keep every text exactly.
pub fn excel_text(text: &str) -> std::borrow::Cow<'_, str> {
    // A sign alone ("-" for no amount) is text to Excel too.
    if text.len() > 1 && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A CSV writer with Excel's line ends.
fn csv_writer(bytes: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The records of the test fixture `tests/fixtures/valid`: its registries and both of
    /// its documents.
    fn fixture() -> Records {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        let (content, diagnostics) = crate::load::load(&root);
        assert!(!diagnostics.has_errors(), "fixture loads");
        let (site, diagnostics) =
            crate::validate::validate(&content, &crate::validate::SiteOverrides::default());
        assert!(!diagnostics.has_errors(), "fixture is valid");
        let mut records = Records::registries(&site);
        let documents = Records::of_documents(&site, &site.documents);
        records.documents = documents.documents;
        records.projects = documents.projects;
        records.tracked = Records::tracked_in_parts(&site)
            .flat_map(|part| part.tracked)
            .collect();
        records
    }

    fn table<'a>(tables: &'a [Table], name: &str) -> &'a Table {
        tables.iter().find(|t| t.name == name).expect(name)
    }

    /// The cell of `column` in each row of `table`.
    fn cells<'a>(table: &'a Table, column: &str) -> Vec<Option<&'a str>> {
        let index = table.fields.iter().position(|f| f.name == column);
        let index = index.expect(column);
        table.rows.iter().map(|r| r[index].as_deref()).collect()
    }

    /// Parses a table's CSV file as written: header and rows.
    fn read_csv(table: &Table) -> (Vec<String>, Vec<Vec<String>>) {
        let mut bytes = csv_header(table).expect("header");
        bytes.extend(csv_rows(table).expect("rows"));
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let text = text.strip_prefix('\u{feff}').expect("byte order mark");
        assert!(text.ends_with("\r\n"), "CRLF line ends");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().expect("header").iter().map(String::from);
        let header = header.collect();
        let rows = reader.records().map(|r| {
            let record = r.expect("record");
            record.iter().map(String::from).collect()
        });
        (header, rows.collect())
    }

    #[test]
    fn every_dataset_names_each_field_once_with_its_schema_in_the_same_order() {
        let tables = tables(&fixture());
        assert_eq!(tables.len(), 14);
        for table in &tables {
            let names: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{}: a field twice", table.name);
            let (header, rows) = read_csv(table);
            assert_eq!(header, names, "{}: CSV header", table.name);
            let schema = super::super::package::table_schema(table);
            let schema_names: Vec<&str> = schema["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .map(|f| f["name"].as_str().expect("name"))
                .collect();
            assert_eq!(schema_names, names, "{}: Table Schema", table.name);
            for key in table.primary_key {
                assert!(names.contains(key), "{}: primary key {key}", table.name);
            }
            for key in &table.foreign_keys {
                for field in key.fields {
                    assert!(names.contains(field), "{}: foreign key {field}", table.name);
                }
            }
            // A row round-trips through the CSV: the same cells, text cells as Excel reads them.
            assert_eq!(rows.len(), table.rows.len(), "{}: rows", table.name);
            for (read, row) in rows.iter().zip(&table.rows) {
                let expected: Vec<String> = row
                    .iter()
                    .zip(&table.fields)
                    .map(|(cell, field)| {
                        let text = cell.as_deref().unwrap_or("");
                        match field.kind {
                            FieldType::String => excel_text(text).into_owned(),
                            _ => text.to_string(),
                        }
                    })
                    .collect();
                assert_eq!(read, &expected, "{}", table.name);
                for (cell, field) in row.iter().zip(&table.fields) {
                    if field.required {
                        assert!(cell.is_some(), "{}.{} is required", table.name, field.name);
                    }
                }
            }
        }
    }

    /// The JSON value of a record's field as its CSV cell would write it.
    fn as_cell(value: &Value) -> Option<String> {
        match value {
            Value::Null => None,
            Value::String(text) => Some(text.clone()),
            Value::Array(items) if items.is_empty() => None,
            Value::Array(items) => Some(
                items
                    .iter()
                    .map(|i| i.as_str().expect("list of text"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            other => Some(other.to_string()),
        }
    }

    /// The keys of a JSON object in the order written (a `Value` sorts them).
    struct KeysInOrder(Vec<String>);

    impl<'de> serde::Deserialize<'de> for KeysInOrder {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = KeysInOrder;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<KeysInOrder, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        map.next_value::<serde::de::IgnoredAny>()?;
                        keys.push(key);
                    }
                    Ok(KeysInOrder(keys))
                }
            }
            deserializer.deserialize_map(Visitor)
        }
    }

    /// The table's columns are fields of its JSON records, in the same order and with the
    /// same values; the JSON Schema of the records has each of them.
    fn check_json<R: serde::Serialize + schemars::JsonSchema>(
        table: &Table,
        records: &[&R],
    ) -> usize {
        let names: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
        let schema = serde_json::to_value(schemars::schema_for!(R)).expect("schema");
        let properties = schema["properties"].as_object().expect("properties");
        for name in &names {
            assert!(
                properties.contains_key(*name),
                "{}: schema has {name}",
                table.name
            );
        }
        assert_eq!(records.len(), table.rows.len(), "{}", table.name);
        for (record, row) in records.iter().zip(&table.rows) {
            let json = serde_json::to_value(record).expect("json");
            let object = json.as_object().expect("object");
            let text = serde_json::to_string(record).expect("json");
            let KeysInOrder(keys) = serde_json::from_str(&text).expect("keys");
            let in_json: Vec<&str> = keys
                .iter()
                .map(String::as_str)
                .filter(|k| names.contains(k))
                .collect();
            assert_eq!(in_json, names, "{}: JSON keys in CSV order", table.name);
            for (name, cell) in names.iter().zip(row) {
                assert_eq!(&as_cell(&object[*name]), cell, "{}.{name}", table.name);
            }
        }
        records.len()
    }

    #[test]
    fn the_json_records_hold_every_csv_column_with_the_same_value() {
        let records = fixture();
        let tables = tables(&records);
        let documents = || records.documents.iter();
        let checked = [
            check_json(
                table(&tables, "van-ban"),
                &documents().map(|b| &b.document).collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "muc"),
                &documents().flat_map(|b| &b.sections).collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "chi-tieu"),
                &documents().flat_map(|b| &b.targets).collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "so-lieu"),
                &documents()
                    .flat_map(|b| &b.measurements)
                    .collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "phu-luc"),
                &documents().flat_map(|b| &b.appendices).collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "du-an"),
                &records.projects.iter().collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "ho-so-du-an"),
                &records.tracked.iter().collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "chi-so"),
                &records.indicators.iter().collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "co-quan"),
                &records.agencies.iter().collect::<Vec<_>>(),
            ),
            check_json(
                table(&tables, "tinh"),
                &records.provinces.iter().collect::<Vec<_>>(),
            ),
        ];
        assert!(checked.iter().all(|&rows| rows > 0), "{checked:?}");
    }

    #[test]
    fn the_fixture_gives_the_values_it_prints() {
        let tables = tables(&fixture());
        let documents = table(&tables, "van-ban");
        let ids = cells(documents, "id");
        let plan = ids.iter().position(|&id| id == Some("kh-1-2020"));
        let plan = plan.expect("the plan");
        assert_eq!(cells(documents, "number")[plan], Some("1/KH-UBND"));
        assert_eq!(cells(documents, "issued")[plan], Some("2020-10-09"));
        assert_eq!(cells(documents, "period_from")[plan], Some("2021"));
        assert_eq!(cells(documents, "period_to")[plan], Some("2025"));
        assert_eq!(cells(documents, "url")[plan], Some("van-ban/kh-1-2020/"));

        let relations = table(&tables, "quan-he");
        assert!(relations.rows.iter().any(|r| {
            r[..3] == [s("kh-1-2020"), s("1"), s("implements")] && r[4] == s("749/QĐ-TTg")
        }));

        let projects = table(&tables, "du-an");
        let rows: Vec<(Option<&str>, Option<&str>, Option<&str>)> = cells(projects, "name")
            .into_iter()
            .zip(cells(projects, "amount"))
            .zip(cells(projects, "amount_text"))
            .map(|((name, amount), text)| (name, amount, text))
            .filter(|(name, ..)| name.is_some_and(|n| !n.starts_with("Ứng dụng")))
            .collect();
        assert!(rows.contains(&(
            Some("Trung tâm dữ liệu"),
            Some("1747000"),
            Some("1.747.000")
        )));
        assert!(rows.contains(&(Some("Mạng chuyên dùng"), Some("201.5"), Some("201,5"))));

        let cells_table = table(&tables, "phu-luc-o");
        assert!(
            cells_table
                .rows
                .iter()
                .any(|r| r[3] == s("amount") && r[4] == s("1.747.201,5") && r[5] == s("1747201.5"))
        );
        let columns = table(&tables, "phu-luc-cot");
        let roles: Vec<_> = cells(columns, "role").into_iter().take(4).collect();
        assert_eq!(
            roles,
            [Some("label"), Some("name"), Some("agency"), Some("amount")]
        );
        let appendices = table(&tables, "phu-luc");
        assert!(cells(appendices, "own_period").contains(&Some("true")));

        let targets = table(&tables, "chi-tieu");
        let at = cells(targets, "id")
            .iter()
            .position(|&id| id == Some("ho-so-truc-tuyen-2025"));
        let at = at.expect("the target");
        assert_eq!(cells(targets, "comparison")[at], Some("≥"));
        assert_eq!(cells(targets, "value")[at], Some("50"));
        assert_eq!(cells(targets, "year")[at], Some("2025"));
        assert_eq!(cells(targets, "level")[at], Some("tinh"));

        let provinces = table(&tables, "tinh");
        assert_eq!(cells(provinces, "id")[0], Some("khanh-hoa"));
        assert_eq!(cells(provinces, "region")[0], Some("Nam Trung Bộ"));
    }

    fn s(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn values_become_cells_as_the_csv_writes_them() {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        let amount = Number(Decimal::from_str("1747201.50").expect("decimal"));
        assert_eq!(amount.cell(), s("1747201.5"));
        assert_eq!(Some(amount).cell(), s("1747201.5"));
        assert_eq!(None::<Number>.cell(), None);
        assert_eq!(vec!["a".to_string(), "b".to_string()].cell(), s("a; b"));
        assert_eq!(Vec::<String>::new().cell(), None);
        assert_eq!(true.cell(), s("true"));
        assert_eq!(Some(2025).cell(), s("2025"));
        assert_eq!(String::new().cell(), s(""));
    }
}
