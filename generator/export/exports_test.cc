#include "export/exports.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>

#include "derive/facts.h"
#include "export/csv.h"
#include "export/tables.h"
#include "export/testing_files.h"
#include "export/testing_portal.h"

namespace congkhai {
namespace {

using nlohmann::json;
using testing::find_output;
using testing::make_test_facts;
using testing::make_test_portal;

std::vector<std::vector<std::string>> read_csv(const OutputFiles& files, const std::string& path) {
  const OutputFile* f = find_output(files, path);
  if (!f) throw std::runtime_error("missing " + path);
  EXPECT_EQ(f->bytes.substr(0, 3), "\xEF\xBB\xBF") << path;
  std::vector<std::vector<std::string>> rows;
  EXPECT_TRUE(testing::parse_csv(std::string_view(f->bytes).substr(3), &rows)) << path;
  return rows;
}

const DataTable& table(const std::vector<DataTable>& tables, const std::string& name) {
  for (const auto& t : tables)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

size_t column(const std::vector<std::vector<std::string>>& rows, const std::string& name) {
  for (size_t i = 0; i < rows.at(0).size(); ++i)
    if (rows[0][i] == name) return i;
  throw std::runtime_error("no column " + name);
}

// A row of `table` as a reader of its CSV gets it back (text neutralised as written).
std::vector<std::string> csv_cells(const DataTable& table, const std::vector<std::string>& row) {
  std::vector<std::vector<std::string>> rows;
  EXPECT_TRUE(testing::parse_csv(csv_row(table, row), &rows));
  return rows.at(0);
}

TEST(BuildExports, WritesEveryFileOnceInAFixedOrder) {
  Portal portal = make_test_portal();
  OutputFiles files = build_exports(portal, make_test_facts());
  std::set<std::string> paths;
  for (const auto& f : files) {
    EXPECT_TRUE(paths.insert(f.path).second) << "twice: " << f.path;
    EXPECT_TRUE(f.source.empty());
    EXPECT_FALSE(f.bytes.empty()) << f.path;
  }
  // The tables first (table by table, each unit with plans in unit order), then the packages.
  EXPECT_EQ(files[0].path, "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.csv");
  EXPECT_EQ(files[1].path, "thai-nguyen/dinh-hoa/du-lieu/ke-hoach.csv");
  EXPECT_EQ(files[2].path, "ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv");
  EXPECT_EQ(files[10].path, "datapackage.json");
  for (std::string p :
       {"datapackage.json", "du-lieu/schema/ke-hoach.schema.json", "feed.xml", "robots.txt",
        "ha-tinh/datapackage.json", "ha-tinh/huong-son/datapackage.json", "thai-nguyen/datapackage.json",
        "ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv", "thai-nguyen/dinh-hoa/du-lieu/so-lieu.csv",
        "thai-nguyen/dinh-hoa/feed.xml", "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json",
        "thai-nguyen/dinh-hoa/du-lieu/ke-hoach.json"})
    EXPECT_TRUE(paths.count(p)) << p;
  // No table of several units anywhere, no descriptor below the folder it describes, and
  // none of a unit with no units below it (its parents' list its CSVs).
  for (std::string p : {"du-lieu/ke-hoach.csv", "du-lieu/datapackage.json", "ha-tinh/du-lieu/nhiem-vu.csv",
                        "ha-tinh/du-lieu/datapackage.json", "ha-tinh/huong-son/son-lam/du-lieu/datapackage.json",
                        "ha-tinh/huong-son/son-lam/datapackage.json", "thai-nguyen/dinh-hoa/datapackage.json",
                        "ha-tinh/huong-son/son-lam/ke-hoach/2023/ke-hoach.json", "ha-tinh/du-lieu/ke-hoach.json"})
    EXPECT_FALSE(paths.count(p)) << p;  // a plan's data is in its unit's JSON, not a file of its own
  EXPECT_FALSE(paths.count("sitemap.xml"));  // no base_url
  // 2 units with plans × 5 CSVs; the portal's package, schema, feed, robots; 3 units with
  // units below × package; 5 units × feed; 2 units with plans × JSON
  EXPECT_EQ(files.size(), 10u + 4u + 3u + 5u + 2u);
  EXPECT_TRUE(find_output(build_exports(make_test_portal("https://a.example"), make_test_facts()),
                          "sitemap.xml"));
}

// The portal's rows of a table: the units' pieces joined in unit order, each piece's header
// after the first dropped.
std::vector<std::vector<std::string>> joined_csv(const OutputFiles& files, const Portal& portal,
                                                 const std::string& table) {
  std::vector<std::vector<std::string>> rows;
  for (const Unit& unit : portal.units) {
    const std::string path = unit.url_path + "/du-lieu/" + table;
    if (!find_output(files, path)) continue;
    auto piece = read_csv(files, path);
    rows.insert(rows.end(), piece.begin() + (rows.empty() ? 0 : 1), piece.end());
  }
  return rows;
}

TEST(BuildExports, CsvReadsBackWithTheSameIdsAndValues) {
  const Portal portal = make_test_portal();
  OutputFiles files = build_exports(portal, make_test_facts());
  auto tasks = joined_csv(files, portal, "nhiem-vu.csv");
  ASSERT_EQ(tasks.size(), 1u + 4u);
  size_t id = column(tasks, "task_id"), text = column(tasks, "text");
  EXPECT_EQ(tasks[1][id], "xay-dung-ke-hoach");
  EXPECT_EQ(tasks[1][text], "Xây dựng Kế hoạch, kiểm soát \"TTHC\"");
  EXPECT_EQ(tasks[2][text], "'=HYPERLINK(\"http://evil.example\",\"bấm\")");
  EXPECT_EQ(tasks[3][text], "'- cho công chức một cửa;\n- cho công chức đầu mối.");
  EXPECT_EQ(tasks[4][id], "so-hoa");

  auto progress = joined_csv(files, portal, "tien-do.csv");
  ASSERT_EQ(progress.size(), 3u);
  EXPECT_EQ(progress[2][column(progress, "note")], "'+ đã tập huấn\r\ncho 12 người");
  EXPECT_EQ(progress[2][column(progress, "percent")], "40");

  auto figures = joined_csv(files, portal, "so-lieu.csv");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[1][column(figures, "value")], "41.5");
  EXPECT_EQ(figures[1][column(figures, "source")], "'@Hệ thống thông tin giải quyết TTHC");
  EXPECT_EQ(figures[2][column(figures, "value")], "-3");  // numeric column: no apostrophe

  auto targets = joined_csv(files, portal, "chi-tieu.csv");
  EXPECT_EQ(targets[2][column(targets, "value")], "-2.5");

  auto unit_tasks = read_csv(files, "thai-nguyen/dinh-hoa/du-lieu/nhiem-vu.csv");
  ASSERT_EQ(unit_tasks.size(), 2u);
  EXPECT_EQ(unit_tasks[1][column(unit_tasks, "unit_path")], "thai-nguyen/dinh-hoa");
  EXPECT_EQ(read_csv(files, "thai-nguyen/dinh-hoa/du-lieu/tien-do.csv").size(), 1u);  // header
  EXPECT_FALSE(find_output(files, "thai-nguyen/du-lieu/nhiem-vu.csv"));  // no plans of its own
}

TEST(BuildExports, SameInputSameBytes) {
  OutputFiles a = build_exports(make_test_portal("https://a.example"), make_test_facts());
  OutputFiles b = build_exports(make_test_portal("https://a.example"), make_test_facts());
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].bytes, b[i].bytes) << a[i].path;
  }
}

TEST(BuildExports, OrderOfDerivedEntriesDoesNotChangeTheOutput) {
  PortalFacts facts = make_test_facts();
  OutputFiles a = build_exports(make_test_portal(), facts);
  std::swap(facts.entries[0], facts.entries[1]);
  std::swap(facts.measurements[0], facts.measurements[1]);
  OutputFiles b = build_exports(make_test_portal(), facts);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].bytes, b[i].bytes) << a[i].path;
}

TEST(BuildExports, WorksWithTheDeriveStage) {
  Portal portal = make_test_portal();
  PortalFacts facts = derive_facts(portal, Date{2023, 6, 30});
  OutputFiles files = build_exports(portal, facts);
  json unit = json::parse(find_output(files, "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json")->bytes);
  EXPECT_EQ(unit["as_of"], "2023-06-30");
  ASSERT_EQ(unit["plans"].size(), 1u);
  json plan = unit["plans"][0];
  EXPECT_EQ(plan["tasks"][0]["status"], "done");
  ASSERT_EQ(plan["progress"].size(), 1u);  // one progress file
  EXPECT_EQ(plan["progress"][0]["entries"].size(), 2u);
  EXPECT_EQ(plan["progress"][0]["measurements"].size(), 2u);
  EXPECT_EQ(plan["targets"][0]["latest"]["value"], 41.5);
}

TEST(BuildExports, EmptyPortalPublishesNoCsvButItsPackageAndSchema) {
  Portal portal;
  portal.site.title = "Trống";
  PortalFacts facts;
  facts.as_of = {2024, 1, 1};
  OutputFiles files = build_exports(portal, facts);
  for (const auto& f : files) EXPECT_FALSE(f.path.ends_with(".csv")) << f.path;
  // The portal's package is there all the same, each table inline and empty.
  json package = json::parse(find_output(files, "datapackage.json")->bytes);
  ASSERT_EQ(package["resources"].size(), 5u);
  for (const auto& r : package["resources"]) {
    EXPECT_EQ(r["data"], json::array());
    EXPECT_FALSE(r.contains("path"));
    EXPECT_FALSE(r["schema"]["fields"].empty());
  }
  EXPECT_TRUE(find_output(files, "du-lieu/schema/ke-hoach.schema.json"));
  EXPECT_TRUE(testing::well_formed_xml(find_output(files, "feed.xml")->bytes));
}

// The test portal with `copies` more of each plan (ids "2023-1", "2026-1", …, in the same
// units, so that the portal's plans alternate between units) and of its progress file, with
// the derived entries listed newest first.
Portal portal_with_copies(int copies, PortalFacts* facts) {
  Portal portal = make_test_portal();
  *facts = make_test_facts();
  const int plans = static_cast<int>(portal.plans.size());
  const int records = static_cast<int>(portal.progress.size());
  const std::vector<EntryRef> entries = facts->entries, measurements = facts->measurements;
  for (int k = 1; k <= copies; ++k) {
    for (int p = 0; p < plans; ++p) {
      Plan copy = portal.plans[p];
      copy.id += "-" + std::to_string(k);
      portal.units[copy.unit].plans.push_back(static_cast<int>(portal.plans.size()));
      portal.plans.push_back(copy);
      facts->plans.push_back(facts->plans[p]);
    }
    for (int r = 0; r < records; ++r) {
      ProgressRecord rec = portal.progress[r];
      rec.path += "-" + std::to_string(k);
      rec.plan += k * plans;
      portal.progress.push_back(rec);
    }
    for (EntryRef e : entries)
      facts->entries.push_back({e.record + k * records, e.index, e.plan + k * plans});
    for (EntryRef m : measurements)
      facts->measurements.push_back({m.record + k * records, m.index, m.plan + k * plans});
  }
  std::reverse(facts->entries.begin(), facts->entries.end());
  return portal;
}

// A unit's CSV is the rows of its own plans, in the portal's order: every row of the
// portal's tables is in exactly one CSV file, that of its plan's unit; a unit without plans
// of its own has none, whatever is below it.
TEST(BuildExports, EachRowIsInTheCsvOfItsOwnUnitOnly) {
  PortalFacts facts;
  Portal portal = portal_with_copies(6, &facts);
  // Hương Sơn's own plan, above Sơn Lâm's.
  Plan district = testing::make_test_portal_with_parent_plan().plans[2];
  portal.units[1].plans.push_back(static_cast<int>(portal.plans.size()));
  portal.plans.push_back(district);
  OutputFiles files = build_exports(portal, facts);
  const std::vector<DataTable> all = build_tables(portal, facts, nullptr);
  for (const DataTable& t : all) {
    ASSERT_FALSE(t.rows.empty()) << t.name;
    const auto& all_rows = t.rows;
    std::multiset<std::vector<std::string>> published;
    std::vector<std::vector<std::string>> header;
    for (const auto& f : files) {
      if (!f.path.ends_with("/du-lieu/" + t.file())) continue;
      auto rows = read_csv(files, f.path);
      if (header.empty()) header = {rows[0]};
      EXPECT_EQ(rows[0], header[0]) << f.path;
      published.insert(rows.begin() + 1, rows.end());
    }
    std::multiset<std::vector<std::string>> want;
    for (const auto& row : all_rows) want.insert(csv_cells(t, row));
    EXPECT_EQ(published, want) << t.name << ": every row once, in one file";
    for (const Unit& unit : portal.units) {
      const std::string file = unit.url_path + "/du-lieu/" + t.file();
      if (unit.plans.empty()) {
        EXPECT_FALSE(find_output(files, file)) << file;
        continue;
      }
      size_t unit_path = 0;
      while (t.fields[unit_path].name != "unit_path") ++unit_path;
      std::vector<std::vector<std::string>> expected = header;
      for (const auto& row : all_rows)
        if (row[unit_path] == unit.url_path) expected.push_back(csv_cells(t, row));
      if (t.name == "ke-hoach") {
        EXPECT_EQ(expected.size(), 1u + unit.plans.size()) << file;
      }
      EXPECT_EQ(read_csv(files, file), expected) << file;
      EXPECT_EQ(find_output(files, file)->bytes,
                write_csv(table(build_tables(portal, facts, &unit), t.name)))
          << file;
    }
  }
  // Plan by plan within a unit: Sơn Lâm's copies follow each other.
  auto tasks = read_csv(files, "ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv");
  ASSERT_EQ(tasks.size(), 1u + 7u * 3u);
  EXPECT_EQ(tasks[3][column(tasks, "plan_id")], "2023");
  EXPECT_EQ(tasks[4][column(tasks, "plan_id")], "2023-1");
  auto plans = read_csv(files, "ha-tinh/huong-son/du-lieu/ke-hoach.csv");
  ASSERT_EQ(plans.size(), 2u);  // the district's own plan only, not its commune's
  EXPECT_EQ(plans[1][column(plans, "unit_path")], "ha-tinh/huong-son");
  auto progress = read_csv(files, "ha-tinh/huong-son/son-lam/du-lieu/tien-do.csv");
  ASSERT_EQ(progress.size(), 1u + 7u * 2u);
  EXPECT_EQ(progress[3][column(progress, "plan_id")], "2023-1");
  EXPECT_EQ(progress[3][column(progress, "task_id")], "xay-dung-ke-hoach");  // by date
}

// The bytes of every file do not depend on the threads making them.
TEST(BuildExports, SameFilesOnOneThreadAndOnMany) {
  PortalFacts facts;
  Portal portal = portal_with_copies(40, &facts);
  OutputFiles one = build_exports(portal, facts);
  auto by_path = [](OutputFiles files) {
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
  };
  for (int threads : {2, 3, 8}) {
    OutputCollector many;
    build_exports(portal, facts, threads, many);
    OutputFiles a = by_path(one), b = by_path(many.take());
    ASSERT_EQ(a.size(), b.size()) << threads;
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].path, b[i].path) << threads;
      EXPECT_EQ(a[i].bytes, b[i].bytes) << a[i].path << " on " << threads << " threads";
    }
  }
}

TEST(DescribeExports, ListsDataFilesWithTheirSizes) {
  Portal portal = make_test_portal("https://a.example");
  OutputFiles files = build_exports(portal, make_test_facts());
  auto infos = describe_exports(portal, files);
  // portal: package, schema, feed; 2 units × (5 CSVs and a JSON); 3 units with units below ×
  // package; 5 units × feed
  ASSERT_EQ(infos.size(), 3u + 2u * 6u + 3u + 5u);
  EXPECT_EQ(infos[0].path, "datapackage.json");
  EXPECT_EQ(infos[0].format, "Data Package");
  EXPECT_EQ(infos[1].path, "du-lieu/schema/ke-hoach.schema.json");
  EXPECT_EQ(infos[2].path, "feed.xml");
  // Hà Tĩnh: no CSV of its own, its package, its feed.
  EXPECT_EQ(infos[3].path, "ha-tinh/datapackage.json");
  EXPECT_EQ(infos[4].path, "ha-tinh/feed.xml");
  EXPECT_EQ(infos[5].path, "ha-tinh/huong-son/datapackage.json");
  EXPECT_EQ(infos[6].path, "ha-tinh/huong-son/feed.xml");
  // Sơn Lâm, a commune: its CSVs, named with the nearest package that lists them (its
  // district's), and its feed; no package of its own.
  EXPECT_EQ(infos[7].path, "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.csv");
  EXPECT_EQ(infos[7].format, "CSV");
  EXPECT_EQ(infos[7].title, "Kế hoạch");
  EXPECT_EQ(infos[7].unit, 2);
  EXPECT_EQ(infos[7].package, "ha-tinh/huong-son/datapackage.json");
  EXPECT_EQ(infos[11].path, "ha-tinh/huong-son/son-lam/du-lieu/so-lieu.csv");
  EXPECT_EQ(infos[11].package, "ha-tinh/huong-son/datapackage.json");
  // Then the JSON of its plans, which no package lists.
  EXPECT_EQ(infos[12].path, "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json");
  EXPECT_EQ(infos[12].format, "JSON");
  EXPECT_EQ(infos[12].unit, 2);
  EXPECT_NE(infos[12].description.find("xã Sơn Lâm"), std::string::npos);
  EXPECT_EQ(infos[13].path, "ha-tinh/huong-son/son-lam/feed.xml");
  EXPECT_EQ(infos[16].path, "thai-nguyen/dinh-hoa/du-lieu/ke-hoach.csv");
  EXPECT_EQ(infos[16].package, "thai-nguyen/datapackage.json");
  for (const auto& i : infos) EXPECT_EQ(i.package.empty(), i.format != "CSV") << i.path;
  for (const auto& i : infos) {
    const OutputFile* f = find_output(files, i.path);
    ASSERT_TRUE(f) << i.path;
    EXPECT_EQ(i.bytes, static_cast<long long>(f->bytes.size())) << i.path;
    EXPECT_FALSE(i.title.empty());
    EXPECT_FALSE(i.description.empty());
    EXPECT_NE(i.path, "sitemap.xml");
  }
  // Every data file written is listed.
  std::set<std::string> listed;
  for (const auto& i : infos) listed.insert(i.path);
  for (const auto& f : files)
    if (f.path.ends_with(".csv") || f.path.ends_with(".json")) {
      EXPECT_TRUE(listed.count(f.path)) << f.path;
    }
  // The order pages rely on to find a unit's files quickly: the portal's, then unit by unit.
  for (std::size_t i = 1; i < infos.size(); ++i) EXPECT_LE(infos[i - 1].unit, infos[i].unit) << infos[i].path;
  EXPECT_EQ(infos.back().path, "thai-nguyen/dinh-hoa/feed.xml");
  // Without sizes, the same files (which depend only on which units have plans).
  auto wanted = published_data_files(portal);
  ASSERT_EQ(wanted.size(), infos.size());
  for (std::size_t i = 0; i < infos.size(); ++i) EXPECT_EQ(wanted[i].path, infos[i].path);
}

}  // namespace
}  // namespace congkhai
