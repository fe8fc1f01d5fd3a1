//! The `congkhai` command line.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use congkhai::{BuildError, BuildOptions, Diagnostics, SiteOverrides, format_count, format_number};
use rust_decimal::Decimal;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::process::ExitCode;

mod command_line;

/// mimalloc: a build makes and frees millions of small strings and values, and glibc's
/// allocator spent a fifth of the build on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// congkhai: công khai kế hoạch, báo cáo, phụ lục và chỉ tiêu của các tỉnh thành một cổng
/// thông tin tĩnh.
#[derive(Parser)]
#[command(name = "congkhai", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Dựng cổng thông tin từ content/ vào output/.
    ///
    /// Ví dụ:
    ///   congkhai build
    ///   congkhai build --content content --output output --base-url https://stttt.example.gov.vn/cong-khai/
    #[command(verbatim_doc_comment)]
    Build {
        /// Thư mục nội dung.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Thư mục giao diện.
        #[arg(long, default_value = "themes/default")]
        theme: PathBuf,
        /// Thư mục đầu ra (chỉ được thay khi dựng thành công).
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Địa chỉ gốc khi công bố, có thể kèm đường dẫn con.
        #[arg(long, value_parser = base_url)]
        base_url: Option<String>,
        /// Viết mọi liên kết dạng tương đối kèm index.html (mở được từ ổ đĩa, USB).
        #[arg(long)]
        relative_links: bool,
    },
    /// Kiểm tra nội dung mà không dựng trang: báo mọi lỗi với tệp:dòng:cột.
    ///
    /// Thoát với mã 0 khi không có lỗi, 1 khi có lỗi.
    ///
    /// Ví dụ:
    ///   congkhai check
    ///   congkhai check --content content --deny-warnings
    #[command(verbatim_doc_comment)]
    Check {
        /// Thư mục nội dung.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Coi cảnh báo là lỗi.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Chuyển một bảng dán từ Word hoặc Excel thành tệp phụ lục YAML.
    ///
    /// Đọc văn bản phân cách bằng tab (khi sao chép bảng từ Word/Excel), tệp .csv, .xlsx hoặc
    /// một bảng của tệp Word .docx. Các dòng đầu phụ lục dán kèm ("Phụ lục II", tên, "(Kèm
    /// theo …)", "Đơn vị tính: …") cho số, tên, dòng kèm theo và đơn vị. Nhận ra hàng tiêu đề
    /// (cả tiêu đề hai tầng), tiêu đề lặp lại, nhóm (I, II, 1., 2.1), dòng "Tổng cộng", hàng bị
    /// tách dòng, số kiểu Việt Nam (1.234,5) và kiểu Mỹ (1,234.5). Mọi dòng không xếp được
    /// đều được báo kèm số dòng.
    ///
    /// Ví dụ:
    ///   congkhai import-table bang.txt -o content/documents/khanh-hoa/kh-5-2025/appendices/02-du-an.yaml
    ///   congkhai import-table bang.txt --unit trieu-dong --number II --title "DANH MỤC DỰ ÁN" -o phu-luc.yaml
    ///   congkhai import-table - --columns stt=label,name=name,agency=agency,amount=amount < bang.txt
    ///   congkhai import-table du-an.xlsx --sheet "Phụ lục II" --unit dong
    ///   congkhai import-table ke-hoach.docx --list
    ///   congkhai import-table ke-hoach.docx --table 2 -o phu-luc.yaml
    #[command(verbatim_doc_comment)]
    ImportTable(congkhai::import::cli::ImportArgs),
    /// Tạo thư mục và tệp cho văn bản hoặc phụ lục mới, đủ mọi trường bắt buộc.
    ///
    /// Ví dụ:
    ///   congkhai new plan kh-123-2025 --province khanh-hoa --number 123/KH-UBND --issued 2025-03-31
    ///   congkhai new report bc-45-2025 --province khanh-hoa --related kh-123-2025
    ///   congkhai new appendix kh-123-2025 --number II --title "DANH MỤC DỰ ÁN"
    #[command(verbatim_doc_comment, subcommand)]
    New(congkhai::scaffold::cli::NewCommand),
    /// Xem trước khi soạn: dựng trong bộ nhớ, phục vụ trên 127.0.0.1, tự tải lại trang sau mỗi lần lưu.
    ///
    /// Không ghi gì vào output/. Lỗi nội dung hiện ở cửa sổ lệnh và trên trang; bản dựng tốt
    /// gần nhất vẫn được phục vụ cho đến khi sửa xong. Nhấn Ctrl-C để dừng.
    ///
    /// Ví dụ:
    ///   congkhai serve
    ///   congkhai serve --port 8080 --open
    ///   congkhai serve --port 0          (hệ thống chọn một cổng trống)
    #[command(verbatim_doc_comment)]
    Serve {
        /// Thư mục nội dung.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Thư mục giao diện.
        #[arg(long, default_value = "themes/default")]
        theme: PathBuf,
        /// Cổng (0: hệ thống chọn cổng trống).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Địa chỉ lắng nghe; mặc định chỉ máy này (127.0.0.1). Chỉ đổi khi thật cần.
        #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
        bind: IpAddr,
        /// Mở trang chủ trong trình duyệt.
        #[arg(long)]
        open: bool,
    },
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for diagnostic in diagnostics.sorted() {
        eprintln!("{diagnostic}");
    }
}

fn seconds(elapsed: std::time::Duration) -> String {
    let millis = Decimal::from(elapsed.as_millis() as i64);
    format_number((millis / Decimal::from(1000)).round_dp(2))
}

/// `--base-url`, refused when no portal can be published there.
fn base_url(value: &str) -> Result<String, String> {
    match congkhai::base_url_problem(value) {
        Some(problem) => Err(problem.to_string()),
        None => Ok(value.to_string()),
    }
}

fn main() -> ExitCode {
    let matches = command_line::in_vietnamese(Cli::command()).try_get_matches();
    let cli = match matches.and_then(|matches| Cli::from_arg_matches(&matches)) {
        Ok(cli) => cli,
        Err(error) => return command_line::refuse(error),
    };
    match cli.command {
        Command::Build {
            content,
            theme,
            output,
            base_url,
            relative_links,
        } => {
            let overrides = SiteOverrides {
                base_url,
                relative_links,
            };
            let options = BuildOptions {
                content,
                theme,
                output,
                overrides,
            };
            match congkhai::build(&options) {
                Ok((summary, diagnostics)) => {
                    // Suggestions are for `check`: a build only says how many there are.
                    print_diagnostics(&diagnostics.without_notes());
                    println!(
                        "Đã tạo {} trang ({} tệp; {} văn bản, {} bảng phụ lục, {} cảnh báo) trong {} giây",
                        format_count(summary.pages),
                        format_count(summary.files),
                        format_count(summary.documents),
                        format_count(summary.tables),
                        format_count(summary.warnings),
                        seconds(summary.elapsed),
                    );
                    if diagnostics.note_count() > 0 {
                        println!(
                            "{} gợi ý nối dòng dự án với văn bản trước: xem bằng congkhai check",
                            format_count(diagnostics.note_count())
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diagnostics)) => {
                    print_diagnostics(&diagnostics.without_notes());
                    eprintln!(
                        "Không dựng được: {} lỗi, {} cảnh báo. Thư mục đầu ra cũ được giữ nguyên.",
                        format_count(diagnostics.error_count()),
                        format_count(diagnostics.warning_count())
                    );
                    ExitCode::FAILURE
                }
                Err(BuildError::Other(error)) => {
                    eprintln!("lỗi: {}", congkhai::diagnostics::error_chain(&error));
                    eprintln!("Không dựng được. Thư mục đầu ra cũ được giữ nguyên.");
                    ExitCode::FAILURE
                }
            }
        }
        Command::ImportTable(args) => congkhai::import::cli::run(&args),
        Command::New(command) => congkhai::scaffold::cli::run(command),
        Command::Check {
            content,
            deny_warnings,
        } => {
            let diagnostics = congkhai::check(&content, &SiteOverrides::default());
            print_diagnostics(&diagnostics);
            let failed =
                diagnostics.has_errors() || (deny_warnings && diagnostics.warning_count() > 0);
            let notes = match diagnostics.note_count() {
                0 => String::new(),
                n => format!(", {} ghi chú", format_count(n)),
            };
            eprintln!(
                "Kiểm tra xong: {} lỗi, {} cảnh báo{notes}.",
                format_count(diagnostics.error_count()),
                format_count(diagnostics.warning_count()),
            );
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Serve {
            content,
            theme,
            port,
            bind,
            open,
        } => {
            let options = congkhai::serve::ServeOptions {
                content,
                theme,
                bind,
                port,
                open,
            };
            match congkhai::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("lỗi: {}", congkhai::diagnostics::error_chain(&error));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_the_summary_line_are_grouped_as_vietnamese_writes_them() {
        assert_eq!(format_count(3186), "3.186");
        assert_eq!(format_count(6237), "6.237");
        assert_eq!(format_count(1_234_567), "1.234.567");
        assert_eq!(format_count(0), "0");
        assert_eq!(seconds(std::time::Duration::from_millis(33_640)), "33,64");
    }
}
