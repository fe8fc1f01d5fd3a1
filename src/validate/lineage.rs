//! Checks of the links between rows of different documents (`continues`), and the
//! suggestions of links an editor may add.

use super::unknown_reference;
use crate::diagnostics::{Diagnostic, Diagnostics, Place};
use crate::site::lineage::{MentionAt, RowRef, find};
use crate::site::{Document, Site};
use crate::vietnamese::{fold, format_number};
use std::collections::{HashMap, HashSet};

/// Where the project rows of one document are, and the `continues` they write, for the
/// checks against the other documents.
#[derive(Debug, Default)]
pub(super) struct RowPlaces {
    /// Each `continues` as written, at its place, with the ID of the row's appendix.
    pub links: Vec<(Place, String, String)>,
    /// The place of each project row, in the order of [`Document::projects`].
    pub mentions: Vec<Place>,
}

/// Checks the `continues` of a row of document `from`: it must name a project row of an
/// appendix of a document issued no later than `from` (another appendix, where it is the
/// same document), and must not lead round in a circle.
pub(super) fn check_link(
    site: &Site,
    (from, from_appendix): (&str, &str),
    place: Place,
    link: &str,
    unreadable: &HashSet<String>,
    diagnostics: &mut Diagnostics,
) {
    let Some(reference) = RowRef::parse(link) else {
        diagnostics.error(
            place,
            format!("continues “{link}” không đúng dạng văn-bản/phụ-lục#dòng"),
            "ghi mã văn bản, mã phụ lục và neo của dòng, ví dụ continues: \"kh-10693-2020/iv#r-i-2-1\" \
             (neo là phần sau dấu # trong địa chỉ của dòng trên trang phụ lục)",
        );
        return;
    };
    let Some(target) = site.document(reference.document) else {
        if unreadable.contains(reference.document) {
            diagnostics.error(
                place,
                format!(
                    "văn bản “{}” chưa đọc được vì tệp document.yaml của nó có lỗi",
                    reference.document
                ),
                "sửa lỗi trong document.yaml của văn bản đó trước; lỗi này sẽ tự hết",
            );
        } else {
            unknown_reference(
                place,
                "văn bản",
                reference.document,
                site.documents.iter().map(|d| d.id.as_str()),
                diagnostics,
            );
        }
        return;
    };
    let Some(source) = site.document(from) else {
        return;
    };
    if target.province != source.province {
        diagnostics.error(
            place,
            format!(
                "dòng này nối với văn bản “{}” của tỉnh “{}”, còn nó thuộc tỉnh “{}”: một dự án \
                 chỉ tiếp nối dự án của cùng tỉnh",
                target.id, target.province, source.province
            ),
            "trỏ continues tới dòng của một văn bản cùng tỉnh, hoặc bỏ continues",
        );
        return;
    }
    if target.issued > source.issued {
        diagnostics.error(
            place,
            format!(
                "dòng này nối với văn bản “{}” ban hành sau nó ({} sau {}): một dòng chỉ tiếp nối \
                 dòng của văn bản trước",
                target.id, target.issued, source.issued
            ),
            "ghi continues ở dòng của văn bản sau, trỏ về dòng của văn bản trước",
        );
        return;
    }
    let Some(appendix) = target
        .appendices
        .iter()
        .find(|a| a.id == reference.appendix)
    else {
        unknown_reference(
            place,
            &format!("phụ lục của văn bản “{}”", target.id),
            reference.appendix,
            target.appendices.iter().map(|a| a.id.as_str()),
            diagnostics,
        );
        return;
    };
    if target.id == source.id && appendix.id == from_appendix {
        diagnostics.error(
            place,
            "dòng này nối với một dòng của chính bảng phụ lục của nó",
            "continues trỏ tới dòng của một văn bản trước, hoặc của một phụ lục khác (danh mục \
             giai đoạn trước) của cùng văn bản",
        );
        return;
    }
    if find(&site.documents, &reference).is_none() {
        let anchors: Vec<&str> = target
            .projects
            .iter()
            .filter(|m| target.appendices.get(m.appendix).map(|a| &a.id) == Some(&appendix.id))
            .map(|m| m.anchor.as_str())
            .collect();
        let what = format!(
            "dòng dự án, nhiệm vụ “{}” trong phụ lục {} của văn bản “{}”",
            reference.anchor, appendix.id, target.id
        );
        let help = match crate::diagnostics::did_you_mean(reference.anchor, anchors.iter().copied())
        {
            Some(best) => format!("có phải “{best}”? (neo của dòng trong địa chỉ trang phụ lục)"),
            None if anchors.is_empty() => {
                "phụ lục này không có dòng dự án nào (không có cột kinh phí)".to_string()
            }
            None => {
                "neo của dòng là phần sau dấu # khi bấm vào dòng trên trang phụ lục".to_string()
            }
        };
        diagnostics.error(place, format!("không có {what}"), help);
    }
}

/// Reports a second row of one document that continues the same earlier row as a first:
/// one row of a document per project.
pub(super) fn check_twins(
    links: &[(String, Place, String, String)],
    diagnostics: &mut Diagnostics,
) {
    let mut first: HashMap<(&str, &str), &Place> = HashMap::new();
    for (from, place, link, _) in links {
        let key = (from.as_str(), link.trim());
        match first.get(&key) {
            Some(earlier) => diagnostics.error(
                place.clone(),
                format!(
                    "dòng {earlier} của cùng văn bản cũng tiếp nối “{}”",
                    link.trim()
                ),
                "mỗi dự án chỉ một dòng trong một văn bản: nếu hai dòng là hai dự án, chỉ một \
                 dòng tiếp nối dòng trước; nếu dự án được tách đôi, ghi điều đó vào ghi chú chép \
                 văn bản",
            ),
            None => {
                first.insert(key, place);
            }
        }
    }
}

/// Reports rows whose links lead round in a circle (a → b → a), at each such row.
pub(super) fn check_cycles(
    documents: &[Document],
    places: &HashMap<MentionAt, Place>,
    diagnostics: &mut Diagnostics,
) {
    let parent = |at: MentionAt| -> Option<MentionAt> {
        let mention = documents.get(at.0)?.projects.get(at.1)?;
        find(documents, &RowRef::parse(mention.continues.as_deref()?)?)
    };
    for (d, document) in documents.iter().enumerate() {
        for k in 0..document.projects.len() {
            let mut at = (d, k);
            let mut steps = 0;
            while let Some(up) = parent(at) {
                steps += 1;
                if up == (d, k) {
                    if let Some(place) = places.get(&(d, k)) {
                        diagnostics.error(
                            place.clone(),
                            "các dòng tiếp nối nhau thành vòng tròn (dòng này, qua continues, lại \
                             trỏ về chính nó)",
                            "bỏ continues ở dòng của văn bản trước",
                        );
                    }
                    break;
                }
                if steps > documents.len() + document.projects.len() {
                    break;
                }
                at = up;
            }
        }
    }
}

/// The most suggestions for one row.
const SUGGESTIONS_PER_ROW: usize = 3;

/// A word found in at most this many rows of a province (or a twentieth of them, when more)
/// is distinctive enough to look for candidates with.
const SUGGESTION_RARE_WORD: usize = 40;

/// How alike two rows must be to be suggested as one project (0–1).
const SUGGESTION_THRESHOLD: f64 = 0.55;

/// Words of a row's name that tell it apart: folded, without one-letter words and the words
/// most rows share.
fn words(name: &str) -> HashSet<String> {
    const COMMON: &[&str] = &[
        "va", "cua", "cho", "tren", "tai", "cac", "voi", "de", "trong", "tinh", "giai", "doan",
        "xay", "dung", "trien", "khai", "he", "thong", "du", "an", "nhiem", "vu", "thong", "tin",
        "cong", "nghe",
    ];
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !COMMON.contains(w))
        .map(str::to_string)
        .collect()
}

/// How alike two names are: twice the shared distinctive words over all of them (Dice).
fn likeness(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    2.0 * shared / (a.len() + b.len()) as f64
}

/// Suggests, for each project row of a document that continues no row, the rows of earlier
/// documents of the same province that are likely the same project (alike names, the same
/// lead agency), ranked, as notes at the row: an editor accepts one by adding `continues`.
pub(super) fn suggest(
    documents: &[Document],
    places: &HashMap<MentionAt, Place>,
    diagnostics: &mut Diagnostics,
) {
    let mut by_province: HashMap<&str, Vec<usize>> = HashMap::new();
    for (d, document) in documents.iter().enumerate() {
        if !document.projects.is_empty() {
            by_province.entry(&document.province).or_default().push(d);
        }
    }
    for positions in by_province.values() {
        if positions.len() < 2 {
            continue;
        }
        let mut names: HashMap<MentionAt, HashSet<String>> = HashMap::new();
        let mut index: HashMap<String, Vec<MentionAt>> = HashMap::new();
        for &d in positions {
            for (k, mention) in documents[d].projects.iter().enumerate() {
                let set = words(&mention.name);
                for word in &set {
                    index.entry(word.clone()).or_default().push((d, k));
                }
                names.insert((d, k), set);
            }
        }
        let rows: usize = names.len();
        let rare = (rows / 20).max(SUGGESTION_RARE_WORD);
        for &d in positions {
            let later = &documents[d];
            let linked: HashSet<&str> = later
                .projects
                .iter()
                .filter_map(|m| m.continues.as_deref())
                .collect();
            for (k, mention) in later.projects.iter().enumerate() {
                if mention.continues.is_some() {
                    continue;
                }
                let Some(place) = places.get(&(d, k)) else {
                    continue;
                };
                let mine = &names[&(d, k)];
                let mut candidates: HashSet<MentionAt> = HashSet::new();
                // Candidates share a word that few rows have: a word most rows of the province
                // share finds everything and tells nothing (and would make this quadratic).
                for word in mine
                    .iter()
                    .filter(|w| index.get(*w).is_some_and(|l| l.len() <= rare))
                {
                    for &at in index.get(word).into_iter().flatten() {
                        if documents[at.0].issued < later.issued {
                            candidates.insert(at);
                        }
                    }
                }
                let mut ranked: Vec<(f64, MentionAt)> = candidates
                    .into_iter()
                    .map(|at| {
                        let other = &documents[at.0].projects[at.1];
                        let same_agency =
                            mention.agencies.iter().any(|a| other.agencies.contains(a));
                        let score =
                            likeness(mine, &names[&at]) + if same_agency { 0.1 } else { 0.0 };
                        (score.min(1.0), at)
                    })
                    .filter(|(score, at)| {
                        *score >= SUGGESTION_THRESHOLD
                            && !linked.contains(reference(documents, *at).as_str())
                    })
                    .collect();
                ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                ranked.truncate(SUGGESTIONS_PER_ROW);
                if ranked.is_empty() {
                    continue;
                }
                diagnostics.push(suggestion(documents, place.clone(), &ranked));
            }
        }
    }
}

/// `document/appendix#anchor` of a mention.
fn reference(documents: &[Document], (d, k): MentionAt) -> String {
    let document = &documents[d];
    let mention = &document.projects[k];
    let appendix = document
        .appendices
        .get(mention.appendix)
        .map_or("", |a| a.id.as_str());
    format!("{}/{appendix}#{}", document.id, mention.anchor)
}

fn suggestion(documents: &[Document], place: Place, ranked: &[(f64, MentionAt)]) -> Diagnostic {
    let list: Vec<String> = ranked
        .iter()
        .enumerate()
        .map(|(i, &(score, at))| {
            let other = &documents[at.0].projects[at.1];
            let amount = other
                .amount
                .map(|a| format!(", {} triệu đồng", format_number(a)))
                .unwrap_or_default();
            format!(
                "{}) {} “{}” ({}{amount}; giống {}%)",
                i + 1,
                reference(documents, at),
                other.name,
                if other.agency.is_empty() {
                    "không ghi cơ quan"
                } else {
                    &other.agency
                },
                (score * 100.0).round()
            )
        })
        .collect();
    let best = reference(documents, ranked[0].1);
    Diagnostic {
        severity: crate::diagnostics::Severity::Note,
        place,
        message: format!(
            "dòng này có thể là dự án của một văn bản trước: {}",
            list.join("; ")
        ),
        help: Some(format!(
            "nếu đúng là cùng một dự án, thêm vào dòng continues: \"{best}\" (hoặc mã của gợi ý \
             khác); nếu không, bỏ qua ghi chú này"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{likeness, words};

    #[test]
    fn names_are_compared_by_their_distinctive_words() {
        let plan = words(
            "Xây dựng Nền tảng tích hợp ứng dụng và dịch vụ công nghệ thông tin tỉnh Khánh Hòa (LGSP)",
        );
        let report = words(
            "Nền tảng tích hợp ứng dụng và dịch vụ công nghệ thông tin (LGSP) tỉnh Khánh Hòa",
        );
        let other = words("Đầu tư và phát triển thư viện tỉnh theo mô hình thư viện số");
        assert!(likeness(&plan, &report) > 0.9);
        assert!(likeness(&plan, &other) < 0.2);
        assert!(!plan.contains("va"), "common words do not count");
        assert!(plan.contains("lgsp"));
    }
}
