#include "derive/aggregates.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

// A province with a district with a commune, and a second province; plans in the district,
// the commune and the second province.
struct Fixture {
  Portal portal;
  PortalFacts facts;
};

Unit unit(const std::string& slug, int parent, std::vector<int> children) {
  Unit u;
  u.slug = slug;
  u.url_path = slug;
  u.name = slug;
  u.parent = parent;
  u.children = std::move(children);
  return u;
}

Plan plan(int unit, int tasks, int targets) {
  Plan p;
  p.unit = unit;
  p.year = 2024;
  for (int i = 0; i < tasks; ++i) p.tasks.push_back(Task{.id = "t" + std::to_string(i)});
  for (int i = 0; i < targets; ++i) p.targets.push_back(Target{.id = "g" + std::to_string(i)});
  return p;
}

TaskFacts task(TaskStatus status, bool overdue = false) {
  TaskFacts t;
  t.reported = true;
  t.status = status;
  t.overdue = overdue;
  return t;
}

Fixture fixture() {
  Fixture f;
  f.portal.units = {unit("tinh", -1, {1}), unit("huyen", 0, {2}), unit("xa", 1, {}), unit("tinh-khac", -1, {})};
  f.portal.top_units = {0, 3};
  f.portal.plans = {plan(1, 2, 1), plan(2, 4, 2), plan(3, 1, 0)};
  f.facts.plans.resize(3);
  // The district: one done, one never reported; its target met.
  f.facts.plans[0].tasks = {task(TaskStatus::kDone), TaskFacts{}};
  f.facts.plans[0].targets = {TargetFacts{.result = TargetResult::kMet}};
  // The commune: in progress and overdue, not started, postponed, never reported but overdue.
  TaskFacts unreported_overdue;
  unreported_overdue.overdue = true;
  f.facts.plans[1].tasks = {task(TaskStatus::kInProgress, true), task(TaskStatus::kNotStarted),
                            task(TaskStatus::kPostponed), unreported_overdue};
  f.facts.plans[1].targets = {TargetFacts{.result = TargetResult::kNotMet}, TargetFacts{}};
  f.facts.plans[2].tasks = {task(TaskStatus::kCancelled)};
  f.portal.units[1].plans = {0};
  f.portal.units[2].plans = {1};
  f.portal.units[3].plans = {2};
  return f;
}

TEST(AggregatesTest, AUnitCountsItsSubUnitsOverdueTasks) {
  Fixture f = fixture();
  PortalAggregates a = aggregate(f.portal, f.facts);
  ASSERT_EQ(a.units.size(), 4u);
  const Aggregate& xa = a.units[2];
  EXPECT_EQ(xa.plans, 1);
  EXPECT_EQ(xa.tasks, (TaskCounts{.total = 4, .in_progress = 1, .not_started = 1, .postponed = 1, .no_report = 1, .overdue = 2}));
  const Aggregate& huyen = a.units[1];
  EXPECT_EQ(huyen.plans, 2);
  EXPECT_EQ(huyen.tasks, (TaskCounts{.total = 6, .done = 1, .in_progress = 1, .not_started = 1, .postponed = 1,
                                     .no_report = 2, .overdue = 2}));
  EXPECT_EQ(huyen.targets, (TargetCounts{.total = 3, .met = 1, .not_met = 1, .no_data = 1}));
  EXPECT_EQ(a.units[0], huyen) << "the province has no plan of its own: it is its district";
  EXPECT_EQ(a.units[3].tasks, (TaskCounts{.total = 1, .cancelled = 1}));
}

TEST(AggregatesTest, ThePortalCountsEveryPlanOnce) {
  Fixture f = fixture();
  PortalAggregates a = aggregate(f.portal, f.facts);
  EXPECT_EQ(a.portal.plans, 3);
  EXPECT_EQ(a.portal.tasks, (TaskCounts{.total = 7, .done = 1, .in_progress = 1, .not_started = 1, .postponed = 1,
                                        .cancelled = 1, .no_report = 2, .overdue = 2}));
  EXPECT_EQ(a.portal.targets, (TargetCounts{.total = 3, .met = 1, .not_met = 1, .no_data = 1}));
  const TaskCounts& t = a.portal.tasks;
  EXPECT_EQ(t.done + t.in_progress + t.not_started + t.postponed + t.cancelled + t.no_report, t.total)
      << "every task under exactly one status";
}

TEST(AggregatesTest, MissingFactsCountAsNoReportAndNoData) {
  Fixture f = fixture();
  f.facts.plans.clear();
  PortalAggregates a = aggregate(f.portal, f.facts);
  EXPECT_EQ(a.portal.tasks, (TaskCounts{.total = 7, .no_report = 7}));
  EXPECT_EQ(a.portal.targets, (TargetCounts{.total = 3, .no_data = 3}));
}

TEST(AggregatesTest, OneUnitOrThePortalAloneGiveTheSameCounts) {
  Fixture f = fixture();
  PortalAggregates all = aggregate(f.portal, f.facts);
  for (int u = 0; u < 4; ++u) EXPECT_EQ(unit_aggregate(f.portal, f.facts, u), all.units[u]) << u;
  EXPECT_EQ(portal_aggregate(f.portal, f.facts), all.portal);
  EXPECT_EQ(unit_aggregate(f.portal, f.facts, 0).tasks.overdue, 2) << "the commune's overdue tasks count for the province";
}

TEST(AggregatesTest, PercentOf) {
  EXPECT_DOUBLE_EQ(percent_of(1, 4), 25.0);
  EXPECT_DOUBLE_EQ(percent_of(0, 0), 0.0);
}

TEST(AggregatesTest, FromDerivedFacts) {
  Fixture f = fixture();
  f.portal.plans[1].tasks[0].timeframe = "Chậm nhất ngày 31/3/2024";
  ProgressRecord rec;
  rec.plan = 1;
  ProgressEntry e;
  e.task = "t1";
  e.date = Date{2024, 2, 1};
  e.status = TaskStatus::kDone;
  rec.entries = {e};
  f.portal.progress = {rec};
  PortalFacts facts = derive_facts(f.portal, Date{2024, 6, 30});
  PortalAggregates a = aggregate(f.portal, facts);
  EXPECT_EQ(a.units[0].tasks.overdue, 1) << "the commune's task t0, due 31/3, unreported by 30/6";
  EXPECT_EQ(a.units[0].tasks.done, 1);
  EXPECT_EQ(a.units[2].tasks.no_report, 3);
}

}  // namespace
}  // namespace congkhai
