//! `congkhai new`: scaffolded documents and appendices pass `congkhai check` at once.

use crate::common;

use common::{Project, printed};

#[test]
fn new_documents_and_appendix_pass_check() {
    let project = Project::new();
    let runs: [&[&str]; 4] = [
        &[
            "new",
            "plan",
            "kh-9-2025",
            "--province",
            "khanh-hoa",
            "--number",
            "9/KH-UBND",
            "--issued",
            "2025-03-31",
        ],
        &[
            "new",
            "report",
            "bc-10-2025",
            "--province",
            "khanh-hoa",
            "--related",
            "kh-9-2025",
            "--issued",
            "2025-10-31",
        ],
        &[
            "new",
            "decision",
            "qd-11-2025",
            "--province",
            "khanh-hoa",
            "--related",
            "kh-9-2025",
            "--issued",
            "2025-03-30",
        ],
        &["new", "appendix", "kh-9-2025", "--title", "DANH MỤC DỰ ÁN"],
    ];
    for args in runs {
        let output = project.run(args);
        assert!(output.status.success(), "{args:?}: {}", printed(&output));
    }
    let document =
        std::fs::read_to_string(project.file("documents/khanh-hoa/kh-9-2025/document.yaml"))
            .expect("document.yaml");
    assert!(document.starts_with(
        "# yaml-language-server: $schema=../../../../docs/schema/document.schema.json"
    ));
    for field in [
        "id: kh-9-2025",
        "kind: plan",
        "number: \"9/KH-UBND\"",
        "issued: 2025-03-31",
        "issuer: ubnd-khanh-hoa",
        "province: khanh-hoa",
        "title: ",
    ] {
        assert!(document.contains(field), "{field} missing:\n{document}");
    }
    let appendix = std::fs::read_to_string(
        project.file("documents/khanh-hoa/kh-9-2025/appendices/01-phu-luc-i.yaml"),
    )
    .expect("appendix");
    assert!(appendix.starts_with(
        "# yaml-language-server: $schema=../../../../../docs/schema/appendix.schema.json"
    ));
    // The schemas those first lines point to are there, and are the ones a build publishes.
    for (file, line) in [
        ("documents/khanh-hoa/kh-9-2025/document.yaml", &document),
        (
            "documents/khanh-hoa/kh-9-2025/appendices/01-phu-luc-i.yaml",
            &appendix,
        ),
    ] {
        let relative = line
            .lines()
            .next()
            .and_then(|l| l.split("$schema=").nth(1))
            .expect("a schema line");
        let schema = project.file(file).parent().expect("folder").join(relative);
        let text = std::fs::read_to_string(&schema)
            .unwrap_or_else(|e| panic!("{file} points to {}: {e}", schema.display()));
        let name = schema
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(text.contains("\"$schema\""), "{name} is a JSON Schema");
        let built = project
            .path()
            .join("output/du-lieu/schema/noi-dung")
            .join(&name);
        let build = project.run(&["build"]);
        assert!(build.status.success(), "{}", printed(&build));
        let published = std::fs::read_to_string(&built).expect("published schema");
        let as_json = |t: &str| serde_json::from_str::<serde_json::Value>(t).expect("JSON");
        assert_eq!(
            as_json(&text),
            as_json(&published),
            "{name} as the build publishes it"
        );
    }
    let report =
        std::fs::read_to_string(project.file("documents/khanh-hoa/bc-10-2025/document.yaml"))
            .expect("report");
    assert!(
        report.contains("{ type: reports_on, document: kh-9-2025 }"),
        "{report}"
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    for id in ["kh-9-2025", "bc-10-2025", "qd-11-2025"] {
        assert!(
            !text.contains(id),
            "the new files must raise no warning:\n{text}"
        );
    }
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    assert!(
        project
            .page("van-ban/kh-9-2025/index.html")
            .contains("DANH MỤC DỰ ÁN")
    );
}

#[test]
fn new_refuses_bad_ids_unknown_references_and_existing_documents() {
    let project = Project::new();
    let cases: [(&[&str], &str); 6] = [
        (
            &["new", "plan", "../x", "--province", "khanh-hoa"],
            "không hợp lệ",
        ),
        (
            &["new", "plan", "kh-2-2025", "--province", "ha-noi"],
            "không có tỉnh `ha-noi`",
        ),
        (
            &["new", "plan", "kh-1-2020", "--province", "khanh-hoa"],
            "đã có văn bản `kh-1-2020`",
        ),
        (
            &[
                "new",
                "report",
                "bc-2-2025",
                "--province",
                "khanh-hoa",
                "--issued",
                "31/3/2025",
            ],
            "NĂM-THÁNG-NGÀY",
        ),
        (
            &[
                "new",
                "report",
                "bc-2-2025",
                "--province",
                "khanh-hoa",
                "--issued",
                "2025-02-30",
            ],
            "ngày ban hành `2025-02-30` không có trên lịch",
        ),
        (
            &["new", "appendix", "kh-khong-co"],
            "không có văn bản `kh-khong-co`",
        ),
    ];
    for (args, expected) in cases {
        let output = project.run(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            printed(&output).contains(expected),
            "{args:?}: {}",
            printed(&output)
        );
    }
    assert!(!project.path().join("x").exists());
}
