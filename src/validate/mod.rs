//! Stage two: check everything a person can get wrong and build the [`Site`].
//!
//! Every problem is collected (never only the first), each with its file, line and column.

mod agency_lookup;
mod appendix;
pub mod attachments;
mod document;
mod lineage;
mod measured;

pub use agency_lookup::AgencyLookup;

use crate::diagnostics::{Diagnostic, Diagnostics, Place, did_you_mean};
use crate::load::SourceContent;
use crate::model::Spanned;
use crate::site::{Agency, Indicator, Province, Site, SiteInfo};
use crate::vietnamese::compare;
use std::path::Path;

/// What to do about a link that leads nowhere (also said by the check of a section's links).
pub const LINK_HINT: &str = "dẫn tới trang của văn bản (ví dụ ../kh-2044-2025/), một mục của trang \
                    (#phan-ii), một tệp của thư mục files/ (../files/ten-tep.pdf) hoặc một địa \
                    chỉ đầy đủ https://…";

/// The place of a spanned value in `file`.
pub(crate) fn place_of<T>(file: &Path, value: &Spanned<T>) -> Place {
    Place::new(file, value.referenced.line(), value.referenced.column())
}

/// True for IDs made of lowercase ASCII words joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The IDs of one kind seen so far, each with the place of its first use.
pub(crate) type SeenIds = std::collections::HashMap<String, Place>;

/// Checks an ID's form and uniqueness within `seen`; reports problems at its place, and a
/// duplicate with the place of the first use.
pub(crate) fn check_id(
    file: &Path,
    id: &Spanned<String>,
    what: &str,
    seen: &mut SeenIds,
    diagnostics: &mut Diagnostics,
) {
    let place = place_of(file, id);
    if !is_valid_id(&id.value) {
        diagnostics.error(
            place.clone(),
            format!("{what} có ID không hợp lệ “{}”", id.value),
            "ID chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ kh-10693-2020",
        );
    }
    match seen.entry(id.value.clone()) {
        std::collections::hash_map::Entry::Occupied(first) => diagnostics.error(
            place,
            format!(
                "{what} “{}” bị trùng ID: ID này đã dùng ở {}",
                id.value,
                first.get()
            ),
            "mỗi ID chỉ được dùng một lần; đổi tên một trong hai",
        ),
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(place);
        }
    }
}

/// Reports a reference to an ID that does not exist, suggesting the closest one.
pub(crate) fn unknown_reference<'a>(
    place: Place,
    what: &str,
    id: &str,
    known: impl IntoIterator<Item = &'a str>,
    diagnostics: &mut Diagnostics,
) {
    let help = match did_you_mean(id, known) {
        Some(best) => format!("có phải “{best}”?"),
        None => format!("thêm {what} này vào nội dung hoặc sửa lại ID"),
    };
    diagnostics.error(place, format!("không có {what} “{id}”"), help);
}

/// Reads a `YYYY-MM-DD` date at a place, reporting impossible dates: the only place a
/// date of the content is read.
pub(crate) fn check_date(
    file: &Path,
    value: &Spanned<String>,
    diagnostics: &mut Diagnostics,
) -> Option<crate::site::Date> {
    match crate::site::Date::parse(&value.value) {
        Some(date) => {
            plausible_year(date.year(), place_of(file, value), diagnostics);
            Some(date)
        }
        None => {
            diagnostics.error(
                place_of(file, value),
                format!("ngày không hợp lệ “{}”", value.value),
                "viết ngày dạng YYYY-MM-DD và kiểm tra ngày có thật, ví dụ 2020-10-09",
            );
            None
        }
    }
}

/// Reports a period whose first year comes after its last.
pub(crate) fn check_period(
    file: &Path,
    period: &Spanned<crate::model::Period>,
    diagnostics: &mut Diagnostics,
) {
    if period.value.from > period.value.to {
        diagnostics.error(
            place_of(file, period),
            format!(
                "giai đoạn {}–{} có năm bắt đầu sau năm kết thúc",
                period.value.from, period.value.to
            ),
            "đổi chỗ from và to",
        );
    }
}

/// The years a plan, a report or a target of a Vietnamese province can name.
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

/// Warns at `place` about a year no plan or report can name (0, 2999): most often a typing
/// slip that would sort and group the document wrongly.
pub(crate) fn plausible_year(year: i32, place: Place, diagnostics: &mut Diagnostics) {
    if !PLAUSIBLE_YEARS.contains(&year) {
        diagnostics.push(
            Diagnostic::warning(
                place,
                format!(
                    "năm {year} nằm ngoài khoảng {}–{}: kiểm tra lại, có thể gõ nhầm",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
            )
            .with_help("sửa năm như văn bản in"),
        );
    }
}

/// Settings given on the command line, which win over `site.yaml`.
#[derive(Debug, Clone, Default)]
pub struct SiteOverrides {
    /// Replaces `base_url`.
    pub base_url: Option<String>,
    /// Turns on relative links.
    pub relative_links: bool,
}

/// Checks the whole source model and builds the site. The site is returned even when there
/// are errors, so that `check` can report everything; `build` refuses it then.
pub fn validate(content: &SourceContent, overrides: &SiteOverrides) -> (Site, Diagnostics) {
    validate_with(
        content,
        document::Folders::Read(&content.documents),
        overrides,
    )
}

/// Reads and checks the document folders `dirs` of the content folder one at a time,
/// against the provinces, agencies and indicators of `registries` (from
/// [`crate::load::load_registries`]): what a build does, so that the source of the whole site
/// is never held next to the checked site. Each document's sections and rows are dropped
/// once checked, but for about `keep` bytes of them, kept aside for [`Reader`].
pub fn validate_on_disk(
    registries: &SourceContent,
    dirs: &[std::path::PathBuf],
    overrides: &SiteOverrides,
    keep: usize,
) -> (Site, Diagnostics) {
    validate_with(
        registries,
        document::Folders::OnDisk {
            root: &registries.root,
            dirs,
            keep,
        },
        overrides,
    )
}

/// Documents read again whole at once (see [`Reader::whole`]): enough to keep both cores
/// busy, few enough that memory stays flat however large the site grows.
pub const DOCUMENTS_PER_PART: usize = 64;

/// Reads the documents of a build again, whole, a few at a time: [`validate_on_disk`] keeps
/// only what the rest of the site shows of each document (see
/// [`crate::site::Document::take_bodies`]).
pub struct Reader<'a> {
    site: &'a Site,
    lookup: AgencyLookup,
}

impl<'a> Reader<'a> {
    /// A reader of the documents of `site`, from its content folder.
    pub fn new(site: &'a Site) -> Reader<'a> {
        Reader {
            site,
            lookup: AgencyLookup::new(&site.agencies),
        }
    }

    /// `documents` whole, in their order: as they are when none was dropped, else read and
    /// checked again on every core.
    pub fn whole<'d>(
        &self,
        documents: &'d [crate::site::Document],
    ) -> anyhow::Result<std::borrow::Cow<'d, [crate::site::Document]>> {
        use rayon::prelude::*;
        if documents.iter().all(|d| !d.bodies_dropped) {
            return Ok(std::borrow::Cow::Borrowed(documents));
        }
        let whole = documents
            .par_iter()
            .map(|slim| {
                if !slim.bodies_dropped {
                    return Ok(slim.clone());
                }
                if let Some(bodies) = self.site.kept.take(&slim.folder) {
                    return Ok(slim.with_bodies(bodies));
                }
                let again =
                    document::read_again(&self.site.root, &slim.folder, self.site, &self.lookup)
                        .ok()
                        .filter(|again| {
                            again.id == slim.id && again.appendices.len() == slim.appendices.len()
                        });
                again.ok_or_else(|| {
                    anyhow::anyhow!(
                        "văn bản {} đã thay đổi trong khi dựng cổng; hãy dựng lại \
                         (the document changed during the build; build again)",
                        slim.folder.display()
                    )
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(std::borrow::Cow::Owned(whole))
    }
}

fn validate_with(
    content: &SourceContent,
    folders: document::Folders,
    overrides: &SiteOverrides,
) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let info = site_info(content, overrides, &mut diagnostics);
    let provinces = provinces(content, &mut diagnostics);
    let province_ids: Vec<&str> = provinces.iter().map(|p| p.id.as_str()).collect();
    let agencies = agencies(content, &province_ids, &mut diagnostics);
    let indicators = indicators(content, &mut diagnostics);
    let glossary = glossary(content, &mut diagnostics);
    let mut site = Site {
        info,
        provinces,
        agencies,
        indicators,
        glossary,
        documents: Vec::new(),
        row_statuses: row_statuses(content, &mut diagnostics),
        lineage: Default::default(),
        warnings: Vec::new(),
        root: content.root.clone(),
        index: Default::default(),
        kept: Default::default(),
    };
    // Provinces, agencies and indicators are complete: look them up by ID while documents
    // are checked.
    site.reindex();
    let lookup = AgencyLookup::new(&site.agencies);
    document::documents(folders, &mut site, &lookup, &mut diagnostics);
    site.warnings = diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Warning)
        .collect();
    let printed_statuses = site
        .documents
        .iter()
        .flat_map(|d| &d.projects)
        .filter(|m| !m.status_text.trim().is_empty())
        .count();
    if site.row_statuses.is_empty() && printed_statuses > 0 {
        diagnostics.warning(
            Place::file(&content.root.join("row-statuses.yaml")),
            format!(
                "{printed_statuses} dòng dự án có ghi tình trạng nhưng nội dung chưa có tình trạng \
                 chuẩn nào (row-statuses.yaml): bộ lọc và số đếm chỉ dùng được lời ghi nguyên văn"
            ),
        );
    }
    site.reindex();
    site.lineage = crate::site::lineage::Lineage::build(&site.documents);
    (site, diagnostics)
}

/// The standard statuses of appendix rows, from `row-statuses.yaml`, in match order.
fn row_statuses(
    content: &SourceContent,
    diagnostics: &mut Diagnostics,
) -> Vec<crate::site::RowStatus> {
    let mut seen = SeenIds::new();
    let mut statuses = Vec::new();
    for (file, record) in &content.row_statuses {
        let s = &record.value;
        check_id(file, &s.id, "tình trạng", &mut seen, diagnostics);
        if s.id.value == crate::site::UNKNOWN_ROW_STATUS {
            diagnostics.error(
                place_of(file, &s.id),
                format!(
                    "“{}” là tình trạng dành cho lời ghi không khớp tình trạng nào",
                    s.id.value
                ),
                "đặt ID khác; lời ghi không khớp sẽ tự được xếp “Không rõ”",
            );
        }
        let phrases: Vec<String> = s
            .phrases
            .iter()
            .map(|p| crate::site::RowStatus::fold(p))
            .filter(|p| !p.is_empty())
            .collect();
        if phrases.is_empty() {
            diagnostics.error(
                place_of(file, record),
                format!(
                    "tình trạng “{}” không có cụm từ nào trong match",
                    s.id.value
                ),
                "ghi ít nhất một cụm từ của lời ghi tình trạng, ví dụ match: [\"hoàn thành\"]",
            );
        }
        statuses.push(crate::site::RowStatus {
            id: s.id.value.clone(),
            label: s.label.clone(),
            description: s.description.clone(),
            phrases,
            done: s.done,
        });
    }
    statuses
}

/// Why `base_url` cannot be where a portal is published, if it cannot: it must be a path
/// (`/`, `/cong-khai/`) or an `http://` or `https://` address with a host, with no spaces,
/// quotes, query or fragment (every link of the portal starts with it).
pub fn base_url_problem(base_url: &str) -> Option<&'static str> {
    let path = match base_url.split_once("://") {
        Some((scheme, rest)) => {
            if !matches!(scheme, "http" | "https") {
                return Some("địa chỉ phải bắt đầu bằng https:// hoặc http://");
            }
            let host = rest.split('/').next().unwrap_or_default();
            if host.is_empty() {
                return Some("địa chỉ thiếu tên máy chủ (https://ten-mien/…)");
            }
            rest
        }
        // "//host/…" is an address on another host, whatever scheme the page was fetched
        // with: every style sheet and script would be loaded from there.
        None if base_url.starts_with("//") => {
            return Some(
                "“//…” là địa chỉ của một máy chủ khác, không phải đường dẫn: viết đủ https://ten-mien/… hoặc một đường dẫn như /cong-khai/",
            );
        }
        None if base_url.starts_with('/') => base_url,
        None => return Some("viết địa chỉ đầy đủ (https://…) hoặc một đường dẫn bắt đầu bằng /"),
    };
    if path
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#".contains(c))
    {
        return Some(
            "địa chỉ không được có dấu cách, dấu nháy, <, >, \\, ? hay # (chỉ tên miền và đường dẫn)",
        );
    }
    None
}

fn site_info(
    content: &SourceContent,
    overrides: &SiteOverrides,
    diagnostics: &mut Diagnostics,
) -> SiteInfo {
    let config = content.site.as_ref().map(|(_, c)| c);
    let from_file = content
        .site
        .as_ref()
        .and_then(|(file, c)| c.base_url.as_ref().map(|url| (file, url)));
    if overrides.base_url.is_none()
        && let Some((file, url)) = from_file
        && let Some(problem) = base_url_problem(&url.value)
    {
        diagnostics.error(
            place_of(file, url),
            format!("base_url “{}” không dùng được: {problem}", url.value),
            "ví dụ: base_url: \"https://stttt.khanhhoa.gov.vn/cong-khai/\"",
        );
    }
    let base_url = overrides
        .base_url
        .clone()
        .or_else(|| from_file.map(|(_, url)| url.value.clone()))
        .unwrap_or_else(|| "/".to_string());
    let base_url = if base_url.ends_with('/') {
        base_url
    } else {
        format!("{base_url}/")
    };
    let relative_links = overrides.relative_links || config.is_some_and(|c| c.relative_links);
    // Without a site.yaml (no content folder at all, or one that did not parse) its own
    // error says what to do; a warning about its base_url would only add noise.
    if let Some((site_file, _)) = &content.site
        && !base_url.contains("://")
        && !relative_links
    {
        let place = match (&overrides.base_url, from_file) {
            (None, Some((file, url))) => place_of(file, url),
            _ => Place::file(site_file),
        };
        diagnostics.warning(
            place,
            format!(
                "base_url “{base_url}” không có tên miền: sitemap.xml, feed.xml và địa chỉ chuẩn \
                 (canonical) của mỗi trang cần địa chỉ đầy đủ để công cụ tìm kiếm và trình đọc \
                 tin dùng được; ghi base_url: \"https://…/\" trong site.yaml hoặc dựng với \
                 --base-url https://…/"
            ),
        );
    }
    let base_path = match base_url.split_once("://") {
        Some((_, rest)) => rest
            .find('/')
            .map(|i| rest[i..].to_string())
            .unwrap_or_else(|| "/".to_string()),
        None if base_url.starts_with('/') => base_url.clone(),
        None => format!("/{base_url}"),
    };
    SiteInfo {
        title: config.map(|c| c.title.clone()).unwrap_or_default(),
        description: config
            .and_then(|c| c.description.clone())
            .unwrap_or_default(),
        base_url,
        base_path,
        // The agency's name where no publisher is written: the open data names it.
        publisher: config
            .and_then(|c| {
                c.publisher
                    .clone()
                    .or_else(|| c.agency.as_ref().map(|a| a.name.clone()))
            })
            .unwrap_or_default(),
        language: config
            .and_then(|c| c.language.clone())
            .filter(|l| is_valid_id(l))
            .unwrap_or_else(|| "vi".to_string()),
        relative_links,
        agency: config.and_then(|c| c.agency.clone()),
        emblem: content
            .site
            .as_ref()
            .and_then(|(file, c)| emblem(file, c.emblem.as_ref()?, diagnostics)),
        updated: content
            .site
            .as_ref()
            .and_then(|(file, c)| check_date(file, c.updated.as_ref()?, diagnostics)),
        update_frequency: config.and_then(|c| c.update_frequency.clone()),
        licence: config.and_then(|c| c.licence.clone()).unwrap_or_default(),
    }
}

/// The emblem of `site.yaml`: an SVG, PNG or WebP file beside it, named by a plain file name.
fn emblem(
    site_file: &Path,
    name: &Spanned<String>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let value = name.value.trim();
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && !value.starts_with('.');
    let lower = value.to_ascii_lowercase();
    let kind_ok = [".svg", ".png", ".webp"].iter().any(|e| lower.ends_with(e));
    let exists = site_file
        .parent()
        .is_some_and(|dir| dir.join(value).is_file());
    if plain && kind_ok && exists {
        return Some(value.to_string());
    }
    let problem = if !plain {
        "tên tệp chỉ gồm chữ không dấu, số, “-”, “_” và “.”, không có thư mục"
    } else if !kind_ok {
        "biểu trưng phải là tệp .svg, .png hoặc .webp"
    } else {
        "không có tệp này bên cạnh site.yaml"
    };
    diagnostics.error(
        place_of(site_file, name),
        format!("biểu trưng (emblem) “{}”: {problem}", name.value),
        "đặt tệp ảnh cạnh site.yaml và ghi tên của nó, ví dụ emblem: bieu-trung.svg; hoặc bỏ dòng emblem",
    );
    None
}

fn provinces(content: &SourceContent, diagnostics: &mut Diagnostics) -> Vec<Province> {
    let mut seen = SeenIds::new();
    let ids: Vec<&str> = content
        .provinces
        .iter()
        .map(|(_, p)| p.value.id.value.as_str())
        .collect();
    let mut provinces = Vec::new();
    for (file, record) in &content.provinces {
        let p = &record.value;
        check_id(file, &p.id, "tỉnh", &mut seen, diagnostics);
        if let Some(target) = &p.merged_into
            && !ids.contains(&target.value.as_str())
        {
            unknown_reference(
                place_of(file, target),
                "tỉnh",
                &target.value,
                ids.iter().copied(),
                diagnostics,
            );
        }
        let merged_on = p
            .merged_on
            .as_ref()
            .and_then(|d| check_date(file, d, diagnostics))
            .map(|d| d.short());
        provinces.push(Province {
            id: p.id.value.clone(),
            name: p.name.clone(),
            aliases: p.aliases.clone(),
            region: p.region.clone(),
            merged_into: p.merged_into.as_ref().map(|m| m.value.clone()),
            merged_on,
            note: p.note.clone(),
        });
    }
    provinces.sort_by(|a, b| compare(&a.name, &b.name));
    provinces
}

fn agencies(
    content: &SourceContent,
    province_ids: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<Agency> {
    let mut seen = SeenIds::new();
    let mut agencies = Vec::new();
    for (file, record) in &content.agencies {
        let a = &record.value;
        check_id(file, &a.id, "cơ quan", &mut seen, diagnostics);
        if let Some(province) = &a.province
            && !province_ids.contains(&province.value.as_str())
        {
            unknown_reference(
                place_of(file, province),
                "tỉnh",
                &province.value,
                province_ids.iter().copied(),
                diagnostics,
            );
        }
        agencies.push(Agency {
            id: a.id.value.clone(),
            name: a.name.clone(),
            short_name: a.short_name.clone(),
            province: a.province.as_ref().map(|p| p.value.clone()),
            aliases: a.aliases.clone(),
        });
    }
    agencies.sort_by(|a, b| compare(&a.name, &b.name));
    agencies
}

fn indicators(content: &SourceContent, diagnostics: &mut Diagnostics) -> Vec<Indicator> {
    let mut seen = SeenIds::new();
    let mut indicators = Vec::new();
    for (file, record) in &content.indicators {
        let i = &record.value;
        check_id(file, &i.id, "chỉ số", &mut seen, diagnostics);
        indicators.push(Indicator {
            id: i.id.value.clone(),
            name: i.name.clone(),
            unit: i.unit.clone(),
            description: i.description.clone(),
            notes: i.notes.clone(),
        });
    }
    indicators.sort_by(|a, b| compare(&a.name, &b.name));
    indicators
}

/// The glossary: each term once (its spellings counted), with an anchor made of it.
fn glossary(
    content: &SourceContent,
    diagnostics: &mut Diagnostics,
) -> Vec<crate::site::GlossaryEntry> {
    let Some((file, list)) = &content.glossary else {
        return Vec::new();
    };
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut anchors = crate::markdown::Anchors::default();
    let mut entries = Vec::new();
    for record in list {
        let g = &record.value;
        let term = g.term.value.trim();
        if term.is_empty() || term.chars().count() > 30 {
            diagnostics.error(
                place_of(file, &g.term),
                format!("thuật ngữ “{}” không dùng được", g.term.value),
                "ghi chữ viết tắt như văn bản in, ví dụ term: TTHC",
            );
            continue;
        }
        let mut clash = None;
        for spelling in std::iter::once(term).chain(g.aliases.iter().map(|a| a.trim())) {
            if let Some(first) = seen.insert(spelling.to_string(), term.to_string()) {
                clash = Some((spelling.to_string(), first));
            }
        }
        if let Some((spelling, first)) = clash {
            diagnostics.error(
                place_of(file, &g.term),
                format!("“{spelling}” đã có trong bảng thuật ngữ (ở mục {first})"),
                "mỗi chữ viết tắt chỉ ghi một lần: gộp hai mục, cách viết khác ghi trong aliases",
            );
            continue;
        }
        let base = crate::vietnamese::slugify(term);
        let id = anchors.unique(if base.is_empty() { "thuat-ngu" } else { &base });
        entries.push(crate::site::GlossaryEntry {
            id,
            term: term.to_string(),
            full: g.full.trim().to_string(),
            note: g.note.clone(),
            aliases: g
                .aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
        });
    }
    entries.sort_by(|a, b| compare(&a.term, &b.term));
    entries
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn ids_are_url_safe() {
        assert!(is_valid_id("kh-10693-2020"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id("C:"));
        assert!(!is_valid_id("Khánh-hòa"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id(""));
    }
}
