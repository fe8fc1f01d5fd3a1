//! Progress and lineage through the binary: target statuses on the real content and on a
//! fixture, the money figures traced back to the open data, the register of mismatched
//! totals, row links (refused, suggested, followed), standard row statuses, and a report's
//! changes.

use crate::common;
use common::{Project, congkhai, printed, repo};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The real content built once per test into a temporary folder.
fn build_real() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("output");
    let out = congkhai(
        &repo(),
        &["build", "--output", output.to_str().expect("utf-8 path")],
    );
    assert!(out.status.success(), "{}", printed(&out));
    (dir, output)
}

/// A JSON dataset of the build in `output` as one array (see [`common::open_data_json`]).
fn json(output: &Path, name: &str) -> Value {
    common::open_data_json(output, name)
}

fn page(output: &Path, file: &str) -> String {
    std::fs::read_to_string(output.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn target<'a>(targets: &'a [Value], document: &str, id: &str) -> &'a Value {
    targets
        .iter()
        .find(|t| t["document"] == document && t["id"] == id)
        .unwrap_or_else(|| panic!("target {document}/{id}"))
}

#[test]
fn the_report_gives_its_targets_a_status() {
    let (_dir, output) = build_real();
    let targets = json(&output, "chi-tieu");
    let targets = targets.as_array().expect("array");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in targets {
        *counts
            .entry(t["status"].as_str().expect("status"))
            .or_default() += 1;
    }
    // Every target that a measurement names has a status other than "no data".
    let measurements = json(&output, "so-lieu");
    for m in measurements.as_array().expect("array") {
        let Some(list) = m["targets"].as_str() else {
            continue;
        };
        for named in list.split("; ") {
            let (document, id) = named.split_once('/').expect("document/target");
            let t = target(targets, document, id);
            assert_ne!(t["status"], "chua-co-so-lieu", "{named} is measured");
            assert!(t["measurement_count"].as_u64() >= Some(1));
        }
    }
    let online = target(targets, "kh-10693-2020", "muc-tieu-2-dd-ho-so-truc-tuyen");
    assert_eq!(online["status"], "dang-thuc-hien");
    assert_eq!(online["share_of_goal"], serde_json::json!(94.2));
    assert_eq!(
        online["status_summary"],
        "47,09% (ngày 31/10/2023) — mục tiêu ≥\u{a0}50% năm 2025; đạt 94,2% mức cần đạt"
    );
    // A plan issued in 2025 is not judged by figures of 2023, though they share its indicator.
    let later_plan = target(targets, "kh-2044-2025", "cqs-ho-so-truc-tuyen-toan-trinh");
    assert_eq!(later_plan["status"], "chua-co-so-lieu");
    assert_eq!(later_plan["status_rule"], "so-lieu-truoc-ke-hoach");
    assert!(
        later_plan["status_summary"]
            .as_str()
            .is_some_and(|s| s.contains("trước ngày 20/02/2025"))
    );
    let other_denominator = target(
        targets,
        "kh-10693-2020",
        "muc-tieu-2-dd-ho-so-truc-tuyen-tthc-cong-bo",
    );
    assert_eq!(other_denominator["status"], "khong-so-sanh-duoc");
    assert_eq!(other_denominator["status_rule"], "danh-gia-khong-so-sanh");
    assert_eq!(counts.values().sum::<usize>(), targets.len());
    assert_eq!(counts.get("dang-thuc-hien"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("khong-so-sanh-duoc"), Some(&2), "{counts:?}");

    // The page says the same, and links the status to its rule.
    let document = page(&output, "van-ban/kh-10693-2020/index.html");
    assert!(document.contains("chi-tieu/phuong-phap/#chua-den-han"));
    assert!(document.contains("đạt 94,2% mức cần đạt"));
    let rules = page(&output, "chi-tieu/phuong-phap/index.html");
    for rule in [
        "chua-den-han",
        "danh-gia-khong-so-sanh",
        "so-dem-khong-mau-so",
        "qua-nam-chua-dat",
    ] {
        assert!(
            rules.contains(&format!("id={rule}>")),
            "rule {rule} on the methodology page"
        );
    }
}

/// The exact figure of a sum as pages print it: "278.885,5 triệu đồng".
fn exact(million: Decimal) -> String {
    format!("{} triệu đồng", congkhai::format_number(million))
}

/// A JSON number of the open data as the decimal it is written as (never through a float).
fn decimal(value: &Value) -> Option<Decimal> {
    value
        .is_number()
        .then(|| value.to_string().parse().ok())
        .flatten()
}

#[test]
fn money_on_the_first_screens_adds_up_from_the_open_data() {
    let (_dir, output) = build_real();
    let documents = json(&output, "van-ban");
    let appendices = json(&output, "phu-luc");
    let rows = json(&output, "du-an");
    // Each province's current plan: its newest plan with money in its own period's appendices.
    let own_period: HashMap<(String, String), bool> = appendices
        .as_array()
        .expect("array")
        .iter()
        .map(|a| {
            (
                (
                    a["document"].as_str().expect("id").to_string(),
                    a["id"].as_str().expect("id").to_string(),
                ),
                a["own_period"].as_bool().expect("own_period"),
            )
        })
        .collect();
    let mut plans: Vec<&Value> = documents
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["kind"] == "plan")
        .collect();
    plans.sort_by(|a, b| b["issued"].as_str().cmp(&a["issued"].as_str()));
    let home = page(&output, "index.html");
    let projects = page(&output, "du-an/index.html");
    let mut all = Decimal::ZERO;
    let mut provinces = 0;
    for province in ["khanh-hoa", "tay-ninh", "dak-nong"] {
        let sum_of = |plan: &str| -> Option<Decimal> {
            let amounts: Vec<Decimal> = rows
                .as_array()
                .expect("array")
                .iter()
                .filter(|r| r["document"] == plan && r["amount_column"].is_string())
                .filter(|r| {
                    own_period[&(
                        plan.to_string(),
                        r["appendix"].as_str().expect("id").to_string(),
                    )]
                })
                .filter_map(|r| decimal(&r["amount_million_dong"]))
                .collect();
            (!amounts.is_empty()).then(|| amounts.iter().sum())
        };
        let Some(total) = plans
            .iter()
            .filter(|d| d["province"] == province)
            .find_map(|d| sum_of(d["id"].as_str().expect("id")))
        else {
            continue;
        };
        provinces += 1;
        all += total;
        let figure = exact(total);
        assert!(
            home.contains(&figure),
            "home page shows {province}'s {figure}"
        );
        assert!(
            projects.contains(&figure),
            "/du-an/ shows {province}'s {figure}"
        );
    }
    assert_eq!(provinces, 3);
    assert!(
        projects.contains(&exact(all)),
        "/du-an/ shows the sum {}",
        exact(all)
    );
    // The targets by status of each province, counted again from the targets dataset.
    let targets = json(&output, "chi-tieu");
    let province_of: HashMap<&str, &str> = documents
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["id"].as_str().expect("id"),
                d["province"].as_str().expect("province"),
            )
        })
        .collect();
    for (province, name) in [
        ("khanh-hoa", "Khánh Hòa"),
        ("tay-ninh", "Tây Ninh"),
        ("dak-nong", "Đắk Nông"),
    ] {
        let count = |status: &str| {
            targets
                .as_array()
                .expect("array")
                .iter()
                .filter(|t| {
                    province_of[t["document"].as_str().expect("id")] == province
                        && t["status"] == status
                })
                .count()
        };
        let cells: String = [
            "dat",
            "dang-thuc-hien",
            "chua-dat",
            "khong-so-sanh-duoc",
            "chua-co-so-lieu",
        ]
        .iter()
        .map(|s| format!("<td class=num>{}</td>", count(s)))
        .collect();
        let row = format!("#chi-tieu>{name}</a></th>{cells}</tr>");
        assert!(home.contains(&row), "home page row {row}");
    }
    // The headline is in tỷ đồng with one decimal, the exact figure beside it.
    assert!(home.contains("278,9 tỷ đồng") && home.contains("278.885,5 triệu đồng"));
    // A project counted once among the largest, and the charts have their tables.
    assert!(projects.contains("id=bieu-do-nguon-von"));
    assert!(projects.contains("Ngân sách địa phương"));
    assert!(home.contains("id=bieu-do-tinh-trang"));
}

#[test]
fn the_register_lists_every_stated_total_that_differs() {
    let (_dir, output) = build_real();
    let register = page(&output, "doi-chieu-tong/index.html");
    // Every total warning of the check is one line of the register.
    let check = congkhai(&repo(), &["check"]);
    let text = printed(&check);
    let warnings = text
        .lines()
        .filter(|l| l.contains("cảnh báo:") && l.contains("nhưng tổng các dòng là"))
        .count();
    let lines = register.matches("<tr class=row>").count();
    assert!(warnings > 0);
    assert_eq!(lines, warnings, "one register line per mismatched total");
    // Each links to its group's line on the appendix page.
    assert!(register.contains("phu-luc-iii/#tong") || register.contains("#g-"));
}

#[test]
fn lgsp_is_one_project_from_plan_to_report() {
    let (_dir, output) = build_real();
    let lgsp = page(&output, "du-an/kh-10693-2020-iv-i-2-2-1/index.html");
    assert!(
        lgsp.contains("18.000 → 14.755 triệu đồng, −18\u{a0}%"),
        "the change is stated"
    );
    assert!(lgsp.contains("van-ban/kh-10693-2020/phu-luc-iv/#r-i-2-2-1"));
    assert!(lgsp.contains("van-ban/bc-khanh-hoa-10-thang-2023/phu-luc-ii-i/#r-2"));
    // Both rows link back to the project's page.
    for appendix in [
        "van-ban/kh-10693-2020/phu-luc-iv/index.html",
        "van-ban/bc-khanh-hoa-10-thang-2023/phu-luc-ii-i/index.html",
    ] {
        assert!(
            page(&output, appendix).contains("du-an/kh-10693-2020-iv-i-2-2-1/"),
            "{appendix}"
        );
    }
    // One row per project in the open data, one per mention in du-an.
    let tracked = json(&output, "ho-so-du-an");
    let lgsp = tracked
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["id"] == "kh-10693-2020-iv-i-2-2-1")
        .expect("LGSP");
    assert_eq!(lgsp["mentions"], 2);
    assert_eq!(lgsp["first_amount_million_dong"], serde_json::json!(18000));
    assert_eq!(lgsp["latest_amount_million_dong"], serde_json::json!(14755));
    let rows = json(&output, "du-an");
    let mentions = rows
        .as_array()
        .expect("array")
        .iter()
        .filter(|r| r["project"] == "kh-10693-2020-iv-i-2-2-1")
        .count();
    assert_eq!(mentions, 2);
    // The report says what changed since the plan.
    let report = page(&output, "van-ban/bc-khanh-hoa-10-thang-2023/index.html");
    assert!(report.contains("Có gì mới"));
    assert!(report.contains("18.000 → 14.755 triệu đồng"));
    let feed = page(&output, "feed.xml");
    assert!(
        feed.contains("So với văn bản trước:"),
        "the feed carries the changes"
    );
}

#[test]
fn one_measurement_is_one_mark_and_charts_stay_readable() {
    let (_dir, output) = build_real();
    let indicator = page(&output, "chi-tieu/ho-so-truc-tuyen/index.html");
    // 47,09% is printed twice in the report: one bar.
    // (Pages are minified: attribute quotes go where they can, `viewBox` is written as the
    // HTML parser reads it back.)
    assert_eq!(indicator.matches("class=bar ").count(), 1, "{indicator}");
    assert!(indicator.contains("viewbox=\"0 0 360 "));
    assert!(indicator.contains("font-size=13"));
}

const STATUSES: &str = r#"- id: hoan-thanh
  label: "Hoàn thành"
  done: true
  match: ["hoàn thành", "xong"]
- id: dang-trien-khai
  label: "Đang triển khai"
  match: ["đang triển khai"]
"#;

/// The fixture with a later report whose appendix continues the plan's rows.
fn lineage_project(continues: &str, status: &str) -> Project {
    let project = Project::new();
    project.write("row-statuses.yaml", STATUSES);
    project.write(
        "documents/khanh-hoa/bc-1-2021/appendices/01-tien-do.yaml",
        &format!(
            r#"id: i
number: "I"
title: "TIẾN ĐỘ"
unit: trieu-dong
columns:
  - {{ key: stt, title: "STT", role: label }}
  - {{ key: name, title: "Tên dự án", role: name }}
  - {{ key: agency, title: "Đơn vị chủ trì", role: agency }}
  - {{ key: amount, title: "Tổng kinh phí", role: amount }}
  - {{ key: status, title: "Tiến độ", role: status }}
rows:
  - {{ stt: "1", name: "Trung tâm dữ liệu", agency: "Sở TTTT", amount: "1.500.000", status: "{status}"{continues} }}
  - {{ stt: "2", name: "Phần mềm một cửa điện tử", agency: "Sở Thông tin và Truyền thông", amount: "95", status: "Đang triển khai" }}
  - {{ stt: "3", name: "Camera giám sát giao thông", agency: "Sở TTTT", amount: "10", status: "Đang triển khai" }}
"#
        ),
    );
    project
}

#[test]
fn a_link_to_a_missing_row_or_a_later_document_is_refused() {
    let project = lineage_project(r#", continues: "kh-1-2020/i#r-i-9""#, "Đã hoàn thành");
    let text = project.check_fails();
    assert!(
        text.contains("01-tien-do.yaml:12:")
            && text.contains("không có dòng dự án, nhiệm vụ “r-i-9”"),
        "{text}"
    );
    assert!(text.contains("có phải “r-i-"), "did you mean: {text}");

    let project = lineage_project(r#", continues: "kh-1-2020/ii#r-i-1""#, "Đã hoàn thành");
    assert!(
        project
            .check_fails()
            .contains("không có phụ lục của văn bản “kh-1-2020” “ii”")
    );

    let project = lineage_project(r#", continues: "kh-1-2020#r-i-1""#, "Đã hoàn thành");
    assert!(
        project
            .check_fails()
            .contains("không đúng dạng văn-bản/phụ-lục#dòng")
    );

    // The plan's row cannot continue the later report's.
    let project = lineage_project("", "Đã hoàn thành");
    project.edit(
        "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml",
        r#"amount: "90" }"#,
        r#"amount: "90", continues: "bc-1-2021/i#r-1" }"#,
    );
    let text = project.check_fails();
    assert!(text.contains("ban hành sau nó"), "{text}");
}

#[test]
fn unlinked_rows_get_ranked_suggestions() {
    let project = lineage_project("", "Đang triển khai");
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    // Row 1 has the plan's row 1 as its likely match; row 2 the one-stop software.
    let row1 = text
        .lines()
        .find(|l| l.contains("01-tien-do.yaml:12:") && l.contains("ghi chú"))
        .unwrap_or_else(|| panic!("a note at row 1: {text}"));
    assert!(
        row1.starts_with("content/documents/khanh-hoa/bc-1-2021/appendices/01-tien-do.yaml:12:")
    );
    assert!(
        row1.contains("1) kh-1-2020/i#r-i-1 “Trung tâm dữ liệu”"),
        "{row1}"
    );
    assert!(text.contains(r#"continues: "kh-1-2020/i#r-i-1""#));
    let row2 = text
        .lines()
        .find(|l| l.contains("01-tien-do.yaml:13:") && l.contains("ghi chú"))
        .unwrap_or_else(|| panic!("a note at row 2: {text}"));
    assert!(row2.contains("kh-1-2020/i#r-ii-1"), "{row2}");
    // A row like no earlier one gets none.
    assert!(!text.contains("01-tien-do.yaml:14:"), "{text}");
    assert!(
        text.contains("Kiểm tra xong: 0 lỗi, 1 cảnh báo, 2 ghi chú."),
        "{text}"
    );
    // A build does not list them, it counts them.
    let build = printed(&project.run(&["build"]));
    assert!(
        !build.contains("ghi chú:") && build.contains("2 gợi ý nối dòng"),
        "{build}"
    );
}

#[test]
fn a_followed_project_has_its_page_and_the_report_its_changes() {
    let project = lineage_project(r#", continues: "kh-1-2020/i#r-i-1""#, "Đã hoàn thành");
    let output = project.run(&["build"]);
    assert!(output.status.success(), "{}", printed(&output));
    let page = project.page("du-an/kh-1-2020-i-i-1/index.html");
    assert!(
        page.contains("1.747.000 → 1.500.000 triệu đồng, −14,1\u{a0}%"),
        "{page}"
    );
    assert!(page.contains("van-ban/bc-1-2021/phu-luc-i/#r-1"));
    assert!(page.contains("Hoàn thành"));
    let report = project.page("van-ban/bc-1-2021/index.html");
    assert!(report.contains("So với văn bản trước: 2 dự án, nhiệm vụ mới; 1 tiếp nối; 1 đổi kinh phí; 1 hoàn thành; 2 không được nhắc lại; 1 chỉ tiêu lần đầu có số liệu."), "{report}");
    // The appendix filter offers the standard statuses, the printed text beside them.
    let appendix = project.page("van-ban/bc-1-2021/phu-luc-i/index.html");
    assert!(appendix.contains("data-filter-value=\"Hoàn thành\""));
    assert!(appendix.contains("Đã hoàn thành"));
}

#[test]
fn a_status_text_no_standard_status_matches_is_a_warning_at_its_cell() {
    let project = lineage_project("", "Chờ bố trí vốn");
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("01-tien-do.yaml:12:")
            && text.contains("tình trạng “Chờ bố trí vốn” không khớp tình trạng chuẩn nào"),
        "{text}"
    );
    let build = project.run(&["build"]);
    assert!(build.status.success());
    let rows = common::gunzip_file(&project.path().join("output/du-lieu/du-an.json.gz"));
    assert!(rows.contains("\"status_standard\":\"khong-ro\""));
}

#[test]
fn a_count_against_a_share_target_is_warned_and_judged_not_comparable() {
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/bc-1-2021/measurements.yaml",
        r#"  denominator: "1000"
"#,
        "",
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(
        text.contains("là một số đếm (hồ sơ) không có mẫu số"),
        "{text}"
    );
    assert!(output.status.success());
    assert!(project.run(&["build"]).status.success());
    let targets = common::open_data_json(&project.path().join("output"), "chi-tieu").to_string();
    assert!(
        targets.contains("\"status\":\"khong-so-sanh-duoc\""),
        "{targets}"
    );
    assert!(targets.contains("\"status_rule\":\"so-dem-khong-mau-so\""));
}

/// The fixture with a second province whose plan has one project row and one target.
fn with_another_province(project: &Project) {
    let provinces = std::fs::read_to_string(project.file("provinces.yaml")).expect("provinces");
    project.write(
        "provinces.yaml",
        &format!("{provinces}- id: tay-ninh\n  name: \"Tây Ninh\"\n"),
    );
    project.write(
        "agencies/tay-ninh.yaml",
        "- id: ubnd-tay-ninh\n  name: \"Ủy ban nhân dân tỉnh Tây Ninh\"\n  province: tay-ninh\n",
    );
    project.write(
        "documents/tay-ninh/kh-2-2020/document.yaml",
        "id: kh-2-2020\nkind: plan\nissued: 2020-05-05\nissuer: ubnd-tay-ninh\nprovince: tay-ninh\ntitle: \"Kế hoạch của Tây Ninh\"\n",
    );
    project.write(
        "documents/tay-ninh/kh-2-2020/targets.yaml",
        "- id: ho-so\n  text: \"60% hồ sơ trực tuyến\"\n  comparison: \">=\"\n  value: \"60\"\n  unit: \"%\"\n  year: 2025\n",
    );
    project.write(
        "documents/tay-ninh/kh-2-2020/appendices/01-du-an.yaml",
        "id: i\ntitle: \"DỰ ÁN\"\nunit: trieu-dong\ncolumns:\n  - { key: stt, title: \"STT\", role: label }\n  - { key: name, title: \"Tên\", role: name }\n  - { key: amount, title: \"Tổng\", role: amount }\nrows:\n  - { stt: \"1\", name: \"Trung tâm dữ liệu\", amount: \"5\" }\n",
    );
}

#[test]
fn a_link_to_another_province_or_a_second_link_to_one_row_is_refused() {
    let project = lineage_project(r#", continues: "kh-2-2020/i#r-1""#, "Đã hoàn thành");
    with_another_province(&project);
    let text = project.check_fails();
    assert!(
        text.contains("01-tien-do.yaml:12:")
            && text.contains("của tỉnh “tay-ninh”, còn nó thuộc tỉnh “khanh-hoa”"),
        "{text}"
    );

    // Rows 1 and 2 of the report both continue the plan's row 1: the second is refused.
    let project = lineage_project(r#", continues: "kh-1-2020/i#r-i-1""#, "Đã hoàn thành");
    project.edit(
        "documents/khanh-hoa/bc-1-2021/appendices/01-tien-do.yaml",
        r#"amount: "95", status: "Đang triển khai" }"#,
        r#"amount: "95", status: "Đang triển khai", continues: "kh-1-2020/i#r-i-1" }"#,
    );
    let text = project.check_fails();
    assert!(
        text.contains("01-tien-do.yaml:13:")
            && text.contains("của cùng văn bản cũng tiếp nối “kh-1-2020/i#r-i-1”"),
        "{text}"
    );

    // A row of the plan cannot continue a row of its own table.
    let project = lineage_project("", "Đã hoàn thành");
    project.edit(
        "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml",
        r#"amount: "90" }"#,
        r#"amount: "90", continues: "kh-1-2020/i#r-i-1" }"#,
    );
    assert!(
        project
            .check_fails()
            .contains("nối với một dòng của chính bảng phụ lục của nó")
    );
}

#[test]
fn a_measurement_counts_only_for_its_province_and_for_plans_issued_before_it() {
    // Another province's target: an error.
    let project = Project::new();
    with_another_province(&project);
    project.edit(
        "documents/khanh-hoa/bc-1-2021/measurements.yaml",
        "target: { document: kh-1-2020, id: ho-so-truc-tuyen-2025 }",
        "target: { document: kh-2-2020, id: ho-so }",
    );
    let text = project.check_fails();
    assert!(
        text.contains("được nối với chỉ tiêu của tỉnh “tay-ninh”"),
        "{text}"
    );

    // A plan issued after the figure: a warning, and the figure does not count.
    let project = Project::new();
    project.edit(
        "documents/khanh-hoa/kh-1-2020/document.yaml",
        "issued: 2020-10-09",
        "issued: 2022-01-10",
    );
    let output = project.run(&["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("có trước ngày ban hành văn bản “kh-1-2020”"),
        "{text}"
    );
    assert!(project.run(&["build"]).status.success());
    let targets = common::open_data_json(&project.path().join("output"), "chi-tieu").to_string();
    assert!(
        targets.contains("\"status_rule\":\"so-lieu-truoc-ke-hoach\""),
        "{targets}"
    );
}
