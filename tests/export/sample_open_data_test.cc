// The sample portal's open data, as `congkhai build` published it, against the content it came
// from, read with the loader alone: every plan, task, target, progress entry and measurement
// is a row of the right CSV, under its ids, once, in the whole portal's tables and in the
// tables of each unit above it; each plan's JSON lists its tasks and targets.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "export/testing_files.h"
#include "load/content_tree.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

const fs::path kSite = CONGKHAI_SAMPLE_SITE_DIR;
const fs::path kContent = fs::path(CONGKHAI_SOURCE_DIR) / "content";
const Date kAsOf{2024, 6, 30};  // the build's --as-of

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using Row = std::map<std::string, std::string>;

// A published CSV as rows keyed by the header's names.
std::vector<Row> read_table(const fs::path& file) {
  std::string text = read(file);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << file;
  std::vector<std::vector<std::string>> cells;
  EXPECT_TRUE(testing::parse_csv(std::string_view(text).substr(3), &cells)) << file;
  std::vector<Row> rows;
  for (std::size_t r = 1; r < cells.size(); ++r) {
    Row row;
    for (std::size_t c = 0; c < cells[0].size() && c < cells[r].size(); ++c) row[cells[0][c]] = cells[r][c];
    rows.push_back(std::move(row));
  }
  return rows;
}

// Each row's key columns joined: "ha-tinh/huong-son/son-lam 2023 xay-dung-ke-hoach".
std::vector<std::string> keys(const std::vector<Row>& rows, std::vector<std::string> columns) {
  std::vector<std::string> out;
  for (const Row& row : rows) {
    std::string k;
    for (const auto& c : columns) k += (k.empty() ? "" : " ") + (row.count(c) ? row.at(c) : "<no " + c + ">");
    out.push_back(k);
  }
  return out;
}

// What the content says each table holds, in the portal's order.
struct Expected {
  std::vector<std::string> plans, tasks, targets;
  std::multiset<std::string> entries, measurements;  // order among files is by date: compare as sets
};

bool inside(const Portal& portal, int unit, int scope) {
  for (int u = unit; u >= 0; u = portal.units[u].parent)
    if (u == scope) return true;
  return scope < 0;
}

Expected expected(const Portal& portal, int scope) {
  Expected e;
  for (const Plan& plan : portal.plans) {
    if (!inside(portal, plan.unit, scope)) continue;
    const std::string unit = portal.units[plan.unit].url_path;
    e.plans.push_back(unit + " " + plan.id);
    for (const Task& t : plan.tasks) e.tasks.push_back(unit + " " + plan.id + " " + t.id);
    for (const Target& t : plan.targets) e.targets.push_back(unit + " " + plan.id + " " + t.id);
  }
  for (const ProgressRecord& rec : portal.progress) {
    const Plan& plan = portal.plans[rec.plan];
    if (!inside(portal, plan.unit, scope)) continue;
    const std::string prefix = portal.units[plan.unit].url_path + " " + plan.id + " ";
    for (const ProgressEntry& x : rec.entries)
      if (!(kAsOf < x.date)) e.entries.insert(prefix + x.task + " " + format_iso(x.date));
    for (const Measurement& m : rec.measurements)
      if (!(kAsOf < m.date)) e.measurements.insert(prefix + m.target + " " + format_iso(m.date));
  }
  return e;
}

class SampleOpenData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics d;
    portal_ = new Portal(load_portal(kContent.string(), &d));
    ASSERT_TRUE(d.empty()) << format_diagnostic(d[0]);
  }
  static void TearDownTestSuite() { delete portal_; }

  // The tables of the data folder `dir` against the content in `scope` (-1: everything).
  static void expect_tables(const fs::path& dir, int scope) {
    Expected want = expected(*portal_, scope);
    SCOPED_TRACE(dir.string());
    ASSERT_TRUE(fs::exists(dir / "datapackage.json"));
    auto plans = read_table(dir / "ke-hoach.csv");
    EXPECT_EQ(keys(plans, {"unit_path", "plan_id"}), want.plans);
    auto tasks = read_table(dir / "nhiem-vu.csv");
    EXPECT_EQ(keys(tasks, {"unit_path", "plan_id", "task_id"}), want.tasks);
    auto targets = read_table(dir / "chi-tieu.csv");
    EXPECT_EQ(keys(targets, {"unit_path", "plan_id", "target_id"}), want.targets);
    auto entries = keys(read_table(dir / "tien-do.csv"), {"unit_path", "plan_id", "task_id", "date"});
    EXPECT_EQ(std::multiset<std::string>(entries.begin(), entries.end()), want.entries);
    auto measurements = keys(read_table(dir / "so-lieu.csv"), {"unit_path", "plan_id", "target_id", "date"});
    EXPECT_EQ(std::multiset<std::string>(measurements.begin(), measurements.end()), want.measurements);
    // The plan rows' counts agree with the task rows.
    for (const Row& p : plans) {
      std::size_t n = 0;
      for (const Row& t : tasks) n += t.at("unit_path") == p.at("unit_path") && t.at("plan_id") == p.at("plan_id");
      EXPECT_EQ(p.at("tasks"), std::to_string(n)) << p.at("unit_path") << " " << p.at("plan_id");
    }
  }

  static Portal* portal_;
};
Portal* SampleOpenData::portal_ = nullptr;

TEST_F(SampleOpenData, TheContentIsNotTrivial) {
  Expected all = expected(*portal_, -1);
  EXPECT_EQ(all.plans.size(), 3u);
  EXPECT_EQ(all.tasks.size(), 64u);
  EXPECT_GT(all.targets.size(), 0u);
  EXPECT_GT(all.entries.size(), 10u);
  EXPECT_GT(all.measurements.size(), 0u);
}

TEST_F(SampleOpenData, PortalTablesHoldEveryRowOfTheContentOnce) { expect_tables(kSite / "du-lieu", -1); }

TEST_F(SampleOpenData, EachUnitsTablesHoldItsOwnAndItsDescendantsRows) {
  for (std::size_t u = 0; u < portal_->units.size(); ++u)
    expect_tables(kSite / portal_->units[u].url_path / "du-lieu", static_cast<int>(u));
}

TEST_F(SampleOpenData, EachPlanJsonListsItsTasksAndTargets) {
  for (const Plan& plan : portal_->plans) {
    fs::path file = kSite / portal_->units[plan.unit].url_path / "ke-hoach" / plan.id / "ke-hoach.json";
    nlohmann::json j = nlohmann::json::parse(read(file));
    std::vector<std::string> tasks, targets, want_tasks, want_targets;
    for (const auto& t : j.at("tasks")) tasks.push_back(t.at("id"));
    for (const auto& t : j.at("targets")) targets.push_back(t.at("id"));
    for (const Task& t : plan.tasks) want_tasks.push_back(t.id);
    for (const Target& t : plan.targets) want_targets.push_back(t.id);
    EXPECT_EQ(tasks, want_tasks) << file;
    EXPECT_EQ(targets, want_targets) << file;
  }
}

}  // namespace
}  // namespace congkhai
