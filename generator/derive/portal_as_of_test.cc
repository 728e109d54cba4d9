#include "derive/portal_as_of.h"

#include <gtest/gtest.h>

#include "derive/aggregates.h"
#include "derive/facts.h"

namespace congkhai {
namespace {

// Two units, a district above a commune. The district's plan of 2023 (issued 2023-02-01); the
// commune's plans of 2023 (2023-03-03, implementing the district's) and of 2024 (issued
// "tháng 01/2024"). Progress and reports dated on both sides of 2023-06-30.
Portal sample() {
  Portal p;
  Unit district;
  district.url_path = "huyen";
  district.children = {1};
  Unit commune;
  commune.url_path = "huyen/xa";
  commune.parent = 0;
  p.units = {district, commune};
  auto plan = [&](std::string id, int unit, int year, Date date) {
    Plan pl;
    pl.id = std::move(id);
    pl.unit = unit;
    pl.year = year;
    pl.date = date;
    Task t;
    t.id = "nv";
    pl.tasks = {t};
    Target g;
    g.id = "ct";
    pl.targets = {g};
    p.plans.push_back(pl);
  };
  plan("2023", 0, 2023, {2023, 2, 1});
  plan("2023", 1, 2023, {2023, 3, 3});
  plan("2024", 1, 2024, {2024, 1, 0});
  p.plans[1].implements = Reference{"Kế hoạch của huyện", ""};
  p.plans[1].implements_plan = "huyen/2023";
  p.plans[1].implements_index = 0;
  p.plans[0].implemented_by = {1};
  p.units[0].plans = {0};
  p.units[1].plans = {2, 1};
  auto record = [&](int plan, std::vector<Date> dates) {
    ProgressRecord r;
    r.plan = plan;
    for (const Date& d : dates) {
      ProgressEntry e;
      e.task = "nv";
      e.date = d;
      e.status = TaskStatus::kDone;
      r.entries.push_back(e);
      Measurement m;
      m.target = "ct";
      m.date = d;
      m.value = 1;
      r.measurements.push_back(m);
    }
    p.progress.push_back(r);
  };
  record(1, {{2023, 3, 31}, {2023, 6, 30}});
  record(1, {{2023, 7, 1}, {2023, 9, 0}});
  record(2, {{2024, 3, 31}});
  auto report = [&](std::string id, int unit, int plan, Date date) {
    Report r;
    r.id = std::move(id);
    r.unit = unit;
    r.plan = plan;
    r.date = date;
    p.reports.push_back(r);
  };
  report("q2", 1, 1, {2023, 7, 5});
  report("q1", 1, 1, {2023, 4, 5});
  report("h1", 0, 0, {2023, 6, 0});
  report("2024-q1", 1, 2, {2024, 4, 5});
  p.units[0].reports = {2};
  p.units[1].reports = {3, 0, 1};
  return p;
}

TEST(PortalAsOf, LeavesOutEverythingDatedLaterAndCountsIt) {
  LeftOut out;
  std::vector<char> trimmed;
  Portal p = portal_as_of(sample(), {2023, 6, 30}, &out, &trimmed);
  // The 2024 plan (issued in January 2024) goes, with its record and report.
  ASSERT_EQ(p.plans.size(), 2u);
  EXPECT_EQ(p.plans[1].id, "2023");
  EXPECT_EQ(out.plans, 1);
  // Entries and measurements after 30/06/2023 go, those on it stay; "2023-09" is later.
  ASSERT_EQ(p.progress.size(), 2u);
  EXPECT_EQ(p.progress[0].entries.size(), 2u);
  EXPECT_EQ(p.progress[1].entries.size(), 0u);
  EXPECT_EQ(p.progress[1].measurements.size(), 0u);
  EXPECT_EQ(out.entries, 3);       // 2 dated later, 1 of the plan left out
  EXPECT_EQ(out.measurements, 3);
  // The report of 05/07/2023 goes, and the one about the 2024 plan; "tháng 6/2023" stays.
  ASSERT_EQ(p.reports.size(), 2u);
  EXPECT_EQ(p.reports[0].id, "q1");
  EXPECT_EQ(p.reports[1].id, "h1");
  EXPECT_EQ(out.reports, 2);
  // Indexes follow.
  EXPECT_EQ(p.units[1].plans, std::vector<int>{1});
  EXPECT_EQ(p.units[1].reports, std::vector<int>{0});
  EXPECT_EQ(p.units[0].reports, std::vector<int>{1});
  EXPECT_EQ(p.reports[1].plan, 0);
  EXPECT_EQ(p.progress[0].plan, 1);
  EXPECT_EQ(p.plans[1].implements_index, 0);
  EXPECT_EQ(p.plans[0].implemented_by, std::vector<int>{1});
  // The commune's 2023 plan lost progress and a report; the district's lost nothing.
  EXPECT_EQ(trimmed, (std::vector<char>{0, 1}));
}

TEST(PortalAsOf, APartialDateCountsFromItsEnd) {
  LeftOut out;
  EXPECT_EQ(portal_as_of(sample(), {2024, 1, 30}, &out).plans.size(), 2u);
  EXPECT_EQ(portal_as_of(sample(), {2024, 1, 31}, &out).plans.size(), 3u);
  EXPECT_EQ(out.plans, 0);
}

TEST(PortalAsOf, AParentLeftOutIsUnlinkedItsTextKept) {
  LeftOut out;
  Portal p = portal_as_of(sample(), {2023, 1, 31}, &out);
  EXPECT_EQ(out.plans, 3);
  EXPECT_TRUE(p.plans.empty());
  EXPECT_TRUE(p.reports.empty());
  EXPECT_TRUE(p.progress.empty());
  EXPECT_TRUE(p.units[0].plans.empty());
  Portal q = sample();
  q.plans[0].date = Date{2023, 4, 1};  // the district's plan after the commune's
  p = portal_as_of(q, {2023, 3, 31}, &out);
  ASSERT_EQ(p.plans.size(), 1u);
  EXPECT_EQ(p.plans[0].implements_index, -1);
  EXPECT_EQ(p.plans[0].implements->text, "Kế hoạch của huyện");
  EXPECT_EQ(p.reports.size(), 0u);  // q1 (05/04/2023) is later too
}

TEST(PortalAsOf, AnUndatedPlanStaysAndNoDateLeavesAll) {
  Portal q = sample();
  q.plans[2].date.reset();
  LeftOut out;
  EXPECT_EQ(portal_as_of(q, {2023, 6, 30}, &out).plans.size(), 3u);
  EXPECT_EQ(out.plans, 0);
  Portal all = portal_as_of(sample(), Date{}, &out);
  EXPECT_FALSE(out.any());
  EXPECT_EQ(all.plans.size(), 3u);
  EXPECT_EQ(all.reports.size(), 4u);
}

// Facts and counts over the cut portal know nothing of what went: a plan issued later is not
// counted as unreported, and a later entry does not make a task done.
TEST(PortalAsOf, CountsAreThoseOfThePortalAsItStood) {
  LeftOut out;
  const Date as_of{2023, 5, 1};
  Portal p = portal_as_of(sample(), as_of, &out);
  PortalFacts facts = derive_facts(p, as_of);
  Aggregate all = portal_aggregate(p, facts);
  EXPECT_EQ(all.plans, 2);
  EXPECT_EQ(all.tasks.total, 2);
  EXPECT_EQ(all.tasks.done, 1);      // the commune's, reported done on 31/03/2023
  EXPECT_EQ(all.tasks.no_report, 1); // the district's
  EXPECT_EQ(facts.plans[1].last_updated, (Date{2023, 4, 5}));
  EXPECT_EQ(facts.plans[1].reports, std::vector<int>{0});
}

}  // namespace
}  // namespace congkhai
