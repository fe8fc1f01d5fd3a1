//! Checks of a measurement's link to a target: the figure must be one that can be compared
//! with the target's (same province, same unit, a share measured as a share or as a count
//! with its total), or the link must say it cannot be.

use crate::diagnostics::{Diagnostic, Diagnostics, Place};
use crate::site::{Document, Measurement, Target};

fn unit(text: Option<&str>) -> String {
    text.map(|u| u.trim().to_lowercase()).unwrap_or_default()
}

/// Warns at `place` (the link) when measurement `m` of `source` cannot be compared with
/// `target` of `document` and the link does not say so (`comparable: false`).
pub(super) fn check_link(
    place: Place,
    source: &Document,
    m: &Measurement,
    document: &Document,
    target: &Target,
    comparable: bool,
    diagnostics: &mut Diagnostics,
) {
    if source.province != document.province {
        diagnostics.error(
            place,
            format!(
                "số liệu “{}” của tỉnh “{}” được nối với chỉ tiêu của tỉnh “{}”",
                m.id, source.province, document.province
            ),
            "một số liệu chỉ đo chỉ tiêu của cùng tỉnh: kiểm tra lại document",
        );
        return;
    }
    let evidence = crate::site::progress::Evidence {
        document: source,
        measurement: m,
        named: true,
    };
    if crate::site::progress::before_document(&evidence, document) {
        let date = m.as_of.as_deref().unwrap_or(&source.issued);
        diagnostics.push(
            Diagnostic::warning(
                place.clone(),
                format!(
                    "số liệu “{}” (ngày {date}) có trước ngày ban hành văn bản “{}” ({}): nó \
                     không được tính cho chỉ tiêu “{}”",
                    m.id, document.id, document.issued, target.id
                ),
            )
            .with_help(
                "một số liệu chỉ đo chỉ tiêu của văn bản đã ban hành trước thời điểm của số liệu; \
                 bỏ liên kết này",
            ),
        );
        return;
    }
    if !comparable || target.value.is_none() {
        return;
    }
    let (measured, wanted) = (unit(m.unit.as_deref()), unit(target.unit.as_deref()));
    let problem = if wanted == "%" {
        (measured != "%" && m.denominator.is_none()).then(|| {
            format!(
                "chỉ tiêu “{}” là một tỷ lệ (%), còn số liệu “{}” là một số đếm ({}) không có \
                 mẫu số: không tính được tỷ lệ để so",
                target.id,
                m.id,
                if measured.is_empty() {
                    "không ghi đơn vị"
                } else {
                    &measured
                }
            )
        })
    } else {
        (measured != wanted).then(|| {
            format!(
                "số liệu “{}” tính bằng “{}”, chỉ tiêu “{}” tính bằng “{}”: không so được",
                m.id,
                if measured.is_empty() {
                    "không ghi đơn vị"
                } else {
                    &measured
                },
                target.id,
                if wanted.is_empty() {
                    "không ghi đơn vị"
                } else {
                    &wanted
                }
            )
        })
    };
    if let Some(problem) = problem {
        diagnostics.push(Diagnostic::warning(place, problem).with_help(
            "thêm denominator (tổng số, khi văn bản ghi), sửa unit cho khớp, hoặc ghi \
             comparable: false và note: \"lý do\" trong liên kết; chỉ tiêu sẽ được ghi \
             “Không so sánh được”",
        ));
    }
}
