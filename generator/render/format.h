// How numbers, sizes, dates and labels read on the pages, in Vietnamese conventions.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "derive/facts.h"
#include "model/plan.h"
#include "model/progress.h"

namespace congkhai {

// A number as written in content, with the Vietnamese decimal comma: "41.5" → "41,5".
std::string vi_number(const std::string& written);
// A computed number, at most two decimals, trailing zeros dropped: 41.5 → "41,5", 60 → "60".
std::string vi_number(double value);
// "0,8 KB", "1 KB", "1,5 KB", "12 KB", "1,2 MB": one decimal below 10 KB and for MB.
std::string file_size_vi(long long bytes);
// The kind of a file for readers, from its extension: "PDF", "DOCX"; "" without one.
std::string file_type(const std::string& path);
// The plan's date line as printed: "Định Hoá, ngày 03 tháng 03 năm 2023"; unknown parts as
// "…": "ngày … tháng 01 năm 2026"; "" when the plan has no date.
std::string date_line(const Plan& plan);
// What the page says of a header field this copy lacks (plan.not_in_copy).
inline constexpr const char kNotInCopyVi[] = "bản đăng tải không có phần này";
// What a partial date leaves blank, as the page says it: "văn bản không ghi ngày" for
// 2026-01, "văn bản không ghi ngày, tháng" for 2026; "" for a complete date.
std::string partial_date_note(const Date& d);
// For lists of plans: what the copy says of its number and date when they are not printed
// in full ("Văn bản không ghi số", "Bản đăng tải không có số, ngày ban hành"); "" otherwise.
std::string plan_copy_note(const Plan& plan);
// "Kế hoạch số 28/KH-UBND", or "Kế hoạch năm 2023" when the number was left blank or is not
// in this copy.
std::string plan_label(const Plan& plan);
// A date for <time datetime>: "2023-03-03", "2026-01", "2026".
std::string iso_date(const Date& d);

// A task's status as a reader sees it: a status never reported reads "Chưa có báo cáo"
// rather than "Chưa bắt đầu", which would claim something nobody said.
struct StatusLabel {
  std::string key;   // CSS modifier: done, in-progress, not-started, postponed, cancelled, no-report
  std::string text;  // "Hoàn thành" …
};
StatusLabel status_label(const TaskFacts& facts);
StatusLabel status_label(TaskStatus status);

// `text` as HTML (escaped), each abbreviation of the glossary page (TTHC, UBND, HĐND, DVC,
// PVHCC) in an <abbr title> the first time a page uses it: `explained` holds those already
// explained on the page.
std::string with_abbreviations(std::string_view text, std::set<std::string>* explained);

// "Đạt", "Chưa đạt", "Chưa có số liệu" and their CSS keys met, not-met, no-data.
StatusLabel target_result_label(TargetResult result);

}  // namespace congkhai
