#include "import/pdf_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "import/testing_expected_rows.h"
#include "import/testing_pdf.h"

namespace congkhai::import {
namespace {

const std::string kSource = CONGKHAI_SOURCE_DIR;

struct Sample {
  const char* pdf;
  const char* plan;
};

const Sample kSamples[] = {
    {"son-lam-2023", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
    {"thanh-xuan-2024", "content/hai-duong/thanh-ha/thanh-xuan/plans/2024.md"},
    {"dinh-hoa-2026", "content/thai-nguyen/dinh-hoa/plans/2026.md"},
};

TEST(PdfReader, RebuildsTheTaskTablesOfTheSamplePlans) {
  int tasks = 0, exact = 0;
  for (const auto& s : kSamples) {
    ReadProblem problem;
    auto doc = read_pdf(kSource + "/tests/fixtures/import/" + s.pdf + ".pdf", &problem);
    ASSERT_TRUE(doc) << s.pdf << ": " << problem.en;
    auto want = testing::expected_rows(kSource + "/" + s.plan);
    auto c = testing::compare_rows(*doc, want);
    std::cout << s.pdf << ".pdf: " << c.exact_tasks << " of " << c.expected_tasks << " task rows exact, "
              << c.found_rows << " rows for " << c.expected_rows << ", " << c.doubts << " with a doubt\n";
    for (const auto& m : c.mismatches) std::cout << "  " << m << "\n";
    // Never a row lost without a word: the count matches, or rows say what they doubt.
    EXPECT_TRUE(c.found_rows == c.expected_rows || c.doubts > 0) << s.pdf;
    // A row rebuilt wrong always says it may be.
    EXPECT_EQ(c.silent, 0) << s.pdf;
    tasks += c.expected_tasks;
    exact += c.exact_tasks;
  }
  std::cout << "all: " << exact << " of " << tasks << " task rows exact\n";
  EXPECT_GE(exact * 100, tasks * 95);
}

TEST(PdfReader, DropsPageNumbersAndRunningHeaders) {
  ReadProblem problem;
  auto doc = read_pdf(kSource + "/tests/fixtures/import/thanh-xuan-2024.pdf", &problem);
  ASSERT_TRUE(doc);
  int tables = 0;
  for (const auto& b : doc->blocks) {
    if (b.kind == Block::Kind::kParagraph) {
      EXPECT_NE(b.paragraph.text.find_first_not_of("0123456789 -"), std::string::npos) << b.paragraph.text;
      EXPECT_EQ(b.paragraph.text.find("UBND xã Thanh Xuân —"), std::string::npos) << b.paragraph.text;
    } else {
      ++tables;
      for (const auto& r : b.table.rows)
        if (!r.header) {
          for (const auto& c : r.cells) EXPECT_EQ(c.text.find("STT"), std::string::npos) << c.text;
        }
    }
  }
  EXPECT_GE(tables, 1);
}

TEST(PdfReader, JoinsARowSplitAcrossPagesAndSaysSo) {
  ReadProblem problem;
  auto doc = read_pdf(kSource + "/tests/fixtures/import/son-lam-2023.pdf", &problem);
  ASSERT_TRUE(doc);
  int across = 0;
  for (const auto& b : doc->blocks)
    if (b.kind == Block::Kind::kTable)
      for (const auto& r : b.table.rows)
        if (r.doubt_en.find("page break") != std::string::npos) {
          ++across;
          EXPECT_FALSE(r.doubt.empty());
          EXPECT_GT(r.at.page, 0);
        }
  EXPECT_GE(across, 1);
}

ReadProblem refused(std::string_view bytes) {
  ReadProblem problem;
  auto doc = read_pdf_bytes(bytes, "x.pdf", &problem);
  EXPECT_FALSE(doc);
  EXPECT_FALSE(problem.vi.empty());
  EXPECT_FALSE(problem.en.empty());
  return problem;
}

std::string file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(PdfReader, RefusesWhatIsNotAPdf) {
  EXPECT_NE(refused("KẾ HOẠCH\nnot a PDF at all").en.find("not a PDF"), std::string::npos);
  EXPECT_NE(refused("").en.find("not a PDF"), std::string::npos);
  EXPECT_NE(refused(file(kSource + "/tests/fixtures/import/son-lam-2023.docx")).en.find("not a PDF"), std::string::npos);
}

TEST(PdfReader, RefusesATruncatedPdf) {
  std::string bytes = file(kSource + "/tests/fixtures/import/reader/truncated.pdf");
  ASSERT_EQ(bytes.size(), 20000u);
  ReadProblem problem;
  auto doc = read_pdf_bytes(bytes, "truncated.pdf", &problem);
  // Poppler rebuilds what it can of a cut file; either the first pages read, or a refusal says why.
  if (!doc) {
    EXPECT_FALSE(problem.en.empty());
  }
  std::string head = bytes.substr(0, 600);
  EXPECT_NE(refused(head).en, "");
}

TEST(PdfReader, RefusesAPdfLockedWithAPassword) {
  ReadProblem problem;
  EXPECT_FALSE(read_pdf(kSource + "/tests/fixtures/import/reader/locked.pdf", &problem));
  EXPECT_NE(problem.en.find("password"), std::string::npos);
  EXPECT_NE(problem.vi.find("mật khẩu"), std::string::npos);
}

TEST(PdfReader, SaysAScanCannotBeReadYet) {
  std::string pdf = testing::make_pdf({{}, {}});
  auto problem = refused(pdf);
  EXPECT_NE(problem.en.find("scan"), std::string::npos);
  EXPECT_NE(problem.vi.find("bản quét"), std::string::npos);
}

TEST(PdfReader, RefusesFiveHundredPagesQuickly) {
  std::vector<std::vector<testing::PlacedText>> pages(500, {{72, 72, "Page text", 11}});
  std::string pdf = testing::make_pdf(pages);
  auto start = std::chrono::steady_clock::now();
  auto problem = refused(pdf);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(problem.en.find("500 pages"), std::string::npos) << problem.en;
  EXPECT_LT(seconds, 2.0);
}

TEST(PdfReader, ReadsTheMostPagesAllowedInBoundedTime) {
  // Every line a table header, to tempt the column search into quadratic time.
  std::vector<std::vector<testing::PlacedText>> pages(kMaxPdfPages);
  for (auto& page : pages)
    for (int line = 0; line < 60; ++line)
      page.push_back({40, 40.0 + 12 * line, "STT  Nhiem vu   Co quan   STT   Thoi gian   " + std::to_string(line), 9});
  std::string pdf = testing::make_pdf(pages);
  auto start = std::chrono::steady_clock::now();
  ReadProblem problem;
  auto doc = read_pdf_bytes(pdf, "big.pdf", &problem);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(doc) << problem.en;
  EXPECT_LT(seconds, 10.0);
}

TEST(PdfReader, SaysWhenTheFileCannotBeOpened) {
  ReadProblem problem;
  EXPECT_FALSE(read_pdf("/nonexistent/ke-hoach.pdf", &problem));
  EXPECT_NE(problem.en.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace congkhai::import
