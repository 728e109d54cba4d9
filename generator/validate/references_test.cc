#include "validate/references.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

Portal portal_with_tasks(std::vector<std::string> ids) {
  Portal p;
  p.units.push_back(Unit{});
  Plan plan;
  plan.id = "2023";
  plan.path = "content/x/plans/2023.md";
  plan.year = 2023;
  plan.unit = 0;
  int line = 10;
  for (const auto& id : ids) {
    Task t;
    t.id = id;
    t.pos = {line++, 7};
    plan.tasks.push_back(t);
  }
  p.plans.push_back(plan);
  return p;
}

TEST(Validate, ASoundPortalHasNoProblems) {
  EXPECT_TRUE(validate_portal(portal_with_tasks({"a", "b"})).empty());
}

// Checked on several threads, a portal gives every problem one thread finds, in the same order
// (sort_diagnostics keeps the order of problems at one position).
TEST(Validate, AnyNumberOfThreadsFindsTheSameProblemsInTheSameOrder) {
  Portal p;
  p.units.push_back(Unit{});
  for (int i = 0; i < 150; ++i) {
    Plan plan = portal_with_tasks({"a", "b", i % 3 ? "c" : "a"}).plans[0];
    plan.id = std::to_string(2000 + i);
    plan.path = "content/x/plans/" + plan.id + ".md";
    Target t;
    t.id = "t";
    t.task = i % 5 ? "b" : "khong-co";
    plan.targets.push_back(t);
    p.plans.push_back(plan);
    ProgressRecord rec;
    rec.path = "content/x/progress/" + plan.id + ".yaml";
    rec.plan = i;
    for (const char* task : {"a", "x", "y"}) {
      ProgressEntry e;
      e.task = task;
      e.date = Date{2000 + i + (i % 7 == 0 ? 5 : 0), 1, 1};
      e.pos = {3, 9};  // every entry of a record at one position: their order is the file's
      rec.entries.push_back(e);
    }
    p.progress.push_back(rec);
    Report rep;
    rep.path = "content/x/reports/" + plan.id + ".md";
    rep.plan_id = plan.id;
    rep.plan = i;
    rep.tasks = {"z"};
    rep.task_pos = {{2, 8}};
    p.reports.push_back(rep);
  }
  // validate_part of every plan checks the plans, then the records, then the reports, in turn.
  std::vector<int> all;
  for (int i = 0; i < 150; ++i) all.push_back(i);
  const Diagnostics one = validate_part(p, all, {});
  ASSERT_GT(one.size(), 500u);
  for (int threads : {1, 2, 3, 8}) {
    const Diagnostics many = validate_portal(p, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i)
      ASSERT_TRUE(many[i].path == one[i].path && many[i].message == one[i].message && many[i].hint == one[i].hint &&
                  many[i].pos.line == one[i].pos.line)
          << threads << " threads, problem " << i;
  }
}

TEST(Validate, DuplicateTaskIdsPointAtTheSecondAndNameTheFirst) {
  auto d = validate_portal(portal_with_tasks({"niem-yet", "tap-huan", "niem-yet"}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 12);
  EXPECT_NE(d[0].message.find("dòng 10"), std::string::npos);
  EXPECT_NE(d[0].hint.find("id"), std::string::npos);  // derived ids: tells how to fix
}

TEST(Validate, UnknownTaskInAProgressEntrySuggestsTheClosestIds) {
  Portal p = portal_with_tasks({"niem-yet-cong-khai", "tap-huan"});
  ProgressRecord rec;
  rec.path = "content/x/progress/q1.yaml";
  rec.plan = 0;
  ProgressEntry e;
  e.task = "niem-yet-cong-kai";
  e.date = {2023, 3, 31};
  e.pos = {5, 5};
  rec.entries.push_back(e);
  p.progress.push_back(rec);
  auto d = validate_portal(p);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "content/x/progress/q1.yaml");
  EXPECT_EQ(d[0].hint, "có phải ý bạn là: niem-yet-cong-khai?");
}

// Nothing looks like a slip: the hint still names the plan's nearest ids, not just "look it up".
TEST(Validate, UnknownTaskFarFromEveryIdStillListsTheNearestIds) {
  Portal p = portal_with_tasks({"xay-dung-ke-hoach-kiem-soat-thu-tuc", "niem-yet-cong-khai", "so-hoa-ho-so",
                                "tap-huan-cong-chuc", "kiem-tra-viec-thuc-hien"});
  ProgressRecord rec;
  rec.path = "content/x/progress/q1.yaml";
  rec.plan = 0;
  ProgressEntry e;
  e.task = "so-hoa-ket-qua";
  e.date = {2023, 3, 31};
  rec.entries.push_back(e);
  ProgressEntry none = e;
  none.task = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
  rec.entries.push_back(none);
  p.progress.push_back(rec);
  auto d = validate_portal(p);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].hint,
            "các mã nhiệm vụ gần giống nhất trong kế hoạch: so-hoa-ho-so, tap-huan-cong-chuc, niem-yet-cong-khai "
            "(xem đủ trên trang kế hoạch, sau dấu # của mỗi dòng)");
  EXPECT_NE(d[1].hint.find("các mã nhiệm vụ gần giống nhất"), std::string::npos) << d[1].hint;
}

TEST(Validate, UnknownTaskInAPlanWithoutTasks) {
  Portal p = portal_with_tasks({});
  Target t;
  t.id = "x";
  t.task = "ban-hanh";
  p.plans[0].targets.push_back(t);
  auto d = validate_portal(p);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].hint, "kế hoạch \"2023\" chưa có nhiệm vụ nào");
}

TEST(Validate, UnknownTargetAndTaskInAReport) {
  Portal p = portal_with_tasks({"a"});
  Report r;
  r.path = "content/x/reports/q1.md";
  r.plan_id = "2023";
  r.plan = 0;
  r.tasks = {"b"};
  r.task_pos = {{3, 5}};
  r.targets = {"truc-tuyen"};
  r.target_pos = {{4, 5}};
  p.reports.push_back(r);
  EXPECT_EQ(validate_portal(p).size(), 2u);
}

TEST(Validate, TargetLinkedToAMissingTask) {
  Portal p = portal_with_tasks({"a"});
  Target t;
  t.id = "x";
  t.task = "zzz";
  t.task_pos = {30, 11};
  p.plans[0].targets.push_back(t);
  auto d = validate_portal(p);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 30);
}

// After a save only the saved part is checked again: the plans named, what belongs to them,
// and the reports named. A problem elsewhere is not this check's to find.
TEST(Validate, APartIsThePlansNamedWithTheirRecordsAndReports) {
  Portal p = portal_with_tasks({"a"});
  Plan other = p.plans[0];
  other.id = "2024";
  other.path = "content/x/plans/2024.md";
  p.plans.push_back(other);
  auto record = [&](int plan, const std::string& path) {
    ProgressRecord rec;
    rec.path = path;
    rec.plan = plan;
    ProgressEntry e;
    e.task = "khong-co";
    e.date = {2023, 3, 31};
    rec.entries.push_back(e);
    p.progress.push_back(rec);
  };
  record(0, "content/x/progress/a.yaml");
  record(1, "content/x/progress/b.yaml");
  Report no_plan;
  no_plan.path = "content/x/reports/r.md";
  no_plan.tasks = {"a"};
  no_plan.task_pos = {{3, 5}};
  p.reports.push_back(no_plan);
  p.reports.push_back(no_plan);
  p.reports[1].path = "content/x/reports/s.md";

  ASSERT_EQ(validate_portal(p).size(), 4u);
  auto d = validate_part(p, {1}, {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "content/x/progress/b.yaml");
  d = validate_part(p, {}, {1});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "content/x/reports/s.md");
  EXPECT_EQ(validate_part(p, {0, 1}, {0, 1}).size(), 4u);
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// A target stated in a part of the body names that part's heading as printed.
TEST(Validate, ATargetsPartMustBeAHeadingOfTheBody) {
  Portal p;
  p.units.push_back(Unit{});
  Plan plan;
  plan.id = "2024";
  plan.path = "content/x/plans/2024.md";
  plan.unit = 0;
  plan.body = "## I. MỤC ĐÍCH, YÊU CẦU\n\nTối thiểu 50% …\n\n```\n## II. Không phải đề mục\n```\n### 2. Yêu cầu ###\n";
  Target ok;
  ok.id = "a";
  ok.part = "I. MỤC ĐÍCH, YÊU CẦU";
  Target closed;
  closed.id = "b";
  closed.part = "2. Yêu cầu";
  Target fenced;
  fenced.id = "c";
  fenced.part = "II. Không phải đề mục";
  fenced.part_pos = {20, 11};
  plan.targets = {ok, closed, fenced};
  p.plans.push_back(plan);
  auto d = validate_portal(p);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 20);
  EXPECT_NE(d[0].message.find("II. Không phải đề mục"), std::string::npos);
  EXPECT_NE(d[0].hint.find("I. MỤC ĐÍCH, YÊU CẦU"), std::string::npos);
  EXPECT_FALSE(d[0].message_en.empty());
  EXPECT_FALSE(d[0].hint_en.empty());
}

}  // namespace
}  // namespace congkhai
