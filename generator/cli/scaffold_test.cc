// `congkhai new`: what it writes passes `congkhai check`, and it never overwrites a file.
#include "cli/scaffold.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <vector>
#include <fstream>
#include <sstream>

#include "cli/pipeline.h"
#include "cli/testing_command.h"
#include "load/plan_loader.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

const fs::path kSmallSite = fs::path(CONGKHAI_SOURCE_DIR) / "tests/fixtures/small-site";

using testing::CommandRun;
using testing::read;

// Runs the real binary in `dir`.
CommandRun run_in(const fs::path& dir, const std::string& args) {
  return testing::run_shell("cd '" + dir.string() + "' && SOURCE_DATE_EPOCH=1735689600 " +
                            CONGKHAI_BINARY + " " + args + " 2>&1");
}

class NewCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("congkhai-new-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(kSmallSite / "content", dir_ / "content", fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The check pipeline itself, on the scaffolded tree.
  Diagnostics check() {
    PipelineOptions o;
    o.content_dir = (dir_ / "content").string();
    o.default_theme_dir = CONGKHAI_DEFAULT_THEME_DIR;
    o.as_of = Date{2025, 1, 1};
    return check_site(o).diags;
  }
  std::string problems() {
    std::string out;
    for (const auto& d : check()) out += format_diagnostic(d) + "\n";
    return out;
  }

  fs::path dir_;
};

// Fills every blank "(điền …)" of a starting file as an official would.
void fill_blanks(const fs::path& file) {
  std::istringstream in(read(file));
  std::string out, line;
  while (std::getline(in, line)) {
    const std::size_t at = line.find("(điền ");
    const std::size_t start = line.find_first_not_of(' ');
    if (at != std::string::npos && line[start] != '#') {
      const std::string head = line.substr(0, at);
      if (at == start) line = head + "Nội dung như in trên văn bản.";
      else if (head.ends_with("status: ")) line = head + "in_progress";
      else if (head.ends_with("date: ")) line = head + "2025-07-05";
      else if (head.ends_with("id: ")) line = head + "nhiem-vu-dau-tien";
      else line = head + "Văn bản như in";
    }
    out += line + "\n";
  }
  std::ofstream(file) << out;
}

// A starting file that invents what only the document can say (a legal basis, a task, a
// status, a report's date) leaves blanks that `check` reports, naming what to fill in, until
// they are filled; one that invents nothing (a unit from its command line, a plan copied from
// last year's) passes as written.
TEST_F(NewCommand, EveryScaffoldedFilePassesCheckOnceItsBlanksAreFilled) {
  const std::string unit = "content/ha-tinh/son-lam";
  for (const auto& [args, file] : std::vector<std::pair<std::string, std::string>>{
           {"new unit content/ha-tinh/ky-anh --name \"Kỳ Anh\" --level xa", ""},
           {"new plan content/ha-tinh/ky-anh --year 2025", "content/ha-tinh/ky-anh/plans/2025.md"},
           {"new progress content/ha-tinh/ky-anh --plan 2025 --period 2025-Q1", "content/ha-tinh/ky-anh/progress/2025-q1.yaml"},
           {"new report content/ha-tinh/ky-anh --plan 2025 --period 2025-H1", "content/ha-tinh/ky-anh/reports/2025-h1.md"},
           {"new plan " + unit + " --year 2025 --from 2024", ""},
           {"new progress " + unit + " --plan 2025 --period 2025-Q1", unit + "/progress/2025-q1.yaml"},
           {"new report " + unit + " --plan 2025 --period 2025-Q1", unit + "/reports/2025-q1.md"},
           {"new progress " + unit + " --plan 2024 --period 2024-M05", unit + "/progress/2024-m05.yaml"},
           {"new unit content/ha-tinh/ky-anh/phuong-2 --name 2 --level phuong", ""}}) {
    CommandRun r = run_in(dir_, args);
    EXPECT_EQ(r.code, 0) << args << "\n" << r.output;
    if (!file.empty()) {
      const Diagnostics blanks = check();
      EXPECT_FALSE(blanks.empty()) << "the unedited file passes: congkhai " << args;
      for (const Diagnostic& d : blanks) {
        EXPECT_EQ(d.path, (dir_ / file).string()) << format_diagnostic(d);
        EXPECT_EQ(d.message.rfind("chưa điền: ", 0), 0u) << format_diagnostic(d);
        EXPECT_EQ(d.message_en.rfind("not filled in: ", 0), 0u) << format_diagnostic(d, true);
      }
      fill_blanks(dir_ / file);
    }
    EXPECT_EQ(problems(), "") << "after: congkhai " << args;
  }
  EXPECT_TRUE(fs::exists(dir_ / "content/ha-tinh/ky-anh/unit.yaml"));
  EXPECT_TRUE(fs::exists(dir_ / "content/ha-tinh/ky-anh/plans/2025.md"));
  EXPECT_TRUE(fs::exists(dir_ / "content/ha-tinh/ky-anh/progress/2025-q1.yaml"));
  EXPECT_TRUE(fs::exists(dir_ / "content/ha-tinh/ky-anh/reports/2025-h1.md"));
  EXPECT_TRUE(fs::exists(dir_ / "content/ha-tinh/son-lam/progress/2024-m05.yaml"));
  CommandRun check = run_in(dir_, "check");
  EXPECT_EQ(check.code, 0) << check.output;
}

// The contact citizens look for first is asked for when the unit is made; what is not
// given stays as a commented example to fill in.
TEST_F(NewCommand, NewUnitWritesTheContactItIsGiven) {
  CommandRun r = run_in(dir_, "new unit content/ha-tinh/ky-anh --name \"Kỳ Anh\" --level xa --phone \"0239 3860 000\" "
                              "--hours \"Sáng 7h30–11h30, chiều 13h30–17h00\"");
  ASSERT_EQ(r.code, 0) << r.output;
  const std::string yaml = read(dir_ / "content/ha-tinh/ky-anh/unit.yaml");
  EXPECT_NE(yaml.find("\ncontact:\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\n  phone: \"0239 3860 000\"\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\n  hours: Sáng 7h30–11h30, chiều 13h30–17h00\n"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\n#   address: "), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("\n#   email: "), std::string::npos) << yaml;
  EXPECT_EQ(problems(), "");
}

// Officials fill the files in by reading them: every top-level key comes right after a
// Vietnamese comment saying what it is.
TEST_F(NewCommand, EveryTopLevelKeyIsExplainedByTheCommentAboveIt) {
  const std::string unit = "content/ha-tinh/ky-anh";
  for (const auto& [args, file] : std::vector<std::pair<std::string, std::string>>{
           {"new unit " + unit + " --name \"Kỳ Anh\" --level xa", unit + "/unit.yaml"},
           {"new plan " + unit + " --year 2025", unit + "/plans/2025.md"},
           {"new progress " + unit + " --plan 2025 --period 2025-Q1", unit + "/progress/2025-q1.yaml"},
           {"new report " + unit + " --plan 2025 --period 2025-Q1", unit + "/reports/2025-q1.md"},
           {"new plan content/ha-tinh/son-lam --year 2025 --from 2024", "content/ha-tinh/son-lam/plans/2025.md"}}) {
    ASSERT_EQ(run_in(dir_, args).code, 0) << args;
    std::istringstream text(read(dir_ / file));
    if (file.ends_with("plans/2025.md")) fill_blanks(dir_ / file);  // the progress and report need it
    std::string line, previous;
    int keys = 0, fences = 0;
    while (std::getline(text, line) && fences < 2) {  // a Markdown file's body is not YAML
      if (line == "---") ++fences;
      bool key = !line.empty() && line[0] >= 'a' && line[0] <= 'z' && line.find(':') != std::string::npos;
      if (key && fences < 2) {
        ++keys;
        EXPECT_EQ(previous.rfind("#", 0), 0u) << file << ": no comment above \"" << line << "\"";
      }
      if (!line.empty()) previous = line;
    }
    EXPECT_GE(keys, 2) << file;
  }
}

TEST_F(NewCommand, NeverOverwrites) {
  fs::path plan = dir_ / "content/ha-tinh/son-lam/plans/2024.md";
  std::string before = read(plan);
  CommandRun r = run_in(dir_, "new plan content/ha-tinh/son-lam --year 2024");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("không ghi đè"), std::string::npos) << r.output;
  EXPECT_EQ(read(plan), before);
  EXPECT_EQ(run_in(dir_, "new unit content/ha-tinh/son-lam --name X --level xa").code, 1);
  EXPECT_EQ(run_in(dir_, "new progress content/ha-tinh/son-lam --plan 2024 --period 2024-Q1").code, 1);
  EXPECT_EQ(run_in(dir_, "new report content/ha-tinh/son-lam --plan 2024 --period 2024-Q1").code, 1);
}

TEST_F(NewCommand, RefusesWrongInputs) {
  EXPECT_EQ(run_in(dir_, "new unit content/khong-co/xa-moi --name X --level xa").code, 1);
  EXPECT_EQ(run_in(dir_, "new unit content/ha-tinh/Ky_Anh --name X --level xa").code, 1);
  EXPECT_EQ(run_in(dir_, "new unit content/ha-tinh/ky-anh --name X --level lang").code, 2);
  CommandRun no_plan = run_in(dir_, "new plan content/ha-tinh/son-lam --year 2025 --from 2019");
  EXPECT_EQ(no_plan.code, 1);
  EXPECT_EQ(no_plan.output,
            "congkhai: không có kế hoạch content/ha-tinh/son-lam/plans/2019.md; các kế hoạch có: 2024\n");
  EXPECT_NE(run_in(dir_, "new report content/ha-tinh/son-lam --plan 2042 --period 2024-Q1").output.find(
                "plans/2042.md; các kế hoạch có: 2024\n"),
            std::string::npos);
  EXPECT_EQ(run_in(dir_, "new progress content/ha-tinh/son-lam --plan 2024 --period 2024-Q5").code, 1);
  EXPECT_EQ(run_in(dir_, "new progress content/ha-tinh --plan 2024 --period 2024-Q2").code, 1);
  EXPECT_EQ(problems(), "");
}

TEST_F(NewCommand, PlanFromPreviousYearKeepsTheTableAndClearsTheIssue) {
  ASSERT_EQ(run_in(dir_, "new plan content/ha-tinh/son-lam --year 2025 --from 2024").code, 0);
  Diagnostics d;
  auto old_plan = load_plan((dir_ / "content/ha-tinh/son-lam/plans/2024.md").string(), &d);
  auto plan = load_plan((dir_ / "content/ha-tinh/son-lam/plans/2025.md").string(), &d);
  ASSERT_TRUE(old_plan && plan && d.empty());
  EXPECT_EQ(plan->year, 2025);
  EXPECT_EQ(plan->number, "/KH-UBND");
  EXPECT_FALSE(plan->date.has_value());
  EXPECT_EQ(plan->signer.name, "");
  EXPECT_FALSE(plan->implements.has_value());
  EXPECT_NE(plan->title.find("năm 2025"), std::string::npos);
  ASSERT_EQ(plan->tasks.size(), old_plan->tasks.size());
  for (std::size_t i = 0; i < plan->tasks.size(); ++i) {
    EXPECT_EQ(plan->tasks[i].id, old_plan->tasks[i].id);
    EXPECT_TRUE(plan->tasks[i].id_explicit);
    EXPECT_EQ(plan->tasks[i].text, old_plan->tasks[i].text);
    EXPECT_EQ(plan->tasks[i].number, old_plan->tasks[i].number);
    EXPECT_EQ(plan->tasks[i].lead, old_plan->tasks[i].lead);
    EXPECT_EQ(plan->tasks[i].section, old_plan->tasks[i].section);
  }
  EXPECT_EQ(plan->tasks[2].timeframe, "Quý II/2025");
  EXPECT_EQ(plan->sections.size(), old_plan->sections.size());
  EXPECT_EQ(plan->targets.size(), old_plan->targets.size());
  EXPECT_EQ(plan->body, old_plan->body);
}

// The appendix heading is the previous year's with the new year; its "(Kèm theo Kế hoạch số …)"
// line names the old plan's number and date, so it is left as a comment to rewrite.
TEST_F(NewCommand, PlanFromPreviousYearKeepsTheAppendixHeadingAndColumns) {
  fs::path old_plan = dir_ / "content/ha-tinh/son-lam/plans/2024.md";
  std::string text = read(old_plan);
  text.replace(text.find("tasks:\n"), 7,
               "appendix:\n  title: NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024\n"
               "  note: \"(Kèm theo Kế hoạch số 12/KH-UBND ngày 20/02/2024 của UBND xã)\"\n"
               "  columns: {number: TT, output: Kết quả}\ntasks:\n");
  std::ofstream(old_plan, std::ios::binary) << text;
  ASSERT_EQ(problems(), "");
  ASSERT_EQ(run_in(dir_, "new plan content/ha-tinh/son-lam --year 2025 --from 2024").code, 0);
  Diagnostics d;
  auto plan = load_plan((dir_ / "content/ha-tinh/son-lam/plans/2025.md").string(), &d);
  ASSERT_TRUE(plan && d.empty());
  EXPECT_EQ(plan->appendix_title, "NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2025");
  EXPECT_EQ(plan->appendix_note, "");
  EXPECT_EQ(plan->columns.number, "TT");  // the printed column headings carry over
  EXPECT_EQ(plan->columns.output, "Kết quả");
  EXPECT_NE(read(dir_ / "content/ha-tinh/son-lam/plans/2025.md")
                .find("#   note: (Kèm theo Kế hoạch số 12/KH-UBND ngày 20/02/2024 của UBND xã)\n"),
            std::string::npos);
  EXPECT_EQ(problems(), "");
}

TEST_F(NewCommand, ProgressListsEveryTaskOfThePlan) {
  ASSERT_EQ(run_in(dir_, "new progress content/ha-tinh/son-lam --plan 2024 --period 2024-Q2").code, 0);
  std::string text = read(dir_ / "content/ha-tinh/son-lam/progress/2024-q2.yaml");
  YAML::Node root = YAML::Load(text);
  EXPECT_EQ(root["plan"].as<std::string>(), "2024");
  EXPECT_EQ(root["date"].as<std::string>(), "2024-06-30");
  ASSERT_EQ(root["entries"].size(), 3u);
  EXPECT_EQ(root["entries"][1]["task"].as<std::string>(), "niem-yet-cong-khai");
  // No status is claimed for the official: each is a blank to fill in.
  for (const auto& e : root["entries"]) EXPECT_EQ(e["status"].as<std::string>().rfind("(điền trạng thái ", 0), 0u);
  EXPECT_NE(text.find("# status: not_started (chưa bắt đầu)"), std::string::npos);
}

TEST(YamlScalar, ReadsBackAsTheSameText) {
  for (const std::string s :
       {"Sơn Lâm", "2", "2.1", "I", "Lưu: VT.", "a: b", "a #b", "- x", "yes", "No", "null", "~", "",
        " lề", "\"ngoặc\"", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x", "`x", "|x", ">x", "'x'",
        "2024-03-31", "dòng 1\ndòng 2", "tab\there", "a\\b", "#1", "x:", "?x", "100%", ".5"}) {
    YAML::Node n = YAML::Load("k: " + yaml_scalar(s));
    EXPECT_EQ(n["k"].as<std::string>(""), s) << yaml_scalar(s);
  }
}

// U+0085, U+2028 and U+2029 are line breaks to YAML: a task line copied into a comment once
// broke the comment in two, and the new progress file failed `check`. Content files refuse
// them now, but what the scaffold writes must never hold one, whatever its plan holds.
TEST(Scaffold, NeverWritesUnusualLineBreaks) {
  const std::string nel = "\xC2\x85", ls = "\xE2\x80\xA8", ps = "\xE2\x80\xA9";
  Plan plan;
  plan.id = "2024";
  plan.year = 2024;
  plan.number = "12/KH" + ps + "UBND";
  plan.issuer = "UBND xã" + nel + "Sơn Lâm";
  Task a;
  a.id = "niem-yet";
  a.number = "1" + ls;
  a.text = "Niêm yết" + ls + "status: done" + nel + "thủ tục" + ps + "- x";
  a.timeframe = "Quý" + ls + "I";
  plan.tasks.push_back(a);
  Task b;
  b.id = "so-hoa";
  b.text = "Số hoá";
  plan.tasks.push_back(b);
  Target t;
  t.id = "ho-so";
  t.measure = "Tỷ lệ" + ps + "hồ sơ";
  t.value = 50;
  plan.targets.push_back(t);
  Period q1{Period::Kind::kQuarter, 2024, 1};
  for (const std::string& text : {scaffold_progress(plan, q1), scaffold_plan_from(plan, 2025)}) {
    for (const std::string& bad : {nel, ls, ps}) EXPECT_EQ(text.find(bad), std::string::npos) << text;
    // Every line is a comment, or YAML that reads back: no comment spilled onto a line of its own.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      EXPECT_EQ(line.find("status: done"), std::string::npos) << line;
  }
  YAML::Node root = YAML::Load(scaffold_progress(plan, q1));
  ASSERT_EQ(root["entries"].size(), 2u);
  EXPECT_EQ(root["entries"][0]["task"].as<std::string>(), "niem-yet");
  // A value with one becomes a value with a line break, and reads back as such.
  EXPECT_EQ(YAML::Load("k: " + yaml_scalar("Sơn" + ls + "Lâm"))["k"].as<std::string>(), "Sơn\nLâm");
}

TEST(PeriodLabel, ReadsLikeTheDocuments) {
  Period p;
  ASSERT_TRUE(parse_period("2025-Q1", &p));
  EXPECT_EQ(period_label(p), "Quý I/2025");
  ASSERT_TRUE(parse_period("2025-H2", &p));
  EXPECT_EQ(period_label(p), "6 tháng cuối năm 2025");
  ASSERT_TRUE(parse_period("2025-M03", &p));
  EXPECT_EQ(period_label(p), "Tháng 3/2025");
}

}  // namespace
}  // namespace congkhai
