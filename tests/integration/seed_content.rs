//! The real content: it passes `check`, and the portal built from it says each thing once,
//! in order, with every project's amounts and group. What the checked site holds (the seed
//! documents, the appendices' counts and totals) is tested in `src/tests/seed_content.rs`.

use crate::common;
use common::{congkhai, printed, repo};

#[test]
fn the_real_content_passes_check_with_only_arithmetic_warnings() {
    let output = congkhai(&repo(), &["check"]);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    for line in text.lines().filter(|l| l.contains("cảnh báo:")) {
        assert!(
            line.contains("tổng các dòng là"),
            "only the documents' own arithmetic may warn: {line}"
        );
    }
}

/// The portal built from the real `content/`, in `output/` of the folder returned.
fn built_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("output");
    let run = congkhai(
        &repo(),
        &["build", "--output", output.to_str().expect("utf-8 path")],
    );
    assert!(run.status.success(), "{}", printed(&run));
    dir
}

/// The visible text of an HTML fragment: tags dropped, spaces (no-break ones too) collapsed.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn real_pages_say_each_thing_once_and_in_order() {
    let dir = built_portal();
    let output = dir.path().join("output");
    let page = |path: &str| {
        std::fs::read_to_string(output.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };

    // The report has no number: its label already carries its date, said once.
    let home = visible(&page("index.html"));
    assert!(home.contains("Báo cáo ngày 30/10/2023"), "{home}");
    assert!(!home.contains("30/10/2023 ngày 30/10/2023"), "{home}");

    // A merged province's note is said once, with a link to the province it joined.
    let dak_nong = page("tinh/dak-nong/index.html");
    assert_eq!(
        visible(&dak_nong).matches("hợp nhất").count(),
        1,
        "{dak_nong}"
    );
    assert!(
        !visible(&dak_nong).contains("Nay thuộc"),
        "not said again: {dak_nong}"
    );
    assert!(
        dak_nong.contains("tinh/lam-dong/"),
        "links the new province"
    );

    // A law cited without a number is named before its date.
    let plan = visible(&page("van-ban/kh-10693-2020/index.html"));
    assert!(
        plan.contains("Luật Giao dịch điện tử ngày 29/11/2005"),
        "{plan}"
    );
    assert!(!plan.contains("ngày 29/11/2005 – Luật"), "{plan}");

    // Goals: the figure and a word unit apart, the sign on the figure's line.
    let targets = page("chi-tieu/index.html");
    assert!(!targets.contains("1lần/năm"), "a space before word units");
    assert!(
        targets.contains("≥\u{a0}1\u{a0}lần/năm"),
        "held together by no-break spaces"
    );

    // Amounts are given appendix by appendix, never added across documents that list the
    // same projects again (the report lists the plan's LGSP again).
    let khanh_hoa = visible(&page("tinh/khanh-hoa/index.html"));
    for (appendix, count, total) in [
        (
            "Phụ lục II: DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ ỨNG DỤNG CNTT TRIỂN KHAI GIAI ĐOẠN 2016 - 2020 Kế hoạch 10693/KH-UBND",
            77,
            "189.270,5",
        ),
        (
            "Phụ lục III: DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ AN TOÀN THÔNG TIN TRIỂN KHAI GIAI ĐOẠN 2016 - 2020 Kế hoạch 10693/KH-UBND",
            17,
            "87.751",
        ),
    ] {
        assert!(
            khanh_hoa.contains(&format!("{appendix} {count} {total}")),
            "{appendix}: {khanh_hoa}"
        );
    }
    // The sum of the rows is the figure shown; where the document prints another grand
    // total, the province's pages say so, as the appendix's page does.
    assert!(
        khanh_hoa.contains("Kế hoạch 10693/KH-UBND 53 278.885,5 văn bản ghi tổng cộng 279.985,5"),
        "{khanh_hoa}"
    );
    // A mismatch note gives the printed total in the appendix's unit and format, beside the
    // sum it differs from, with the printed text as an aside.
    let tay_ninh_ii = visible(&page("van-ban/kh-tay-ninh-2021-2025/phu-luc-ii/index.html"));
    assert!(
        tay_ninh_ii.contains(
            "văn bản ghi 86.896 triệu đồng (in là “86.896.000”) nhưng tổng các dòng là 8.979 triệu đồng (chênh lệch 77.917)"
        ),
        "{tay_ninh_ii}"
    );
    for path in [
        "tinh/khanh-hoa/index.html",
        "tinh/khanh-hoa/du-an/index.html",
        "co-quan/so-tttt-khanh-hoa/index.html",
        "du-an/index.html",
    ] {
        assert!(
            !page(path).contains("Tổng kinh phí:"),
            "{path} adds documents together"
        );
    }
    let agency = visible(&page("co-quan/so-tttt-khanh-hoa/index.html"));
    assert!(agency.contains("Kinh phí theo từng phụ lục"), "{agency}");
    // Tây Ninh's 2016–2020 projects are given by year: the years count where the total
    // column is empty.
    let tay_ninh = visible(&page("tinh/tay-ninh/du-an/index.html"));
    assert!(
        tay_ninh.contains(
            "GIAI ĐOẠN 2016-2020 Kế hoạch ban hành kèm theo Quyết định 125/QĐ-UBND 82 130.794,584"
        ),
        "{tay_ninh}"
    );

    // A signature block's lines are printed one under the other, as the document has them.
    let decision = page("van-ban/qd-125-2021/index.html");
    assert!(
        decision.contains("TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH"),
        "signature block lines"
    );

    // Agencies are listed under their province, and their counts say what they count.
    let agencies = visible(&page("co-quan/index.html"));
    for province in ["Tỉnh Đắk Nông", "Tỉnh Khánh Hòa", "Tỉnh Tây Ninh"] {
        assert!(agencies.contains(province), "{province}: {agencies}");
    }
    assert!(
        agencies.contains("Các sở, ban, ngành (1 dự án, nhiệm vụ chủ trì)"),
        "{agencies}"
    );

    // Measurements are plain sentences, without Markdown's marks.
    let report = page("van-ban/bc-khanh-hoa-10-thang-2023/index.html");
    assert!(!report.contains("(*"), "no raw emphasis marks");
}

/// In the projects dataset, a row whose total the document leaves empty but gives by year
/// (Tây Ninh's 2016–2020 appendix) has the same sum in `amount` as in
/// `amount_million_dong`, so that adding up either column gives one answer.
#[test]
fn a_project_given_by_its_parts_has_its_sum_in_both_amount_fields() {
    let portal = built_portal();
    let data = common::open_data_json(&portal.path().join("output"), "du-an");
    let rows = data
        .as_array()
        .or_else(|| data["rows"].as_array())
        .expect("rows");
    let row = rows
        .iter()
        .find(|r| r["id"] == "kh-tay-ninh-2021-2025/ii/r-a-1")
        .expect("Tây Ninh's first 2016–2020 project");
    assert_eq!(row["amount"], serde_json::json!(16325), "{row}");
    assert_eq!(
        row["amount_million_dong"],
        serde_json::json!(16325),
        "{row}"
    );
    assert!(row["amount_text"].is_null(), "{row}");
    for row in rows {
        if row["unit"] == "triệu đồng" {
            assert_eq!(row["amount"], row["amount_million_dong"], "{row}");
        }
    }
}

/// Tây Ninh's 2021–2025 appendix prints its groups without labels: every project still says
/// which group it is in, by the group's anchor, and the twelve groups stay apart.
#[test]
fn every_project_says_which_group_it_is_in_even_where_groups_have_no_label() {
    let portal = built_portal();
    let data = common::open_data_json(&portal.path().join("output"), "du-an");
    let rows: Vec<&serde_json::Value> = data
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["document"] == "kh-tay-ninh-2021-2025" && r["appendix"] == "iii")
        .collect();
    assert_eq!(rows.len(), 23);
    let groups: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["group"].as_str().expect("a group"))
        .collect();
    assert_eq!(groups.len(), 12, "{groups:?}");
    let page = std::fs::read_to_string(
        portal
            .path()
            .join("output/van-ban/kh-tay-ninh-2021-2025/phu-luc-iii/index.html"),
    )
    .expect("page");
    for group in &groups {
        assert!(
            page.contains(&format!("id={group}")),
            "{group} is a line of the page"
        );
    }
}

/// The projects dataset holds every row of every appendix; those with an amount column are
/// the projects the portal counts, as its description says.
#[test]
fn the_projects_the_portal_counts_are_the_rows_with_an_amount_column() {
    let portal = built_portal();
    let output = portal.path().join("output");
    let data = common::open_data_json(&output, "du-an");
    let counted = data
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["amount_column"].is_string())
        .count();
    let page = visible(&std::fs::read_to_string(output.join("du-an/index.html")).expect("page"));
    assert!(
        page.contains(&format!("{counted} dòng dự án, nhiệm vụ")),
        "{counted}: {page}"
    );
    let data_page = std::fs::read_to_string(output.join("du-lieu/index.html")).expect("page");
    assert!(
        data_page.contains("Các dòng có amount_column"),
        "said on the data page"
    );
}
