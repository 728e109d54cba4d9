// The three sample plans as Word documents (tests/fixtures/import/, made with LibreOffice from
// the plans in content/; two of them again with the heading in text boxes) imported and
// compared field by field with the plans in content/, both loaded with the plan loader: the
// share of task rows whose number, text, lead, partners, output and timeframe are all exactly
// right, and of header fields. Every row must be there: the row count matches, or the review
// list names the uncertain row.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "import/docx_reader.h"
#include "import/plan_recogniser.h"
#include "import/testing_plan_compare.h"
#include "load/plan_loader.h"

namespace congkhai::import {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Fixture {
  const char* name;
  const char* plan;
};

class ImportFixture : public ::testing::TestWithParam<Fixture> {};

TEST_P(ImportFixture, DocxMatchesTheHandTranscribedPlan) {
  const std::string root = CONGKHAI_SOURCE_DIR;
  const Fixture f = GetParam();
  ReadProblem problem;
  auto doc = read_docx(slurp(root + "/tests/fixtures/import/" + f.name + ".docx"), f.name, &problem);
  ASSERT_TRUE(doc) << problem.en;
  auto result = recognise_plan(*doc);
  Diagnostics dg, dw;
  std::string stem = std::string(f.plan).substr(std::string(f.plan).rfind('/') + 1);
  auto got = parse_plan("plans/" + stem, result.text, &dg);
  ASSERT_TRUE(got) << result.text;
  for (const auto& d : dg) ADD_FAILURE() << format_diagnostic(d, true);
  auto want = load_plan(root + "/" + f.plan, &dw);
  ASSERT_TRUE(want);
  Score s = compare_plans(*got, *want);
  for (const auto& w : s.wrong) ADD_FAILURE() << w;
  // never a row silently lost
  EXPECT_EQ(got->tasks.size(), want->tasks.size()) << result.text;
  // targets proposed (task, comparison, value) against those transcribed
  std::set<std::string> proposed, transcribed;
  for (const auto& t : result.targets) proposed.insert(t.task + " " + t.comparison + " " + t.value);
  for (const auto& t : want->targets)
    transcribed.insert(t.task + " " + (t.comparison == Comparison::kAtLeast ? "at_least" : t.comparison == Comparison::kAtMost ? "at_most" : "exactly") +
                       " " + t.value_text);
  std::size_t found = 0;
  for (const auto& t : transcribed) found += proposed.count(t);
  EXPECT_EQ(proposed, transcribed);
  std::cout << "[ import ] " << f.name << ".docx: targets proposed " << proposed.size() << ", of the " << transcribed.size()
            << " transcribed " << found << " found\n";
  std::cout << "[ import ] " << f.name << ".docx: task rows " << s.rows_right << "/" << s.rows << " ("
            << (s.rows ? 100 * s.rows_right / s.rows : 100) << "%), header fields " << s.header_right << "/" << s.header << " ("
            << 100 * s.header_right / s.header << "%), review items " << result.review.size() << "\n";
  EXPECT_EQ(s.rows_right, s.rows);
  EXPECT_EQ(s.header_right, s.header);
}

// LibreOffice saves each box twice (DrawingML and a VML copy in mc:AlternateContent): read once,
// before the paragraph that holds the anchors, the issuer's box (left) before the motto's.
TEST(ImportFixtureTextBoxes, HeadingBoxesAreReadOnceInReadingOrder) {
  ReadProblem problem;
  auto doc = read_docx(slurp(std::string(CONGKHAI_SOURCE_DIR) + "/tests/fixtures/import/dinh-hoa-2026-hop-van-ban.docx"), "x.docx", &problem);
  ASSERT_TRUE(doc) << problem.en;
  std::vector<std::string> heading;
  for (const auto& b : doc->blocks) {
    if (b.kind != Block::Kind::kParagraph) continue;
    if (b.paragraph.text == "KẾ HOẠCH") break;
    if (!b.paragraph.text.empty()) heading.push_back(std::to_string(b.paragraph.at.text_box) + " " + b.paragraph.text);
  }
  EXPECT_EQ(heading, (std::vector<std::string>{"1 ỦY BAN NHÂN DÂN\nXÃ ĐỊNH HOÁ", "1 Số: /KH-UBND",
                                               "2 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                                               "2 Định Hoá, ngày tháng 01 năm 2026"}));
}

INSTANTIATE_TEST_SUITE_P(SamplePlans, ImportFixture,
                         ::testing::Values(Fixture{"son-lam-2023", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
                                           Fixture{"thanh-xuan-2024", "content/hai-duong/thanh-ha/thanh-xuan/plans/2024.md"},
                                           Fixture{"dinh-hoa-2026", "content/thai-nguyen/dinh-hoa/plans/2026.md"},
                                           // the heading in two text boxes instead of a table
                                           Fixture{"son-lam-2023-hop-van-ban", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
                                           Fixture{"dinh-hoa-2026-hop-van-ban", "content/thai-nguyen/dinh-hoa/plans/2026.md"}),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace congkhai::import
