//! The money of the plans, added up where a reader looks: each province's current plan, by
//! funding source, by period. Every sum here is derived from the rows as printed; pages say
//! so and link each figure to its rows.

use super::{Appendix, Document, RowMention, Site};
use crate::model::DocumentKind;
use crate::vietnamese::{fold, format_number};
use rust_decimal::Decimal;

/// Whether an appendix lists its document's own period (a plan's 2021–2025 projects), not
/// what was done before (the 2016–2020 list of the same plan): an appendix without a period
/// of its own is its document's.
pub fn is_own_period(document: &Document, appendix: &Appendix) -> bool {
    match (appendix.period, document.period) {
        (Some(own), Some(doc)) => own.from >= doc.from && own.to <= doc.to,
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// The project rows of a plan that its money is: those of its own period's appendices.
pub fn planned(document: &Document) -> impl Iterator<Item = &RowMention> {
    document.projects.iter().filter(|m| {
        document
            .appendices
            .get(m.appendix)
            .is_some_and(|a| is_own_period(document, a))
    })
}

/// The grand total a plan prints for its own period: the sum of the stated totals of its
/// own-period appendices with money, when every one of them states one.
pub fn stated_total(document: &Document) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    let mut any = false;
    for (position, appendix) in document.appendices.iter().enumerate() {
        let has_rows = document.projects.iter().any(|m| m.appendix == position);
        if !has_rows || !is_own_period(document, appendix) {
            continue;
        }
        total += appendix.stated_total_in_millions()?;
        any = true;
    }
    any.then_some(total)
}

/// A province's current plan: its most recent plan with money for its own period.
pub fn current_plan<'a>(site: &'a Site, province: &str) -> Option<&'a Document> {
    // Documents are newest first.
    site.documents.iter().find(|d| {
        d.province == province
            && d.kind == DocumentKind::Plan
            && planned(d).any(|m| m.amount.is_some())
    })
}

/// The money of one set of project rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// How many rows.
    pub count: usize,
    /// How many of them give an amount.
    pub with_amount: usize,
    /// The sum of their amounts, in triệu đồng.
    pub total: Decimal,
}

impl Tally {
    /// Adds one row.
    pub fn add(&mut self, mention: &RowMention) {
        self.count += 1;
        if let Some(amount) = mention.amount {
            self.with_amount += 1;
            self.total = self.total.checked_add(amount).unwrap_or(self.total);
        }
    }

    /// The tally of `mentions`.
    pub fn of<'a>(mentions: impl IntoIterator<Item = &'a RowMention>) -> Tally {
        let mut tally = Tally::default();
        for mention in mentions {
            tally.add(mention);
        }
        tally
    }
}

/// A funding source as a group of the totals, read from the printed text: the budget it
/// names, whatever the spelling ("NSĐP", "NSDP", "Ngân sách tỉnh"). The printed text stays
/// on every row; this grouping is derived, and the pages say so.
pub fn funding_group(text: &str) -> &'static str {
    let folded = fold(text);
    // What is in brackets qualifies the source ("(Vốn đầu tư)"), it does not change it.
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && (c.is_alphanumeric() || c.is_whitespace()) => plain.push(c),
            _ => plain.push(' '),
        }
    }
    let names_local = ["nsdp", "ngan sach dia phuong", "ngan sach tinh", "nstinh"]
        .iter()
        .any(|k| plain.contains(k));
    let names_central = ["nstw", "ngan sach trung uong", "trung uong"]
        .iter()
        .any(|k| plain.contains(k));
    let names_other = [
        "xhh",
        "xa hoi hoa",
        "khac",
        "doanh nghiep",
        "oda",
        "von vay",
    ]
    .iter()
    .any(|k| plain.contains(k));
    match (names_local, names_central, names_other) {
        (false, false, false) if plain.trim().is_empty() => NOT_STATED,
        (true, false, false) => "Ngân sách địa phương",
        (false, true, false) => "Ngân sách trung ương",
        (false, false, true) => "Nguồn khác, xã hội hóa",
        (false, false, false) => "Nguồn khác, xã hội hóa",
        _ => "Nhiều nguồn",
    }
}

/// Every funding group, in the order the pages list them.
pub const FUNDING_GROUPS: [&str; 5] = [
    "Ngân sách địa phương",
    "Ngân sách trung ương",
    "Nhiều nguồn",
    "Nguồn khác, xã hội hóa",
    NOT_STATED,
];

/// The group of rows whose funding column is empty or absent (an appendix may give its
/// sources as amount columns instead, as Tây Ninh's does).
pub const NOT_STATED: &str = "Không ghi trong cột nguồn vốn";

/// An amount in triệu đồng as a headline reads it: in tỷ đồng with one decimal
/// ("1.747,2 tỷ đồng"), or in triệu đồng below one tỷ.
pub fn headline(million: Decimal) -> String {
    let thousand = Decimal::from(1000);
    if million.abs() >= thousand {
        let ty = (million / thousand).round_dp(1);
        format!("{} tỷ đồng", format_number(ty))
    } else {
        format!("{} triệu đồng", format_number(million.round_dp(1)))
    }
}

/// The exact figure behind a headline: "1.747.201,5 triệu đồng".
pub fn exact(million: Decimal) -> String {
    format!("{} triệu đồng", format_number(million))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_are_in_ty_dong_with_one_decimal() {
        let m = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(headline(m("1747201.5")), "1.747,2 tỷ đồng");
        assert_eq!(headline(m("18000")), "18 tỷ đồng");
        assert_eq!(headline(m("40617.142156")), "40,6 tỷ đồng");
        assert_eq!(headline(m("480")), "480 triệu đồng");
        assert_eq!(exact(m("40617.142156")), "40.617,142156 triệu đồng");
    }

    #[test]
    fn funding_sources_group_whatever_the_spelling() {
        assert_eq!(funding_group("NSĐP"), "Ngân sách địa phương");
        assert_eq!(funding_group("NSDP (Vốn đầu tư)"), "Ngân sách địa phương");
        assert_eq!(funding_group("Ngân sách tỉnh"), "Ngân sách địa phương");
        assert_eq!(funding_group("NSTW"), "Ngân sách trung ương");
        assert_eq!(
            funding_group("Ngân sách tỉnh, Ngân sách Trung ương"),
            "Nhiều nguồn"
        );
        assert_eq!(funding_group("Khác (XHH)"), "Nguồn khác, xã hội hóa");
        assert_eq!(
            funding_group("- NSĐP (Vốn đầu tư): 4.000; - Khác (XHH): 11.000."),
            "Nhiều nguồn"
        );
        assert_eq!(funding_group(""), NOT_STATED);
        assert_eq!(funding_group("-"), NOT_STATED);
    }
}
