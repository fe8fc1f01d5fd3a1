//! Stage one: walk `content/`, read every file safely and parse it into the source model.

use crate::diagnostics::{Diagnostic, Diagnostics, Place};
use crate::model::{
    AgencySource, AppendixSource, DocumentSource, IndicatorSource, MeasurementSource,
    ProvinceSource, RowStatusSource, SectionFrontMatter, SiteConfig, Spanned, TargetSource,
};
use crate::yaml;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::fs;
use std::path::{Path, PathBuf};

use crate::yaml::MAX_FILE_BYTES;

/// A section's Markdown file: front matter and body.
#[derive(Debug, Clone)]
pub struct SectionFile {
    /// Path of the file.
    pub file: PathBuf,
    /// Its front matter.
    pub front: SectionFrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    /// The line of the file on which `body` starts (1-based).
    pub body_line: u64,
}

impl SectionFile {
    /// The place in its file of byte `offset` of its body.
    pub fn place_of(&self, offset: usize) -> Place {
        let before = self.body.get(..offset).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Place::new(
            &self.file,
            self.body_line + before.matches('\n').count() as u64,
            before[line_start..].chars().count() as u64 + 1,
        )
    }
}

/// Everything read from one document folder.
#[derive(Debug, Clone)]
pub struct DocumentFolder {
    /// The folder.
    pub dir: PathBuf,
    /// The folder's name, which must be the document's ID.
    pub folder_name: String,
    /// `document.yaml`, when it parsed.
    pub source: Option<DocumentSource>,
    /// The sections in file-name order.
    pub sections: Vec<SectionFile>,
    /// `targets.yaml` and its records.
    pub targets: Option<(PathBuf, Vec<Spanned<TargetSource>>)>,
    /// `measurements.yaml` and its records.
    pub measurements: Option<(PathBuf, Vec<Spanned<MeasurementSource>>)>,
    /// The appendices in file-name order.
    pub appendices: Vec<(PathBuf, AppendixSource)>,
    /// The files of its `files/` folder, in name order, to publish beside its page.
    pub files: Vec<PathBuf>,
}

/// The whole source model, as read.
#[derive(Debug, Clone, Default)]
pub struct SourceContent {
    /// The content folder.
    pub root: PathBuf,
    /// `site.yaml`.
    pub site: Option<(PathBuf, SiteConfig)>,
    /// Provinces with the file each came from.
    pub provinces: Vec<(PathBuf, Spanned<ProvinceSource>)>,
    /// Agencies with the file each came from.
    pub agencies: Vec<(PathBuf, Spanned<AgencySource>)>,
    /// Indicators with the file each came from.
    pub indicators: Vec<(PathBuf, Spanned<IndicatorSource>)>,
    /// The standard statuses of appendix rows (`row-statuses.yaml`), in match order.
    pub row_statuses: Vec<(PathBuf, Spanned<RowStatusSource>)>,
    /// Document folders in path order.
    pub documents: Vec<DocumentFolder>,
    /// `glossary.yaml` and its entries, when there is one.
    pub glossary: Option<(PathBuf, Vec<Spanned<crate::model::GlossarySource>>)>,
}

/// Reads the content folder. Every file that cannot be read or parsed is reported; the rest
/// is returned so that later checks can report their problems too.
pub fn load(root: &Path) -> (SourceContent, Diagnostics) {
    let (mut content, dirs, mut diagnostics) = load_registries(root);
    // Documents are independent of each other: both cores read and parse them, and their
    // problems are merged back in path order.
    let loaded: Vec<(DocumentFolder, Diagnostics)> = dirs
        .par_iter()
        .map(|dir| {
            let mut found = Diagnostics::default();
            let folder = load_document(root, dir, &mut found);
            (folder, found)
        })
        .collect();
    for (folder, found) in loaded {
        content.documents.push(folder);
        diagnostics.extend(found);
    }
    (content, diagnostics)
}

/// Reads `site.yaml`, the provinces, agencies and indicators, and lists the document
/// folders (in path order) without reading them: see [`load_document`].
pub fn load_registries(root: &Path) -> (SourceContent, Vec<PathBuf>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let mut content = SourceContent {
        root: root.to_path_buf(),
        ..SourceContent::default()
    };
    if !root.is_dir() {
        diagnostics.error(
            Place::file(root),
            "không tìm thấy thư mục nội dung (content folder not found)",
            "chạy lệnh trong thư mục dự án hoặc chỉ rõ --content DIR",
        );
        return (content, Vec::new(), diagnostics);
    }
    let site_file = root.join("site.yaml");
    let site_inside = inside_root(root, &site_file, &mut diagnostics);
    if site_inside && let Some(site) = read_yaml::<SiteConfig>(&site_file, &mut diagnostics) {
        content.site = Some((site_file, site));
    }
    let provinces_file = root.join("provinces.yaml");
    let provinces_inside = inside_root(root, &provinces_file, &mut diagnostics);
    if provinces_inside
        && let Some(list) =
            read_yaml::<Vec<Spanned<ProvinceSource>>>(&provinces_file, &mut diagnostics)
    {
        content.provinces = list
            .into_iter()
            .map(|p| (provinces_file.clone(), p))
            .collect();
    }
    for file in yaml_files(root, &root.join("agencies"), &mut diagnostics) {
        if let Some(list) = read_yaml::<Vec<Spanned<AgencySource>>>(&file, &mut diagnostics) {
            content
                .agencies
                .extend(list.into_iter().map(|a| (file.clone(), a)));
        }
    }
    for file in yaml_files(root, &root.join("indicators"), &mut diagnostics) {
        if let Some(list) = read_yaml::<Vec<Spanned<IndicatorSource>>>(&file, &mut diagnostics) {
            content
                .indicators
                .extend(list.into_iter().map(|i| (file.clone(), i)));
        }
    }
    let statuses_file = root.join("row-statuses.yaml");
    if statuses_file.exists()
        && inside_root(root, &statuses_file, &mut diagnostics)
        && let Some(list) =
            read_yaml::<Vec<Spanned<RowStatusSource>>>(&statuses_file, &mut diagnostics)
    {
        content.row_statuses = list
            .into_iter()
            .map(|s| (statuses_file.clone(), s))
            .collect();
    }
    let glossary_file = root.join("glossary.yaml");
    if glossary_file.exists()
        && inside_root(root, &glossary_file, &mut diagnostics)
        && let Some(list) = read_yaml::<Vec<Spanned<crate::model::GlossarySource>>>(
            &glossary_file,
            &mut diagnostics,
        )
    {
        content.glossary = Some((glossary_file, list));
    }
    let dirs = document_dirs(root, &mut diagnostics);
    (content, dirs, diagnostics)
}

/// The document folders: `documents/<province>/<document>/`.
fn document_dirs(root: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for province in sorted_entries(root, &root.join("documents"), diagnostics) {
        if !province.is_dir() {
            continue;
        }
        for document in sorted_entries(root, &province, diagnostics) {
            if document.is_dir() {
                dirs.push(document);
            } else {
                diagnostics.warning(
                    Place::file(&document),
                    "tệp bị bỏ qua: mỗi văn bản là một thư mục documents/<tỉnh>/<văn-bản>/",
                );
            }
        }
    }
    dirs
}

/// Reads one document folder: `document.yaml`, its sections, targets, measurements and
/// appendices; every problem goes to `diagnostics`.
pub fn load_document(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> DocumentFolder {
    let folder_name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let document_file = dir.join("document.yaml");
    let source = if !inside_root(root, &document_file, diagnostics) {
        None
    } else if document_file.exists() {
        read_yaml::<DocumentSource>(&document_file, diagnostics)
    } else {
        diagnostics.error(
            Place::file(dir),
            "thư mục văn bản thiếu tệp document.yaml",
            "tạo document.yaml (xem docs/content-model.md) hoặc dùng `congkhai new`",
        );
        None
    };
    let mut folder = DocumentFolder {
        dir: dir.to_path_buf(),
        folder_name,
        source,
        sections: Vec::new(),
        targets: None,
        measurements: None,
        appendices: Vec::new(),
        files: Vec::new(),
    };
    for path in sorted_entries(root, dir, diagnostics) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match name.as_str() {
            "document.yaml" => {}
            "targets.yaml" => {
                folder.targets = read_yaml(&path, diagnostics).map(|t| (path.clone(), t));
            }
            "measurements.yaml" => {
                folder.measurements = read_yaml(&path, diagnostics).map(|m| (path.clone(), m));
            }
            "sections" if path.is_dir() => {
                for file in sorted_entries(root, &path, diagnostics) {
                    if file.extension().is_some_and(|e| e == "md") {
                        unnumbered(&file, diagnostics);
                        if let Some(section) = read_section(&file, diagnostics) {
                            folder.sections.push(section);
                        }
                    } else {
                        ignored(&file, diagnostics);
                    }
                }
            }
            "files" if path.is_dir() => {
                for file in sorted_entries(root, &path, diagnostics) {
                    if file.is_file() {
                        folder.files.push(file);
                    } else {
                        ignored(&file, diagnostics);
                    }
                }
            }
            "appendices" if path.is_dir() => {
                for file in yaml_files(root, &path, diagnostics) {
                    unnumbered(&file, diagnostics);
                    if let Some(appendix) = read_yaml::<AppendixSource>(&file, diagnostics) {
                        folder.appendices.push((file, appendix));
                    }
                }
            }
            _ => ignored(&path, diagnostics),
        }
    }
    folder
}

fn ignored(path: &Path, diagnostics: &mut Diagnostics) {
    diagnostics.warning(
        Place::file(path),
        "tệp bị bỏ qua: không thuộc cấu trúc nội dung (xem docs/content-model.md)",
    );
}

/// `.yaml` files directly in `dir`, in name order; other files are reported.
fn yaml_files(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    sorted_entries(root, dir, diagnostics)
        .into_iter()
        .filter(|p| {
            let yaml = p.extension().is_some_and(|e| e == "yaml" || e == "yml");
            if !yaml {
                ignored(p, diagnostics);
            }
            yaml
        })
        .collect()
}

/// Warns about a section or appendix file whose name does not begin with its number
/// (`01-`, `02-` …): files are taken in name order, so it would land out of place.
fn unnumbered(file: &Path, diagnostics: &mut Diagnostics) {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !name[digits..].starts_with('-') {
        diagnostics.push(
            Diagnostic::warning(
                Place::file(file),
                format!(
                    "tên tệp “{name}” không bắt đầu bằng số thứ tự: các tệp được xếp theo tên, \
                     nên nó có thể nằm sai chỗ trên trang"
                ),
            )
            .with_help(format!(
                "đổi tên thành “01-{name}” (02-, 03- … theo thứ tự trong văn bản)"
            )),
        );
    }
}

/// Files that the system or an office program leaves beside an editor's files, passed over
/// without a word: hidden files (`.DS_Store`, `.git`), Windows' `Thumbs.db` and
/// `desktop.ini`, and the `~$…` lock files of an open Word or Excel file.
fn is_system_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Entries of `dir` in name order, refusing links that lead out of the content folder.
fn sorted_entries(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.is_dir() || !inside_root(root, dir, diagnostics) {
        return Vec::new();
    }
    let mut entries = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).max_depth(1) {
        match entry {
            Ok(entry) => {
                let path = entry.into_path();
                let hidden = path
                    .file_name()
                    .is_some_and(|n| is_system_file(&n.to_string_lossy()));
                if !hidden && inside_root(root, &path, diagnostics) {
                    entries.push(path);
                }
            }
            Err(error) => diagnostics.error(
                Place::file(dir),
                format!(
                    "không đọc được thư mục: {}",
                    error
                        .io_error()
                        .map_or_else(|| error.to_string(), crate::diagnostics::io_reason)
                ),
                "kiểm tra quyền truy cập",
            ),
        }
    }
    entries.sort();
    entries
}

/// True when `path` (after following links) stays inside the content folder.
fn inside_root(root: &Path, path: &Path, diagnostics: &mut Diagnostics) -> bool {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return true;
    }
    let (message, help) = match (root.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(target)) if target.starts_with(&root) => return true,
        (_, Err(_)) => (
            "liên kết tượng trưng (symlink) trỏ tới nơi không tồn tại, hoặc trỏ vòng về chính nó",
            "sửa hoặc xóa liên kết; nếu cần tệp, đặt một bản sao của tệp vào content/",
        ),
        _ => (
            "liên kết tượng trưng (symlink) trỏ ra ngoài thư mục nội dung",
            "thay liên kết bằng một bản sao của tệp nằm trong content/",
        ),
    };
    diagnostics.error(Place::file(path), message, help);
    false
}

/// Reads a text file: size limit, UTF-8, no BOM, NFC.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let place = Place::file(path);
    let size = fs::metadata(path)
        .map_err(|e| {
            Diagnostic::error(
                place.clone(),
                format!("không đọc được tệp: {}", crate::diagnostics::io_reason(&e)),
            )
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            place,
            format!("tệp quá lớn ({size} byte, tối đa {MAX_FILE_BYTES})"),
        )
        .with_help("chia tệp thành nhiều phụ lục hoặc nhiều phần"));
    }
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(
            place.clone(),
            format!("không đọc được tệp: {}", crate::diagnostics::io_reason(&e)),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() as u64 + 1;
        Diagnostic::error(
            Place::new(path, line, column),
            "tệp không phải UTF-8 (file is not UTF-8)",
        )
        .with_help("lưu lại tệp với bảng mã UTF-8 (Unicode)")
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if let Some(at) = text.find(crate::text::is_forbidden_character) {
        let before = &text[..at];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u64 + 1;
        let character = text[at..].chars().next().unwrap_or_default();
        return Err(Diagnostic::error(
            Place::new(path, line, column),
            format!(
                "ký tự điều khiển U+{:04X} (vô hình): không trang nào hiển thị được nó, và nó làm \
                 hỏng feed.xml",
                character as u32
            ),
        )
        .with_help(
            "xóa ký tự này (thường lẫn vào khi chép từ PDF, ví dụ dấu ngắt trang); trình soạn \
             thảo có thể hiện nó là một ô vuông hoặc ^L",
        ));
    }
    Ok(crate::vietnamese::nfc(text))
}

/// Removes bidi controls from `text`, warning at each (see [`crate::bidi`]).
fn neutralise_bidi(text: &str, path: &Path, diagnostics: &mut Diagnostics) -> String {
    let (clean, warnings) = crate::bidi::neutralise(text, path);
    for warning in warnings {
        diagnostics.push(warning);
    }
    clean
}

/// Reads and parses one YAML file; every problem goes into `diagnostics`.
pub fn read_yaml<T: DeserializeOwned>(path: &Path, diagnostics: &mut Diagnostics) -> Option<T> {
    if !path.exists() {
        diagnostics.error(
            Place::file(path),
            "thiếu tệp bắt buộc",
            "tạo tệp này (xem docs/content-model.md)",
        );
        return None;
    }
    let text = match read_text(path) {
        Ok(text) => neutralise_bidi(&text, path, diagnostics),
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if text.trim().is_empty() {
        diagnostics.error(
            Place::file(path),
            "tệp rỗng",
            "điền nội dung theo docs/content-model.md hoặc xóa tệp",
        );
        return None;
    }
    match yaml::parse(&text, path) {
        Ok(value) => Some(value),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// Reads a Markdown section: `---` front matter, then the body.
pub fn read_section(path: &Path, diagnostics: &mut Diagnostics) -> Option<SectionFile> {
    let text = match read_text(path) {
        Ok(text) => neutralise_bidi(&text, path, diagnostics),
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("---\n") else {
        diagnostics.error(
            Place::new(path, 1, 1),
            "phần văn bản thiếu phần đầu (front matter) `---`",
            "bắt đầu tệp bằng ---, id: …, title: \"…\", ---",
        );
        return None;
    };
    let Some(end) = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|r| r.len()))
    else {
        diagnostics.error(
            Place::new(path, 1, 1),
            "phần đầu (front matter) không có dòng `---` kết thúc",
            "thêm một dòng --- sau title",
        );
        return None;
    };
    let front_text = &text[..4 + end + 1];
    let body = rest.get(end + 5..).unwrap_or_default().to_string();
    let body_line = text[..(4 + end + 5).min(text.len())].matches('\n').count() as u64 + 1;
    match yaml::parse::<SectionFrontMatter>(front_text, path) {
        Ok(front) => Some(SectionFile {
            file: path.to_path_buf(),
            front,
            body,
            body_line,
        }),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}
