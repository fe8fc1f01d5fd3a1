//! `congkhai new`: the folder and files of a new document or appendix, with every required
//! field present and explained in a comment, so that `congkhai check` passes at once.

pub mod cli;
mod templates;

use crate::load::{SourceContent, load};
use crate::model::DocumentKind;
use anyhow::{Context as _, Result, bail};
use std::path::{Path, PathBuf};

pub(crate) use templates::SCHEMA_DIR;

/// What to create.
#[derive(Debug, Clone)]
pub(crate) enum Request {
    /// A new document folder.
    Document(NewDocument),
    /// A new appendix file in an existing document.
    Appendix(NewAppendix),
}

/// A new plan, report or decision.
#[derive(Debug, Clone)]
pub(crate) struct NewDocument {
    /// plan, report or decision.
    pub kind: DocumentKind,
    /// Document id (also the folder name).
    pub id: String,
    /// Province id.
    pub province: String,
    /// Issuing agency id; defaults to the province's people's committee (`ubnd-…`).
    pub issuer: Option<String>,
    /// Số ký hiệu.
    pub number: Option<String>,
    /// Issue date, `YYYY-MM-DD`.
    pub issued: String,
    /// Trích yếu.
    pub title: Option<String>,
    /// The document this one reports on (report) or issues (decision).
    pub related: Option<String>,
}

/// A new appendix of an existing document.
#[derive(Debug, Clone)]
pub(crate) struct NewAppendix {
    /// The document's id.
    pub document: String,
    /// Number as printed ("II"); defaults to the next roman numeral.
    pub number: Option<String>,
    /// Title as printed.
    pub title: Option<String>,
}

/// Checks that `id` is lowercase ASCII words joined by `-`: it becomes a folder and a URL.
pub(crate) fn check_id(id: &str, what: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if !ok {
        bail!(
            "mã {what} `{id}` không hợp lệ: chỉ dùng chữ thường không dấu và số, nối bằng `-` \
             (ví dụ `kh-123-2025`)"
        );
    }
    Ok(())
}

fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 9] = [
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
        (0, ""),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, text) in TABLE {
        while value > 0 && n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

/// Writes the JSON Schema of each kind of content file into `dir` (the same schemas a build
/// publishes under `du-lieu/schema/noi-dung/`), where the first line of each file `new` and
/// `import-table` make points, so that an editor's YAML language server finds them at once.
/// Returns the files it wrote: those missing or out of date.
pub(crate) fn write_content_schemas(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: không tạo được thư mục", dir.display()))?;
    let mut written = Vec::new();
    for named in crate::open_data::schema::content_schemas() {
        let path = dir.join(named.file);
        let text = serde_json::to_string_pretty(&named.schema)? + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text)
                .with_context(|| format!("{}: không ghi được", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// Where `new` writes the content schemas for a project whose content folder is `content`:
/// `docs/schema/` beside it.
pub(crate) fn schema_dir(content: &Path) -> PathBuf {
    content
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(SCHEMA_DIR)
}

/// Creates the files under `content`; returns the paths written.
pub(crate) fn create(content: &Path, request: &Request) -> Result<Vec<PathBuf>> {
    if !content.join("provinces.yaml").is_file() {
        bail!(
            "{}: không phải thư mục nội dung (không có provinces.yaml); chạy lệnh trong thư mục \
             dự án hoặc chỉ rõ --content",
            content.display()
        );
    }
    let (source, _) = load(content);
    match request {
        Request::Document(new) => create_document(content, &source, new),
        Request::Appendix(new) => create_appendix(&source, new),
    }
}

fn create_document(
    content: &Path,
    source: &SourceContent,
    new: &NewDocument,
) -> Result<Vec<PathBuf>> {
    check_id(&new.id, "văn bản")?;
    check_id(&new.province, "tỉnh")?;
    let Some(province) = source
        .provinces
        .iter()
        .find(|(_, p)| p.value.id.value == new.province)
    else {
        let known: Vec<&str> = source
            .provinces
            .iter()
            .map(|(_, p)| p.value.id.value.as_str())
            .collect();
        bail!(
            "không có tỉnh `{}` trong provinces.yaml; các mã tỉnh: {}",
            new.province,
            known.join(", ")
        );
    };
    if chrono::NaiveDate::parse_from_str(&new.issued, "%Y-%m-%d").is_err() {
        // Written in the right shape, but not a day of the calendar (2025-02-30).
        let shaped = new.issued.len() == 10
            && new.issued.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            });
        if shaped {
            bail!(
                "ngày ban hành `{}` không có trên lịch (tháng đó không có ngày này); sửa lại ngày",
                new.issued
            );
        }
        bail!(
            "ngày ban hành `{}`: viết dạng NĂM-THÁNG-NGÀY, ví dụ 2025-03-31",
            new.issued
        );
    }
    if source.documents.iter().any(|d| d.folder_name == new.id) {
        bail!("đã có văn bản `{}`; chọn mã khác", new.id);
    }
    let issuer = match &new.issuer {
        Some(issuer) => {
            if !source
                .agencies
                .iter()
                .any(|(_, a)| a.value.id.value == *issuer)
            {
                bail!(
                    "không có cơ quan `{issuer}` trong content/agencies/; thêm cơ quan trước (xem docs/huong-dan-bien-tap.md)"
                );
            }
            issuer.clone()
        }
        None => source
            .agencies
            .iter()
            .map(|(_, a)| &a.value)
            .find(|a| {
                a.province.as_ref().is_some_and(|p| p.value == new.province)
                    && a.id.value.starts_with("ubnd-")
            })
            .map(|a| a.id.value.clone())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "không tìm thấy UBND tỉnh `{}` trong content/agencies/; chỉ rõ --issuer",
                    new.province
                )
            })?,
    };
    if let Some(related) = &new.related
        && !source.documents.iter().any(|d| d.folder_name == *related)
    {
        bail!("không có văn bản `{related}` trong content/documents/");
    }
    let dir = content.join("documents").join(&new.province).join(&new.id);
    let files = vec![
        (
            dir.join("document.yaml"),
            templates::document(new, &issuer, &province.1.value.name),
        ),
        (
            dir.join("sections/01-noi-dung.md"),
            templates::section(new.kind),
        ),
    ];
    write_new(&files)
}

fn create_appendix(source: &SourceContent, new: &NewAppendix) -> Result<Vec<PathBuf>> {
    check_id(&new.document, "văn bản")?;
    let Some(folder) = source
        .documents
        .iter()
        .find(|d| d.folder_name == new.document)
    else {
        bail!(
            "không có văn bản `{}` trong content/documents/; tạo văn bản trước bằng `congkhai new plan …`",
            new.document
        );
    };
    let existing = std::fs::read_dir(folder.dir.join("appendices"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
                .count()
        })
        .unwrap_or(0);
    let position = existing + 1;
    let number = new.number.clone().unwrap_or_else(|| roman(position));
    let id = crate::vietnamese::slugify(&number);
    check_id(&id, "phụ lục")?;
    if folder.appendices.iter().any(|(_, a)| a.id.value == id) {
        bail!(
            "văn bản `{}` đã có phụ lục `{id}`; chỉ rõ --number khác",
            new.document
        );
    }
    let path = folder
        .dir
        .join("appendices")
        .join(format!("{position:02}-phu-luc-{id}.yaml"));
    write_new(&[(
        path,
        templates::appendix(&id, &number, new.title.as_deref()),
    )])
}

fn write_new(files: &[(PathBuf, String)]) -> Result<Vec<PathBuf>> {
    for (path, _) in files {
        if path.exists() {
            bail!("{}: tệp đã có; không ghi đè", path.display());
        }
    }
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                anyhow::anyhow!("{}: không tạo được thư mục ({e})", parent.display())
            })?;
        }
        std::fs::write(path, text)
            .map_err(|e| anyhow::anyhow!("{}: không ghi được ({e})", path.display()))?;
    }
    Ok(files.iter().map(|(p, _)| p.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_numerals() {
        assert!(check_id("kh-123-2025", "x").is_ok());
        assert!(check_id("../etc", "x").is_err());
        assert!(check_id("Kh-1", "x").is_err());
        assert!(check_id("a--b", "x").is_err());
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
    }
}
