// The whole import (reader, then the plan recogniser) of the three sample plans from their
// PDFs (tests/fixtures/import/*.pdf) and from the texts they were transcribed from
// (tests/fixtures/import/text/), compared field by field with the plans in content/: the
// share of task rows whose number, text, lead, partners, output, timeframe, section and parent task are
// all exactly right, and of header fields. Goal: 95% of each over the three plans, and never a
// row lost without the review list saying which row is uncertain.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <optional>
#include <iostream>
#include <sstream>

#include "import/pdf_reader.h"
#include "import/plan_recogniser.h"
#include "import/testing_plan_compare.h"
#include "import/text_reader.h"
#include "load/plan_loader.h"
#include "load/site_loader.h"

namespace congkhai::import {
namespace {

const std::string kRoot = CONGKHAI_SOURCE_DIR;

struct Sample {
  const char* name;
  const char* plan;
};

const Sample kSamples[] = {
    {"son-lam-2023", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
    {"thanh-xuan-2024", "content/hai-duong/thanh-ha/thanh-xuan/plans/2024.md"},
    {"dinh-hoa-2026", "content/thai-nguyen/dinh-hoa/plans/2026.md"},
};

// Imports each sample with `read`, prints the figures and checks the goal over the three.
void import_samples(const char* kind, const std::function<std::optional<Document>(const Sample&, ReadProblem*)>& read,
                    int header_goal) {
  Score all;
  for (const auto& sample : kSamples) {
    ReadProblem problem;
    auto doc = read(sample, &problem);
    ASSERT_TRUE(doc) << sample.name << ": " << problem.en;
    // as `congkhai import plan --unit DIR` does: the unit's level and name
    RecogniseOptions options;
    std::string plan = sample.plan;
    Diagnostics du;
    auto unit = load_unit(kRoot + "/" + plan.substr(0, plan.rfind("/plans/")) + "/unit.yaml", &du);
    ASSERT_TRUE(unit) << sample.name;
    options.unit_level = unit_level_vi(unit->level);
    options.unit_name = unit->name;
    auto result = recognise_plan(*doc, options);
    Diagnostics dg, dw;
    std::string stem = std::string(sample.plan).substr(std::string(sample.plan).rfind('/') + 1);
    auto got = parse_plan("plans/" + stem, result.text, &dg);
    ASSERT_TRUE(got) << result.text;
    auto want = load_plan(kRoot + "/" + sample.plan, &dw);
    ASSERT_TRUE(want);
    Score s = compare_plans(*got, *want);
    std::cout << "[ import ] " << sample.name << "." << kind << ": task rows " << s.rows_right << "/" << s.rows
              << ", header fields " << s.header_right << "/" << s.header << ", tasks " << got->tasks.size() << " for "
              << want->tasks.size() << ", review items " << result.review.size() << "\n";
    for (const auto& w : s.wrong) std::cout << "    " << w << "\n";
    // Never a row lost silently: the count matches, or the review list has something to say.
    EXPECT_TRUE(got->tasks.size() == want->tasks.size() || !result.review.empty()) << sample.name;
    all.rows += s.rows;
    all.rows_right += s.rows_right;
    all.header += s.header;
    all.header_right += s.header_right;
  }
  std::cout << "[ import ] all ." << kind << ": task rows " << all.rows_right << "/" << all.rows << " ("
            << 100.0 * all.rows_right / all.rows << "%), header fields " << all.header_right << "/" << all.header << " ("
            << 100.0 * all.header_right / all.header << "%)\n";
  EXPECT_GE(all.rows_right * 100, all.rows * 95);
  EXPECT_GE(all.header_right * 100, all.header * header_goal);
}

TEST(ImportPdfAndText, PdfsMatchTheHandTranscribedPlans) {
  import_samples("pdf", [](const Sample& s, ReadProblem* problem) {
    return read_pdf(kRoot + "/tests/fixtures/import/" + s.name + ".pdf", problem);
  }, 95);
}

TEST(ImportPdfAndText, TextsMatchTheHandTranscribedPlans) {
  import_samples("txt", [](const Sample& s, ReadProblem* problem) {
    return read_text(kRoot + "/tests/fixtures/import/text/" + s.name + ".txt", problem);
  }, 100);  // the copied texts start at "KẾ HOẠCH": number, date and issuer come from the
             // appendix's "(Kèm theo …)" line, son-lam's bare "UBND xã" completed from its unit
}

}  // namespace
}  // namespace congkhai::import
