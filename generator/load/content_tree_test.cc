#include "load/content_tree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace congkhai {
namespace {

namespace fs = std::filesystem;

class ContentTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-tree-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    write("site.yaml", "title: Cổng thử\n");
    write("ha-tinh/unit.yaml", "name: Hà Tĩnh\nlevel: tinh\n");
    write("ha-tinh/huong-son/unit.yaml", "name: Hương Sơn\nlevel: huyen\n");
    write("ha-tinh/huong-son/son-lam/unit.yaml", "name: Sơn Lâm\nlevel: xa\n");
    write("ha-tinh/huong-son/son-lam/plans/2023.md", plan(2023));
    write("ha-tinh/huong-son/son-lam/plans/2024.md", plan(2024));
    write("ha-tinh/huong-son/son-lam/progress/q1.yaml",
          "plan: \"2023\"\ndate: 2023-03-31\nentries:\n  - task: a\n    status: done\n"
          "    evidence:\n      - title: Quyết định\n        file: files/qd.pdf\n");
    write("ha-tinh/huong-son/son-lam/progress/files/qd.pdf", "%PDF-1.4");
    write("ha-tinh/huong-son/son-lam/reports/2023-q1.md",
          "---\ntitle: Báo cáo quý I\ndate: 2023-04-05\nperiod: 2023-Q1\nplan: \"2023\"\n---\nNội dung.\n");
    write("ha-tinh/_nhap/unit.yaml", "name: bỏ qua\nlevel: xa\n");
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string plan(int year) {
    return "---\nnumber: 1/KH-UBND\ntitle: Kế hoạch " + std::to_string(year) + "\nyear: " +
           std::to_string(year) + "\nissuer: UBND xã\ntasks:\n  - task: Việc A\n    id: a\n---\nVăn bản.\n";
  }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  Portal load(Diagnostics* d) { return load_portal(root_.string(), d); }

  fs::path root_;
};

TEST_F(ContentTreeTest, NestedFoldersBecomeUnitsParentsFirst) {
  Diagnostics d;
  Portal p = load(&d);
  EXPECT_TRUE(d.empty()) << format_diagnostic(d.front());
  ASSERT_EQ(p.units.size(), 3u);  // _nhap is ignored
  EXPECT_EQ(p.units[2].url_path, "ha-tinh/huong-son/son-lam");
  EXPECT_EQ(p.units[2].parent, 1);
  EXPECT_EQ(p.top_units, std::vector<int>{0});
  EXPECT_EQ(p.site.title, "Cổng thử");
}

TEST_F(ContentTreeTest, PlansAreListedNewestFirstAndRecordsLinked) {
  Diagnostics d;
  Portal p = load(&d);
  ASSERT_EQ(p.plans.size(), 2u);
  const Unit& u = p.units[2];
  ASSERT_EQ(u.plans.size(), 2u);
  EXPECT_EQ(p.plans[u.plans[0]].year, 2024);
  ASSERT_EQ(p.progress.size(), 1u);
  EXPECT_EQ(p.plans[p.progress[0].plan].id, "2023");
  EXPECT_EQ(p.progress[0].entries[0].evidence[0].file, "ha-tinh/huong-son/son-lam/progress/files/qd.pdf");
  ASSERT_EQ(p.reports.size(), 1u);
  EXPECT_EQ(p.reports[0].plan, p.progress[0].plan);
}

TEST_F(ContentTreeTest, UnknownPlanInAProgressFileSuggestsTheExistingOnes) {
  write("ha-tinh/huong-son/son-lam/progress/q2.yaml", "plan: \"2032\"\n");
  Diagnostics d;
  load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 1);
  EXPECT_EQ(d[0].pos.column, 7);
  EXPECT_NE(d[0].hint.find("2023"), std::string::npos);
}

TEST_F(ContentTreeTest, EvidenceOutsideTheContentFolderIsRefused) {
  write("ha-tinh/huong-son/son-lam/progress/q3.yaml",
        "plan: \"2023\"\ndate: 2023-06-30\nentries:\n  - task: a\n    status: done\n"
        "    evidence:\n      - title: x\n        file: ../../../../../../etc/passwd\n");
  Diagnostics d;
  load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 8);
}

TEST_F(ContentTreeTest, SiblingFoldersWithTheSameSlugAreAnError) {
  write("ha-tinh/Huong-Son/unit.yaml", "name: Hương Sơn\nlevel: huyen\n");
  Diagnostics d;
  load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("trùng địa chỉ"), std::string::npos);
}

TEST_F(ContentTreeTest, EveryBrokenFileIsReportedInOneRun) {
  write("ha-tinh/huong-son/son-lam/plans/2025.md", "---\ntitle: [\n---\n");
  write("ha-tinh/huong-son/unit.yaml", "name: Hương Sơn\nlevel: quan-huyen\n");
  write("site.yaml", "titel: x\n");
  Diagnostics d;
  load(&d);
  EXPECT_EQ(d.size(), 4u);  // the plan, the level, and site.yaml's unknown and missing keys
}

TEST_F(ContentTreeTest, ParallelLoadingGivesTheSamePortalAsSerial) {
  write("ha-tinh/huong-son/son-lam/plans/2025.md", "---\ntitle: [\n---\n");
  Diagnostics serial_diags, parallel_diags;
  Portal serial = load_portal(root_.string(), &serial_diags, 1);
  Portal parallel = load_portal(root_.string(), &parallel_diags, 8);
  ASSERT_EQ(serial.plans.size(), parallel.plans.size());
  for (std::size_t i = 0; i < serial.plans.size(); ++i) EXPECT_EQ(serial.plans[i].path, parallel.plans[i].path);
  ASSERT_EQ(serial_diags.size(), parallel_diags.size());
  for (std::size_t i = 0; i < serial_diags.size(); ++i)
    EXPECT_EQ(format_diagnostic(serial_diags[i]), format_diagnostic(parallel_diags[i]));
}

TEST_F(ContentTreeTest, MissingContentFolder) {
  Diagnostics d;
  load_portal((root_ / "nowhere").string(), &d);
  ASSERT_EQ(d.size(), 1u);
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// A commune's plan that implements its district's, named by portal path.
class ImplementsTest : public ContentTreeTest {
 protected:
  void SetUp() override {
    ContentTreeTest::SetUp();
    write("ha-tinh/huong-son/plans/2023.md", plan(2023));
  }
  void implements(const std::string& yaml) {
    write("ha-tinh/huong-son/son-lam/plans/2023.md",
          "---\nnumber: 28/KH-UBND\ntitle: Kế hoạch 2023\nyear: 2023\nissuer: UBND xã\n" + yaml +
              "tasks:\n  - task: Việc A\n    id: a\n---\nVăn bản.\n");
  }
  int index_of(const Portal& p, const std::string& unit, const std::string& id) {
    for (std::size_t i = 0; i < p.plans.size(); ++i)
      if (p.units[p.plans[i].unit].url_path == unit && p.plans[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

TEST_F(ImplementsTest, APortalPathLinksBothWays) {
  implements("implements:\n  plan: ha-tinh/huong-son/2023\n  text: Kế hoạch số 27/KH-UBND của UBND huyện\n");
  Diagnostics d;
  Portal p = load(&d);
  ASSERT_TRUE(d.empty()) << d[0].message;
  const int child = index_of(p, "ha-tinh/huong-son/son-lam", "2023");
  const int parent = index_of(p, "ha-tinh/huong-son", "2023");
  EXPECT_EQ(p.plans[child].implements_index, parent);
  EXPECT_EQ(p.plans[child].implements->text, "Kế hoạch số 27/KH-UBND của UBND huyện");
  EXPECT_EQ(p.plans[parent].implemented_by, std::vector<int>{child});
  EXPECT_TRUE(p.plans[index_of(p, "ha-tinh/huong-son/son-lam", "2024")].implemented_by.empty());
}

TEST_F(ImplementsTest, ThePagesAddressIsTakenToo) {
  implements("implements:\n  plan: /ha-tinh/huong-son/ke-hoach/2023/\n  text: Kế hoạch của huyện\n");
  Diagnostics d;
  Portal p = load(&d);
  ASSERT_TRUE(d.empty()) << d[0].message;
  EXPECT_EQ(p.plans[index_of(p, "ha-tinh/huong-son/son-lam", "2023")].implements_index,
            index_of(p, "ha-tinh/huong-son", "2023"));
}

TEST_F(ImplementsTest, AnUnknownPathSuggestsTheClosest) {
  implements("implements:\n  plan: ha-tinh/huong-son/2032\n  text: Kế hoạch của huyện\n");
  Diagnostics d;
  load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 7);
  EXPECT_NE(d[0].message.find("không có kế hoạch \"ha-tinh/huong-son/2032\""), std::string::npos);
  EXPECT_NE(d[0].hint.find("có phải ý bạn là: ha-tinh/huong-son/2023"), std::string::npos);
  EXPECT_NE(d[0].hint_en.find("did you mean: ha-tinh/huong-son/2023"), std::string::npos);
}

TEST_F(ImplementsTest, OnlyAPlanOfAUnitAboveCanBeImplemented) {
  implements("implements:\n  plan: ha-tinh/huong-son/son-lam/2024\n  text: Kế hoạch khác\n");
  Diagnostics d;
  Portal p = load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("không phải của một đơn vị cấp trên"), std::string::npos);
  EXPECT_TRUE(p.plans[index_of(p, "ha-tinh/huong-son/son-lam", "2024")].implemented_by.empty());
}

TEST_F(ImplementsTest, TextStaysRequiredAndTheOldFormsStillRead) {
  implements("implements:\n  plan: ha-tinh/huong-son/2023\n");
  Diagnostics d;
  load(&d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message_en.find("text"), std::string::npos);
  implements("implements: Kế hoạch số 27/KH-UBND\n");
  d.clear();
  Portal p = load(&d);
  ASSERT_TRUE(d.empty());
  EXPECT_EQ(p.plans[index_of(p, "ha-tinh/huong-son/son-lam", "2023")].implements_index, -1);
}

}  // namespace
}  // namespace congkhai
