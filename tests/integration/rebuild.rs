//! A build over a previous output takes over what did not change: the compressed copies of
//! an unchanged file are linked from the previous build and the file keeps its modification
//! time, while everything else is written afresh. The result must be exactly what a clean
//! build writes.

use crate::common;
use common::{Project, printed};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Every file of a tree, by its path inside the tree, with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|entry| entry.expect("output readable"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry
                .path()
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (
                relative,
                std::fs::read(entry.path()).expect("file readable"),
            )
        })
        .collect()
}

fn build(project: &Project, output: &str) {
    let result = project.run(&["build", "--output", output]);
    assert!(result.status.success(), "{}", printed(&result));
}

/// A moment long before any build: a file that still has it was not written again.
fn long_ago() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(946_684_800)
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

fn set_long_ago(path: &Path) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(long_ago()))
        .expect("set mtime");
}

fn edit_a_section_and_a_row(project: &Project) {
    project.edit(
        "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md",
        "50% hồ sơ được xử lý trực tuyến.",
        "50% hồ sơ được xử lý trực tuyến; 100% văn bản dưới dạng điện tử.",
    );
    project.edit(
        "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml",
        "\"Mạng chuyên dùng\"",
        "\"Mạng truyền số liệu chuyên dùng\"",
    );
}

#[test]
fn a_rebuild_after_an_edit_writes_exactly_what_a_clean_build_writes() {
    let project = Project::new();
    build(&project, "output");
    edit_a_section_and_a_row(&project);
    build(&project, "output");
    build(&project, "clean");
    let rebuilt = tree(&project.path().join("output"));
    let clean = tree(&project.path().join("clean"));
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        clean.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &rebuilt {
        assert!(bytes == &clean[path], "{path} differs from a clean build's");
    }
    // The edits reached the pages and the streamed, compressed open data.
    let page = project.page("van-ban/kh-1-2020/index.html");
    assert!(page.contains("100% văn bản dưới dạng điện tử"));
    let mut csv = String::new();
    flate2::read::GzDecoder::new(&rebuilt["du-lieu/du-an.csv.gz"][..])
        .read_to_string(&mut csv)
        .expect("gzip");
    assert!(csv.contains("Mạng truyền số liệu chuyên dùng"));
}

#[test]
fn unchanged_files_keep_their_time_and_changed_ones_are_written_again() {
    let project = Project::new();
    build(&project, "output");
    let output = project.path().join("output");
    let unchanged = [
        "co-quan/ubnd-khanh-hoa/index.html",
        "co-quan/ubnd-khanh-hoa/index.html.br",
        "du-lieu/tinh.csv.gz",
        "du-lieu/tinh.json.gz",
    ];
    let changed = [
        "van-ban/kh-1-2020/index.html",
        "van-ban/kh-1-2020/index.html.gz",
        "du-lieu/du-an.csv.gz",
        "du-lieu/du-an.json.gz",
    ];
    for path in unchanged.iter().chain(&changed) {
        set_long_ago(&output.join(path));
    }
    edit_a_section_and_a_row(&project);
    build(&project, "output");
    for path in unchanged {
        assert_eq!(
            modified(&output.join(path)),
            long_ago(),
            "{path} was rewritten"
        );
    }
    for path in changed {
        assert!(
            modified(&output.join(path)) > long_ago(),
            "{path} kept the previous build's time"
        );
    }
}

#[test]
fn a_page_changed_by_hand_in_the_output_is_written_again_with_fresh_copies() {
    let project = Project::new();
    build(&project, "output");
    let page = project
        .path()
        .join("output/co-quan/ubnd-khanh-hoa/index.html");
    let original = std::fs::read(&page).expect("page");
    let mut tampered = original.clone();
    let at = tampered.len() / 2;
    tampered[at] = if tampered[at] == b'x' { b'y' } else { b'x' };
    std::fs::write(&page, &tampered).expect("write");
    build(&project, "output");
    assert_eq!(std::fs::read(&page).expect("page"), original);
    let mut unzipped = Vec::new();
    let gz = std::fs::read(page.with_extension("html.gz")).expect("gzip copy");
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, original);
}
