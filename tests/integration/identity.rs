//! Who publishes the portal and where a document's original is: `agency`, `emblem` and
//! `updated` in `site.yaml`, `updated` and `original_url` in `document.yaml`, the glossary;
//! shown in every page's footer, on the about page and on the document's page, and refused at
//! their place when they cannot be used.

use crate::common;
use common::{Project, printed};

const DOCUMENT: &str = "documents/khanh-hoa/kh-1-2020/document.yaml";

fn with_agency(project: &Project) {
    project.edit(
        "site.yaml",
        "publisher: \"Sở Thông tin và Truyền thông\"\n",
        "agency:\n  name: \"Sở Khoa học và Công nghệ tỉnh Thử\"\n  parent: \"Ủy ban nhân dân tỉnh Thử\"\n  \
         address: \"01 Đường Thử, thành phố Thử\"\n  phone: \"0258 000 000\"\n  email: \"lienhe@example.gov.vn\"\n\
         emblem: bieu-trung.svg\nupdated: 2026-11-30\nupdate_frequency: \"Cập nhật hằng tháng.\"\n\
         licence: { name: \"CC0-1.0\", title: \"Creative Commons Zero v1.0 Universal\", url: \"https://creativecommons.org/publicdomain/zero/1.0/\" }\n",
    );
    project.write(
        "bieu-trung.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"5\" fill=\"#c00\"/></svg>\n",
    );
}

#[test]
fn the_agency_its_contact_its_emblem_and_the_update_date_are_on_every_page() {
    let project = Project::new();
    with_agency(&project);
    project.edit(
        DOCUMENT,
        "relations:",
        "updated: 2026-12-01\noriginal_url: \"https://thu.example.gov.vn/van-ban/1-kh-ubnd.pdf\"\nrelations:",
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    for page in ["index.html", "van-ban/kh-1-2020/index.html", "404.html"] {
        let html = project.page(page);
        for text in [
            "Sở Khoa học và Công nghệ tỉnh Thử",
            "01 Đường Thử, thành phố Thử",
            "0258 000 000",
            "mailto:lienhe@example.gov.vn",
            // The latest of site.yaml's date and the documents'.
            "Cập nhật lần cuối: 01/12/2026",
            "/cong-khai/assets/bieu-trung/bieu-trung.svg",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ] {
            assert!(html.contains(text), "{page} lacks {text}");
        }
    }
    assert!(
        project
            .path()
            .join("output/assets/bieu-trung/bieu-trung.svg")
            .is_file(),
        "the emblem is published"
    );
    let about = project.page("gioi-thieu/index.html");
    assert!(about.contains("Ủy ban nhân dân tỉnh Thử") && about.contains("Cập nhật hằng tháng."));
    let document = project.page("van-ban/kh-1-2020/index.html");
    assert!(document.contains("https://thu.example.gov.vn/van-ban/1-kh-ubnd.pdf"));
    assert!(
        document.contains("01/12/2026"),
        "the document's own update date"
    );
    let package = std::fs::read_to_string(project.path().join("output/du-lieu/datapackage.json"))
        .expect("datapackage");
    assert!(
        package.contains("Sở Khoa học và Công nghệ tỉnh Thử"),
        "the agency publishes the open data"
    );
    assert!(
        package.contains("\"CC0-1.0\"") && !package.contains("CC-BY-4.0"),
        "the licence of site.yaml is the open data's"
    );
}

#[test]
fn a_signed_pdf_in_files_is_the_original_the_page_links_to() {
    let project = Project::new();
    let path = project.file("documents/khanh-hoa/kh-1-2020/files/ban-ky-so.pdf");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, b"%PDF-1.7\nsigned\n").expect("write");
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let document = project.page("van-ban/kh-1-2020/index.html");
    assert!(
        document.contains("/cong-khai/van-ban/kh-1-2020/tep/ban-ky-so.pdf")
            && document.contains("Bản gốc có chữ ký (PDF)"),
        "{document}"
    );
    // The attachments' folder has a page of its own.
    let folder = project.page("van-ban/kh-1-2020/tep/index.html");
    assert!(folder.contains("ban-ky-so.pdf"));
    // Without one, the page says so.
    let plain = project.page("van-ban/bc-1-2021/index.html");
    assert!(plain.contains("Cổng chưa có bản gốc của văn bản này."));
}

#[test]
fn an_emblem_or_an_original_that_cannot_be_used_is_an_error_at_its_place() {
    let project = Project::new();
    project.edit(
        "site.yaml",
        "language: vi",
        "language: vi\nemblem: khong-co.svg",
    );
    project.edit(
        DOCUMENT,
        "relations:",
        "original_url: \"thu.example.gov.vn/van-ban.pdf\"\nrelations:",
    );
    let text = project.check_fails();
    assert!(
        text.contains("site.yaml:6:9") && text.contains("không có tệp này bên cạnh site.yaml"),
        "{text}"
    );
    assert!(
        text.contains("document.yaml:10:15") && text.contains("original_url"),
        "{text}"
    );
}

#[test]
fn the_glossary_marks_first_uses_and_refuses_a_term_written_twice() {
    let project = Project::new();
    project.write(
        "glossary.yaml",
        "- term: CĐS\n  full: \"chuyển đổi số\"\n- term: TTHC\n  full: \"thủ tục hành chính\"\n  aliases: [\"TTHC\"]\n",
    );
    let text = project.check_fails();
    assert!(
        text.contains("glossary.yaml:3:9") && text.contains("“TTHC” đã có trong bảng thuật ngữ"),
        "{text}"
    );
    project.write(
        "glossary.yaml",
        "- term: TTHC\n  full: \"thủ tục hành chính\"\n  note: \"Việc người dân làm với cơ quan nhà nước.\"\n",
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let glossary = project.page("thuat-ngu/index.html");
    assert!(glossary.contains("thủ tục hành chính") && glossary.contains("id=tthc"));
}
