// `congkhai import plan` on a PDF or a plain text copy (cases 240–249): the plan written and
// checked, the reader's doubts on the review list, and every PDF or text it refuses, in
// Vietnamese and with --lang en, writing nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "cli/testing_command.h"
#include "import/testing_pdf.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::run_shell;

class ImportPdfTextCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("congkhai-import-pdf-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(CONGKHAI_SOURCE_DIR) / "content", dir_ / "content", fs::copy_options::recursive);
    fs::remove(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md");
    fs::remove_all(dir_ / "content/ha-tinh/huong-son/son-lam/progress");
    fs::remove_all(dir_ / "content/ha-tinh/huong-son/son-lam/reports");
  }
  void TearDown() override { fs::remove_all(dir_); }

  testing::CommandRun import(const std::string& args) {
    return run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' import plan " + args + " 2>&1");
  }
  std::string fixture(const std::string& name) { return std::string(CONGKHAI_SOURCE_DIR) + "/tests/fixtures/import/" + name; }
  void write(const std::string& name, const std::string& bytes) { std::ofstream(dir_ / name, std::ios::binary) << bytes; }
  bool written() { return fs::exists(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md"); }

  fs::path dir_;
  const std::string unit_ = "--unit content/ha-tinh/huong-son/son-lam";
};

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
  // The copied text starts at "KẾ HOẠCH": no issuer. The plan is written with every task, and
  // the review list says why `check` does not pass yet, and what to fill in.
  auto r = import(fixture("text/son-lam-2023.txt") + " " + unit_ + " --id 2023");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("28 hàng nhiệm vụ trong 7 mục"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("không nhận ra cơ quan ban hành"), std::string::npos) << r.output;
  auto check = run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' check 2>&1");
  EXPECT_NE(check.output.find("thiếu khoá bắt buộc \"issuer\""), std::string::npos) << check.output;
  EXPECT_NE(check.output.find("Tìm thấy 1 lỗi."), std::string::npos) << check.output;
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
