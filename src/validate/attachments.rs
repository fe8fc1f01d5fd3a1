//! Checks of the files a document publishes beside its page (its `files/` folder): names
//! that are safe in a URL, kinds that readers open and that no browser runs, a size limit,
//! contents that are what their names say, and the titles `document.yaml` gives them.

use super::place_of;
use crate::diagnostics::{Diagnostics, Place, did_you_mean};
use crate::model::{AttachmentSource, Spanned};
use crate::site::Attachment;
use crate::vietnamese::size_label;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The largest file a document may publish (64 MB).
pub const MAX_ATTACHMENT_BYTES: u64 = 64_000_000;

/// A kind of file a document may publish.
struct Kind {
    /// Its extensions, lowercase.
    extensions: &'static [&'static str],
    /// What readers call it.
    format: &'static str,
    /// Its media type.
    media_type: &'static str,
    /// How a file of the kind begins (any of them); none for text (CSV), which must be UTF-8.
    starts: &'static [&'static [u8]],
}

/// The start of a ZIP file: the Office Open XML and OpenDocument formats are ZIP files.
const ZIP: &[&[u8]] = &[b"PK\x03\x04"];
/// The start of an OLE2 compound file: Word 97–2003 and Excel 97–2003.
const OLE: &[&[u8]] = &[b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"];

/// What may be published: documents, spreadsheets, data and pictures. Not HTML, SVG or
/// scripts: served from the portal's own address, a browser would run what they hold.
const KINDS: &[Kind] = &[
    Kind {
        extensions: &["pdf"],
        format: "PDF",
        media_type: "application/pdf",
        starts: &[b"%PDF-"],
    },
    Kind {
        extensions: &["docx"],
        format: "Word",
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        starts: ZIP,
    },
    Kind {
        extensions: &["doc"],
        format: "Word",
        media_type: "application/msword",
        starts: OLE,
    },
    Kind {
        extensions: &["xlsx"],
        format: "Excel",
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        starts: ZIP,
    },
    Kind {
        extensions: &["xls"],
        format: "Excel",
        media_type: "application/vnd.ms-excel",
        starts: OLE,
    },
    Kind {
        extensions: &["odt"],
        format: "OpenDocument văn bản",
        media_type: "application/vnd.oasis.opendocument.text",
        starts: ZIP,
    },
    Kind {
        extensions: &["ods"],
        format: "OpenDocument bảng tính",
        media_type: "application/vnd.oasis.opendocument.spreadsheet",
        starts: ZIP,
    },
    Kind {
        extensions: &["csv"],
        format: "CSV",
        media_type: "text/csv",
        starts: &[],
    },
    Kind {
        extensions: &["png"],
        format: "ảnh PNG",
        media_type: "image/png",
        starts: &[b"\x89PNG\r\n\x1a\n"],
    },
    Kind {
        extensions: &["jpg", "jpeg"],
        format: "ảnh JPEG",
        media_type: "image/jpeg",
        starts: &[b"\xFF\xD8\xFF"],
    },
    Kind {
        extensions: &["zip"],
        format: "ZIP",
        media_type: "application/zip",
        starts: ZIP,
    },
];

fn kind_of(name: &str) -> Option<&'static Kind> {
    let extension = name.rsplit_once('.')?.1.to_lowercase();
    KINDS
        .iter()
        .find(|kind| kind.extensions.contains(&extension.as_str()))
}

/// True for names made of lowercase ASCII letters and digits, in words joined by single
/// `-`, `_` or `.`: the same in every URL, on every file system, in every program.
pub fn is_safe_name(name: &str) -> bool {
    name.len() <= 100
        && name.split(['-', '_', '.']).all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The safe name to suggest for `name`: its words without diacritics, lowercase, joined by `-`.
fn suggested_name(name: &str) -> String {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    let stem = match crate::vietnamese::slugify(stem) {
        slug if slug.is_empty() => "tep".to_string(),
        slug => slug,
    };
    format!("{stem}.{}", extension.to_lowercase())
}

/// The kinds that may be published, as the help of an error lists them:
/// "PDF (.pdf); Word (.docx, .doc); …".
fn allowed_kinds() -> String {
    let mut listed: Vec<(&str, Vec<String>)> = Vec::new();
    for kind in KINDS {
        let extensions = kind.extensions.iter().map(|e| format!(".{e}"));
        match listed.iter_mut().find(|(format, _)| *format == kind.format) {
            Some((_, known)) => known.extend(extensions),
            None => listed.push((kind.format, extensions.collect())),
        }
    }
    listed
        .iter()
        .map(|(format, extensions)| format!("{format} ({})", extensions.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The files of a document's `files/` folder that may be published, each with the title
/// that the `listed` entries of `document_file` give it: listed files first, in their order,
/// then the others by name. Every problem goes to `diagnostics`.
pub(super) fn attachments(
    files: &[PathBuf],
    listed: &[Spanned<AttachmentSource>],
    document_file: &Path,
    diagnostics: &mut Diagnostics,
) -> Vec<Attachment> {
    let present: Vec<String> = files
        .iter()
        .map(|file| {
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut found: Vec<Attachment> = files
        .iter()
        .zip(&present)
        .filter_map(|(file, name)| attachment(file, name, diagnostics))
        .collect();
    let mut order = Vec::new();
    let mut seen = HashSet::new();
    for entry in listed {
        let name = &entry.value.file.value;
        let place = place_of(document_file, &entry.value.file);
        if !seen.insert(name.as_str()) {
            diagnostics.error(
                place,
                format!("tệp “{name}” được liệt kê hai lần trong attachments"),
                "giữ một mục cho mỗi tệp",
            );
            continue;
        }
        if entry.value.title.trim().is_empty() {
            diagnostics.error(
                place_of(document_file, entry),
                format!("tệp “{name}” có tiêu đề trống"),
                "viết tiêu đề người đọc sẽ thấy, ví dụ “Bản ký số của kế hoạch”",
            );
        }
        match found.iter_mut().position(|a| &a.name == name) {
            Some(index) => {
                found[index].title = Some(entry.value.title.trim().to_string());
                order.push(index);
            }
            // A file that is there but was refused has its own error.
            None if present.contains(name) => {}
            None => {
                let help = match did_you_mean(name, present.iter().map(String::as_str)) {
                    Some(best) => format!("có phải “{best}”?"),
                    None => "đặt tệp vào thư mục files/ của văn bản, hoặc bỏ mục này".to_string(),
                };
                diagnostics.error(
                    place,
                    format!("không có tệp “{name}” trong thư mục files/ của văn bản"),
                    help,
                );
            }
        }
    }
    let rest: Vec<usize> = (0..found.len()).filter(|i| !order.contains(i)).collect();
    let mut slots: Vec<Option<Attachment>> = found.drain(..).map(Some).collect();
    order
        .into_iter()
        .chain(rest)
        .filter_map(|i| slots[i].take())
        .collect()
}

/// The file `name` at `path` as it will be published, or `None` (with its error) when it
/// may not be.
fn attachment(path: &Path, name: &str, diagnostics: &mut Diagnostics) -> Option<Attachment> {
    let place = Place::file(path);
    let Some(kind) = kind_of(name) else {
        diagnostics.error(
            place,
            format!("tệp “{name}” không thuộc loại được công bố cùng văn bản"),
            format!(
                "các loại được công bố: {}. Chuyển tệp sang PDF, hoặc đặt nó ngoài thư mục files/",
                allowed_kinds()
            ),
        );
        return None;
    };
    if !is_safe_name(name) {
        diagnostics.error(
            place,
            format!("tên tệp “{name}” không dùng được trong đường dẫn"),
            format!(
                "đổi tên thành “{}”: chữ thường không dấu, chữ số, nối bằng - _ hoặc .",
                suggested_name(name)
            ),
        );
        return None;
    }
    let unreadable = |diagnostics: &mut Diagnostics, error: std::io::Error| {
        diagnostics.error(
            Place::file(path),
            format!(
                "không đọc được tệp: {}",
                crate::diagnostics::io_reason(&error)
            ),
            "kiểm tra quyền truy cập",
        );
    };
    let size = match std::fs::metadata(path) {
        Ok(metadata) => metadata.len(),
        Err(error) => {
            unreadable(diagnostics, error);
            return None;
        }
    };
    if size > MAX_ATTACHMENT_BYTES {
        diagnostics.error(
            place,
            format!(
                "tệp quá lớn để công bố ({}, tối đa {})",
                size_label(size),
                size_label(MAX_ATTACHMENT_BYTES)
            ),
            "giảm dung lượng (in lại PDF với chất lượng ảnh thấp hơn), hoặc đặt tệp trên \
             máy chủ khác và dẫn liên kết đầy đủ tới nó",
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            unreadable(diagnostics, error);
            return None;
        }
    };
    if let Some(problem) = content_problem(kind, &bytes) {
        diagnostics.error(
            place,
            format!("tệp “{name}” {problem}"),
            "mở tệp để kiểm tra, rồi lưu lại đúng định dạng hoặc đặt đúng phần mở rộng",
        );
        return None;
    }
    Some(Attachment {
        name: name.to_string(),
        title: None,
        format: kind.format,
        media_type: kind.media_type,
        bytes: size,
        sha256: sha256_hex(&bytes),
    })
}

/// Why `bytes` are not a file of `kind`, if they are not.
fn content_problem(kind: &Kind, bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        return Some("rỗng".to_string());
    }
    if kind.starts.is_empty() {
        return std::str::from_utf8(bytes)
            .is_err()
            .then(|| "không phải văn bản UTF-8 (lưu lại dạng “CSV UTF-8”)".to_string());
    }
    (!kind.starts.iter().any(|start| bytes.starts_with(start))).then(|| {
        format!(
            "không phải tệp {}: nội dung không bắt đầu như một tệp {}",
            kind.format, kind.format
        )
    })
}

/// The SHA-256 of `bytes` in hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_are_lowercase_ascii_words() {
        for name in [
            "ban-ky-so.pdf",
            "qd_125.2021.pdf",
            "phu-luc-1.xlsx",
            "a.png",
        ] {
            assert!(is_safe_name(name), "{name}");
        }
        for name in [
            "Kế hoạch.pdf",
            "ke hoach.pdf",
            "KH.pdf",
            "../x.pdf",
            ".pdf",
            "a--b.pdf",
            "a.pdf.",
            "a/b.pdf",
            "a%20b.pdf",
        ] {
            assert!(!is_safe_name(name), "{name}");
        }
        assert_eq!(suggested_name("Kế hoạch 1533.PDF"), "ke-hoach-1533.pdf");
        assert_eq!(suggested_name("Đề án (bản ký).pdf"), "de-an-ban-ky.pdf");
        assert_eq!(suggested_name("%%.pdf"), "tep.pdf");
        assert!(
            allowed_kinds().starts_with("PDF (.pdf); Word (.docx, .doc); Excel (.xlsx, .xls);")
        );
    }

    #[test]
    fn contents_must_be_what_the_name_says() {
        let pdf = kind_of("a.pdf").expect("pdf");
        assert_eq!(content_problem(pdf, b"%PDF-1.7\n"), None);
        assert!(content_problem(pdf, b"<html><script>").is_some());
        assert!(content_problem(pdf, b"").is_some());
        let csv = kind_of("a.CSV").expect("csv, whatever the case");
        assert_eq!(content_problem(csv, "Tỉnh;Số\n".as_bytes()), None);
        assert!(content_problem(csv, b"T\xeanh").is_some(), "not UTF-8");
        let docx = kind_of("a.docx").expect("docx");
        assert_eq!(content_problem(docx, b"PK\x03\x04rest"), None);
        assert!(content_problem(docx, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").is_some());
        for refused in ["a.svg", "a.html", "a.htm", "a.js", "a.exe", "a", "a.xhtml"] {
            assert!(kind_of(refused).is_none(), "{refused}");
        }
    }
}
