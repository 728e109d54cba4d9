// `congkhai import plan` as an official runs it: the file written and checked, and every way
// it refuses (cases 225–236), in Vietnamese and with --lang en.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

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

// ---- --review: the review list kept in a file --------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  return out;
}

TEST_F(ImportCommandTest, ReviewListIsWrittenBesideThePlanAsPrinted) {
  auto r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review can-xem-lai.txt");
  ASSERT_EQ(r.code, 0) << r.output;
  ASSERT_TRUE(fs::exists(dir_ / "can-xem-lai.txt")) << r.output;
  EXPECT_NE(r.output.find("\nĐã ghi danh sách cần xem lại vào can-xem-lai.txt.\n"), std::string::npos) << r.output;
  // the items printed, between "Cần xem lại (N):" and the line naming the file
  std::vector<std::string> printed = lines_of(r.output);
  std::vector<std::string> items;
  std::string count;
  for (std::size_t i = 0; i < printed.size(); ++i)
    if (printed[i].rfind("Cần xem lại (", 0) == 0) {
      count = printed[i].substr(0, printed[i].size() - 1);
      for (std::size_t k = i + 1; k < printed.size() && printed[k].rfind("Đã ghi danh sách", 0) != 0; ++k) items.push_back(printed[k]);
    }
  ASSERT_FALSE(items.empty()) << r.output;
  std::vector<std::string> saved = lines_of(read(dir_ / "can-xem-lai.txt"));
  ASSERT_EQ(saved.size(), items.size() + 1);
  EXPECT_EQ(saved[0], count + " trong " + fixture("son-lam-2023.docx") + ", đã nhập thành content/ha-tinh/huong-son/son-lam/plans/2023.md:");
  EXPECT_EQ(std::vector<std::string>(saved.begin() + 1, saved.end()), items);
  EXPECT_NE(read(dir_ / "can-xem-lai.txt").find("plans/2023.md:152: đề xuất chỉ tiêu 60% (tối thiểu)"), std::string::npos);
}

TEST_F(ImportCommandTest, ReviewListInEnglish) {
  auto r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review review.txt --lang en");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("\nThe review list is also written to review.txt.\n"), std::string::npos) << r.output;
  std::string saved = read(dir_ / "review.txt");
  EXPECT_EQ(saved.rfind("To review (", 0), 0u) << saved;
  EXPECT_NE(saved.find(", imported as content/ha-tinh/huong-son/son-lam/plans/2023.md:\n"), std::string::npos) << saved;
  EXPECT_NE(saved.find("plans/2023.md:152: proposed target"), std::string::npos) << saved;
}

TEST_F(ImportCommandTest, ReviewListNeverOverwritesAFileAndThenNothingIsWritten) {
  write("can-xem-lai.txt", "đã đánh dấu 3 mục\n");
  auto r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review can-xem-lai.txt");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("tệp can-xem-lai.txt đã có; không ghi đè danh sách cần xem lại lên đó"), std::string::npos) << r.output;
  EXPECT_EQ(read(dir_ / "can-xem-lai.txt"), "đã đánh dấu 3 mục\n");
  EXPECT_FALSE(written());
  r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review can-xem-lai.txt --lang en");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("can-xem-lai.txt already exists; the review list is not written over it"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
  // nor the plan file itself
  r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review content/ha-tinh/huong-son/son-lam/plans/2023.md");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("--review phải là một tệp khác tệp kế hoạch"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

TEST_F(ImportCommandTest, ReviewListIsNotWrittenWhenTheImportFails) {
  write("ke-hoach.docx", "không phải tệp zip\n");
  auto r = import("ke-hoach.docx " + unit_ + " --review can-xem-lai.txt");
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "can-xem-lai.txt"));
  // the plan file already there: refused, and no list either
  ASSERT_EQ(import(fixture("son-lam-2023.docx") + " " + unit_).code, 0);
  r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review can-xem-lai.txt");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("đã có; không ghi đè"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "can-xem-lai.txt"));
  // a list that cannot be created: nothing written
  fs::remove(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md");
  r = import(fixture("son-lam-2023.docx") + " " + unit_ + " --review khong-co/can-xem-lai.txt");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.output.find("không tạo được tệp khong-co/can-xem-lai.txt"), std::string::npos) << r.output;
  EXPECT_FALSE(written());
}

}  // namespace
}  // namespace congkhai
