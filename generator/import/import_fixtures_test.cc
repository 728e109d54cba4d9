// The three sample plans as Word documents (tests/fixtures/import/, made with LibreOffice from
// the plans in content/) imported and compared field by field with the plans in content/, both
// loaded with the plan loader: the share of task rows whose number, text, lead, partners,
// output and timeframe are all exactly right, and of header fields. Every row must be there:
// the row count matches, or the review list names the uncertain row.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "import/docx_reader.h"
#include "import/plan_recogniser.h"
#include "load/plan_loader.h"

namespace congkhai::import {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

struct Score {
  int rows_right = 0, rows = 0, header_right = 0, header = 0;
};

void field(Score* s, const std::string& name, const std::string& got, const std::string& want) {
  ++s->header;
  if (got == want) ++s->header_right;
  else ADD_FAILURE() << "header field " << name << ":\n  got:  " << got << "\n  want: " << want;
}

std::string refs(const std::vector<Reference>& v) {
  std::vector<std::string> t;
  for (const auto& r : v) t.push_back(r.text);
  return join(t);
}

Score compare(const Plan& got, const Plan& want) {
  Score s;
  field(&s, "number", got.number, want.number);
  field(&s, "title", got.title, want.title);
  field(&s, "year", std::to_string(got.year), std::to_string(want.year));
  field(&s, "date", got.date ? format_iso(*got.date) : "", want.date ? format_iso(*want.date) : "");
  field(&s, "place", got.place, want.place);
  field(&s, "issuer", got.issuer, want.issuer);
  field(&s, "signer.name", got.signer.name, want.signer.name);
  field(&s, "signer.title", got.signer.title, want.signer.title);
  field(&s, "signer.capacity", join(got.signer.capacity), join(want.signer.capacity));
  field(&s, "legal_basis", refs(got.legal_basis), refs(want.legal_basis));
  field(&s, "implements", got.implements ? got.implements->text : "", want.implements ? want.implements->text : "");
  field(&s, "recipients", join(got.recipients), join(want.recipients));
  auto trim = [](std::string b) {
    while (!b.empty() && (b.back() == '\n' || b.back() == ' ')) b.pop_back();
    return b;
  };
  field(&s, "budget", trim(got.budget), trim(want.budget));
  field(&s, "appendix.title", got.appendix_title, want.appendix_title);
  field(&s, "appendix.note", got.appendix_note, want.appendix_note);
  // sections, in printed order
  std::vector<std::string> gs, ws;
  for (const auto& x : got.sections) gs.push_back(std::to_string(x.depth) + " " + x.number + " " + x.title);
  for (const auto& x : want.sections) ws.push_back(std::to_string(x.depth) + " " + x.number + " " + x.title);
  field(&s, "sections", join(gs), join(ws));
  s.rows = static_cast<int>(want.tasks.size());
  for (std::size_t i = 0; i < want.tasks.size() && i < got.tasks.size(); ++i) {
    const Task& g = got.tasks[i];
    const Task& w = want.tasks[i];
    auto sec = [](const Plan& p, const Task& t) { return t.section >= 0 ? p.sections[static_cast<std::size_t>(t.section)].number : ""; };
    bool right = g.number == w.number && g.text == w.text && g.lead == w.lead && g.partners == w.partners &&
                 g.output == w.output && g.timeframe == w.timeframe && sec(got, g) == sec(want, w);
    if (right) ++s.rows_right;
    else
      ADD_FAILURE() << "task row " << i + 1 << " (" << w.number << "):\n  got:  " << g.number << " / " << g.text << " / "
                    << join(g.lead) << " / " << join(g.partners) << " / " << g.output << " / " << g.timeframe << "\n  want: " << w.number
                    << " / " << w.text << " / " << join(w.lead) << " / " << join(w.partners) << " / " << w.output << " / " << w.timeframe;
  }
  return s;
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
  Score s = compare(*got, *want);
  // never a row silently lost
  EXPECT_EQ(got->tasks.size(), want->tasks.size()) << result.text;
  std::cout << "[ import ] " << f.name << ".docx: task rows " << s.rows_right << "/" << s.rows << " ("
            << (s.rows ? 100 * s.rows_right / s.rows : 100) << "%), header fields " << s.header_right << "/" << s.header << " ("
            << 100 * s.header_right / s.header << "%), review items " << result.review.size() << "\n";
  EXPECT_EQ(s.rows_right, s.rows);
  EXPECT_EQ(s.header_right, s.header);
}

INSTANTIATE_TEST_SUITE_P(SamplePlans, ImportFixture,
                         ::testing::Values(Fixture{"son-lam-2023", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
                                           Fixture{"thanh-xuan-2024", "content/hai-duong/thanh-ha/thanh-xuan/plans/2024.md"},
                                           Fixture{"dinh-hoa-2026", "content/thai-nguyen/dinh-hoa/plans/2026.md"}),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace congkhai::import
