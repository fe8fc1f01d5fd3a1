//! The command line's help and its errors are in Vietnamese, like everything else an editor
//! reads.

use crate::common;
use common::{congkhai, printed};

#[test]
fn help_screens_are_in_vietnamese() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["help", "build"],
        &["build", "--help"],
        &["import-table", "--help"],
        &["new", "--help"],
        &["help", "new"],
    ] {
        let output = congkhai(dir.path(), args);
        let text = printed(&output);
        assert!(output.status.success(), "{args:?}: {text}");
        assert!(text.contains("Cách dùng: congkhai"), "{args:?}: {text}");
        assert!(text.contains("In trợ giúp"), "{args:?}: {text}");
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
        ] {
            assert!(
                !text.contains(english),
                "{args:?} prints {english:?}: {text}"
            );
        }
    }
    let top = printed(&congkhai(dir.path(), &["--help"]));
    assert!(top.contains("Lệnh:") && top.contains("Tùy chọn:"), "{top}");
    assert!(top.contains("In phiên bản"), "{top}");
    let build = printed(&congkhai(dir.path(), &["build", "--help"]));
    assert!(build.contains("(mặc định: content)"), "{build}");
    let table = printed(&congkhai(dir.path(), &["import-table", "--help"]));
    assert!(table.contains("Đối số:"), "{table}");
}

#[test]
fn command_line_mistakes_are_explained_in_vietnamese() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (args, expected) in [
        (&["build", "--bogus"][..], "không có tùy chọn `--bogus`"),
        (
            &["bulid"],
            "không có lệnh `bulid`; có phải ý bạn là `build`?",
        ),
        (&["import-table"], "thiếu <FILE>"),
        (
            &["serve", "--port", "abc"],
            "“abc” không hợp lệ cho --port <PORT>: không phải một số nguyên dương",
        ),
        (&["serve", "--port", "99999"], "ngoài khoảng 0..=65535"),
        (
            &["import-table", "bang.txt", "--number-format", "xx"],
            "dùng vi (1.234,5) hoặc us (1,234.5)",
        ),
    ] {
        let output = congkhai(dir.path(), args);
        let text = printed(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.starts_with("lỗi dòng lệnh: "), "{args:?}: {text}");
        assert!(text.contains(expected), "{args:?}: {text}");
        assert!(
            text.contains("gợi ý: xem `congkhai --help`"),
            "{args:?}: {text}"
        );
        assert!(!text.contains("error:"), "{args:?}: {text}");
    }
    let bare = congkhai(dir.path(), &[]);
    assert_eq!(
        bare.status.code(),
        Some(2),
        "no command: the help, as a mistake"
    );
    assert!(printed(&bare).contains("Cách dùng: congkhai"));
}

#[test]
fn a_file_that_cannot_be_read_is_explained_in_vietnamese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = congkhai(dir.path(), &["import-table", "khong-co.txt"]);
    let text = printed(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("khong-co.txt: không đọc được tệp: không có tệp hoặc thư mục này"),
        "{text}"
    );
}
