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
    kRecurring,    // repeated with `cadence` through the year: "Hàng tháng", "Thường xuyên"
    kCheckpoints,  // several dates: "Quý I, Quý II, Quý III và năm 2023"
    kUnscheduled,  // no fixed date: "Theo kế hoạch", "Theo tiến độ phê duyệt"
    kUnknown,      // text the parser does not understand; shown as written
  };
  enum class Cadence { kNone, kContinuous, kMonthly, kQuarterly, kYearly, kOnDemand };

  Kind kind = Kind::kUnknown;
  std::string raw;                  // the text as written, always shown
  std::optional<Date> start;        // kPeriod
  std::optional<Date> due;          // kDue, kPeriod; kRecurring: end of its year, if known
  std::vector<Date> checkpoints;    // kCheckpoints (and kRecurring when dates are derivable)
  std::vector<Cadence> cadences;    // kRecurring: "Định kỳ hàng quý, năm" → quarterly, yearly
  bool also_on_demand = false;      // "… hoặc đột xuất", "theo yêu cầu hoặc …"
  std::string qualifier;            // trailing text the dates come with: "và theo Kế hoạch của UBND tỉnh"
};

// Parses the raw text; `plan_year` fills in years the text leaves out ("Hàng tháng", "Tháng 3").
Timeframe parse_timeframe(std::string_view raw, int plan_year);

// Vietnamese summary for readers: "hạn 31/03/2023", "từ 01/03/2024 đến 31/12/2024", "hằng tháng".
std::string describe_timeframe(const Timeframe& t);

// The date by which the task counts as overdue if not done, if any: the due date, or the
// last checkpoint; recurring and unscheduled tasks are never overdue.
std::optional<Date> deadline_of(const Timeframe& t);

}  // namespace congkhai
