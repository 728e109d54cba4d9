#include "export/data_keys.h"

namespace congkhai {

std::string unit_level_key(UnitLevel level) {
  for (const auto& key : unit_level_keys()) {
    UnitLevel parsed;
    if (parse_unit_level(key, &parsed) && parsed == level) return key;
  }
  return "";
}

std::string comparison_key(Comparison c) {
  switch (c) {
    case Comparison::kAtLeast: return "at_least";
    case Comparison::kAtMost: return "at_most";
    case Comparison::kExactly: return "exactly";
  }
  return "";
}

std::string timeframe_kind_key(Timeframe::Kind kind) {
  switch (kind) {
    case Timeframe::Kind::kDue: return "due";
    case Timeframe::Kind::kPeriod: return "period";
    case Timeframe::Kind::kRecurring: return "recurring";
    case Timeframe::Kind::kCheckpoints: return "checkpoints";
    case Timeframe::Kind::kUnscheduled: return "unscheduled";
    case Timeframe::Kind::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string cadence_key(Timeframe::Cadence cadence) {
  switch (cadence) {
    case Timeframe::Cadence::kNone: return "";
    case Timeframe::Cadence::kContinuous: return "continuous";
    case Timeframe::Cadence::kMonthly: return "monthly";
    case Timeframe::Cadence::kQuarterly: return "quarterly";
    case Timeframe::Cadence::kYearly: return "yearly";
    case Timeframe::Cadence::kOnDemand: return "on_demand";
  }
  return "";
}

std::string target_result_key(TargetResult result) {
  switch (result) {
    case TargetResult::kMet: return "met";
    case TargetResult::kNotMet: return "not_met";
    case TargetResult::kNoData: return "no_data";
  }
  return "no_data";
}

std::string target_result_vi(TargetResult result) {
  switch (result) {
    case TargetResult::kMet: return "đạt";
    case TargetResult::kNotMet: return "chưa đạt";
    case TargetResult::kNoData: return "chưa có số liệu";
  }
  return "";
}

std::string complete_date(const std::optional<Date>& date) {
  if (!date || !date->is_complete()) return "";
  return format_iso(*date);
}

}  // namespace congkhai
