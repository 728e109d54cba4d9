// The portal as it stood on the reference date: a build "as of" a day shows what had been
// issued, reported and measured by then, and nothing dated after it.
#pragma once

#include <vector>

#include "model/date.h"
#include "model/portal.h"

namespace congkhai {

// What was left out for being dated after the reference date.
struct LeftOut {
  int plans = 0;         // issued after it
  int reports = 0;       // dated after it, or about a plan left out
  int entries = 0;       // progress entries dated after it, or about a plan left out
  int measurements = 0;  // the same for measurements
  bool any() const { return plans || reports || entries || measurements; }
  bool operator==(const LeftOut&) const = default;
};

// Leaves out every plan issued after `as_of`, every report, progress entry and measurement
// dated after it (a partial date counts from its last day, as dated_by: a plan of "tháng
// 01/2026" is there from 31/01/2026), and the reports and progress of a plan left out. A plan
// without a date of issue stays: nothing says it came later. Units stay; indexes are
// renumbered throughout, and a link to a plan left out (`implements`) is unlinked, its text
// kept. An unset `as_of` leaves everything. `*left_out` counts what went; `trimmed`, when not
// null, gets for each plan kept whether any of its reports or progress went.
Portal portal_as_of(Portal portal, const Date& as_of, LeftOut* left_out, std::vector<char>* trimmed = nullptr);

}  // namespace congkhai
