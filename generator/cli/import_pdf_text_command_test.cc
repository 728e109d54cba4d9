// `congkhai import plan` on a PDF or a plain text copy (cases 240–249): the plan written and
// checked, the reader's doubts on the review list, and every PDF or text it refuses, in
// Vietnamese and with --lang en, writing nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "cli/testing_command.h"
#include "cli/testing_import.h"
#include "import/testing_pdf.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;

class ImportPdfTextCommandTest : public testing::ImportCommandFixture {};

TEST_F(ImportPdfTextCommandTest, Case240PdfWritesAPlanThatPassesCheck) {
  auto r = import(fixture("son-lam-2023.pdf") + " " + unit_);
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("28 hàng nhiệm vụ trong 7 mục"), std::string::npos) << r.output;
  // the reader's doubt, with the page it is on
  EXPECT_NE(r.output.find("hàng nối tiếp qua trang"), std::string::npos) << r.output;
  auto check = run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' check 2>&1");
  EXPECT_EQ(check.code, 0) << check.output;
}

TEST_F(ImportPdfTextCommandTest, Case241TextCopyWithoutItsHeading) {
  // The copied text starts at "KẾ HOẠCH": no header block. The number, date and issuer come from
  // the appendix's "(Kèm theo Kế hoạch số 28 /KH-UBND ngày 03 tháng 03 năm 2023 của UBND xã)",
  // its bare "UBND xã" completed with the name of the unit imported into, each for review.
  auto r = import(fixture("text/son-lam-2023.txt") + " " + unit_ + " --id 2023");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("28 hàng nhiệm vụ trong 7 mục"), std::string::npos) << r.output;
  const std::string file = "content/ha-tinh/huong-son/son-lam/plans/2023.md:";
  EXPECT_NE(r.output.find(file + "2: số kế hoạch \"28/KH-UBND\" lấy từ dòng \"Kèm theo …\" của phụ lục"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(file + "5: ngày ban hành 2023-03-03 lấy từ dòng \"Kèm theo …\" của phụ lục"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(file + "6: dòng \"Kèm theo …\" của phụ lục chỉ ghi \"UBND xã\"; cơ quan ban hành được đoán là \"UBND xã Sơn Lâm\""),
            std::string::npos) << r.output;
  std::ifstream in(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md");
  std::string text(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(text.find("\ndate: 2023-03-03\nissuer: UBND xã Sơn Lâm\n"), std::string::npos) << text;
  auto check = run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' check 2>&1");
  EXPECT_EQ(check.code, 0) << check.output;
}

TEST_F(ImportPdfTextCommandTest, Case241TextCopyWithoutItsHeadingInEnglish) {
  auto r = import(fixture("text/son-lam-2023.txt") + " " + unit_ + " --id 2023 --lang en");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("the date of issue 2023-03-03 taken from the appendix's \"Kèm theo …\" line"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("the issuer is guessed as \"UBND xã Sơn Lâm\" from the unit imported into (--unit)"), std::string::npos)
      << r.output;
}

TEST_F(ImportPdfTextCommandTest, Case242PdfLockedWithAPassword) {
  auto r = import(fixture("reader/locked.pdf") + " " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("locked.pdf: tệp PDF được khoá bằng mật khẩu"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case243PdfLockedWithAPasswordInEnglish) {
  auto r = import(fixture("reader/locked.pdf") + " " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("the PDF is locked with a password"), std::string::npos) << r.output;
}

TEST_F(ImportPdfTextCommandTest, Case244ScanWithoutText) {
  write("ban-quet.pdf", import::testing::make_pdf({{}, {}, {}}));
  auto r = import("ban-quet.pdf " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("không có lớp chữ: có lẽ là bản quét"), std::string::npos) << r.output;
  r = import("ban-quet.pdf " + unit_ + " --lang en");
  EXPECT_NE(r.output.find("probably a scan"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case245NotAPdf) {
  write("ke-hoach.pdf", "KẾ HOẠCH\nKiểm soát thủ tục hành chính\n");
  auto r = import("ke-hoach.pdf " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("ke-hoach.pdf: not a PDF"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case246TruncatedPdf) {
  std::ifstream in(fixture("son-lam-2023.pdf"), std::ios::binary);
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  write("cut.pdf", bytes.substr(0, 1000));
  auto r = import("cut.pdf " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("cut.pdf: "), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case247FiveHundredPages) {
  std::vector<std::vector<import::testing::PlacedText>> pages(500, {{72, 72, "Trang", 11}});
  write("dai.pdf", import::testing::make_pdf(pages));
  auto start = std::chrono::steady_clock::now();
  auto r = import("dai.pdf " + unit_);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("tệp PDF có 500 trang, quá 200 trang"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case248TextNotUtf8) {
  write("ke-hoach.txt", "K\xea ho\xb9" "ch ki\xd3m so\xb8t\n");  // TCVN3 (ABC), as old files are
  auto r = import("ke-hoach.txt " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("ke-hoach.txt: không phải tệp văn bản UTF-8"), std::string::npos) << r.output;
  r = import("ke-hoach.txt " + unit_ + " --lang en");
  EXPECT_NE(r.output.find("not a UTF-8 text file"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportPdfTextCommandTest, Case249TextWithoutAPlan) {
  write("ghi-chu.txt", "Ghi chú họp giao ban\n\nKhông có kế hoạch nào ở đây.\n");
  auto r = import("ghi-chu.txt " + unit_ + " --id 2023");
  // Read, but nothing in it is a plan: the review list says what is missing; no crash.
  EXPECT_LE(r.code, 1) << r.output;
  EXPECT_NE(r.output.find("KẾ HOẠCH"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace congkhai
