// `congkhai import plan` as an official runs it: the file written and checked, and every way
// it refuses (cases 225–236), in Vietnamese and with --lang en.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/testing_command.h"
#include "cli/testing_import.h"
#include "load/testing_zip.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;
using testing::run_shell;

class ImportCommandTest : public testing::ImportCommandFixture {};

TEST_F(ImportCommandTest, WritesThePlanThatPassesCheckAndListsWhatToReview) {
  auto r = import(fixture("son-lam-2023.docx") + " " + unit_);
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("Đã tạo content/ha-tinh/huong-son/son-lam/plans/2023.md: 28 hàng nhiệm vụ trong 7 mục."), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("plans/2023.md:152: đề xuất chỉ tiêu 60% (tối thiểu)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[bảng 3, hàng 23]"), std::string::npos) << r.output;
  auto check = run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' check 2>&1");
  EXPECT_EQ(check.code, 0) << check.output;
}

TEST_F(ImportCommandTest, Case225NeverOverwrites) {
  ASSERT_EQ(import(fixture("son-lam-2023.docx") + " " + unit_).code, 0);
  std::string before = read(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md");
  auto r = import(fixture("thanh-xuan-2024.docx") + " " + unit_ + " --id 2023");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("đã có; không ghi đè"), std::string::npos) << r.output;
  EXPECT_EQ(read(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md"), before);
}

TEST_F(ImportCommandTest, Case226NotAUnitFolder) {
  auto r = import(fixture("son-lam-2023.docx") + " --unit content/khong-co");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("không phải là một đơn vị (không có tệp unit.yaml)"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case227BadIdInEnglish) {
  auto r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --id ../x --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("plan id \"../x\" must be lower-case ASCII"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case228PdfAndTextAreRead) {
  auto r = import(fixture("son-lam-2023.pdf") + " " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 0) << r.output;
}

TEST_F(ImportCommandTest, Case229NotAZip) {
  write("ke-hoach.docx", "Kế hoạch số 28/KH-UBND, chép ra từ Word\n");
  auto r = import("ke-hoach.docx " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("ke-hoach.docx: tệp không phải văn bản Word (.docx)"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md"));
}

TEST_F(ImportCommandTest, Case230OldDocFile) {
  write("ke-hoach.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
  auto r = import("ke-hoach.doc " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("save it as \"Word Document (.docx)\""), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case231PasswordProtectedDocx) {
  write("mat-khau.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(1024, '\0'));
  auto r = import("mat-khau.docx " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("có đặt mật khẩu"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case232ExternalEntity) {
  write("thuc-the.docx", make_zip({{"word/document.xml",
                                    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"}}));
  auto r = import("thuc-the.docx " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("has a DOCTYPE/ENTITY declaration; refused"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("root:"), std::string::npos);
}

TEST_F(ImportCommandTest, Case233NoYearNoId) {
  write("trong.docx", make_zip({{"word/document.xml",
                                 "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"}}));
  auto r = import("trong.docx " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("hãy cho mã bằng --id"), std::string::npos) << r.output;
  // with --id the file is written, and the review list says what is missing
  r = import("trong.docx " + unit_ + " --id nhap");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("không tìm thấy dòng \"KẾ HOẠCH\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("không tìm thấy bảng nhiệm vụ"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case234UnknownFileType) {
  write("ke-hoach.odt", "x");
  auto r = import("ke-hoach.odt " + unit_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("cần văn bản Word (.docx)"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case235MissingFile) {
  auto r = import("khong-co.docx " + unit_ + " --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("cannot read khong-co.docx"), std::string::npos) << r.output;
}

TEST_F(ImportCommandTest, Case236MissingArgumentsAreUsageErrors) {
  auto r = import(fixture("son-lam-2023.docx"));
  EXPECT_EQ(r.code, 2) << r.output;
}

}  // namespace
}  // namespace congkhai
