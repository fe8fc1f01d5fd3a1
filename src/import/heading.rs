//! The lines a paste may start with, as copying an appendix out of a document gives them:
//! "Phụ lục III", its title, "(Kèm theo Kế hoạch số …)", "Đơn vị tính: Triệu đồng". They are
//! read into the appendix's own fields, and the table starts after them.

use super::read::{RawCell, RawLine};
use super::table::{Problem, Severity};
use crate::model::Unit;
use crate::vietnamese::fold;

/// What the lines before the table say about the appendix.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heading {
    /// "III" of "Phụ lục III" (with ".I" when a section line "I. …" follows the caption).
    pub number: Option<String>,
    /// The title lines, joined.
    pub title: Option<String>,
    /// "(Kèm theo Kế hoạch số …)", its lines joined.
    pub caption: Option<String>,
    /// The unit of "Đơn vị tính: …".
    pub unit: Option<Unit>,
    /// The first and last line numbers of the heading.
    pub lines: Option<(usize, usize)>,
    /// Lines before the table that are none of the above, left out.
    pub problems: Vec<Problem>,
}

/// A line's single text with the marks of a conversion to Markdown (`##`, `**…**`, `*…*`)
/// taken off; `None` for a blank line or a line of several cells.
fn single_text(line: &RawLine) -> Option<String> {
    let mut filled = line.cells.iter().filter(|c| !c.is_empty());
    let cell = filled.next()?;
    if filled.next().is_some() {
        return None;
    }
    let text = cell.plain();
    let text = text.trim().trim_start_matches('#').trim();
    let text = text.trim_matches('*').trim();
    Some(text.to_string())
}

fn filled(line: &RawLine) -> usize {
    line.cells.iter().filter(|c| !c.is_empty()).count()
}

fn is_blank(line: &RawLine) -> bool {
    line.cells.iter().all(RawCell::is_empty)
}

/// "STT", "TT", "Số thứ tự": the first title of a header row.
pub fn is_label_title(text: &str) -> bool {
    let folded = fold(text);
    matches!(
        folded.trim().trim_end_matches('.'),
        "stt" | "tt" | "so tt" | "so thu tu"
    )
}

/// "Phụ lục III", "PHỤ LỤC I", "Phụ lục số 2": the number, or `None` when not such a line.
pub(super) fn appendix_number(text: &str) -> Option<String> {
    let folded = fold(text);
    if !folded.starts_with("phu luc") {
        return None;
    }
    let rest: String = text.chars().skip("phu luc".len()).collect();
    let rest = rest.trim().trim_start_matches(':').trim();
    let rest = match fold(rest).strip_prefix("so ") {
        Some(_) => rest.chars().skip(3).collect::<String>(),
        None => rest.to_string(),
    };
    Some(rest.trim().trim_end_matches(['.', ':']).trim().to_string())
}

/// "Đơn vị tính: Triệu đồng", "ĐVT: đồng": whether the line is one, and its unit if read.
pub fn unit_line(text: &str) -> Option<Option<Unit>> {
    let folded = fold(text);
    let folded = folded.trim().trim_start_matches('(').trim();
    let rest = ["don vi tinh", "dvt", "don vi"]
        .iter()
        .find_map(|p| folded.strip_prefix(p))?;
    let rest = rest.trim_start();
    if !rest.starts_with(':') && !rest.starts_with("la ") {
        return None;
    }
    Some(unit_in(rest))
}

/// The unit a text names: "triệu đồng", "(tỷ đồng)", "(VNĐ)".
pub fn unit_in(text: &str) -> Option<Unit> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let before_dong = words
        .iter()
        .position(|w| *w == "dong")
        .map(|i| if i > 0 { words[i - 1] } else { "" });
    match before_dong {
        Some("ty") => Some(Unit::TyDong),
        Some("trieu") => Some(Unit::TrieuDong),
        Some("nghin" | "ngan") => Some(Unit::NghinDong),
        Some(_) => Some(Unit::Dong),
        None if words.contains(&"vnd") => Some(Unit::Dong),
        None => None,
    }
}

/// A section line under an appendix ("I. DỰ ÁN CÔNG NGHỆ THÔNG TIN"): its label.
fn section_label(text: &str) -> Option<&str> {
    let (label, rest) = text.split_once(char::is_whitespace)?;
    let bare = label.trim_end_matches(['.', ')']);
    (label.len() > bare.len()
        && !rest.trim().is_empty()
        && super::labels::kind(bare) == Some(super::labels::LabelKind::Roman))
    .then_some(bare)
}

/// Splits the lines into the heading and the table: returns the heading and the index of the
/// table's first line. Without heading lines the table starts at 0 and the heading is empty.
///
/// With a header row, the table starts at the first line whose cells read as column titles
/// (two cells or more, or a lone "STT"), when only one-cell lines come before it. Without one
/// (`--no-header`, or a one-column table), a heading is read only when the paste starts with a
/// "Phụ lục" line; the title then ends at a blank line or at the caption.
pub fn split(lines: &[RawLine], no_header: bool) -> (Heading, usize) {
    if !no_header
        && let Some(start) = lines
            .iter()
            .position(|l| filled(l) >= 2 || single_text(l).is_some_and(|t| is_label_title(&t)))
        && start > 0
        && lines[..start].iter().filter(|l| !is_blank(l)).count() <= 12
    {
        return (read(&lines[..start], false).0, start);
    }
    let first = lines.iter().find(|l| !is_blank(l));
    if first
        .and_then(single_text)
        .and_then(|t| appendix_number(&t))
        .is_none()
    {
        return (Heading::default(), 0);
    }
    read(lines, true)
}

/// Reads heading lines. With `to_table`, stops where the table starts and says where.
fn read(lines: &[RawLine], to_table: bool) -> (Heading, usize) {
    #[derive(PartialEq)]
    enum Phase {
        Start,
        Title,
        AfterCaption,
    }
    let mut heading = Heading::default();
    let mut phase = Phase::Start;
    let mut title: Vec<(usize, String)> = Vec::new();
    let mut caption: Vec<String> = Vec::new();
    let mut in_caption = false;
    let mut blank_after_title = false;
    let mut section: Option<(String, String)> = None;
    let mut first_line = None;
    let mut last_line = None;
    let mut end = lines.len();
    for (index, line) in lines.iter().enumerate() {
        if is_blank(line) {
            if phase == Phase::Title && !title.is_empty() {
                blank_after_title = true;
            }
            continue;
        }
        let Some(text) = single_text(line) else {
            end = index;
            break;
        };
        let marked = line.cells.iter().any(|c| {
            let t = c.plain();
            let t = t.trim();
            t.starts_with('#') || t.starts_with("**")
        });
        if in_caption {
            caption.push(text.clone());
            in_caption = !text.ends_with(')');
            if !in_caption {
                phase = Phase::AfterCaption;
            }
        } else if heading.number.is_none()
            && phase != Phase::AfterCaption
            && let Some(number) = appendix_number(&text)
        {
            for (at, skipped) in title.drain(..) {
                heading.problems.push(skipped_line(at, &skipped));
            }
            first_line = Some(line.number);
            heading.number = Some(number).filter(|n| !n.is_empty());
            phase = Phase::Title;
        } else if caption.is_empty() && text.starts_with('(') {
            caption.push(text.clone());
            in_caption = !text.ends_with(')');
            if !in_caption {
                phase = Phase::AfterCaption;
            }
        } else if let Some(unit) = unit_line(&text) {
            if heading.unit.is_none() {
                heading.unit = unit;
            }
            if unit.is_none() {
                heading.problems.push(Problem {
                    line: line.number,
                    severity: Severity::Check,
                    message: format!(
                        "không đọc được đơn vị trong \"{text}\" — ghi `--unit` (dong, nghin-dong, \
                         trieu-dong, ty-dong)"
                    ),
                });
            }
            phase = Phase::AfterCaption;
        } else if phase != Phase::AfterCaption && !(to_table && blank_after_title && !marked) {
            title.push((line.number, text));
            phase = Phase::Title;
        } else if to_table {
            end = index;
            break;
        } else if section.is_none()
            && let Some(label) = section_label(&text)
        {
            section = Some((label.to_string(), text.clone()));
        } else {
            heading.problems.push(skipped_line(line.number, &text));
        }
        first_line.get_or_insert(line.number);
        last_line = Some(line.number);
    }
    let title = title
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ");
    heading.title = Some(title).filter(|t| !t.is_empty());
    heading.caption = Some(caption.join(" ")).filter(|c| !c.is_empty());
    if let Some((label, text)) = section {
        heading.number = heading.number.map(|n| format!("{n}.{label}"));
        heading.title = Some(match heading.title {
            Some(title) => format!("{title} – {text}"),
            None => text,
        });
    }
    heading.lines = first_line.zip(last_line);
    (heading, end)
}

fn skipped_line(line: usize, text: &str) -> Problem {
    Problem {
        line,
        severity: Severity::Check,
        message: format!(
            "dòng \"{text}\" trước hàng tiêu đề không phải số, tên, dòng \"(Kèm theo …)\" hay \
             đơn vị của phụ lục: đã bỏ qua"
        ),
    }
}

/// Checks a caption "(Kèm theo Kế hoạch số 10693/KH-UBND ngày 09/10/2020 …)" against the
/// number and the date (`YYYY-MM-DD`) of the document the appendix goes into; says what differs.
pub fn check_caption(caption: &str, number: Option<&str>, issued: &str) -> Vec<String> {
    let mut found = Vec::new();
    let squeezed: String = caption.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(number) = number {
        let number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        let symbol_at = squeezed
            .find("số")
            .or_else(|| squeezed.find("Số"))
            .map(|i| i + "số".len());
        let named = symbol_at.and_then(|at| {
            let rest = squeezed.get(at..)?;
            let end = rest.find("ngày").unwrap_or(rest.len());
            Some(rest[..end].trim_end_matches([',', ';']).to_string())
        });
        if !fold(&squeezed).contains(&fold(&number)) {
            found.push(format!(
                "dòng kèm theo ghi số \"{}\" nhưng văn bản là số {number}",
                named.unwrap_or_default()
            ));
        }
    }
    let parts: Vec<u32> = issued.split('-').filter_map(|p| p.parse().ok()).collect();
    if let Some((day, month, year)) = caption_date(caption)
        && let [y, m, d] = parts[..]
        && (y, m, d) != (year, month, day)
    {
        found.push(format!(
            "dòng kèm theo ghi ngày {day}/{month}/{year} nhưng văn bản ban hành ngày {d}/{m}/{y}"
        ));
    }
    found
}

/// The date after "ngày" in a caption: "09/10/2020", "09 / 10/2020", "31 tháng 12 năm 2020".
fn caption_date(caption: &str) -> Option<(u32, u32, u32)> {
    let folded = fold(caption);
    let at = folded.find("ngay ")? + "ngay ".len();
    let rest = folded.get(at..)?;
    let numbers: Vec<u32> = rest
        .replace("thang", "/")
        .replace("nam", "/")
        .split('/')
        .take(3)
        .map(|part| {
            let digits: String = part
                .trim()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<u32>().ok()
        })
        .collect::<Option<Vec<u32>>>()?;
    match numbers[..] {
        [day, month, year] if (1..=31).contains(&day) && (1..=12).contains(&month) => {
            Some((day, month, year % 10_000))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::read_tsv;

    #[test]
    fn reads_a_heading_and_finds_the_header() {
        let lines = read_tsv(
            "**Phụ lục III**  \n**DANH MỤC DỰ ÁN**  \n(Kèm theo Kế hoạch số 1/KH-UBND\nngày 2/3/2020)\n\n*Đơn vị tính: Triệu đồng*\n\nSTT\tTên\n1\tA\n",
        );
        let (heading, start) = split(&lines, false);
        assert_eq!(start, 7);
        assert_eq!(heading.number.as_deref(), Some("III"));
        assert_eq!(heading.title.as_deref(), Some("DANH MỤC DỰ ÁN"));
        assert_eq!(
            heading.caption.as_deref(),
            Some("(Kèm theo Kế hoạch số 1/KH-UBND ngày 2/3/2020)")
        );
        assert_eq!(heading.unit, Some(Unit::TrieuDong));
        assert_eq!(heading.lines, Some((1, 6)));
        assert!(heading.problems.is_empty());
    }

    #[test]
    fn a_list_heading_ends_at_the_blank_line() {
        let lines = read_tsv("PHỤ LỤC I\nVĂN BẢN\nGIAI ĐOẠN 2016-2020\n\nA. Văn bản\n1. Một\n");
        let (heading, start) = split(&lines, true);
        assert_eq!(start, 4);
        assert_eq!(
            heading.title.as_deref(),
            Some("VĂN BẢN GIAI ĐOẠN 2016-2020")
        );
        let (heading, start) = split(&read_tsv("1. Một\n2. Hai\n"), true);
        assert_eq!((heading, start), (Heading::default(), 0));
    }

    #[test]
    fn heading_lines_it_cannot_place_are_reported_with_their_numbers() {
        let lines = read_tsv(
            "Kế hoạch số 5\nPhụ lục II\nDANH MỤC\n(Kèm theo Kế hoạch số 5/KH-UBND)\n\
             I. DỰ ÁN CNTT\nNơi nhận: như trên\nSTT\tTên\n1\tA\n",
        );
        let (heading, start) = split(&lines, false);
        assert_eq!(start, 6, "the table starts at the header, line 7");
        assert_eq!(heading.number.as_deref(), Some("II.I"));
        assert_eq!(heading.title.as_deref(), Some("DANH MỤC – I. DỰ ÁN CNTT"));
        assert_eq!(
            heading.caption.as_deref(),
            Some("(Kèm theo Kế hoạch số 5/KH-UBND)")
        );
        assert_eq!(heading.lines, Some((2, 6)));
        let problems: Vec<(usize, Severity, &str)> = heading
            .problems
            .iter()
            .map(|p| (p.line, p.severity, p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    1,
                    Severity::Check,
                    "dòng \"Kế hoạch số 5\" trước hàng tiêu đề không phải số, tên, dòng \
                     \"(Kèm theo …)\" hay đơn vị của phụ lục: đã bỏ qua"
                ),
                (
                    6,
                    Severity::Check,
                    "dòng \"Nơi nhận: như trên\" trước hàng tiêu đề không phải số, tên, dòng \
                     \"(Kèm theo …)\" hay đơn vị của phụ lục: đã bỏ qua"
                ),
            ]
        );
    }

    #[test]
    fn units_and_captions() {
        assert_eq!(unit_line("ĐVT: Đồng"), Some(Some(Unit::Dong)));
        assert_eq!(unit_line("Đơn vị tính: tỷ đồng"), Some(Some(Unit::TyDong)));
        assert_eq!(unit_line("Đơn vị chủ trì"), None);
        assert_eq!(unit_in("Kinh phí (VNĐ)"), Some(Unit::Dong));
        assert_eq!(unit_in("Tên dự án"), None);
        assert!(
            check_caption(
                "(Kèm theo Kế hoạch số 10693 /KH-UBND ngày 09 / 10/2020 của UBND tỉnh)",
                Some("10693/KH-UBND"),
                "2020-10-09"
            )
            .is_empty()
        );
        let found = check_caption(
            "(Kèm theo Kế hoạch số 10/QĐ-KH-UBND ngày 09/2/2020 của UBND tỉnh)",
            Some("10693/KH-UBND"),
            "2020-10-09",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("10/QĐ-KH-UBND"), "{found:?}");
        assert!(
            check_caption(
                "(Ban hành kèm theo Quyết định số 2008/QĐ-UBND ngày 31 tháng 12 năm 2020)",
                Some("2008/QĐ-UBND"),
                "2020-12-31"
            )
            .is_empty()
        );
    }
}
