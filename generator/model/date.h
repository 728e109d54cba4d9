// Calendar dates as written in plans: full (2023-03-03) or partial (2026-01, 2026).
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace congkhai {

// A calendar date; month and day are 0 when the document leaves them blank.
struct Date {
  int year = 0;
  int month = 0;  // 1-12, or 0 when unknown
  int day = 0;    // 1-31, or 0 when unknown

  bool is_complete() const { return month != 0 && day != 0; }
  auto operator<=>(const Date&) const = default;
};

// Parses "2023-03-03", "2026-01" or "2026". Rejects impossible dates (2023-02-30).
std::optional<Date> parse_iso_date(std::string_view s);

// "2023-03-03", "2026-01", "2026".
std::string format_iso(const Date& d);

// Vietnamese display: "03/03/2023", "tháng 01/2026", "năm 2026".
std::string format_vi(const Date& d);

int days_in_month(int year, int month);

// Days since 1970-01-01 of a complete date (proleptic Gregorian), and back.
long days_from_civil(const Date& d);
Date civil_from_days(long days);

// The last day of the month of a date with a known month.
Date end_of_month(int year, int month);

}  // namespace congkhai
