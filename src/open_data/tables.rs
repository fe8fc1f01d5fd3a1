//! The tabular datasets: one definition per table (fields with Vietnamese titles, keys and
//! rows), from which both the CSV files and the Data Package's table schemas are made, so
//! the two cannot disagree.

use super::number::Number;
use super::records::Records;

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
    /// Rows, aligned with `fields`; `None` is an empty cell.
    pub rows: Vec<Vec<Option<String>>>,
}

fn field(name: &'static str, kind: FieldType, description: &'static str) -> Field {
    Field {
        name,
        kind,
        description,
        required: false,
        id_pattern: false,
    }
}

fn required(name: &'static str, kind: FieldType, description: &'static str) -> Field {
    Field {
        required: true,
        ..field(name, kind, description)
    }
}

fn id(name: &'static str, description: &'static str) -> Field {
    Field {
        id_pattern: true,
        ..required(name, FieldType::String, description)
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

use FieldType::{Boolean, Date, Integer, Number as Num, String as Str};

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn o(text: &Option<String>) -> Option<String> {
    text.clone()
}

fn n(value: Option<Number>) -> Option<String> {
    value.map(Number::plain)
}

fn i(value: Option<impl ToString>) -> Option<String> {
    value.map(|v| v.to_string())
}

fn list(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| values.join("; "))
}

/// Every tabular dataset, in the order the open-data page lists them.
pub fn tables(records: &Records) -> Vec<Table> {
    let documents = || records.documents.iter();
    vec![
        Table {
            name: "van-ban",
            title: "Văn bản",
            description: "Mỗi dòng là một kế hoạch, báo cáo hoặc quyết định.",
            fields: vec![
                id("id", "Mã văn bản, như trong địa chỉ trang /van-ban/<id>/"),
                required("url", Str, "Địa chỉ trang, tính từ gốc cổng"),
                required(
                    "kind",
                    Str,
                    "Loại: plan (kế hoạch), report (báo cáo), decision (quyết định)",
                ),
                field("number", Str, "Số ký hiệu"),
                required("issued", Date, "Ngày ban hành (YYYY-MM-DD)"),
                field("place", Str, "Địa danh"),
                id("issuer", "Mã cơ quan ban hành"),
                id("province", "Mã tỉnh"),
                required("title", Str, "Trích yếu"),
                field("period_from", Integer, "Năm đầu của giai đoạn"),
                field("period_to", Integer, "Năm cuối của giai đoạn"),
                field("signer_name", Str, "Người ký"),
                field("signer_position", Str, "Chức vụ người ký, như in"),
            ],
            primary_key: &["id"],
            foreign_keys: vec![
                fk(&["issuer"], "co-quan", &["id"]),
                fk(&["province"], "tinh", &["id"]),
            ],
            rows: documents()
                .map(|b| {
                    let d = &b.document;
                    vec![
                        s(&d.id),
                        s(&d.url),
                        s(&d.kind),
                        o(&d.number),
                        s(&d.issued),
                        o(&d.place),
                        s(&d.issuer),
                        s(&d.province),
                        s(&d.title),
                        i(d.period_from),
                        i(d.period_to),
                        o(&d.signer_name),
                        o(&d.signer_position),
                    ]
                })
                .collect(),
        },
        Table {
            name: "quan-he",
            title: "Quan hệ giữa các văn bản",
            description: "Mỗi dòng là một quan hệ: ban hành, triển khai, báo cáo về, thay thế, căn cứ.",
            fields: vec![
                id("document", "Mã văn bản có quan hệ"),
                required("position", Integer, "Thứ tự trong văn bản, từ 1"),
                required(
                    "kind",
                    Str,
                    "issues, implements, reports_on, supersedes hoặc based_on",
                ),
                field(
                    "related_document",
                    Str,
                    "Mã văn bản liên quan khi nó có trên cổng",
                ),
                field("number", Str, "Số ký hiệu văn bản liên quan"),
                field("issued", Date, "Ngày ban hành văn bản liên quan"),
                field("title", Str, "Trích yếu văn bản liên quan"),
                field("issuer", Str, "Cơ quan ban hành văn bản liên quan, như in"),
            ],
            primary_key: &["document", "position"],
            foreign_keys: vec![
                fk(&["document"], "van-ban", &["id"]),
                fk(&["related_document"], "van-ban", &["id"]),
            ],
            rows: documents()
                .flat_map(|b| {
                    b.document.relations.iter().enumerate().map(|(p, r)| {
                        vec![
                            s(&b.document.id),
                            i(Some(p + 1)),
                            s(&r.kind),
                            o(&r.document),
                            o(&r.number),
                            o(&r.issued),
                            o(&r.title),
                            o(&r.issuer),
                        ]
                    })
                })
                .collect(),
        },
        Table {
            name: "muc",
            title: "Các phần của văn bản",
            description: "Mỗi dòng là một phần (mục) văn bản, với tiêu đề và địa chỉ.",
            fields: vec![
                id("document", "Mã văn bản"),
                required("id", Str, "Mã phần, là neo trên trang văn bản"),
                required("position", Integer, "Thứ tự trong văn bản, từ 1"),
                required("title", Str, "Tiêu đề, như in"),
                required("url", Str, "Địa chỉ của phần"),
            ],
            primary_key: &["document", "id"],
            foreign_keys: vec![fk(&["document"], "van-ban", &["id"])],
            rows: documents()
                .flat_map(|b| b.sections.iter())
                .map(|x| {
                    vec![
                        s(&x.document),
                        s(&x.id),
                        i(Some(x.position)),
                        s(&x.title),
                        s(&x.url),
                    ]
                })
                .collect(),
        },
        Table {
            name: "chi-tieu",
            title: "Chỉ tiêu",
            description: "Mỗi dòng là một chỉ tiêu của một văn bản (một con số cần đạt).",
            fields: vec![
                id("document", "Mã văn bản"),
                required("id", Str, "Mã chỉ tiêu, duy nhất trong văn bản"),
                required("url", Str, "Địa chỉ chỉ tiêu trên trang văn bản"),
                field("section", Str, "Mã phần nêu chỉ tiêu"),
                field("label", Str, "Ký hiệu mục, như in (a, b, đ…)"),
                field("area", Str, "Nhóm chỉ tiêu, như in"),
                required("text", Str, "Câu chỉ tiêu, nguyên văn"),
                field("indicator", Str, "Mã chỉ số dùng chung"),
                field("level", Str, "Cấp: tinh, huyen, xa, all"),
                field("comparison", Str, "Dấu so sánh: ≥, ≤, ="),
                field("value", Num, "Giá trị cần đạt (dấu chấm thập phân)"),
                field("value_text", Str, "Giá trị viết theo kiểu Việt Nam"),
                field("unit", Str, "Đơn vị"),
                field("year", Integer, "Năm phải đạt"),
                required(
                    "status",
                    Str,
                    "Suy ra: tình trạng (dat, dang-thuc-hien, chua-dat, khong-so-sanh-duoc, chua-co-so-lieu), theo quy tắc ở /chi-tieu/phuong-phap/",
                ),
                required("status_label", Str, "Suy ra: tình trạng bằng tiếng Việt"),
                required(
                    "status_rule",
                    Str,
                    "Suy ra: mã quy tắc cho ra tình trạng (neo trên trang phương pháp)",
                ),
                required(
                    "status_summary",
                    Str,
                    "Suy ra: tình trạng giải thích trong một dòng",
                ),
                field(
                    "latest_document",
                    Str,
                    "Văn bản của số liệu được tính (mới nhất)",
                ),
                field("latest_measurement", Str, "Mã số liệu được tính (mới nhất)"),
                field(
                    "latest_value",
                    Num,
                    "Suy ra: con số đem so với mức chỉ tiêu (tỷ lệ phần trăm khi chỉ tiêu là tỷ lệ và số liệu có mẫu số)",
                ),
                field("latest_as_of", Date, "Ngày của số liệu được tính"),
                field(
                    "share_of_goal",
                    Num,
                    "Suy ra: với chỉ tiêu ≥ chưa đạt, con số đo được bằng bao nhiêu phần trăm mức cần đạt",
                ),
                required(
                    "measurement_count",
                    Integer,
                    "Số số liệu được tính cho chỉ tiêu",
                ),
            ],
            primary_key: &["document", "id"],
            foreign_keys: vec![
                fk(&["document"], "van-ban", &["id"]),
                fk(&["indicator"], "chi-so", &["id"]),
            ],
            rows: documents()
                .flat_map(|b| b.targets.iter())
                .map(|t| {
                    vec![
                        s(&t.document),
                        s(&t.id),
                        s(&t.url),
                        o(&t.section),
                        o(&t.label),
                        o(&t.area),
                        s(&t.text),
                        o(&t.indicator),
                        o(&t.level),
                        o(&t.comparison),
                        n(t.value),
                        o(&t.value_text),
                        o(&t.unit),
                        i(t.year),
                        s(&t.status),
                        s(&t.status_label),
                        s(&t.status_rule),
                        s(&t.status_summary),
                        o(&t.latest_document),
                        o(&t.latest_measurement),
                        n(t.latest_value),
                        o(&t.latest_as_of),
                        n(t.share_of_goal),
                        i(Some(t.measurement_count)),
                    ]
                })
                .collect(),
        },
        Table {
            name: "so-lieu",
            title: "Số liệu đo được",
            description: "Mỗi dòng là một số liệu nêu trong văn bản (chủ yếu trong báo cáo), có thể gắn với chỉ tiêu.",
            fields: vec![
                id("document", "Mã văn bản"),
                required("id", Str, "Mã số liệu, duy nhất trong văn bản"),
                required("url", Str, "Địa chỉ số liệu trên trang văn bản"),
                required("text", Str, "Câu nguồn, nguyên văn"),
                field("section", Str, "Mã phần"),
                field("target_document", Str, "Mã văn bản có chỉ tiêu được đo"),
                field("target", Str, "Mã chỉ tiêu được đo (chỉ tiêu đầu tiên)"),
                field(
                    "targets",
                    Str,
                    "Mọi chỉ tiêu được đo, dạng văn-bản/chỉ-tiêu, cách nhau bởi “; ”",
                ),
                field("indicator", Str, "Mã chỉ số dùng chung"),
                required("value", Num, "Giá trị (dấu chấm thập phân)"),
                required("value_text", Str, "Giá trị viết theo kiểu Việt Nam"),
                field("denominator", Num, "Mẫu số (“trên tổng số”)"),
                field("percent", Num, "Tỷ lệ value/denominator, phần trăm"),
                field("unit", Str, "Đơn vị"),
                field("as_of", Date, "Ngày số liệu phản ánh"),
                field("level", Str, "Cấp: tinh, huyen, xa, all"),
            ],
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
            rows: documents()
                .flat_map(|b| b.measurements.iter())
                .map(|m| {
                    vec![
                        s(&m.document),
                        s(&m.id),
                        s(&m.url),
                        s(&m.text),
                        o(&m.section),
                        o(&m.target_document),
                        o(&m.target),
                        o(&m.targets),
                        o(&m.indicator),
                        n(Some(m.value)),
                        s(&m.value_text),
                        n(m.denominator),
                        n(m.percent),
                        o(&m.unit),
                        o(&m.as_of),
                        o(&m.level),
                    ]
                })
                .collect(),
        },
        Table {
            name: "phu-luc",
            title: "Phụ lục",
            description: "Mỗi dòng là một bảng phụ lục của một văn bản.",
            fields: vec![
                id("document", "Mã văn bản"),
                required(
                    "id",
                    Str,
                    "Mã phụ lục, như trong địa chỉ /van-ban/<văn bản>/phu-luc-<id>/",
                ),
                required("url", Str, "Địa chỉ trang phụ lục"),
                field("number", Str, "Số phụ lục, như in"),
                required("title", Str, "Tiêu đề, như in"),
                field("caption", Str, "Dòng chú thích dưới tiêu đề"),
                field("unit", Str, "Đơn vị tiền của các cột số tiền"),
                field("unit_in_dong", Num, "Một đơn vị bằng bao nhiêu đồng"),
                required("row_count", Integer, "Số dòng dữ liệu"),
                required("group_count", Integer, "Số nhóm"),
                field(
                    "period_from",
                    Integer,
                    "Năm đầu của giai đoạn các dòng thuộc về (của phụ lục, nếu không thì của văn bản)",
                ),
                field("period_to", Integer, "Năm cuối của giai đoạn đó"),
                required(
                    "own_period",
                    Boolean,
                    "Suy ra: phụ lục có thuộc giai đoạn của chính văn bản không (kinh phí của kế hoạch chỉ cộng các phụ lục này)",
                ),
            ],
            primary_key: &["document", "id"],
            foreign_keys: vec![fk(&["document"], "van-ban", &["id"])],
            rows: documents()
                .flat_map(|b| b.appendices.iter())
                .map(|a| {
                    vec![
                        s(&a.document),
                        s(&a.id),
                        s(&a.url),
                        o(&a.number),
                        s(&a.title),
                        o(&a.caption),
                        o(&a.unit),
                        n(a.unit_in_dong),
                        i(Some(a.row_count)),
                        i(Some(a.group_count)),
                        i(a.period_from),
                        i(a.period_to),
                        Some(a.own_period.to_string()),
                    ]
                })
                .collect(),
        },
        Table {
            name: "phu-luc-cot",
            title: "Cột của phụ lục",
            description: "Mỗi dòng là một cột của một bảng phụ lục, với vai trò của cột.",
            fields: vec![
                id("document", "Mã văn bản"),
                required("appendix", Str, "Mã phụ lục"),
                required("key", Str, "Khóa cột"),
                required("position", Integer, "Thứ tự cột, từ 1"),
                required("title", Str, "Tiêu đề cột, như in"),
                required(
                    "role",
                    Str,
                    "Vai trò: label, name, agency, goal, scale, period, amount, funding, status, note, text, date, document",
                ),
            ],
            primary_key: &["document", "appendix", "key"],
            foreign_keys: vec![fk(
                &["document", "appendix"],
                "phu-luc",
                &["document", "id"],
            )],
            rows: documents()
                .flat_map(|b| b.appendices.iter())
                .flat_map(|a| {
                    a.columns.iter().enumerate().map(|(p, c)| {
                        vec![
                            s(&a.document),
                            s(&a.id),
                            s(&c.key),
                            i(Some(p + 1)),
                            s(&c.title),
                            s(&c.role),
                        ]
                    })
                })
                .collect(),
        },
        Table {
            name: "phu-luc-dong",
            title: "Dòng của phụ lục",
            description: "Mỗi dòng là một dòng bảng phụ lục: nhóm (group), dòng dữ liệu (row) hoặc dòng tổng cộng (total).",
            fields: vec![
                id("document", "Mã văn bản"),
                required("appendix", Str, "Mã phụ lục"),
                required("anchor", Str, "Neo của dòng trên trang phụ lục"),
                required("position", Integer, "Thứ tự dòng, từ 1"),
                required("kind", Str, "group, row hoặc total"),
                required("url", Str, "Địa chỉ dòng"),
                required(
                    "depth",
                    Integer,
                    "Độ sâu trong cây nhóm (0 = cấp ngoài cùng)",
                ),
                field(
                    "group_path",
                    Str,
                    "Ký hiệu các nhóm chứa dòng, cách nhau bởi “; ”",
                ),
                field(
                    "group",
                    Str,
                    "Neo của nhóm gần nhất chứa dòng (dòng nhóm có anchor này), kể cả khi nhóm không in ký hiệu",
                ),
                field("label", Str, "Ký hiệu nhóm"),
                field("title", Str, "Tiêu đề nhóm hoặc dòng tổng"),
                field(
                    "agencies",
                    Str,
                    "Mã các cơ quan chủ trì, cách nhau bởi “; ”",
                ),
            ],
            primary_key: &["document", "appendix", "anchor"],
            foreign_keys: vec![fk(
                &["document", "appendix"],
                "phu-luc",
                &["document", "id"],
            )],
            rows: documents()
                .flat_map(|b| b.appendices.iter())
                .flat_map(|a| {
                    a.rows.iter().enumerate().map(|(p, r)| {
                        vec![
                            s(&a.document),
                            s(&a.id),
                            s(&r.anchor),
                            i(Some(p + 1)),
                            s(&r.kind),
                            s(&r.url),
                            i(Some(r.depth)),
                            list(&r.group_path),
                            o(&r.group),
                            o(&r.label),
                            o(&r.title),
                            list(&r.agencies),
                        ]
                    })
                })
                .collect(),
        },
        Table {
            name: "phu-luc-o",
            title: "Ô của phụ lục",
            description: "Mỗi dòng là một ô có nội dung của bảng phụ lục: chữ như in và, với cột số tiền, con số đọc được.",
            fields: vec![
                id("document", "Mã văn bản"),
                required("appendix", Str, "Mã phụ lục"),
                required("anchor", Str, "Neo của dòng"),
                required("column", Str, "Khóa cột"),
                required("text", Str, "Nội dung ô, như in"),
                field(
                    "value",
                    Num,
                    "Số tiền đọc được, theo đơn vị của phụ lục (dấu chấm thập phân)",
                ),
            ],
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
            rows: documents()
                .flat_map(|b| b.appendices.iter())
                .flat_map(|a| {
                    a.rows.iter().flat_map(move |r| {
                        r.cells.iter().map(move |(key, c)| {
                            vec![
                                s(&a.document),
                                s(&a.id),
                                s(&r.anchor),
                                s(key),
                                s(&c.text),
                                n(c.value),
                            ]
                        })
                    })
                })
                .collect(),
        },
        Table {
            name: "du-an",
            title: "Dự án, nhiệm vụ (mỗi lần được nhắc một dòng)",
            description: "Mọi dòng dữ liệu của mọi phụ lục, trải phẳng: văn bản, tỉnh, cơ quan chủ trì, kinh phí, dự án (project) mà dòng thuộc về, lời ghi tình trạng và tình trạng chuẩn. Các dòng có amount_column (phụ lục có cột kinh phí) là các dự án, nhiệm vụ mà cổng đếm và liệt kê; các dòng khác là danh mục không có kinh phí (văn bản, thủ tục).",
            fields: vec![
                required("id", Str, "<văn bản>/<phụ lục>/<neo dòng>"),
                required("url", Str, "Địa chỉ dòng trên trang phụ lục"),
                id("document", "Mã văn bản"),
                field("document_number", Str, "Số ký hiệu văn bản"),
                id("province", "Mã tỉnh"),
                required("appendix", Str, "Mã phụ lục"),
                field("appendix_number", Str, "Số phụ lục, như in"),
                required("anchor", Str, "Neo của dòng"),
                field(
                    "group_path",
                    Str,
                    "Ký hiệu các nhóm chứa dòng, cách nhau bởi “; ”",
                ),
                field(
                    "group",
                    Str,
                    "Neo của nhóm gần nhất chứa dòng (dòng nhóm có anchor này), kể cả khi nhóm không in ký hiệu",
                ),
                field("label", Str, "Số thứ tự, như in"),
                field("name", Str, "Tên dự án, nhiệm vụ"),
                field("agency", Str, "Đơn vị chủ trì, như in"),
                field(
                    "agencies",
                    Str,
                    "Mã các cơ quan chủ trì, cách nhau bởi “; ”",
                ),
                field("goal", Str, "Mục tiêu"),
                field("scale", Str, "Quy mô"),
                field("period", Str, "Thời gian thực hiện, như in"),
                field("funding", Str, "Nguồn vốn"),
                field("status", Str, "Hiện trạng, kết quả"),
                field("note", Str, "Ghi chú"),
                field(
                    "amount_column",
                    Str,
                    "Khóa cột số tiền chính (cột đầu tiên có chữ “tổng”, nếu không thì cột số tiền đầu tiên)",
                ),
                field(
                    "amount",
                    Num,
                    "Số tiền chính, theo đơn vị của phụ lục; khi văn bản để trống ô này mà ghi \
                     các phần (ví dụ từng năm), là tổng các phần và amount_text để trống",
                ),
                field("amount_text", Str, "Số tiền chính, như in"),
                field("unit", Str, "Đơn vị tiền của phụ lục"),
                field(
                    "amount_million_dong",
                    Num,
                    "Số tiền chính quy ra triệu đồng",
                ),
                field(
                    "project",
                    Str,
                    "Suy ra: mã dự án (bảng ho-so-du-an) mà dòng thuộc về; các dòng nối nhau bằng continues có chung một mã",
                ),
                field(
                    "continues",
                    Str,
                    "Dòng trước mà dòng này tiếp nối, như nội dung ghi: <văn bản>/<phụ lục>#<neo dòng>",
                ),
                field(
                    "status_standard",
                    Str,
                    "Suy ra: tình trạng chuẩn của lời ghi tình trạng (theo row-statuses.yaml; khong-ro khi không khớp)",
                ),
            ],
            primary_key: &["id"],
            foreign_keys: vec![
                fk(
                    &["document", "appendix", "anchor"],
                    "phu-luc-dong",
                    &["document", "appendix", "anchor"],
                ),
                fk(&["province"], "tinh", &["id"]),
            ],
            rows: records
                .projects
                .iter()
                .map(|p| {
                    vec![
                        s(&p.id),
                        s(&p.url),
                        s(&p.document),
                        o(&p.document_number),
                        s(&p.province),
                        s(&p.appendix),
                        o(&p.appendix_number),
                        s(&p.anchor),
                        list(&p.group_path),
                        o(&p.group),
                        o(&p.label),
                        o(&p.name),
                        o(&p.agency),
                        list(&p.agencies),
                        o(&p.goal),
                        o(&p.scale),
                        o(&p.period),
                        o(&p.funding),
                        o(&p.status),
                        o(&p.note),
                        o(&p.amount_column),
                        n(p.amount),
                        o(&p.amount_text),
                        o(&p.unit),
                        n(p.amount_million_dong),
                        o(&p.project),
                        o(&p.continues),
                        o(&p.status_standard),
                    ]
                })
                .collect(),
        },
        Table {
            name: "ho-so-du-an",
            title: "Hồ sơ dự án (mỗi dự án một dòng)",
            description: "Mỗi dòng là một dự án, nhiệm vụ, tính một lần dù nhiều văn bản nhắc đến: các dòng phụ lục nối nhau bằng continues (dòng của báo cáo tiếp nối dòng của kế hoạch) là một dự án, mang mã của dòng đầu tiên. Từng lần được nhắc là các dòng của bảng du-an có cột project bằng mã này.",
            fields: vec![
                required(
                    "id",
                    Str,
                    "Mã dự án: văn bản, phụ lục và neo của dòng đầu tiên",
                ),
                field(
                    "url",
                    Str,
                    "Địa chỉ trang dự án (mọi dự án khi cổng nhỏ; cổng toàn quốc chỉ làm trang cho dự án có từ hai dòng nhắc đến)",
                ),
                field("name", Str, "Tên, như văn bản mới nhất ghi"),
                id("province", "Mã tỉnh"),
                field("agency", Str, "Cơ quan chủ trì, như văn bản mới nhất ghi"),
                field(
                    "agencies",
                    Str,
                    "Mã các cơ quan chủ trì, cách nhau bởi “; ”",
                ),
                required("mentions", Integer, "Số dòng phụ lục nhắc đến dự án"),
                required(
                    "documents",
                    Str,
                    "Mã các văn bản nhắc đến, cũ trước, cách nhau bởi “; ”",
                ),
                id("first_document", "Văn bản đầu tiên nhắc đến"),
                id("latest_document", "Văn bản mới nhất nhắc đến"),
                field(
                    "first_amount_million_dong",
                    Num,
                    "Suy ra: kinh phí ở văn bản đầu tiên có ghi, quy ra triệu đồng",
                ),
                field(
                    "latest_amount_million_dong",
                    Num,
                    "Suy ra: kinh phí ở văn bản mới nhất có ghi, quy ra triệu đồng",
                ),
                field("latest_status", Str, "Tình trạng, như văn bản mới nhất ghi"),
                field(
                    "latest_status_standard",
                    Str,
                    "Suy ra: tình trạng chuẩn của lời ghi mới nhất",
                ),
            ],
            primary_key: &["id"],
            foreign_keys: vec![
                fk(&["province"], "tinh", &["id"]),
                fk(&["first_document"], "van-ban", &["id"]),
                fk(&["latest_document"], "van-ban", &["id"]),
            ],
            rows: records
                .tracked
                .iter()
                .map(|p| {
                    vec![
                        s(&p.id),
                        o(&p.url),
                        o(&p.name),
                        s(&p.province),
                        o(&p.agency),
                        list(&p.agencies),
                        i(Some(p.mentions)),
                        list(&p.documents),
                        s(&p.first_document),
                        s(&p.latest_document),
                        n(p.first_amount_million_dong),
                        n(p.latest_amount_million_dong),
                        o(&p.latest_status),
                        o(&p.latest_status_standard),
                    ]
                })
                .collect(),
        },
        Table {
            name: "chi-so",
            title: "Chỉ số dùng chung",
            description: "Các chỉ số mà nhiều tỉnh cùng đặt chỉ tiêu, để so sánh.",
            fields: vec![
                id("id", "Mã chỉ số, như trong địa chỉ /chi-tieu/<id>/"),
                required("url", Str, "Địa chỉ trang chỉ số"),
                required("name", Str, "Tên chỉ số"),
                field("unit", Str, "Đơn vị"),
                field("description", Str, "Đo cái gì"),
                field("notes", Str, "Chỗ định nghĩa của các tỉnh khác nhau"),
            ],
            primary_key: &["id"],
            foreign_keys: vec![],
            rows: records
                .indicators
                .iter()
                .map(|x| {
                    vec![
                        s(&x.id),
                        s(&x.url),
                        s(&x.name),
                        o(&x.unit),
                        o(&x.description),
                        o(&x.notes),
                    ]
                })
                .collect(),
        },
        Table {
            name: "co-quan",
            title: "Cơ quan",
            description: "Các cơ quan ban hành văn bản hoặc chủ trì dự án, với mọi cách viết tên.",
            fields: vec![
                id("id", "Mã cơ quan, như trong địa chỉ /co-quan/<id>/"),
                required("url", Str, "Địa chỉ trang cơ quan"),
                required("name", Str, "Tên đầy đủ"),
                field("short_name", Str, "Tên ngắn dùng trong tỉnh"),
                field("province", Str, "Mã tỉnh; trống với cơ quan trung ương"),
                field("aliases", Str, "Các cách viết khác, cách nhau bởi “; ”"),
            ],
            primary_key: &["id"],
            foreign_keys: vec![fk(&["province"], "tinh", &["id"])],
            rows: records
                .agencies
                .iter()
                .map(|x| {
                    vec![
                        s(&x.id),
                        s(&x.url),
                        s(&x.name),
                        o(&x.short_name),
                        o(&x.province),
                        list(&x.aliases),
                    ]
                })
                .collect(),
        },
        Table {
            name: "tinh",
            title: "Tỉnh",
            description: "Các tỉnh có văn bản trên cổng.",
            fields: vec![
                id("id", "Mã tỉnh, như trong địa chỉ /tinh/<id>/"),
                required("url", Str, "Địa chỉ trang tỉnh"),
                required("name", Str, "Tên chính thức"),
                field("aliases", Str, "Các cách viết khác, cách nhau bởi “; ”"),
                field("region", Str, "Vùng"),
                field("merged_into", Str, "Mã tỉnh được sáp nhập vào"),
                field("merged_on", Date, "Ngày sáp nhập"),
            ],
            primary_key: &["id"],
            foreign_keys: vec![fk(&["merged_into"], "tinh", &["id"])],
            rows: records
                .provinces
                .iter()
                .map(|x| {
                    vec![
                        s(&x.id),
                        s(&x.url),
                        s(&x.name),
                        list(&x.aliases),
                        o(&x.region),
                        o(&x.merged_into),
                        o(&x.merged_on),
                    ]
                })
                .collect(),
        },
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
