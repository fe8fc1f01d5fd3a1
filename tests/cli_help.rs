//! The command line's help is in Vietnamese, like everything else an editor reads.

mod common;
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
    let table = printed(&congkhai(dir.path(), &["import-table", "--help"]));
    assert!(table.contains("Đối số:"), "{table}");
}
