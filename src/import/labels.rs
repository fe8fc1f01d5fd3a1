//! Reading row labels ("I", "A", "2.1", "1,10", "3.") to tell groups from items and how
//! deep they sit.

/// The kind of a row label, used to nest groups: a label of the same kind as an open group
/// closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A, B, C …
    Letter,
    /// I, II, III …
    Roman,
    /// 1, 2.1, 1,10 … with the number of parts.
    Arabic(usize),
}

/// The kind of `label`, or `None` when it is not a label.
pub fn kind(label: &str) -> Option<LabelKind> {
    let label = label.trim().trim_end_matches(['.', ')']);
    if label.is_empty() {
        return None;
    }
    if label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) && label.len() <= 6 {
        return Some(LabelKind::Roman);
    }
    if label.chars().count() == 1 && label.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(LabelKind::Letter);
    }
    let parts: Vec<&str> = label.split(['.', ',']).collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
    {
        return Some(LabelKind::Arabic(parts.len()));
    }
    None
}

/// The value of a label for counting order: roman and arabic numbers, letters by position.
pub fn value(label: &str) -> Option<u32> {
    let label = label.trim().trim_end_matches(['.', ')']);
    match kind(label)? {
        LabelKind::Roman => {
            let digit = |c| match c {
                'I' => 1,
                'V' => 5,
                'X' => 10,
                _ => 50,
            };
            let digits: Vec<u32> = label.chars().map(digit).collect();
            Some(digits.iter().enumerate().fold(0i64, |sum, (i, &d)| {
                if digits.get(i + 1).is_some_and(|&next| next > d) {
                    sum - i64::from(d)
                } else {
                    sum + i64::from(d)
                }
            }) as u32)
        }
        LabelKind::Letter => label.chars().next().map(|c| c as u32),
        LabelKind::Arabic(_) => label.split(['.', ',']).next_back()?.parse().ok(),
    }
}

/// Whether `child` numbers an item under `parent` ("2" → "2.1", "1" → "1,10").
pub fn is_child(parent: &str, child: &str) -> bool {
    let parent = parent.trim().trim_end_matches('.');
    let child = child.trim();
    [".", ","].iter().any(|sep| {
        child
            .strip_prefix(parent)
            .and_then(|rest| rest.strip_prefix(sep))
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Splits a label glued to the text after it ("II   Thuê dịch vụ CNTT", "1 Kế hoạch số …").
pub fn split_glued(cell: &str) -> Option<(&str, &str)> {
    let (label, rest) = cell.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    if rest.is_empty() || kind(label).is_none() {
        return None;
    }
    Some((label, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_label_kinds() {
        assert_eq!(kind("II"), Some(LabelKind::Roman));
        assert_eq!(kind("A"), Some(LabelKind::Letter));
        assert_eq!(kind("2.1"), Some(LabelKind::Arabic(2)));
        assert_eq!(kind("1,10"), Some(LabelKind::Arabic(2)));
        assert_eq!(kind("3."), Some(LabelKind::Arabic(1)));
        assert_eq!(kind("Tổng cộng"), None);
        assert_eq!(kind("2016"), None);
    }

    #[test]
    fn children_and_glued_labels() {
        assert!(is_child("2", "2.1"));
        assert!(is_child("1", "1,10"));
        assert!(!is_child("1", "10"));
        assert_eq!(
            split_glued("II   Thuê dịch vụ CNTT"),
            Some(("II", "Thuê dịch vụ CNTT"))
        );
        assert_eq!(split_glued("Kế hoạch số 1"), None);
        assert_eq!(value("IV"), Some(4));
        assert_eq!(value("XIV"), Some(14));
        assert_eq!(value("2.10"), Some(10));
    }
}
