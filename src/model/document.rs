//! A document's metadata, sections, targets and measurements, as written.

use crate::yaml::Spanned;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a document is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// Kế hoạch.
    Plan,
    /// Báo cáo.
    Report,
    /// Quyết định.
    Decision,
}

impl DocumentKind {
    /// The Vietnamese name, as a heading would print it.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Plan => "Kế hoạch",
            DocumentKind::Report => "Báo cáo",
            DocumentKind::Decision => "Quyết định",
        }
    }
}

/// A span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

impl Period {
    /// Whether two periods share a year: a report of 2023 on a plan for 2021–2025 speaks of
    /// the same money; a list of 2016–2020 and one of 2021–2025 do not.
    pub fn overlaps(self, other: Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }
}

/// Who signed a document.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// The signer's name.
    pub name: String,
    /// The signature block's title, one line of the block per line:
    /// "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".
    #[serde(default)]
    pub position: Option<String>,
}

/// How one document relates to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// A decision issues a plan.
    Issues,
    /// A plan carries out another plan, decision or programme.
    Implements,
    /// A report reports on a plan.
    ReportsOn,
    /// This document replaces another.
    Supersedes,
    /// Căn cứ: the legal basis of the document.
    BasedOn,
}

/// One relation in `document.yaml`: to a document in the content, or to one named only.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationSource {
    /// The kind of relation.
    #[serde(rename = "type")]
    pub kind: RelationType,
    /// ID of a document in the content.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub document: Option<Spanned<String>>,
    /// Number and symbol of a document outside the content.
    #[serde(default)]
    pub number: Option<String>,
    /// Issue date of a document outside the content, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub issued: Option<Spanned<String>>,
    /// Title of a document outside the content.
    #[serde(default)]
    pub title: Option<String>,
    /// Issuer of a document outside the content, as printed.
    #[serde(default)]
    pub issuer: Option<String>,
}

/// `document.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentSource {
    /// Stable ID, used in URLs.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Plan, report or decision.
    pub kind: DocumentKind,
    /// Số ký hiệu, e.g. `10693/KH-UBND`.
    #[serde(default)]
    pub number: Option<String>,
    /// Ngày ban hành, `YYYY-MM-DD`.
    #[schemars(with = "String")]
    pub issued: Spanned<String>,
    /// Place name of the date line.
    #[serde(default)]
    pub place: Option<String>,
    /// Agency ID of the issuer.
    #[schemars(with = "String")]
    pub issuer: Spanned<String>,
    /// Province ID.
    #[schemars(with = "String")]
    pub province: Spanned<String>,
    /// Trích yếu.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
    /// A short summary, when the document gives one.
    #[serde(default, rename = "abstract")]
    pub summary: Option<String>,
    /// The years the document covers.
    #[serde(default)]
    #[schemars(with = "Option<Period>")]
    pub period: Option<Spanned<Period>>,
    /// Who signed it.
    #[serde(default)]
    pub signer: Option<Signer>,
    /// Nơi nhận.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Links to other documents.
    #[serde(default)]
    #[schemars(with = "Vec<RelationSource>")]
    pub relations: Vec<Spanned<RelationSource>>,
    /// Titles of the files in the document's `files/` folder, which are published beside its
    /// page (a file not listed here is published under its name).
    #[serde(default)]
    #[schemars(with = "Vec<AttachmentSource>")]
    pub attachments: Vec<Spanned<AttachmentSource>>,
    /// When the portal last updated this document's text or figures, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub updated: Option<Spanned<String>>,
    /// Where the signed original is published elsewhere (the province's portal, the gazette):
    /// a full `https://…` address.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub original_url: Option<Spanned<String>>,
}

/// A file of the document's `files/` folder, with the title readers see.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachmentSource {
    /// The file's name in `files/` (`ban-ky-so.pdf`).
    #[schemars(with = "String")]
    pub file: Spanned<String>,
    /// What it is ("Bản ký số của kế hoạch").
    pub title: String,
}

/// The front matter of a section's Markdown file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    /// Stable ID, used as the section's anchor.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The section's heading as printed.
    #[serde(deserialize_with = "super::non_blank")]
    pub title: String,
}

/// The administrative level a target applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Cấp tỉnh.
    Tinh,
    /// Cấp huyện.
    Huyen,
    /// Cấp xã.
    Xa,
    /// Every level.
    All,
}

impl Level {
    /// The Vietnamese name.
    pub fn label(self) -> &'static str {
        match self {
            Level::Tinh => "Cấp tỉnh",
            Level::Huyen => "Cấp huyện",
            Level::Xa => "Cấp xã",
            Level::All => "Các cấp",
        }
    }
}

/// How a measured value is compared with the target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Comparison {
    /// At least the target value.
    #[serde(rename = ">=")]
    AtLeast,
    /// At most the target value.
    #[serde(rename = "<=")]
    AtMost,
    /// Exactly the target value.
    #[serde(rename = "=")]
    Equal,
}

impl Comparison {
    /// The sign shown before the value.
    pub fn sign(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::AtMost => "≤",
            Comparison::Equal => "=",
        }
    }
}

/// One record of `targets.yaml`: a chỉ tiêu.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetSource {
    /// Unique within the document.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// ID of the section that states it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub section: Option<Spanned<String>>,
    /// The item label as printed ("a", "đ").
    #[serde(default)]
    pub label: Option<String>,
    /// The heading it is grouped under.
    #[serde(default)]
    pub area: Option<String>,
    /// The sentence, as printed.
    #[serde(deserialize_with = "super::non_blank")]
    pub text: String,
    /// Shared indicator ID.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub indicator: Option<Spanned<String>>,
    /// Administrative level.
    #[serde(default)]
    pub level: Option<Level>,
    /// How a measurement meets it.
    #[serde(default)]
    pub comparison: Option<Comparison>,
    /// The target figure, a decimal with a dot.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub value: Option<Spanned<String>>,
    /// Unit of the figure.
    #[serde(default)]
    pub unit: Option<String>,
    /// The year by which it is due.
    #[serde(default)]
    pub year: Option<i32>,
}

/// A reference to a target of a document, from a measurement that measures it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetRef {
    /// Document ID.
    #[schemars(with = "String")]
    pub document: Spanned<String>,
    /// Target ID within that document.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// `false` when the figure concerns the target but cannot be compared with it (another
    /// denominator, another scope): its status is then "Không so sánh được", with `note` as
    /// the reason.
    #[serde(default = "yes")]
    pub comparable: bool,
    /// Why the link was judged so (shown beside the status), in Vietnamese.
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

/// One record of `measurements.yaml`: a measured figure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasurementSource {
    /// Unique within the document.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The source sentence, as printed.
    #[serde(deserialize_with = "super::non_blank")]
    pub text: String,
    /// ID of the section the sentence is in.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub section: Option<Spanned<String>>,
    /// The target it measures.
    #[serde(default)]
    pub target: Option<TargetRef>,
    /// More targets it measures (of the same or other plans of its province).
    #[serde(default)]
    pub targets: Vec<TargetRef>,
    /// The shared indicator it measures.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub indicator: Option<Spanned<String>>,
    /// The figure, a decimal with a dot.
    #[schemars(with = "String")]
    pub value: Spanned<String>,
    /// "Out of", when the figure is a count of a total.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub denominator: Option<Spanned<String>>,
    /// Unit of the figure.
    #[serde(default)]
    pub unit: Option<String>,
    /// The date the figure describes, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub as_of: Option<Spanned<String>>,
    /// Administrative level.
    #[serde(default)]
    pub level: Option<Level>,
}
