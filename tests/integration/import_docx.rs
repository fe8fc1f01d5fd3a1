//! `congkhai import-table` on Word files (.docx) that the tests make from the seed tables: each
//! seed line a table row, the appendix's heading lines paragraphs before the table, a header
//! over a second header row ("Kinh phí dự kiến (tỷ đồng)" over "Tổng | SN | ĐT | TW") written
//! with cells merged across (`w:gridSpan`) and down (`w:vMerge`), long cells broken by line
//! breaks and paragraphs. The Word file must import to the same appendix as the pasted lines.

use crate::common;

use common::{Project, printed, repo};
use std::io::Write;

const SEED_000: &str = "000_64506bf368e2e8c1.txt";
const SEED_001: &str = "001_6c0da05849029f75.txt";
const SEED_002: &str = "002_0b1f64fc84b32932.txt";

fn seed_lines(seed: &str, from: usize, to: usize) -> Vec<String> {
    let path = repo().join("docs/sources").join(seed);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", path.display()));
    text.lines()
        .skip(from - 1)
        .take(to + 1 - from)
        .map(String::from)
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A cell's text as Word runs: `<b>…</b>` as bold, a long text broken after its 5th word by a
/// line break and after its 12th by a new paragraph.
fn cell_paragraphs(raw: &str) -> String {
    let bold = raw.trim().starts_with("<b>");
    let text = raw
        .replace("<b>", "")
        .replace("</b>", "")
        .replace("&nbsp;", " ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let run = |words: &[&str]| {
        format!(
            "<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            if bold { "<w:rPr><w:b/></w:rPr>" } else { "" },
            escape(&words.join(" "))
        )
    };
    if words.len() <= 5 {
        return format!("<w:p>{}</w:p>", run(&words));
    }
    let (first, rest) = words.split_at(5);
    let (second, third) = rest.split_at(rest.len().min(7));
    let mut out = format!("<w:p>{}<w:r><w:br/></w:r>{}</w:p>", run(first), run(second));
    if !third.is_empty() {
        out.push_str(&format!("<w:p>{}</w:p>", run(third)));
    }
    out
}

fn cell(raw: &str, properties: &str) -> String {
    let paragraphs = if raw.trim().is_empty() {
        "<w:p/>".to_string()
    } else {
        cell_paragraphs(raw)
    };
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>")
}

/// A heading line as a paragraph, without the Markdown marks of the conversion.
fn paragraph(line: &str) -> String {
    let text = line.trim().trim_start_matches('#').trim().trim_matches('*');
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text.trim())
    )
}

/// The table of seed lines: its heading lines (one cell) as paragraphs, then one row a line.
/// When the line under the header has no label and fills the columns after a title followed
/// by empty cells, the two are written as Word writes a two-level header: the title merged
/// across, the other header cells merged down.
fn table_xml(lines: &[String]) -> String {
    let start = lines
        .iter()
        .position(|l| l.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2)
        .expect("a header");
    let mut out = String::new();
    for line in &lines[..start] {
        if !line.trim().is_empty() {
            out.push_str(&paragraph(line));
        }
    }
    out.push_str("<w:tbl>");
    let rows: Vec<Vec<&str>> = lines[start..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    let header = &rows[0];
    let sub = rows.get(1).filter(|r| {
        r[0].trim().is_empty()
            && r.iter().enumerate().all(|(i, c)| {
                c.trim().is_empty()
                    || header.get(i).is_none_or(|h| h.trim().is_empty())
                    || header.get(i + 1).is_some_and(|h| h.trim().is_empty())
            })
    });
    let body: &[Vec<&str>] = match sub {
        Some(sub) => {
            // The spans: a title and the empty cells after it.
            let mut spans = Vec::new();
            let mut index = 0;
            while index < header.len() {
                let mut last = index;
                while last + 1 < header.len() && header[last + 1].trim().is_empty() {
                    last += 1;
                }
                spans.push((index, last));
                index = last + 1;
            }
            let (mut top, mut below) = (String::new(), String::new());
            for &(first, last) in &spans {
                if last > first {
                    top.push_str(&cell(
                        header[first],
                        &format!("<w:gridSpan w:val=\"{}\"/>", last - first + 1),
                    ));
                    for i in first..=last {
                        below.push_str(&cell(sub.get(i).copied().unwrap_or(""), ""));
                    }
                } else {
                    top.push_str(&cell(header[first], "<w:vMerge w:val=\"restart\"/>"));
                    below.push_str(&cell("", "<w:vMerge/>"));
                }
            }
            out.push_str(&format!("<w:tr>{top}</w:tr><w:tr>{below}</w:tr>"));
            &rows[2..]
        }
        None => &rows[..],
    };
    for row in body {
        out.push_str("<w:tr>");
        for raw in row {
            out.push_str(&cell(raw, ""));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// Writes a minimal Word file holding `body` (paragraphs and tables).
fn write_docx(path: &std::path::Path, body: &str) {
    let file = std::fs::File::create(path).expect("create docx");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
             </Types>"
                .to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
             </Relationships>"
                .to_string(),
        ),
        (
            "word/document.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
                 <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
                 <w:body>{body}<w:sectPr/></w:body></w:document>"
            ),
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish");
}

fn import(project: &Project, args: &[&str]) -> (String, String) {
    let mut all = vec!["import-table"];
    all.extend_from_slice(args);
    let output = project.run(&all);
    assert!(output.status.success(), "{all:?}:\n{}", printed(&output));
    (
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

/// The seed lines pasted as text and the same table in a Word file import to the same YAML.
fn same_as_paste(project: &Project, name: &str, seed: &str, from: usize, to: usize) -> String {
    let lines = seed_lines(seed, from, to);
    let text = project.path().join(format!("{name}.txt"));
    std::fs::write(&text, lines.join("\n") + "\n").expect("write txt");
    let word = project.path().join(format!("{name}.docx"));
    write_docx(&word, &table_xml(&lines));
    let (pasted, _) = import(project, &[&format!("{name}.txt")]);
    let (read, report) = import(project, &[&format!("{name}.docx")]);
    assert_eq!(
        read, pasted,
        "{name}: the Word file imports otherwise\n{report}"
    );
    read
}

#[test]
fn word_tables_made_from_seed_tables_import_as_the_pasted_lines() {
    let project = Project::new();
    // 000 Phụ lục III, whole: heading paragraphs, 17 rows, the grand total.
    let yaml = same_as_paste(&project, "pl3", SEED_000, 725, 752);
    assert!(yaml.contains("number: \"III\""), "{yaml}");
    assert!(
        yaml.contains(
            "title: \"DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ AN TOÀN THÔNG TIN TRIỂN KHAI GIAI ĐOẠN 2016 - 2020\""
        ),
        "{yaml}"
    );
    assert!(yaml.contains("unit: trieu-dong"), "{yaml}");
    assert!(yaml.contains("totals: { amount: \"87.751\" }"), "{yaml}");
    assert_eq!(yaml.matches("\n  - stt: ").count(), 17, "{yaml}");

    // 002 Phụ lục III: "Kinh phí dự kiến (tỷ đồng)" merged over Tổng | SN | ĐT | TW.
    let yaml = same_as_paste(&project, "tn3", SEED_002, 705, 759);
    for title in ["Tổng", "SN", "ĐT", "TW"] {
        assert!(
            yaml.contains(&format!(
                "title: \"Kinh phí dự kiến (tỷ đồng) {title}\", role: amount"
            )),
            "{title}: {yaml}"
        );
    }
    assert!(
        yaml.contains("unit: ty-dong"),
        "the unit of the merged title: {yaml}"
    );
    assert!(
        !yaml.contains("\"SN\""),
        "the second header row is no row: {yaml}"
    );

    // 002 Phụ lục II: "Kinh phí thực hiện (Ngân sách địa phương)" over 2016 | 2017 | 2018.
    let yaml = same_as_paste(&project, "tn2", SEED_002, 600, 703);
    assert!(
        yaml.contains("{ key: y2017, title: \"Kinh phí thực hiện (Ngân sách địa phương) 2017\", role: amount }"),
        "{yaml}"
    );

    // 001 Phụ lục II, part I: a section line under the caption.
    let yaml = same_as_paste(&project, "bc2", SEED_001, 182, 218);
    assert!(yaml.contains("id: ii-i\nnumber: \"II.I\""), "{yaml}");
}

#[test]
fn a_word_file_with_several_tables_lists_them_and_imports_the_one_chosen() {
    let project = Project::new();
    let second = seed_lines(SEED_000, 615, 723);
    let third = seed_lines(SEED_000, 725, 752);
    write_docx(
        &project.path().join("ke-hoach.docx"),
        &format!(
            "{}{}{}",
            paragraph("Nội dung kế hoạch ở đây."),
            table_xml(&second),
            table_xml(&third)
        ),
    );
    let output = project.run(&["import-table", "ke-hoach.docx", "--list"]);
    let listed = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(output.status.success(), "{}", printed(&output));
    assert!(listed.contains("Bảng 1: 83 hàng × 9 cột"), "{listed}");
    assert!(
        listed.contains(
            "Bảng 2: 19 hàng × 9 cột\n  đoạn trước: \"DANH MỤC CÁC DỰ ÁN, NHIỆM VỤ AN TOÀN THÔNG TIN"
        ),
        "{listed}"
    );
    assert!(
        listed.contains("hàng đầu (tiêu đề): Số thứ tự | Tên dự án/nhiệm vụ"),
        "{listed}"
    );

    let output = project.run(&["import-table", "ke-hoach.docx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        printed(&output).contains("tệp có 2 bảng; chọn một bằng --table SỐ"),
        "{}",
        printed(&output)
    );
    let output = project.run(&["import-table", "ke-hoach.docx", "--table", "3"]);
    assert!(
        printed(&output).contains("--table 3: tệp có 2 bảng"),
        "{}",
        printed(&output)
    );

    let (yaml, _) = import(&project, &["ke-hoach.docx", "--table", "2"]);
    std::fs::write(project.path().join("pl3.txt"), third.join("\n")).expect("write");
    let (pasted, _) = import(&project, &["pl3.txt"]);
    assert_eq!(yaml, pasted);
    let (first, report) = import(&project, &["ke-hoach.docx", "--table", "1"]);
    assert!(first.contains("number: \"II\""), "{first}");
    assert!(first.contains("total_label: \"Tổng cộng:\""), "{first}");
    assert!(report.contains("Đã chuyển 77 hàng"), "{report}");

    std::fs::write(project.path().join("hong.docx"), "không phải zip").expect("write");
    let output = project.run(&["import-table", "hong.docx"]);
    assert!(
        printed(&output).contains("không phải tệp Word .docx"),
        "{}",
        printed(&output)
    );
}
