#include "load/attached_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace congkhai {
namespace {

namespace fs = std::filesystem;

// "Biên bản" with its accents as combining marks (NFD), as macOS and some archive tools save it.
const std::string kNfdName = "Bie\xCC\x82n ba\xCC\x89n.pdf";
const std::string kNfcName = "Bi\xC3\xAAn b\xE1\xBA\xA3n.pdf";

class AttachedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-attached-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "xa-a/progress/files");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel) { std::ofstream(root_ / rel) << "%PDF-1.4\n"; }
  std::optional<AttachedFile> resolve(const std::string& file, std::string* problem_en = nullptr) {
    std::string vi, en;
    auto f = resolve_attached_file(root_.string(), (root_ / "xa-a/progress/q1.yaml").string(), file, &vi, &en);
    if (problem_en) *problem_en = en;
    return f;
  }

  fs::path root_;
};

// The content is read as NFC, so the typed name is NFC whatever the official typed.
TEST_F(AttachedFileTest, AFileSavedWithADecomposedNameIsFoundAndPublishedUnderItsNfcName) {
  write("xa-a/progress/files/" + kNfdName);
  auto f = resolve("files/" + kNfcName);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->relative, "xa-a/progress/files/" + kNfcName);
  EXPECT_EQ(f->on_disk, "xa-a/progress/files/" + kNfdName);
  EXPECT_EQ(f->bytes, 9);
}

TEST_F(AttachedFileTest, ADecomposedFolderNameIsFoundToo) {
  fs::create_directories(root_ / ("xa-a/progress/Bie\xCC\x82n") );
  write("xa-a/progress/Bie\xCC\x82n/a.pdf");
  auto f = resolve("Bi\xC3\xAAn/a.pdf");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->relative, "xa-a/progress/Bi\xC3\xAAn/a.pdf");
}

TEST_F(AttachedFileTest, AFileSavedWithItsNfcNameIsTakenAsItIs) {
  write("xa-a/progress/files/" + kNfcName);
  auto f = resolve("files/" + kNfcName);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->relative, f->on_disk);
}

TEST_F(AttachedFileTest, TwoFilesOfOneNfcNameAreReportedNotGuessed) {
  write("xa-a/progress/files/" + kNfdName);
  write("xa-a/progress/files/Bi\xC3\xAAn ba\xCC\x89n.pdf");  // half composed
  std::string why;
  EXPECT_FALSE(resolve("files/" + kNfcName, &why));
  EXPECT_NE(why.find("more than one file"), std::string::npos) << why;
}

// An allow-list: a type a web host may serve as a page is refused, whatever its case.
TEST_F(AttachedFileTest, OnlyThePublishedTypesAreAccepted) {
  for (const char* name : {"a.pdf", "a.PDF", "a.docx", "a.ods", "a.jpeg", "a.webp", "a.csv", "a.txt", "a.7z"}) {
    write(std::string("xa-a/progress/files/") + name);
    EXPECT_TRUE(resolve(std::string("files/") + name)) << name;
  }
  for (const char* name : {"a.xhtm", "a.XHTML", "a.shtm", "a.htm", "a.svg", "a.xml", "a.hta", "a.js", "a.pdf.html",
                           "a", "a.", ".pdf"}) {
    write(std::string("xa-a/progress/files/") + name);
    std::string why;
    EXPECT_FALSE(resolve(std::string("files/") + name, &why)) << name;
  }
  std::string why;
  resolve("files/a.xhtm", &why);
  EXPECT_NE(why.find("the accepted types are .pdf,"), std::string::npos) << why;
}

}  // namespace
}  // namespace congkhai
