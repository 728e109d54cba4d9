// A published report (báo cáo): Markdown with front matter, and its attachments.
#pragma once

#include <string>
#include <vector>

#include "model/date.h"
#include "model/diagnostic.h"

namespace congkhai {

// The period a report covers: a year, a half, a quarter or a month.
struct Period {
  enum class Kind { kYear, kHalf, kQuarter, kMonth } kind = Kind::kYear;
  int year = 0;
  int index = 0;  // half 1-2, quarter 1-4, month 1-12; 0 for a year

  bool operator==(const Period&) const = default;
};

struct Attachment {
  std::string file;  // path relative to content/ (NFC: its address)
  std::string title;
  long long bytes = 0;
  SourcePos pos;
  // The file's path as the file system spells it (its name may be NFD); empty when `file`.
  std::string file_on_disk;

  bool operator==(const Attachment&) const = default;
};

struct Report {
  std::string path;
  std::string id;  // file stem, URL slug
  int unit = -1;   // index into Portal::units
  std::string title;
  Date date;
  Period period;
  std::string number;
  std::string plan_id;
  int plan = -1;  // index into Portal::plans, -1 when none
  std::vector<std::string> tasks;
  std::vector<std::string> targets;
  std::vector<SourcePos> task_pos;    // parallel to tasks
  std::vector<SourcePos> target_pos;  // parallel to targets
  std::vector<Attachment> attachments;
  std::string body;
  int body_line = 1;
  SourcePos plan_pos;

  bool operator==(const Report&) const = default;
};

// "2023-Q1", "2023-H1", "2023-M03", "2023".
bool parse_period(const std::string& s, Period* out);
std::string format_period(const Period& p);
// "quý I năm 2023", "6 tháng đầu năm 2023", "tháng 3 năm 2023", "năm 2023".
std::string period_vi(const Period& p);
// First and last day covered.
Date period_start(const Period& p);
Date period_end(const Period& p);

}  // namespace congkhai
