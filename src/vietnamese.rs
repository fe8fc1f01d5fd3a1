//! Vietnamese conventions: number and date formats, alphabetical order, folding.
//!
//! Written by hand because no maintained crate formats `rust_decimal` values the
//! Vietnamese way, and a full ICU collator costs minutes of build time for one ordering.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// Formats a decimal the Vietnamese way: `1.747.201,5`.
pub fn format_number(value: Decimal) -> String {
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

/// A goal as it is read: "≥ 80%", "≥ 1 lần/năm", "25 hạng". The sign and a word unit are
/// held to the figure by no-break spaces, so that "≥" never ends a line alone; "%" follows the
/// figure directly, as the documents write it.
pub fn goal_text(comparison: Option<&str>, value: Decimal, unit: Option<&str>) -> String {
    let mut text = String::new();
    if let Some(sign) = comparison.filter(|c| !c.is_empty()) {
        text.push_str(sign);
        text.push('\u{a0}');
    }
    text.push_str(&format_number(value));
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) if unit.starts_with('%') => text.push_str(unit),
        Some(unit) => {
            text.push('\u{a0}');
            text.push_str(unit);
        }
        None => {}
    }
    text
}

/// Formats a date as a Vietnamese document prints it: `ngày 09 tháng 10 năm 2020`.
pub fn format_date_long(date: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        date.day(),
        date.month(),
        date.year()
    )
}

/// Formats a date in short form: `09/10/2020`.
pub fn format_date_short(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Reads a `YYYY-MM-DD` date; `None` for impossible dates such as 2021-02-30.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Base letter, letter modifier rank and tone of one character.
fn decompose(c: char) -> (char, u8, u8) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), 0, 0);
    }
    let mut base = c;
    let mut modifier = 0;
    let mut tone = 0;
    for part in c.to_lowercase().collect::<String>().nfd() {
        match part {
            '\u{0306}' => modifier = 1, // ă
            '\u{0302}' => modifier = 2, // â ê ô
            '\u{031B}' => modifier = 3, // ơ ư
            '\u{0300}' => tone = 1,     // huyền
            '\u{0309}' => tone = 2,     // hỏi
            '\u{0303}' => tone = 3,     // ngã
            '\u{0301}' => tone = 4,     // sắc
            '\u{0323}' => tone = 5,     // nặng
            'đ' => {
                base = 'd';
                modifier = 1;
            }
            other => base = other,
        }
    }
    (base, modifier, tone)
}

/// A calendar date that exists, read once from its `YYYY-MM-DD` text (see [`parse_date`]),
/// which it keeps: it is written and compared as that text, and printed the Vietnamese way
/// by [`Date::short`] and [`Date::long`] without being read again.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The date; ordering by it first orders dates as their ISO text does.
    date: NaiveDate,
    /// `YYYY-MM-DD`.
    iso: String,
}

impl Date {
    /// The date of a `YYYY-MM-DD` text; `None` for any other text or an impossible date.
    pub fn parse(text: &str) -> Option<Date> {
        parse_date(text).map(Date::from)
    }

    /// `2020-10-09`.
    pub fn iso(&self) -> &str {
        &self.iso
    }

    /// `2020-10-09`, as the content and the open data write it.
    pub fn as_str(&self) -> &str {
        &self.iso
    }

    /// `09/10/2020`.
    pub fn short(&self) -> String {
        format_date_short(self.date)
    }

    /// `ngày 09 tháng 10 năm 2020`.
    pub fn long(&self) -> String {
        format_date_long(self.date)
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.date.year()
    }

    /// The date itself.
    pub fn naive(&self) -> NaiveDate {
        self.date
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Date {
        Date {
            date,
            iso: date.format("%Y-%m-%d").to_string(),
        }
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.iso
    }
}

/// A date reads as its ISO text wherever text is expected (`&document.issued` as `&str`).
impl std::ops::Deref for Date {
    type Target = str;
    fn deref(&self) -> &str {
        &self.iso
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso)
    }
}

/// Written as its ISO text, as the content writes it.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso)
    }
}

/// `09/10/2020` from an ISO date, or the text unchanged.
pub fn short_date(iso: &str) -> String {
    parse_date(iso)
        .map(format_date_short)
        .unwrap_or_else(|| iso.to_string())
}

/// `ngày 09 tháng 10 năm 2020` from an ISO date, or the text unchanged.
pub fn long_date(iso: &str) -> String {
    parse_date(iso)
        .map(format_date_long)
        .unwrap_or_else(|| iso.to_string())
}

/// A key that sorts strings in Vietnamese alphabetical order: a ă â b c d đ e ê … u ư v x y,
/// letters before tones (tones only break ties), case ignored.
pub fn sort_key(text: &str) -> (Vec<u32>, Vec<u8>) {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    for c in nfc(text.to_string()).chars() {
        let (base, modifier, tone) = decompose(c);
        letters.push((base as u32) * 4 + u32::from(modifier));
        tones.push(tone);
    }
    (letters, tones)
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// Lowercase, without tones or letter marks, đ → d: "Đắk Nông" → "dak nong".
pub fn fold(text: &str) -> String {
    nfc(text.chars().map(|c| decompose(c).0).collect())
}

/// `text` in Unicode NFC; text that is NFC already (nearly all of it) is returned as it is,
/// without re-composing it.
pub fn nfc(text: String) -> String {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        text
    } else {
        text.nfc().collect()
    }
}

/// An ASCII slug for anchors: "I. MỤC TIÊU" → "i-muc-tieu".
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// A count the Vietnamese way: `1.234`.
pub fn format_count(count: usize) -> String {
    format_number(Decimal::from(count as u64))
}

/// A size the Vietnamese way: `999 B`, `12,3 kB`, `2,5 MB`.
pub fn size_label(bytes: u64) -> String {
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let (value, unit) = if bytes < 1_000_000 {
        (Decimal::from(bytes) / Decimal::from(1000), "kB")
    } else {
        (Decimal::from(bytes) / Decimal::from(1_000_000), "MB")
    };
    format!("{} {unit}", format_number(value.round_dp(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_the_vietnamese_way() {
        assert_eq!(size_label(999), "999 B");
        assert_eq!(size_label(12_345), "12,3 kB");
        assert_eq!(size_label(2_500_000), "2,5 MB");
        assert_eq!(size_label(1_234_567_890), "1.234,6 MB");
    }

    #[test]
    fn numbers_use_dots_for_thousands_and_comma_for_decimals() {
        assert_eq!(format_number(Decimal::new(17472015, 1)), "1.747.201,5");
        assert_eq!(format_number(Decimal::new(350, 0)), "350");
        assert_eq!(format_number(Decimal::new(1000, 0)), "1.000");
        assert_eq!(format_number(Decimal::new(-12345, 0)), "-12.345");
        assert_eq!(format_number(Decimal::new(1686865, 1)), "168.686,5");
    }

    #[test]
    fn dates_read_like_documents() {
        let date = parse_date("2020-10-09").unwrap();
        assert_eq!(format_date_long(date), "ngày 09 tháng 10 năm 2020");
        assert_eq!(format_date_short(date), "09/10/2020");
        assert!(parse_date("2021-02-30").is_none());
        let date = Date::parse("2020-10-09").unwrap();
        assert_eq!(
            (date.iso(), date.short().as_str()),
            ("2020-10-09", "09/10/2020")
        );
        assert_eq!(date.long(), "ngày 09 tháng 10 năm 2020");
        assert!(Date::parse("2020-10-09").unwrap() < Date::parse("2021-01-01").unwrap());
        assert!(parse_date("2021-2-3").is_none());
    }

    #[test]
    fn vietnamese_alphabetical_order() {
        let mut names = vec![
            "Đắk Nông",
            "Ủy ban",
            "Dương",
            "Ưu tiên",
            "An",
            "Ăn",
            "Ân",
            "Bình",
            "Uông",
        ];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            vec![
                "An",
                "Ăn",
                "Ân",
                "Bình",
                "Dương",
                "Đắk Nông",
                "Uông",
                "Ủy ban",
                "Ưu tiên"
            ]
        );
    }

    #[test]
    fn folding_removes_tones_and_marks() {
        assert_eq!(fold("Đắk Nông"), "dak nong");
        assert_eq!(fold("CHUYỂN ĐỔI SỐ"), "chuyen doi so");
        assert_eq!(slugify("I. MỤC TIÊU CỤ THỂ"), "i-muc-tieu-cu-the");
    }
}
