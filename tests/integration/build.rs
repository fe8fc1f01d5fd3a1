//! `congkhai build` on a valid fixture site: the pages exist and say what the content says.

use crate::common;
use common::{Project, printed};

#[test]
fn a_valid_site_builds_every_kind_of_page() {
    let project = Project::new();
    let output = project.run(&["build"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Đã tạo 27 trang"),
        "summary line in Vietnamese: {text}"
    );
    for page in [
        "index.html",
        "tinh/khanh-hoa/index.html",
        "tinh/khanh-hoa/du-an/index.html",
        "du-an/kh-1-2020-i-i-1/index.html",
        "chi-tieu/phuong-phap/index.html",
        "doi-chieu-tong/index.html",
        "van-ban/kh-1-2020/index.html",
        "van-ban/kh-1-2020/phu-luc-i/index.html",
        "van-ban/bc-1-2021/index.html",
        "co-quan/so-tttt-khanh-hoa/index.html",
        "chi-tieu/index.html",
        "chi-tieu/ho-so-truc-tuyen/index.html",
        "du-an/index.html",
        "tinh/index.html",
        "van-ban/index.html",
        "gioi-thieu/index.html",
        "thuat-ngu/index.html",
        "du-lieu/schema/index.html",
        "du-lieu/schema/noi-dung/index.html",
        "404.html",
    ] {
        let html = project.page(page);
        assert!(
            html.contains("<html lang=\"vi\">") || html.contains("<html lang=vi>"),
            "{page}"
        );
    }
}

#[test]
fn document_page_shows_legal_metadata_in_vietnamese() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let html = project.page("van-ban/kh-1-2020/index.html");
    assert!(html.contains("1/KH-UBND"));
    assert!(html.contains("ngày 09 tháng 10 năm 2020"));
    assert!(html.contains("Ủy ban nhân dân tỉnh Khánh Hòa"));
    assert!(html.contains("Nguyễn Văn A"));
    assert!(html.contains("2021 – 2025"));
    assert!(
        html.contains("id=muc-tieu-1-muc-tieu-cu-the"),
        "heading anchor"
    );
    assert!(
        html.contains("Được báo cáo bởi"),
        "reverse relation from the report"
    );
    assert!(
        html.contains("749/QĐ-TTg"),
        "external relation named by number"
    );
}

#[test]
fn appendix_page_keeps_amounts_as_printed_and_flags_wrong_totals() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let html = project.page("van-ban/kh-1-2020/phu-luc-i/index.html");
    assert!(html.contains("1.747.201,5"));
    assert!(html.contains(
        "văn bản ghi 100 triệu đồng nhưng tổng các dòng là 90 triệu đồng (chênh lệch 10)"
    ));
    assert!(html.contains("TỔNG CỘNG"));
}

#[test]
fn targets_get_a_status_from_linked_measurements() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let html = project.page("chi-tieu/ho-so-truc-tuyen/index.html");
    assert!(html.contains("status-dat"), "600/1000 = 60% meets ≥ 50%");
    assert!(html.contains("≥\u{a0}50%"), "the sign held to its figure");
}

#[test]
fn agencies_are_found_through_their_aliases() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let html = project.page("co-quan/so-tttt-khanh-hoa/index.html");
    assert!(html.contains("Trung tâm dữ liệu"), "alias “Sở TTTT”");
    assert!(
        html.contains("Phần mềm một cửa"),
        "alias “Sở Thông tin và Truyền thông”"
    );
    assert!(
        html.contains("1.747.090"),
        "total in triệu đồng, Vietnamese format"
    );
}

#[test]
fn base_url_sub_path_prefixes_every_link() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let html = project.page("index.html");
    assert!(
        html.contains("href=/cong-khai/assets/style."),
        "stylesheet under the sub-path"
    );
    assert!(
        !html.contains("href=/van-ban") && !html.contains("href=\"/van-ban"),
        "no link leaves the sub-path"
    );
}

#[test]
fn failed_build_leaves_previous_output_byte_identical() {
    let project = Project::new();
    assert!(project.run(&["build"]).status.success());
    let before = snapshot(&project.path().join("output"));
    project.edit(
        "documents/khanh-hoa/kh-1-2020/targets.yaml",
        "value: \"50\"",
        "value: \"năm mươi\"",
    );
    let output = project.run(&["build"]);
    assert!(!output.status.success());
    assert!(printed(&output).contains("giữ nguyên"));
    assert_eq!(before, snapshot(&project.path().join("output")));
    let leftovers: Vec<_> = std::fs::read_dir(project.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".output"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder left behind");
}

/// A build replaces its whole output folder, so it refuses one that holds anything it did not
/// write: the content folder, the theme, the project folder, a file, a folder of other
/// files. Nothing of them is touched. An empty folder, a new one or its own previous output
/// is replaced.
#[test]
fn a_build_never_replaces_what_it_did_not_write() {
    let project = Project::new();
    let root = project.path();
    std::fs::write(root.join("ghi-chu.txt"), "quan trọng").expect("write");
    std::fs::create_dir(root.join("tai-lieu")).expect("mkdir");
    std::fs::write(root.join("tai-lieu/bao-cao.docx"), "…").expect("write");
    for output in ["content", "themes", ".", "ghi-chu.txt", "tai-lieu"] {
        let before = snapshot(root);
        let result = project.run(&["build", "--output", output]);
        let text = printed(&result);
        assert_eq!(result.status.code(), Some(1), "--output {output}: {text}");
        assert!(
            text.contains("không phải do congkhai dựng")
                || text.contains("không phải là một thư mục")
                || text.contains("nằm trong thư mục đầu ra"),
            "--output {output}: {text}"
        );
        assert_eq!(
            before,
            snapshot(root),
            "--output {output} left everything as it was"
        );
    }
    std::fs::create_dir(root.join("trong")).expect("mkdir");
    for output in ["trong", "moi", "moi"] {
        let result = project.run(&["build", "--output", output]);
        assert!(
            result.status.success(),
            "--output {output}: {}",
            printed(&result)
        );
        assert!(root.join(output).join("sitemap.xml").is_file());
    }
}

/// Content kept inside a previous output folder would be deleted when the build replaces
/// that folder, and output written inside the content would be read back as content: both
/// are refused before anything is read or written.
#[test]
fn a_build_refuses_content_inside_its_output_and_output_inside_its_content() {
    let project = Project::new();
    let root = project.path();
    assert!(project.run(&["build"]).status.success());
    common::copy_tree(&root.join("content"), &root.join("output/noi-dung"));
    let before = snapshot(root);
    let result = project.run(&["build", "--content", "output/noi-dung"]);
    let text = printed(&result);
    assert_eq!(result.status.code(), Some(1), "{text}");
    assert!(
        text.contains("thư mục nội dung output/noi-dung nằm trong thư mục đầu ra output"),
        "{text}"
    );
    assert_eq!(
        before,
        snapshot(root),
        "the content inside the output was kept"
    );

    let result = project.run(&["build", "--output", "content/documents/trang"]);
    let text = printed(&result);
    assert_eq!(result.status.code(), Some(1), "{text}");
    assert!(
        text.contains("nằm trong thư mục nội dung content"),
        "{text}"
    );
    assert!(!root.join("content/documents/trang").exists());
    assert_eq!(before, snapshot(root));
}

/// A link to what is never published (the Markdown or YAML behind a page, a path above the
/// portal) is found by `check`, at its line; one to a page that does not exist only the build
/// can find, and it says where it was written too.
#[test]
fn links_that_lead_nowhere_are_errors_at_the_line_that_wrote_them() {
    let project = Project::new();
    let section = "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md";
    project.edit(
        section,
        "Phấn đấu",
        "Xem [kế hoạch](../document.yaml), [gốc](../../../../etc/passwd). Phấn đấu",
    );
    let text = project.check_fails();
    assert!(
        text.contains(
            "01-muc-tieu.md:5:5: lỗi: liên kết “../document.yaml” trỏ tới một tệp nội dung"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "01-muc-tieu.md:5:35: lỗi: liên kết “../../../../etc/passwd” đi ra ngoài cổng"
        ),
        "{text}"
    );
    project.edit(
        section,
        "Xem [kế hoạch](../document.yaml), [gốc](../../../../etc/passwd). ",
        "Xem [trang](../kh-9-2020/). ",
    );
    assert!(project.run(&["check"]).status.success());
    let output = project.run(&["build"]);
    let printed = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{printed}");
    assert!(
        printed.contains("01-muc-tieu.md:5:5: lỗi: liên kết “../kh-9-2020/”"),
        "{printed}"
    );
}

#[test]
fn a_link_to_a_file_beside_a_section_fails_the_build_with_advice() {
    let project = Project::new();
    let section = "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md";
    let text = std::fs::read_to_string(project.file(section)).expect("section");
    project.write(section, &format!("{text}\n\n![Sơ đồ tổ chức](so-do.png)\n"));
    project.write("documents/khanh-hoa/kh-1-2020/sections/so-do.png", "png");
    let output = project.run(&["build"]);
    let printed = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{printed}");
    assert!(
        printed.contains(
            "01-muc-tieu.md:12:1: lỗi: liên kết “so-do.png” trỏ tới trang hoặc tệp không tồn tại"
        ),
        "at the line that wrote it: {printed}"
    );
    assert!(
        printed.contains("nằm trong thư mục files/ của văn bản")
            && printed.contains("“../files/ten-tep.pdf”"),
        "says where such a file goes: {printed}"
    );
}

fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}
