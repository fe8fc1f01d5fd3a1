//! One synthetic document at a time, in memory, so that both writers (congkhai and Hugo)
//! publish exactly the same text.

use crate::rng::Rng;
use crate::vocab::{
    COMPLEMENTS, FIELDS, FUNDING, HEADINGS, INDICATORS, OBJECTS, PLAN_PARTS, REPORT_PARTS,
    STATUSES, SUBJECTS, VERBS,
};
use rust_decimal::Decimal;

/// A section of prose in Markdown (headings start at `##`).
pub struct Section {
    /// Section ID.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Markdown body.
    pub body: String,
}

/// A target (chỉ tiêu).
pub struct Target {
    /// ID within the document.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Indicator ID.
    pub indicator: &'static str,
    /// Goal in percent.
    pub value: u64,
    /// Due year.
    pub year: u64,
}

/// A measurement of a target of another document.
pub struct Measurement {
    /// ID within the document.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// (document ID, target ID).
    pub target: (String, String),
    /// Indicator ID.
    pub indicator: &'static str,
    /// The figure, in percent.
    pub value: u64,
    /// ISO date.
    pub as_of: String,
}

/// A group of rows with its stated total.
pub struct Group {
    /// Label as printed ("I", "II").
    pub label: String,
    /// Title.
    pub title: String,
    /// Rows: one string per column.
    pub rows: Vec<Vec<String>>,
    /// Stated total of the amount column, as printed.
    pub total: Option<String>,
}

/// An appendix table.
pub struct Appendix {
    /// ID and number ("i", "I").
    pub id: String,
    /// Number as printed.
    pub number: String,
    /// Title.
    pub title: String,
    /// Columns: (key, title, role).
    pub columns: &'static [(&'static str, &'static str, &'static str)],
    /// Groups of rows.
    pub groups: Vec<Group>,
    /// Stated grand total, when the table has amounts.
    pub total: Option<String>,
}

/// A synthetic document.
pub struct Document {
    /// ID.
    pub id: String,
    /// `plan` or `report`.
    pub kind: &'static str,
    /// Số ký hiệu.
    pub number: String,
    /// ISO issue date.
    pub issued: String,
    /// Province index in `PROVINCES`.
    pub province: usize,
    /// Trích yếu.
    pub title: String,
    /// (from, to) years.
    pub period: (u64, u64),
    /// The plan this report reports on.
    pub reports_on: Option<String>,
    /// Sections.
    pub sections: Vec<Section>,
    /// Targets (plans).
    pub targets: Vec<Target>,
    /// Measurements (reports).
    pub measurements: Vec<Measurement>,
    /// Appendices.
    pub appendices: Vec<Appendix>,
}

/// Columns of a table of projects with amounts.
pub const PROJECT_COLUMNS: &[(&str, &str, &str)] = &[
    ("stt", "STT", "label"),
    ("name", "Tên dự án, nhiệm vụ", "name"),
    ("agency", "Đơn vị chủ trì", "agency"),
    ("period", "Thời gian thực hiện", "period"),
    ("amount", "Tổng mức đầu tư", "amount"),
    ("funding", "Nguồn vốn", "funding"),
    ("status", "Hiện trạng", "status"),
];

/// Columns of a table of procedures (no amounts).
pub const PROCEDURE_COLUMNS: &[(&str, &str, &str)] = &[
    ("stt", "STT", "label"),
    ("name", "Tên thủ tục hành chính", "name"),
    ("field", "Lĩnh vực", "text"),
    ("agency", "Cơ quan giải quyết", "agency"),
    ("level", "Mức độ cung cấp", "text"),
];

const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// A sentence of plan prose, sometimes with figures.
fn sentence(rng: &mut Rng, province: &str) -> String {
    if rng.chance(20) {
        let total = rng.range(800, 2000);
        let done = rng.range(total / 3, total);
        let percent = Decimal::from(done * 1000 / total) / Decimal::from(10);
        return format!(
            "Đến nay, tỉnh {province} đã cung cấp {}/{} thủ tục hành chính trực tuyến toàn trình, đạt tỷ lệ {}%.",
            format_number(Decimal::from(done)),
            format_number(Decimal::from(total)),
            format_number(percent)
        );
    }
    format!(
        "{} {} {}, {}.",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&COMPLEMENTS)
    )
}

fn paragraph(rng: &mut Rng, province: &str, sentences: u64) -> String {
    (0..sentences)
        .map(|_| sentence(rng, province))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A part of about `words` words: headings `## I.`, `### 1.`, paragraphs and lists.
fn section_body(rng: &mut Rng, province: &str, words: usize) -> String {
    let mut body = String::new();
    let mut heading = 0;
    while body.split_whitespace().count() < words {
        body.push_str(&format!(
            "## {}. {}\n\n",
            ROMAN[heading % ROMAN.len()],
            rng.pick(&HEADINGS).to_uppercase()
        ));
        heading += 1;
        for item in 1..=rng.range(1, 3) {
            body.push_str(&format!("### {item}. {}\n\n", rng.pick(&HEADINGS)));
            let n = rng.range(2, 5);
            body.push_str(&paragraph(rng, province, n));
            body.push_str("\n\n");
            if rng.chance(50) {
                for _ in 0..rng.range(2, 4) {
                    body.push_str(&format!("- {}\n", sentence(rng, province)));
                }
                body.push('\n');
            }
        }
    }
    body
}

fn project_rows(rng: &mut Rng, count: u64, agencies: &[String]) -> (Vec<Vec<String>>, Decimal) {
    let mut sum = Decimal::ZERO;
    let rows = (1..=count)
        .map(|stt| {
            let amount = Decimal::new(rng.range(500, 900_000) as i64, 1);
            sum += amount;
            let from = rng.range(2021, 2024);
            vec![
                stt.to_string(),
                format!(
                    "{} {}",
                    capitalised(rng.pick::<&str>(&VERBS)),
                    rng.pick(&OBJECTS)
                ),
                rng.pick(agencies).clone(),
                format!("{from} - {}", from + rng.range(1, 4)),
                format_number(amount),
                rng.pick(&FUNDING).to_string(),
                rng.pick(&STATUSES).to_string(),
            ]
        })
        .collect();
    (rows, sum)
}

fn procedure_rows(rng: &mut Rng, count: u64, agencies: &[String]) -> Vec<Vec<String>> {
    (1..=count)
        .map(|stt| {
            let field = rng.pick(&FIELDS);
            vec![
                stt.to_string(),
                format!(
                    "Thủ tục cấp, điều chỉnh giấy phép lĩnh vực {}",
                    field.to_lowercase()
                ),
                field.to_string(),
                rng.pick(agencies).clone(),
                rng.pick(&["Toàn trình", "Một phần"]).to_string(),
            ]
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An appendix of `rows` rows in 1–4 groups: projects with amounts, or procedures.
fn appendix(rng: &mut Rng, index: usize, rows: u64, agencies: &[String]) -> Appendix {
    let with_amounts = rng.chance(60);
    let group_count = rng.range(1, 4).min(rows);
    let mut groups = Vec::new();
    let mut grand = Decimal::ZERO;
    for g in 0..group_count {
        let n = rows / group_count + u64::from(g < rows % group_count);
        let (group_rows, total) = if with_amounts {
            let (r, sum) = project_rows(rng, n, agencies);
            grand += sum;
            (r, Some(format_number(sum)))
        } else {
            (procedure_rows(rng, n, agencies), None)
        };
        groups.push(Group {
            label: ROMAN[g as usize].to_string(),
            title: rng.pick(&HEADINGS).to_string(),
            rows: group_rows,
            total,
        });
    }
    let number = ROMAN[index % ROMAN.len()];
    Appendix {
        id: number.to_lowercase(),
        number: number.to_string(),
        title: if with_amounts {
            "DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN".to_string()
        } else {
            "DANH MỤC THỦ TỤC HÀNH CHÍNH CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN".to_string()
        },
        columns: if with_amounts {
            PROJECT_COLUMNS
        } else {
            PROCEDURE_COLUMNS
        },
        groups,
        total: with_amounts.then(|| format_number(grand)),
    }
}

/// The plan a report can report on: (document ID, targets as (ID, indicator), issue date).
pub type PlanRef = (String, Vec<(String, &'static str)>, String);

/// Makes document number `seq` of `province`, with `appendices` appendix tables. A report
/// is made when `plan` is given; its measurements measure that plan's targets.
pub fn document(
    rng: &mut Rng,
    seq: usize,
    province: usize,
    appendices: usize,
    plan: Option<&PlanRef>,
) -> Document {
    let (province_id, province_name, _) = crate::vocab::PROVINCES[province];
    let year = 2016 + (seq as u64 % 10);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    // A report comes after the plan it reports on: its figures measure that plan.
    let (year, month, day) = match plan {
        Some((_, _, plan_issued))
            if plan_issued.as_str() >= format!("{year}-{month:02}-{day:02}").as_str() =>
        {
            let plan_year: u64 = plan_issued
                .get(..4)
                .and_then(|y| y.parse().ok())
                .unwrap_or(year);
            (plan_year, 12, 28)
        }
        _ => (year, month, day),
    };
    let issued = format!("{year}-{month:02}-{day:02}");
    let agencies: Vec<String> = crate::vocab::AGENCIES
        .iter()
        .map(|a| a.2.to_string())
        .collect();
    let is_report = plan.is_some();
    let parts: &[(&'static str, &'static str)] = if is_report {
        &REPORT_PARTS
    } else {
        &PLAN_PARTS
    };
    let words_per_part = 1400 / parts.len();
    let sections = parts
        .iter()
        .map(|(id, title)| Section {
            id,
            title,
            body: section_body(rng, province_name, words_per_part),
        })
        .collect();
    let mut targets = Vec::new();
    let mut measurements = Vec::new();
    match plan {
        None => {
            for (n, (indicator, name, _)) in
                INDICATORS.iter().enumerate().take(rng.range(4, 8) as usize)
            {
                let value = rng.range(50, 100);
                targets.push(Target {
                    id: format!("muc-tieu-{}", n + 1),
                    text: format!("{value}% {} (chỉ tiêu: {name})", rng.pick(&OBJECTS)),
                    indicator,
                    value,
                    year: year + 5,
                });
            }
        }
        Some((plan_id, plan_targets, _)) => {
            for (n, (target, indicator)) in plan_targets.iter().enumerate() {
                let value = rng.range(30, 100);
                measurements.push(Measurement {
                    id: format!("so-lieu-{}", n + 1),
                    text: format!("Đến nay đạt {value}% so với chỉ tiêu đề ra."),
                    target: (plan_id.clone(), target.clone()),
                    indicator,
                    value,
                    as_of: format!("{year}-{month:02}-{day:02}"),
                });
            }
        }
    }
    let kind_code = if is_report { "bc" } else { "kh" };
    let appendices = (0..appendices)
        .map(|i| {
            // The seeds' appendices have 20 to 110 rows; pages average about 1,400 words.
            let rows = rng.range(10, 110);
            appendix(rng, i, rows, &agencies)
        })
        .collect();
    Document {
        id: format!("{kind_code}-{seq}-{year}-{province_id}"),
        kind: if is_report { "report" } else { "plan" },
        number: format!("{seq}/{}-UBND", if is_report { "BC" } else { "KH" }),
        issued,
        province,
        title: if is_report {
            format!(
                "Kết quả thực hiện ứng dụng công nghệ thông tin, chuyển đổi số tỉnh {province_name} năm {year}"
            )
        } else {
            format!(
                "Ứng dụng công nghệ thông tin, phát triển chính quyền số tỉnh {province_name} giai đoạn {year} - {}",
                year + 5
            )
        },
        period: (year, year + 5),
        reports_on: plan.map(|p| p.0.clone()),
        sections,
        targets,
        measurements,
        appendices,
    }
}

/// A number as the documents print it: "." between thousands, "," before the decimals
/// ("1.234,5"). The same text as congkhai's `vietnamese::format_number`, copied so that the
/// generator does not depend on congkhai.
fn format_number(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::format_number;
    use rust_decimal::Decimal;

    #[test]
    fn numbers_are_printed_as_the_documents_print_them() {
        assert_eq!(format_number(Decimal::new(12_345_675, 1)), "1.234.567,5");
        assert_eq!(format_number(Decimal::new(8000, 1)), "800");
        assert_eq!(format_number(Decimal::from(999)), "999");
        assert_eq!(format_number(Decimal::new(-12_345, 2)), "-123,45");
    }
}
