// A task's timeframe as written ("Quý II/2021", "Thường xuyên") parsed into a deadline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace congkhai {

struct Timeframe {
  enum class Kind {
    kDue,          // one-off, done by `due`: "Tháng 3 năm 2023", "Chậm nhất ngày 25/8/2024"
    kPeriod,       // from `start` to `due`: "Từ tháng 3 đến tháng 12/2024"
    kRecurring,    // repeated with `cadences` through the year: "Hàng tháng", "Thường xuyên";
                   // on demand only ("Đột xuất", "Theo yêu cầu") is cadence kOnDemand
    kCheckpoints,  // several dates: "Quý I, Quý II, Quý III và năm 2023"
    kUnscheduled,  // no fixed date: "Theo kế hoạch", "Theo tiến độ phê duyệt"; also
                   // "Theo định kỳ và đột xuất" (no interval is named), with also_on_demand
    kUnknown,      // text the parser does not understand; shown as written
  };
  enum class Cadence { kNone, kContinuous, kMonthly, kQuarterly, kYearly, kOnDemand };

  Kind kind = Kind::kUnknown;
  std::string raw;                  // the text as written, always shown
  std::optional<Date> start;        // kPeriod; kRecurring: 1 January of its first year, if known
  std::optional<Date> due;          // kDue, kPeriod; kRecurring: end of its year, if known
  std::vector<Date> checkpoints;    // kCheckpoints, sorted; kRecurring: month, quarter or year
                                    // ends of the cadences (none for continuous or on demand)
  std::vector<Cadence> cadences;    // kRecurring: "Định kỳ hàng quý, năm" → quarterly, yearly
  bool also_on_demand = false;      // "… hoặc đột xuất", "theo yêu cầu hoặc …"
  std::string qualifier;            // trailing text the dates come with, NFC, spaces collapsed:
                                    // "và theo Kế hoạch của UBND tỉnh"
  bool operator==(const Timeframe&) const = default;
};

// Parses the raw text; `plan_year` fills in years the text leaves out ("Hàng tháng", "Tháng 3"),
// unless a later date in the same text states one ("Quý I, Quý II và năm 2023"). Case,
// diacritics, NFD and spacing do not matter. Never throws: text it cannot read, or that names
// an impossible date ("ngày 31/2/2024"), is kUnknown.
Timeframe parse_timeframe(std::string_view raw, int plan_year);

// Vietnamese summary for readers: "hạn 31/03/2023", "từ 01/03/2024 đến 31/12/2024", "hằng tháng",
// "thường xuyên trong năm 2023", "các mốc: 31/03, 30/06/2023", "không có thời hạn cố định",
// followed by " hoặc đột xuất" and the qualifier when present. Empty for kUnknown: show `raw`.
std::string describe_timeframe(const Timeframe& t);

// The date by which the task counts as overdue if not done, if any: the due date, or the
// last checkpoint; recurring and unscheduled tasks are never overdue.
std::optional<Date> deadline_of(const Timeframe& t);

}  // namespace congkhai
