// A task's timeframe as written ("Quý II/2021", "Thường xuyên") parsed into a deadline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/input_hasher.h"

namespace congkhai {

struct Timeframe {
  enum class Kind {
    kDue,          // one-off, done by `due`: "Tháng 3 năm 2023", "Chậm nhất ngày 25/8/2024"
    kPeriod,       // from `start` to `due`: "Từ tháng 3 đến tháng 12/2024"; with no `due` when
                   // no end is printed: "Kể từ tháng 7/2024", "Từ tháng 3/2024 đến khi kết
                   // thúc dự án" (the event is the qualifier)
    kRecurring,    // repeated with `cadences`: "Hàng tháng", "Thường xuyên", "Tháng 12 hằng
                   // năm" (a `window` of each year); with no `due` when it has no end:
                   // "Hằng quý, bắt đầu từ Quý I/2024", "Năm 2024 và các năm tiếp theo"; on
                   // demand only ("Đột xuất", "Theo yêu cầu") is cadence kOnDemand
    kCheckpoints,  // several dates: "Quý I, Quý II, Quý III và năm 2023"; also one date per
                   // actor: "UBND cấp xã: trước 15/11/2024; UBND huyện: trước 30/11/2024"
    kUnscheduled,  // no fixed date: "Theo kế hoạch", "Theo tiến độ phê duyệt"; also
                   // "Theo định kỳ và đột xuất" (no interval is named), with also_on_demand
    kUnknown,      // text the parser does not fully understand; shown as written, no deadline
  };
  enum class Cadence { kNone, kContinuous, kMonthly, kQuarterly, kYearly, kOnDemand };

  // The part of each year (or month) a recurring duty falls in: "tháng 12 hằng năm" → months
  // 12..12; "từ tháng 3 đến tháng 5 hằng năm" → 3..5; "trước ngày 15/12 hằng năm" → day 15 of
  // month 12; "ngày 20 hằng tháng" → day 20 (months 0). All 0: the whole period.
  struct Window {
    int first_month = 0, last_month = 0, day = 0;
    bool empty() const { return !first_month && !day; }
    bool operator==(const Window&) const = default;
  };

  Kind kind = Kind::kUnknown;
  std::string raw;                  // the text as written, always shown
  std::optional<Date> start;        // kPeriod; kRecurring: its first day, if known
  std::optional<Date> due;          // kDue, kPeriod; kRecurring: end of its last year; none
                                    // when no end is printed (open-ended)
  std::vector<Date> checkpoints;    // kCheckpoints, sorted; kRecurring: month, quarter or year
                                    // ends of the cadences, or the window's ends (none for
                                    // continuous or on demand; open-ended: through the plan
                                    // year)
  std::vector<Cadence> cadences;    // kRecurring: "Định kỳ hàng quý, năm" → quarterly, yearly
  Window window;                    // kRecurring: "tháng 12 hằng năm"
  bool also_on_demand = false;      // "… hoặc đột xuất", "theo yêu cầu hoặc …"
  std::string qualifier;            // trailing text the dates come with, NFC, spaces collapsed:
                                    // "và theo Kế hoạch của UBND tỉnh"
  std::vector<std::string> parts;   // one reading per actor, as described: "UBND cấp xã: hạn
                                    // 15/11/2024"; empty unless the cell gives several
  bool operator==(const Timeframe&) const = default;
};

// Parses the raw text; `plan_year` fills in years the text leaves out ("Hàng tháng", "Tháng 3"),
// unless a later date in the same text states one ("Quý I, Quý II và năm 2023"). Case,
// diacritics, NFD and spacing do not matter, nor a verb around the form ("Thực hiện thường
// xuyên."). Never throws, never guesses: text it cannot read fully, that names an impossible
// date ("ngày 31/2/2024"), or whose deadline comes with more dates or an open end it cannot
// place ("Tháng 3/2024 đối với cấp xã, tháng 6/2024 đối với cấp huyện") is kUnknown.
Timeframe parse_timeframe(std::string_view raw, int plan_year);

// Vietnamese summary for readers: "hạn 31/03/2023", "từ 01/03/2024 đến 31/12/2024", "hằng tháng",
// "thường xuyên trong năm 2023", "hằng năm vào tháng 12", "hằng quý kể từ năm 2024",
// "từ 01/07/2024, không ghi hạn kết thúc", "các mốc: 31/03, 30/06/2023", "không có thời hạn cố
// định", "UBND cấp xã: hạn 15/11/2024; …", followed by " hoặc đột xuất" and the qualifier when
// present. Empty for kUnknown: show `raw`.
std::string describe_timeframe(const Timeframe& t);

// The date by which the task counts as overdue if not done, if any: the due date, or the
// last checkpoint; recurring, open-ended, unscheduled and unknown timeframes are never overdue.
std::optional<Date> deadline_of(const Timeframe& t);

// Whether the duty goes on with no end printed ("Kể từ tháng 7/2024", "… và các năm tiếp
// theo"): the end of the plan's year does not end it.
bool is_open_ended(const Timeframe& t);

// Every field of a timeframe into an input key (export/plan_data_key.h, render/page_keys.h).
void add_inputs(InputHasher& h, const Timeframe& t);

}  // namespace congkhai
