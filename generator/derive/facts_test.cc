#include "derive/facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "derive/real_timeframes_testing.h"

namespace congkhai {
namespace {

Task task(std::string id, std::string timeframe) {
  Task t;
  t.id = std::move(id);
  t.text = "Nhiệm vụ " + t.id;
  t.timeframe = std::move(timeframe);
  return t;
}

Target target(std::string id, Comparison c, double value) {
  Target t;
  t.id = std::move(id);
  t.measure = "Tỷ lệ";
  t.comparison = c;
  t.value = value;
  return t;
}

ProgressEntry entry(std::string task, Date date, TaskStatus status, int percent = -1) {
  ProgressEntry e;
  e.task = std::move(task);
  e.date = date;
  e.status = status;
  e.percent = percent;
  return e;
}

Measurement measurement(std::string target, Date date, double value) {
  Measurement m;
  m.target = std::move(target);
  m.date = date;
  m.value = value;
  return m;
}

// A portal with one 2023 plan issued on 2023-03-03.
struct Fixture {
  Portal portal;
  Fixture() {
    Plan p;
    p.id = "2023";
    p.year = 2023;
    p.date = Date{2023, 3, 3};
    portal.plans.push_back(p);
  }
  Plan& plan(int i = 0) { return portal.plans[i]; }
  ProgressRecord& record(int plan = 0) {
    ProgressRecord r;
    r.path = "progress/" + std::to_string(portal.progress.size()) + ".yaml";
    r.plan = plan;
    portal.progress.push_back(r);
    return portal.progress.back();
  }
  PlanFacts facts(Date as_of, int i = 0) const { return derive_facts(portal, as_of).plans[i]; }
};

// ---- Deadlines and overdue ----

TEST(DeriveFacts, ParsesTimeframeAndDue) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 3 năm 2023"), task("b", "Thường xuyên"), task("c", "")};
  PlanFacts pf = f.facts(Date{2023, 1, 1});
  ASSERT_EQ(pf.tasks.size(), 3u);
  EXPECT_EQ(pf.tasks[0].timeframe.kind, Timeframe::Kind::kDue);
  EXPECT_EQ(pf.tasks[0].due, (Date{2023, 3, 31}));
  EXPECT_EQ(pf.tasks[1].timeframe.kind, Timeframe::Kind::kRecurring);
  EXPECT_FALSE(pf.tasks[1].due);
  EXPECT_EQ(pf.tasks[2].timeframe.kind, Timeframe::Kind::kUnknown);
  EXPECT_FALSE(pf.tasks[2].due);
}

TEST(DeriveFacts, MissingYearTakesThePlanYear) {
  Fixture f;
  f.plan().year = 2024;
  f.plan().tasks = {task("a", "Quý I")};
  EXPECT_EQ(f.facts(Date{2024, 1, 1}).tasks[0].due, (Date{2024, 3, 31}));
}

// Timeframes are parsed once per distinct text and plan year: every task still gets what
// parsing its own text with its own plan's year gives, whichever plan parsed the text first.
TEST(DeriveFacts, EachTaskHasTheTimeframeItsOwnTextAndPlanYearGive) {
  Portal portal;
  const std::vector<std::string> texts = {"Hàng tháng", "Tháng 3", "Quý II", "Thường xuyên",
                                          "Quý I, Quý II và năm 2023", "Trước ngày 15/12 hằng năm",
                                          "Tha\xCC\x81ng 3",  // NFD: other bytes, the same reading
                                          "Chậm nhất ngày 25/8/2024", ""};
  for (int year : {2023, 2024, 2023, 0, 2025}) {
    Plan p;
    p.id = std::to_string(portal.plans.size());
    p.year = year;
    for (std::size_t i = 0; i < texts.size(); ++i) p.tasks.push_back(task("nv-" + std::to_string(i), texts[i]));
    std::reverse(p.tasks.begin() + static_cast<long>(portal.plans.size() % 2), p.tasks.end());
    portal.plans.push_back(p);
  }
  for (const auto& r : real_timeframes()) {
    Plan p;
    p.id = "real-" + std::to_string(r.line);
    p.year = r.year;
    p.tasks.push_back(task("nv", r.text));
    p.tasks.push_back(task("nv-2", r.text));
    portal.plans.push_back(p);
    p.year = r.year + 1;  // the same text read in another year
    portal.plans.push_back(p);
  }
  for (int threads : {1, 2, 3}) {
    const PortalFacts facts = derive_facts(portal, Date{2024, 6, 30}, threads);
    for (std::size_t p = 0; p < portal.plans.size(); ++p)
      for (std::size_t t = 0; t < portal.plans[p].tasks.size(); ++t) {
        const Timeframe alone = parse_timeframe(portal.plans[p].tasks[t].timeframe, portal.plans[p].year);
        ASSERT_TRUE(facts.plans[p].tasks[t].timeframe == alone)
            << portal.plans[p].tasks[t].timeframe << " in " << portal.plans[p].year;
        ASSERT_EQ(facts.plans[p].tasks[t].due, deadline_of(alone));
      }
  }
}

TEST(DeriveFacts, AsOfPastTheDueDateMakesATaskOverdue) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 3 năm 2023")};
  PlanFacts on_due = f.facts(Date{2023, 3, 31});
  EXPECT_FALSE(on_due.tasks[0].overdue);
  EXPECT_EQ(on_due.tasks[0].overdue_days, 0);
  EXPECT_EQ(on_due.overdue, 0);

  PlanFacts next_day = f.facts(Date{2023, 4, 1});
  EXPECT_TRUE(next_day.tasks[0].overdue);
  EXPECT_EQ(next_day.tasks[0].overdue_days, 1);
  EXPECT_EQ(next_day.overdue, 1);
  EXPECT_EQ(next_day.not_started, 1);

  EXPECT_EQ(f.facts(Date{2024, 3, 31}).tasks[0].overdue_days, 366);
}

TEST(DeriveFacts, DoneOrCancelledIsNeverOverdue) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 3 năm 2023"), task("b", "Tháng 3 năm 2023"),
                    task("c", "Tháng 3 năm 2023"), task("d", "Tháng 3 năm 2023")};
  f.record().entries = {entry("a", Date{2023, 5, 2}, TaskStatus::kDone),  // late, but done
                        entry("b", Date{2023, 2, 1}, TaskStatus::kCancelled),
                        entry("c", Date{2023, 2, 1}, TaskStatus::kPostponed),
                        entry("d", Date{2023, 2, 1}, TaskStatus::kInProgress, 50)};
  PlanFacts pf = f.facts(Date{2023, 6, 1});
  EXPECT_FALSE(pf.tasks[0].overdue);
  EXPECT_FALSE(pf.tasks[1].overdue);
  EXPECT_TRUE(pf.tasks[2].overdue);  // postponed past its deadline still counts
  EXPECT_TRUE(pf.tasks[3].overdue);
  EXPECT_EQ(pf.tasks[3].overdue_days, 62);
  EXPECT_EQ(pf.done, 1);
  EXPECT_EQ(pf.cancelled, 1);
  EXPECT_EQ(pf.postponed, 1);
  EXPECT_EQ(pf.in_progress, 1);
  EXPECT_EQ(pf.not_started, 0);
  EXPECT_EQ(pf.overdue, 2);
}

TEST(DeriveFacts, RecurringAndUnscheduledAreNeverOverdue) {
  Fixture f;
  f.plan().tasks = {task("a", "Thường xuyên"), task("b", "Hàng tháng"), task("c", "Theo kế hoạch"),
                    task("d", "viết gì đó")};
  PlanFacts pf = f.facts(Date{2030, 1, 1});
  for (const TaskFacts& tf : pf.tasks) EXPECT_FALSE(tf.overdue);
  EXPECT_EQ(pf.overdue, 0);
  EXPECT_EQ(pf.not_started, 4);
}

// Duties that go on, or come back every year, are never overdue: not in the January after the
// plan's year, not years later, reported or not.
TEST(DeriveFacts, OpenEndedRecurringAndYearlyFormsAreNeverOverdue) {
  Fixture f;
  f.plan().year = 2024;
  f.plan().tasks = {task("a", "Năm 2024 và các năm tiếp theo"), task("b", "Hằng quý, bắt đầu từ Quý I/2024"),
                    task("c", "Kể từ tháng 7/2024"), task("d", "Tháng 12 hằng năm"),
                    task("e", "Từ tháng 3 đến tháng 5 hằng năm"),
                    task("f", "Từ tháng 3/2024 đến khi kết thúc dự án"), task("g", "Thực hiện thường xuyên."),
                    task("h", "Thường xuyên trong năm 2024 và các năm tiếp theo"), task("i", "Ngày 20 hằng tháng"),
                    task("j", "Định kỳ hoặc đột xuất trong năm 2024.")};
  f.record().entries = {entry("a", Date{2024, 6, 1}, TaskStatus::kInProgress, 40)};
  for (Date as_of : {Date{2024, 12, 31}, Date{2025, 1, 2}, Date{2030, 6, 30}}) {
    PlanFacts pf = f.facts(as_of);
    for (std::size_t i = 0; i < pf.tasks.size(); ++i) {
      EXPECT_NE(pf.tasks[i].timeframe.kind, Timeframe::Kind::kUnknown) << f.plan().tasks[i].timeframe;
      EXPECT_FALSE(pf.tasks[i].due) << f.plan().tasks[i].timeframe;
      EXPECT_FALSE(pf.tasks[i].overdue) << f.plan().tasks[i].timeframe << " as of " << format_iso(as_of);
    }
    EXPECT_EQ(pf.overdue, 0);
  }
}

// One deadline per actor: the task is overdue once the last of them has passed, not before.
TEST(DeriveFacts, SeveralActorsAreOverdueAfterTheLastDeadline) {
  Fixture f;
  f.plan().year = 2024;
  f.plan().tasks = {task("a", "UBND cấp xã: trước ngày 15/11/2024; UBND huyện: trước ngày 30/11/2024")};
  EXPECT_EQ(f.facts(Date{2024, 11, 20}).tasks[0].due, (Date{2024, 11, 30}));
  EXPECT_FALSE(f.facts(Date{2024, 11, 30}).tasks[0].overdue);
  EXPECT_TRUE(f.facts(Date{2024, 12, 1}).tasks[0].overdue);
}

// A text the parser does not fully read gets no deadline, so it is never overdue.
TEST(DeriveFacts, TextNotFullyReadIsNeverOverdue) {
  Fixture f;
  f.plan().year = 2024;
  f.plan().tasks = {task("a", "Tháng 12/2024, sau đó thực hiện hằng năm"),
                    task("b", "Quý I/2024 đối với cấp xã, Quý II/2024 đối với cấp huyện"),
                    task("c", "Cấp xã: thường xuyên; Cấp huyện: Quý III/2024")};
  PlanFacts pf = f.facts(Date{2026, 1, 1});
  for (const TaskFacts& tf : pf.tasks) {
    EXPECT_EQ(tf.timeframe.kind, Timeframe::Kind::kUnknown);
    EXPECT_FALSE(tf.overdue);
  }
}

// Every real timeframe, through the facts: overdue exactly when its reading has a deadline that
// has passed; the days counted from that deadline.
TEST(DeriveFacts, RealTimeframesAreOverdueOnlyPastADeadlineTheyName) {
  std::vector<RealTimeframe> all = real_timeframes();
  ASSERT_FALSE(all.empty());
  int overdue = 0;
  for (const RealTimeframe& r : all) {
    Fixture f;
    f.plan().year = r.year;
    f.plan().tasks = {task("a", r.text)};
    const Date as_of{r.year + 3, 1, 1};
    const TaskFacts tf = f.facts(as_of).tasks[0];
    const std::optional<Date> deadline = deadline_of(tf.timeframe);
    EXPECT_EQ(tf.due, deadline) << r.text;
    EXPECT_EQ(tf.overdue, deadline && *deadline < as_of) << r.text;
    if (tf.overdue) {
      ++overdue;
      EXPECT_EQ(tf.overdue_days, days_from_civil(as_of) - days_from_civil(*deadline)) << r.text;
      EXPECT_TRUE(tf.timeframe.kind == Timeframe::Kind::kDue || tf.timeframe.kind == Timeframe::Kind::kPeriod ||
                  tf.timeframe.kind == Timeframe::Kind::kCheckpoints)
          << r.text;
    }
  }
  EXPECT_GT(overdue, 0);  // the dated ones do turn overdue
}

TEST(DeriveFacts, CheckpointsAreOverdueAfterTheLast) {
  Fixture f;
  f.plan().tasks = {task("a", "Quý I, Quý II, Quý III và năm 2023")};
  EXPECT_FALSE(f.facts(Date{2023, 12, 31}).tasks[0].overdue);
  EXPECT_TRUE(f.facts(Date{2024, 1, 1}).tasks[0].overdue);
}

// ---- Progress entries ----

TEST(DeriveFacts, LatestEntryByDateWinsWhateverTheFileOrder) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 12 năm 2023")};
  f.record().entries = {entry("a", Date{2023, 6, 1}, TaskStatus::kInProgress, 60)};
  f.record().entries = {entry("a", Date{2023, 3, 1}, TaskStatus::kNotStarted, 0)};
  PortalFacts facts = derive_facts(f.portal, Date{2023, 7, 1});
  const TaskFacts& tf = facts.plans[0].tasks[0];
  EXPECT_EQ(tf.status, TaskStatus::kInProgress);
  EXPECT_EQ(tf.percent, 60);
  EXPECT_TRUE(tf.reported);
  ASSERT_EQ(tf.entries.size(), 2u);
  // Oldest first.
  EXPECT_EQ(facts.entries[tf.entries[0]].record, 1);
  EXPECT_EQ(facts.entries[tf.entries[1]].record, 0);
  EXPECT_EQ(facts.entries[tf.entries[1]].plan, 0);
}

TEST(DeriveFacts, SameDateLaterInFileOrderWins) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 12 năm 2023")};
  f.record().entries = {entry("a", Date{2023, 6, 1}, TaskStatus::kInProgress, 60),
                        entry("a", Date{2023, 6, 1}, TaskStatus::kDone, 100)};
  EXPECT_EQ(f.facts(Date{2023, 7, 1}).tasks[0].status, TaskStatus::kDone);
  f.record().entries = {entry("a", Date{2023, 6, 1}, TaskStatus::kPostponed)};
  EXPECT_EQ(f.facts(Date{2023, 7, 1}).tasks[0].status, TaskStatus::kPostponed);
}

TEST(DeriveFacts, EntriesAfterAsOfAreIgnored) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 3 năm 2023")};
  f.record().entries = {entry("a", Date{2023, 2, 1}, TaskStatus::kInProgress, 30),
                        entry("a", Date{2023, 4, 15}, TaskStatus::kDone, 100)};
  PortalFacts before = derive_facts(f.portal, Date{2023, 4, 14});
  const TaskFacts& tf = before.plans[0].tasks[0];
  EXPECT_EQ(tf.status, TaskStatus::kInProgress);
  EXPECT_EQ(tf.percent, 30);
  EXPECT_EQ(tf.entries.size(), 1u);
  EXPECT_EQ(before.entries.size(), 1u);
  EXPECT_TRUE(tf.overdue);
  EXPECT_EQ(tf.overdue_days, 14);

  PortalFacts after = derive_facts(f.portal, Date{2023, 4, 15});  // on as_of counts
  EXPECT_EQ(after.plans[0].tasks[0].status, TaskStatus::kDone);
  EXPECT_FALSE(after.plans[0].tasks[0].overdue);
}

TEST(DeriveFacts, NoEntriesMeansNotStartedAndUnreported) {
  Fixture f;
  f.plan().tasks = {task("a", "Tháng 3 năm 2023")};
  f.record().entries = {entry("a", Date{2023, 9, 1}, TaskStatus::kDone)};
  const TaskFacts tf = f.facts(Date{2023, 1, 1}).tasks[0];
  EXPECT_FALSE(tf.reported);
  EXPECT_EQ(tf.status, TaskStatus::kNotStarted);
  EXPECT_EQ(tf.percent, -1);
  EXPECT_TRUE(tf.entries.empty());
}

TEST(DeriveFacts, PercentIsTheLatestGiven) {
  Fixture f;
  f.plan().tasks = {task("a", "Năm 2023"), task("b", "Năm 2023")};
  f.record().entries = {entry("a", Date{2023, 2, 1}, TaskStatus::kInProgress, 30),
                        entry("a", Date{2023, 3, 1}, TaskStatus::kInProgress),
                        entry("b", Date{2023, 2, 1}, TaskStatus::kInProgress, 30),
                        entry("b", Date{2023, 3, 1}, TaskStatus::kDone)};
  PlanFacts pf = f.facts(Date{2023, 4, 1});
  EXPECT_EQ(pf.tasks[0].percent, 30);
  EXPECT_EQ(pf.tasks[1].percent, 100);  // done without a figure: all of it
}

TEST(DeriveFacts, EntriesGoToTheirOwnPlanAndTask) {
  Fixture f;
  Plan other;
  other.id = "2024";
  other.year = 2024;
  other.tasks = {task("a", "Năm 2024")};
  f.portal.plans.push_back(other);
  f.plan().tasks = {task("a", "Năm 2023"), task("b", "Năm 2023")};
  f.record(1).entries = {entry("a", Date{2023, 2, 1}, TaskStatus::kDone)};
  f.record(0).entries = {entry("b", Date{2023, 2, 1}, TaskStatus::kInProgress),
                         entry("khong-co", Date{2023, 2, 1}, TaskStatus::kDone)};
  f.record(-1).entries = {entry("a", Date{2023, 2, 1}, TaskStatus::kDone)};  // plan not found
  f.record(7).entries = {entry("a", Date{2023, 2, 1}, TaskStatus::kDone)};
  PortalFacts facts = derive_facts(f.portal, Date{2023, 6, 1});
  EXPECT_EQ(facts.plans[0].tasks[0].status, TaskStatus::kNotStarted);
  EXPECT_EQ(facts.plans[0].tasks[1].status, TaskStatus::kInProgress);
  EXPECT_EQ(facts.plans[1].tasks[0].status, TaskStatus::kDone);
  // Entries of known plans are all listed, even one naming an unknown task (validation reports it).
  EXPECT_EQ(facts.entries.size(), 3u);
}

// ---- Targets ----

TEST(TargetMet, AtLeast) {
  Target t = target("x", Comparison::kAtLeast, 50);
  EXPECT_TRUE(target_met(t, 50));
  EXPECT_TRUE(target_met(t, 61.2));
  EXPECT_FALSE(target_met(t, 49.9));
}

TEST(TargetMet, AtMost) {
  Target t = target("x", Comparison::kAtMost, 10);
  EXPECT_TRUE(target_met(t, 10));
  EXPECT_TRUE(target_met(t, 0));
  EXPECT_FALSE(target_met(t, 10.5));
}

TEST(TargetMet, ExactlyWithinFloatNoise) {
  Target t = target("x", Comparison::kExactly, 100);
  EXPECT_TRUE(target_met(t, 100));
  EXPECT_TRUE(target_met(t, 100 + 1e-12));
  EXPECT_FALSE(target_met(t, 99.999));
  EXPECT_FALSE(target_met(t, 100.5));
  EXPECT_TRUE(target_met(target("y", Comparison::kExactly, 0.3), 0.1 + 0.2));
}

TEST(DeriveFacts, TargetResultFromTheLatestMeasurement) {
  Fixture f;
  f.plan().targets = {target("truc-tuyen", Comparison::kAtLeast, 50), target("tre-han", Comparison::kAtMost, 5),
                      target("so-hoa", Comparison::kExactly, 100), target("khong-do", Comparison::kAtLeast, 1)};
  f.record().measurements = {measurement("truc-tuyen", Date{2023, 3, 31}, 41.5),
                             measurement("truc-tuyen", Date{2023, 6, 30}, 55),
                             measurement("tre-han", Date{2023, 6, 30}, 7),
                             measurement("so-hoa", Date{2023, 6, 30}, 100),
                             measurement("truc-tuyen", Date{2023, 9, 30}, 48)};
  PlanFacts pf = f.facts(Date{2023, 7, 1});
  EXPECT_EQ(pf.targets[0].result, TargetResult::kMet);
  EXPECT_EQ(pf.targets[0].latest, 55);
  EXPECT_EQ(pf.targets[0].latest_date, (Date{2023, 6, 30}));
  EXPECT_EQ(pf.targets[0].measurements.size(), 2u);  // the September figure is not yet known
  EXPECT_EQ(pf.targets[1].result, TargetResult::kNotMet);
  EXPECT_EQ(pf.targets[2].result, TargetResult::kMet);
  EXPECT_EQ(pf.targets[3].result, TargetResult::kNoData);
  EXPECT_FALSE(pf.targets[3].latest);
  EXPECT_FALSE(pf.targets[3].latest_date);

  EXPECT_EQ(f.facts(Date{2023, 10, 1}).targets[0].result, TargetResult::kNotMet);
  PlanFacts early = f.facts(Date{2023, 3, 30});
  EXPECT_EQ(early.targets[0].result, TargetResult::kNoData);
  EXPECT_TRUE(early.targets[0].measurements.empty());
}

// ---- Reports and last update ----

Report report(std::string id, Date date, int plan) {
  Report r;
  r.id = std::move(id);
  r.date = date;
  r.plan = plan;
  return r;
}

TEST(DeriveFacts, ReportsOfThePlanNewestFirst) {
  Fixture f;
  f.portal.reports = {report("q1", Date{2023, 4, 5}, 0), report("khac", Date{2023, 5, 1}, -1),
                      report("q2", Date{2023, 7, 5}, 0), report("q3", Date{2023, 10, 5}, 0)};
  PlanFacts pf = f.facts(Date{2023, 12, 31});
  EXPECT_EQ(pf.reports, (std::vector<int>{3, 2, 0}));
}

TEST(DeriveFacts, LastUpdatedIsTheLatestDateTouchingThePlan) {
  Fixture f;
  f.plan().tasks = {task("a", "Năm 2023")};
  f.plan().targets = {target("t", Comparison::kAtLeast, 1)};
  EXPECT_EQ(f.facts(Date{2023, 12, 31}).last_updated, (Date{2023, 3, 3}));

  f.record().entries = {entry("a", Date{2023, 5, 1}, TaskStatus::kInProgress),
                        entry("a", Date{2023, 11, 1}, TaskStatus::kDone)};
  EXPECT_EQ(f.facts(Date{2023, 12, 31}).last_updated, (Date{2023, 11, 1}));
  EXPECT_EQ(f.facts(Date{2023, 6, 1}).last_updated, (Date{2023, 5, 1}));  // later entry not yet

  f.record().measurements = {measurement("t", Date{2023, 11, 15}, 3)};
  EXPECT_EQ(f.facts(Date{2023, 12, 31}).last_updated, (Date{2023, 11, 15}));

  f.portal.reports = {report("q4", Date{2023, 12, 20}, 0)};
  EXPECT_EQ(f.facts(Date{2023, 12, 31}).last_updated, (Date{2023, 12, 20}));
}

TEST(DeriveFacts, PartialIssueDateDoesNotCount) {
  Fixture f;
  f.plan().date = Date{2026, 1, 0};
  EXPECT_EQ(f.facts(Date{2026, 3, 1}).last_updated, Date{});
}

TEST(DeriveFacts, EmptyPortal) {
  PortalFacts facts = derive_facts(Portal{}, Date{2024, 1, 1});
  EXPECT_EQ(facts.as_of, (Date{2024, 1, 1}));
  EXPECT_TRUE(facts.plans.empty());
  EXPECT_TRUE(facts.entries.empty());
}


// ---- Refreshing after a save ----

// Random plans, records and reports; then random saves, each followed by refresh_facts, which
// must give what deriving everything again gives.
class RandomPortal {
 public:
  explicit RandomPortal(unsigned seed) : rng_(seed) {
    for (int p = 0; p < 4; ++p) {
      Plan plan;
      plan.id = std::to_string(2023 + p % 2) + (p < 2 ? "" : "-b");
      plan.year = 2023 + p % 2;
      plan.date = Date{plan.year, 3, 3};
      portal.plans.push_back(plan);
      new_plan_file(p);
    }
    for (int r = 0; r < 10; ++r) {
      ProgressRecord rec;
      rec.path = "progress/" + std::to_string(r) + ".yaml";
      rec.plan = r == 9 ? -1 : pick(4);  // one whose plan is unknown
      portal.progress.push_back(rec);
      new_record_file(r);
    }
    for (int i = 0; i < 6; ++i) {
      Report rep;
      rep.id = "bc-" + std::to_string(i);
      rep.plan = i == 5 ? -1 : pick(4);
      rep.date = date();
      portal.reports.push_back(rep);
    }
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  // A save of a plan: new tasks (some ids kept, some not) and targets.
  void new_plan_file(int p) {
    Plan& plan = portal.plans[p];
    const char* frames[] = {"Tháng 3 năm 2023", "Quý II/2024", "Hàng tháng", "Trước 30/6", "Thường xuyên"};
    plan.tasks.clear();
    plan.targets.clear();
    for (int t = 0, n = 1 + pick(6); t < n; ++t) plan.tasks.push_back(task("nv-" + std::to_string(pick(8)), frames[pick(5)]));
    for (int t = 0, n = pick(3); t < n; ++t)
      plan.targets.push_back(target("ct-" + std::to_string(pick(4)), Comparison::kAtLeast, 50));
  }

  // A save of a progress record: entries and measurements dated around the reference date,
  // naming tasks and targets that may or may not exist; a partial date now and then.
  void new_record_file(int r) {
    ProgressRecord& rec = portal.progress[r];
    rec.entries.clear();
    rec.measurements.clear();
    const TaskStatus statuses[] = {TaskStatus::kNotStarted, TaskStatus::kInProgress, TaskStatus::kDone,
                                   TaskStatus::kPostponed, TaskStatus::kCancelled};
    for (int i = 0, n = pick(7); i < n; ++i)
      rec.entries.push_back(entry("nv-" + std::to_string(pick(9)), date(), statuses[pick(5)], pick(3) ? pick(101) : -1));
    for (int i = 0, n = pick(4); i < n; ++i)
      rec.measurements.push_back(measurement("ct-" + std::to_string(pick(5)), date(), pick(100)));
  }

  Date date() {
    Date d{2023 + pick(2), 1 + pick(12), 1 + pick(28)};
    if (pick(8) == 0) d.day = 0;
    return d;
  }

  Portal portal;

 private:
  std::mt19937 rng_;
};

TEST(RefreshFacts, GivesWhatDerivingEverythingGives) {
  const Date as_of{2024, 3, 31};
  for (unsigned seed = 1; seed <= 300; ++seed) {
    RandomPortal r(seed);
    PortalFacts facts = derive_facts(r.portal, as_of);
    for (int save = 0; save < 4; ++save) {
      std::vector<int> records, plans;
      for (int n = r.pick(3); n > 0; --n) {
        int rec = r.pick(static_cast<int>(r.portal.progress.size()));
        r.new_record_file(rec);
        records.push_back(rec);
        if (r.portal.progress[rec].plan >= 0) plans.push_back(r.portal.progress[rec].plan);
      }
      for (int n = r.pick(2); n > 0; --n) {
        int p = r.pick(static_cast<int>(r.portal.plans.size()));
        r.new_plan_file(p);
        plans.push_back(p);
      }
      if (r.pick(4) == 0) {  // a new record, anywhere in file order
        int at = r.pick(static_cast<int>(r.portal.progress.size()) + 1);
        ProgressRecord rec;
        rec.plan = r.pick(static_cast<int>(r.portal.plans.size()));
        r.portal.progress.insert(r.portal.progress.begin() + at, rec);
        r.new_record_file(at);
        shift_records(facts, at);
        for (int& i : records)
          if (i >= at) ++i;
        records.push_back(at);
        plans.push_back(rec.plan);
      }
      if (r.pick(3) == 0) {
        Report& rep = r.portal.reports[r.pick(static_cast<int>(r.portal.reports.size()))];
        rep.date = r.date();
        if (rep.plan >= 0) plans.push_back(rep.plan);
      }
      std::sort(plans.begin(), plans.end());
      plans.erase(std::unique(plans.begin(), plans.end()), plans.end());
      refresh_facts(r.portal, records, plans, facts);
      ASSERT_TRUE(facts == derive_facts(r.portal, as_of)) << "seed " << seed << ", save " << save;
    }
  }
}

TEST(DeriveFacts, AnyNumberOfThreadsGivesTheSameFacts) {
  const Date as_of{2024, 3, 31};
  for (unsigned seed = 1; seed <= 100; ++seed) {
    RandomPortal r(seed);
    const PortalFacts one = derive_facts(r.portal, as_of, 1);
    for (int threads : {2, 3, 8}) ASSERT_TRUE(one == derive_facts(r.portal, as_of, threads)) << "seed " << seed;
  }
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// ---- Tasks with sub-tasks ----

TaskFacts sub(bool reported, TaskStatus status, int percent = -1, bool overdue = false) {
  TaskFacts t;
  t.reported = reported;
  t.status = status;
  t.percent = percent;
  t.overdue = overdue;
  t.overdue_days = overdue ? 10 : 0;
  return t;
}

TaskStatus derived(std::vector<TaskFacts> subs, bool* reported = nullptr) {
  std::vector<const TaskFacts*> ptrs;
  for (const auto& s : subs) ptrs.push_back(&s);
  TaskFacts tf;
  derive_from_subtasks(ptrs, tf);
  if (reported) *reported = tf.reported;
  return tf.status;
}

TEST(DeriveFromSubtasks, FollowsTheSubTasksAsTheTableInTheDocsSays) {
  using S = TaskStatus;
  bool reported = true;
  derived({sub(false, S::kNotStarted), sub(false, S::kNotStarted)}, &reported);
  EXPECT_FALSE(reported);  // none reported: neither is the task
  EXPECT_EQ(derived({sub(true, S::kDone), sub(true, S::kCancelled)}, &reported), S::kDone);
  EXPECT_TRUE(reported);
  EXPECT_EQ(derived({sub(true, S::kCancelled), sub(true, S::kCancelled)}), S::kCancelled);
  EXPECT_EQ(derived({sub(true, S::kDone), sub(false, S::kNotStarted)}), S::kInProgress);
  EXPECT_EQ(derived({sub(true, S::kInProgress), sub(true, S::kPostponed)}), S::kInProgress);
  EXPECT_EQ(derived({sub(true, S::kNotStarted), sub(true, S::kPostponed)}), S::kNotStarted);
  EXPECT_EQ(derived({sub(true, S::kPostponed), sub(true, S::kCancelled)}), S::kPostponed);
  derived({sub(true, S::kNotStarted), sub(false, S::kNotStarted)}, &reported);
  EXPECT_FALSE(reported);  // some unreported, none started: nothing can be said
}

TEST(DeriveFromSubtasks, PercentIsTheMeanWhenEachHasOneAndOverdueFollows) {
  using S = TaskStatus;
  std::vector<TaskFacts> subs{sub(true, S::kInProgress, 40), sub(true, S::kDone, 100), sub(true, S::kCancelled)};
  std::vector<const TaskFacts*> ptrs{&subs[0], &subs[1], &subs[2]};
  TaskFacts tf;
  derive_from_subtasks(ptrs, tf);
  EXPECT_EQ(tf.percent, 70);
  EXPECT_TRUE(tf.from_subtasks);
  subs[0].percent = -1;
  subs[0].overdue = true, subs[0].overdue_days = 12;
  tf = TaskFacts{};
  derive_from_subtasks(ptrs, tf);
  EXPECT_EQ(tf.percent, -1);
  EXPECT_TRUE(tf.overdue);
  EXPECT_EQ(tf.overdue_days, 12);
}

// A task with sub-tasks counts once, with the status derived from them; its own report wins.
TEST(DeriveFacts, ATaskWithSubTasksCountsOnceWithItsDerivedStatus) {
  Fixture f;
  Plan& p = f.plan();
  p.tasks = {task("mot-cua", ""), task("dong-bo", "Tháng 3 năm 2023"), task("bo-chi-so", ""), task("bao-cao", "")};
  p.tasks[0].subtasks = {1, 2};
  p.tasks[1].parent = 0;
  p.tasks[2].parent = 0;
  f.record().entries = {entry("dong-bo", Date{2023, 3, 20}, TaskStatus::kDone),
                        entry("bo-chi-so", Date{2023, 3, 20}, TaskStatus::kInProgress, 50),
                        entry("bao-cao", Date{2023, 3, 20}, TaskStatus::kDone)};
  PlanFacts pf = f.facts(Date{2023, 6, 30});
  EXPECT_TRUE(pf.tasks[0].from_subtasks);
  EXPECT_EQ(pf.tasks[0].status, TaskStatus::kInProgress);
  EXPECT_EQ(pf.tasks[0].percent, 75);
  // Counted: mot-cua (in progress) and bao-cao (done); the sub-tasks within mot-cua.
  EXPECT_EQ(pf.in_progress + pf.done + pf.not_started + pf.postponed + pf.cancelled, 2);
  EXPECT_EQ(pf.in_progress, 1);
  EXPECT_EQ(pf.done, 1);

  f.record().entries = {entry("mot-cua", Date{2023, 4, 1}, TaskStatus::kDone)};
  pf = f.facts(Date{2023, 6, 30});
  EXPECT_FALSE(pf.tasks[0].from_subtasks);
  EXPECT_EQ(pf.tasks[0].status, TaskStatus::kDone);
  EXPECT_EQ(pf.done, 2);
}

// A sub-task past its deadline makes its task overdue; the task is counted overdue once.
TEST(DeriveFacts, AnOverdueSubTaskMakesItsTaskOverdue) {
  Fixture f;
  Plan& p = f.plan();
  p.tasks = {task("mot-cua", ""), task("dong-bo", "Tháng 3 năm 2023"), task("tra-ket-qua", "Tháng 3 năm 2023")};
  p.tasks[0].subtasks = {1, 2};
  p.tasks[1].parent = 0;
  p.tasks[2].parent = 0;
  PlanFacts pf = f.facts(Date{2023, 6, 30});
  EXPECT_TRUE(pf.tasks[1].overdue);
  EXPECT_TRUE(pf.tasks[0].overdue);
  EXPECT_FALSE(pf.tasks[0].reported);
  EXPECT_EQ(pf.overdue, 1);
}

}  // namespace
}  // namespace congkhai
