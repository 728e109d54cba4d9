#include "write/site_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace congkhai {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class SiteWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-writer-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    out_ = (root_ / "public").string();
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
  std::string out_;
};

TEST_F(SiteWriterTest, WritesFilesAndCopiesSources) {
  std::ofstream(root_ / "a.pdf") << "%PDF";
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "<p>x</p>", ""}, {"tep/a.pdf", "", (root_ / "a.pdf").string()}},
                         out_, &error)) << error;
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "<p>x</p>");
  EXPECT_EQ(read(fs::path(out_) / "tep/a.pdf"), "%PDF");
}

TEST_F(SiteWriterTest, ReplacesThePreviousOutputWhole) {
  std::string error;
  ASSERT_TRUE(write_site({{"old.html", "old", ""}}, out_, &error));
  ASSERT_TRUE(write_site({{"new.html", "new", ""}}, out_, &error));
  EXPECT_FALSE(fs::exists(fs::path(out_) / "old.html"));
  EXPECT_TRUE(fs::exists(fs::path(out_) / "new.html"));
  // No temporary folder is left beside the output.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(root_)) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(SiteWriterTest, AFailedWriteLeavesThePreviousOutputUntouched) {
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "v1", ""}}, out_, &error));
  EXPECT_FALSE(write_site({{"index.html", "v2", ""}, {"x.pdf", "", (root_ / "missing.pdf").string()}},
                          out_, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "v1");
}

TEST_F(SiteWriterTest, RefusesPathsEscapingTheOutput) {
  std::string error;
  EXPECT_FALSE(write_site({{"../evil.html", "x", ""}}, out_, &error));
  EXPECT_FALSE(fs::exists(root_ / "evil.html"));
}

TEST_F(SiteWriterTest, NeverReplacesAFolderItDidNotCreate) {
  fs::create_directories(out_);
  std::ofstream(fs::path(out_) / "thesis.docx") << "precious";
  std::string error;
  EXPECT_FALSE(write_site({{"index.html", "x", ""}}, out_, &error));
  EXPECT_EQ(read(fs::path(out_) / "thesis.docx"), "precious");
}

// A build killed with SIGKILL leaves its temporary folder; the next build removes it, but
// not the folder of a build that is still running.
TEST_F(SiteWriterTest, RemovesTemporaryFoldersOfDeadBuilds) {
  fs::path dead = root_ / ".public.tmp-999999999-1";  // above any pid_max
  fs::path alive = root_ / (".public.tmp-" + std::to_string(::getpid()) + "-1");
  fs::create_directories(dead / "sub");
  fs::create_directories(alive);
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "x", ""}}, out_, &error)) << error;
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
}

}  // namespace
}  // namespace congkhai
