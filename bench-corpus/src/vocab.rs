//! The words the synthetic corpus is made of: the 63 provinces (before the 2025 merger),
//! the agencies of a province, shared indicators and phrases of Vietnamese plans and reports.

/// The 63 provinces and cities before 1 July 2025: (ID, name, region).
pub const PROVINCES: [(&str, &str, &str); 63] = [
    ("ha-noi", "Hà Nội", "Đồng bằng sông Hồng"),
    ("ho-chi-minh", "Hồ Chí Minh", "Đông Nam Bộ"),
    ("hai-phong", "Hải Phòng", "Đồng bằng sông Hồng"),
    ("da-nang", "Đà Nẵng", "Nam Trung Bộ"),
    ("can-tho", "Cần Thơ", "Đồng bằng sông Cửu Long"),
    ("an-giang", "An Giang", "Đồng bằng sông Cửu Long"),
    ("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "Đông Nam Bộ"),
    ("bac-giang", "Bắc Giang", "Trung du và miền núi phía Bắc"),
    ("bac-kan", "Bắc Kạn", "Trung du và miền núi phía Bắc"),
    ("bac-lieu", "Bạc Liêu", "Đồng bằng sông Cửu Long"),
    ("bac-ninh", "Bắc Ninh", "Đồng bằng sông Hồng"),
    ("ben-tre", "Bến Tre", "Đồng bằng sông Cửu Long"),
    ("binh-dinh", "Bình Định", "Nam Trung Bộ"),
    ("binh-duong", "Bình Dương", "Đông Nam Bộ"),
    ("binh-phuoc", "Bình Phước", "Đông Nam Bộ"),
    ("binh-thuan", "Bình Thuận", "Nam Trung Bộ"),
    ("ca-mau", "Cà Mau", "Đồng bằng sông Cửu Long"),
    ("cao-bang", "Cao Bằng", "Trung du và miền núi phía Bắc"),
    ("dak-lak", "Đắk Lắk", "Tây Nguyên"),
    ("dak-nong", "Đắk Nông", "Tây Nguyên"),
    ("dien-bien", "Điện Biên", "Trung du và miền núi phía Bắc"),
    ("dong-nai", "Đồng Nai", "Đông Nam Bộ"),
    ("dong-thap", "Đồng Tháp", "Đồng bằng sông Cửu Long"),
    ("gia-lai", "Gia Lai", "Tây Nguyên"),
    ("ha-giang", "Hà Giang", "Trung du và miền núi phía Bắc"),
    ("ha-nam", "Hà Nam", "Đồng bằng sông Hồng"),
    ("ha-tinh", "Hà Tĩnh", "Bắc Trung Bộ"),
    ("hai-duong", "Hải Dương", "Đồng bằng sông Hồng"),
    ("hau-giang", "Hậu Giang", "Đồng bằng sông Cửu Long"),
    ("hoa-binh", "Hòa Bình", "Trung du và miền núi phía Bắc"),
    ("hung-yen", "Hưng Yên", "Đồng bằng sông Hồng"),
    ("khanh-hoa", "Khánh Hòa", "Nam Trung Bộ"),
    ("kien-giang", "Kiên Giang", "Đồng bằng sông Cửu Long"),
    ("kon-tum", "Kon Tum", "Tây Nguyên"),
    ("lai-chau", "Lai Châu", "Trung du và miền núi phía Bắc"),
    ("lam-dong", "Lâm Đồng", "Tây Nguyên"),
    ("lang-son", "Lạng Sơn", "Trung du và miền núi phía Bắc"),
    ("lao-cai", "Lào Cai", "Trung du và miền núi phía Bắc"),
    ("long-an", "Long An", "Đồng bằng sông Cửu Long"),
    ("nam-dinh", "Nam Định", "Đồng bằng sông Hồng"),
    ("nghe-an", "Nghệ An", "Bắc Trung Bộ"),
    ("ninh-binh", "Ninh Bình", "Đồng bằng sông Hồng"),
    ("ninh-thuan", "Ninh Thuận", "Nam Trung Bộ"),
    ("phu-tho", "Phú Thọ", "Trung du và miền núi phía Bắc"),
    ("phu-yen", "Phú Yên", "Nam Trung Bộ"),
    ("quang-binh", "Quảng Bình", "Bắc Trung Bộ"),
    ("quang-nam", "Quảng Nam", "Nam Trung Bộ"),
    ("quang-ngai", "Quảng Ngãi", "Nam Trung Bộ"),
    ("quang-ninh", "Quảng Ninh", "Đồng bằng sông Hồng"),
    ("quang-tri", "Quảng Trị", "Bắc Trung Bộ"),
    ("soc-trang", "Sóc Trăng", "Đồng bằng sông Cửu Long"),
    ("son-la", "Sơn La", "Trung du và miền núi phía Bắc"),
    ("tay-ninh", "Tây Ninh", "Đông Nam Bộ"),
    ("thai-binh", "Thái Bình", "Đồng bằng sông Hồng"),
    (
        "thai-nguyen",
        "Thái Nguyên",
        "Trung du và miền núi phía Bắc",
    ),
    ("thanh-hoa", "Thanh Hóa", "Bắc Trung Bộ"),
    ("thua-thien-hue", "Thừa Thiên Huế", "Bắc Trung Bộ"),
    ("tien-giang", "Tiền Giang", "Đồng bằng sông Cửu Long"),
    ("tra-vinh", "Trà Vinh", "Đồng bằng sông Cửu Long"),
    (
        "tuyen-quang",
        "Tuyên Quang",
        "Trung du và miền núi phía Bắc",
    ),
    ("vinh-long", "Vĩnh Long", "Đồng bằng sông Cửu Long"),
    ("vinh-phuc", "Vĩnh Phúc", "Đồng bằng sông Hồng"),
    ("yen-bai", "Yên Bái", "Trung du và miền núi phía Bắc"),
];

/// The agencies of every province: (ID prefix, name before the province name, short name).
pub const AGENCIES: [(&str, &str, &str); 8] = [
    ("ubnd", "Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    (
        "so-tttt",
        "Sở Thông tin và Truyền thông tỉnh",
        "Sở Thông tin và Truyền thông",
    ),
    (
        "van-phong-ubnd",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Văn phòng UBND tỉnh",
    ),
    (
        "so-khdt",
        "Sở Kế hoạch và Đầu tư tỉnh",
        "Sở Kế hoạch và Đầu tư",
    ),
    ("so-tai-chinh", "Sở Tài chính tỉnh", "Sở Tài chính"),
    ("so-noi-vu", "Sở Nội vụ tỉnh", "Sở Nội vụ"),
    ("so-y-te", "Sở Y tế tỉnh", "Sở Y tế"),
    (
        "so-gddt",
        "Sở Giáo dục và Đào tạo tỉnh",
        "Sở Giáo dục và Đào tạo",
    ),
];

/// Shared indicators: (ID, name, unit).
pub const INDICATORS: [(&str, &str, &str); 10] = [
    (
        "ho-so-cong-viec-xu-ly-tren-mang",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
        "%",
    ),
    (
        "dvc-truc-tuyen-toan-trinh",
        "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
        "%",
    ),
    (
        "ho-so-truc-tuyen",
        "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến",
        "%",
    ),
    (
        "so-hoa-ket-qua-tthc",
        "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa",
        "%",
    ),
    (
        "bao-cao-dinh-ky-truc-tuyen",
        "Tỷ lệ chế độ báo cáo định kỳ được thực hiện qua hệ thống thông tin báo cáo",
        "%",
    ),
    (
        "cap-xa-cap-quang",
        "Tỷ lệ xã có hạ tầng cáp quang băng rộng",
        "%",
    ),
    (
        "can-bo-ky-nang-so",
        "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số",
        "%",
    ),
    (
        "thanh-toan-truc-tuyen",
        "Tỷ lệ hồ sơ thanh toán trực tuyến nghĩa vụ tài chính",
        "%",
    ),
    (
        "he-thong-cap-do-attt",
        "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin",
        "%",
    ),
    ("kinh-te-so-grdp", "Tỷ trọng kinh tế số trong GRDP", "%"),
];

/// Who acts, in a sentence.
pub const SUBJECTS: [&str; 10] = [
    "Các sở, ban, ngành",
    "UBND các huyện, thị xã, thành phố",
    "Sở Thông tin và Truyền thông",
    "Trung tâm Phục vụ hành chính công tỉnh",
    "Văn phòng UBND tỉnh",
    "Sở Kế hoạch và Đầu tư",
    "Các cơ quan, đơn vị",
    "UBND các xã, phường, thị trấn",
    "Sở Nội vụ",
    "Các doanh nghiệp viễn thông trên địa bàn tỉnh",
];

/// What they do.
pub const VERBS: [&str; 12] = [
    "tiếp tục triển khai",
    "tập trung hoàn thiện",
    "chủ trì, phối hợp xây dựng",
    "đẩy mạnh ứng dụng",
    "nâng cấp, mở rộng",
    "rà soát, đánh giá hiệu quả",
    "duy trì vận hành ổn định",
    "khẩn trương hoàn thành",
    "ưu tiên bố trí kinh phí cho",
    "tổ chức đào tạo, hướng dẫn sử dụng",
    "kết nối, chia sẻ dữ liệu của",
    "bảo đảm an toàn thông tin cho",
];

/// What they act on.
pub const OBJECTS: [&str; 16] = [
    "hệ thống thông tin giải quyết thủ tục hành chính",
    "nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
    "cơ sở dữ liệu dùng chung của tỉnh",
    "hệ thống quản lý văn bản và điều hành",
    "Trung tâm giám sát, điều hành đô thị thông minh (IOC)",
    "dịch vụ công trực tuyến toàn trình",
    "chữ ký số chuyên dùng",
    "mạng truyền số liệu chuyên dùng",
    "Trung tâm dữ liệu tỉnh",
    "hệ thống thông tin báo cáo của tỉnh",
    "cổng thông tin điện tử của tỉnh",
    "hệ thống hội nghị truyền hình trực tuyến",
    "cơ sở dữ liệu đất đai",
    "hồ sơ sức khỏe điện tử",
    "nền tảng học tập trực tuyến",
    "Trung tâm giám sát an toàn, an ninh mạng (SOC)",
];

/// How, why or when.
pub const COMPLEMENTS: [&str; 12] = [
    "bảo đảm kết nối liên thông với Cổng Dịch vụ công quốc gia",
    "theo đúng Khung Kiến trúc Chính quyền điện tử của tỉnh",
    "nhằm nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    "trong giai đoạn 2021 - 2025",
    "đáp ứng yêu cầu bảo đảm an toàn thông tin theo cấp độ",
    "phù hợp với điều kiện thực tế của địa phương",
    "gắn với cải cách hành chính và chuyển đổi số",
    "theo hướng dẫn của Bộ Thông tin và Truyền thông",
    "trên cơ sở tận dụng hạ tầng sẵn có",
    "bảo đảm tiết kiệm, hiệu quả, tránh đầu tư trùng lặp",
    "để khai thác, sử dụng dữ liệu một cách thống nhất",
    "đến năm 2025, định hướng đến năm 2030",
];

/// Top-level parts of a plan: (section ID, title).
pub const PLAN_PARTS: [(&str, &str); 5] = [
    (
        "phan-i",
        "Phần I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN GIAI ĐOẠN TRƯỚC",
    ),
    ("phan-ii", "Phần II. MỤC TIÊU"),
    ("phan-iii", "Phần III. NHIỆM VỤ, GIẢI PHÁP"),
    ("phan-iv", "Phần IV. KINH PHÍ THỰC HIỆN"),
    ("phan-v", "Phần V. TỔ CHỨC THỰC HIỆN"),
];

/// Top-level parts of a report: (section ID, title).
pub const REPORT_PARTS: [(&str, &str); 4] = [
    ("phan-i", "I. TÌNH HÌNH TRIỂN KHAI"),
    ("phan-ii", "II. KẾT QUẢ ĐẠT ĐƯỢC"),
    ("phan-iii", "III. KHÓ KHĂN, VƯỚNG MẮC"),
    ("phan-iv", "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
];

/// Second-level headings inside a part.
pub const HEADINGS: [&str; 8] = [
    "Hạ tầng số",
    "Dữ liệu số",
    "Chính quyền số",
    "Kinh tế số",
    "Xã hội số",
    "An toàn thông tin mạng",
    "Nguồn nhân lực",
    "Công tác chỉ đạo, điều hành",
];

/// Kinds of funding, as printed in appendices.
pub const FUNDING: [&str; 4] = ["NSĐP", "NSTW", "Vốn sự nghiệp", "Xã hội hóa"];

/// Statuses of projects, as printed in appendices.
pub const STATUSES: [&str; 4] = [
    "Đang triển khai",
    "Đã hoàn thành",
    "Chuẩn bị đầu tư",
    "Chưa triển khai",
];

/// Fields of administrative procedures, for tables without amounts.
pub const FIELDS: [&str; 8] = [
    "Đất đai",
    "Hộ tịch",
    "Đầu tư",
    "Xây dựng",
    "Giáo dục",
    "Y tế",
    "Lao động",
    "Giao thông vận tải",
];
