//! The `import-table` command's options and its report.

use super::columns::parse_specs;
use super::read::{LineRanges, Source};
use super::{AppendixHead, Severity, TableOptions, TargetDocument, import_file};
use crate::model::{NumberFormat, Unit};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `congkhai import-table`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Tệp bảng: .txt (phân cách bằng tab), .csv, .xlsx, .docx (tệp Word); `-` để đọc từ đầu
    /// vào chuẩn. Các dòng đầu "Phụ lục …", tên, "(Kèm theo …)", "Đơn vị tính: …" (nếu dán cả)
    /// được dùng làm số, tên, dòng kèm theo và đơn vị của phụ lục.
    file: PathBuf,
    /// Các cột, theo thứ tự: khóa=vai-trò[:Tiêu đề], cách nhau bằng dấu phẩy.
    /// Vai trò: label, name, agency, goal, scale, period, amount, funding, status, note, text,
    /// date, document. Mặc định: đoán từ hàng tiêu đề.
    #[arg(long)]
    columns: Option<String>,
    /// Đơn vị tiền: dong, nghin-dong, trieu-dong, ty-dong.
    #[arg(long, value_parser = parse_unit)]
    unit: Option<Unit>,
    /// Cách viết số: vi (1.234,5) hoặc us (1,234.5). Mặc định: tự nhận ra.
    #[arg(long, value_parser = parse_format)]
    number_format: Option<NumberFormat>,
    /// Bảng không có hàng tiêu đề (dòng đầu đã là dữ liệu).
    #[arg(long)]
    no_header: bool,
    /// Chỉ đọc các dòng này của tệp, ví dụ 556-613; nhiều đoạn cách nhau bằng dấu phẩy,
    /// ví dụ 182-185,220-257 (đầu phụ lục và bảng ở xa nhau). Với .docx: các hàng của bảng.
    #[arg(long)]
    lines: Option<LineRanges>,
    /// Trang tính của tệp .xlsx (mặc định: trang đầu).
    #[arg(long)]
    sheet: Option<String>,
    /// Bảng thứ mấy của tệp .docx (đánh số từ 1; xem danh sách bằng --list).
    #[arg(long, value_name = "SỐ")]
    table: Option<usize>,
    /// Liệt kê các bảng của tệp .docx (số, đoạn văn trước bảng, hàng đầu, kích thước) rồi thôi.
    #[arg(long)]
    list: bool,
    /// Mã phụ lục (dùng trong địa chỉ trang), ví dụ `ii`.
    #[arg(long)]
    id: Option<String>,
    /// Số phụ lục như in, ví dụ `II`.
    #[arg(long)]
    number: Option<String>,
    /// Tên phụ lục như in.
    #[arg(long)]
    title: Option<String>,
    /// Dòng chú thích dưới tên, ví dụ "(Kèm theo Kế hoạch số …)".
    #[arg(long)]
    caption: Option<String>,
    /// Đường dẫn JSON Schema ghi vào dòng đầu cho trình soạn thảo YAML.
    #[arg(
        long,
        default_value = "../../../../../docs/schema/appendix.schema.json"
    )]
    schema: String,
    /// Ghi ra tệp này (không ghi đè tệp có sẵn) thay vì in ra màn hình.
    #[arg(short, long)]
    output: Option<PathBuf>,
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
    if args.list {
        return list_tables(&args.file);
    }
    let head = AppendixHead {
        id: args.id.clone(),
        number: args.number.clone(),
        title: args.title.clone(),
        caption: args.caption.clone(),
        unit: args.unit,
        schema: Some(args.schema.clone()).filter(|s| !s.is_empty()),
        document: args.output.as_deref().and_then(target_document),
    };
    let source = Source {
        sheet: args.sheet.clone(),
        table: args.table,
        lines: args.lines.clone(),
    };
    let imported = match import_file(&args.file, &source, &options, &head) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("lỗi: {}", crate::diagnostics::error_chain(&error));
            return ExitCode::FAILURE;
        }
    };
    let name = args.file.display().to_string();
    for note in &imported.notes {
        eprintln!("{name}: cảnh báo: {note}");
    }
    if let Some(summary) = heading_summary(&imported.heading) {
        eprintln!("{name}:{summary}");
    }
    for problem in &imported.table.problems {
        let kind = match problem.severity {
            Severity::Unplaced => "chưa xếp được",
            Severity::Check => "cần kiểm tra",
        };
        // Line 0: the paragraphs above a Word table, which have no row number.
        match problem.line {
            0 => eprintln!("{name}: {kind}: {}", problem.message),
            line => eprintln!("{name}:{line}: {kind}: {}", problem.message),
        }
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

/// `congkhai import-table FILE.docx --list`: the tables of a Word file, to choose one.
fn list_tables(file: &std::path::Path) -> ExitCode {
    if super::read::extension(file) != "docx" {
        eprintln!(
            "lỗi: --list liệt kê các bảng của tệp Word .docx; {} không phải tệp .docx",
            file.display()
        );
        return ExitCode::FAILURE;
    }
    match super::docx::read_docx(file) {
        Ok(tables) if tables.is_empty() => {
            eprintln!("{}: tệp Word không có bảng nào", file.display());
            ExitCode::FAILURE
        }
        Ok(tables) => {
            print!("{}", super::docx::listing(&tables));
            eprintln!(
                "Chọn một bảng bằng --table SỐ, ví dụ: congkhai import-table {} --table 1",
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lỗi: {}", crate::diagnostics::error_chain(&error));
            ExitCode::FAILURE
        }
    }
}

/// One line saying what the heading lines gave: "725-729: đầu phụ lục: số III; tên …".
fn heading_summary(heading: &super::Heading) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(number) = &heading.number {
        parts.push(format!("số \"{number}\""));
    }
    if let Some(title) = &heading.title {
        parts.push(format!("tên \"{title}\""));
    }
    if let Some(caption) = &heading.caption {
        parts.push(format!("kèm theo \"{caption}\""));
    }
    if let Some(unit) = heading.unit {
        parts.push(format!("đơn vị {}", unit.key()));
    }
    if parts.is_empty() {
        return None;
    }
    let place = match heading.lines {
        Some((first, last)) if first > 0 && first != last => format!("{first}-{last}: "),
        Some((first, _)) if first > 0 => format!("{first}: "),
        _ => " ".to_string(),
    };
    Some(format!("{place}đầu phụ lục: {}", parts.join("; ")))
}

/// The document an appendix written at `output` goes into: `document.yaml` beside the
/// `appendices/` folder, when it is there and reads.
fn target_document(output: &std::path::Path) -> Option<TargetDocument> {
    let folder = output.parent()?;
    if folder.file_name()? != "appendices" {
        return None;
    }
    let file = folder.parent()?.join("document.yaml");
    let text = std::fs::read_to_string(&file).ok()?;
    let document: crate::model::DocumentSource = crate::yaml::parse(&text, &file).ok()?;
    Some(TargetDocument {
        file,
        number: document.number,
        issued: document.issued.value,
    })
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
