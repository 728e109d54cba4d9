// Phrase pools for the benchmark corpus, taken from the shapes of the three seed plans
// (Sơn Lâm 2023, Thanh Xuân 2024, Định Hoá 2026). "{Y}" is the plan year, "{U}" the unit's
// level word ("xã" or "phường"), "{N}" its name, "{P}" a percentage.
#pragma once

namespace congkhai::bench {

// The 34 provinces and centrally-run cities after the 2025 merger, in a fixed order.
struct ProvinceName {
  const char* name;
  bool city;
};
inline constexpr ProvinceName kProvinces[] = {
    {"Hà Nội", true},      {"Huế", true},         {"Lai Châu", false},  {"Điện Biên", false},
    {"Sơn La", false},     {"Lạng Sơn", false},   {"Quảng Ninh", false}, {"Thanh Hóa", false},
    {"Nghệ An", false},    {"Hà Tĩnh", false},    {"Cao Bằng", false},  {"Tuyên Quang", false},
    {"Lào Cai", false},    {"Thái Nguyên", false}, {"Phú Thọ", false},  {"Bắc Ninh", false},
    {"Hưng Yên", false},   {"Hải Phòng", true},   {"Ninh Bình", false}, {"Quảng Trị", false},
    {"Đà Nẵng", true},     {"Quảng Ngãi", false}, {"Gia Lai", false},   {"Khánh Hòa", false},
    {"Lâm Đồng", false},   {"Đắk Lắk", false},    {"Hồ Chí Minh", true}, {"Đồng Nai", false},
    {"Tây Ninh", false},   {"Cần Thơ", true},     {"Vĩnh Long", false}, {"Đồng Tháp", false},
    {"Cà Mau", false},     {"An Giang", false},
};

inline constexpr const char* kNameSyllables[] = {
    "An",    "Bình",  "Hòa",   "Phú",   "Thanh", "Xuân",  "Sơn",   "Lâm",   "Định",  "Hoá",
    "Tân",   "Thạnh", "Đông",  "Tây",   "Nam",   "Bắc",   "Trung", "Hưng",  "Phúc",  "Lộc",
    "Thọ",   "Long",  "Mỹ",    "Hải",   "Quang", "Minh",  "Đức",   "Tiến",  "Thắng", "Lợi",
    "Hiệp",  "Hương", "Vĩnh",  "Yên",   "Ninh",  "Khánh", "Cẩm",   "Kim",   "Ngọc",  "Lạc",
    "Thuận", "Hợp",   "Thành", "Đồng",  "Quế",   "Tường", "Nghĩa", "Trường", "Châu", "Hà",
    "Giang", "Mai",   "Điền",  "Phong", "Quý",   "Sơn",   "Tháp",  "Vân",   "Liên",  "Kỳ",
};

inline constexpr const char* kSurnames[] = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Huỳnh",
                                            "Phan",   "Vũ",   "Võ",  "Đặng", "Bùi",   "Đỗ",
                                            "Hồ",     "Ngô",  "Dương", "Lý"};
inline constexpr const char* kMiddleNames[] = {"Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc"};
inline constexpr const char* kGivenNames[] = {"Nam",  "Tô",   "Hùng", "Lan",  "Hương", "Dũng", "Hải",
                                              "Tuấn", "Hà",   "Bình", "Sơn",  "Thảo",  "Long", "Phong",
                                              "Trang", "Cường", "Yến", "Thắng", "Hiền", "Quân"};

inline constexpr const char* kSectionTitles[] = {
    "Công tác chỉ đạo điều hành kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử",
    "Công tác lãnh đạo, chỉ đạo điều hành",
    "Thực hiện rà soát, đơn giản hóa các quy định, thủ tục hành chính",
    "Kiểm tra, kiểm soát việc thực hiện TTHC",
    "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính theo quy định",
    "Thông tin, tuyên truyền về công tác kiểm soát TTHC",
    "Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC",
    "Triển khai các nhiệm vụ cải cách, kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
    "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính",
    "Công bố, công khai thủ tục hành chính",
    "Thực hiện thủ tục hành chính trên môi trường điện tử",
    "Chế độ thông tin, báo cáo",
    "Nhiệm vụ khác có liên quan",
};

inline constexpr const char* kSubsectionTitles[] = {
    "Đối với công tác kiểm soát TTHC",
    "Đối với cơ chế một cửa, một cửa liên thông",
    "Cung cấp dịch vụ công trực tuyến",
    "Thanh toán trực tuyến trong giải quyết TTHC",
    "Số hóa hồ sơ, kết quả giải quyết TTHC",
    "Đánh giá chất lượng giải quyết TTHC",
    "Tập huấn, bồi dưỡng nghiệp vụ",
    "Kiện toàn Bộ phận Tiếp nhận và Trả kết quả",
    "Tái sử dụng dữ liệu đã được số hóa",
    "Xử lý hồ sơ quá hạn và xin lỗi người dân",
};

inline constexpr const char* kVerbs[] = {
    "Xây dựng",
    "Ban hành",
    "Tổ chức",
    "Rà soát",
    "Triển khai",
    "Cập nhật",
    "Kiểm tra",
    "Theo dõi, đôn đốc",
    "Hướng dẫn",
    "Tuyên truyền",
    "Thực hiện",
    "Đẩy mạnh",
    "Nâng cao chất lượng",
    "Tiếp tục triển khai",
    "Chỉ đạo, hướng dẫn, đôn đốc",
    "Duy trì",
    "Kiện toàn",
    "Tăng cường",
    "Nghiên cứu, lựa chọn",
    "Tổng hợp, báo cáo",
};

inline constexpr const char* kObjects[] = {
    "Kế hoạch hoạt động kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông năm {Y}",
    "việc niêm yết, công khai TTHC tại Bộ phận Tiếp nhận và Trả kết quả {U}",
    "danh mục TTHC thuộc thẩm quyền giải quyết của UBND {U}",
    "việc số hóa hồ sơ, kết quả giải quyết TTHC thuộc thẩm quyền của UBND {U}",
    "việc tiếp nhận hồ sơ, giải quyết TTHC của các bộ phận chuyên môn",
    "việc tiếp nhận, phân loại và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính",
    "các tin, bài tuyên truyền về công tác kiểm soát TTHC trên Trang thông tin điện tử {U}",
    "thanh toán trực tuyến phí, lệ phí trong giải quyết TTHC",
    "việc sử dụng bộ nhận diện thương hiệu tại Bộ phận Một cửa",
    "chứng thực bản sao điện tử từ bản chính trên Cổng Dịch vụ công quốc gia",
    "dịch vụ công trực tuyến toàn trình, một phần cho người dân, doanh nghiệp",
    "quy trình nội bộ giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh",
    "việc đánh giá chất lượng giải quyết TTHC theo Bộ chỉ số phục vụ người dân, doanh nghiệp",
    "các lớp tập huấn nghiệp vụ kiểm soát TTHC cho công chức đầu mối",
    "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính {U}",
    "các nhiệm vụ của Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
    "phương án đơn giản hóa TTHC, trình lãnh đạo UBND {U} phê duyệt gửi cấp trên",
    "việc khai thác, tái sử dụng dữ liệu TTHC đã được số hóa",
    "việc xin lỗi người dân, tổ chức khi giải quyết hồ sơ TTHC quá hạn",
    "chế độ báo cáo định kỳ về tình hình, kết quả thực hiện kiểm soát TTHC",
    "các TTHC mới được ban hành, sửa đổi, bổ sung hoặc bãi bỏ theo quyết định công bố của Chủ tịch UBND tỉnh",
    "việc giải quyết hồ sơ TTHC trong “Luồng xanh” đảm bảo đúng tiến độ, chất lượng",
};

inline constexpr const char* kQualifiers[] = {
    "",
    "",
    " trên địa bàn {U}",
    " theo quy định tại Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ",
    " đảm bảo đúng quy định",
    " theo hướng dẫn của Văn phòng UBND tỉnh",
    ", đạt tỷ lệ tối thiểu {P}% số hồ sơ tiếp nhận",
    " theo Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ",
    " trong năm {Y}",
    "; kịp thời báo cáo UBND {U} những khó khăn, vướng mắc",
};

inline constexpr const char* kBullets[] = {
    "cải cách thủ tục hành chính, kiểm soát thủ tục hành chính",
    "công khai thủ tục hành chính, quy trình nội bộ đối với từng thủ tục hành chính",
    "rà soát, đơn giản hóa thủ tục hành chính",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "nâng cao tỷ lệ thanh toán trực tuyến, không dùng tiền mặt trong giải quyết thủ tục hành chính",
    "xử lý phản ánh kiến nghị về quy định hành chính và hành vi hành chính",
    "đánh giá việc giải quyết thủ tục hành chính",
    "cho công chức làm việc tại Bộ phận Một cửa",
    "cho công chức đầu mối kiểm soát TTHC",
    "nhiệm vụ khác được giao",
};

inline constexpr const char* kLeads[] = {
    "Văn phòng HĐND - UBND {U}",
    "Văn phòng HĐND và UBND {U}",
    "Văn phòng HĐND - UBND {U} (cán bộ đầu mối kiểm soát TTHC)",
    "Công chức Tư pháp - Hộ tịch",
    "Bộ phận Tiếp nhận và Trả kết quả {U}",
    "Trung tâm Phục vụ hành chính công {U}",
    "Công chức Văn hóa - Xã hội",
    "Công chức Địa chính - Xây dựng",
    "Công chức Tài chính - Kế toán",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "UBND {U}",
    "Các bộ phận chuyên môn thuộc UBND {U}",
    "Trung tâm Dịch vụ tổng hợp",
};

inline constexpr const char* kPartners[] = {
    "Bộ phận chuyên môn thuộc UBND {U}",
    "Các cán bộ công chức chuyên môn",
    "Văn phòng HĐND - UBND {U}",
    "UBMTTQ và các đoàn thể",
    "Thôn, xóm, tổ dân phố",
    "Công an {U}",
    "Bưu điện văn hóa {U}",
    "Đài truyền thanh {U}",
    "Trung tâm Phục vụ hành chính công {U}",
    "Công chức Tư pháp - Hộ tịch",
    "Phòng Kinh tế",
    "Văn phòng HĐND - UBND huyện",
};

inline constexpr const char* kOutputs[] = {
    "Kế hoạch được ban hành",
    "Các văn bản chỉ đạo",
    "Văn bản đôn đốc, chấn chỉnh",
    "Báo cáo kết quả thực hiện",
    "TTHC được công khai đầy đủ, kịp thời",
    "Hồ sơ, kết quả giải quyết TTHC được số hóa",
    "Tin, bài tuyên truyền được đăng tải",
    "Biên bản kiểm tra",
    "Quyết định kiện toàn được ban hành",
    "Báo cáo định kỳ quý, 6 tháng, năm",
    "Phương án đơn giản hóa được phê duyệt",
    "Văn bản chỉ đạo; đôn đốc; hướng dẫn ...",
    "Đề án, Quy chế hoạt động được UBND {U} phê duyệt",
};

// Timeframe forms from GLOSSARY.md. Besides {Y}: {M} month, {MM} two-digit month,
// {Q} Roman quarter, {D} day, {M2} a later month, {Y2} a later year.
inline constexpr const char* kTimeframes[] = {
    "Thường xuyên",
    "Thường xuyên trong năm {Y}",
    "Thường xuyên trong năm {Y}",
    "Thường xuyên trong năm {Y}",
    "Tháng {M} năm {Y}",
    "Tháng {MM}/{Y}",
    "Quý {Q}/{Y}",
    "Quý {Q} năm {Y}",
    "Quý I, Quý II, Quý III và năm {Y}",
    "Chậm nhất ngày {D}/{M}/{Y}",
    "Từ tháng {M} đến tháng {M2}/{Y}",
    "Từ tháng {MM} đến tháng {M2}/{Y}",
    "Tháng {M} đến tháng {M2} năm {Y}",
    "Hàng tháng",
    "Định kỳ hàng quý, năm",
    "Trong năm {Y}",
    "Năm {Y}",
    "Theo kế hoạch",
    "Theo kế hoạch cụ thể",
    "Theo tiến độ phê duyệt",
    "Theo yêu cầu hoặc thường xuyên trong năm {Y}",
    "Tháng {M} năm {Y} và theo Kế hoạch của UBND tỉnh",
    "Quý {Q} năm {Y} hoặc đột xuất",
    "Theo định kỳ và đột xuất",
    "Theo từng năm đến {Y2}",
};

struct TargetShape {
  const char* id;
  const char* measure;
  const char* comparison;
  int low, high;  // range of the goal value
  const char* unit;
};
inline constexpr TargetShape kTargets[] = {
    {"ho-so-truc-tuyen", "Tỷ lệ hồ sơ TTHC được tiếp nhận và giải quyết trực tuyến", "at_least", 40, 80, "%"},
    {"hai-long", "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC", "at_least", 85, 98, "%"},
    {"so-hoa-ket-qua", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "exactly", 100, 100, "%"},
    {"thanh-toan-truc-tuyen", "Tỷ lệ thanh toán trực tuyến trong giải quyết TTHC", "at_least", 45, 70, "%"},
    {"qua-han", "Tỷ lệ hồ sơ giải quyết quá hạn", "at_most", 1, 5, "%"},
    {"niem-yet", "Tỷ lệ TTHC được niêm yết, công khai đầy đủ", "exactly", 100, 100, "%"},
    {"tthc-ra-soat", "Số TTHC được rà soát, đánh giá", "at_least", 5, 20, "thủ tục"},
};

inline constexpr const char* kPurposes[] = {
    "Tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ về kiểm soát thủ tục hành chính (TTHC) trên địa bàn {U}.",
    "Thực hiện việc niêm yết công khai TTHC theo đúng quy định, làm cơ sở cho việc tổ chức triển khai thực hiện TTHC nhằm phòng ngừa, hạn chế tiêu cực trong giải quyết TTHC.",
    "Nâng cao trách nhiệm người đứng đầu trong công tác cải cách TTHC; đảm bảo quyền giám sát việc giải quyết TTHC của cá nhân, tổ chức theo quy định của pháp luật.",
    "Rà soát, kiến nghị cơ quan có thẩm quyền cắt giảm chi phí tuân thủ và thời gian giải quyết TTHC.",
    "Triển khai thực hiện thống nhất, đồng bộ và hiệu quả cơ chế một cửa, một cửa liên thông trong giải quyết TTHC; nâng cao sự hài lòng của người dân, doanh nghiệp.",
    "Đẩy mạnh việc công bố, công khai TTHC; tăng cường ứng dụng công nghệ thông tin, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "Huy động sự tham gia, phối hợp của các cơ quan, đơn vị, cá nhân, tổ chức có liên quan trong triển khai, thực hiện.",
    "Phân công rõ nhiệm vụ, trách nhiệm cho từng công chức, từng bộ phận; xác định cụ thể thời gian thực hiện và kết quả đạt được.",
    "Bảo đảm công khai, minh bạch trong giải quyết thủ tục hành chính; lấy sự hài lòng của người dân, tổ chức làm thước đo đánh giá chất lượng phục vụ.",
};

inline constexpr const char* kOrganisation[] = {
    "là đầu mối tham mưu UBND {U} triển khai, có trách nhiệm đôn đốc, theo dõi việc thực hiện Kế hoạch này; tổng hợp, báo cáo kết quả định kỳ theo quy định.",
    "theo chức năng, nhiệm vụ và lĩnh vực được giao tổ chức thực hiện nghiêm túc, có hiệu quả kế hoạch này; định kỳ báo cáo kết quả thực hiện về Văn phòng để tổng hợp.",
    "thường xuyên, kịp thời tuyên truyền phổ biến về công tác cải cách TTHC, kiểm soát TTHC để người dân, doanh nghiệp biết, thực hiện và giám sát.",
    "phối hợp thực hiện và giám sát các hoạt động cải cách TTHC, thực hiện cơ chế một cửa, một cửa liên thông.",
};

inline constexpr const char* kNotes[] = {
    "Đã ban hành văn bản triển khai tới các bộ phận chuyên môn.",
    "Trong quý tiếp nhận {A} hồ sơ, giải quyết đúng hạn {B} hồ sơ.",
    "Rà soát, thay thế bảng niêm yết tại Bộ phận Tiếp nhận và Trả kết quả theo các quyết định công bố của Chủ tịch UBND tỉnh.",
    "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa; bố trí máy tính hỗ trợ.",
    "Trong kỳ không phát sinh phản ánh, kiến nghị về quy định hành chính.",
    "Đăng tải {A} tin, bài trên Trang thông tin điện tử.",
    "Đã tổ chức kiểm tra tại {A} bộ phận chuyên môn; không phát hiện sai phạm.",
    "Số hóa {A} hồ sơ, kết quả giải quyết TTHC.",
    "Cử công chức tham gia lớp tập huấn do UBND tỉnh tổ chức.",
    "Đang chờ hướng dẫn của cơ quan cấp trên.",
};

}  // namespace congkhai::bench
