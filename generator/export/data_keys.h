// The fixed keys that exported data uses for enumerations, as in the content files
// ("at_least", "in_progress"), so that data users see one vocabulary everywhere.
#pragma once

#include <string>

#include "derive/facts.h"
#include "model/plan.h"
#include "model/unit.h"

namespace congkhai {

std::string unit_level_key(UnitLevel level);                  // "xa", "tinh"
std::string comparison_key(Comparison c);                     // "at_least"
std::string timeframe_kind_key(Timeframe::Kind kind);         // "due", "period", …
std::string cadence_key(Timeframe::Cadence cadence);          // "monthly", …; "" for kNone
std::string target_result_key(TargetResult result);           // "met", "not_met", "no_data"
std::string target_result_vi(TargetResult result);            // "đạt", "chưa đạt", "chưa có số liệu"

// Complete dates as "2023-03-31", anything else (partial or absent) as "".
std::string complete_date(const std::optional<Date>& date);

}  // namespace congkhai
