//! Reading amounts as printed ("168.686,5", "1,234.5", "1.200 (năm 2020 …)") into decimals.
//! Money is never a float.

use crate::model::NumberFormat;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why an amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountError {
    /// The numeric part that failed.
    pub token: String,
    /// What is wrong with it.
    pub reason: String,
}

/// Reads the number at the start of `text` in `format`.
///
/// Returns `Ok(None)` when the text does not begin with a digit ("-", "Lồng ghép", empty):
/// such a cell has no amount. Returns an error when it begins with a digit that does not
/// parse, such as "1.2.3" or "12.34" in Vietnamese format.
pub fn parse_amount(text: &str, format: NumberFormat) -> Result<Option<Decimal>, AmountError> {
    parse_in(text, format).map_err(|mut error| {
        // Written the other way ("1,234.5" in a Vietnamese table): say so, and how to write it.
        let other = match format {
            NumberFormat::Vi => NumberFormat::Us,
            NumberFormat::Us => NumberFormat::Vi,
        };
        if let Ok(Some(value)) = parse_in(&error.token, other) {
            // Name the separator the cell actually has: "1,234" has a thousands comma,
            // "82.51" a decimal point.
            let token = &error.token;
            error.reason = match format {
                NumberFormat::Vi => format!(
                    "số viết kiểu Anh–Mỹ ({}) trong phụ lục viết kiểu Việt Nam: ghi {}",
                    if token.contains(',') {
                        "dấu phẩy ngăn hàng nghìn"
                    } else {
                        "dấu chấm thập phân"
                    },
                    crate::vietnamese::format_number(value)
                ),
                NumberFormat::Us => format!(
                    "số viết kiểu Việt Nam ({}) trong phụ lục viết kiểu Anh–Mỹ (number_format: \
                     us): ghi {value}, hoặc đổi number_format",
                    if token.contains('.') {
                        "dấu chấm ngăn hàng nghìn"
                    } else {
                        "dấu phẩy thập phân"
                    }
                ),
            };
        }
        error
    })
}

fn parse_in(text: &str, format: NumberFormat) -> Result<Option<Decimal>, AmountError> {
    let text = text.trim();
    let (thousands, decimal) = match format {
        NumberFormat::Vi => ('.', ','),
        NumberFormat::Us => (',', '.'),
    };
    if let Some(problem) = unreadable_start(text, thousands) {
        return Err(problem);
    }
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let token: &str = text[..end].trim_end_matches(['.', ',']);
    let fail = |reason: &str| AmountError {
        token: token.to_string(),
        reason: reason.to_string(),
    };
    if let Some(group) = spaced_group(&text[end..]) {
        return Err(AmountError {
            token: format!("{token}{}", &text[end..end + group]),
            reason: format!(
                "các nhóm hàng nghìn ngăn bằng dấu cách: chỉ đọc được {token}; ngăn bằng dấu \
                 “{thousands}” (ví dụ 200{thousands}000)"
            ),
        });
    }
    let mut parts = token.split(decimal);
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    if parts.next().is_some() {
        return Err(fail("có nhiều hơn một dấu thập phân"));
    }
    if fraction.is_some_and(|f| f.contains(thousands)) {
        return Err(fail("dấu phân cách hàng nghìn nằm sau dấu thập phân"));
    }
    let groups: Vec<&str> = whole.split(thousands).collect();
    let groups_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !groups_ok {
        return Err(fail("các nhóm hàng nghìn phải có đúng 3 chữ số"));
    }
    let mut plain = groups.concat();
    if let Some(fraction) = fraction {
        if fraction.is_empty() {
            return Err(fail("thiếu chữ số sau dấu thập phân"));
        }
        plain.push('.');
        plain.push_str(fraction);
    }
    Decimal::from_str(&plain)
        .ok()
        .filter(within_limit)
        .map(|d| Some(d.normalize()))
        .ok_or_else(|| fail("số quá lớn (tối đa 18 chữ số phần nguyên)"))
}

/// What makes a cell that looks like an amount unreadable before its first digit: a minus
/// sign ("-82.518": budgets are not negative, and a dash alone means "none") or digits of
/// another script ("２００").
fn unreadable_start(text: &str, thousands: char) -> Option<AmountError> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let second = chars.next();
    let reason = if matches!(first, '-' | '\u{2212}' | '\u{2013}')
        && second.is_some_and(|c| c.is_ascii_digit())
    {
        "số tiền âm: kinh phí không thể âm; nếu dấu gạch chỉ là gạch đầu dòng thì xóa nó"
            .to_string()
    } else if first.is_numeric() && !first.is_ascii_digit() {
        format!(
            "chữ số không phải chữ số thường (0–9), thường do gõ bằng bộ gõ toàn độ rộng: gõ lại \
             số, ví dụ 200{thousands}000"
        )
    } else {
        return None;
    };
    let token = text.split_whitespace().next().unwrap_or(text).to_string();
    Some(AmountError { token, reason })
}

/// The length in bytes of a group of three digits after a space at the start of `rest` (what
/// follows a number's last digit), as in "200 000" or "1 747 201,5": spaces, no-break spaces
/// and thin spaces used as thousands separators, which would make the number read 1.000 times
/// too small.
fn spaced_group(rest: &str) -> Option<usize> {
    let after_space = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
    let spaces = rest.len() - after_space.len();
    let digits = after_space
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after_space.len());
    (spaces > 0 && digits == 3).then_some(spaces + digits)
}

/// True for amounts below 10^18 in size: far above any public budget in any unit, and low
/// enough that sums of millions of them and unit conversions cannot overflow a `Decimal`.
fn within_limit(value: &Decimal) -> bool {
    value.abs() < Decimal::from(1_000_000_000_000_000_000_i64)
}

/// Reads a plain decimal written with a dot ("90", "99.5", "1514"), as in targets and
/// explicit cell values.
pub fn parse_plain(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    Decimal::from_str(text)
        .ok()
        .filter(within_limit)
        .map(|d| d.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(text: &str) -> Result<Option<Decimal>, AmountError> {
        parse_amount(text, NumberFormat::Vi)
    }

    #[test]
    fn an_amount_written_the_other_way_says_how_to_write_it() {
        let error = parse_amount("1,234.5 triệu", NumberFormat::Vi).expect_err("US in a vi table");
        assert_eq!(error.token, "1,234.5");
        assert!(error.reason.contains("kiểu Anh–Mỹ"), "{}", error.reason);
        assert!(error.reason.ends_with("ghi 1.234,5"), "{}", error.reason);
        let error = parse_amount("1.234,5", NumberFormat::Us).expect_err("vi in a US table");
        assert!(error.reason.contains("ghi 1234.5"), "{}", error.reason);
        let error = parse_amount("82.51", NumberFormat::Vi).expect_err("a decimal point");
        assert!(
            error.reason.contains("(dấu chấm thập phân)"),
            "{}",
            error.reason
        );
        assert!(error.reason.ends_with("ghi 82,51"), "{}", error.reason);
        let error = parse_amount("200,00", NumberFormat::Us).expect_err("a decimal comma");
        assert!(
            error.reason.contains("(dấu phẩy thập phân)"),
            "{}",
            error.reason
        );
        let error = parse_amount("1.2.3", NumberFormat::Vi).expect_err("neither");
        assert!(!error.reason.contains("kiểu"), "{}", error.reason);
    }

    #[test]
    fn amounts_too_large_to_sum_are_refused() {
        assert!(vi("70.000.000.000.000.000.000.000.000.000").is_err());
        assert!(vi("999.999.999.999.999.999").is_ok());
        assert!(vi("1.000.000.000.000.000.000").is_err());
        assert_eq!(parse_plain("1000000000000000000"), None);
    }

    #[test]
    fn reads_vietnamese_amounts() {
        assert_eq!(vi("168.686,5").unwrap(), Some(Decimal::new(1686865, 1)));
        assert_eq!(vi("82.518").unwrap(), Some(Decimal::new(82518, 0)));
        assert_eq!(vi("928,3").unwrap(), Some(Decimal::new(9283, 1)));
        assert_eq!(vi("1905").unwrap(), Some(Decimal::new(1905, 0)));
        assert_eq!(
            vi("1.200 (năm 2020 giải ngân 800)").unwrap(),
            Some(Decimal::new(1200, 0))
        );
    }

    #[test]
    fn reads_us_amounts() {
        let us = |t| parse_amount(t, NumberFormat::Us).unwrap();
        assert_eq!(us("21,162,000"), Some(Decimal::new(21162000, 0)));
        assert_eq!(us("1,234.5"), Some(Decimal::new(12345, 1)));
    }

    #[test]
    fn thousands_spaced_negative_and_wide_amounts_are_errors_not_smaller_numbers() {
        for (text, reason) in [
            ("200 000", "ngăn bằng dấu cách: chỉ đọc được 200"),
            (
                "1\u{a0}747\u{a0}201,5",
                "ngăn bằng dấu cách: chỉ đọc được 1",
            ),
            ("-82.518", "số tiền âm"),
            ("\u{2212}82.518", "số tiền âm"),
            ("２００", "toàn độ rộng"),
        ] {
            let error = vi(text).expect_err(text);
            assert!(error.reason.contains(reason), "{text}: {}", error.reason);
        }
        // A number followed by words, a year or a dash alone stays as it was read.
        assert_eq!(
            vi("200 (năm 2020)").ok().flatten(),
            Some(Decimal::from(200))
        );
        assert_eq!(vi("200 2020-2025").ok().flatten(), Some(Decimal::from(200)));
        assert_eq!(vi("-").ok().flatten(), None);
        assert_eq!(vi("- Lồng ghép").ok().flatten(), None);
    }

    #[test]
    fn text_without_a_leading_digit_has_no_amount() {
        assert_eq!(vi("-").unwrap(), None);
        assert_eq!(vi("Lồng ghép").unwrap(), None);
        assert_eq!(vi("").unwrap(), None);
    }

    #[test]
    fn malformed_amounts_are_errors() {
        assert!(vi("1.2.3").is_err());
        assert!(vi("12.34").is_err());
        assert!(vi("1,2,3").is_err());
        assert!(vi("1.234,5.6").is_err());
    }

    #[test]
    fn plain_decimals() {
        assert_eq!(parse_plain("99.5"), Some(Decimal::new(995, 1)));
        assert_eq!(parse_plain("90"), Some(Decimal::new(90, 0)));
        assert_eq!(parse_plain("90%"), None);
        assert_eq!(parse_plain("9,5"), None);
    }
}
