//! The published records: one type per dataset, built from the validated [`Site`].
//!
//! These types are the open-data contract. They are kept apart from the internal model so
//! that the published fields stay stable, and their JSON Schemas are derived from them.
//! Every figure is an exact JSON number with its printed text beside it, every date is
//! ISO 8601, and every ID is the one in the page URL.

use super::number::Number;
use super::tables::dataset_record;
use crate::model::ColumnRole;
use crate::site::{Appendix, Document, Site, TableRow};
use crate::vietnamese::format_number;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

dataset_record! {
    /// A province (`/tinh/<id>/`).
    pub struct ProvinceRecord {
        /// Stable ID, as in the page URL.
        #[csv(id Str "Mã tỉnh, như trong địa chỉ /tinh/<id>/")]
        pub id: String,
        /// Page URL, relative to the site root.
        #[csv(required Str "Địa chỉ trang tỉnh")]
        pub url: String,
        /// Official name.
        #[csv(required Str "Tên chính thức")]
        pub name: String,
        /// Other spellings found in documents.
        #[csv(field Str "Các cách viết khác, cách nhau bởi “; ”")]
        pub aliases: Vec<String>,
        /// Region.
        #[csv(field Str "Vùng")]
        pub region: Option<String>,
        /// ID of the province it was merged into.
        #[csv(field Str "Mã tỉnh được sáp nhập vào")]
        pub merged_into: Option<String>,
        /// Date of the merger, ISO 8601.
        #[csv(field Date "Ngày sáp nhập")]
        pub merged_on: Option<String>,
    }
}

dataset_record! {
    /// An agency (`/co-quan/<id>/`).
    pub struct AgencyRecord {
        /// Stable ID, as in the page URL.
        #[csv(id Str "Mã cơ quan, như trong địa chỉ /co-quan/<id>/")]
        pub id: String,
        /// Page URL, relative to the site root.
        #[csv(required Str "Địa chỉ trang cơ quan")]
        pub url: String,
        /// Canonical name.
        #[csv(required Str "Tên đầy đủ")]
        pub name: String,
        /// Name used inside its province.
        #[csv(field Str "Tên ngắn dùng trong tỉnh")]
        pub short_name: Option<String>,
        /// Province ID; none for national bodies.
        #[csv(field Str "Mã tỉnh; trống với cơ quan trung ương")]
        pub province: Option<String>,
        /// Other spellings used in the documents.
        #[csv(field Str "Các cách viết khác, cách nhau bởi “; ”")]
        pub aliases: Vec<String>,
    }
}

dataset_record! {
    /// A shared indicator (`/chi-tieu/<id>/`).
    pub struct IndicatorRecord {
        /// Stable ID, as in the page URL.
        #[csv(id Str "Mã chỉ số, như trong địa chỉ /chi-tieu/<id>/")]
        pub id: String,
        /// Page URL, relative to the site root.
        #[csv(required Str "Địa chỉ trang chỉ số")]
        pub url: String,
        /// Name.
        #[csv(required Str "Tên chỉ số")]
        pub name: String,
        /// Unit of its values.
        #[csv(field Str "Đơn vị")]
        pub unit: Option<String>,
        /// What is measured.
        #[csv(field Str "Đo cái gì")]
        pub description: Option<String>,
        /// Where the provinces' definitions differ.
        #[csv(field Str "Chỗ định nghĩa của các tỉnh khác nhau")]
        pub notes: Option<String>,
    }
}

/// A relation from a document to another.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RelationRecord {
    /// `issues`, `implements`, `reports_on`, `supersedes` or `based_on`.
    pub kind: String,
    /// ID of the related document when it is published here.
    pub document: Option<String>,
    /// Number of the related document.
    pub number: Option<String>,
    /// Issue date, ISO 8601.
    pub issued: Option<String>,
    /// Title of the related document.
    pub title: Option<String>,
    /// Issuer, as printed.
    pub issuer: Option<String>,
}

dataset_record! {
    /// A document (`/van-ban/<id>/`).
    pub struct DocumentRecord {
        /// Stable ID, as in the page URL.
        #[csv(id Str "Mã văn bản, như trong địa chỉ trang /van-ban/<id>/")]
        pub id: String,
        /// Page URL, relative to the site root.
        #[csv(required Str "Địa chỉ trang, tính từ gốc cổng")]
        pub url: String,
        /// URL of the document's own JSON file (gzip-compressed).
        pub data_url: String,
        /// `plan`, `report` or `decision`.
        #[csv(required Str "Loại: plan (kế hoạch), report (báo cáo), decision (quyết định)")]
        pub kind: String,
        /// The kind in Vietnamese.
        pub kind_label: String,
        /// Số ký hiệu.
        #[csv(field Str "Số ký hiệu")]
        pub number: Option<String>,
        /// Ngày ban hành, ISO 8601.
        #[csv(required Date "Ngày ban hành (YYYY-MM-DD)")]
        pub issued: String,
        /// Place name of the date line.
        #[csv(field Str "Địa danh")]
        pub place: Option<String>,
        /// Issuer agency ID.
        #[csv(id Str "Mã cơ quan ban hành")]
        pub issuer: String,
        /// Province ID.
        #[csv(id Str "Mã tỉnh")]
        pub province: String,
        /// Trích yếu.
        #[csv(required Str "Trích yếu")]
        pub title: String,
        /// Summary.
        pub summary: Option<String>,
        /// First year covered.
        #[csv(field Integer "Năm đầu của giai đoạn")]
        pub period_from: Option<i32>,
        /// Last year covered.
        #[csv(field Integer "Năm cuối của giai đoạn")]
        pub period_to: Option<i32>,
        /// Signer's name.
        #[csv(field Str "Người ký")]
        pub signer_name: Option<String>,
        /// Signer's position as printed.
        #[csv(field Str "Chức vụ người ký, như in")]
        pub signer_position: Option<String>,
        /// Nơi nhận.
        pub recipients: Vec<String>,
        /// Relations as written.
        pub relations: Vec<RelationRecord>,
    }
}

/// A heading inside a section.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct HeadingRecord {
    /// Heading level within the page.
    pub level: u8,
    /// Anchor.
    pub id: String,
    /// Text.
    pub text: String,
    /// URL of the heading.
    pub url: String,
}

dataset_record! {
    /// A section of prose: metadata and links.
    pub struct SectionRecord {
        /// Document ID.
        #[csv(id Str "Mã văn bản")]
        pub document: String,
        /// Section ID, the anchor on the document page.
        #[csv(required Str "Mã phần, là neo trên trang văn bản")]
        pub id: String,
        /// Position in the document, from 1.
        #[csv(required Integer "Thứ tự trong văn bản, từ 1")]
        pub position: usize,
        /// Heading as printed.
        #[csv(required Str "Tiêu đề, như in")]
        pub title: String,
        /// URL of the section.
        #[csv(required Str "Địa chỉ của phần")]
        pub url: String,
        /// Headings inside the section.
        pub headings: Vec<HeadingRecord>,
    }
}

dataset_record! {
    /// A target (chỉ tiêu).
    pub struct TargetRecord {
        /// Document ID.
        #[csv(id Str "Mã văn bản")]
        pub document: String,
        /// Target ID, unique within the document.
        #[csv(required Str "Mã chỉ tiêu, duy nhất trong văn bản")]
        pub id: String,
        /// URL of the target on the document page.
        #[csv(required Str "Địa chỉ chỉ tiêu trên trang văn bản")]
        pub url: String,
        /// Section ID.
        #[csv(field Str "Mã phần nêu chỉ tiêu")]
        pub section: Option<String>,
        /// Item label as printed.
        #[csv(field Str "Ký hiệu mục, như in (a, b, đ…)")]
        pub label: Option<String>,
        /// Grouping heading.
        #[csv(field Str "Nhóm chỉ tiêu, như in")]
        pub area: Option<String>,
        /// The sentence as printed.
        #[csv(required Str "Câu chỉ tiêu, nguyên văn")]
        pub text: String,
        /// Shared indicator ID.
        #[csv(field Str "Mã chỉ số dùng chung")]
        pub indicator: Option<String>,
        /// `tinh`, `huyen`, `xa` or `all`.
        #[csv(field Str "Cấp: tinh, huyen, xa, all")]
        pub level: Option<String>,
        /// Comparison sign: ≥, ≤ or =.
        #[csv(field Str "Dấu so sánh: ≥, ≤, =")]
        pub comparison: Option<String>,
        /// The target figure.
        #[csv(field Num "Giá trị cần đạt (dấu chấm thập phân)")]
        pub value: Option<Number>,
        /// The target figure written the Vietnamese way.
        #[csv(field Str "Giá trị viết theo kiểu Việt Nam")]
        pub value_text: Option<String>,
        /// Unit.
        #[csv(field Str "Đơn vị")]
        pub unit: Option<String>,
        /// Year by which it is due.
        #[csv(field Integer "Năm phải đạt")]
        pub year: Option<i32>,
        /// Derived: the target's status (`dat`, `dang-thuc-hien`, `chua-dat`,
        /// `khong-so-sanh-duoc`, `chua-co-so-lieu`), by the rules of `/chi-tieu/phuong-phap/`.
        #[csv(required Str "Suy ra: tình trạng (dat, dang-thuc-hien, chua-dat, khong-so-sanh-duoc, chua-co-so-lieu), theo quy tắc ở /chi-tieu/phuong-phap/")]
        pub status: String,
        /// Derived: the status in Vietnamese.
        #[csv(required Str "Suy ra: tình trạng bằng tiếng Việt")]
        pub status_label: String,
        /// Derived: the key of the rule that gave the status (an anchor of the methodology page).
        #[csv(required Str "Suy ra: mã quy tắc cho ra tình trạng (neo trên trang phương pháp)")]
        pub status_rule: String,
        /// Derived: the status explained in one line (latest figure, goal, how far along).
        #[csv(required Str "Suy ra: tình trạng giải thích trong một dòng")]
        pub status_summary: String,
        /// Document of the measurement that counts (the latest).
        #[csv(field Str "Văn bản của số liệu được tính (mới nhất)")]
        pub latest_document: Option<String>,
        /// ID of the measurement that counts (the latest).
        #[csv(field Str "Mã số liệu được tính (mới nhất)")]
        pub latest_measurement: Option<String>,
        /// Derived: the figure compared with the goal (a share in percent where the target is a
        /// share and the measurement a count with a denominator).
        #[csv(field Num "Suy ra: con số đem so với mức chỉ tiêu (tỷ lệ phần trăm khi chỉ tiêu là tỷ lệ và số liệu có mẫu số)")]
        pub latest_value: Option<Number>,
        /// Date of the measurement that counts.
        #[csv(field Date "Ngày của số liệu được tính")]
        pub latest_as_of: Option<String>,
        /// Derived: for a "≥" target not yet met, the figure as a percentage of the goal.
        #[csv(field Num "Suy ra: với chỉ tiêu ≥ chưa đạt, con số đo được bằng bao nhiêu phần trăm mức cần đạt")]
        pub share_of_goal: Option<Number>,
        /// How many measurements were counted (those naming the target and those of its
        /// indicator in its province, a figure printed twice counted once).
        #[csv(required Integer "Số số liệu được tính cho chỉ tiêu")]
        pub measurement_count: usize,
    }
}

dataset_record! {
    /// A measured figure.
    pub struct MeasurementRecord {
        /// Document ID.
        #[csv(id Str "Mã văn bản")]
        pub document: String,
        /// Measurement ID, unique within the document.
        #[csv(required Str "Mã số liệu, duy nhất trong văn bản")]
        pub id: String,
        /// URL of the figure on the document page.
        #[csv(required Str "Địa chỉ số liệu trên trang văn bản")]
        pub url: String,
        /// Source sentence as printed.
        #[csv(required Str "Câu nguồn, nguyên văn")]
        pub text: String,
        /// Section ID.
        #[csv(field Str "Mã phần")]
        pub section: Option<String>,
        /// Document of the measured target.
        #[csv(field Str "Mã văn bản có chỉ tiêu được đo")]
        pub target_document: Option<String>,
        /// ID of the measured target.
        #[csv(field Str "Mã chỉ tiêu được đo (chỉ tiêu đầu tiên)")]
        pub target: Option<String>,
        /// Every target it names as measured, as `document/target`, separated by `; `.
        #[csv(field Str "Mọi chỉ tiêu được đo, dạng văn-bản/chỉ-tiêu, cách nhau bởi “; ”")]
        pub targets: Option<String>,
        /// Shared indicator ID.
        #[csv(field Str "Mã chỉ số dùng chung")]
        pub indicator: Option<String>,
        /// The figure.
        #[csv(required Num "Giá trị (dấu chấm thập phân)")]
        pub value: Number,
        /// The figure written the Vietnamese way.
        #[csv(required Str "Giá trị viết theo kiểu Việt Nam")]
        pub value_text: String,
        /// "Out of".
        #[csv(field Num "Mẫu số (“trên tổng số”)")]
        pub denominator: Option<Number>,
        /// "Out of" written the Vietnamese way.
        pub denominator_text: Option<String>,
        /// value / denominator in percent.
        #[csv(field Num "Tỷ lệ value/denominator, phần trăm")]
        pub percent: Option<Number>,
        /// Unit.
        #[csv(field Str "Đơn vị")]
        pub unit: Option<String>,
        /// Date described, ISO 8601.
        #[csv(field Date "Ngày số liệu phản ánh")]
        pub as_of: Option<String>,
        /// `tinh`, `huyen`, `xa` or `all`.
        #[csv(field Str "Cấp: tinh, huyen, xa, all")]
        pub level: Option<String>,
    }
}

/// A column of an appendix.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ColumnRecord {
    /// Key used in the rows' cells.
    pub key: String,
    /// Header as printed.
    pub title: String,
    /// What the column holds (`name`, `agency`, `amount` …).
    pub role: String,
}

/// A cell: text as printed, and the figure for amount columns.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CellRecord {
    /// Text as printed.
    pub text: String,
    /// The amount read from the text, in the appendix's unit.
    pub value: Option<Number>,
}

/// A stated total compared with the sum of its rows.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckRecord {
    /// Column key.
    pub column: String,
    /// The stated figure as printed.
    pub stated_text: String,
    /// The stated figure.
    pub stated: Option<Number>,
    /// The sum of the rows.
    pub computed: Number,
    /// stated − computed, when they differ.
    pub difference: Option<Number>,
}

/// A row of an appendix: a group heading, a data row or the grand total.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RowRecord {
    /// `group`, `row` or `total`.
    pub kind: String,
    /// Anchor on the appendix page, unique within the appendix.
    pub anchor: String,
    /// URL of the row.
    pub url: String,
    /// Depth in the group tree (0 = top).
    pub depth: usize,
    /// Labels of the enclosing groups, outermost first.
    pub group_path: Vec<String>,
    /// Anchor of the innermost enclosing group.
    pub group: Option<String>,
    /// Group label.
    pub label: Option<String>,
    /// Group or total title.
    pub title: Option<String>,
    /// Non-empty cells by column key.
    pub cells: BTreeMap<String, CellRecord>,
    /// Resolved agency IDs.
    pub agencies: Vec<String>,
    /// Stated totals checked against their rows.
    pub checks: Vec<CheckRecord>,
}

dataset_record! {
    /// An appendix (phụ lục) with its rows.
    pub struct AppendixRecord {
        /// Document ID.
        #[csv(id Str "Mã văn bản")]
        pub document: String,
        /// Appendix ID, unique within the document, as in the page URL.
        #[csv(required Str "Mã phụ lục, như trong địa chỉ /van-ban/<văn bản>/phu-luc-<id>/")]
        pub id: String,
        /// Page URL.
        #[csv(required Str "Địa chỉ trang phụ lục")]
        pub url: String,
        /// Number as printed.
        #[csv(field Str "Số phụ lục, như in")]
        pub number: Option<String>,
        /// Title as printed.
        #[csv(required Str "Tiêu đề, như in")]
        pub title: String,
        /// Caption line.
        #[csv(field Str "Dòng chú thích dưới tiêu đề")]
        pub caption: Option<String>,
        /// Money unit of the amount columns ("triệu đồng").
        #[csv(field Str "Đơn vị tiền của các cột số tiền")]
        pub unit: Option<String>,
        /// How many đồng one unit is worth.
        #[csv(field Num "Một đơn vị bằng bao nhiêu đồng")]
        pub unit_in_dong: Option<Number>,
        /// Columns in order.
        pub columns: Vec<ColumnRecord>,
        /// Number of data rows.
        #[csv(required Integer "Số dòng dữ liệu")]
        pub row_count: usize,
        /// Number of groups.
        #[csv(required Integer "Số nhóm")]
        pub group_count: usize,
        /// First year of the period its rows belong to (its own, else its document's).
        #[csv(field Integer "Năm đầu của giai đoạn các dòng thuộc về (của phụ lục, nếu không thì của văn bản)")]
        pub period_from: Option<i32>,
        /// Last year of that period.
        #[csv(field Integer "Năm cuối của giai đoạn đó")]
        pub period_to: Option<i32>,
        /// Derived: whether it lists its document's own period (a plan's money counts only
        /// these appendices; a plan's list of the period before does not).
        #[csv(required Boolean "Suy ra: phụ lục có thuộc giai đoạn của chính văn bản không (kinh phí của kế hoạch chỉ cộng các phụ lục này)")]
        pub own_period: bool,
        /// Rows in display order.
        pub rows: Vec<RowRecord>,
    }
}

dataset_record! {
    /// A project or task: a data row of an appendix, flattened with its context.
    pub struct ProjectRecord {
        /// `<document>/<appendix>/<anchor>`.
        #[csv(required Str "<văn bản>/<phụ lục>/<neo dòng>")]
        pub id: String,
        /// URL of the row on the appendix page.
        #[csv(required Str "Địa chỉ dòng trên trang phụ lục")]
        pub url: String,
        /// Document ID.
        #[csv(id Str "Mã văn bản")]
        pub document: String,
        /// Document number.
        #[csv(field Str "Số ký hiệu văn bản")]
        pub document_number: Option<String>,
        /// Province ID.
        #[csv(id Str "Mã tỉnh")]
        pub province: String,
        /// Appendix ID.
        #[csv(required Str "Mã phụ lục")]
        pub appendix: String,
        /// Appendix number as printed.
        #[csv(field Str "Số phụ lục, như in")]
        pub appendix_number: Option<String>,
        /// Row anchor.
        #[csv(required Str "Neo của dòng")]
        pub anchor: String,
        /// Labels of the enclosing groups.
        #[csv(field Str "Ký hiệu các nhóm chứa dòng, cách nhau bởi “; ”")]
        pub group_path: Vec<String>,
        /// Anchor of the innermost enclosing group.
        #[csv(field Str "Neo của nhóm gần nhất chứa dòng (dòng nhóm có anchor này), kể cả khi nhóm không in ký hiệu")]
        pub group: Option<String>,
        /// Số thứ tự as printed.
        #[csv(field Str "Số thứ tự, như in")]
        pub label: Option<String>,
        /// Name of the project or task.
        #[csv(field Str "Tên dự án, nhiệm vụ")]
        pub name: Option<String>,
        /// Lead agency as printed.
        #[csv(field Str "Đơn vị chủ trì, như in")]
        pub agency: Option<String>,
        /// Resolved agency IDs.
        #[csv(field Str "Mã các cơ quan chủ trì, cách nhau bởi “; ”")]
        pub agencies: Vec<String>,
        /// Goal.
        #[csv(field Str "Mục tiêu")]
        pub goal: Option<String>,
        /// Scale.
        #[csv(field Str "Quy mô")]
        pub scale: Option<String>,
        /// Period of execution as printed.
        #[csv(field Str "Thời gian thực hiện, như in")]
        pub period: Option<String>,
        /// Funding source.
        #[csv(field Str "Nguồn vốn")]
        pub funding: Option<String>,
        /// Status or result.
        #[csv(field Str "Hiện trạng, kết quả")]
        pub status: Option<String>,
        /// Note.
        #[csv(field Str "Ghi chú")]
        pub note: Option<String>,
        /// Key of the main amount column (the first whose title says "tổng", else the first).
        #[csv(field Str "Khóa cột số tiền chính (cột đầu tiên có chữ “tổng”, nếu không thì cột số tiền đầu tiên)")]
        pub amount_column: Option<String>,
        /// Main amount in the appendix's unit: where its cell is empty, the sum of the columns
        /// that are parts of it (and `amount_text` is empty).
        #[csv(field Num "Số tiền chính, theo đơn vị của phụ lục; khi văn bản để trống ô này mà ghi \
                         các phần (ví dụ từng năm), là tổng các phần và amount_text để trống")]
        pub amount: Option<Number>,
        /// Main amount as printed.
        #[csv(field Str "Số tiền chính, như in")]
        pub amount_text: Option<String>,
        /// The appendix's money unit.
        #[csv(field Str "Đơn vị tiền của phụ lục")]
        pub unit: Option<String>,
        /// Main amount in triệu đồng.
        #[csv(field Num "Số tiền chính quy ra triệu đồng")]
        pub amount_million_dong: Option<Number>,
        /// Derived: the project the row belongs to (an ID of `ho-so-du-an`), when its appendix
        /// has an amount column: rows linked by `continues` share one.
        #[csv(field Str "Suy ra: mã dự án (bảng ho-so-du-an) mà dòng thuộc về; các dòng nối nhau bằng continues có chung một mã")]
        pub project: Option<String>,
        /// The earlier row this row continues, as the content writes it
        /// (`document/appendix#anchor`).
        #[csv(field Str "Dòng trước mà dòng này tiếp nối, như nội dung ghi: <văn bản>/<phụ lục>#<neo dòng>")]
        pub continues: Option<String>,
        /// Derived: the standard status of the printed status (`row-statuses.yaml`).
        #[csv(field Str "Suy ra: tình trạng chuẩn của lời ghi tình trạng (theo row-statuses.yaml; khong-ro khi không khớp)")]
        pub status_standard: Option<String>,
    }
}

dataset_record! {
    /// One project across documents: the rows linked by `continues`, from its first.
    pub struct TrackedProjectRecord {
        /// Stable ID: the first row's document, appendix and anchor.
        #[csv(required Str "Mã dự án: văn bản, phụ lục và neo của dòng đầu tiên")]
        pub id: String,
        /// URL of its page, when it has one (every project while the site is small; past that,
        /// the projects more than one row mentions).
        #[csv(field Str "Địa chỉ trang dự án (mọi dự án khi cổng nhỏ; cổng toàn quốc chỉ làm trang cho dự án có từ hai dòng nhắc đến)")]
        pub url: Option<String>,
        /// Name as the latest document prints it (some rows print none).
        #[csv(field Str "Tên, như văn bản mới nhất ghi")]
        pub name: Option<String>,
        /// Province ID.
        #[csv(id Str "Mã tỉnh")]
        pub province: String,
        /// Lead agency as the latest document prints it.
        #[csv(field Str "Cơ quan chủ trì, như văn bản mới nhất ghi")]
        pub agency: Option<String>,
        /// Resolved agency IDs (latest document).
        #[csv(field Str "Mã các cơ quan chủ trì, cách nhau bởi “; ”")]
        pub agencies: Vec<String>,
        /// How many rows mention it.
        #[csv(required Integer "Số dòng phụ lục nhắc đến dự án")]
        pub mentions: usize,
        /// The documents that mention it, oldest first.
        #[csv(required Str "Mã các văn bản nhắc đến, cũ trước, cách nhau bởi “; ”")]
        pub documents: Vec<String>,
        /// The first document that mentions it.
        #[csv(id Str "Văn bản đầu tiên nhắc đến")]
        pub first_document: String,
        /// The latest document that mentions it.
        #[csv(id Str "Văn bản mới nhất nhắc đến")]
        pub latest_document: String,
        /// Derived: its amount in the first document that gives one, in triệu đồng.
        #[csv(field Num "Suy ra: kinh phí ở văn bản đầu tiên có ghi, quy ra triệu đồng")]
        pub first_amount_million_dong: Option<Number>,
        /// Derived: its amount in the latest row that mentions it, in triệu đồng (none when that
        /// row gives none).
        #[csv(field Num "Suy ra: kinh phí ở văn bản mới nhất có ghi, quy ra triệu đồng")]
        pub latest_amount_million_dong: Option<Number>,
        /// Status as the latest document prints it.
        #[csv(field Str "Tình trạng, như văn bản mới nhất ghi")]
        pub latest_status: Option<String>,
        /// Derived: the standard status of the latest printed status.
        #[csv(field Str "Suy ra: tình trạng chuẩn của lời ghi mới nhất")]
        pub latest_status_standard: Option<String>,
    }
}

/// Everything published about one document, in its own JSON file.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentBundle {
    /// The document.
    pub document: DocumentRecord,
    /// Its sections.
    pub sections: Vec<SectionRecord>,
    /// Its targets.
    pub targets: Vec<TargetRecord>,
    /// Its measurements.
    pub measurements: Vec<MeasurementRecord>,
    /// Its appendices with their rows.
    pub appendices: Vec<AppendixRecord>,
    /// The files published beside its page (the signed original, diagrams).
    pub attachments: Vec<AttachmentRecord>,
}

/// A file published as it is beside its document's page.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AttachmentRecord {
    /// The file's name.
    pub name: String,
    /// Its title, when the document gives one.
    pub title: Option<String>,
    /// Its URL, relative to the site root.
    pub url: String,
    /// What kind of file it is ("PDF", "Word").
    pub format: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes, in hexadecimal, to check a download against.
    pub sha256: String,
}

/// Records of the site, or of a part of it: open data is made a few documents at a time, so
/// that the records of the whole site are never held at once.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Provinces.
    pub provinces: Vec<ProvinceRecord>,
    /// Agencies.
    pub agencies: Vec<AgencyRecord>,
    /// Indicators.
    pub indicators: Vec<IndicatorRecord>,
    /// One bundle per document, in the site's order (newest first).
    pub documents: Vec<DocumentBundle>,
    /// The data rows of the documents' appendices.
    pub projects: Vec<ProjectRecord>,
    /// Every project once, across documents.
    pub tracked: Vec<TrackedProjectRecord>,
}

fn iso_from_short(date: &str) -> String {
    chrono::NaiveDate::parse_from_str(date, "%d/%m/%Y")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| date.to_string())
}

fn snake(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// The document page's URL.
pub fn document_url(id: &str) -> String {
    crate::urls::document(id)
}

/// The appendix page's URL.
pub fn appendix_url(document: &str, appendix: &str) -> String {
    crate::urls::appendix(document, appendix)
}

impl Records {
    /// The provinces, agencies and indicators of the site, without documents.
    pub fn registries(site: &Site) -> Records {
        Records {
            provinces: site
                .provinces
                .iter()
                .map(|p| ProvinceRecord {
                    id: p.id.clone(),
                    url: crate::urls::province(&p.id),
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    region: p.region.clone(),
                    merged_into: p.merged_into.clone(),
                    merged_on: p.merged_on.as_deref().map(iso_from_short),
                })
                .collect(),
            agencies: site
                .agencies
                .iter()
                .map(|a| AgencyRecord {
                    id: a.id.clone(),
                    url: crate::urls::agency(&a.id),
                    name: a.name.clone(),
                    short_name: a.short_name.clone(),
                    province: a.province.clone(),
                    aliases: a.aliases.clone(),
                })
                .collect(),
            indicators: site
                .indicators
                .iter()
                .map(|i| IndicatorRecord {
                    id: i.id.clone(),
                    url: crate::urls::indicator(&i.id),
                    name: i.name.clone(),
                    unit: i.unit.clone(),
                    description: i.description.clone(),
                    notes: i.notes.clone(),
                })
                .collect(),
            documents: Vec::new(),
            projects: Vec::new(),
            tracked: Vec::new(),
        }
    }

    /// The site's tracked projects (see [`TrackedProjectRecord`]), [`TRACKED_PER_PART`] at a
    /// time: at national scale they are hundreds of thousands, and their records and table
    /// rows made at once held hundreds of megabytes.
    pub fn tracked_in_parts(site: &Site) -> impl Iterator<Item = Records> + '_ {
        site.lineage
            .projects()
            .chunks(TRACKED_PER_PART)
            .map(|part| Records {
                tracked: tracked(site, part),
                ..Records::default()
            })
    }

    /// The records of `documents` alone (no provinces, agencies or indicators), made on
    /// every core.
    pub fn of_documents(site: &Site, documents: &[Document]) -> Records {
        use rayon::prelude::*;
        Records {
            documents: documents
                .par_iter()
                .map(|document| bundle(site, document))
                .collect(),
            projects: projects(site, documents),
            ..Records::default()
        }
    }
}

fn bundle(site: &Site, document: &Document) -> DocumentBundle {
    let url = document_url(&document.id);
    DocumentBundle {
        document: DocumentRecord {
            id: document.id.clone(),
            url: url.clone(),
            data_url: format!("{url}{}", super::DOCUMENT_FILE),
            kind: snake(document.kind),
            kind_label: document.kind.label().to_string(),
            number: document.number.clone(),
            issued: document.issued.to_string(),
            place: document.place.clone(),
            issuer: document.issuer.clone(),
            province: document.province.clone(),
            title: document.title.clone(),
            summary: document.summary.clone(),
            period_from: document.period.map(|p| p.from),
            period_to: document.period.map(|p| p.to),
            signer_name: document.signer.as_ref().map(|s| s.name.clone()),
            signer_position: document.signer.as_ref().and_then(|s| s.position.clone()),
            recipients: document.recipients.clone(),
            relations: document
                .relations
                .iter()
                .map(|r| RelationRecord {
                    kind: snake(r.kind),
                    document: r.document.clone(),
                    number: r.number.clone(),
                    issued: r.issued.clone(),
                    title: r.title.clone(),
                    issuer: r.issuer.clone(),
                })
                .collect(),
        },
        sections: document
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| SectionRecord {
                document: document.id.clone(),
                id: s.id.clone(),
                position: i + 1,
                title: s.title.clone(),
                url: format!("{url}#{}", s.id),
                headings: s
                    .toc
                    .iter()
                    .map(|h| HeadingRecord {
                        level: h.level,
                        id: h.id.clone(),
                        text: h.text.clone(),
                        url: format!("{url}#{}", h.id),
                    })
                    .collect(),
            })
            .collect(),
        targets: document
            .targets
            .iter()
            .map(|t| {
                let assessment = crate::site::progress::assess(site, document, t);
                let latest = assessment.latest();
                TargetRecord {
                    document: document.id.clone(),
                    id: t.id.clone(),
                    url: format!("{url}#ct-{}", t.id),
                    section: t.section.clone(),
                    label: t.label.clone(),
                    area: t.area.clone(),
                    text: t.text.clone(),
                    indicator: t.indicator.clone(),
                    level: t.level.map(snake),
                    comparison: t.comparison.clone(),
                    value: t.value.map(Number),
                    value_text: t.value.map(format_number),
                    unit: t.unit.clone(),
                    year: t.year,
                    status: assessment.status().key().to_string(),
                    status_label: assessment.status().label().to_string(),
                    status_rule: assessment.rule.key().to_string(),
                    status_summary: assessment.summary(t),
                    latest_document: latest.map(|e| e.document.id.clone()),
                    latest_measurement: latest.map(|e| e.measurement.id.clone()),
                    latest_value: assessment.compared.map(Number),
                    latest_as_of: latest.and_then(|e| e.measurement.as_of.clone()),
                    share_of_goal: assessment.share_of_goal.map(Number),
                    measurement_count: assessment.evidence.len(),
                }
            })
            .collect(),
        measurements: document
            .measurements
            .iter()
            .map(|m| MeasurementRecord {
                document: document.id.clone(),
                id: m.id.clone(),
                url: format!("{url}#sl-{}", m.id),
                text: m.text.clone(),
                section: m.section.clone(),
                target_document: m.targets.first().map(|t| t.document.clone()),
                target: m.targets.first().map(|t| t.id.clone()),
                targets: (!m.targets.is_empty()).then(|| {
                    m.targets
                        .iter()
                        .map(|t| format!("{}/{}", t.document, t.id))
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
                indicator: m.indicator.clone(),
                value: Number(m.value),
                value_text: format_number(m.value),
                denominator: m.denominator.map(Number),
                denominator_text: m.denominator.map(format_number),
                percent: m.percent.map(Number),
                unit: m.unit.clone(),
                as_of: m.as_of.clone(),
                level: m.level.map(snake),
            })
            .collect(),
        appendices: document
            .appendices
            .iter()
            .map(|a| appendix(document, a))
            .collect(),
        attachments: document
            .attachments
            .iter()
            .map(|a| AttachmentRecord {
                name: a.name.clone(),
                title: a.title.clone(),
                url: a.path(&document.id),
                format: a.format.to_string(),
                media_type: a.media_type.to_string(),
                bytes: a.bytes,
                sha256: a.sha256.clone(),
            })
            .collect(),
    }
}

fn appendix(document: &Document, appendix: &Appendix) -> AppendixRecord {
    let url = appendix_url(&document.id, &appendix.id);
    let period = appendix.period.or(document.period);
    AppendixRecord {
        period_from: period.map(|p| p.from),
        period_to: period.map(|p| p.to),
        own_period: crate::site::money::is_own_period(document, appendix),
        document: document.id.clone(),
        id: appendix.id.clone(),
        url: url.clone(),
        number: appendix.number.clone(),
        title: appendix.title.clone(),
        caption: appendix.caption.clone(),
        unit: appendix.unit.clone(),
        unit_in_dong: appendix.unit_in_dong.map(Number),
        columns: appendix
            .columns
            .iter()
            .map(|c| ColumnRecord {
                key: c.key.clone(),
                title: c.title.clone(),
                role: snake(c.role),
            })
            .collect(),
        row_count: appendix.row_count,
        group_count: appendix.group_count,
        rows: appendix
            .rows
            .iter()
            .map(|r| row(appendix, r, &url))
            .collect(),
    }
}

fn row(appendix: &Appendix, row: &TableRow, url: &str) -> RowRecord {
    RowRecord {
        kind: row.kind.to_string(),
        anchor: row.anchor.clone(),
        url: format!("{url}#{}", row.anchor),
        depth: row.depth,
        group_path: row.group_path.clone(),
        group: row.group.clone(),
        label: row.label.clone(),
        title: row.title.clone(),
        cells: appendix
            .columns
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| !cell.text.is_empty())
            .map(|(column, cell)| {
                (
                    column.key.clone(),
                    CellRecord {
                        text: cell.text.clone(),
                        value: cell.value.map(Number),
                    },
                )
            })
            .collect(),
        agencies: row.agencies.clone(),
        checks: row
            .checks
            .iter()
            .map(|c| CheckRecord {
                column: c.column.clone(),
                stated_text: c.stated_text.clone(),
                stated: c.stated.map(Number),
                computed: Number(c.computed),
                difference: c.difference.map(Number),
            })
            .collect(),
    }
}

/// Every project once (see [`crate::site::lineage`]).
/// How many tracked projects [`Records::tracked_in_parts`] makes at once.
const TRACKED_PER_PART: usize = 4096;

fn tracked(site: &Site, projects: &[crate::site::lineage::Project]) -> Vec<TrackedProjectRecord> {
    let mention = |&(d, k): &(usize, usize)| {
        let document = site.documents.get(d)?;
        Some((document, document.projects.get(k)?))
    };
    use rayon::prelude::*;
    projects
        .par_iter()
        .filter_map(|project| {
            let mentions: Vec<_> = project.mentions.iter().filter_map(mention).collect();
            let (first_document, _) = mentions.first()?;
            let (latest_document, latest) = mentions.last()?;
            let amounts: Vec<_> = mentions.iter().filter_map(|(_, m)| m.amount).collect();
            let mut documents: Vec<String> = mentions.iter().map(|(d, _)| d.id.clone()).collect();
            documents.dedup();
            Some(TrackedProjectRecord {
                id: project.id.clone(),
                url: site
                    .lineage
                    .has_page(project)
                    .then(|| crate::urls::project(&project.id)),
                name: non_empty(&latest.name),
                province: latest_document.province.clone(),
                agency: non_empty(&latest.agency),
                agencies: latest.agencies.to_vec(),
                mentions: mentions.len(),
                documents,
                first_document: first_document.id.clone(),
                latest_document: latest_document.id.clone(),
                first_amount_million_dong: amounts.first().copied().map(Number),
                latest_amount_million_dong: latest.amount.map(Number),
                latest_status: non_empty(&latest.status_text),
                latest_status_standard: latest.status.as_deref().map(str::to_string),
            })
        })
        .collect()
}

fn projects(site: &Site, documents: &[Document]) -> Vec<ProjectRecord> {
    let mut list = Vec::new();
    for document in documents {
        let ids = site
            .position(&document.id)
            .map(|position| site.lineage.ids_of(&site.documents, position))
            .unwrap_or_default();
        for (position, appendix) in document.appendices.iter().enumerate() {
            let main = appendix.main_amount_column();
            for row in appendix.rows.iter().filter(|r| r.kind == "row") {
                let by_role =
                    |role: ColumnRole| appendix.text_by_role(row, role).map(str::to_string);
                let amount_cell = main.and_then(|i| row.cells.get(i));
                list.push(ProjectRecord {
                    id: format!("{}/{}/{}", document.id, appendix.id, row.anchor),
                    url: format!(
                        "{}#{}",
                        appendix_url(&document.id, &appendix.id),
                        row.anchor
                    ),
                    document: document.id.clone(),
                    document_number: document.number.clone(),
                    province: document.province.clone(),
                    appendix: appendix.id.clone(),
                    appendix_number: appendix.number.clone(),
                    anchor: row.anchor.clone(),
                    group_path: row.group_path.clone(),
                    group: row.group.clone(),
                    label: by_role(ColumnRole::Label),
                    name: by_role(ColumnRole::Name),
                    agency: by_role(ColumnRole::Agency),
                    agencies: row.agencies.clone(),
                    goal: by_role(ColumnRole::Goal),
                    scale: by_role(ColumnRole::Scale),
                    period: by_role(ColumnRole::Period),
                    funding: by_role(ColumnRole::Funding),
                    status: by_role(ColumnRole::Status),
                    note: by_role(ColumnRole::Note),
                    amount_column: main
                        .and_then(|i| appendix.columns.get(i))
                        .map(|c| c.key.clone()),
                    amount: appendix.main_amount(row, main).map(Number),
                    amount_text: amount_cell.and_then(|c| non_empty(&c.text)),
                    unit: appendix.unit.clone(),
                    amount_million_dong: appendix.amount_in_millions(row, main).map(Number),
                    project: ids
                        .get(&(position, row.anchor.as_str()))
                        .map(|id| id.to_string()),
                    continues: row.continues.clone(),
                    status_standard: row.status.clone(),
                });
            }
        }
    }
    list
}
