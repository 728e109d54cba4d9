#include "export/exports.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "derive/facts.h"
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

size_t column(const std::vector<std::vector<std::string>>& rows, const std::string& name) {
  for (size_t i = 0; i < rows.at(0).size(); ++i)
    if (rows[0][i] == name) return i;
  throw std::runtime_error("no column " + name);
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
  EXPECT_EQ(files[0].path, "du-lieu/datapackage.json");
  for (std::string p :
       {"du-lieu/ke-hoach.csv", "du-lieu/nhiem-vu.csv", "du-lieu/tien-do.csv",
        "du-lieu/chi-tieu.csv", "du-lieu/so-lieu.csv", "du-lieu/schema/ke-hoach.schema.json",
        "feed.xml", "robots.txt", "ha-tinh/du-lieu/datapackage.json",
        "ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv", "thai-nguyen/dinh-hoa/feed.xml",
        "ha-tinh/huong-son/son-lam/ke-hoach/2023/ke-hoach.json",
        "thai-nguyen/dinh-hoa/ke-hoach/2026/ke-hoach.json"})
    EXPECT_TRUE(paths.count(p)) << p;
  EXPECT_FALSE(paths.count("sitemap.xml"));  // no base_url
  // 1 portal folder (6) + schema + feed + robots, 5 units × (6 + feed), 2 plans
  EXPECT_EQ(files.size(), 6u + 3u + 5u * 7u + 2u);
  EXPECT_TRUE(find_output(build_exports(make_test_portal("https://a.example"), make_test_facts()),
                          "sitemap.xml"));
}

TEST(BuildExports, CsvReadsBackWithTheSameIdsAndValues) {
  OutputFiles files = build_exports(make_test_portal(), make_test_facts());
  auto tasks = read_csv(files, "du-lieu/nhiem-vu.csv");
  ASSERT_EQ(tasks.size(), 1u + 4u);
  size_t id = column(tasks, "task_id"), text = column(tasks, "text");
  EXPECT_EQ(tasks[1][id], "xay-dung-ke-hoach");
  EXPECT_EQ(tasks[1][text], "Xây dựng Kế hoạch, kiểm soát \"TTHC\"");
  EXPECT_EQ(tasks[2][text], "'=HYPERLINK(\"http://evil.example\",\"bấm\")");
  EXPECT_EQ(tasks[3][text], "'- cho công chức một cửa;\n- cho công chức đầu mối.");
  EXPECT_EQ(tasks[4][id], "so-hoa");

  auto progress = read_csv(files, "du-lieu/tien-do.csv");
  ASSERT_EQ(progress.size(), 3u);
  EXPECT_EQ(progress[2][column(progress, "note")], "'+ đã tập huấn\r\ncho 12 người");
  EXPECT_EQ(progress[2][column(progress, "percent")], "40");

  auto figures = read_csv(files, "du-lieu/so-lieu.csv");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[1][column(figures, "value")], "41.5");
  EXPECT_EQ(figures[1][column(figures, "source")], "'@Hệ thống thông tin giải quyết TTHC");
  EXPECT_EQ(figures[2][column(figures, "value")], "-3");  // numeric column: no apostrophe

  auto targets = read_csv(files, "du-lieu/chi-tieu.csv");
  EXPECT_EQ(targets[2][column(targets, "value")], "-2.5");

  auto unit_tasks = read_csv(files, "thai-nguyen/du-lieu/nhiem-vu.csv");
  ASSERT_EQ(unit_tasks.size(), 2u);
  EXPECT_EQ(unit_tasks[1][column(unit_tasks, "unit_path")], "thai-nguyen/dinh-hoa");
  EXPECT_EQ(read_csv(files, "thai-nguyen/dinh-hoa/du-lieu/tien-do.csv").size(), 1u);  // header
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
  json plan = json::parse(find_output(files, "ha-tinh/huong-son/son-lam/ke-hoach/2023/ke-hoach.json")->bytes);
  EXPECT_EQ(plan["as_of"], "2023-06-30");
  EXPECT_EQ(plan["tasks"][0]["status"], "done");
  EXPECT_EQ(plan["progress"].size(), 2u);
  EXPECT_EQ(plan["targets"][0]["latest"]["value"], 41.5);
}

TEST(BuildExports, EmptyPortalStillPublishesHeadersAndSchema) {
  Portal portal;
  portal.site.title = "Trống";
  PortalFacts facts;
  facts.as_of = {2024, 1, 1};
  OutputFiles files = build_exports(portal, facts);
  EXPECT_EQ(read_csv(files, "du-lieu/ke-hoach.csv").size(), 1u);
  EXPECT_TRUE(find_output(files, "du-lieu/schema/ke-hoach.schema.json"));
  EXPECT_TRUE(testing::well_formed_xml(find_output(files, "feed.xml")->bytes));
}

TEST(DescribeExports, ListsDataFilesWithTheirSizes) {
  Portal portal = make_test_portal("https://a.example");
  OutputFiles files = build_exports(portal, make_test_facts());
  auto infos = describe_exports(portal, files);
  // portal: package, 5 CSVs, schema, feed; 5 units × (package, 5 CSVs, feed); 2 plans
  ASSERT_EQ(infos.size(), 8u + 5u * 7u + 2u);
  EXPECT_EQ(infos[0].path, "du-lieu/datapackage.json");
  EXPECT_EQ(infos[1].path, "du-lieu/ke-hoach.csv");
  EXPECT_EQ(infos[1].format, "CSV");
  EXPECT_EQ(infos[1].title, "Kế hoạch");
  for (const auto& i : infos) {
    const OutputFile* f = find_output(files, i.path);
    ASSERT_TRUE(f) << i.path;
    EXPECT_EQ(i.bytes, static_cast<long long>(f->bytes.size())) << i.path;
    EXPECT_FALSE(i.title.empty());
    EXPECT_FALSE(i.description.empty());
    EXPECT_NE(i.path, "sitemap.xml");
  }
  // The order pages rely on to find a unit's files quickly: the portal's, unit by unit, plans last.
  for (std::size_t i = 1; i < infos.size(); ++i) {
    EXPECT_FALSE(infos[i - 1].plan >= 0 && infos[i].plan < 0) << infos[i].path;
    if (infos[i].plan < 0) EXPECT_LE(infos[i - 1].unit, infos[i].unit) << infos[i].path;
  }
  EXPECT_EQ(infos.back().plan, 1);
  EXPECT_EQ(infos.back().unit, 4);
  EXPECT_EQ(infos.back().format, "JSON");
}

}  // namespace
}  // namespace congkhai
