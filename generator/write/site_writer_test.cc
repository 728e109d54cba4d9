#include "write/site_writer.h"

#include "write/build_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

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

ino_t inode(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

OutputFile page(std::string path, std::string bytes, std::string key) {
  OutputFile f{std::move(path), std::move(bytes), ""};
  f.key = std::move(key);
  return f;
}

// Incremental writing: unchanged files are hard-linked from the previous output, changed
// ones written, and the new folder still replaces the output whole.
TEST_F(SiteWriterTest, IncrementalKeepsUnchangedFilesAndWritesChangedOnes) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  WriteStats stats;
  ASSERT_TRUE(write_site({{"a.html", "A", ""}, {"b.html", "B", ""}, {"gone.html", "G", ""}}, out_, &error,
                         incremental, &stats)) << error;
  EXPECT_EQ(stats.written, 3u);
  ino_t a = inode(fs::path(out_) / "a.html");
  ASSERT_TRUE(write_site({{"a.html", "A", ""}, {"b.html", "B2", ""}, {"new/c.html", "C", ""}}, out_, &error,
                         incremental, &stats)) << error;
  EXPECT_EQ(stats.linked, 1u);
  EXPECT_EQ(stats.written, 2u);
  EXPECT_EQ(inode(fs::path(out_) / "a.html"), a);
  EXPECT_EQ(read(fs::path(out_) / "b.html"), "B2");
  EXPECT_EQ(read(fs::path(out_) / "new/c.html"), "C");
  EXPECT_FALSE(fs::exists(fs::path(out_) / "gone.html"));
  // The cache is beside the output, never in it.
  EXPECT_TRUE(fs::exists(root_ / ".congkhai-cache" / "public"));
  EXPECT_FALSE(fs::exists(fs::path(out_) / ".congkhai-cache"));
}

TEST_F(SiteWriterTest, AReusedPageIsTakenFromThePreviousOutput) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site({page("p.html", "rendered", "k1")}, out_, &error, incremental)) << error;
  OutputFile reused = page("p.html", "", "k1");
  reused.reused = true;
  WriteStats stats;
  ASSERT_TRUE(write_site({reused}, out_, &error, incremental, &stats)) << error;
  EXPECT_EQ(stats.linked, 1u);
  EXPECT_EQ(read(fs::path(out_) / "p.html"), "rendered");
  // Gone from the output (deleted by hand): nothing is published, the caller renders again.
  fs::remove(fs::path(out_) / "p.html");
  EXPECT_FALSE(write_site({reused}, out_, &error, incremental, &stats));
  EXPECT_TRUE(stats.missing_previous);
  EXPECT_TRUE(fs::exists(fs::path(out_) / kOutputMarker));
}

TEST_F(SiteWriterTest, ACacheOfAnotherOutputIsIgnored) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site({page("p.html", "one", "k")}, out_, &error, incremental)) << error;
  fs::path saved = root_ / "saved-cache";
  fs::copy_file(build_cache_path(out_), saved);
  ASSERT_TRUE(write_site({page("p.html", "two", "k2")}, out_, &error)) << error;  // a build without cache
  EXPECT_FALSE(fs::exists(build_cache_path(out_)));
  // A cache left by a build killed between publishing and saving it describes an older site.
  fs::copy_file(saved, build_cache_path(out_));
  EXPECT_TRUE(load_build_cache(out_).files.empty());
  EXPECT_TRUE(page_keys(load_build_cache(out_)).empty());
}

TEST_F(SiteWriterTest, TheCacheRoundTrips) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site({page("a/index.html", "x", "key-a"), {"data.csv", "1,2", ""}}, out_, &error,
                         incremental)) << error;
  BuildCache cache = load_build_cache(out_);
  EXPECT_EQ(cache.output_id, output_identity(out_));
  ASSERT_EQ(cache.files.size(), 2u);
  EXPECT_EQ(cache.files["a/index.html"].key, "key-a");
  EXPECT_EQ(cache.files["data.csv"].key, "");
  EXPECT_EQ(page_keys(cache), (std::map<std::string, std::string>{{"a/index.html", "key-a"}}));
}

}  // namespace
}  // namespace congkhai
