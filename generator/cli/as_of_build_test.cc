// End to end: the real `congkhai` binary builds the sample content as of two days, and every
// page, feed, table, plan JSON and search file shows the portal as it stood that day: nothing
// dated later anywhere, and the same figures everywhere.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/testing_command.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;

const fs::path kContent = fs::path(CONGKHAI_SOURCE_DIR) / "content";

// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks), by column name.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[++i];
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r') {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c) row[rows[0][c]] = rows[r][c];
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& re) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

struct Day {
  std::string iso;
  std::string line;               // what the build says it left out
  std::string about;              // and the about page
  std::vector<std::string> plans;  // the plans on the site, as their pages' folders
  std::vector<std::string> gone;   // addresses that must appear nowhere
};

class AsOfBuild : public ::testing::TestWithParam<Day> {
 protected:
  void SetUp() override {
    out_ = fs::temp_directory_path() / ("congkhai-as-of-" + std::to_string(::getpid()) + "-" + GetParam().iso) / "public";
    fs::remove_all(out_.parent_path());
    fs::create_directories(out_.parent_path());
    run_ = testing::run_shell("SOURCE_DATE_EPOCH= " + std::string(CONGKHAI_BINARY) + " build --no-cache --content " +
                              kContent.string() + " --out " + out_.string() + " --as-of " + GetParam().iso + " 2>&1");
  }
  void TearDown() override { fs::remove_all(out_.parent_path()); }
  std::string file(const std::string& rel) const { return read(out_ / rel); }
  // The rows of one open-data table over the whole portal: every unit's piece of it.
  std::vector<std::map<std::string, std::string>> table(const std::string& name) const {
    std::vector<std::map<std::string, std::string>> rows;
    for (const auto& e : fs::recursive_directory_iterator(out_)) {
      const std::string rel = e.path().lexically_relative(out_).generic_string();
      if (e.path().filename() != name || e.path().parent_path().filename() != "du-lieu" || rel.starts_with("tep/"))
        continue;
      auto piece = csv_rows(read(e.path()));
      rows.insert(rows.end(), piece.begin(), piece.end());
    }
    return rows;
  }

  fs::path out_;
  testing::CommandRun run_;
};

TEST_P(AsOfBuild, NothingDatedLaterAppearsAndTheFiguresAgree) {
  const Day& day = GetParam();
  ASSERT_EQ(run_.code, 0) << run_.output;
  EXPECT_NE(run_.output.find(day.line), std::string::npos) << run_.output;
  EXPECT_NE(file("gioi-thieu/index.html").find("<span class=\"left-out\">" + day.about), std::string::npos);

  // Nothing dated later, in any file: no page of it, no link to it, no search entry for it.
  std::size_t text_files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out_)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = e.path().lexically_relative(out_).generic_string();
    for (const std::string& gone : day.gone) EXPECT_EQ(rel.find(gone), std::string::npos) << rel;
    const std::string ext = e.path().extension().string();
    if (ext != ".html" && ext != ".xml" && ext != ".csv" && ext != ".json" && ext != ".js" && ext != ".txt") continue;
    ++text_files;
    const std::string text = read(e.path());
    for (const std::string& gone : day.gone) EXPECT_EQ(text.find(gone), std::string::npos) << gone << " in " << rel;
  }
  EXPECT_GT(text_files, 40u);

  // The plans: the tables, the plan data and the pages agree.
  const auto plans = table("ke-hoach.csv");
  ASSERT_EQ(plans.size(), day.plans.size());
  long tasks = 0, done = 0;
  for (const auto& p : plans) {
    tasks += std::stol(p.at("tasks"));
    done += std::stol(p.at("tasks_done"));
    EXPECT_EQ(p.at("as_of"), day.iso);
  }
  for (const std::string& plan : day.plans) {
    // Its data, among its unit's plans' in the unit's file.
    const std::size_t at = plan.rfind("/ke-hoach/");
    const std::string json = file(plan.substr(0, at) + "/du-lieu/ke-hoach.json");
    EXPECT_TRUE(std::regex_search(json, std::regex("\"as_of\": *\"" + day.iso + "\""))) << plan;
    EXPECT_NE(json.find("\"page\":\"../ke-hoach/" + plan.substr(at + 10) + "index.html\""), std::string::npos) << plan;
  }
  EXPECT_EQ(table("nhiem-vu.csv").size(), static_cast<std::size_t>(tasks));
  const std::string home = file("index.html");
  const std::regex total(R"(<span data-n="total">(\d+)</span>)");
  ASSERT_FALSE(all_matches(home, total).empty());
  EXPECT_EQ(std::stol(all_matches(home, total)[0]), tasks);
  const std::regex done_part(R"(data-n="part" data-key="done">(\d+)<)");
  ASSERT_FALSE(all_matches(home, done_part).empty());
  EXPECT_EQ(std::stol(all_matches(home, done_part)[0]), done);

  // Progress and measurements: none dated after the day, in the tables, the updates or the feed.
  for (const char* name : {"tien-do.csv", "so-lieu.csv"}) {
    const auto rows = table(name);
    if (std::string(name) == "tien-do.csv") EXPECT_FALSE(rows.empty());
    for (const auto& r : rows) EXPECT_LE(r.at("date").substr(0, 10), day.iso) << name;
  }
  for (const std::string& d : all_matches(file("cap-nhat/index.html"), std::regex(R"(datetime="([0-9-]{10}))")))
    EXPECT_LE(d, day.iso);
  const std::string feed = file("feed.xml");
  for (const std::string& d : all_matches(feed, std::regex(R"(<updated>([0-9-]{10}))"))) EXPECT_LE(d, day.iso);

  // Every report on the site is in the feed and among the updates; every report the pages,
  // the feed or the tables name has its page.
  std::set<std::string> report_pages;
  for (const auto& e : fs::recursive_directory_iterator(out_)) {
    const std::string rel = e.path().lexically_relative(out_).generic_string();
    static const std::regex report(R"((.*/bao-cao/[^/]+/)index\.html)");
    std::smatch m;
    if (std::regex_match(rel, m, report)) report_pages.insert(m[1]);
  }
  EXPECT_FALSE(report_pages.empty());
  const std::string updates = file("cap-nhat/index.html");
  for (const std::string& r : report_pages) {
    EXPECT_NE(feed.find(r), std::string::npos) << r;
    EXPECT_NE(updates.find(r), std::string::npos) << r;
  }
  const std::regex named(R"(((?:[a-z0-9-]+/)+bao-cao/[a-z0-9-]+/))");
  for (const std::string& text : {home, updates, feed, file("sitemap.xml")})
    for (const std::string& r : all_matches(text, named))
      EXPECT_TRUE(report_pages.count(r.substr(r.find_first_not_of("./")))) << r;
}

INSTANTIATE_TEST_SUITE_P(
    Sample, AsOfBuild,
    ::testing::Values(
        // Only Sơn Lâm's plan of 2023 had been issued; its progress of the third and fourth
        // quarters is later, so are the other two plans and Thanh Xuân's report.
        Day{"2023-06-30", "Tính đến ngày 30/06/2023: không đưa vào trang 2 kế hoạch, 1 báo cáo",
            "2 kế hoạch; 1 báo cáo;",
            {"ha-tinh/huong-son/son-lam/ke-hoach/2023/"},
            {"thanh-xuan/ke-hoach/2024", "dinh-hoa/ke-hoach/2026", "bao-cao/2024-h1", "2023-q3.yaml",
             "so-lieu-ho-so-quy-3-2023.csv",
             "Kế hoạch kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và thực hiện thủ tục "
             "hành chính trên môi trường điện tử trong giải quyết thủ tục hành chính xã Định Hoá"}},
        // Thanh Xuân's plan is there, its report of 05/07/2024 is not; Định Hoá's plan of 2026
        // is not either.
        Day{"2024-06-30", "Tính đến ngày 30/06/2024: không đưa vào trang 1 kế hoạch, 1 báo cáo",
            "1 kế hoạch; 1 báo cáo;",
            {"ha-tinh/huong-son/son-lam/ke-hoach/2023/", "hai-duong/thanh-ha/thanh-xuan/ke-hoach/2024/"},
            {"dinh-hoa/ke-hoach/2026", "bao-cao/2024-h1", "2024-q3.yaml", "52/BC-UBND"}}),
    [](const ::testing::TestParamInfo<Day>& info) {
      std::string name = info.param.iso;
      for (char& c : name)
        if (c == '-') c = '_';
      return "AsOf_" + name;
    });

}  // namespace
}  // namespace congkhai
