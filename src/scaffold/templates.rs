//! The text of scaffolded files: every required field, each explained in Vietnamese, with the
//! yaml-language-server line that lets an editor validate and complete the fields.

use super::NewDocument;
use crate::model::DocumentKind;
use crate::yaml::quote;

/// Where the JSON Schemas of content files are, relative to the repository root.
pub const SCHEMA_DIR: &str = "docs/schema";

fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Plan => "plan",
        DocumentKind::Report => "report",
        DocumentKind::Decision => "decision",
    }
}

/// `document.yaml` of a new document (four folders below the repository root).
pub fn document(new: &NewDocument, issuer: &str, province_name: &str) -> String {
    let title = new.title.clone().unwrap_or_else(|| {
        match new.kind {
            DocumentKind::Plan => "TRÍCH YẾU KẾ HOẠCH (sửa theo bản in)",
            DocumentKind::Report => "TRÍCH YẾU BÁO CÁO (sửa theo bản in)",
            DocumentKind::Decision => "TRÍCH YẾU QUYẾT ĐỊNH (sửa theo bản in)",
        }
        .to_string()
    });
    let year = new.issued.get(..4).unwrap_or("2025");
    let number = match &new.number {
        Some(number) => format!("number: {}", quote(number)),
        None => "# number: \"123/KH-UBND\"".to_string(),
    };
    let relation = match (new.kind, &new.related) {
        (DocumentKind::Report, Some(doc)) => format!("relations:\n  - {{ type: reports_on, document: {doc} }}   # báo cáo về kế hoạch này\n"),
        (DocumentKind::Decision, Some(doc)) => format!("relations:\n  - {{ type: issues, document: {doc} }}   # quyết định ban hành kế hoạch này\n"),
        (DocumentKind::Plan, Some(doc)) => format!("relations:\n  - {{ type: implements, document: {doc} }}   # kế hoạch thực hiện văn bản này\n"),
        _ => "relations: []\n# relations:                     # quan hệ với văn bản khác (xem hướng dẫn)\n#   - { type: implements, number: \"749/QĐ-TTg\", issued: 2020-06-03, title: \"Chương trình Chuyển đổi số quốc gia\" }\n".to_string(),
    };
    let period = if new.kind == DocumentKind::Plan {
        format!(
            "period: {{ from: {year}, to: {year} }}   # giai đoạn của kế hoạch (năm đầu, năm cuối)\n"
        )
    } else {
        format!("# period: {{ from: {year}, to: {year} }}   # giai đoạn (nếu có)\n")
    };
    format!(
        "# yaml-language-server: $schema=../../../../{SCHEMA_DIR}/document.schema.json
# Thông tin pháp lý của văn bản. Giải thích từng trường: docs/huong-dan-bien-tap.md
# Sửa xong, chạy `congkhai check` để kiểm tra.
id: {id}                     # mã văn bản = tên thư mục; chữ thường không dấu, nối bằng \"-\"
kind: {kind}                     # plan (kế hoạch) | report (báo cáo) | decision (quyết định)
{number}                     # số ký hiệu như in; bỏ nếu văn bản không có số riêng
issued: {issued}                 # ngày ban hành: NĂM-THÁNG-NGÀY
place: {place}                # địa danh ở dòng ngày tháng (có thể bỏ)
issuer: {issuer}                 # mã cơ quan ban hành, trong content/agencies/
province: {province}               # mã tỉnh, trong content/provinces.yaml
title: {title}   # trích yếu, đúng như bản in
{period}# signer: {{ name: \"Nguyễn Văn A\", position: \"KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\" }}   # người ký (có thể bỏ; \\n: xuống dòng như khối chữ ký)
# recipients: [\"Bộ Thông tin và Truyền thông;\"]   # nơi nhận (có thể bỏ)
{relation}",
        id = new.id,
        kind = kind_name(new.kind),
        issued = new.issued,
        place = quote(province_name),
        province = new.province,
        title = quote(&title),
    )
}

/// The first section of a new document.
pub fn section(kind: DocumentKind) -> String {
    let title = match kind {
        DocumentKind::Plan => "I. MỤC TIÊU",
        DocumentKind::Report => "I. KẾT QUẢ THỰC HIỆN",
        DocumentKind::Decision => "Điều 1",
    };
    format!(
        "---
id: noi-dung
title: {}
---
Dán nội dung phần này vào đây, đúng như bản in. Mỗi phần lớn (Phần I, II …) là một tệp
`NN-ten-phan.md`; đề mục trong phần bắt đầu bằng `##` (xem docs/huong-dan-bien-tap.md).
",
        quote(title)
    )
}

/// A new appendix file (five folders below the repository root).
pub fn appendix(id: &str, number: &str, title: Option<&str>) -> String {
    let title = title.unwrap_or("TÊN PHỤ LỤC (sửa theo bản in)");
    format!(
        "# yaml-language-server: $schema=../../../../../{SCHEMA_DIR}/appendix.schema.json
# Một phụ lục (bảng). Có thể tạo phần `rows` từ bảng Word/Excel bằng
#   congkhai import-table bang.txt --unit trieu-dong
# Giải thích từng trường: docs/huong-dan-bien-tap.md
id: {id}                          # mã phụ lục, dùng trong địa chỉ trang: /van-ban/<văn bản>/phu-luc-{id}/
number: {number}                  # số phụ lục như in
title: {title}
# caption: \"(Kèm theo Kế hoạch số …)\"   # dòng chú thích dưới tên (có thể bỏ)
unit: trieu-dong                 # đơn vị tiền: dong | nghin-dong | trieu-dong | ty-dong
number_format: vi                # vi: 1.234,5 | us: 1,234.5
columns:                         # các cột: key (khóa), title (tiêu đề như in), role (vai trò)
  - {{ key: stt, title: \"STT\", role: label }}
  - {{ key: name, title: \"Tên dự án, nhiệm vụ\", role: name }}
  - {{ key: agency, title: \"Đơn vị chủ trì\", role: agency }}
  - {{ key: period, title: \"Thời gian thực hiện\", role: period }}
  - {{ key: amount, title: \"Kinh phí\", role: amount }}
  - {{ key: funding, title: \"Nguồn vốn\", role: funding }}
rows: []                         # các hàng; ví dụ:
# rows:
#   - group: \"I\"
#     title: \"Dự án ứng dụng CNTT\"
#     totals: {{ amount: \"1.500\" }}
#     rows:
#       - {{ stt: \"1\", name: \"Tên dự án\", agency: \"Sở Thông tin và Truyền thông\", period: \"2025\", amount: \"1.500\", funding: \"NSĐP\" }}
# totals: {{ amount: \"1.500\" }}
# total_label: \"Tổng cộng\"
",
        number = quote(number),
        title = quote(title),
    )
}
