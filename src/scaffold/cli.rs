//! The `new` command's options.

use super::{NewAppendix, NewDocument, Request, create};
use crate::model::DocumentKind;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// What `congkhai new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Một kế hoạch mới.
    Plan(DocumentArgs),
    /// Một báo cáo mới (--related: mã kế hoạch được báo cáo).
    Report(DocumentArgs),
    /// Một quyết định mới (--related: mã kế hoạch được ban hành).
    Decision(DocumentArgs),
    /// Một phụ lục mới của văn bản đã có.
    Appendix(AppendixArgs),
}

/// Options of a new document.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// Mã văn bản (tên thư mục), ví dụ kh-123-2025.
    id: String,
    /// Mã tỉnh, ví dụ khanh-hoa.
    #[arg(long)]
    province: String,
    /// Mã cơ quan ban hành (mặc định: UBND tỉnh).
    #[arg(long)]
    issuer: Option<String>,
    /// Số ký hiệu, ví dụ 123/KH-UBND.
    #[arg(long)]
    number: Option<String>,
    /// Ngày ban hành NĂM-THÁNG-NGÀY (mặc định: hôm nay).
    #[arg(long)]
    issued: Option<String>,
    /// Trích yếu.
    #[arg(long)]
    title: Option<String>,
    /// Văn bản liên quan: kế hoạch được báo cáo (report), được ban hành (decision), được
    /// thực hiện (plan).
    #[arg(long)]
    related: Option<String>,
    /// Thư mục nội dung.
    #[arg(long, default_value = "content")]
    content: PathBuf,
}

/// Options of a new appendix.
#[derive(Debug, Args)]
pub struct AppendixArgs {
    /// Mã văn bản có phụ lục.
    document: String,
    /// Số phụ lục như in (mặc định: số La Mã kế tiếp).
    #[arg(long)]
    number: Option<String>,
    /// Tên phụ lục như in.
    #[arg(long)]
    title: Option<String>,
    /// Thư mục nội dung.
    #[arg(long, default_value = "content")]
    content: PathBuf,
}

/// Runs `congkhai new …`.
pub fn run(command: NewCommand) -> ExitCode {
    let document = |kind, args: DocumentArgs| {
        let request = Request::Document(NewDocument {
            kind,
            id: args.id,
            province: args.province,
            issuer: args.issuer,
            number: args.number,
            issued: args.issued.unwrap_or_else(today),
            title: args.title,
            related: args.related,
        });
        (args.content, request)
    };
    let (content, request) = match command {
        NewCommand::Plan(args) => document(DocumentKind::Plan, args),
        NewCommand::Report(args) => document(DocumentKind::Report, args),
        NewCommand::Decision(args) => document(DocumentKind::Decision, args),
        NewCommand::Appendix(args) => (
            args.content,
            Request::Appendix(NewAppendix {
                document: args.document,
                number: args.number,
                title: args.title,
            }),
        ),
    };
    match create(&content, &request).and_then(|mut paths| {
        paths.extend(super::write_content_schemas(&super::schema_dir(&content))?);
        Ok(paths)
    }) {
        Ok(paths) => {
            for path in paths {
                println!("Đã tạo {}", path.display());
            }
            println!("Sửa các trường có chú thích, rồi chạy `congkhai check`.");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lỗi: {}", crate::diagnostics::error_chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// Today's date (UTC), `YYYY-MM-DD`.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .map(|date| date.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "2025-01-01".to_string())
}
