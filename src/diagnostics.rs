//! Problems found in the content, with the place they were found and how to fix them.
//!
//! [`crate::check`] and [`crate::build`] return them as [`Diagnostics`]; each [`Diagnostic`]
//! prints (`Display`) as `file:line:column: severity: message` with its help on the next line,
//! and [`Diagnostics::sorted`] gives them in the order to print. [`error_chain`] says an
//! error of a command (not of the content) in Vietnamese.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the build, warnings are reported and published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content cannot be published until this is fixed.
    Error,
    /// Published as it is, but the reader or editor should know.
    Warning,
    /// A suggestion for the editor (`check` shows it; it is neither published nor counted).
    Note,
}

/// A place in a content file: 1-based line and column (0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Place {
    /// The file, relative to the content folder where possible.
    pub file: PathBuf,
    /// 1-based line, 0 when the whole file is meant.
    pub line: u64,
    /// 1-based column, 0 when the whole line is meant.
    pub column: u64,
}

impl Place {
    /// A place in `file` at `line`:`column`.
    pub(crate) fn new(file: &Path, line: u64, column: u64) -> Self {
        Place {
            file: file.to_path_buf(),
            line,
            column,
        }
    }

    /// The whole of `file`.
    pub(crate) fn file(file: &Path) -> Self {
        Place::new(file, 0, 0)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// One problem: where, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `place`.
    pub(crate) fn error(place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            place,
            message: message.into(),
            help: None,
        }
    }

    /// A warning at `place`.
    pub(crate) fn warning(place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            place,
            message: message.into(),
            help: None,
        }
    }

    /// The same problem with advice on how to fix it.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
            Severity::Note => "ghi chú",
        };
        write!(f, "{}: {}: {}", self.place, label, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  gợi ý: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found so far, reported all at once.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem.
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records an error at `place`.
    pub(crate) fn error(
        &mut self,
        place: Place,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(Diagnostic::error(place, message).with_help(help));
    }

    /// Records a warning at `place`.
    pub(crate) fn warning(&mut self, place: Place, message: impl Into<String>) {
        self.push(Diagnostic::warning(place, message));
    }

    /// Takes in every problem of `other`.
    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Number of notes (suggestions).
    pub fn note_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Note)
            .count()
    }

    /// The same problems without the notes.
    pub fn without_notes(&self) -> Diagnostics {
        Diagnostics {
            items: self
                .items
                .iter()
                .filter(|d| d.severity != Severity::Note)
                .cloned()
                .collect(),
        }
    }

    /// The problems sorted by file, line and column, each reported once.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.place, a.severity, &a.message).cmp(&(&b.place, b.severity, &b.message))
        });
        items.dedup();
        items
    }
}

/// Why an operation on a file failed, in Vietnamese (the standard library says it in
/// English), with the system's own words after it for whoever helps.
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let reason = match error.kind() {
        ErrorKind::NotFound => "không có tệp hoặc thư mục này",
        ErrorKind::PermissionDenied => "không có quyền truy cập",
        ErrorKind::AlreadyExists => "đã có tệp hoặc thư mục trùng tên",
        ErrorKind::IsADirectory => "đây là một thư mục, không phải một tệp",
        ErrorKind::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
        ErrorKind::StorageFull => "ổ đĩa đã đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        ErrorKind::ResourceBusy => "đang được dùng",
        ErrorKind::FileTooLarge => "tệp quá lớn",
        _ => return error.to_string(),
    };
    format!("{reason} [{error}]")
}

/// `error` and its causes, as `{:#}` prints them, with the causes from the file system said
/// in Vietnamese.
pub fn error_chain(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => io_reason(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
