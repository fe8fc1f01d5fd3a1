//! `congkhai check` reports each class of error at the right file:line:column, all at once.

use crate::common;
use common::{Project, printed};

const PLAN: &str = "documents/khanh-hoa/kh-1-2020/document.yaml";
const TARGETS: &str = "documents/khanh-hoa/kh-1-2020/targets.yaml";
const APPENDIX: &str = "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml";
const MEASUREMENTS: &str = "documents/khanh-hoa/bc-1-2021/measurements.yaml";

fn expect(text: &str, place: &str, message: &str) {
    let line = text
        .lines()
        .find(|l| l.contains(place))
        .unwrap_or_else(|| panic!("no diagnostic at {place}:\n{text}"));
    assert!(
        line.contains(message),
        "at {place} expected “{message}”, got: {line}\n{text}"
    );
}

#[test]
fn a_valid_site_passes_check() {
    let project = Project::new();
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("0 lỗi, 1 cảnh báo"), "{text}");
}

#[test]
fn deny_warnings_turns_the_totals_warning_into_failure() {
    let project = Project::new();
    let output = project.run(&["check", "--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn yaml_syntax_error_points_at_the_line() {
    let project = Project::new();
    project.edit(TARGETS, "  section: muc-tieu\n", "  section: \"muc-tieu\n");
    let text = project.check_fails();
    expect(&text, "targets.yaml:3:10", "YAML không hợp lệ");
}

#[test]
fn wrong_type_is_reported_where_it_is() {
    let project = Project::new();
    project.edit(TARGETS, "year: 2025", "year: \"hai nghìn\"");
    let text = project.check_fails();
    expect(&text, "targets.yaml:9:9", "ở đây cần một số nguyên");
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let project = Project::new();
    project.edit(PLAN, "title:", "titel:");
    let text = project.check_fails();
    expect(&text, "document.yaml:7:1", "trường `titel` không có ở đây");
    assert!(text.contains("`title`"), "did you mean: {text}");
}

#[test]
fn missing_required_field_is_named() {
    let project = Project::new();
    project.edit(PLAN, "issuer: ubnd-khanh-hoa\n", "");
    let text = project.check_fails();
    expect(&text, "kh-1-2020/document.yaml", "thiếu trường `issuer`");
}

#[test]
fn duplicate_ids_are_errors() {
    let project = Project::new();
    project.write(
        "agencies/more.yaml",
        "- id: so-tai-chinh-khanh-hoa\n  name: \"Sở Tài chính\"\n  province: khanh-hoa\n",
    );
    let text = project.check_fails();
    expect(
        &text,
        "agencies/more.yaml:1:7",
        "“so-tai-chinh-khanh-hoa” bị trùng ID",
    );
}

#[test]
fn dangling_references_are_errors_with_suggestions() {
    let project = Project::new();
    project.edit(PLAN, "issuer: ubnd-khanh-hoa", "issuer: ubnd-khanh-hao");
    project.edit(PLAN, "province: khanh-hoa", "province: khanh-ha");
    project.edit(
        TARGETS,
        "indicator: ho-so-truc-tuyen",
        "indicator: ho-so-truc-tuyenn",
    );
    project.edit(
        MEASUREMENTS,
        "id: ho-so-truc-tuyen-2025 }",
        "id: ho-so-2025 }",
    );
    project.edit(
        "documents/khanh-hoa/bc-1-2021/document.yaml",
        "document: kh-1-2020",
        "document: kh-2-2020",
    );
    let text = project.check_fails();
    expect(
        &text,
        "kh-1-2020/document.yaml:5:9",
        "không có cơ quan “ubnd-khanh-hao”",
    );
    expect(
        &text,
        "kh-1-2020/document.yaml:6:11",
        "không có tỉnh “khanh-ha”",
    );
    expect(
        &text,
        "targets.yaml:4:14",
        "không có chỉ số “ho-so-truc-tuyenn”",
    );
    expect(
        &text,
        "measurements.yaml:3:38",
        "không có chỉ tiêu “ho-so-2025”",
    );
    expect(
        &text,
        "bc-1-2021/document.yaml:9:",
        "không có văn bản “kh-2-2020”",
    );
    assert!(
        text.contains("“ubnd-khanh-hoa”"),
        "suggests the near miss: {text}"
    );
}

#[test]
fn impossible_dates_are_errors() {
    let project = Project::new();
    project.edit(PLAN, "issued: 2020-10-09", "issued: 2020-02-30");
    let text = project.check_fails();
    expect(
        &text,
        "kh-1-2020/document.yaml:4:9",
        "ngày không hợp lệ “2020-02-30”",
    );
}

#[test]
fn amounts_that_do_not_parse_are_errors() {
    let project = Project::new();
    project.edit(APPENDIX, "amount: \"201,5\"", "amount: \"20.15\"");
    let text = project.check_fails();
    expect(&text, "01-du-an.yaml:16:", "số tiền “20.15” không đọc được");
}

#[test]
fn unknown_column_in_a_row_suggests_the_column() {
    let project = Project::new();
    project.edit(
        APPENDIX,
        "agency: \"Sở Tài chính\"",
        "agncy: \"Sở Tài chính\"",
    );
    let text = project.check_fails();
    expect(&text, "01-du-an.yaml:16:", "cột “agncy”");
    assert!(text.contains("`agency`"), "{text}");
}

#[test]
fn totals_mismatch_is_a_warning_with_both_figures() {
    let project = Project::new();
    let output = project.run(&["check"]);
    let text = printed(&output);
    expect(
        &text,
        "01-du-an.yaml:19:23",
        "cảnh báo: nhóm II, cột “amount”: văn bản ghi 100 triệu đồng nhưng tổng các dòng là 90 triệu đồng (chênh lệch 10)",
    );
}

#[test]
fn every_problem_is_reported_at_once_sorted_by_file_and_line() {
    let project = Project::new();
    project.edit(PLAN, "issued: 2020-10-09", "issued: 2020-13-01");
    project.edit(
        TARGETS,
        "indicator: ho-so-truc-tuyen",
        "indicator: khong-co",
    );
    project.edit(APPENDIX, "amount: \"90\"", "amount: \"9.0\"");
    let text = project.check_fails();
    assert!(text.contains("3 lỗi"), "{text}");
    let order: Vec<usize> = ["01-du-an.yaml", "kh-1-2020/document.yaml", "targets.yaml"]
        .iter()
        .map(|f| {
            text.find(f)
                .unwrap_or_else(|| panic!("{f} missing:\n{text}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "sorted by file: {text}"
    );
}

#[test]
fn errors_say_how_to_fix_them() {
    let project = Project::new();
    project.edit(PLAN, "issued: 2020-10-09", "issued: 09/10/2020");
    let text = project.check_fails();
    assert!(text.contains("gợi ý: viết ngày dạng YYYY-MM-DD"), "{text}");
}

#[test]
fn a_key_written_twice_is_said_in_vietnamese() {
    let project = Project::new();
    project.edit(PLAN, "title:", "number: \"2/KH-UBND\"\ntitle:");
    let text = project.check_fails();
    expect(
        &text,
        "kh-1-2020/document.yaml:7:",
        "khóa “number” được viết hai lần",
    );
    assert!(text.contains("giữ một dòng và xóa dòng kia"), "{text}");
    assert!(!text.contains("DuplicateKeyPolicy"), "{text}");
}

#[test]
fn a_base_url_where_no_portal_can_be_published_is_refused() {
    for (base_url, problem) in [
        ("stttt.khanhhoa.gov.vn", "viết địa chỉ đầy đủ (https://…)"),
        ("ftp://example.gov.vn/", "https:// hoặc http://"),
        ("https://example.gov.vn/cong khai/", "dấu cách"),
        ("//example.com/", "địa chỉ của một máy chủ khác"),
    ] {
        let project = Project::new();
        project.edit(
            "site.yaml",
            "\"https://example.gov.vn/cong-khai/\"",
            &format!("\"{base_url}\""),
        );
        let text = project.check_fails();
        expect(&text, "site.yaml:3:11", problem);
        // The one given on the command line replaces it, and is checked the same way.
        let output = project.run(&["build", "--base-url", "https://a.vn/"]);
        assert!(output.status.success(), "{}", printed(&output));
        let output = project.run(&["build", "--base-url", base_url]);
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(text.contains(problem), "{text}");
    }
}

#[test]
fn a_base_url_without_a_host_is_a_warning_for_sitemap_and_feed() {
    let project = Project::new();
    project.edit(
        "site.yaml",
        "\"https://example.gov.vn/cong-khai/\"",
        "\"/cong-khai/\"",
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "a warning, not an error: {text}");
    expect(&text, "site.yaml:3:11", "không có tên miền");
    for args in [
        &["build", "--base-url", "https://example.gov.vn/cong-khai/"][..],
        &["build", "--relative-links"],
    ] {
        let output = project.run(args);
        let text = printed(&output);
        assert!(output.status.success(), "{args:?}: {text}");
        assert!(!text.contains("không có tên miền"), "{args:?}: {text}");
    }
}

#[test]
fn files_the_system_leaves_are_passed_over_and_others_named() {
    let project = Project::new();
    for name in [
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
        "appendices/~$bang.xlsx",
        "ghi-chu.docx",
    ] {
        project.write(&format!("documents/khanh-hoa/kh-1-2020/{name}"), "x");
    }
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    for quiet in ["Thumbs.db", "desktop.ini", "DS_Store", "~$bang.xlsx"] {
        assert!(!text.contains(quiet), "{quiet} is passed over: {text}");
    }
    expect(&text, "kh-1-2020/ghi-chu.docx", "tệp bị bỏ qua");
}

#[test]
fn an_amount_column_can_only_be_part_of_another_amount_column() {
    let project = Project::new();
    project.edit(
        APPENDIX,
        r#"  - { key: amount, title: "Tổng mức đầu tư", role: amount }"#,
        r#"  - { key: amount, title: "Tổng mức đầu tư", role: amount }
  - { key: y2021, title: "2021", role: amount, part_of: amout }
  - { key: y2022, title: "2022", role: amount, part_of: agency }
  - { key: y2023, title: "2023", role: amount, part_of: y2023 }
  - { key: note, title: "Ghi chú", role: note, part_of: amount }"#,
    );
    let text = project.check_fails();
    expect(&text, "01-du-an.yaml:10:", "part_of: không có cột “amout”");
    expect(
        &text,
        "01-du-an.yaml:11:",
        "part_of: cột “agency” không phải cột kinh phí",
    );
    expect(&text, "01-du-an.yaml:12:", "không thể là phần của chính nó");
    expect(
        &text,
        "01-du-an.yaml:13:",
        "cột “note” không phải cột kinh phí",
    );
}

#[test]
fn a_row_without_its_total_counts_the_sum_of_its_parts() {
    let project = Project::new();
    project.edit(
        APPENDIX,
        r#"  - { key: amount, title: "Tổng mức đầu tư", role: amount }"#,
        r#"  - { key: amount, title: "Tổng mức đầu tư", role: amount }
  - { key: y2021, title: "2021", role: amount, part_of: amount }
  - { key: y2022, title: "2022", role: amount, part_of: amount }"#,
    );
    project.edit(
        APPENDIX,
        r#"amount: "201,5" }"#,
        r#"y2021: "100,5", y2022: "1.000" }"#,
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let projects = common::open_data_json(&project.path().join("output"), "du-an");
    let row = projects
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["name"] == "Mạng chuyên dùng")
        .expect("the row");
    assert_eq!(
        row["amount_text"],
        serde_json::Value::Null,
        "its own total is empty"
    );
    assert_eq!(
        row["amount"].to_string(),
        "1100.5",
        "the sum of its parts: {row}"
    );
    assert_eq!(row["amount_million_dong"].to_string(), "1100.5", "{row}");
    let other = projects
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["name"] == "Trung tâm dữ liệu")
        .expect("the row");
    assert_eq!(
        other["amount_million_dong"].to_string(),
        "1747000",
        "its total wins"
    );
}

#[test]
fn a_reference_to_a_document_that_could_not_be_read_says_so() {
    let project = Project::new();
    project.edit(PLAN, "issued: 2020-10-09", "isued: 2020-10-09");
    let text = project.check_fails();
    expect(
        &text,
        "kh-1-2020/document.yaml:4:",
        "trường `isued` không có ở đây",
    );
    assert!(
        text.contains("văn bản “kh-1-2020” chưa đọc được vì tệp document.yaml của nó có lỗi"),
        "{text}"
    );
    assert!(
        !text.contains("không có văn bản “kh-1-2020”"),
        "the plan exists: {text}"
    );
}

#[test]
fn a_groups_totals_under_a_misspelt_key_are_explained() {
    let project = Project::new();
    project.edit(
        APPENDIX,
        "    totals: { amount: \"100\" }",
        "    total: { amount: \"100\" }",
    );
    let text = project.check_fails();
    expect(
        &text,
        "01-du-an.yaml:19:",
        "trường `amount` không có trong một ô",
    );
    assert!(text.contains("`totals: { … }`"), "{text}");
}

#[test]
fn without_a_content_folder_one_error_says_so_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = common::congkhai(dir.path(), &["check"]);
    let text = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("không tìm thấy thư mục nội dung"), "{text}");
    assert!(text.contains("Kiểm tra xong: 1 lỗi, 0 cảnh báo."), "{text}");
}

/// Control characters show on no page and make the feed ill-formed XML: refused where they
/// are, whether typed (a form feed pasted from a PDF) or written as a YAML escape.
#[test]
fn control_characters_are_refused_at_their_place_typed_or_escaped() {
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "title: \"Kế hoạch",
        "title: \"\\f Kế hoạch",
    );
    project.edit(
        "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md",
        "50% hồ sơ",
        "50%\u{7} hồ sơ",
    );
    let text = project.check_fails();
    expect(&text, "document.yaml:7:8", "ký tự điều khiển U+000C");
    expect(&text, "01-muc-tieu.md:5:27", "ký tự điều khiển U+0007");
    assert!(
        !project.run(&["build"]).status.success(),
        "the build refuses them too"
    );
}

/// "201 500" with a space between the thousands would read 201: an error at the cell, not a
/// figure 1.000 times too small.
#[test]
fn an_amount_grouped_with_spaces_is_an_error_not_a_smaller_number() {
    let project = Project::new();
    project.edit(APPENDIX, "amount: \"201,5\"", "amount: \"201 500\"");
    let text = project.check_fails();
    expect(
        &text,
        "01-du-an.yaml:16:79",
        "các nhóm hàng nghìn ngăn bằng dấu cách: chỉ đọc được 201",
    );
}

/// A title, a name or a target's sentence left empty would be published as an empty
/// heading: refused at its place.
#[test]
fn required_texts_left_blank_are_refused_at_their_place() {
    let project = Project::new();
    project.edit(
        PLAN,
        "title: \"Kế hoạch thử nghiệm chuyển đổi số\"",
        "title: \"  \"",
    );
    project.edit(APPENDIX, "title: \"DANH MỤC DỰ ÁN\"", "title: \"\"");
    let text = project.check_fails();
    expect(&text, "document.yaml:7:8", "không được để trống");
    expect(&text, "01-du-an.yaml:3:8", "không được để trống");
}

/// A document copied into another province's folder: its ID is taken, and the error says
/// where it was first used; its province is not the folder's.
#[test]
fn a_duplicate_id_names_the_first_use_and_a_document_sits_in_its_provinces_folder() {
    let project = Project::new();
    common::copy_tree(
        &project.file("documents/khanh-hoa/bc-1-2021"),
        &project.file("documents/tay-ninh/bc-1-2021"),
    );
    let text = project.check_fails();
    expect(
        &text,
        "documents/tay-ninh/bc-1-2021/document.yaml:1:5",
        "văn bản “bc-1-2021” bị trùng ID: ID này đã dùng ở ",
    );
    assert!(
        text.contains("đã dùng ở ")
            && text.contains("documents/khanh-hoa/bc-1-2021/document.yaml:1:5"),
        "{text}"
    );
    assert!(
        text.contains("văn bản của tỉnh “khanh-hoa” nằm trong thư mục của tỉnh “tay-ninh”"),
        "{text}"
    );
}

/// A heading that asks for an anchor a section or the page already has would send the table
/// of contents and every link to it to the wrong place: it gets another, and the editor is
/// told at its line.
#[test]
fn a_heading_asking_for_a_taken_anchor_is_renamed_with_a_warning() {
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md",
        "## 1. Mục tiêu cụ thể",
        "## 1. Mục tiêu cụ thể {#muc-tieu}",
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    expect(
        &text,
        "01-muc-tieu.md:7:1",
        "tiêu đề xin ID “muc-tieu”, nhưng ID này đã là của một phần hoặc một mục khác của trang: tiêu đề sẽ có ID “muc-tieu-2”",
    );
    assert!(project.run(&["build"]).status.success());
    let page = project.page("van-ban/kh-1-2020/index.html");
    assert_eq!(
        page.matches("id=muc-tieu>").count() + page.matches("id=\"muc-tieu\"").count(),
        1,
        "one element has the section's anchor"
    );
    assert!(page.contains("id=muc-tieu-2"), "the heading has another");
}

/// Sections and appendices are taken in file-name order: one named without its number would
/// land out of place, so the editor is told.
#[test]
fn a_section_file_without_its_number_is_a_warning() {
    let project = Project::new();
    let dir = project.file("documents/khanh-hoa/kh-1-2020/sections");
    std::fs::rename(dir.join("01-muc-tieu.md"), dir.join("muc-tieu.md")).expect("rename");
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    expect(
        &text,
        "sections/muc-tieu.md: cảnh báo",
        "tên tệp “muc-tieu.md” không bắt đầu bằng số thứ tự",
    );
    assert!(text.contains("đổi tên thành “01-muc-tieu.md”"), "{text}");
}

/// The YAML mistakes an editor makes are explained in Vietnamese, with the parser's words
/// after them, and without advice meant for a programmer.
#[test]
fn yaml_mistakes_are_explained_in_vietnamese() {
    for (from, to, said) in [
        (
            "title: \"Kế hoạch thử nghiệm chuyển đổi số\"",
            "title: ~",
            "giá trị để trống (~ hoặc null) ở chỗ cần văn bản hay số",
        ),
        (
            "title: \"Kế hoạch thử nghiệm chuyển đổi số\"",
            "title: Kế hoạch: thử nghiệm",
            "dấu “: ” ở chỗ không được phép",
        ),
        (
            "title: \"Kế hoạch thử nghiệm chuyển đổi số\"",
            "title: \"Kế hoạch\" thử nghiệm",
            "còn chữ sau dấu ngoặc kép đóng",
        ),
    ] {
        let project = Project::new();
        project.edit(PLAN, from, to);
        let text = project.check_fails();
        expect(&text, "kh-1-2020/document.yaml:7:", said);
        assert!(!text.contains("use Option"), "{text}");
    }
}

/// A link to nowhere, or to itself, is told as such, not as one that leads outside.
#[test]
fn a_dangling_or_looping_symlink_is_told_as_such() {
    let project = Project::new();
    let sections = project.file("documents/khanh-hoa/kh-1-2020/sections");
    std::os::unix::fs::symlink("/khong-co/tep.md", sections.join("05-mat.md")).expect("symlink");
    std::os::unix::fs::symlink("06-vong.md", sections.join("06-vong.md")).expect("symlink");
    let text = project.check_fails();
    for name in ["05-mat.md", "06-vong.md"] {
        expect(
            &text,
            &format!("sections/{name}"),
            "trỏ tới nơi không tồn tại, hoặc trỏ vòng về chính nó",
        );
    }
}

/// A year no plan can name, or a percentage above 100, is most often a typing slip: a warning
/// at its place, the build still goes on.
#[test]
fn implausible_years_and_percentages_are_warnings() {
    let project = Project::new();
    project.edit(PLAN, "issued: 2020-10-09", "issued: 2999-10-09");
    project.edit(TARGETS, "value: \"50\"", "value: \"250\"");
    project.edit(TARGETS, "year: 2025", "year: 20255");
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    expect(
        &text,
        "kh-1-2020/document.yaml:4:9",
        "năm 2999 nằm ngoài khoảng 1945–2100",
    );
    expect(
        &text,
        "targets.yaml:1:3",
        "chỉ tiêu 250%: một tỷ lệ phần trăm thường nằm trong 0–100",
    );
    assert!(text.contains("năm 20255 nằm ngoài khoảng"), "{text}");
}
