//! Files published beside a document's page (its `files/` folder): the signed original, a
//! diagram. They are copied as they are, listed on the page with their titles, kind and size,
//! linked from sections, described in the open data with their SHA-256; a file that is unsafe
//! to publish is refused at its place, with what to do.

use crate::common;
use common::{Project, printed};
use sha2::{Digest, Sha256};

const DOCUMENT: &str = "documents/khanh-hoa/kh-1-2020";

fn pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..3000u32).map(|i| (i * 7 % 251) as u8));
    bytes
}

fn write_bytes(project: &Project, relative: &str, bytes: &[u8]) {
    let path = project.file(relative);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn a_documents_files_are_published_listed_linked_and_described() {
    let project = Project::new();
    let signed = pdf();
    let diagram = b"\x89PNG\r\n\x1a\nrest of a picture".to_vec();
    write_bytes(
        &project,
        &format!("{DOCUMENT}/files/ban-ky-so.pdf"),
        &signed,
    );
    write_bytes(&project, &format!("{DOCUMENT}/files/so-do.png"), &diagram);
    project.edit(
        &format!("{DOCUMENT}/document.yaml"),
        "relations:",
        "attachments:\n  - { file: ban-ky-so.pdf, title: \"Bản ký số của kế hoạch\" }\nrelations:",
    );
    project.edit(
        &format!("{DOCUMENT}/sections/01-muc-tieu.md"),
        "Phấn đấu đến năm 2025",
        "Xem [bản ký số](../files/ban-ky-so.pdf) và ![Sơ đồ](../files/so-do.png). Phấn đấu đến năm 2025",
    );
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));

    let folder = project.path().join("output/van-ban/kh-1-2020/tep");
    assert_eq!(
        std::fs::read(folder.join("ban-ky-so.pdf")).expect("pdf"),
        signed
    );
    assert_eq!(
        std::fs::read(folder.join("so-do.png")).expect("png"),
        diagram
    );
    assert!(
        !folder.join("ban-ky-so.pdf.gz").exists(),
        "a PDF is not compressed again"
    );

    let page = project.page("van-ban/kh-1-2020/index.html");
    let list = page
        .split("id=tep-dinh-kem")
        .nth(1)
        .expect("the page has a section of attached files");
    let list = &list[..list.find("</section>").expect("section ends")];
    assert!(list.contains("Tệp đính kèm"), "{list}");
    let titled = list.find("Bản ký số của kế hoạch").expect("title shown");
    let untitled = list
        .find("so-do.png</a>")
        .expect("an untitled file's link reads its name");
    assert!(
        titled < untitled,
        "files listed first keep their order: {list}"
    );
    assert!(list.contains("(PDF, 3 kB, ban-ky-so.pdf)"), "{list}");
    assert!(list.contains("ảnh PNG"), "{list}");
    assert!(
        list.contains("/van-ban/kh-1-2020/tep/ban-ky-so.pdf"),
        "{list}"
    );
    assert!(
        page.contains(r#"href=tep/ban-ky-so.pdf"#) || page.contains(r#"href="tep/ban-ky-so.pdf""#),
        "the section's link points where the file is published"
    );
    assert!(
        page.contains("src=tep/so-do.png") || page.contains(r#"src="tep/so-do.png""#),
        "the section's picture too"
    );
    assert!(page.contains(r#""encoding":[{"#), "JSON-LD lists the files");

    let data = common::document_json(&project.path().join("output"), "kh-1-2020");
    let files = data["attachments"].as_array().expect("attachments");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["name"], "ban-ky-so.pdf");
    assert_eq!(files[0]["title"], "Bản ký số của kế hoạch");
    assert_eq!(files[0]["media_type"], "application/pdf");
    assert_eq!(files[0]["bytes"], signed.len());
    assert_eq!(files[0]["url"], "van-ban/kh-1-2020/tep/ban-ky-so.pdf");
    let sha: String = Sha256::digest(&signed)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(files[0]["sha256"], sha);
    assert_eq!(files[1]["title"], serde_json::Value::Null);
    // `serve` renders in memory: `src/tests/preview.rs` checks that the files are served.
}

#[test]
fn files_unsafe_to_publish_are_refused_where_they_are() {
    let project = Project::new();
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let before = project.page("van-ban/kh-1-2020/index.html");

    let files = format!("{DOCUMENT}/files");
    write_bytes(&project, &format!("{files}/Kế hoạch 1533.pdf"), &pdf());
    write_bytes(
        &project,
        &format!("{files}/so-do.svg"),
        b"<svg onload=alert(1)>",
    );
    write_bytes(
        &project,
        &format!("{files}/gia.pdf"),
        b"<html><script>alert(1)</script>",
    );
    write_bytes(&project, &format!("{files}/rong.pdf"), b"");
    write_bytes(&project, &format!("{files}/bang.csv"), b"T\xeanh;S\xf4\n");
    let huge = std::fs::File::create(project.file(&format!("{files}/lon.pdf"))).expect("file");
    huge.set_len(65 * 1024 * 1024)
        .expect("a sparse file of 65 MiB");
    project.edit(
        &format!("{DOCUMENT}/document.yaml"),
        "relations:",
        "attachments:\n  - { file: ban-ky.pdf, title: \"Bản ký\" }\n  - { file: gia.pdf, title: \"Giả\" }\n  - { file: gia.pdf, title: \"Lần nữa\" }\nrelations:",
    );
    let text = project.check_fails();
    for expected in [
        "Kế hoạch 1533.pdf",
        "đổi tên thành “ke-hoach-1533.pdf”",
        "so-do.svg",
        "không thuộc loại được công bố",
        "gia.pdf” không phải tệp PDF",
        "rong.pdf” rỗng",
        "không phải văn bản UTF-8",
        "tệp quá lớn để công bố (68,2 MB, tối đa 64 MB)",
        "không có tệp “ban-ky.pdf” trong thư mục files/",
        "được liệt kê hai lần",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        text.contains("kh-1-2020/document.yaml:11:13"),
        "the missing file is pointed at in document.yaml:\n{text}"
    );
    let output = project.run(&["build"]);
    assert!(!output.status.success());
    assert_eq!(
        project.page("van-ban/kh-1-2020/index.html"),
        before,
        "a refused build leaves the portal as it was"
    );
}

#[cfg(unix)]
#[test]
fn a_file_linked_from_outside_the_content_folder_is_refused() {
    let project = Project::new();
    let outside = project.path().join("secret.pdf");
    std::fs::write(&outside, pdf()).expect("write");
    std::fs::create_dir_all(project.file(&format!("{DOCUMENT}/files"))).expect("mkdir");
    std::os::unix::fs::symlink(
        &outside,
        project.file(&format!("{DOCUMENT}/files/secret.pdf")),
    )
    .expect("symlink");
    let text = project.check_fails();
    assert!(text.contains("secret.pdf"), "{text}");
    assert!(text.contains("ra ngoài thư mục nội dung"), "{text}");
}

#[test]
fn a_section_linking_a_file_that_is_not_there_is_refused_where_the_link_is() {
    let project = Project::new();
    write_bytes(&project, &format!("{DOCUMENT}/files/ban-ky-so.pdf"), &pdf());
    project.edit(
        &format!("{DOCUMENT}/sections/01-muc-tieu.md"),
        "Phấn đấu",
        "Xem [bản ký](../files/ban-ky-so.pdf) và [bản cũ](./../files/ban-ky.pdf). Phấn đấu",
    );
    let text = project.check_fails();
    assert!(
        text.contains("sections/01-muc-tieu.md:5:41: lỗi: liên kết tới tệp “ban-ky.pdf” nhưng thư mục files/ của văn bản không có tệp này"),
        "the check finds it, at the link: {text}"
    );
    assert!(text.contains("có phải “ban-ky-so.pdf”?"), "{text}");
    assert_eq!(
        text.matches("liên kết tới tệp").count(),
        1,
        "the file that is there is fine"
    );
    let output = project.run(&["build"]);
    assert!(!output.status.success(), "the build refuses it too");
}
