//! Messages an editor meets, said once, in one language, at the place to fix: a broken link in
//! a section's raw HTML at its file and line; a did-you-mean in Vietnamese only; import-table's
//! spreadsheet error once and its `--lines` past the end of the file said as such.

use crate::common;

use common::{Project, printed};

#[test]
fn a_broken_link_in_raw_html_is_reported_at_its_line_in_the_section() {
    let project = Project::new();
    let section = "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md";
    let text = std::fs::read_to_string(project.file(section)).expect("section");
    let written =
        format!("{text}\nẢnh: <img src=x alt=\"sơ đồ\"> và <a href=\"../khong-co/\">trang</a>.\n");
    project.write(section, &written);
    let line = 1 + written
        .lines()
        .position(|l| l.starts_with("Ảnh:"))
        .expect("written");
    let output = project.run(&["build"]);
    let text = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "01-muc-tieu.md:{line}:6: lỗi: liên kết “x” trỏ tới trang hoặc tệp không tồn tại"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "01-muc-tieu.md:{line}:33: lỗi: liên kết “../khong-co/”"
        )),
        "{text}"
    );
    assert!(
        !text.contains("index.html"),
        "not at the output page: {text}"
    );
}

#[test]
fn did_you_mean_is_said_in_vietnamese_only() {
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "issuer: ubnd-khanh-hoa",
        "issuer: ubnd-khanh-hao",
    );
    let text = project.check_fails();
    assert!(text.contains("có phải “ubnd-khanh-hoa”?"), "{text}");
    assert!(!text.contains("did you mean"), "{text}");
}

#[test]
fn import_table_says_a_spreadsheet_error_once_and_lines_past_the_end() {
    let project = Project::new();
    std::fs::write(project.path().join("hong.xlsx"), "không phải bảng tính").expect("write");
    let output = project.run(&["import-table", "hong.xlsx"]);
    let text = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(text.matches("Zip archive").count(), 1, "{text}");
    assert!(text.contains("lưu lại dạng .xlsx"), "{text}");

    std::fs::write(project.path().join("bang.txt"), "STT\tTên\n1\tA\n2\tB\n").expect("write");
    let output = project.run(&["import-table", "bang.txt", "--lines", "40-60"]);
    let text = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("--lines 40-60: tệp chỉ có 3 dòng, dòng đầu 40 đã quá cuối tệp"),
        "{text}"
    );
    let output = project.run(&["import-table", "bang.txt", "--lines", "1-60"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("--lines 1-60: tệp chỉ có 3 dòng; đã đọc đến dòng 3"),
        "{text}"
    );
    assert!(text.contains("Đã chuyển 2 hàng"), "{text}");
}
