//! `congkhai import-table` on a seed range that runs into the next appendix. The seed tables
//! compared with their hand-checked transcriptions are in `src/tests/import_table.rs`.

use crate::common;

/// A range that runs past its appendix into the next stops at the next "Phụ lục" line and
/// says so, instead of taking the next appendix's heading and rows as rows of this one.
#[test]
fn a_second_appendix_in_the_range_is_not_swallowed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("iii.yaml");
    let output = common::congkhai(
        &common::repo(),
        &[
            "import-table",
            "docs/sources/000_64506bf368e2e8c1.txt",
            "--lines",
            "725-829",
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
    );
    let text = common::printed(&output);
    assert!(
        text.contains("000_64506bf368e2e8c1.txt:754: chưa xếp được: phụ lục IV bắt đầu ở dòng này"),
        "{text}"
    );
    assert!(text.contains("Đã chuyển 17 hàng"), "{text}");
    let yaml = std::fs::read_to_string(&out).expect("written");
    assert!(!yaml.contains("Phụ lục IV"), "{yaml}");
}
