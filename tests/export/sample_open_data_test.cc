// The sample portal's open data, as `congkhai build` published it, against the content it came
// from, read with the loader alone: every plan, task, target, progress entry and measurement
// is a row of the right CSV, under its ids, once: in the CSVs of its plan's unit and no
// other; joined from those pieces, the tables of the portal's data package and of each unit's
// (the unit and the units below it) hold every row of theirs; each plan's JSON lists its
// tasks and targets; an edit of one plan changes no other unit's open data; with a base_url,
// the sitemap dates every page by its content, never by the day of the build.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
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

// Whether the plan had been issued by the build's date: a build shows the portal as it stood
// then (a partial date counts from its last day; an undated plan stays).
bool issued(const Plan& plan) {
  if (!plan.date) return true;
  Date last = *plan.date;
  if (last.month == 0) last = {last.year, 12, 31};
  else if (last.day == 0) last = end_of_month(last.year, last.month);
  return !(kAsOf < last);
}

bool inside(const Portal& portal, int unit, int scope) {
  for (int u = unit; u >= 0; u = portal.units[u].parent)
    if (u == scope) return true;
  return scope < 0;
}

// What the content says the tables of `scope` (-1: everything) hold; with `own`, those of
// the scope's own plans only.
Expected expected(const Portal& portal, int scope, bool own = false) {
  auto wanted = [&](const Plan& plan) {
    return (own ? plan.unit == scope : inside(portal, plan.unit, scope)) && issued(plan);
  };
  Expected e;
  for (const Plan& plan : portal.plans) {
    if (!wanted(plan)) continue;
    const std::string unit = portal.units[plan.unit].url_path;
    e.plans.push_back(unit + " " + plan.id);
    for (const Task& t : plan.tasks) e.tasks.push_back(unit + " " + plan.id + " " + t.id);
    for (const Target& t : plan.targets) e.targets.push_back(unit + " " + plan.id + " " + t.id);
  }
  for (const ProgressRecord& rec : portal.progress) {
    const Plan& plan = portal.plans[rec.plan];
    if (!wanted(plan)) continue;
    const std::string prefix = portal.units[plan.unit].url_path + " " + plan.id + " ";
    for (const ProgressEntry& x : rec.entries)
      if (!(kAsOf < x.date)) e.entries.insert(prefix + x.task + " " + format_iso(x.date));
    for (const Measurement& m : rec.measurements)
      if (!(kAsOf < m.date)) e.measurements.insert(prefix + m.target + " " + format_iso(m.date));
  }
  return e;
}

// A resource's pieces as its descriptor lists them: a path, or an array of several.
std::vector<std::string> pieces_of(const nlohmann::json& resource) {
  if (!resource.contains("path")) return {};
  if (resource.at("path").is_string()) return {resource.at("path").get<std::string>()};
  EXPECT_GT(resource.at("path").size(), 1u);
  return resource.at("path").get<std::vector<std::string>>();
}

// The rows of table `name` ("nhiem-vu") as the data package at `package` describes them: its
// pieces, named from the package's folder without "..", joined in order.
std::vector<Row> package_rows(const fs::path& package, const std::string& name) {
  nlohmann::json descriptor = nlohmann::json::parse(read(package));
  std::vector<Row> rows;
  for (const auto& r : descriptor.at("resources")) {
    if (r.at("name") != name) continue;
    for (const std::string& piece : pieces_of(r)) {
      EXPECT_EQ(piece.find(".."), std::string::npos) << package << ": " << piece;
      EXPECT_NE(piece.rfind("/", 0), 0u) << package << ": " << piece;
      auto part = read_table(package.parent_path() / piece);
      rows.insert(rows.end(), part.begin(), part.end());
    }
    return rows;
  }
  ADD_FAILURE() << package << ": no resource " << name;
  return rows;
}

// Every file of the open data a build published, by path from the site root: each unit's
// CSVs and JSON, and the data packages.
std::map<std::string, std::string> open_data_files(const fs::path& site) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = e.path().lexically_relative(site).generic_string();
    const std::string name = e.path().filename().string();
    bool data = e.path().extension() == ".csv" && e.path().parent_path().filename() == "du-lieu";
    data = data || name == "datapackage.json" || name == "ke-hoach.json";
    if (data && !rel.starts_with("tep/")) out[rel] = read(e.path());
  }
  return out;
}

class SampleOpenData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics d;
    portal_ = new Portal(load_portal(kContent.string(), &d));
    ASSERT_TRUE(d.empty()) << format_diagnostic(d[0]);
  }
  static void TearDownTestSuite() { delete portal_; }

  // The tables `rows` gives (by table name) against what the content says they hold.
  template <typename Rows>
  static void expect_tables(const Rows& rows, const Expected& want) {
    auto plans = rows("ke-hoach");
    EXPECT_EQ(keys(plans, {"unit_path", "plan_id"}), want.plans);
    auto tasks = rows("nhiem-vu");
    EXPECT_EQ(keys(tasks, {"unit_path", "plan_id", "task_id"}), want.tasks);
    auto targets = rows("chi-tieu");
    EXPECT_EQ(keys(targets, {"unit_path", "plan_id", "target_id"}), want.targets);
    auto entries = keys(rows("tien-do"), {"unit_path", "plan_id", "task_id", "date"});
    EXPECT_EQ(std::multiset<std::string>(entries.begin(), entries.end()), want.entries);
    auto measurements = keys(rows("so-lieu"), {"unit_path", "plan_id", "target_id", "date"});
    EXPECT_EQ(std::multiset<std::string>(measurements.begin(), measurements.end()), want.measurements);
    // The plan rows' counts agree with the task rows they count (a sub-task counts within its task).
    for (const Row& p : plans) {
      std::size_t n = 0;
      for (const Row& t : tasks)
        n += t.at("unit_path") == p.at("unit_path") && t.at("plan_id") == p.at("plan_id") && t.at("counted") == "true";
      EXPECT_EQ(p.at("tasks"), std::to_string(n)) << p.at("unit_path") << " " << p.at("plan_id");
    }
  }

  // The tables of the data package at `package` (joined from its pieces) against the content.
  static void expect_package(const fs::path& package, int scope) {
    SCOPED_TRACE(package.string());
    ASSERT_TRUE(fs::exists(package));
    expect_tables([&](const std::string& name) { return package_rows(package, name); },
                  expected(*portal_, scope));
  }

  static Portal* portal_;
};
Portal* SampleOpenData::portal_ = nullptr;

TEST_F(SampleOpenData, TheContentIsNotTrivial) {
  Expected all = expected(*portal_, -1);
  EXPECT_EQ(portal_->plans.size(), 3u);
  EXPECT_EQ(all.plans.size(), 2u);  // Định Hoá's plan of 2026 came later
  EXPECT_GT(all.tasks.size(), 30u);  // every row of the other two, sub-rows included
  EXPECT_GT(all.targets.size(), 0u);
  EXPECT_GT(all.entries.size(), 10u);
  EXPECT_GT(all.measurements.size(), 0u);
}

TEST_F(SampleOpenData, PortalPackageHoldsEveryRowOfTheContentOnce) {
  EXPECT_FALSE(fs::exists(kSite / "du-lieu/datapackage.json"));
  EXPECT_FALSE(fs::exists(kSite / "du-lieu/nhiem-vu.csv"));
  expect_package(kSite / "datapackage.json", -1);
}

// A unit with units below it and plans in or below it has a package; a unit with no units
// below it (a commune) has none, its CSVs being listed by the packages above it.
TEST_F(SampleOpenData, EachUnitsPackageHoldsItsOwnAndItsDescendantsRows) {
  std::size_t packages = 0, leaves = 0;
  for (std::size_t u = 0; u < portal_->units.size(); ++u) {
    const fs::path package = kSite / portal_->units[u].url_path / "datapackage.json";
    if (portal_->units[u].children.empty()) {
      ++leaves;
      EXPECT_FALSE(fs::exists(package)) << package;
      continue;
    }
    if (expected(*portal_, static_cast<int>(u)).plans.empty()) {
      EXPECT_FALSE(fs::exists(package)) << package;  // nothing in or below it
      continue;
    }
    ++packages;
    expect_package(package, static_cast<int>(u));
  }
  EXPECT_EQ(leaves, 3u);
  EXPECT_EQ(packages, 4u);  // not Thái Nguyên's: Định Hoá's plan of 2026 is after the reference date
}

// A unit's CSVs hold its own plans' rows: each row of the portal is in one CSV file only.
TEST_F(SampleOpenData, EachUnitsCsvsHoldItsOwnPlansRowsOnly) {
  std::size_t with_csv = 0;
  for (std::size_t u = 0; u < portal_->units.size(); ++u) {
    const fs::path dir = kSite / portal_->units[u].url_path / "du-lieu";
    const Expected want = expected(*portal_, static_cast<int>(u), true);
    SCOPED_TRACE(dir.string());
    if (want.plans.empty()) {
      EXPECT_FALSE(fs::exists(dir / "ke-hoach.csv"));
      continue;
    }
    ++with_csv;
    expect_tables([&](const std::string& name) { return read_table(dir / (name + ".csv")); }, want);
  }
  EXPECT_EQ(with_csv, 2u);  // Sơn Lâm's and Thanh Xuân's: Định Hoá's plan of 2026 came later
}

TEST_F(SampleOpenData, EachUnitsJsonListsItsPlansWithTheirTasksAndTargets) {
  std::size_t files = 0;
  for (std::size_t u = 0; u < portal_->units.size(); ++u) {
    const Unit& unit = portal_->units[u];
    std::vector<const Plan*> plans;  // the unit's plans on the site, in the portal's order
    for (const Plan& plan : portal_->plans) {
      EXPECT_FALSE(fs::exists(kSite / unit.url_path / "ke-hoach" / plan.id / "ke-hoach.json"))
          << "a plan's own JSON file";
      if (plan.unit == static_cast<int>(u) && issued(plan)) plans.push_back(&plan);
    }
    const fs::path file = kSite / unit.url_path / "du-lieu" / "ke-hoach.json";
    if (plans.empty()) {
      EXPECT_FALSE(fs::exists(file)) << file;
      continue;
    }
    ++files;
    nlohmann::json j = nlohmann::json::parse(read(file));
    EXPECT_EQ(j.at("unit").at("path"), unit.url_path);
    ASSERT_EQ(j.at("plans").size(), plans.size()) << file;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const nlohmann::json& p = j.at("plans")[i];
      EXPECT_EQ(p.at("id"), plans[i]->id) << file;
      std::vector<std::string> tasks, targets, want_tasks, want_targets;
      for (const auto& t : p.at("tasks")) tasks.push_back(t.at("id"));
      for (const auto& t : p.at("targets")) targets.push_back(t.at("id"));
      for (const Task& t : plans[i]->tasks) want_tasks.push_back(t.id);
      for (const Target& t : plans[i]->targets) want_targets.push_back(t.id);
      EXPECT_EQ(tasks, want_tasks) << file;
      EXPECT_EQ(targets, want_targets) << file;
    }
  }
  EXPECT_GE(files, 2u);
}

// The latest of `dates` as the sitemap writes it ("2023-04-05", "2026-01"), or "-" for none.
std::string latest_of(const std::vector<Date>& dates) {
  std::optional<Date> latest;
  for (const Date& d : dates)
    if (d.year != 0 && (!latest || *latest < d)) latest = d;
  return latest ? format_iso(*latest) : "-";
}

TEST(SampleSitemap, LastmodIsTheLatestContentDateOfEachPage) {
  fs::path dir = fs::temp_directory_path() / ("congkhai-sitemap-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(kContent, dir / "content", fs::copy_options::recursive);
  std::string site = read(dir / "content/site.yaml");
  ASSERT_NE(site.find("base_url: \"\"\n"), std::string::npos);
  site.replace(site.find("base_url: \"\"\n"), 13, "base_url: https://congkhai.example.vn/\n");
  std::ofstream(dir / "content/site.yaml", std::ios::binary) << site;
  // No SOURCE_DATE_EPOCH, a reference date after all the content: nothing may come from the clock.
  std::string cmd = "env -u SOURCE_DATE_EPOCH " + std::string(CONGKHAI_BINARY) + " build --content " +
                    (dir / "content").string() + " --out " + (dir / "public").string() +
                    " --as-of 2030-01-01 > /dev/null 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;

  std::map<std::string, std::string> lastmod;  // path from the root → lastmod or "-"
  std::string xml = read(dir / "public/sitemap.xml");
  const std::string base = "https://congkhai.example.vn/";
  for (std::size_t at = xml.find("<url>"); at != std::string::npos; at = xml.find("<url>", at + 1)) {
    std::string url = xml.substr(at, xml.find("</url>", at) - at);
    std::size_t loc = url.find("<loc>") + 5;
    std::string path = url.substr(loc, url.find("</loc>") - loc);
    ASSERT_EQ(path.rfind(base, 0), 0u) << path;
    std::size_t m = url.find("<lastmod>");
    lastmod[path.substr(base.size())] = m == std::string::npos ? "-" : url.substr(m + 9, url.find("</lastmod>") - m - 9);
  }

  Diagnostics d;
  Portal portal = load_portal((dir / "content").string(), &d);
  ASSERT_TRUE(d.empty());
  // Every date touching a plan; a unit takes those of its plans and reports and the units below.
  std::vector<std::vector<Date>> of_plan(portal.plans.size()), of_unit(portal.units.size());
  for (std::size_t p = 0; p < portal.plans.size(); ++p)
    if (portal.plans[p].date && portal.plans[p].date->is_complete()) of_plan[p].push_back(*portal.plans[p].date);
  for (const ProgressRecord& rec : portal.progress) {
    for (const ProgressEntry& e : rec.entries) of_plan[rec.plan].push_back(e.date);
    for (const Measurement& m : rec.measurements) of_plan[rec.plan].push_back(m.date);
  }
  for (const Report& r : portal.reports) {
    if (r.plan >= 0) of_plan[r.plan].push_back(r.date);
    for (int u = r.unit; u >= 0; u = portal.units[u].parent) of_unit[u].push_back(r.date);
  }
  std::vector<Date> everything;
  for (std::size_t p = 0; p < portal.plans.size(); ++p) {
    const Plan& plan = portal.plans[p];
    std::string path = portal.units[plan.unit].url_path + "/ke-hoach/" + plan.id + "/index.html";
    std::string want = latest_of(of_plan[p]);
    if (want == "-" && plan.date) want = format_iso(*plan.date);  // only a partial date of issue
    EXPECT_EQ(lastmod[path], want) << path;
    for (int u = plan.unit; u >= 0; u = portal.units[u].parent)
      of_unit[u].insert(of_unit[u].end(), of_plan[p].begin(), of_plan[p].end());
  }
  for (const Report& r : portal.reports) {
    std::string path = portal.units[r.unit].url_path + "/bao-cao/" + r.id + "/index.html";
    EXPECT_EQ(lastmod[path], format_iso(r.date)) << path;
  }
  for (std::size_t u = 0; u < portal.units.size(); ++u) {
    EXPECT_EQ(lastmod[portal.units[u].url_path + "/index.html"], latest_of(of_unit[u])) << portal.units[u].url_path;
    everything.insert(everything.end(), of_unit[u].begin(), of_unit[u].end());
  }
  EXPECT_EQ(lastmod["index.html"], latest_of(everything));
  EXPECT_EQ(lastmod["du-lieu/index.html"], latest_of(everything));
  EXPECT_EQ(lastmod["cap-nhat/index.html"], latest_of(everything));
  EXPECT_EQ(lastmod["tim-kiem/index.html"], "-");
  // home, units, plans, reports, open data, updates, search
  EXPECT_EQ(lastmod.size(), 1 + portal.units.size() + portal.plans.size() + portal.reports.size() + 3);
  fs::remove_all(dir);
}

// Text an official typed that a spreadsheet would run as a formula (=, +, -, @) reaches every
// published CSV with a leading apostrophe, whichever text column it lands in; number columns
// keep their plain values.
TEST(PublishedCsv, FormulaLikeTextIsNeutralisedInEveryTextColumn) {
  fs::path dir = fs::temp_directory_path() / ("congkhai-formulas-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(fs::path(CONGKHAI_SOURCE_DIR) / "tests/fixtures/small-site/content", dir / "content",
           fs::copy_options::recursive);
  auto replace = [&](const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read(dir / "content" / file);
    ASSERT_NE(text.find(from), std::string::npos) << file << ": " << from;
    text.replace(text.find(from), from.size(), to);
    std::ofstream(dir / "content" / file, std::ios::binary) << text;
  };
  const std::string plan = "ha-tinh/son-lam/plans/2024.md", progress = "ha-tinh/son-lam/progress/2024-q1.yaml";
  replace(plan, "issuer: UBND xã Sơn Lâm", "issuer: \"=HYPERLINK(\\\"https://example.com\\\")\"");
  replace(plan, "output: Hồ sơ được số hóa", "output: \"+cmd|' /C calc'!A0\"");
  replace(plan, "measure: Tỷ lệ hồ sơ TTHC", "measure: \"@SUM(1+1)\"\n    # was: Tỷ lệ hồ sơ TTHC");
  replace(progress, "reported_by: Văn phòng HĐND - UBND xã", "reported_by: \"-2+3\"");
  replace(progress, "note: Kế hoạch số 12/KH-UBND", "note: \"=1+1\"\n    # was: Kế hoạch số 12/KH-UBND");
  replace(progress, "source: Hệ thống", "source: \"@A1\"\n    # was: Hệ thống");
  std::string cmd = std::string(CONGKHAI_BINARY) + " build --content " + (dir / "content").string() + " --out " +
                    (dir / "public").string() + " --as-of 2024-06-30 > " + (dir / "log").string() + " 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read(dir / "log");

  nlohmann::json package = nlohmann::json::parse(read(dir / "public/datapackage.json"));
  std::set<std::string> neutralised;
  for (const auto& resource : package.at("resources")) {
    std::set<std::string> text_columns;
    for (const auto& f : resource.at("schema").at("fields"))
      if (f.at("type") == "string") text_columns.insert(f.at("name"));
    for (const Row& row : package_rows(dir / "public/datapackage.json", resource.at("name")))
      for (const auto& [column, cell] : row) {
        if (cell.empty() || !text_columns.count(column)) continue;
        EXPECT_EQ(std::string("=+-@\t\r").find(cell[0]), std::string::npos)
            << resource.at("name") << " › " << column << ": " << cell;
        if (cell[0] == '\'' && cell.size() > 1 && std::string("=+-@").find(cell[1]) != std::string::npos)
          neutralised.insert(cell);
      }
  }
  for (const char* cell : {"'=HYPERLINK(\"https://example.com\")", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3",
                           "'=1+1", "'@A1"})
    EXPECT_TRUE(neutralised.count(cell)) << cell;
  fs::remove_all(dir);
}

// An edit of one line of one plan rewrites that plan's unit's open data only: its CSV
// piece and its JSON; no data package (the commune has none, and those above it list
// its pieces without their sizes), no other unit's CSV, and no file of several units.
TEST(PublishedOpenData, AOneLineEditChangesOnlyItsOwnUnitsFiles) {
  fs::path dir = fs::temp_directory_path() / ("congkhai-one-edit-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(kContent, dir / "content", fs::copy_options::recursive);
  auto build = [&] {
    std::string cmd = std::string(CONGKHAI_BINARY) + " build --content " + (dir / "content").string() + " --out " +
                      (dir / "public").string() + " --as-of 2024-06-30 > " + (dir / "log").string() + " 2>&1";
    int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << read(dir / "log");
  };
  build();
  const auto before = open_data_files(dir / "public");
  const fs::path plan = dir / "content/ha-tinh/huong-son/son-lam/plans/2023.md";
  std::string text = read(plan);
  const std::string line = "task: Kiểm soát chặt chẽ việc giải quyết TTHC thuộc thẩm quyền giải quyết của cấp xã\n";
  ASSERT_NE(text.find(line), std::string::npos);
  text.insert(text.find(line) + line.size() - 1, " (đã sửa)");
  std::ofstream(plan, std::ios::binary) << text;
  build();
  const auto after = open_data_files(dir / "public");

  std::set<std::string> changed;
  for (const auto& [path, bytes] : after)
    if (!before.count(path) || before.at(path) != bytes) changed.insert(path);
  for (const auto& [path, bytes] : before)
    if (!after.count(path)) changed.insert(path);
  EXPECT_GT(before.size(), 15u);
  EXPECT_EQ(changed, (std::set<std::string>{"ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv",
                                            "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json"}));
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace congkhai
