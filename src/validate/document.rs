//! Checks of each document folder: metadata, relations, sections, targets, measurements.

use super::{AgencyLookup, check_date, check_id, place_of, unknown_reference};
use crate::amount::parse_plain;
use crate::diagnostics::{Diagnostics, Place};
use crate::load::{DocumentFolder, SectionFile};
use crate::markdown;
use crate::model::{DocumentSource, Spanned};
use crate::site::{Bodies, Document, Measurement, Relation, Section, Site, Target};
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Anchors the document page itself uses; sections may not take them as IDs.
pub const RESERVED_ANCHORS: [&str; 9] = [
    "noi-dung-chinh",
    "tep-dinh-kem",
    "muc-luc",
    "lien-quan",
    "chi-tieu",
    "so-lieu",
    "phu-luc",
    "van-ban-can-cu",
    "noi-nhan",
];

/// Where the document folders come from: already read (`serve` keeps them to reload one
/// at a time), or read here one at a time, each dropped once checked (a build: the source of
/// the whole site is never held next to the checked site).
pub enum Folders<'a> {
    /// Folders read by [`crate::load::load`].
    Read(&'a [DocumentFolder]),
    /// Folders to read from the content folder `root`, in `dirs` order.
    OnDisk {
        /// The content folder.
        root: &'a Path,
        /// The document folders, in path order.
        dirs: &'a [std::path::PathBuf],
        /// About how many bytes of sections and rows may be kept whole (see
        /// [`crate::site::KeptBodies`]); the other documents' bodies are dropped.
        keep: usize,
    },
}

impl Folders<'_> {
    fn len(&self) -> usize {
        match self {
            Folders::Read(folders) => folders.len(),
            Folders::OnDisk { dirs, .. } => dirs.len(),
        }
    }

    /// The name of the `i`-th folder: the ID of its document.
    fn name(&self, i: usize) -> String {
        match self {
            Folders::Read(folders) => folders[i].folder_name.clone(),
            Folders::OnDisk { dirs, .. } => dirs[i]
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// Calls `check` with the `i`-th folder, read first if it is on disk (its reading
    /// problems go to `found`).
    fn with<R>(
        &self,
        i: usize,
        found: &mut Diagnostics,
        check: impl FnOnce(&DocumentFolder) -> R,
    ) -> R {
        match self {
            Folders::Read(folders) => check(&folders[i]),
            Folders::OnDisk { root, dirs, .. } => {
                check(&crate::load::load_document(root, &dirs[i], found))
            }
        }
    }
}

/// What is left of a build's budget for whole documents, in bytes (see
/// [`crate::site::Bodies::heap_bytes`]).
struct Budget(AtomicUsize);

impl Budget {
    fn has_room(&self) -> bool {
        self.0.load(Ordering::Relaxed) > 0
    }

    /// Takes `bytes` from the budget; false when fewer are left, which spends the budget:
    /// the documents checked after it are checked without their bodies, instead of each
    /// having its Markdown rendered only to be dropped.
    fn take(&self, bytes: usize) -> bool {
        let taken = self
            .0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(bytes)
            })
            .is_ok();
        if !taken {
            self.0.store(0, Ordering::Relaxed);
        }
        taken
    }
}

/// A document checked on its own, with what remains to check against the other documents.
struct Checked {
    document: Document,
    found: Diagnostics,
    file: std::path::PathBuf,
    id: Spanned<String>,
    relations: Vec<(Place, String)>,
    /// Each measurement's links to targets: its file, its ID, the link.
    targets: Vec<(std::path::PathBuf, String, crate::model::TargetRef)>,
    /// Where its project rows and their `continues` are.
    places: super::lineage::RowPlaces,
}

/// Checks every document and adds the valid ones to `site`.
pub(super) fn documents(
    folders: Folders,
    site: &mut Site,
    lookup: &AgencyLookup,
    diagnostics: &mut Diagnostics,
) {
    use rayon::prelude::*;
    let mut seen = super::SeenIds::new();
    let mut pending_relations = Vec::new();
    let mut pending_targets = Vec::new();
    let mut pending_links: Vec<(String, Place, String, String)> = Vec::new();
    let mut mention_places = std::collections::HashMap::new();
    let budget = match folders {
        Folders::Read(_) => None,
        Folders::OnDisk { keep, .. } => Some(Budget(AtomicUsize::new(keep))),
    };
    // Each document is checked on its own (its Markdown rendered, its tables added up) on
    // every core; what needs the other documents is checked after, in folder order.
    let checked: Vec<(Option<Checked>, Option<Bodies>, Diagnostics)> = (0..folders.len())
        .into_par_iter()
        .map(|i| {
            let mut read = Diagnostics::default();
            // A build keeps the sections and rows of documents while its budget lasts and
            // drops the others' once checked (it reads them again when it writes them):
            // their Markdown need not be rendered now.
            let whole = budget.as_ref().is_none_or(Budget::has_room);
            let mut checked = folders.with(i, &mut read, |folder| {
                check_folder(folder, site, lookup, whole)
            });
            let mut kept = None;
            if let (Some(budget), Some(checked)) = (&budget, &mut checked) {
                let bodies = checked.document.take_bodies();
                if whole && budget.take(bodies.heap_bytes()) {
                    kept = Some(bodies);
                }
            }
            (checked, kept, read)
        })
        .collect();
    // Documents whose document.yaml could not be read: a reference to one is not "unknown".
    let mut unreadable = HashSet::new();
    for (i, (checked, kept, read)) in checked.into_iter().enumerate() {
        diagnostics.extend(read);
        let Some(checked) = checked else {
            unreadable.insert(folders.name(i));
            continue;
        };
        if let Some(bodies) = kept {
            site.kept.keep(checked.document.folder.clone(), bodies);
        }
        check_id(
            &checked.file,
            &checked.id,
            "văn bản",
            &mut seen,
            diagnostics,
        );
        diagnostics.extend(checked.found);
        pending_relations.extend(checked.relations);
        let from = checked.document.id.clone();
        pending_targets.extend(
            checked
                .targets
                .into_iter()
                .map(|(file, measurement, link)| (file, from.clone(), measurement, link)),
        );
        let from = checked.document.id.clone();
        let position = site.documents.len();
        let super::lineage::RowPlaces { links, mentions } = checked.places;
        pending_links.extend(
            links
                .into_iter()
                .map(|(place, link, appendix)| (from.clone(), place, link, appendix)),
        );
        mention_places.extend(
            mentions
                .into_iter()
                .enumerate()
                .map(|(k, place)| ((position, k), place)),
        );
        site.documents.push(checked.document);
    }
    // Every document is in: look them up by ID from here on.
    site.reindex();
    let ids: Vec<String> = site.documents.iter().map(|d| d.id.clone()).collect();
    let known: HashSet<&str> = ids.iter().map(String::as_str).collect();
    for (place, target) in pending_relations {
        if unreadable.contains(&target) {
            not_read(place, &target, diagnostics);
        } else if !known.contains(target.as_str()) {
            unknown_reference(
                place,
                "văn bản",
                &target,
                ids.iter().map(String::as_str),
                diagnostics,
            );
        }
    }
    for (file, from, measurement, target) in pending_targets {
        match site.document(&target.document.value) {
            None if unreadable.contains(&target.document.value) => not_read(
                place_of(&file, &target.document),
                &target.document.value,
                diagnostics,
            ),
            None => unknown_reference(
                place_of(&file, &target.document),
                "văn bản",
                &target.document.value,
                ids.iter().map(String::as_str),
                diagnostics,
            ),
            Some(document) => match document.targets.iter().find(|t| t.id == target.id.value) {
                None => unknown_reference(
                    place_of(&file, &target.id),
                    "chỉ tiêu",
                    &target.id.value,
                    document.targets.iter().map(|t| t.id.as_str()),
                    diagnostics,
                ),
                Some(measured) => {
                    let source = site.document(&from);
                    let m =
                        source.and_then(|d| d.measurements.iter().find(|m| m.id == measurement));
                    if let (Some(source), Some(m)) = (source, m) {
                        super::measured::check_link(
                            place_of(&file, &target.id),
                            source,
                            m,
                            document,
                            measured,
                            target.comparable,
                            diagnostics,
                        );
                    }
                }
            },
        }
    }
    let broken_links = diagnostics.error_count();
    for (from, place, link, appendix) in &pending_links {
        super::lineage::check_link(
            site,
            (from, appendix),
            place.clone(),
            link,
            &unreadable,
            diagnostics,
        );
    }
    super::lineage::check_twins(&pending_links, diagnostics);
    if diagnostics.error_count() == broken_links {
        super::lineage::check_cycles(&site.documents, &mention_places, diagnostics);
        super::lineage::suggest(&site.documents, &mention_places, diagnostics);
    }
    site.documents
        .sort_by(|a, b| b.issued.cmp(&a.issued).then_with(|| a.id.cmp(&b.id)));
    site.reindex();
}

/// Reports a reference to the document `id`, whose `document.yaml` has errors that stopped it
/// from being read: it exists, and the error goes once that file is mended.
fn not_read(place: Place, id: &str, diagnostics: &mut Diagnostics) {
    diagnostics.error(
        place,
        format!("văn bản “{id}” chưa đọc được vì tệp document.yaml của nó có lỗi"),
        format!("sửa lỗi trong document.yaml của văn bản “{id}” trước; lỗi này sẽ tự hết"),
    );
}

/// Reads document folder `dir` of the content folder `root` again and checks it on its own
/// against the provinces, agencies and indicators of `site`: the whole document, for a build
/// that dropped its body after the first check. Fails when it no longer checks cleanly (the
/// content changed while the site was being built).
pub(super) fn read_again(
    root: &Path,
    dir: &Path,
    site: &Site,
    lookup: &AgencyLookup,
) -> Result<Document, Diagnostics> {
    let mut found = Diagnostics::default();
    let checked = check_folder(
        &crate::load::load_document(root, dir, &mut found),
        site,
        lookup,
        true,
    );
    match checked {
        Some(checked) if !found.has_errors() && !checked.found.has_errors() => Ok(checked.document),
        Some(checked) => {
            found.extend(checked.found);
            Err(found)
        }
        None => Err(found),
    }
}

/// Checks one document folder on its own; `None` when its `document.yaml` did not parse.
/// Its sections' Markdown is rendered only when `whole` (nothing in it can be wrong).
fn check_folder(
    folder: &DocumentFolder,
    site: &Site,
    lookup: &AgencyLookup,
    whole: bool,
) -> Option<Checked> {
    let source = folder.source.as_ref()?;
    let file = folder.dir.join("document.yaml");
    let mut found = Diagnostics::default();
    if source.id.value != folder.folder_name {
        found.error(
            place_of(&file, &source.id),
            format!(
                "ID văn bản “{}” khác tên thư mục “{}”",
                source.id.value, folder.folder_name
            ),
            "đặt tên thư mục trùng với ID để đường dẫn ổn định",
        );
    }
    let mut places = super::lineage::RowPlaces::default();
    let document = document(
        folder,
        source,
        &file,
        site,
        lookup,
        whole,
        &mut places,
        &mut found,
    );
    let relations = document
        .relations
        .iter()
        .zip(&source.relations)
        .filter_map(|(relation, spanned)| {
            let target = relation.document.clone()?;
            Some((place_of(&file, spanned), target))
        })
        .collect();
    let targets = folder
        .measurements
        .iter()
        .flat_map(|(file, records)| {
            records.iter().flat_map(|record| {
                let m = &record.value;
                m.target
                    .iter()
                    .chain(&m.targets)
                    .map(|t| (file.clone(), m.id.value.clone(), t.clone()))
            })
        })
        .collect();
    Some(Checked {
        document,
        found,
        id: source.id.clone(),
        file,
        relations,
        targets,
        places,
    })
}

#[allow(clippy::too_many_arguments)]
fn document(
    folder: &DocumentFolder,
    source: &DocumentSource,
    file: &Path,
    site: &Site,
    lookup: &AgencyLookup,
    whole: bool,
    places: &mut super::lineage::RowPlaces,
    diagnostics: &mut Diagnostics,
) -> Document {
    let issued = check_date(file, &source.issued, diagnostics).unwrap_or_default();
    if site.agency(&source.issuer.value).is_none() {
        unknown_reference(
            place_of(file, &source.issuer),
            "cơ quan",
            &source.issuer.value,
            site.agencies.iter().map(|a| a.id.as_str()),
            diagnostics,
        );
    }
    if site.province(&source.province.value).is_none() {
        unknown_reference(
            place_of(file, &source.province),
            "tỉnh",
            &source.province.value,
            site.provinces.iter().map(|p| p.id.as_str()),
            diagnostics,
        );
    } else if let Some(folder_province) = folder
        .dir
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy())
        .filter(|name| *name != source.province.value)
    {
        diagnostics.error(
            place_of(file, &source.province),
            format!(
                "văn bản của tỉnh “{}” nằm trong thư mục của tỉnh “{folder_province}”",
                source.province.value
            ),
            format!(
                "chuyển thư mục văn bản vào documents/{}/, hoặc sửa province nếu ghi nhầm",
                source.province.value
            ),
        );
    }
    if let Some(period) = &source.period {
        super::check_period(file, period, diagnostics);
    }
    let relations = source
        .relations
        .iter()
        .map(|spanned| relation(file, spanned, diagnostics))
        .collect();
    let mut used_anchors: markdown::Anchors =
        RESERVED_ANCHORS.iter().map(|a| a.to_string()).collect();
    let sections = sections(folder, &mut used_anchors, whole, diagnostics);
    let section_ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
    let targets = targets(folder, &section_ids, site, diagnostics);
    let measurements = measurements(folder, &section_ids, site, diagnostics);
    let appendices: Vec<crate::site::Appendix> = folder
        .appendices
        .iter()
        .scan(super::SeenIds::new(), |seen, (file, appendix)| {
            Some(super::appendix::appendix(
                file,
                appendix,
                &source.province.value,
                seen,
                site,
                lookup,
                places,
                diagnostics,
            ))
        })
        .collect();
    let projects = appendices
        .iter()
        .enumerate()
        .flat_map(|(position, appendix)| appendix.mentions(position))
        .collect();
    Document {
        id: source.id.value.clone(),
        kind: source.kind,
        number: source.number.clone(),
        issued,
        place: source.place.clone(),
        issuer: source.issuer.value.clone(),
        province: source.province.value.clone(),
        title: source.title.clone(),
        summary: source.summary.clone(),
        period: source.period.as_ref().map(|p| p.value),
        signer: source.signer.clone(),
        recipients: source.recipients.clone(),
        relations,
        sections,
        targets,
        measurements,
        appendices,
        projects,
        attachments: super::attachments::attachments(
            &folder.files,
            &source.attachments,
            file,
            diagnostics,
        ),
        updated: source
            .updated
            .as_ref()
            .and_then(|d| check_date(file, d, diagnostics)),
        original_url: source
            .original_url
            .as_ref()
            .and_then(|url| original_url(file, url, diagnostics)),
        folder: folder.dir.clone(),
        bodies_dropped: false,
    }
}

/// The address of a document's signed original published elsewhere: a full `https://` or
/// `http://` address without spaces.
fn original_url(
    file: &Path,
    url: &Spanned<String>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let value = url.value.trim();
    let scheme_ok = value.starts_with("https://") || value.starts_with("http://");
    if !scheme_ok
        || value.len() <= "https://".len()
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        diagnostics.error(
            place_of(file, url),
            format!("original_url “{}” không phải địa chỉ đầy đủ", url.value),
            "ghi địa chỉ bản gốc dạng https://…, không có dấu cách, ví dụ \
             original_url: \"https://khanhhoa.gov.vn/van-ban/10693-kh-ubnd.pdf\"",
        );
        return None;
    }
    Some(value.to_string())
}

fn relation(
    file: &Path,
    spanned: &Spanned<crate::model::RelationSource>,
    diagnostics: &mut Diagnostics,
) -> Relation {
    let r = &spanned.value;
    if r.document.is_none() && r.number.is_none() && r.title.is_none() {
        diagnostics.error(
            place_of(file, spanned),
            "quan hệ không chỉ rõ văn bản nào",
            "thêm `document: <id>` cho văn bản có trong nội dung, hoặc `number` và `title` cho văn bản khác",
        );
    }
    Relation {
        kind: r.kind,
        document: r.document.as_ref().map(|d| d.value.clone()),
        number: r.number.clone(),
        issued: r
            .issued
            .as_ref()
            .and_then(|d| check_date(file, d, diagnostics))
            .map(String::from),
        title: r.title.clone(),
        issuer: r.issuer.clone(),
    }
}

fn sections(
    folder: &DocumentFolder,
    used_anchors: &mut markdown::Anchors,
    render: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<Section> {
    let mut seen = super::SeenIds::new();
    // Every section's ID is the anchor of its heading: taken before any section's Markdown
    // asks for anchors of its own, so that no heading can take another section's.
    used_anchors.extend(folder.sections.iter().map(|s| s.front.id.value.clone()));
    folder
        .sections
        .iter()
        .map(|section| {
            let id = &section.front.id;
            check_id(&section.file, id, "phần", &mut seen, diagnostics);
            if RESERVED_ANCHORS.contains(&id.value.as_str()) {
                diagnostics.error(
                    place_of(&section.file, id),
                    format!(
                        "ID phần “{}” trùng với một mục cố định của trang văn bản",
                        id.value
                    ),
                    format!(
                        "chọn ID khác; các ID dành riêng: {}",
                        RESERVED_ANCHORS.join(", ")
                    ),
                );
            }
            let scan = markdown::scan(&section.body);
            for (offset, anchor) in &scan.anchors {
                if used_anchors.contains(anchor) {
                    let renamed = used_anchors.next_free(anchor);
                    diagnostics.warning(
                        section.place_of(*offset),
                        format!(
                            "tiêu đề xin ID “{anchor}”, nhưng ID này đã là của một phần hoặc một \
                             mục khác của trang: tiêu đề sẽ có ID “{renamed}”, và liên kết \
                             #{anchor} vẫn dẫn tới chỗ cũ"
                        ),
                    );
                }
            }
            for (offset, name) in &scan.files {
                if !folder
                    .files
                    .iter()
                    .any(|f| f.file_name().is_some_and(|n| n == name.as_str()))
                {
                    missing_file(section, *offset, name, &folder.files, diagnostics);
                }
            }
            for (offset, link) in &scan.links {
                if let Some(problem) = markdown::unpublished::problem(link) {
                    diagnostics.error(
                        section.place_of(*offset),
                        format!("liên kết “{link}” {problem}"),
                        super::LINK_HINT,
                    );
                }
            }
            let rendered = match scan.too_deep {
                Some(offset) => {
                    too_deep(section, offset, diagnostics);
                    markdown::Rendered::default()
                }
                None if render => markdown::render(&section.body, &id.value, used_anchors),
                None => markdown::Rendered::default(),
            };
            Section {
                id: id.value.clone(),
                title: section.front.title.clone(),
                html: rendered.html,
                toc: rendered.toc,
                text: rendered.text,
            }
        })
        .collect()
}

/// Reports a link of `section`, at byte `offset`, to the file `name` of the document's
/// `files/` folder, which is not there.
fn missing_file(
    section: &SectionFile,
    offset: usize,
    name: &str,
    files: &[std::path::PathBuf],
    diagnostics: &mut Diagnostics,
) {
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| Some(f.file_name()?.to_string_lossy().into_owned()))
        .collect();
    let help = match crate::diagnostics::did_you_mean(name, names.iter().map(String::as_str)) {
        Some(best) => format!("có phải “{best}”?"),
        None => "đặt tệp vào thư mục files/ của văn bản (xem docs/content-model.md), hoặc sửa \
                 liên kết"
            .to_string(),
    };
    diagnostics.error(
        section.place_of(offset),
        format!("liên kết tới tệp “{name}” nhưng thư mục files/ của văn bản không có tệp này"),
        help,
    );
}

/// Reports that `section` nests too deeply, at the element that goes too deep.
fn too_deep(section: &SectionFile, offset: usize, diagnostics: &mut Diagnostics) {
    diagnostics.error(
        section.place_of(offset),
        format!(
            "phần văn bản lồng quá {} cấp (danh sách, trích dẫn hoặc thẻ HTML lồng nhau)",
            markdown::MAX_NESTING
        ),
        "giảm số cấp lồng: một kế hoạch thật chỉ lồng danh sách vài cấp",
    );
}

fn check_section(
    file: &Path,
    section: &Option<Spanned<String>>,
    section_ids: &[&str],
    diagnostics: &mut Diagnostics,
) {
    if let Some(section) = section
        && !section_ids.contains(&section.value.as_str())
    {
        unknown_reference(
            place_of(file, section),
            "phần",
            &section.value,
            section_ids.iter().copied(),
            diagnostics,
        );
    }
}

fn check_indicator(
    file: &Path,
    indicator: &Option<Spanned<String>>,
    site: &Site,
    diagnostics: &mut Diagnostics,
) {
    if let Some(indicator) = indicator
        && site.indicator(&indicator.value).is_none()
    {
        unknown_reference(
            place_of(file, indicator),
            "chỉ số",
            &indicator.value,
            site.indicators.iter().map(|i| i.id.as_str()),
            diagnostics,
        );
    }
}

/// Reads a plain decimal field, reporting one that does not parse.
fn decimal(file: &Path, value: &Spanned<String>, diagnostics: &mut Diagnostics) -> Option<Decimal> {
    let parsed = parse_plain(&value.value);
    if parsed.is_none() {
        diagnostics.error(
            place_of(file, value),
            format!("số không hợp lệ “{}”", value.value),
            "viết số thập phân với dấu chấm, không có đơn vị: \"90\", \"99.5\"",
        );
    }
    parsed
}

fn targets(
    folder: &DocumentFolder,
    section_ids: &[&str],
    site: &Site,
    diagnostics: &mut Diagnostics,
) -> Vec<Target> {
    let Some((file, records)) = &folder.targets else {
        return Vec::new();
    };
    let mut seen = super::SeenIds::new();
    records
        .iter()
        .map(|record| {
            let t = &record.value;
            check_id(file, &t.id, "chỉ tiêu", &mut seen, diagnostics);
            check_section(file, &t.section, section_ids, diagnostics);
            check_indicator(file, &t.indicator, site, diagnostics);
            if let Some(year) = t.year {
                super::plausible_year(year, place_of(file, record), diagnostics);
            }
            let value = t.value.as_ref().and_then(|v| decimal(file, v, diagnostics));
            let percent = t.unit.as_deref().is_some_and(|u| u.trim() == "%");
            if let Some(value) = value.filter(|v| {
                percent && (v.is_sign_negative() || *v > rust_decimal::Decimal::ONE_HUNDRED)
            }) {
                diagnostics.warning(
                    place_of(file, record),
                    format!(
                        "chỉ tiêu {}%: một tỷ lệ phần trăm thường nằm trong 0–100; kiểm tra lại \
                         giá trị hoặc đơn vị",
                        crate::vietnamese::format_number(value)
                    ),
                );
            }
            Target {
                id: t.id.value.clone(),
                section: t.section.as_ref().map(|s| s.value.clone()),
                label: t.label.clone(),
                area: t.area.clone(),
                text: t.text.clone(),
                indicator: t.indicator.as_ref().map(|i| i.value.clone()),
                level: t.level,
                comparison: t.comparison.map(|c| c.sign().to_string()),
                value,
                unit: t.unit.clone(),
                year: t.year,
            }
        })
        .collect()
}

fn measurements(
    folder: &DocumentFolder,
    section_ids: &[&str],
    site: &Site,
    diagnostics: &mut Diagnostics,
) -> Vec<Measurement> {
    let Some((file, records)) = &folder.measurements else {
        return Vec::new();
    };
    let mut seen = super::SeenIds::new();
    records
        .iter()
        .map(|record| {
            let m = &record.value;
            check_id(file, &m.id, "số liệu", &mut seen, diagnostics);
            check_section(file, &m.section, section_ids, diagnostics);
            check_indicator(file, &m.indicator, site, diagnostics);
            let value = decimal(file, &m.value, diagnostics).unwrap_or_default();
            let denominator = m
                .denominator
                .as_ref()
                .and_then(|d| decimal(file, d, diagnostics));
            if denominator.is_some_and(|d| d.is_zero()) {
                diagnostics.push(
                    crate::diagnostics::Diagnostic::error(
                        Place::new(file, record.referenced.line(), record.referenced.column()),
                        "mẫu số bằng 0",
                    )
                    .with_help("bỏ denominator hoặc sửa lại số liệu"),
                );
            }
            let percent = denominator
                .filter(|d| !d.is_zero())
                .map(|d| (value * Decimal::from(100) / d).round_dp(2).normalize());
            Measurement {
                id: m.id.value.clone(),
                text: m.text.clone(),
                section: m.section.as_ref().map(|s| s.value.clone()),
                targets: m
                    .target
                    .iter()
                    .chain(&m.targets)
                    .map(|t| crate::site::MeasuredTarget {
                        document: t.document.value.clone(),
                        id: t.id.value.clone(),
                        comparable: t.comparable,
                        note: t.note.clone(),
                    })
                    .collect(),
                indicator: m.indicator.as_ref().map(|i| i.value.clone()),
                value,
                denominator,
                percent,
                unit: m.unit.clone(),
                as_of: m
                    .as_of
                    .as_ref()
                    .and_then(|d| check_date(file, d, diagnostics))
                    .map(String::from),
                level: m.level,
            }
        })
        .collect()
}
