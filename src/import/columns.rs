//! The columns of an imported table: given with `--columns`, or guessed from the header row.

use crate::model::ColumnRole;
use crate::vietnamese::fold;

/// One column of the appendix being written.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Key used by the rows.
    pub key: String,
    /// The header as printed.
    pub title: String,
    /// What the column holds.
    pub role: ColumnRole,
}

/// A column as given on the command line: `key=role` or `key=role:Title`.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    /// Key used by the rows.
    pub key: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// The header, when given.
    pub title: Option<String>,
}

/// Parses `--columns stt=label,name=name,amount=amount:Tổng mức đầu tư`.
pub fn parse_specs(text: &str) -> Result<Vec<ColumnSpec>, String> {
    text.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let (key, rest) = part.split_once('=').ok_or_else(|| {
                format!("`{part}`: viết cột dạng khóa=vai-trò, ví dụ `amount=amount`")
            })?;
            let (role, title) = match rest.split_once(':') {
                Some((role, title)) => (role, Some(title.trim().to_string())),
                None => (rest, None),
            };
            let key = key.trim().to_string();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(format!(
                    "`{key}`: khóa cột chỉ gồm chữ thường không dấu, số và `_`"
                ));
            }
            Ok(ColumnSpec {
                key,
                role: parse_role(role.trim())?,
                title,
            })
        })
        .collect()
}

/// Reads a role name (`label`, `name`, `agency`, `amount` …).
pub fn parse_role(text: &str) -> Result<ColumnRole, String> {
    Ok(match text {
        "label" => ColumnRole::Label,
        "name" => ColumnRole::Name,
        "agency" => ColumnRole::Agency,
        "goal" => ColumnRole::Goal,
        "scale" => ColumnRole::Scale,
        "period" => ColumnRole::Period,
        "amount" => ColumnRole::Amount,
        "funding" => ColumnRole::Funding,
        "status" => ColumnRole::Status,
        "note" => ColumnRole::Note,
        "text" => ColumnRole::Text,
        "date" => ColumnRole::Date,
        "document" => ColumnRole::Document,
        other => {
            return Err(format!(
                "`{other}` không phải vai trò cột; dùng một trong: label, name, agency, goal, \
                 scale, period, amount, funding, status, note, text, date, document"
            ));
        }
    })
}

/// Guesses a column's role from its header ("STT", "Tên dự án", "Nguồn vốn", "2023" …).
pub fn guess_role(title: &str) -> ColumnRole {
    let folded = fold(title);
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    let is_year = {
        let t = title.trim();
        t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    if matches!(folded.trim(), "stt" | "tt" | "so tt") || has(&["so thu tu"]) {
        ColumnRole::Label
    } else if has(&["so ky hieu", "so hieu"]) {
        ColumnRole::Document
    } else if has(&["nguon von", "nguon kinh phi"]) {
        ColumnRole::Funding
    } else if is_year
        || has(&[
            "kinh phi",
            "muc dau tu",
            "von",
            "du toan",
            "dong",
            "tong so",
        ])
    {
        ColumnRole::Amount
    } else if has(&["ten ", "trich yeu", "noi dung", "nhiem vu"]) || folded.starts_with("ten") {
        ColumnRole::Name
    } else if has(&["chu tri", "chu dau tu", "co quan", "don vi"]) {
        ColumnRole::Agency
    } else if has(&["muc tieu"]) {
        ColumnRole::Goal
    } else if has(&["quy mo"]) {
        ColumnRole::Scale
    } else if has(&["thoi gian", "giai doan"]) {
        ColumnRole::Period
    } else if has(&["hieu qua", "hien trang", "tien do", "tinh trang", "ket qua"]) {
        ColumnRole::Status
    } else if has(&["ghi chu"]) {
        ColumnRole::Note
    } else if has(&["ngay"]) {
        ColumnRole::Date
    } else {
        ColumnRole::Text
    }
}

/// The usual key of a role; repeated roles get `_2`, `_3` … (amount columns keep their year).
fn base_key(role: ColumnRole, title: &str) -> String {
    // "2023", or a year under a merged title: "Kinh phí thực hiện 2016".
    let t = title.split_whitespace().next_back().unwrap_or_default();
    if role == ColumnRole::Amount && t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        return format!("y{t}");
    }
    match role {
        ColumnRole::Label => "stt".to_string(),
        other => other.key().to_string(),
    }
}

/// Builds the columns from the header (if any) and the specs (if any). Specs win; the header
/// supplies titles; without either, columns are `text`, `text_2` ….
pub fn build(header: Option<&[String]>, specs: Option<&[ColumnSpec]>, width: usize) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    let count = specs.map(<[ColumnSpec]>::len).unwrap_or(width);
    for index in 0..count {
        let printed = header.and_then(|h| h.get(index)).filter(|t| !t.is_empty());
        let column = match specs.and_then(|s| s.get(index)) {
            Some(spec) => Column {
                key: spec.key.clone(),
                title: spec
                    .title
                    .clone()
                    .or_else(|| printed.cloned())
                    .unwrap_or_else(|| spec.key.clone()),
                role: spec.role,
            },
            None => {
                let title = printed.cloned().unwrap_or_default();
                let role = if index == 0 && title.is_empty() && header.is_some() {
                    ColumnRole::Label
                } else {
                    guess_role(&title)
                };
                let base = base_key(role, &title);
                let mut key = base.clone();
                let mut n = 2;
                while columns.iter().any(|c| c.key == key) {
                    key = format!("{base}_{n}");
                    n += 1;
                }
                let title = if title.is_empty() { key.clone() } else { title };
                Column { key, title, role }
            }
        };
        columns.push(column);
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_roles_from_vietnamese_headers() {
        let header: Vec<String> = [
            "Số thứ tự",
            "Tên dự án/nhiệm vụ",
            "Đơn vị chủ trì",
            "Mục tiêu đầu tư",
            "Quy mô đầu tư",
            "Thời gian thực hiện",
            "Tổng mức đầu tư",
            "Nguồn vốn",
            "Hiệu quả /hiện trạng",
            "2023",
        ]
        .map(String::from)
        .to_vec();
        let columns = build(Some(&header), None, header.len());
        let keys: Vec<&str> = columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "stt", "name", "agency", "goal", "scale", "period", "amount", "funding", "status",
                "y2023"
            ]
        );
        assert_eq!(columns[9].role, ColumnRole::Amount);
    }

    #[test]
    fn specs_win_and_bad_specs_explain() {
        let specs = parse_specs("stt=label,ten=name:Tên,tien=amount").unwrap();
        let header = vec!["TT".to_string(), "Tên nhiệm vụ".to_string()];
        let columns = build(Some(&header), Some(&specs), 5);
        assert_eq!(columns.len(), 3);
        assert_eq!(columns[0].title, "TT");
        assert_eq!(columns[1].title, "Tên");
        assert_eq!(columns[2].title, "tien");
        assert!(parse_specs("stt").unwrap_err().contains("khóa=vai-trò"));
        assert!(parse_specs("stt=tien").unwrap_err().contains("vai trò"));
    }
}
