#include "render/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "model/date.h"
#include "text/xml.h"

namespace congkhai {

std::string vi_number(const std::string& written) {
  std::string out = written;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

std::string vi_number(double value) {
  if (!std::isfinite(value)) return "";
  // to_chars, not printf: it ignores the locale, and the buffer holds DBL_MAX's 309 digits
  // (a 64-byte one cut 1e300 short).
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 2);
  std::string s(buf, ec == std::errc() ? end : buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return vi_number(s);
}

std::string file_size_vi(long long bytes) {
  // Readers compare sizes in KB and MB: a small file reads "0,8 KB", not "850 byte".
  if (bytes <= 0) return "0 KB";
  if (bytes < 10 * 1024) return vi_number(std::max(0.1, std::round(bytes / 102.4) / 10)) + " KB";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  double mb = bytes / (1024.0 * 1024.0);
  return vi_number(std::round(mb * 10) / 10) + " MB";
}

std::string file_type(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot + 1 == path.size())
    return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return ext;
}

std::string date_line(const Plan& plan) {
  if (!plan.date) return "";
  const Date& d = *plan.date;
  char buf[96];
  auto two = [](int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return std::string(b);
  };
  std::snprintf(buf, sizeof buf, "ngày %s tháng %s năm %04d", d.day ? two(d.day).c_str() : "…",
                d.month ? two(d.month).c_str() : "…", d.year);
  return plan.place.empty() ? std::string(buf) : plan.place + ", " + buf;
}

std::string partial_date_note(const Date& d) {
  if (d.month == 0) return "văn bản không ghi ngày, tháng";
  if (d.day == 0) return "văn bản không ghi ngày";
  return "";
}

std::string plan_copy_note(const Plan& plan) {
  std::string lacks;
  if (plan.not_in_copy.number) lacks = "số";
  if (plan.not_in_copy.date) lacks += std::string(lacks.empty() ? "" : ", ") + "ngày ban hành";
  if (!lacks.empty()) {
    if (lacks == "số") lacks = "số văn bản";
    return "Bản đăng tải không có " + lacks;
  }
  if (number_state(plan) == NumberState::kBlank) return "Văn bản không ghi số";
  return "";
}

std::string plan_label(const Plan& plan) {
  if (is_blank_number(plan.number)) return "Kế hoạch năm " + std::to_string(plan.year);
  return "Kế hoạch số " + plan.number;
}

std::string iso_date(const Date& d) { return format_iso(d); }

StatusLabel status_label(TaskStatus status) {
  switch (status) {
    case TaskStatus::kNotStarted: return {"not-started", "Chưa bắt đầu"};
    case TaskStatus::kInProgress: return {"in-progress", "Đang thực hiện"};
    case TaskStatus::kDone: return {"done", "Hoàn thành"};
    case TaskStatus::kPostponed: return {"postponed", "Tạm hoãn"};
    case TaskStatus::kCancelled: return {"cancelled", "Huỷ bỏ"};
  }
  return {"not-started", "Chưa bắt đầu"};
}

StatusLabel status_label(const TaskFacts& facts) {
  if (!facts.reported) return {"no-report", "Chưa có báo cáo"};
  return status_label(facts.status);
}

StatusLabel target_result_label(TargetResult result) {
  switch (result) {
    case TargetResult::kMet: return {"met", "Đạt"};
    case TargetResult::kNotMet: return {"not-met", "Chưa đạt"};
    case TargetResult::kNoData: return {"no-data", "Chưa có số liệu"};
  }
  return {"no-data", "Chưa có số liệu"};
}

namespace {

struct Abbreviation {
  std::string_view word;
  const char* title;
};
constexpr Abbreviation kAbbreviations[] = {{"TTHC", "thủ tục hành chính"},
                                           {"UBND", "Ủy ban nhân dân"},
                                           {"HĐND", "Hội đồng nhân dân"},
                                           {"PVHCC", "Phục vụ hành chính công"},
                                           {"DVC", "dịch vụ công"}};

// A letter or digit of any script: ASCII alphanumerics and every byte of a multi-byte
// character, so that "UBNDX" or "TTHCđ" are not taken for the abbreviation.
bool word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

}  // namespace

std::string with_abbreviations(std::string_view text, std::set<std::string>* explained) {
  std::string out;
  size_t plain = 0;  // start of the text not yet written
  for (size_t i = 0; i < text.size();) {
    const Abbreviation* found = nullptr;
    if (i == 0 || !word_byte(static_cast<unsigned char>(text[i - 1])))
      for (const Abbreviation& a : kAbbreviations) {
        size_t end = i + a.word.size();
        if (text.compare(i, a.word.size(), a.word) == 0 &&
            (end == text.size() || !word_byte(static_cast<unsigned char>(text[end])))) {
          found = &a;
          break;
        }
      }
    if (!found || explained->count(std::string(found->word))) {
      i += found ? found->word.size() : 1;
      continue;
    }
    explained->insert(std::string(found->word));
    out += xml_escape(text.substr(plain, i - plain));
    out += "<abbr title=\"" + std::string(found->title) + "\">" + std::string(found->word) + "</abbr>";
    i += found->word.size();
    plain = i;
  }
  out += xml_escape(text.substr(plain));
  return out;
}

}  // namespace congkhai
