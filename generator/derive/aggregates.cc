#include "derive/aggregates.h"

namespace congkhai {
namespace {

void add(Aggregate& into, const Aggregate& a) {
  into.plans += a.plans;
  TaskCounts& t = into.tasks;
  t.total += a.tasks.total;
  t.done += a.tasks.done;
  t.in_progress += a.tasks.in_progress;
  t.not_started += a.tasks.not_started;
  t.postponed += a.tasks.postponed;
  t.cancelled += a.tasks.cancelled;
  t.no_report += a.tasks.no_report;
  t.overdue += a.tasks.overdue;
  TargetCounts& g = into.targets;
  g.total += a.targets.total;
  g.met += a.targets.met;
  g.not_met += a.targets.not_met;
  g.no_data += a.targets.no_data;
}

}  // namespace

double percent_of(int part, int total) { return total > 0 ? 100.0 * part / total : 0.0; }

Aggregate plan_aggregate(const Plan& plan, const PlanFacts& facts) {
  Aggregate a;
  a.plans = 1;
  static const TaskFacts kNoTask;
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    if (!counts_as_task(plan.tasks[i])) continue;  // a sub-task counts within its task
    const TaskFacts& tf = i < facts.tasks.size() ? facts.tasks[i] : kNoTask;
    TaskCounts& t = a.tasks;
    ++t.total;
    if (tf.overdue) ++t.overdue;
    if (!tf.reported) {
      ++t.no_report;
      continue;
    }
    switch (tf.status) {
      case TaskStatus::kDone: ++t.done; break;
      case TaskStatus::kInProgress: ++t.in_progress; break;
      case TaskStatus::kNotStarted: ++t.not_started; break;
      case TaskStatus::kPostponed: ++t.postponed; break;
      case TaskStatus::kCancelled: ++t.cancelled; break;
    }
  }
  for (size_t i = 0; i < plan.targets.size(); ++i) {
    TargetResult r = i < facts.targets.size() ? facts.targets[i].result : TargetResult::kNoData;
    ++a.targets.total;
    switch (r) {
      case TargetResult::kMet: ++a.targets.met; break;
      case TargetResult::kNotMet: ++a.targets.not_met; break;
      case TargetResult::kNoData: ++a.targets.no_data; break;
    }
  }
  return a;
}

namespace {

Aggregate plan_at(const Portal& portal, const PortalFacts& facts, int p) {
  static const PlanFacts kNoFacts;
  return plan_aggregate(portal.plans[p], p < static_cast<int>(facts.plans.size()) ? facts.plans[p] : kNoFacts);
}

void add_subtree(const Portal& portal, const PortalFacts& facts, int unit, size_t depth, Aggregate& into) {
  if (unit < 0 || static_cast<size_t>(unit) >= portal.units.size() || depth > portal.units.size()) return;
  for (int p : portal.units[unit].plans)
    if (p >= 0 && static_cast<size_t>(p) < portal.plans.size()) add(into, plan_at(portal, facts, p));
  for (int c : portal.units[unit].children) add_subtree(portal, facts, c, depth + 1, into);
}

}  // namespace

Aggregate unit_aggregate(const Portal& portal, const PortalFacts& facts, int unit) {
  Aggregate a;
  add_subtree(portal, facts, unit, 0, a);
  return a;
}

Aggregate portal_aggregate(const Portal& portal, const PortalFacts& facts) {
  Aggregate a;
  for (size_t p = 0; p < portal.plans.size(); ++p) add(a, plan_at(portal, facts, static_cast<int>(p)));
  return a;
}

PortalAggregates aggregate(const Portal& portal, const PortalFacts& facts) {
  PortalAggregates out;
  const size_t n = portal.units.size();
  out.units.resize(n);
  static const PlanFacts kNoFacts;
  for (size_t p = 0; p < portal.plans.size(); ++p) {
    const Plan& plan = portal.plans[p];
    Aggregate a = plan_aggregate(plan, p < facts.plans.size() ? facts.plans[p] : kNoFacts);
    add(out.portal, a);
    // The plan counts for its unit and every unit above it; the step bound guards a cycle.
    int u = plan.unit;
    for (size_t steps = 0; u >= 0 && static_cast<size_t>(u) < n && steps <= n; ++steps) {
      add(out.units[u], a);
      u = portal.units[u].parent;
    }
  }
  return out;
}

}  // namespace congkhai
