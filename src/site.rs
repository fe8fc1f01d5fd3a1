//! The validated site: every record resolved, every figure parsed, every view derived.
//! Everything here is ready to be rendered; templates only lay it out.

use crate::diagnostics::Diagnostic;
use crate::model::{ColumnRole, DocumentKind, Period, RelationType, Signer};
pub use crate::vietnamese::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

pub mod changes;
pub mod lineage;
pub mod money;
pub mod progress;

/// The portal's settings.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    /// Portal name.
    pub title: String,
    /// One sentence on the portal.
    pub description: String,
    /// Full base URL, always ending in `/`.
    pub base_url: String,
    /// The URL path prefix of every page, e.g. `/cong-khai/`; always starts and ends in `/`.
    pub base_path: String,
    /// Publisher.
    pub publisher: String,
    /// Language of the portal's interface (`vi`), naming the theme's strings file.
    pub language: String,
    /// Whether links are written relative to each page, with explicit `index.html`.
    pub relative_links: bool,
    /// The agency that publishes the portal, with its address and contact.
    pub agency: Option<crate::model::PublisherSource>,
    /// The emblem's file, relative to the content folder (published under
    /// [`EMBLEM_FOLDER`]).
    pub emblem: Option<String>,
    /// When the portal was last updated by hand (see [`Site::updated`]).
    pub updated: Option<Date>,
    /// How often the portal is updated, in a sentence.
    pub update_frequency: Option<String>,
    /// The licence of the content and the open data.
    pub licence: crate::model::LicenceSource,
}

/// A province.
#[derive(Debug, Clone, Serialize)]
pub struct Province {
    /// Stable ID.
    pub id: String,
    /// Official name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Region.
    pub region: Option<String>,
    /// ID of the province it was merged into.
    pub merged_into: Option<String>,
    /// When it was merged, `dd/mm/yyyy`.
    pub merged_on: Option<String>,
    /// Note for the province page.
    pub note: Option<String>,
}

/// An agency.
#[derive(Debug, Clone, Serialize)]
pub struct Agency {
    /// Stable ID.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Name used inside its province.
    pub short_name: Option<String>,
    /// Province ID; none for national bodies.
    pub province: Option<String>,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// A shared indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// Stable ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: Option<String>,
    /// What is measured.
    pub description: Option<String>,
    /// Where definitions differ.
    pub notes: Option<String>,
}

/// An abbreviation of the glossary (`glossary.yaml`).
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryEntry {
    /// Its anchor on the glossary page: `tthc`.
    pub id: String,
    /// The abbreviation as printed.
    pub term: String,
    /// What it stands for.
    pub full: String,
    /// An explanation.
    pub note: Option<String>,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// A relation from one document to another.
#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    /// Kind of relation.
    pub kind: RelationType,
    /// ID of the related document when it is in the content.
    pub document: Option<String>,
    /// Number of the related document.
    pub number: Option<String>,
    /// Issue date, ISO.
    pub issued: Option<String>,
    /// Title of the related document.
    pub title: Option<String>,
    /// Issuer, as printed.
    pub issuer: Option<String>,
}

pub use crate::markdown::TocEntry;

/// A section of prose.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Stable ID and anchor.
    pub id: String,
    /// Heading as printed.
    pub title: String,
    /// Sanitized HTML of the body.
    pub html: String,
    /// Headings inside the body.
    pub toc: Vec<TocEntry>,
    /// Plain text of the body, for search.
    pub text: String,
}

/// A target (chỉ tiêu).
#[derive(Debug, Clone, Serialize)]
pub struct Target {
    /// Unique within its document.
    pub id: String,
    /// Section ID.
    pub section: Option<String>,
    /// Item label.
    pub label: Option<String>,
    /// Grouping heading.
    pub area: Option<String>,
    /// The sentence.
    pub text: String,
    /// Indicator ID.
    pub indicator: Option<String>,
    /// Level.
    pub level: Option<crate::model::Level>,
    /// Comparison sign (≥, ≤, =).
    pub comparison: Option<String>,
    /// Target figure.
    pub value: Option<Decimal>,
    /// Unit.
    pub unit: Option<String>,
    /// Due year.
    pub year: Option<i32>,
}

/// A measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    /// Unique within its document.
    pub id: String,
    /// Source sentence.
    pub text: String,
    /// Section ID.
    pub section: Option<String>,
    /// The targets it names as measured.
    pub targets: Vec<MeasuredTarget>,
    /// Indicator ID.
    pub indicator: Option<String>,
    /// The figure.
    pub value: Decimal,
    /// "Out of".
    pub denominator: Option<Decimal>,
    /// The share value/denominator in percent, when there is a denominator.
    pub percent: Option<Decimal>,
    /// Unit.
    pub unit: Option<String>,
    /// Date described, ISO.
    pub as_of: Option<String>,
    /// Level.
    pub level: Option<crate::model::Level>,
}

/// A target a measurement names as measured, as the content links them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MeasuredTarget {
    /// Document ID.
    pub document: String,
    /// Target ID within that document.
    pub id: String,
    /// False when the editor judged the figure not comparable with the target.
    pub comparable: bool,
    /// The editor's reason for the link, in Vietnamese.
    pub note: Option<String>,
}

impl Measurement {
    /// The link to target `id` of `document`, when this measurement names it.
    pub fn link_to(&self, document: &str, id: &str) -> Option<&MeasuredTarget> {
        self.targets
            .iter()
            .find(|t| t.document == document && t.id == id)
    }
}

/// A column of an appendix.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Key.
    pub key: String,
    /// Header.
    pub title: String,
    /// Role.
    pub role: ColumnRole,
    /// For an amount that is a part of another amount column, that column's position.
    pub part_of: Option<usize>,
}

/// A cell, aligned with the appendix's columns.
#[derive(Debug, Clone, Serialize, Default)]
pub struct TableCell {
    /// Text as printed.
    pub text: String,
    /// Parsed amount, for amount columns.
    pub value: Option<Decimal>,
}

/// A stated total compared with the sum of its rows.
#[derive(Debug, Clone, Serialize)]
pub struct TotalCheck {
    /// Column key.
    pub column: String,
    /// The stated figure as printed.
    pub stated_text: String,
    /// The stated figure.
    pub stated: Option<Decimal>,
    /// The sum of the rows.
    pub computed: Decimal,
    /// stated - computed, when they differ.
    pub difference: Option<Decimal>,
}

/// What a line of an appendix is. Pages (the CSS class of the line) and the open data
/// (`kind`) name it `group`, `row` or `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// A group heading, with the total of its rows where the appendix prints one.
    Group,
    /// A line of data: a project, a task, an item.
    Row,
    /// The grand total of the appendix.
    Total,
}

impl RowKind {
    /// Its name in pages and the open data.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Group => "group",
            RowKind::Row => "row",
            RowKind::Total => "total",
        }
    }
}

impl std::fmt::Display for RowKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind equals its name (`row.kind == "row"`), for the outputs that select rows by it.
impl PartialEq<&str> for RowKind {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

/// A row of an appendix in display order: a group heading, a data row or the grand total.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// Group heading, data row or grand total.
    pub kind: RowKind,
    /// Stable anchor within the appendix page (`r-ii-2-21`, `g-ii`, `tong`).
    pub anchor: String,
    /// Depth in the group tree (0 = top).
    pub depth: usize,
    /// Labels of the enclosing groups, outermost first.
    pub group_path: Vec<String>,
    /// The anchor of the innermost enclosing group, if any: which group the line is in, even
    /// where groups print no label.
    pub group: Option<String>,
    /// Group label (for groups).
    pub label: Option<String>,
    /// Group title (for groups and the total row).
    pub title: Option<String>,
    /// Cells aligned with the columns (empty text where the row has none).
    pub cells: Vec<TableCell>,
    /// Resolved agency IDs (rows).
    pub agencies: Vec<String>,
    /// Stated totals checked against their rows (groups and total).
    pub checks: Vec<TotalCheck>,
    /// Rows: the standard status derived from the printed status text (an ID of
    /// [`Site::row_statuses`], or [`UNKNOWN_ROW_STATUS`]).
    pub status: Option<String>,
    /// Rows: the earlier row this one continues, as written (`document/appendix#anchor`).
    pub continues: Option<String>,
}

/// The standard status of a row whose printed status text no status of `row-statuses.yaml`
/// matches.
pub const UNKNOWN_ROW_STATUS: &str = "khong-ro";

/// A standard status of appendix rows.
#[derive(Debug, Clone, Serialize)]
pub struct RowStatus {
    /// Stable ID.
    pub id: String,
    /// What readers see.
    pub label: String,
    /// What it means.
    pub description: Option<String>,
    /// Phrases, folded as [`RowStatus::fold`] folds a printed text.
    #[serde(skip)]
    pub phrases: Vec<String>,
    /// True for the status that means the work is finished.
    pub done: bool,
}

impl RowStatus {
    /// A printed text as statuses are matched against it: NFC, lower case, one space
    /// between words.
    pub fn fold(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let lower: String = text.nfc().collect::<String>().to_lowercase();
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The status readers see for a text no status matched.
    pub fn unknown() -> RowStatus {
        RowStatus {
            id: UNKNOWN_ROW_STATUS.to_string(),
            label: "Không rõ".to_string(),
            description: Some(
                "Văn bản có ghi tình trạng nhưng lời ghi không khớp tình trạng chuẩn nào."
                    .to_string(),
            ),
            phrases: Vec::new(),
            done: false,
        }
    }
}

/// A stated total (of a group or of the whole appendix) that differs from the sum of its
/// rows: the register of the documents' own arithmetic faults.
#[derive(Debug, Clone, Serialize)]
pub struct TotalMismatch {
    /// The anchor of the group's line on the appendix page (`tong` for the grand total).
    pub anchor: String,
    /// The group as printed: its label and title, or "Tổng cộng".
    pub group: String,
    /// The column's header as printed.
    pub column: String,
    /// The stated figure as printed.
    pub stated_text: String,
    /// The stated figure.
    pub stated: Decimal,
    /// The sum of the rows.
    pub computed: Decimal,
    /// stated - computed.
    pub difference: Decimal,
}

/// A text many rows print alike (an agency, a period, a funding source, a status), held
/// once however many rows print it: see [`RowMention`].
pub type Shared = std::sync::Arc<str>;

/// The texts and agency lists [`Appendix::mentions`] has already made on a thread.
type Known = (
    std::collections::HashSet<Shared>,
    std::collections::HashSet<std::sync::Arc<[String]>>,
);

thread_local! {
    static SHARED: std::cell::RefCell<Known> = std::cell::RefCell::default();
}

/// `text` as a [`Shared`] text, the same one as earlier rows on this thread that printed it.
fn shared(text: &str) -> Shared {
    SHARED.with(|cell| {
        let texts = &mut cell.borrow_mut().0;
        if let Some(known) = texts.get(text) {
            return known.clone();
        }
        let new: Shared = text.into();
        texts.insert(new.clone());
        new
    })
}

/// `agencies` shared with earlier rows on this thread that resolved to the same list.
fn shared_agencies(agencies: &[String]) -> std::sync::Arc<[String]> {
    SHARED.with(|cell| {
        let lists = &mut cell.borrow_mut().1;
        if let Some(known) = lists.get(agencies) {
            return known.clone();
        }
        let new: std::sync::Arc<[String]> = agencies.into();
        lists.insert(new.clone());
        new
    })
}

/// An appendix row that is a project or task (its appendix has an amount column), as every
/// list of projects and the projects' own pages need it; kept when the rows are dropped, for
/// every document of the site (374.000 rows at 10.000 pages): the texts that repeat from row
/// to row are [`Shared`].
#[derive(Debug, Clone, Serialize)]
pub struct RowMention {
    /// The appendix's position in its document.
    pub appendix: usize,
    /// The row's anchor on the appendix page.
    pub anchor: String,
    /// The row's label as printed (its STT).
    pub label: String,
    /// The project's name as printed.
    pub name: String,
    /// The lead agency as printed.
    pub agency: Shared,
    /// Resolved agency IDs.
    pub agencies: std::sync::Arc<[String]>,
    /// Period as printed.
    pub period: Shared,
    /// Funding source as printed.
    pub funding: Shared,
    /// Status as printed.
    pub status_text: Shared,
    /// The standard status (see [`TableRow::status`]).
    pub status: Option<Shared>,
    /// The main amount as printed, in the appendix's unit.
    pub amount_text: Option<String>,
    /// The main amount in triệu đồng (converted from the appendix's unit).
    pub amount: Option<Decimal>,
    /// The earlier row this one continues, as written, resolved by the check.
    pub continues: Option<String>,
}

/// An appendix.
#[derive(Debug, Clone, Serialize)]
pub struct Appendix {
    /// Unique within the document.
    pub id: String,
    /// Number as printed.
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// Caption line.
    pub caption: Option<String>,
    /// Unit label ("triệu đồng").
    pub unit: Option<String>,
    /// How many đồng one unit is worth.
    pub unit_in_dong: Option<Decimal>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows in display order, including group headings and the grand total.
    pub rows: Vec<TableRow>,
    /// Number of data rows.
    pub row_count: usize,
    /// Number of groups.
    pub group_count: usize,
    /// The grand total that the document prints for the main amount column
    /// ([`Appendix::main_amount_column`]), in the appendix's unit; kept when the rows are not.
    pub stated_total: Option<Decimal>,
    /// The years its rows belong to when they are not the document's own.
    pub period: Option<Period>,
    /// Its stated totals that differ from the sums of their rows; kept when the rows are not.
    pub mismatches: Vec<TotalMismatch>,
}

impl Appendix {
    /// The main amount column: the first amount column whose title says "tổng", else the
    /// first amount column.
    pub fn main_amount_column(&self) -> Option<usize> {
        let columns = &self.columns;
        columns
            .iter()
            .position(|c| c.role == ColumnRole::Amount && c.title.to_lowercase().contains("tổng"))
            .or_else(|| columns.iter().position(|c| c.role == ColumnRole::Amount))
    }

    /// The text of the first non-empty cell of `row` in a column of `role`.
    pub fn text_by_role<'r>(&self, row: &'r TableRow, role: ColumnRole) -> Option<&'r str> {
        self.columns
            .iter()
            .zip(&row.cells)
            .find(|(c, cell)| c.role == role && !cell.text.is_empty())
            .map(|(_, cell)| cell.text.as_str())
    }

    /// The printed grand total ([`Appendix::stated_total`]) in triệu đồng.
    pub fn stated_total_in_millions(&self) -> Option<Decimal> {
        Some((self.stated_total? * self.million_dong_per_unit()).normalize())
    }

    /// How many triệu đồng one unit of the appendix is worth (1 when no unit is given).
    fn million_dong_per_unit(&self) -> Decimal {
        self.unit_in_dong
            .map_or(Decimal::ONE, |dong| dong / Decimal::from(1_000_000))
    }

    /// The amount of `row` in column `main` ([`Appendix::main_amount_column`], found once per
    /// appendix), in the appendix's unit: where the row leaves it empty, the sum of its parts
    /// (the columns [`Column::part_of`] it), if it has any.
    pub fn main_amount(&self, row: &TableRow, main: Option<usize>) -> Option<Decimal> {
        let main = main?;
        row.cells.get(main)?.value.or_else(|| {
            self.columns
                .iter()
                .zip(&row.cells)
                .filter(|(column, _)| column.part_of == Some(main))
                .filter_map(|(_, cell)| cell.value)
                .reduce(|sum, part| sum.checked_add(part).unwrap_or(sum))
        })
    }

    /// [`Appendix::main_amount`] converted to triệu đồng.
    pub fn amount_in_millions(&self, row: &TableRow, main: Option<usize>) -> Option<Decimal> {
        let unit = self.million_dong_per_unit();
        self.main_amount(row, main).map(|v| (v * unit).normalize())
    }

    /// The rows that are projects or tasks (all data rows, when the appendix has an amount
    /// column), as [`RowMention`]s of the appendix at `position` in its document.
    pub fn mentions(&self, position: usize) -> Vec<RowMention> {
        if !self.columns.iter().any(|c| c.role == ColumnRole::Amount) {
            return Vec::new();
        }
        let main = self.main_amount_column();
        let text = |row, role| self.text_by_role(row, role).unwrap_or_default();
        self.rows
            .iter()
            .filter(|r| r.kind == RowKind::Row)
            .map(|row| RowMention {
                appendix: position,
                anchor: row.anchor.clone(),
                label: text(row, ColumnRole::Label).to_string(),
                name: text(row, ColumnRole::Name).to_string(),
                agency: shared(text(row, ColumnRole::Agency)),
                agencies: shared_agencies(&row.agencies),
                period: shared(text(row, ColumnRole::Period)),
                funding: shared(text(row, ColumnRole::Funding)),
                status_text: shared(text(row, ColumnRole::Status)),
                status: row.status.as_deref().map(shared),
                amount_text: main
                    .and_then(|m| row.cells.get(m))
                    .map(|c| c.text.clone())
                    .filter(|t| !t.trim().is_empty()),
                amount: self.amount_in_millions(row, main),
                continues: row.continues.clone(),
            })
            .collect()
    }
}

/// A document with everything it contains.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Stable ID.
    pub id: String,
    /// Kind.
    pub kind: DocumentKind,
    /// Số ký hiệu.
    pub number: Option<String>,
    /// Issue date.
    pub issued: Date,
    /// Place name.
    pub place: Option<String>,
    /// Issuer agency ID.
    pub issuer: String,
    /// Province ID.
    pub province: String,
    /// Trích yếu.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Years covered.
    pub period: Option<Period>,
    /// Signer.
    pub signer: Option<Signer>,
    /// Nơi nhận.
    pub recipients: Vec<String>,
    /// Relations as written.
    pub relations: Vec<Relation>,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Targets.
    pub targets: Vec<Target>,
    /// Measurements.
    pub measurements: Vec<Measurement>,
    /// Appendices in order.
    pub appendices: Vec<Appendix>,
    /// The rows of its appendices that are projects or tasks, in order.
    pub projects: Vec<RowMention>,
    /// Files published beside the document's page, in the order `document.yaml` lists them,
    /// then by name.
    pub attachments: Vec<Attachment>,
    /// When the portal last updated the document.
    pub updated: Option<Date>,
    /// Where its signed original is published elsewhere.
    pub original_url: Option<String>,
    /// The document's folder, from which [`Document::take_bodies`] lets it be read again.
    #[serde(skip)]
    pub folder: PathBuf,
    /// True once the sections' text and the appendices' rows were dropped.
    #[serde(skip)]
    pub bodies_dropped: bool,
}

impl Document {
    /// The years the rows of its appendix at `position` belong to: the appendix's own
    /// period, else the document's.
    pub fn appendix_period(&self, position: usize) -> Option<Period> {
        self.appendices.get(position)?.period.or(self.period)
    }

    /// The site path of a project row on its appendix's page:
    /// `van-ban/<document>/phu-luc-<appendix>/#<anchor>`.
    pub fn row_path(&self, mention: &RowMention) -> String {
        let appendix = self
            .appendices
            .get(mention.appendix)
            .map_or("", |a| a.id.as_str());
        crate::urls::appendix_row(&self.id, appendix, &mention.anchor)
    }

    /// Moves out what only the document's own pages, open data and search records need (the
    /// sections and the appendices' rows), keeping what the rest of the site shows, and
    /// returns it: a build holds every document this way and reads each again, a few at a
    /// time, when it writes them (see [`crate::validate::Reader`]).
    pub fn take_bodies(&mut self) -> Bodies {
        let rows = self
            .appendices
            .iter_mut()
            .map(|appendix| std::mem::take(&mut appendix.rows))
            .collect();
        self.bodies_dropped = true;
        Bodies {
            sections: std::mem::take(&mut self.sections),
            rows,
        }
    }

    /// The whole document: this one with `bodies` (taken from it by
    /// [`Document::take_bodies`]) put back.
    pub fn with_bodies(&self, bodies: Bodies) -> Document {
        let mut whole = self.clone();
        whole.sections = bodies.sections;
        for (appendix, rows) in whole.appendices.iter_mut().zip(bodies.rows) {
            appendix.rows = rows;
        }
        whole.bodies_dropped = false;
        whole
    }
}

/// A document's sections and appendix rows, set aside by [`Document::take_bodies`].
#[derive(Debug, Clone)]
pub struct Bodies {
    sections: Vec<Section>,
    rows: Vec<Vec<TableRow>>,
}

impl Bodies {
    /// About how many bytes of memory the bodies hold: their structures and their texts.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let sections: usize = self
            .sections
            .iter()
            .map(|s| {
                size_of::<Section>()
                    + s.id.len()
                    + s.title.len()
                    + s.html.len()
                    + s.text.len()
                    + s.toc.len() * (size_of::<TocEntry>() + 32)
            })
            .sum();
        let strings = |texts: &[String]| -> usize {
            texts.iter().map(|t| size_of::<String>() + t.len()).sum()
        };
        let rows: usize = self
            .rows
            .iter()
            .flatten()
            .map(|row| {
                size_of::<TableRow>()
                    + row.anchor.len()
                    + strings(&row.group_path)
                    + row.group.as_ref().map_or(0, String::len)
                    + strings(&row.agencies)
                    + row.label.as_ref().map_or(0, String::len)
                    + row.title.as_ref().map_or(0, String::len)
                    + row
                        .cells
                        .iter()
                        .map(|c| size_of::<TableCell>() + c.text.len())
                        .sum::<usize>()
                    + row
                        .checks
                        .iter()
                        .map(|c| size_of::<TotalCheck>() + c.column.len() + c.stated_text.len())
                        .sum::<usize>()
            })
            .sum();
        sections + rows
    }
}

/// The bodies of the documents a build kept whole from its check, while a memory budget
/// allowed (see [`crate::check_for_build`]), by document folder: each is handed over once, to
/// [`crate::validate::Reader`], which reads the others again from their folders.
#[derive(Debug, Default)]
pub struct KeptBodies(std::sync::Mutex<HashMap<PathBuf, Bodies>>);

impl KeptBodies {
    /// Keeps the bodies of the document in `folder`.
    pub fn keep(&mut self, folder: PathBuf, bodies: Bodies) {
        if let Ok(kept) = self.0.get_mut() {
            kept.insert(folder, bodies);
        }
    }

    /// The bodies kept for the document in `folder`, which are no longer kept.
    pub fn take(&self, folder: &std::path::Path) -> Option<Bodies> {
        self.0.lock().ok()?.remove(folder)
    }

    /// How many documents' bodies are kept.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |kept| kept.len())
    }

    /// True when no bodies are kept.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Clone for KeptBodies {
    fn clone(&self) -> KeptBodies {
        let kept = self.0.lock().map(|kept| kept.clone()).unwrap_or_default();
        KeptBodies(std::sync::Mutex::new(kept))
    }
}

/// A file published as it is beside its document's page, at
/// `van-ban/<document>/tep/<name>`: the signed original, a diagram, a spreadsheet.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    /// The file's name, as in its URL.
    pub name: String,
    /// What `document.yaml` calls it, if it does.
    pub title: Option<String>,
    /// What kind of file it is, as readers name it ("PDF", "Word").
    pub format: &'static str,
    /// Its media type (`application/pdf`).
    pub media_type: &'static str,
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes, in hexadecimal.
    pub sha256: String,
}

impl Attachment {
    /// Its path in the output: `van-ban/<document>/tep/<name>`.
    pub fn path(&self, document: &str) -> String {
        crate::urls::attachment(document, &self.name)
    }
}

/// The whole validated site.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// Settings.
    pub info: SiteInfo,
    /// Provinces in Vietnamese order.
    pub provinces: Vec<Province>,
    /// Agencies in Vietnamese order.
    pub agencies: Vec<Agency>,
    /// Indicators in Vietnamese order.
    pub indicators: Vec<Indicator>,
    /// The abbreviations the documents use, in Vietnamese order of their terms.
    pub glossary: Vec<GlossaryEntry>,
    /// Documents, newest first.
    pub documents: Vec<Document>,
    /// The standard statuses of appendix rows, in match order.
    pub row_statuses: Vec<RowStatus>,
    /// Which rows are one project across documents.
    #[serde(skip)]
    pub lineage: lineage::Lineage,
    /// Warnings, published on the pages they concern.
    pub warnings: Vec<Diagnostic>,
    /// The content folder it was read from.
    #[serde(skip)]
    pub root: PathBuf,
    /// Positions by ID, made by [`Site::reindex`] once the lists are complete.
    #[serde(skip)]
    pub index: SiteIndex,
    /// Bodies of documents whose bodies were dropped, kept aside to be written without
    /// reading them again.
    #[serde(skip)]
    pub kept: KeptBodies,
}

/// Where each ID sits in the site's lists, so that pages look records up in constant time
/// instead of scanning lists whose length grows with the site.
#[derive(Debug, Clone, Default)]
pub struct SiteIndex {
    documents: HashMap<String, usize>,
    provinces: HashMap<String, usize>,
    agencies: HashMap<String, usize>,
    indicators: HashMap<String, usize>,
    issued_by: HashMap<String, usize>,
    /// (document, target) → (document position, measurement position) of each measurement.
    measured: HashMap<(String, String), Vec<(usize, usize)>>,
    /// (indicator, province) → (document position, measurement position) of each
    /// measurement of that indicator in a document of that province.
    by_indicator: HashMap<(String, String), Vec<(usize, usize)>>,
    /// Document ID → (document position, relation position) of each relation to it.
    related: HashMap<String, Vec<(usize, usize)>>,
}

/// Looks `id` up in `index` while it covers all of `list`; scans `list` while it is being
/// filled (during validation, before [`Site::reindex`]).
fn lookup<'a, T>(
    list: &'a [T],
    index: &HashMap<String, usize>,
    id: &str,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    if index.len() == list.len() {
        index.get(id).and_then(|&i| list.get(i))
    } else {
        list.iter().find(|item| id_of(item) == id)
    }
}

fn positions<T>(list: &[T], id_of: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    list.iter()
        .enumerate()
        .map(|(i, item)| (id_of(item).to_string(), i))
        .collect()
}

impl Site {
    /// Indexes every list by ID; called once the site is complete.
    pub fn reindex(&mut self) {
        let issued_by = self
            .documents
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                d.relations
                    .iter()
                    .filter(|r| r.kind == RelationType::Issues)
                    .filter_map(move |r| r.document.clone().map(|id| (id, i)))
            })
            .fold(HashMap::new(), |mut map, (id, i)| {
                map.entry(id).or_insert(i);
                map
            });
        let mut measured: HashMap<(String, String), Vec<(usize, usize)>> = HashMap::new();
        for (d, document) in self.documents.iter().enumerate() {
            for (m, measurement) in document.measurements.iter().enumerate() {
                for target in &measurement.targets {
                    measured
                        .entry((target.document.clone(), target.id.clone()))
                        .or_default()
                        .push((d, m));
                }
            }
        }
        let mut by_indicator: HashMap<(String, String), Vec<(usize, usize)>> = HashMap::new();
        for (d, document) in self.documents.iter().enumerate() {
            for (m, measurement) in document.measurements.iter().enumerate() {
                if let Some(indicator) = &measurement.indicator {
                    by_indicator
                        .entry((indicator.clone(), document.province.clone()))
                        .or_default()
                        .push((d, m));
                }
            }
        }
        let mut related: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (d, document) in self.documents.iter().enumerate() {
            for (r, relation) in document.relations.iter().enumerate() {
                if let Some(id) = &relation.document {
                    related.entry(id.clone()).or_default().push((d, r));
                }
            }
        }
        self.index = SiteIndex {
            measured,
            by_indicator,
            related,
            documents: positions(&self.documents, |d| &d.id),
            provinces: positions(&self.provinces, |p| &p.id),
            agencies: positions(&self.agencies, |a| &a.id),
            indicators: positions(&self.indicators, |i| &i.id),
            issued_by,
        };
    }

    /// The document with this ID.
    pub fn document(&self, id: &str) -> Option<&Document> {
        lookup(&self.documents, &self.index.documents, id, |d| &d.id)
    }

    /// The position in [`Site::documents`] of the document with this ID.
    pub fn position(&self, id: &str) -> Option<usize> {
        if self.index.documents.len() == self.documents.len() {
            self.index.documents.get(id).copied()
        } else {
            self.documents.iter().position(|d| d.id == id)
        }
    }

    /// The province with this ID.
    pub fn province(&self, id: &str) -> Option<&Province> {
        lookup(&self.provinces, &self.index.provinces, id, |p| &p.id)
    }

    /// The agency with this ID.
    pub fn agency(&self, id: &str) -> Option<&Agency> {
        lookup(&self.agencies, &self.index.agencies, id, |a| &a.id)
    }

    /// The indicator with this ID.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        lookup(&self.indicators, &self.index.indicators, id, |i| &i.id)
    }

    /// The measurements that name target `target_id` of document `document_id`, with their
    /// documents, in site order.
    pub fn measurements_naming(
        &self,
        document_id: &str,
        target_id: &str,
    ) -> Vec<(&Document, &Measurement)> {
        if self.index.documents.len() != self.documents.len() {
            return self
                .documents
                .iter()
                .flat_map(|d| d.measurements.iter().map(move |m| (d, m)))
                .filter(|(_, m)| m.link_to(document_id, target_id).is_some())
                .collect();
        }
        self.index
            .measured
            .get(&(document_id.to_string(), target_id.to_string()))
            .into_iter()
            .flatten()
            .filter_map(|&(d, m)| {
                let document = self.documents.get(d)?;
                Some((document, document.measurements.get(m)?))
            })
            .collect()
    }

    /// The measurements of `indicator` in documents of `province`, with their documents, in
    /// site order.
    pub fn measurements_of_indicator(
        &self,
        indicator: &str,
        province: &str,
    ) -> Vec<(&Document, &Measurement)> {
        if self.index.documents.len() != self.documents.len() {
            return self
                .documents
                .iter()
                .filter(|d| d.province == province)
                .flat_map(|d| d.measurements.iter().map(move |m| (d, m)))
                .filter(|(_, m)| m.indicator.as_deref() == Some(indicator))
                .collect();
        }
        self.index
            .by_indicator
            .get(&(indicator.to_string(), province.to_string()))
            .into_iter()
            .flatten()
            .filter_map(|&(d, m)| {
                let document = self.documents.get(d)?;
                Some((document, document.measurements.get(m)?))
            })
            .collect()
    }

    /// The relations of other documents to the document with this ID, in site order.
    pub fn relations_to(&self, id: &str) -> Vec<(&Document, &Relation)> {
        if self.index.documents.len() != self.documents.len() {
            return self
                .documents
                .iter()
                .flat_map(|d| d.relations.iter().map(move |r| (d, r)))
                .filter(|(_, r)| r.document.as_deref() == Some(id))
                .collect();
        }
        self.index
            .related
            .get(id)
            .map(|list| {
                list.iter()
                    .filter_map(|&(d, r)| {
                        let document = self.documents.get(d)?;
                        Some((document, document.relations.get(r)?))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// When the portal was last updated: the latest of `updated` in `site.yaml` and of each
    /// document's `updated` (its issue date where it has none).
    pub fn updated(&self) -> Option<&Date> {
        self.documents
            .iter()
            .map(|d| d.updated.as_ref().unwrap_or(&d.issued))
            .chain(self.info.updated.as_ref())
            .filter(|d| !d.is_empty())
            .max()
    }

    /// The decision that issues the document with this ID, if any (the first, in site order).
    pub fn issuing_decision(&self, id: &str) -> Option<&Document> {
        if self.index.documents.len() == self.documents.len() {
            self.index
                .issued_by
                .get(id)
                .and_then(|&i| self.documents.get(i))
        } else {
            self.documents.iter().find(|d| {
                d.relations
                    .iter()
                    .any(|r| r.kind == RelationType::Issues && r.document.as_deref() == Some(id))
            })
        }
    }
}
