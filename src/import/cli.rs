//! The `import-table` command's options and its report.

use super::columns::parse_specs;
use super::read::LineRange;
use super::{AppendixHead, Severity, TableOptions, import_file};
use crate::model::{NumberFormat, Unit};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `congkhai import-table`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Tệp bảng: .txt (phân cách bằng tab), .csv, .xlsx; `-` để đọc từ đầu vào chuẩn.
    pub file: PathBuf,
    /// Các cột, theo thứ tự: khóa=vai-trò[:Tiêu đề], cách nhau bằng dấu phẩy.
    /// Vai trò: label, name, agency, goal, scale, period, amount, funding, status, note, text,
    /// date, document. Mặc định: đoán từ hàng tiêu đề.
    #[arg(long)]
    pub columns: Option<String>,
    /// Đơn vị tiền: dong, nghin-dong, trieu-dong, ty-dong.
    #[arg(long, value_parser = parse_unit)]
    pub unit: Option<Unit>,
    /// Cách viết số: vi (1.234,5) hoặc us (1,234.5). Mặc định: tự nhận ra.
    #[arg(long, value_parser = parse_format)]
    pub number_format: Option<NumberFormat>,
    /// Bảng không có hàng tiêu đề (dòng đầu đã là dữ liệu).
    #[arg(long)]
    pub no_header: bool,
    /// Chỉ đọc các dòng này của tệp, ví dụ 556-613.
    #[arg(long)]
    pub lines: Option<LineRange>,
    /// Trang tính của tệp .xlsx (mặc định: trang đầu).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Mã phụ lục (dùng trong địa chỉ trang), ví dụ `ii`.
    #[arg(long)]
    pub id: Option<String>,
    /// Số phụ lục như in, ví dụ `II`.
    #[arg(long)]
    pub number: Option<String>,
    /// Tên phụ lục như in.
    #[arg(long)]
    pub title: Option<String>,
    /// Dòng chú thích dưới tên, ví dụ "(Kèm theo Kế hoạch số …)".
    #[arg(long)]
    pub caption: Option<String>,
    /// Đường dẫn JSON Schema ghi vào dòng đầu cho trình soạn thảo YAML.
    #[arg(
        long,
        default_value = "../../../../../docs/schema/appendix.schema.json"
    )]
    pub schema: String,
    /// Ghi ra tệp này (không ghi đè tệp có sẵn) thay vì in ra màn hình.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

fn parse_unit(text: &str) -> Result<Unit, String> {
    match text {
        "dong" => Ok(Unit::Dong),
        "nghin-dong" => Ok(Unit::NghinDong),
        "trieu-dong" => Ok(Unit::TrieuDong),
        "ty-dong" => Ok(Unit::TyDong),
        other => Err(format!(
            "`{other}`: dùng dong, nghin-dong, trieu-dong hoặc ty-dong"
        )),
    }
}

fn parse_format(text: &str) -> Result<NumberFormat, String> {
    match text {
        "vi" => Ok(NumberFormat::Vi),
        "us" => Ok(NumberFormat::Us),
        other => Err(format!("`{other}`: dùng vi (1.234,5) hoặc us (1,234.5)")),
    }
}

/// Runs the command: YAML to the output, the report to standard error.
pub fn run(args: &ImportArgs) -> ExitCode {
    let columns = match args.columns.as_deref().map(parse_specs).transpose() {
        Ok(columns) => columns,
        Err(message) => {
            eprintln!("lỗi: --columns {message}");
            return ExitCode::FAILURE;
        }
    };
    let options = TableOptions {
        columns,
        number_format: args.number_format,
        no_header: args.no_header,
    };
    let head = AppendixHead {
        id: args.id.clone(),
        number: args.number.clone(),
        title: args.title.clone(),
        caption: args.caption.clone(),
        unit: args.unit,
        schema: Some(args.schema.clone()).filter(|s| !s.is_empty()),
    };
    let imported = match import_file(
        &args.file,
        args.sheet.as_deref(),
        args.lines,
        &options,
        &head,
    ) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("lỗi: {}", crate::diagnostics::error_chain(&error));
            return ExitCode::FAILURE;
        }
    };
    let name = args.file.display().to_string();
    for problem in &imported.table.problems {
        let kind = match problem.severity {
            Severity::Unplaced => "chưa xếp được",
            Severity::Check => "cần kiểm tra",
        };
        eprintln!("{name}:{}: {kind}: {}", problem.line, problem.message);
    }
    let unplaced = imported
        .table
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Unplaced)
        .count();
    match &args.output {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && let Err(error) = std::fs::create_dir_all(parent)
            {
                eprintln!(
                    "lỗi: {}: không tạo được thư mục ({error})",
                    parent.display()
                );
                return ExitCode::FAILURE;
            }
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path);
            let written =
                file.and_then(|mut f| std::io::Write::write_all(&mut f, imported.yaml.as_bytes()));
            if let Err(error) = written {
                eprintln!(
                    "lỗi: {}: không ghi được ({error}); tệp đã có thì chọn tên khác hoặc xóa tệp cũ",
                    path.display()
                );
                return ExitCode::FAILURE;
            }
            // The schema the file's first line points to, written where it points.
            if let Some(dir) = head.schema.as_deref().and_then(|s| schema_folder(path, s))
                && let Err(error) = crate::scaffold::write_content_schemas(&dir)
            {
                eprintln!("cảnh báo: {}", crate::diagnostics::error_chain(&error));
            }
        }
        None => print!("{}", imported.yaml),
    }
    eprintln!(
        "Đã chuyển {} hàng; {} dòng chưa xếp được, {} dòng cần kiểm tra.",
        count_rows(&imported.table.rows),
        unplaced,
        imported.table.problems.len() - unplaced
    );
    ExitCode::SUCCESS
}

/// The folder of the schema that a file written at `output` names as `schema` (relative to
/// the file), when it names the content schemas' appendix schema there.
fn schema_folder(output: &std::path::Path, schema: &str) -> Option<std::path::PathBuf> {
    let name = schema.rsplit('/').next()?;
    if name != "appendix.schema.json" || schema.contains("://") || schema.starts_with('/') {
        return None;
    }
    let file = output.parent()?.join(schema);
    Some(file.parent()?.to_path_buf())
}

fn count_rows(nodes: &[super::table::Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            super::table::Node::Group { rows, .. } => count_rows(rows),
            super::table::Node::Row(_) => 1,
        })
        .sum()
}
