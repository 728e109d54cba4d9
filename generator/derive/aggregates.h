// Counts over many plans: per unit (with every unit below it) and for the whole portal.
// Tasks by status, overdue tasks, targets met, not met and without data, as of the facts'
// reference date. Pure function of the portal and its facts.
#pragma once

#include <vector>

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai {

// Each task counts under exactly one status; a task nobody has reported on counts as
// `no_report`, not as `not_started` (which someone said). `overdue` cuts across statuses.
struct TaskCounts {
  int total = 0;
  int done = 0, in_progress = 0, not_started = 0, postponed = 0, cancelled = 0, no_report = 0;
  int overdue = 0;
  bool operator==(const TaskCounts&) const = default;
};

struct TargetCounts {
  int total = 0;
  int met = 0, not_met = 0, no_data = 0;
  bool operator==(const TargetCounts&) const = default;
};

struct Aggregate {
  int plans = 0;
  TaskCounts tasks;
  TargetCounts targets;
  bool operator==(const Aggregate&) const = default;
};

struct PortalAggregates {
  Aggregate portal;
  std::vector<Aggregate> units;  // parallel to Portal::units; each includes its descendants
};

PortalAggregates aggregate(const Portal& portal, const PortalFacts& facts);

// The same counts for one unit with the units below it, or for the whole portal: a page
// needs only its own, in time proportional to the plans it covers.
Aggregate unit_aggregate(const Portal& portal, const PortalFacts& facts, int unit);
Aggregate portal_aggregate(const Portal& portal, const PortalFacts& facts);

// The counts of one plan.
Aggregate plan_aggregate(const Plan& plan, const PlanFacts& facts);

// `part` as a percentage of `total`, 0 when there is nothing to count.
double percent_of(int part, int total);

}  // namespace congkhai
