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
            error.reason = match format {
                NumberFormat::Vi => format!(
                    "số viết kiểu Anh–Mỹ (dấu phẩy ngăn hàng nghìn) trong phụ lục viết kiểu Việt \
                     Nam: ghi {}",
                    crate::vietnamese::format_number(value)
                ),
                NumberFormat::Us => format!(
                    "số viết kiểu Việt Nam (dấu chấm ngăn hàng nghìn) trong phụ lục viết kiểu \
                     Anh–Mỹ (number_format: us): ghi {value}, hoặc đổi number_format"
                ),
            };
        }
        error
    })
}

fn parse_in(text: &str, format: NumberFormat) -> Result<Option<Decimal>, AmountError> {
    let text = text.trim();
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let token: &str = {
        let end = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(text.len());
        text[..end].trim_end_matches(['.', ','])
    };
    let (thousands, decimal) = match format {
        NumberFormat::Vi => ('.', ','),
        NumberFormat::Us => (',', '.'),
    };
    let fail = |reason: &str| AmountError {
        token: token.to_string(),
        reason: reason.to_string(),
    };
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
