//! Groups of phrases that mean the same thing: common abbreviations and every agency's
//! names and aliases. The search client matches any phrase of a group where the query has
//! another, so "CNTT" finds "công nghệ thông tin" and "Sở TT&TT" finds the Sở's full name.

use super::tokenize::tokenize;
use crate::site::Site;
use std::collections::BTreeSet;

/// Abbreviations used in provincial plans, with their full forms.
const ABBREVIATIONS: &[&[&str]] = &[
    &["CNTT", "công nghệ thông tin"],
    &["TTHC", "thủ tục hành chính"],
    &["CSDL", "cơ sở dữ liệu"],
    &["TT&TT", "TTTT", "thông tin và truyền thông"],
    &["UBND", "ủy ban nhân dân"],
    &["HĐND", "hội đồng nhân dân"],
    &["CĐS", "chuyển đổi số"],
    &["ATTT", "an toàn thông tin"],
    &["KH&ĐT", "KHĐT", "kế hoạch và đầu tư"],
    &["DVC", "DVCTT", "dịch vụ công trực tuyến"],
    &["CQĐT", "chính quyền điện tử"],
    &["CPĐT", "chính phủ điện tử"],
    &["HTTT", "hệ thống thông tin"],
    &["NSNN", "ngân sách nhà nước"],
    &["NSĐP", "ngân sách địa phương"],
    &["NSTW", "ngân sách trung ương"],
    &["LĐ-TB&XH", "LĐTBXH", "lao động thương binh và xã hội"],
    &["GD&ĐT", "GDĐT", "giáo dục và đào tạo"],
    &["TN&MT", "TNMT", "tài nguyên và môi trường"],
    &["VH-TT&DL", "văn hóa thể thao và du lịch"],
    &["KT-XH", "kinh tế xã hội"],
    &["IOC", "trung tâm giám sát điều hành thông minh"],
];

/// A phrase as the client matches it: its folded tokens joined by spaces.
fn folded_phrase(text: &str) -> String {
    tokenize(text)
        .into_iter()
        .map(|t| t.folded)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every synonym group of `site`: the abbreviations, then one group per agency that has
/// more than one name. Phrases are folded; groups of one phrase are left out.
pub fn synonym_groups(site: &Site) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    let mut push = |names: Vec<&str>| {
        let set: BTreeSet<String> = names
            .into_iter()
            .map(folded_phrase)
            .filter(|p| !p.is_empty())
            .collect();
        if set.len() > 1 {
            groups.push(set.into_iter().collect::<Vec<_>>());
        }
    };
    for group in ABBREVIATIONS {
        push(group.to_vec());
    }
    // The glossary of the content: each abbreviation, its other spellings and its full form.
    for entry in &site.glossary {
        let mut names = vec![entry.term.as_str(), entry.full.as_str()];
        names.extend(entry.aliases.iter().map(String::as_str));
        push(names);
    }
    for agency in &site.agencies {
        let mut names = vec![agency.name.as_str()];
        names.extend(agency.short_name.as_deref());
        names.extend(agency.aliases.iter().map(String::as_str));
        push(names);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_fold_like_the_text() {
        assert_eq!(folded_phrase("TT&TT"), "tt tt");
        assert_eq!(folded_phrase("LĐ-TB&XH"), "ld tb xh");
        assert_eq!(folded_phrase("Ủy ban nhân dân"), "uy ban nhan dan");
    }
}
