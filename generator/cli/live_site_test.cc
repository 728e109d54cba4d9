// The site `serve` keeps in memory gives every file a build of the same content gives, byte
// for byte, after each kind of save: a save read alone, one that needs a full load, and
// saves with problems (the last sound site stays).
#include "cli/live_site.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/testing_command.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;

class LiveSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-live-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(fs::path(CONGKHAI_SOURCE_DIR) / "content", root_ / "content", fs::copy_options::recursive);
    options_.content_dir = (root_ / "content").string();
    options_.default_theme_dir = CONGKHAI_DEFAULT_THEME_DIR;
    options_.libraries = {CONGKHAI_LUNR_JS, CONGKHAI_INFLATE_JS};
    options_.as_of = Date{2026, 6, 30};
    options_.version = "test";
    options_.serve_mode = true;
    options_.threads = 2;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string path(const std::string& rel) const { return (root_ / "content" / rel).string(); }

  // Replaces the first `from` in a content file with `to`.
  void edit(const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = read(path(rel));
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << rel;
    text.replace(at, from.size(), to);
    std::ofstream(path(rel), std::ios::binary) << text;
  }

  // Every file a build of the content on disk makes, from the live site, and nothing more.
  void expect_same_as_a_build(const LiveSite& site) {
    PipelineResult built = build_site(options_);
    ASSERT_TRUE(built.diags.empty()) << format_diagnostic(built.diags[0]);
    ASSERT_GT(built.files.size(), 50u);
    for (const OutputFile& f : built.files) {
      Diagnostics errors;
      std::optional<OutputFile> live = site.file(f.path, &errors);
      ASSERT_TRUE(live) << f.path;
      EXPECT_TRUE(errors.empty()) << f.path;
      EXPECT_EQ(live->source, f.source) << f.path;
      if (live->bytes != f.bytes) ADD_FAILURE() << f.path << " differs from the build's";
    }
    Diagnostics errors;
    EXPECT_FALSE(site.file("khong-co/index.html", &errors));
    EXPECT_FALSE(site.file("assets/khong-co.css", &errors));
  }

  // The content on disk has problems: the update lists those a build lists.
  void expect_the_problems_a_build_gives(const LiveUpdate& u) {
    PipelineResult built = build_site(options_);
    ASSERT_FALSE(built.diags.empty());
    ASSERT_EQ(u.diags.size(), built.diags.size());
    for (std::size_t i = 0; i < u.diags.size(); ++i)
      EXPECT_EQ(format_diagnostic(u.diags[i]), format_diagnostic(built.diags[i]));
  }

  std::string plan_page(const LiveSite& site) const {
    Diagnostics errors;
    auto f = site.file("ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html", &errors);
    return f ? f->bytes : "";
  }

  fs::path root_;
  PipelineOptions options_;
};

constexpr const char* kPlan = "ha-tinh/huong-son/son-lam/plans/2023.md";
constexpr const char* kRecord = "ha-tinh/huong-son/son-lam/progress/2023-q2.yaml";
constexpr const char* kReport = "ha-tinh/huong-son/son-lam/reports/2023-q1.md";

TEST_F(LiveSiteTest, ServesWhatABuildMakes) {
  LiveSite site(options_);
  LiveUpdate u = site.update({});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);
  // The open data as the build lays it out: the portal's package at the root, each unit's
  // own CSVs in its folder, no table of several units.
  Diagnostics errors;
  EXPECT_TRUE(site.file("datapackage.json", &errors));
  EXPECT_TRUE(site.file("ha-tinh/datapackage.json", &errors));
  EXPECT_TRUE(site.file("ha-tinh/huong-son/son-lam/du-lieu/tien-do.csv", &errors));
  EXPECT_FALSE(site.file("du-lieu/tien-do.csv", &errors));
  EXPECT_FALSE(site.file("ha-tinh/du-lieu/tien-do.csv", &errors));
  EXPECT_FALSE(site.file("du-lieu/datapackage.json", &errors));
  EXPECT_TRUE(errors.empty());
}

TEST_F(LiveSiteTest, ASavedPlanIsReadAlone) {
  LiveSite site(options_);
  site.update({});
  expect_same_as_a_build(site);  // the open data and search files made once, then remade
  std::string before = plan_page(site);
  edit(kPlan, "Các bộ phận chuyên môn xã", "Các bộ phận chuyên môn của xã");
  LiveUpdate u = site.update({path(kPlan)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_FALSE(u.full);
  EXPECT_EQ(u.reread, 1u);
  EXPECT_NE(plan_page(site), before);
  expect_same_as_a_build(site);
}

TEST_F(LiveSiteTest, SavedProgressAndReportsAreReadAlone) {
  LiveSite site(options_);
  site.update({});
  expect_same_as_a_build(site);
  edit(kRecord, "percent: 80", "percent: 85");
  edit(kReport, "## I. Công tác chỉ đạo, điều hành", "## I. Công tác chỉ đạo và điều hành");
  LiveUpdate u = site.update({path(kRecord), path(kReport), path(kRecord)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_FALSE(u.full);
  EXPECT_EQ(u.reread, 2u);
  expect_same_as_a_build(site);
}

TEST_F(LiveSiteTest, WhatOrdersOrAddressesAFileNeedsAFullLoad) {
  LiveSite site(options_);
  site.update({});
  edit(kReport, "date: 2023-04-05", "date: 2023-04-06");
  LiveUpdate u = site.update({path(kReport)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);

  fs::copy_file(path(kReport), path("ha-tinh/huong-son/son-lam/reports/2023-q1-ban-sao.md"));
  u = site.update({path("ha-tinh/huong-son/son-lam/reports/2023-q1-ban-sao.md")});
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);

  edit("ha-tinh/huong-son/son-lam/unit.yaml", "Sơn Lâm", "Sơn Lâm mới");
  u = site.update({path("ha-tinh/huong-son/son-lam/unit.yaml")});
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);
}

// The site shows the portal as of 30/06/2026: Định Hoá's progress of the third quarter is left
// out. A file of a plan that lost something that way, or a file holding something dated later,
// is not read alone: only a full load checks what was left out as `check` does.
TEST_F(LiveSiteTest, WhatIsDatedAfterTheReferenceDateNeedsAFullLoad) {
  LiveSite site(options_);
  site.update({});
  const char* q2 = "thai-nguyen/dinh-hoa/progress/2026-q2.yaml";
  edit(q2, "percent: 10", "percent: 15");
  LiveUpdate u = site.update({path(q2)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);

  // An entry dated after the day in a record read alone so far: still checked.
  const char* later = kRecord;
  edit(later, "    date: 2023-06-26", "    date: 2026-07-01");  // far from the plan's year
  u = site.update({path(later)});
  EXPECT_TRUE(u.full);
  expect_the_problems_a_build_gives(u);  // a date far from the plan's year: checked all the same
  edit(later, "    date: 2026-07-01", "    date: 2023-06-26");
  u = site.update({path(later)});
  EXPECT_TRUE(u.diags.empty());
  expect_same_as_a_build(site);
}

TEST_F(LiveSiteTest, AProblemKeepsTheLastSoundSiteUntilItIsMended) {
  LiveSite site(options_);
  site.update({});
  std::string sound = plan_page(site);
  // A record naming a task the plan does not have: a problem only the whole shows.
  edit(kRecord, "task: to-chuc-niem-yet-cong-khai-tthc", "task: to-chuc-niem-yet-cong-khai");
  LiveUpdate u = site.update({path(kRecord)});
  ASSERT_EQ(u.diags.size(), 1u);
  EXPECT_EQ(u.diags[0].path, path(kRecord));
  EXPECT_FALSE(u.full);
  EXPECT_EQ(plan_page(site), sound);

  // Mended, and the plan saved too: the record that had the problem is read again with it.
  edit(kRecord, "task: to-chuc-niem-yet-cong-khai", "task: to-chuc-niem-yet-cong-khai-tthc");
  edit(kPlan, "Các bộ phận chuyên môn xã", "Các bộ phận chuyên môn của xã");
  u = site.update({path(kPlan)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_FALSE(u.full);
  EXPECT_EQ(u.reread, 2u);
  expect_same_as_a_build(site);
}

TEST_F(LiveSiteTest, ABrokenFileGivesTheProblemsABuildGives) {
  LiveSite site(options_);
  site.update({});
  std::string sound = plan_page(site);
  std::ofstream(path(kPlan), std::ios::binary) << "---\ntitle: [\n---\n";
  LiveUpdate u = site.update({path(kPlan)});
  expect_the_problems_a_build_gives(u);
  EXPECT_EQ(plan_page(site), sound);
}

// The server asks for files from many threads while saves come in: every answer is a whole
// page of one model or the other, never a torn one, and nothing waits for ever.
TEST_F(LiveSiteTest, ServesFromManyThreadsWhileSavesComeIn) {
  LiveSite site(options_);
  site.update({});
  const std::string original = read(path(kPlan));
  std::atomic<bool> done{false};
  std::atomic<int> answers{0}, torn{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t)
    readers.emplace_back([&, t] {
      const char* paths[] = {"ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html", "index.html",
                             "ha-tinh/huong-son/son-lam/index.html", "ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv",
                             "tim-kiem/chi-muc.js"};
      for (int i = 0; !done; ++i) {
        Diagnostics errors;
        std::optional<OutputFile> f = site.file(paths[(i + t) % 5], &errors);
        if (!f || f->bytes.empty() || !errors.empty()) ++torn;
        if (f && f->path.ends_with(".html") && !f->bytes.ends_with("</html>\n")) ++torn;
        ++answers;
      }
    });
  for (int save = 0; save < 20; ++save) {
    std::string text = original;
    text.insert(text.find("Các bộ phận chuyên môn xã"), "(lần " + std::to_string(save) + ") ");
    std::ofstream(path(kPlan), std::ios::binary) << text;
    LiveUpdate u = site.update({path(kPlan)});
    EXPECT_TRUE(u.diags.empty());
    EXPECT_FALSE(u.full);
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(torn, 0);
  EXPECT_GT(answers, 20);
  expect_same_as_a_build(site);
}

// A change in the theme's folders loads the theme alone; a broken template keeps the last
// sound site, and the repair loads everything.
TEST_F(LiveSiteTest, AThemeSaveLoadsTheThemeAlone) {
  fs::copy(CONGKHAI_DEFAULT_THEME_DIR, root_ / "theme", fs::copy_options::recursive);
  options_.default_theme_dir = (root_ / "theme").string();
  LiveSite site(options_);
  site.update({});
  const fs::path layout = root_ / "theme/templates/layout.mustache";
  const std::string good = read(layout);
  std::string edited = good;
  edited.insert(edited.find("</footer>"), "<p>Bản xem thử giao diện mới</p>");
  std::ofstream(layout, std::ios::binary) << edited;
  std::ofstream(root_ / "theme/assets/moi.css", std::ios::binary) << "p{}";
  LiveUpdate u = site.update({layout.string(), (root_ / "theme/assets/moi.css").string()});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.theme);
  EXPECT_FALSE(u.full);
  EXPECT_NE(plan_page(site).find("Bản xem thử giao diện mới"), std::string::npos);
  expect_same_as_a_build(site);

  std::string sound = plan_page(site);
  std::ofstream(layout, std::ios::binary) << "{{#site}}không đóng";
  u = site.update({layout.string()});
  ASSERT_FALSE(u.diags.empty());
  EXPECT_EQ(plan_page(site), sound);
  std::ofstream(layout, std::ios::binary) << good;
  u = site.update({layout.string()});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);
}

// A file a report attaches (its size is on the report's page and in the plan's JSON): saving
// it loads everything. (A content file itself, YAML or Markdown, is no published type.)
TEST_F(LiveSiteTest, ASavedFileAReportAttachesLoadsEverything) {
  const std::string note = "ha-tinh/huong-son/son-lam/progress/ghi-chu.txt";
  std::ofstream(path(note), std::ios::binary) << "Ghi chú.\n";
  edit(kReport, "attachments:\n", "attachments:\n  - file: ../progress/ghi-chu.txt\n    title: Ghi chú\n");
  LiveSite site(options_);
  ASSERT_TRUE(site.update({}).diags.empty());
  std::ofstream(path(note), std::ios::binary) << "Ghi chú, dài thêm để tệp lớn hơn trước.\n";
  LiveUpdate u = site.update({path(note)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_TRUE(u.full);
  expect_same_as_a_build(site);
}

// A theme without a page template: the build finds it rendering, the live site on loading
// the theme, with the same problems; the last sound site stays.
TEST_F(LiveSiteTest, AMissingPageTemplateIsAProblemOfTheSave) {
  fs::copy(CONGKHAI_DEFAULT_THEME_DIR, root_ / "theme", fs::copy_options::recursive);
  options_.default_theme_dir = (root_ / "theme").string();
  LiveSite site(options_);
  ASSERT_TRUE(site.update({}).diags.empty());
  Diagnostics errors;
  const std::string report_page = "ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html";
  const std::string sound = site.file(report_page, &errors)->bytes;
  const fs::path report = root_ / "theme/templates/report.mustache";
  fs::remove(report);
  LiveUpdate u = site.update({report.string()});
  expect_the_problems_a_build_gives(u);
  std::optional<OutputFile> f = site.file(report_page, &errors);
  ASSERT_TRUE(f);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(f->bytes, sound);

  LiveSite fresh(options_);  // and on a first load
  expect_the_problems_a_build_gives(fresh.update({}));
}

// The next quarter's progress record, a new file: read alone, put where a full load puts it.
// Two records give the same task a status on the same day: the later in path order wins, so
// a record put in the wrong place shows on the plan's page.
TEST_F(LiveSiteTest, ANewProgressRecordIsReadAlone) {
  LiveSite site(options_);
  site.update({});
  expect_same_as_a_build(site);
  auto record = [](const char* status) {
    return std::string("plan: \"2023\"\nperiod: Tháng 1/2024\ndate: 2024-01-15\nentries:\n"
                       "  - task: to-chuc-niem-yet-cong-khai-tthc\n    date: 2024-01-15\n    status: ") +
           status + "\n";
  };
  const std::pair<const char*, const char*> added[] = {
      {"ha-tinh/huong-son/son-lam/progress/them/2024-01.yaml", "done"},
      {"ha-tinh/huong-son/son-lam/progress/2024-01.yaml", "postponed"}};  // before the first
  for (const auto& [rel, status] : added) {
    fs::create_directories(fs::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary) << record(status);
    LiveUpdate u = site.update({path(rel)});
    EXPECT_TRUE(u.diags.empty()) << rel;
    EXPECT_FALSE(u.full) << rel;
    EXPECT_EQ(u.reread, 1u);
    expect_same_as_a_build(site);
  }
  // Saved again, it is a record like the others.
  edit("ha-tinh/huong-son/son-lam/progress/them/2024-01.yaml", "status: done", "status: cancelled");
  LiveUpdate u = site.update({path("ha-tinh/huong-son/son-lam/progress/them/2024-01.yaml")});
  EXPECT_FALSE(u.full);
  expect_same_as_a_build(site);
}

TEST_F(LiveSiteTest, ANewRecordWithAProblemKeepsTheLastSoundSite) {
  LiveSite site(options_);
  site.update({});
  const std::string sound = plan_page(site);
  const std::string rel = "ha-tinh/huong-son/son-lam/progress/2023-q2b.yaml";
  std::ofstream(path(rel), std::ios::binary)
      << "plan: \"2023\"\ndate: 2023-07-31\nentries:\n  - task: khong-co-nhiem-vu-nay\n    status: done\n";
  LiveUpdate u = site.update({path(rel)});
  EXPECT_FALSE(u.full);
  expect_the_problems_a_build_gives(u);
  EXPECT_EQ(plan_page(site), sound);

  edit(rel, "khong-co-nhiem-vu-nay", "to-chuc-niem-yet-cong-khai-tthc");
  u = site.update({path(rel)});
  EXPECT_TRUE(u.diags.empty());
  expect_same_as_a_build(site);

  // Naming a plan the unit lacks, or hidden from the loader: the full load decides.
  const std::string other = "ha-tinh/huong-son/son-lam/progress/2023-q4b.yaml";
  std::ofstream(path(other), std::ios::binary) << "plan: \"2031\"\ndate: 2023-12-31\nentries: []\n";
  u = site.update({path(other)});
  EXPECT_TRUE(u.full);
  EXPECT_FALSE(u.diags.empty());
  fs::remove(path(other));
  const std::string hidden = "ha-tinh/huong-son/son-lam/progress/_nhap.yaml";
  std::ofstream(path(hidden), std::ios::binary) << "plan: \"2023\"\n";
  u = site.update({path(other), path(hidden)});
  u = site.update({path(hidden)});
  EXPECT_TRUE(u.full);
  EXPECT_TRUE(u.diags.empty());
  expect_same_as_a_build(site);
}

// A progress sheet saved next to the YAML records (CSV here, a workbook next): picked up as a
// new record, then read again when saved again, as a build reads it.
TEST_F(LiveSiteTest, ASavedProgressSheetIsPickedUp) {
  LiveSite site(options_);
  site.update({});
  const std::string csv = "ha-tinh/huong-son/son-lam/progress/2024-01.csv";
  std::ofstream(path(csv), std::ios::binary)
      << "Mã kế hoạch;2023\nNgày số liệu;15/01/2024\n\nTrạng thái;Kết quả đã làm được;Mã nhiệm vụ\n"
         "Tạm hoãn;Chờ ý kiến huyện;to-chuc-niem-yet-cong-khai-tthc\n";
  LiveUpdate u = site.update({path(csv)});
  EXPECT_TRUE(u.diags.empty()) << format_diagnostic(u.diags.at(0));
  EXPECT_FALSE(u.full);  // read alone, as a new YAML record is
  EXPECT_EQ(u.reread, 1u);
  EXPECT_NE(plan_page(site).find("Chờ ý kiến huyện"), std::string::npos);
  expect_same_as_a_build(site);
  edit(csv, "Chờ ý kiến huyện", "Đã có ý kiến huyện");
  u = site.update({path(csv)});
  EXPECT_TRUE(u.diags.empty());
  EXPECT_FALSE(u.full);
  EXPECT_NE(plan_page(site).find("Đã có ý kiến huyện"), std::string::npos);
  expect_same_as_a_build(site);
  // A mistyped status: the problem a build gives, named by its cell.
  edit(csv, "Tạm hoãn", "xong rồi");
  u = site.update({path(csv)});
  expect_the_problems_a_build_gives(u);
  ASSERT_FALSE(u.diags.empty());
  EXPECT_NE(format_diagnostic(u.diags[0]).find("2024-01.csv:A5: trạng thái \"xong rồi\""), std::string::npos);
}

}  // namespace
}  // namespace congkhai
