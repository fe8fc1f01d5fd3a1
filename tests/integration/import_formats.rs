//! `congkhai import-table` on small tables: tab-separated from standard input, CSV, .xlsx; the
//! report of lines it cannot place; the result passes `congkhai check` in a document.

use crate::common;

use common::{Project, printed};
use std::io::Write;
use std::process::{Command, Stdio};

const TSV: &str = "STT\tTên dự án\tĐơn vị chủ trì\tKinh phí\tNguồn vốn
I\tHạ tầng\t\t1.747.201,5\t
1\tTrung tâm dữ liệu\tSở TTTT\t1.747.000\tNSĐP
2\tMạng chuyên dùng\tSở Tài chính\t201,5 (năm 2020 giải ngân 100)\tNSĐP

STT\tTên dự án\tĐơn vị chủ trì\tKinh phí\tNguồn vốn
II\tỨng dụng\t\t100\t
1\tPhần mềm một cửa\tSở TTTT\t100\t
\t(giai đoạn 2)\t\t\t
2\tMột\thai\tba\tbốn\tnăm\tsáu
Tổng cộng\t\t\t1.747.301,5\t
";

fn import_stdin(project: &Project, args: &[&str], input: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_congkhai"))
        .arg("import-table")
        .arg("-")
        .args(args)
        .current_dir(project.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("congkhai runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("congkhai ends");
    (
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
        output.status.success(),
    )
}

#[test]
fn pasted_table_becomes_an_appendix_that_passes_check() {
    let project = Project::new();
    let (yaml, report, ok) = import_stdin(
        &project,
        &[
            "--unit",
            "trieu-dong",
            "--number",
            "II",
            "--title",
            "DANH MỤC DỰ ÁN MỚI",
        ],
        TSV,
    );
    assert!(ok, "{report}");
    assert!(
        yaml.starts_with("# yaml-language-server: $schema="),
        "{yaml}"
    );
    assert!(yaml.contains("id: ii\n"), "{yaml}");
    assert!(
        yaml.contains("totals: { amount: \"1.747.201,5\" }"),
        "{yaml}"
    );
    assert!(
        yaml.contains("amount: \"201,5 (năm 2020 giải ngân 100)\""),
        "{yaml}"
    );
    assert!(
        yaml.contains("name: \"Phần mềm một cửa (giai đoạn 2)\""),
        "{yaml}"
    );
    assert!(yaml.contains("total_label: \"Tổng cộng\""), "{yaml}");
    // The over-long line is reported with its number, not guessed.
    assert!(
        report.contains("-:10: chưa xếp được: có 7 ô nhưng bảng có 5 cột"),
        "{report}"
    );
    assert!(report.contains("-:9: cần kiểm tra"), "{report}");
    assert!(!yaml.contains("sáu"), "{yaml}");
    project.write(
        "documents/khanh-hoa/kh-1-2020/appendices/02-moi.yaml",
        &yaml,
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(!text.contains("02-moi.yaml"), "{text}");
}

#[test]
fn us_numbers_are_detected_and_odd_cells_keep_their_value() {
    let project = Project::new();
    let input = "STT\tTên\tKinh phí\n1\tA\t21,162,000\n2\tB\t1,500.5\n3\tC\t13.440,000\n";
    let (yaml, report, ok) = import_stdin(&project, &["--unit", "dong"], input);
    assert!(ok, "{report}");
    assert!(yaml.contains("number_format: us"), "{yaml}");
    assert!(yaml.contains("amount: \"21,162,000\""), "{yaml}");
    assert!(
        yaml.contains("amount: { text: \"13.440,000\", value: \"13440\" }"),
        "{yaml}"
    );
    assert!(report.contains("-:4: cần kiểm tra"), "{report}");
}

#[test]
fn csv_and_xlsx_files_are_read() {
    let project = Project::new();
    let csv = project.path().join("bang.csv");
    std::fs::write(
        &csv,
        "STT,Tên dự án,Kinh phí\nI,Hạ tầng,\"1.000\"\n1,\"Trung tâm, dữ liệu\",\"1.000\"\n",
    )
    .expect("write csv");
    let output = project.run(&["import-table", "bang.csv", "--unit", "trieu-dong"]);
    let yaml = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", printed(&output));
    assert!(yaml.contains("name: \"Trung tâm, dữ liệu\""), "{yaml}");
    assert!(yaml.contains("- group: \"I\""), "{yaml}");

    let xlsx = project.path().join("bang.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Phụ lục").expect("name");
    sheet.write_string(0, 0, "STT").expect("cell");
    sheet.write_string(0, 1, "Tên dự án").expect("cell");
    sheet.write_string(0, 2, "Thời gian").expect("cell");
    sheet.write_string(0, 3, "Kinh phí").expect("cell");
    sheet.write_number(1, 0, 1).expect("cell");
    sheet.write_string(1, 1, "Cổng dữ liệu").expect("cell");
    sheet.write_number(1, 2, 2025).expect("cell");
    sheet.write_number(1, 3, 1747201.5).expect("cell");
    workbook.save(&xlsx).expect("save xlsx");
    let output = project.run(&[
        "import-table",
        "bang.xlsx",
        "--sheet",
        "Phụ lục",
        "--unit",
        "dong",
    ]);
    let yaml = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", printed(&output));
    assert!(yaml.contains("stt: \"1\""), "{yaml}");
    assert!(yaml.contains("period: \"2025\""), "{yaml}");
    assert!(yaml.contains("amount: \"1.747.201,5\""), "{yaml}");

    let output = project.run(&["import-table", "bang.xlsx", "--sheet", "Khác"]);
    assert!(!output.status.success());
    assert!(
        printed(&output).contains("các trang tính: Phụ lục"),
        "{}",
        printed(&output)
    );
}

#[test]
fn bad_input_is_explained_and_files_are_not_overwritten() {
    let project = Project::new();
    let output = project.run(&["import-table", "khong-co.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        printed(&output).contains("khong-co.txt: không đọc được tệp"),
        "{}",
        printed(&output)
    );

    std::fs::write(project.path().join("latin1.txt"), b"STT\tT\xe9n\n").expect("write");
    let output = project.run(&["import-table", "latin1.txt"]);
    assert!(
        printed(&output).contains("không phải UTF-8"),
        "{}",
        printed(&output)
    );

    let output = project.run(&["import-table", "-", "--columns", "stt"]);
    assert!(
        printed(&output).contains("khóa=vai-trò"),
        "{}",
        printed(&output)
    );

    std::fs::write(project.path().join("bang.txt"), TSV).expect("write");
    std::fs::write(project.path().join("co-san.yaml"), "giữ nguyên").expect("write");
    let output = project.run(&["import-table", "bang.txt", "-o", "co-san.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(project.path().join("co-san.yaml")).expect("read"),
        "giữ nguyên"
    );
}

/// A paste from the "Phụ lục" line: the heading fills number, title, caption and unit; a
/// caption naming another document than the one written into is reported, not changed.
#[test]
fn a_pasted_heading_fills_the_appendix_and_its_caption_is_checked() {
    let project = Project::new();
    let heading = "**Phụ lục III**  \n**DANH MỤC DỰ ÁN AN TOÀN THÔNG TIN**  \n**GIAI ĐOẠN 2021 - 2025**\n\n\
                   (Kèm theo Kế hoạch số 10/QĐ-KH-UBND\nngày 09/2/2020 của UBND tỉnh Khánh Hòa)\n\n\
                   *Đơn vị tính: Triệu đồng*\n\n";
    let table = "STT\tTên dự án\tKinh phí\n1\tCamera\t1.000,5\n2\tTường lửa\t2.000\n\
                 Tổng cộng\t\t3.000,5\n";
    std::fs::write(project.path().join("pl3.txt"), format!("{heading}{table}")).expect("write");
    let output = project.run(&[
        "import-table",
        "pl3.txt",
        "-o",
        "content/documents/khanh-hoa/kh-1-2020/appendices/03-attt.yaml",
    ]);
    let report = printed(&output);
    assert!(output.status.success(), "{report}");
    let yaml = std::fs::read_to_string(
        project
            .path()
            .join("content/documents/khanh-hoa/kh-1-2020/appendices/03-attt.yaml"),
    )
    .expect("written");
    assert!(yaml.contains("id: iii\nnumber: \"III\"\n"), "{yaml}");
    assert!(
        yaml.contains("title: \"DANH MỤC DỰ ÁN AN TOÀN THÔNG TIN GIAI ĐOẠN 2021 - 2025\""),
        "{yaml}"
    );
    assert!(
        yaml.contains(
            "caption: \"(Kèm theo Kế hoạch số 10/QĐ-KH-UBND ngày 09/2/2020 của UBND tỉnh Khánh Hòa)\""
        ),
        "as printed: {yaml}"
    );
    assert!(yaml.contains("unit: trieu-dong\n"), "{yaml}");
    assert!(yaml.contains("totals: { amount: \"3.000,5\" }"), "{yaml}");
    assert!(
        report.contains("pl3.txt:1-8: đầu phụ lục: số \"III\""),
        "{report}"
    );
    assert!(
        report.contains(
            "pl3.txt:1: cần kiểm tra: dòng kèm theo ghi số \"10/QĐ-KH-UBND\" nhưng văn bản là số 1/KH-UBND"
        ),
        "{report}"
    );
    assert!(
        report.contains("ghi ngày 9/2/2020 nhưng văn bản ban hành ngày 9/10/2020"),
        "{report}"
    );
    assert!(
        report.contains("Đã chuyển 2 hàng; 0 dòng chưa xếp được"),
        "{report}"
    );
    let output = project.run(&["check"]);
    assert!(output.status.success(), "{}", printed(&output));

    // The unit given on the command line wins, and a different printed one is reported.
    let (_, report, ok) = import_stdin(&project, &["--unit", "dong"], &format!("{heading}{table}"));
    assert!(ok, "{report}");
    assert!(
        report.contains("--unit dong nhưng bảng in \"triệu đồng\""),
        "{report}"
    );
}
