//! The in-memory preview build behind `congkhai serve`: what each kind of change rebuilds.

use super::Project;
use crate::serve::{Change, Preview, Scope};
use std::sync::Arc;

const SECTION: &str = "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md";
const APPENDIX: &str = "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml";
const DOCUMENT_PAGE: &str = "van-ban/kh-1-2020/index.html";
const APPENDIX_PAGE: &str = "van-ban/kh-1-2020/phu-luc-i/index.html";

fn preview(project: &Project) -> Preview {
    let (preview, outcome) = Preview::new(
        &project.path().join("content"),
        &project.path().join("themes/default"),
        "http://127.0.0.1:1/",
    );
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    preview
}

fn text(preview: &Preview, page: &str) -> String {
    let pages = preview.pages();
    String::from_utf8(pages.get(page).expect(page).to_vec()).expect("utf-8")
}

/// The text of a gzip-compressed file of the preview (the open data).
fn gunzipped(preview: &Preview, file: &str) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&preview.pages().get(file).expect(file)[..])
        .read_to_string(&mut text)
        .expect("gzip of UTF-8 text");
    text
}

#[test]
fn a_section_edit_renders_only_its_document_page() {
    let project = Project::new();
    let mut preview = preview(&project);
    let before = preview.pages();
    project.edit(SECTION, "50% hồ sơ", "80% hồ sơ");
    let outcome = preview.apply(&Change::Section(project.file(SECTION)));
    assert_eq!(outcome.scope, Scope::Section);
    assert!(outcome.changed && outcome.errors.is_empty());
    assert!(text(&preview, DOCUMENT_PAGE).contains("80% hồ sơ"));
    let after = preview.pages();
    assert_eq!(before.len(), after.len());
    for (path, bytes) in after.iter() {
        let same = Arc::ptr_eq(bytes, &before[path]);
        assert_eq!(same, path != DOCUMENT_PAGE, "{path}");
    }
}

#[test]
fn a_template_edit_does_not_read_content_again() {
    let project = Project::new();
    let mut preview = preview(&project);
    // Saved, but the watcher has not reported it: a template change must not pick it up.
    project.edit(SECTION, "50% hồ sơ", "90% hồ sơ");
    let base = project.path().join("themes/default/templates/base.html");
    let html = std::fs::read_to_string(&base).expect("base.html");
    std::fs::write(&base, html.replace("<body>", "<body data-mau=\"moi\">")).expect("write");
    let outcome = preview.apply(&Change::Templates);
    assert_eq!(outcome.scope, Scope::Templates);
    let page = text(&preview, DOCUMENT_PAGE);
    assert!(page.contains("data-mau=\"moi\""));
    assert!(page.contains("50% hồ sơ") && !page.contains("90% hồ sơ"));
}

#[test]
fn a_broken_appendix_keeps_the_last_good_pages_until_fixed() {
    let project = Project::new();
    let mut preview = preview(&project);
    project.edit(APPENDIX, "Trung tâm dữ liệu", "Trung tâm dữ liệu tỉnh");
    let outcome = preview.apply(&Change::Appendix(project.file(APPENDIX)));
    assert_eq!(outcome.scope, Scope::Appendix);
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    assert!(text(&preview, APPENDIX_PAGE).contains("Trung tâm dữ liệu tỉnh"));

    let good = preview.pages();
    project.edit(APPENDIX, "unit: trieu-dong", "unit: [trieu-dong");
    let outcome = preview.apply(&Change::Appendix(project.file(APPENDIX)));
    assert!(!outcome.changed);
    let error = outcome.errors.first().expect("an error").to_string();
    assert!(error.contains("01-du-an.yaml:"), "{error}");
    assert!(Arc::ptr_eq(&good, &preview.pages()), "last good pages kept");

    project.edit(APPENDIX, "unit: [trieu-dong", "unit: trieu-dong");
    let outcome = preview.apply(&Change::Appendix(project.file(APPENDIX)));
    assert!(outcome.errors.is_empty() && outcome.changed);
    // After an error, the next rebuild reads everything again (the pages were stale).
    assert_eq!(outcome.scope, Scope::Full);
}

#[test]
fn a_broken_link_in_the_content_is_blamed_on_the_content_not_the_theme() {
    let project = Project::new();
    let mut preview = preview(&project);
    project.edit(
        SECTION,
        "Phấn đấu",
        "Xem [mục không có](#khong-co). Phấn đấu",
    );
    let outcome = preview.apply(&Change::Content);
    let error = outcome.errors.first().expect("the broken link is an error");
    assert!(error.message.contains("“#khong-co”"), "{error:?}");
    assert_eq!(
        error.place.file,
        project.file(SECTION),
        "at the section that wrote it: {error:?}"
    );
    assert_eq!((error.place.line, error.place.column), (5, 5), "{error:?}");
    let help = error.help.as_deref().unwrap_or_default();
    assert!(!help.contains("mẫu giao diện"), "{help}");
    assert!(
        !error.message.contains("thư mục files/"),
        "an anchor gets no advice about files: {error:?}"
    );
}

#[test]
fn after_a_quick_section_rebuild_the_data_and_the_search_index_catch_up() {
    let project = Project::new();
    let mut preview = preview(&project);
    project.edit(
        SECTION,
        "title: \"I. MỤC TIÊU\"",
        "title: \"I. MỤC TIÊU MỚI\"",
    );
    let quick = preview.apply(&Change::Section(project.file(SECTION)));
    assert_eq!(quick.scope, Scope::Section);
    assert!(quick.errors.is_empty(), "{:?}", quick.errors);
    let page = text(&preview, DOCUMENT_PAGE);
    assert!(page.contains("I. MỤC TIÊU MỚI"));
    let data = "van-ban/kh-1-2020/van-ban.json.gz";
    assert!(
        !gunzipped(&preview, data).contains("MỤC TIÊU MỚI"),
        "the quick rebuild renders the page only"
    );
    let caught_up = preview.catch_up();
    assert!(caught_up.errors.is_empty(), "{:?}", caught_up.errors);
    assert!(gunzipped(&preview, data).contains("I. MỤC TIÊU MỚI"));
    assert!(gunzipped(&preview, "du-lieu/muc.csv.gz").contains("I. MỤC TIÊU MỚI"));
    let pages = preview.pages();
    assert!(
        pages
            .iter()
            .filter(|(path, _)| path.starts_with("tim-kiem/chi-muc/"))
            .any(|(_, bytes)| {
                use std::io::Read;
                let mut text = Vec::new();
                let _ = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut text);
                String::from_utf8_lossy(&text).contains("MỤC TIÊU MỚI")
            }),
        "the search index has the new title"
    );
    assert_eq!(
        text(&preview, DOCUMENT_PAGE),
        page,
        "the page a reader sees is the same"
    );
}

/// A quick rebuild renders one page without the site-wide link check; when the check that
/// follows finds a link of that page leading nowhere, the page from before is served again,
/// as the message says.
#[test]
fn a_quick_page_with_a_broken_link_is_withdrawn_when_the_site_is_checked() {
    let project = Project::new();
    let mut preview = preview(&project);
    let good = text(&preview, DOCUMENT_PAGE);
    project.edit(
        SECTION,
        "50% hồ sơ được xử lý trực tuyến.",
        "50% hồ sơ được xử lý trực tuyến. DAU-HIEU-MOI [x](/khong-co/)",
    );
    let quick = preview.apply(&Change::Section(project.file(SECTION)));
    assert_eq!(quick.scope, Scope::Section);
    assert!(text(&preview, DOCUMENT_PAGE).contains("DAU-HIEU-MOI"));
    let caught_up = preview.catch_up();
    assert!(!caught_up.errors.is_empty(), "the broken link is found");
    assert!(
        caught_up.changed,
        "the open pages must reload to the good page"
    );
    assert_eq!(text(&preview, DOCUMENT_PAGE), good);
}

/// `serve` renders in memory: a document's files are among what it serves.
#[test]
fn a_documents_files_are_served() {
    let project = Project::new();
    let mut signed = b"%PDF-1.7\n".to_vec();
    signed.extend((0..3000u32).map(|i| (i * 7 % 251) as u8));
    let document = "documents/khanh-hoa/kh-1-2020";
    let path = project.file(&format!("{document}/files/ban-ky-so.pdf"));
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, &signed).expect("write");
    project.edit(
        &format!("{document}/document.yaml"),
        "relations:",
        "attachments:\n  - { file: ban-ky-so.pdf, title: \"Bản ký số của kế hoạch\" }\nrelations:",
    );
    let preview = preview(&project);
    let pages = preview.pages();
    let served = pages
        .get("van-ban/kh-1-2020/tep/ban-ky-so.pdf")
        .expect("the PDF is served");
    assert_eq!(served.to_vec(), signed);
}
