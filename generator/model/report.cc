#include "model/report.h"

#include <cstdio>

namespace congkhai {

namespace {
const char* const kRoman[] = {"", "I", "II", "III", "IV"};

bool parse_int(const std::string& s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}
}  // namespace

bool parse_period(const std::string& s, Period* out) {
  Period p;
  if (s.size() < 4 || !parse_int(s.substr(0, 4), &p.year) || p.year < 1900) return false;
  if (s.size() == 4) {
    *out = p;
    return true;
  }
  if (s.size() < 7 || s[4] != '-') return false;
  std::string rest = s.substr(6);
  switch (s[5]) {
    case 'Q': p.kind = Period::Kind::kQuarter; break;
    case 'H': p.kind = Period::Kind::kHalf; break;
    case 'M': p.kind = Period::Kind::kMonth; break;
    default: return false;
  }
  if (!parse_int(rest, &p.index)) return false;
  int max = p.kind == Period::Kind::kQuarter ? 4 : p.kind == Period::Kind::kHalf ? 2 : 12;
  if (p.kind == Period::Kind::kMonth && rest.size() != 2) return false;
  if (p.kind != Period::Kind::kMonth && rest.size() != 1) return false;
  if (p.index < 1 || p.index > max) return false;
  *out = p;
  return true;
}

std::string format_period(const Period& p) {
  char buf[16];
  switch (p.kind) {
    case Period::Kind::kYear: std::snprintf(buf, sizeof buf, "%04d", p.year); break;
    case Period::Kind::kHalf: std::snprintf(buf, sizeof buf, "%04d-H%d", p.year, p.index); break;
    case Period::Kind::kQuarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", p.year, p.index); break;
    case Period::Kind::kMonth: std::snprintf(buf, sizeof buf, "%04d-M%02d", p.year, p.index); break;
  }
  return buf;
}

std::string period_vi(const Period& p) {
  std::string y = std::to_string(p.year);
  switch (p.kind) {
    case Period::Kind::kYear: return "năm " + y;
    case Period::Kind::kHalf: return (p.index == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
    case Period::Kind::kQuarter: return std::string("quý ") + kRoman[p.index] + " năm " + y;
    case Period::Kind::kMonth: return "tháng " + std::to_string(p.index) + " năm " + y;
  }
  return y;
}

namespace {
// First and last month of a period.
std::pair<int, int> months(const Period& p) {
  switch (p.kind) {
    case Period::Kind::kYear: return {1, 12};
    case Period::Kind::kHalf: return {p.index * 6 - 5, p.index * 6};
    case Period::Kind::kQuarter: return {p.index * 3 - 2, p.index * 3};
    case Period::Kind::kMonth: return {p.index, p.index};
  }
  return {1, 12};
}
}  // namespace

Date period_start(const Period& p) { return Date{p.year, months(p).first, 1}; }
Date period_end(const Period& p) { return end_of_month(p.year, months(p).second); }

}  // namespace congkhai
