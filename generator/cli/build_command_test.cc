// End to end: the real `congkhai` binary on the real sample content and on broken copies.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/testing_command.h"
#include "load/content_tree.h"
#include "write/output_lock.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

using Outcome = testing::CommandRun;
using testing::read;

Outcome run(const std::string& args, const std::string& env = "SOURCE_DATE_EPOCH=1735689600") {
  return testing::run_shell(env + " " + CONGKHAI_BINARY + " " + args + " 2>&1");
}

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("congkhai-e2e-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

const fs::path kContent = fs::path(CONGKHAI_SOURCE_DIR) / "content";

class SampleSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new fs::path(temp_dir("sample") / "public");
    // As of a day when every sample plan had been issued: a build leaves out what is later.
    result_ = new Outcome(
        run("build --content " + kContent.string() + " --out " + out_->string() + " --as-of 2026-10-15"));
  }
  static void TearDownTestSuite() {
    fs::remove_all(out_->parent_path());
    delete out_;
    delete result_;
  }
  static fs::path* out_;
  static Outcome* result_;
};
fs::path* SampleSite::out_ = nullptr;
Outcome* SampleSite::result_ = nullptr;

TEST_F(SampleSite, BuildsWithoutProblems) {
  EXPECT_EQ(result_->code, 0) << result_->output;
  EXPECT_TRUE(fs::exists(*out_ / "index.html"));
  EXPECT_TRUE(fs::exists(*out_ / "404.html"));
}

// Every task of every seed plan appears on its plan's page, in printed order, with its
// number exactly as printed.
TEST_F(SampleSite, EveryTaskAppearsInOrderWithItsPrintedNumber) {
  Diagnostics d;
  Portal portal = load_portal(kContent.string(), &d);
  ASSERT_TRUE(d.empty());
  std::size_t rows = 0;
  for (const auto& plan : portal.plans) {
    std::string page_path = portal.units[plan.unit].url_path + "/ke-hoach/" + plan.id + "/index.html";
    std::string html = read(*out_ / page_path);
    ASSERT_FALSE(html.empty()) << page_path;
    std::size_t last = 0;
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
      const Task& t = plan.tasks[i];
      std::size_t at = html.find("id=\"nv-" + t.id + "\"");
      ASSERT_NE(at, std::string::npos) << plan.path << ": task " << t.id;
      EXPECT_GT(at, last) << plan.path << ": task " << t.id << " is out of order";
      std::size_t next = i + 1 < plan.tasks.size() ? html.find("id=\"nv-" + plan.tasks[i + 1].id + "\"")
                                                   : html.find("</table>", at);
      std::string row = html.substr(at, next - at);
      if (!t.number.empty())
        EXPECT_NE(row.find(">" + t.number + "<"), std::string::npos)
            << plan.path << ": number " << t.number << " of " << t.id;
      last = at;
      ++rows;
    }
  }
  EXPECT_EQ(rows, 65u);  // every printed row, the row "2.4" of 2026 with its sub-rows
}

// The open-data page links every data file the build published, each by a link that resolves
// from the page to the file.
TEST_F(SampleSite, OpenDataPageLinksEveryPublishedDataFile) {
  std::string html = read(*out_ / "du-lieu/index.html");
  ASSERT_FALSE(html.empty());
  const fs::path page_dir = *out_ / "du-lieu";
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(*out_)) {
    std::string name = entry.path().filename().string();
    bool data = entry.path().extension() == ".csv" && entry.path().parent_path().filename() == "du-lieu";
    data = data || name == "datapackage.json" || name == "ke-hoach.json" || name == "feed.xml" ||
           name == "ke-hoach.schema.json";
    if (!entry.is_regular_file() || !data) continue;
    std::string href = fs::relative(entry.path(), page_dir).generic_string();
    EXPECT_NE(html.find("<a href=\"" + href + "\""), std::string::npos) << href;
    ++files;
  }
  // The portal's data package and feed; each of the 8 units: its feed; the 5 with units below
  // them (each has plans below it): their data packages; the 3 communes with plans: 5 CSVs
  // each, and a link to their district's package; the schema; 3 plans.
  EXPECT_EQ(files, 2u + 8u + 5u + 3u * 5u + 1u + 3u);
  for (const char* commune : {"ha-tinh/huong-son/son-lam/", "hai-duong/thanh-ha/thanh-xuan/", "thai-nguyen/dinh-hoa/"})
    EXPECT_FALSE(fs::exists(*out_ / commune / "datapackage.json")) << commune;
  EXPECT_NE(html.find("<li><a href=\"../ha-tinh/huong-son/datapackage.json\" type=\"application/json\">"
                      "Gói dữ liệu (Frictionless) của huyện Hương Sơn</a>, gồm các bảng trên"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://creativecommons.org/licenses/by/4.0/deed.vi\">CC BY 4.0</a>"),
            std::string::npos);
  EXPECT_NE(read(*out_ / "index.html").find("<a href=\"du-lieu/index.html\">Dữ liệu mở</a>"), std::string::npos);
}

TEST_F(SampleSite, SeedNumberingIsKeptAsPrinted) {
  Diagnostics d;
  Portal portal = load_portal(kContent.string(), &d);
  std::map<int, const Plan*> by_year;
  for (const auto& p : portal.plans) by_year[p.year] = &p;
  ASSERT_EQ(by_year.size(), 3u);
  EXPECT_EQ(by_year[2023]->tasks.size(), 28u);
  EXPECT_EQ(by_year[2024]->tasks.size(), 20u);
  // Seed 004's row "2.4" (printed like the tasks 2.2 and 2.3) holds the sub-rows 2.4.1, 2.4.2.
  ASSERT_EQ(by_year[2026]->tasks.size(), 17u);
  int with_subtasks = 0;
  for (const auto& t : by_year[2026]->tasks)
    if (!t.subtasks.empty()) {
      ++with_subtasks;
      EXPECT_EQ(t.number, "2.4");
      ASSERT_EQ(t.subtasks.size(), 2u);
      EXPECT_EQ(by_year[2026]->tasks[t.subtasks[1]].number, "2.4.2");
      EXPECT_EQ(full_number(*by_year[2026], by_year[2026]->tasks[t.subtasks[1]]), "2.4.2");
    }
  EXPECT_EQ(with_subtasks, 1);
  int unnumbered = 0;
  for (const auto& t : by_year[2024]->tasks) unnumbered += t.number.empty();
  EXPECT_EQ(unnumbered, 2);
  int twice = 0;
  for (const auto& t : by_year[2026]->tasks) twice += t.number == "2.1";
  for (const auto& s : by_year[2026]->sections) twice += s.number == "2.1";
  EXPECT_EQ(twice, 2);
}

// The appendix's own heading and "(Kèm theo Kế hoạch số …)" line are the task table's caption.
TEST_F(SampleSite, PlanPageShowsTheAppendixHeading) {
  std::string html = read(*out_ / "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  std::size_t table = html.find("<table class=\"tasks\">\n<caption><span class=\"appendix-title\">NỘI DUNG KẾ HOẠCH HOẠT ĐỘNG KIỂM SOÁT");
  std::size_t note = html.find("<span class=\"appendix-note\">(Kèm theo Kế hoạch số 28 /KH-UBND ngày 03 tháng 03 năm 2023 của UBND xã)</span></caption>");
  ASSERT_NE(table, std::string::npos) << html;
  EXPECT_LT(table, note);
}

TEST_F(SampleSite, ContentIsEscaped) {
  std::string home = read(*out_ / "index.html");
  EXPECT_NE(home.find("<html lang=\"vi\""), std::string::npos);
  EXPECT_EQ(home.find("<script>alert"), std::string::npos);
}

// "%XX" in a link is decoded by the browser before the file is looked up.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The relative links to published files ("…tep/…") in `text`, between `open` and a closing `"`.
std::vector<std::string> file_links(const std::string& text, const std::string& open) {
  std::vector<std::string> out;
  for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at + 1)) {
    std::size_t start = at + open.size(), end = text.find('"', start);
    std::string link = text.substr(start, end - start);
    if (link.find("tep/") != std::string::npos && link.find(':') == std::string::npos) out.push_back(link);
  }
  return out;
}

// Attachment and evidence names holding "#", "?", "%", spaces and Vietnamese letters: every
// link the pages and the plan data make to them leads to the very file that was written.
TEST(AttachmentLinks, ResolveToTheWrittenFilesWhateverTheirNames) {
  fs::path dir = temp_dir("attachment-names");
  fs::copy(fs::path(CONGKHAI_SOURCE_DIR) / "tests/fixtures/small-site/content", dir / "content",
           fs::copy_options::recursive);
  const fs::path commune = dir / "content/ha-tinh/son-lam";
  const std::string report_name = "Báo cáo #1 ?50% (quý I).pdf";
  const std::string evidence_name = "kế hoạch 12#a?b%20.pdf";
  fs::rename(commune / "reports/bao-cao-q1-2024.pdf", commune / "reports" / report_name);
  fs::rename(commune / "progress/files/ke-hoach-12.pdf", commune / "progress/files" / evidence_name);
  auto replace = [](const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read(file);
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary) << text;
  };
  replace(commune / "reports/2024-q1.md", "file: bao-cao-q1-2024.pdf", "file: \"" + report_name + "\"");
  replace(commune / "progress/2024-q1.yaml", "file: files/ke-hoach-12.pdf", "file: \"files/" + evidence_name + "\"");
  const fs::path out = dir / "public";
  Outcome r = run("build --content " + (dir / "content").string() + " --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.output;

  std::set<std::string> reached;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    std::string ext = e.path().extension().string();
    if (ext != ".html" && ext != ".json") continue;
    std::string text = read(e.path());
    for (const std::string& link : file_links(text, ext == ".html" ? "href=\"" : "\"url\": \"")) {
      EXPECT_EQ(link.find_first_of(" #?"), std::string::npos) << e.path() << ": " << link;
      fs::path target = e.path().parent_path() / percent_decode(link);
      EXPECT_TRUE(fs::is_regular_file(target)) << e.path() << ": " << link;
      reached.insert(target.filename().string());
    }
  }
  EXPECT_TRUE(reached.count(report_name)) << "no link reaches " << report_name;
  EXPECT_TRUE(reached.count(evidence_name)) << "no link reaches " << evidence_name;
  fs::remove_all(dir);
}

// A copy of the sample content to break.
class BrokenContent : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::copy(kContent, dir_ / "content", fs::copy_options::recursive);
    out_ = dir_ / "public";
    ASSERT_EQ(run("build --content " + (dir_ / "content").string() + " --out " + out_.string()).code, 0);
    before_ = read(out_ / "index.html");
    for (const auto& e : fs::recursive_directory_iterator(dir_ / "content"))
      if (e.path().parent_path().filename() == "plans" && plan_.empty()) plan_ = e.path();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void edit(const std::string& from, const std::string& to) {
    std::string text = read(plan_);
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(plan_, std::ios::binary) << text;
  }
  int line_of(const std::string& needle) {
    std::string text = read(plan_);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(needle), '\n'));
  }
  Outcome check() { return run("check --content " + (dir_ / "content").string()); }
  Outcome build() { return run("build --content " + (dir_ / "content").string() + " --out " + out_.string()); }
  void expect_untouched() { EXPECT_EQ(read(out_ / "index.html"), before_); }

  fs::path dir_, out_, plan_;
  std::string before_;
};

TEST_F(BrokenContent, YamlSyntaxError) {
  int line = line_of("\ntitle:") + 1;
  edit("\ntitle:", "\ntitle: [");
  Outcome r = check();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find(plan_.string() + ":"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cú pháp YAML"), std::string::npos) << r.output;
  (void)line;
  EXPECT_EQ(build().code, 1);
  expect_untouched();
}

TEST_F(BrokenContent, MissingRequiredField) {
  int line = line_of("\nissuer:") + 1;
  std::string text = read(plan_);
  auto at = text.find("\nissuer:");
  auto end = text.find('\n', at + 1);
  edit(text.substr(at, end - at), "");
  Outcome r = check();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find(plan_.string() + ":2:1: thiếu khoá bắt buộc \"issuer\""), std::string::npos)
      << r.output;
  (void)line;
  EXPECT_EQ(build().code, 1);
  expect_untouched();
}

TEST_F(BrokenContent, DuplicateTaskId) {
  std::string text = read(plan_);
  auto at = text.find("\n      - ");
  ASSERT_NE(at, std::string::npos);
  // Give the first two tasks of the table the same explicit id.
  std::size_t first = text.find("task:", at);
  std::size_t second = text.find("task:", first + 5);
  std::string indent1 = "id: dup\n" + std::string(text.begin() + text.rfind('\n', first) + 1, text.begin() + first);
  std::string indent2 = "id: dup\n" + std::string(text.begin() + text.rfind('\n', second) + 1, text.begin() + second);
  text.insert(second, indent2);
  text.insert(first, indent1);
  std::ofstream(plan_, std::ios::binary) << text;
  // The message names the line where the first of the two tasks starts: its "- number:" line.
  int line = line_of("id: dup\n") - 1;
  Outcome r = check();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("mã nhiệm vụ \"dup\" trùng với nhiệm vụ ở dòng " + std::to_string(line)), std::string::npos)
      << r.output;
  EXPECT_EQ(build().code, 1);
  expect_untouched();
}

TEST_F(BrokenContent, AllProblemsAreReportedAtOnce) {
  edit("\ntitle:", "\ntitel:");
  edit("\nyear:", "\nyear: nam\nx:");
  Outcome r = check();
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("Tìm thấy 4 lỗi"), std::string::npos) << r.output;
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run("frobnicate").code, 2);
  EXPECT_EQ(run("build --no-such-flag").code, 2);
  EXPECT_EQ(run("--version").code, 0);
  EXPECT_EQ(run("build --as-of 2024-13-01", "").code, 2);
}

// A wrong command line is never silently ignored: an --as-of that is no day while
// SOURCE_DATE_EPOCH is set (the flag wins over it, so it must be checked), a --theme that is
// not a folder. Nothing is written.
TEST(Cli, WrongFlagsAreUsageErrorsEvenWhenSomethingElseCouldStandIn) {
  fs::path dir = temp_dir("wrong-flags");
  const std::string common = "--content " + kContent.string() + " --out " + (dir / "public").string();
  Outcome bad_day = run("build --as-of 2023-02-30 " + common);  // SOURCE_DATE_EPOCH is set
  EXPECT_EQ(bad_day.code, 2) << bad_day.output;
  EXPECT_NE(bad_day.output.find("2023-02-30"), std::string::npos) << bad_day.output;
  Outcome en = run("--lang en check --as-of 2023-02-30 --content " + kContent.string());
  EXPECT_EQ(en.code, 2);
  EXPECT_NE(en.output.find("--as-of is invalid"), std::string::npos) << en.output;
  Outcome no_theme = run("build --theme " + (dir / "no-such-theme").string() + " " + common);
  EXPECT_EQ(no_theme.code, 2) << no_theme.output;
  EXPECT_NE(no_theme.output.find("không có thư mục này"), std::string::npos) << no_theme.output;
  std::ofstream(dir / "theme-file") << "x";
  Outcome file_theme = run("--lang en check --theme " + (dir / "theme-file").string() + " --content " + kContent.string());
  EXPECT_EQ(file_theme.code, 2) << file_theme.output;
  EXPECT_NE(file_theme.output.find("not a folder"), std::string::npos) << file_theme.output;
  EXPECT_FALSE(fs::exists(dir / "public"));
  fs::remove_all(dir);
}

// Two builds into one output never interleave: the second waits for the first's lock (here
// held by the test), says so, and publishes only once it is released.
TEST(Cli, ASecondBuildIntoTheSameOutputWaitsForTheFirst) {
  fs::path dir = temp_dir("output-lock");
  const fs::path out = dir / "public";
  fs::create_directories(fs::path(output_lock_path(out.string())).parent_path());
  int held = ::open(output_lock_path(out.string()).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  ASSERT_GE(held, 0);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);
  std::atomic<bool> finished{false};
  Outcome second;
  std::thread build([&] {
    second = run("build --content " + kContent.string() + " --out " + out.string());
    finished = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_FALSE(finished);
  EXPECT_FALSE(fs::exists(out));
  ::close(held);
  build.join();
  EXPECT_EQ(second.code, 0) << second.output;
  EXPECT_NE(second.output.find("Đang chờ một lần tạo khác ghi vào"), std::string::npos) << second.output;
  EXPECT_TRUE(fs::exists(out / "index.html"));
  fs::remove_all(dir);
}

TEST(Cli, AsOfWinsOverSourceDateEpoch) {
  fs::path dir = temp_dir("as-of-wins");
  Outcome r = run("build --as-of 2024-06-30 --content " + kContent.string() + " --out " + (dir / "public").string(),
                  "SOURCE_DATE_EPOCH=1735689600");  // 2025-01-01
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(testing::read(dir / "public/index.html").find("datetime=\"2024-06-30\""), std::string::npos);
  fs::remove_all(dir);
}

// In GitHub Actions (GITHUB_ACTIONS=true) problems also come as annotations on the changed
// lines, without --format github; elsewhere only when asked.
TEST(Cli, GithubActionsSwitchesOnAnnotations) {
  fs::path dir = temp_dir("annotations");
  fs::copy(kContent, dir / "content", fs::copy_options::recursive);
  std::ofstream(dir / "content/ha-tinh/unit.yaml", std::ios::binary) << "name: Hà Tĩnh\nlevel: tinh\nnmae: x\n";
  const std::string args = "check --content " + (dir / "content").string();
  const std::string annotation = "::error file=" + (dir / "content/ha-tinh/unit.yaml").string() + ",line=3,col=1::";
  Outcome in_actions = run(args, "GITHUB_ACTIONS=true");
  EXPECT_EQ(in_actions.code, 1);
  EXPECT_NE(in_actions.output.find(annotation), std::string::npos) << in_actions.output;
  Outcome elsewhere = run(args, "env -u GITHUB_ACTIONS");
  EXPECT_EQ(elsewhere.code, 1);
  EXPECT_EQ(elsewhere.output.find("::error"), std::string::npos) << elsewhere.output;
  EXPECT_EQ(run(args, "GITHUB_ACTIONS=false").output.find("::error"), std::string::npos);
  EXPECT_NE(run("--format github " + args, "env -u GITHUB_ACTIONS").output.find(annotation), std::string::npos);
  fs::remove_all(dir);
}

TEST(Cli, EnglishMessages) {
  fs::path dir = temp_dir("english");
  Outcome r = run("--lang en check --content " + (dir / "nothing").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("content folder not found"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace congkhai
