#include "write/site_writer.h"

#include "write/build_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include <algorithm>
#include <functional>
#include <map>

namespace congkhai {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
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

// Incremental writing: unchanged files are kept as the previous output's (here in the spare
// the first build left, spare_tree.h), changed ones written, and the new folder still
// replaces the output whole.
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
  EXPECT_EQ(stats.kept, 1u);
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
  EXPECT_EQ(stats.kept, 1u);
  EXPECT_EQ(read(fs::path(out_) / "p.html"), "rendered");
  // Gone from the output (deleted by hand): nothing is published, the caller renders again.
  fs::remove(fs::path(out_) / "p.html");
  EXPECT_FALSE(write_site({reused}, out_, &error, incremental, &stats));
  EXPECT_TRUE(stats.missing_previous);
  EXPECT_TRUE(fs::exists(fs::path(out_) / kOutputMarker));
}

// The output folder is never trusted: a published file edited in place (its size kept, its
// time set back) is written again, not carried over into the next site.
TEST_F(SiteWriterTest, AFileEditedInThePreviousOutputIsWrittenAgain) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  fs::path source = root_ / "bien-ban.pdf";
  std::ofstream(source, std::ios::binary) << "%PDF bản gốc";
  auto site = [&] {
    return OutputFiles{{"a.html", "AAAA", ""}, page("p.html", "rendered", "k1"),
                       {"tep/bien-ban.pdf", "", source.string()}};
  };
  ASSERT_TRUE(write_site(site(), out_, &error, incremental)) << error;
  auto tamper = [&](const std::string& path, const std::string& bytes) {
    fs::path p = fs::path(out_) / path;
    auto time = fs::last_write_time(p);
    std::ofstream(p, std::ios::binary | std::ios::in | std::ios::out) << bytes;  // in place, same size
    fs::last_write_time(p, time);
  };
  tamper("a.html", "EVIL");
  tamper("tep/bien-ban.pdf", "%PDF bản giả");
  WriteStats stats;
  ASSERT_TRUE(write_site(site(), out_, &error, incremental, &stats)) << error;
  EXPECT_EQ(read(fs::path(out_) / "a.html"), "AAAA");
  EXPECT_EQ(read(fs::path(out_) / "tep/bien-ban.pdf"), "%PDF bản gốc");
  EXPECT_EQ(stats.written, 2u);
  EXPECT_EQ(stats.kept, 1u);  // p.html, untouched
  // A page render reused, edited in the output: nothing is published, the caller renders again.
  tamper("p.html", "REWRITE!");
  OutputFile reused = page("p.html", "", "k1");
  reused.reused = true;
  EXPECT_FALSE(write_site({reused}, out_, &error, incremental, &stats));
  EXPECT_TRUE(stats.missing_previous);
  EXPECT_EQ(read(fs::path(out_) / "p.html"), "REWRITE!");  // the previous output stays as it was
}

// A pipe in place of the cache (or of a previous output's file) never blocks a build.
TEST_F(SiteWriterTest, APipeInPlaceOfTheCacheOrAPreviousFileIsIgnored) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site({{"a.html", "A", ""}, {"b.html", "B", ""}}, out_, &error, incremental)) << error;
  BuildCache saved = load_build_cache(out_);
  ASSERT_EQ(saved.files.size(), 2u);
  fs::remove(fs::path(out_) / "a.html");
  ASSERT_EQ(::mkfifo((fs::path(out_) / "a.html").c_str(), 0644), 0);
  WriteStats stats;
  ASSERT_TRUE(write_site({{"a.html", "A", ""}, {"b.html", "B", ""}}, out_, &error, incremental, &stats)) << error;
  EXPECT_EQ(read(fs::path(out_) / "a.html"), "A");
  EXPECT_EQ(stats.written, 1u);
  fs::remove(build_cache_path(out_));
  ASSERT_EQ(::mkfifo(build_cache_path(out_).c_str(), 0644), 0);
  EXPECT_TRUE(load_build_cache(out_).files.empty());
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

// The cache is read in place: every line's five fields, the stamps as written, and any line
// that is not five fields (one too many or too few, a blank line) makes the whole cache unused.
TEST_F(SiteWriterTest, TheCacheIsReadBackFieldByFieldAndRefusedWholeWhenALineIsDamaged) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site({page("a/index.html", "x", "key-a"), {"data.csv", "1,2", ""}, page("z.html", "z", "key-z")},
                         out_, &error, incremental)) << error;
  const BuildCache cache = load_build_cache(out_);
  ASSERT_EQ(cache.files.size(), 3u);
  for (const auto& [path, f] : cache.files) {
    struct stat st;
    ASSERT_EQ(::lstat((fs::path(out_) / path).c_str(), &st), 0) << path;
    EXPECT_EQ(f.stamp, FileStamp::of(st)) << path;
  }
  EXPECT_EQ(cache.files.at("z.html").key, "key-z");
  const std::string text = read(build_cache_path(out_));
  for (const std::string& damaged :
       {text + "extra\tline\n", text + "\n", text + "a\tb\tc\td\te\tf\n", "\n" + text}) {
    write(build_cache_path(out_), damaged);
    EXPECT_TRUE(load_build_cache(out_).files.empty()) << damaged;
  }
  write(build_cache_path(out_), text.substr(0, text.size() - 1));  // no newline at the end: as written
  EXPECT_EQ(load_build_cache(out_).files.size(), 3u);
}

TEST(FileStampTest, ReadsBackWhatItWritesAndNothingElse) {
  const FileStamp s{123456789, 42, -5, 1767225600123456789};
  EXPECT_EQ(FileStamp::parse(s.text()), s);
  for (const char* bad : {"", "1:2:3", "1:2:3:4:5", "1:2:3:x", "1::3:4", "a:2:3:4", "1:2:3:4 ", ":1:2:3:4", "-1:2:3:4"})
    EXPECT_TRUE(FileStamp::parse(bad).empty()) << bad;
  EXPECT_EQ(FileStamp::parse("1:2:-3:4"), (FileStamp{1, 2, -3, 4}));
}


// A file made of borrowed pieces is written, hashed and hard-linked like the same bytes given
// whole: the pieces live only during add(), so the writer must be done with them when it returns.
TEST_F(SiteWriterTest, AFileInPiecesIsWrittenAndCachedLikeItsBytes) {
  WriteOptions incremental;
  incremental.incremental = true;
  std::string error;
  const std::string whole = "\xEF\xBB\xBFunit_path,plan_id\r\nha-tinh,2023\r\nha-tinh,2024\r\n";
  ASSERT_TRUE(write_site({{"du-lieu/ke-hoach.csv", whole, ""}}, out_, &error, incremental)) << error;
  const std::string hash_whole = load_build_cache(out_).files["du-lieu/ke-hoach.csv"].hash;
  ino_t before = inode(fs::path(out_) / "du-lieu/ke-hoach.csv");

  std::vector<std::string> parts = {whole.substr(0, 5), "", whole.substr(5, 24), whole.substr(29)};
  OutputFile pieced("du-lieu/ke-hoach.csv", "", "");
  for (const auto& p : parts) pieced.pieces.push_back(p);
  EXPECT_EQ(pieced.size(), whole.size());
  WriteStats stats;
  ASSERT_TRUE(write_site({pieced}, out_, &error, incremental, &stats)) << error;
  EXPECT_EQ(stats.kept, 1u);  // same hash as the whole bytes: taken from the previous output
  EXPECT_EQ(inode(fs::path(out_) / "du-lieu/ke-hoach.csv"), before);
  EXPECT_EQ(load_build_cache(out_).files["du-lieu/ke-hoach.csv"].hash, hash_whole);

  ASSERT_TRUE(write_site({pieced}, out_, &error) ) << error;  // written afresh, not linked
  EXPECT_EQ(read(fs::path(out_) / "du-lieu/ke-hoach.csv"), whole);
  OutputFile head_and_pieces("a.csv", whole.substr(0, 10), "");
  head_and_pieces.pieces = {std::string_view(whole).substr(10)};
  ASSERT_TRUE(write_site({head_and_pieces}, out_, &error)) << error;
  EXPECT_EQ(read(fs::path(out_) / "a.csv"), whole);

  OutputCollector kept;
  kept.add(pieced);
  OutputFiles files = kept.take();
  EXPECT_EQ(files[0].bytes, whole);  // a sink that keeps the file owns its bytes
  EXPECT_TRUE(files[0].pieces.empty());
}

// The staging folders beside the output (".public.tmp-…").
std::vector<fs::path> staging_folders(const fs::path& root) {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(root))
    if (e.path().filename().string().rfind(".public.tmp-", 0) == 0) found.push_back(e.path());
  return found;
}

// Streaming: each file is on disk, in the staging folder, as soon as it is added; the
// output changes only when the writer publishes.
TEST_F(SiteWriterTest, WritesEachFileIntoTheStagingFolderAsItArrives) {
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "old", ""}}, out_, &error)) << error;
  SiteWriter writer(out_);
  ASSERT_TRUE(writer.open(&error)) << error;
  auto staging = staging_folders(root_);
  ASSERT_EQ(staging.size(), 1u);
  writer.add({"a/b/page.html", "new page", ""});
  EXPECT_EQ(read(staging[0] / "a/b/page.html"), "new page");
  EXPECT_FALSE(fs::exists(fs::path(out_) / "a/b/page.html"));
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "old");
  writer.add({"index.html", "new", ""});
  EXPECT_EQ(writer.count(), 2u);
  WriteStats stats;
  ASSERT_TRUE(writer.publish(&error, &stats)) << error;
  EXPECT_EQ(stats.written, 2u);
  EXPECT_EQ(read(fs::path(out_) / "a/b/page.html"), "new page");
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "new");
  EXPECT_TRUE(staging_folders(root_).empty());
}

// A failure midway (here a file to copy that is gone): the files after it are not written,
// nothing is published, and no staging folder is left behind.
TEST_F(SiteWriterTest, AFailureMidwayPublishesNothingAndLeavesNoStagingFolder) {
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "v1", ""}}, out_, &error)) << error;
  SiteWriter writer(out_);
  ASSERT_TRUE(writer.open(&error)) << error;
  writer.add({"index.html", "v2", ""});
  writer.add({"tep/x.pdf", "", (root_ / "missing.pdf").string()});
  writer.add({"later.html", "later", ""});
  ASSERT_EQ(staging_folders(root_).size(), 1u);
  EXPECT_FALSE(fs::exists(staging_folders(root_)[0] / "later.html"));
  EXPECT_FALSE(writer.publish(&error));
  EXPECT_NE(error.find("missing.pdf"), std::string::npos) << error;
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "v1");
  EXPECT_FALSE(fs::exists(fs::path(out_) / "later.html"));
  EXPECT_TRUE(staging_folders(root_).empty());
}

// A build that stops (problems found while rendering) drops the writer unpublished.
TEST_F(SiteWriterTest, AWriterDroppedUnpublishedRemovesItsStagingFolder) {
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "v1", ""}}, out_, &error)) << error;
  {
    SiteWriter writer(out_);
    ASSERT_TRUE(writer.open(&error)) << error;
    writer.add({"index.html", "v2", ""});
    EXPECT_EQ(staging_folders(root_).size(), 1u);
  }
  EXPECT_TRUE(staging_folders(root_).empty());
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "v1");
}

TEST_F(SiteWriterTest, RefusesTwoFilesWithOnePath) {
  std::string error;
  ASSERT_TRUE(write_site({{"index.html", "v1", ""}}, out_, &error)) << error;
  SiteWriter writer(out_);
  ASSERT_TRUE(writer.open(&error)) << error;
  writer.add({"a.html", "first", ""});
  writer.add({"a.html", "second", ""});
  EXPECT_FALSE(writer.publish(&error));
  EXPECT_NE(error.find("a.html"), std::string::npos) << error;
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "v1");
  EXPECT_FALSE(fs::exists(fs::path(out_) / "a.html"));
  EXPECT_TRUE(staging_folders(root_).empty());
  // Through write_site too.
  EXPECT_FALSE(write_site({{"b.html", "1", ""}, {"b.html", "2", ""}}, out_, &error));
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "v1");
}

// Files come from several threads at once; the cache they leave is the same whatever the order.
TEST_F(SiteWriterTest, FilesFromManyThreadsGiveTheSameSiteAndCache) {
  OutputFiles files;
  for (int i = 0; i < 200; ++i)
    files.push_back(page("d" + std::to_string(i % 7) + "/p" + std::to_string(i) + ".html", "page " + std::to_string(i),
                         "k" + std::to_string(i)));
  WriteOptions options;
  options.incremental = true;
  std::string error;
  ASSERT_TRUE(write_site(files, out_, &error, options)) << error;
  std::string one = read(build_cache_path(out_));
  std::reverse(files.begin(), files.end());
  options.threads = 4;
  fs::remove_all(root_ / ".congkhai-cache");  // a full build again, on four threads
  ASSERT_TRUE(write_site(files, out_, &error, options)) << error;
  std::string four = read(build_cache_path(out_));
  // Only the first line (which output the cache describes) and the files' stamps (their
  // inodes and times) may differ.
  auto without_stamps = [](const std::string& cache) {
    std::istringstream in(cache.substr(cache.find('\n') + 1));
    std::string line, kept;
    while (std::getline(in, line)) kept += line.substr(0, line.rfind('\t')) + "\n";
    return kept;
  };
  EXPECT_EQ(without_stamps(one), without_stamps(four));
  EXPECT_EQ(read(fs::path(out_) / "d3/p10.html"), "page 10");
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

struct stat stat_of(const fs::path& p) {
  struct stat st{};
  ::lstat(p.c_str(), &st);
  return st;
}

// Every regular file under `dir` (the marker left out), path → bytes; folders as "path/".
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (rel == kOutputMarker) continue;
    if (e.is_symlink()) found[rel] = "->";
    else if (e.is_directory()) found[rel + "/"] = "";
    else found[rel] = read(e.path());
  }
  return found;
}

class SpareTest : public SiteWriterTest {
 protected:
  WriteStats build(const OutputFiles& files, bool incremental = true) {
    WriteOptions options;
    options.incremental = incremental;
    WriteStats stats;
    std::string error;
    EXPECT_TRUE(write_site(files, out_, &error, options, &stats)) << error;
    return stats;
  }
  fs::path spare() const { return spare_path(out_); }
  // Two builds of `files`: the second leaves the first's output as the spare.
  void with_spare(const OutputFiles& files) {
    build(files);
    build(files);
    ASSERT_TRUE(fs::is_directory(spare()));
  }
  OutputFiles v1 = {{"a.html", "A", ""}, {"b.html", "B", ""}, {"d/c.html", "C", ""}, {"old/x.html", "X", ""}};
  OutputFiles v2 = {{"a.html", "A", ""}, {"b.html", "B2", ""}, {"d/c.html", "C", ""}, {"new/n.html", "N", ""}};
};

// The previous output is kept as the spare, and the next build brings it up to date: files
// the spare already holds as the output's are not touched, changed ones are written, files
// no longer in the site are removed. The cost is the changes, not the site.
TEST_F(SpareTest, TheSpareIsBroughtUpToDateTouchingOnlyWhatChanged) {
  WriteStats first = build(v1);
  EXPECT_EQ(first.written, 4u);
  // Nothing was replaced that a cache describes: the spare is a copy of the output made of
  // links, its files the output's own.
  EXPECT_TRUE(first.spare_made);
  ASSERT_TRUE(fs::is_directory(spare()));
  EXPECT_EQ(tree(spare()), tree(out_));
  EXPECT_EQ(stat_of(spare() / "d/c.html").st_ino, stat_of(fs::path(out_) / "d/c.html").st_ino);
  EXPECT_NE(stat_of(spare() / kOutputMarker).st_ino, stat_of(fs::path(out_) / kOutputMarker).st_ino);
  WriteStats second = build(v1);
  EXPECT_TRUE(second.spare_used);
  EXPECT_FALSE(second.spare_made);  // the first output is the spare now
  EXPECT_EQ(second.kept, 4u);
  EXPECT_EQ(second.written + second.linked + second.removed, 0u);
  ASSERT_TRUE(fs::is_directory(spare()));
  EXPECT_EQ(tree(spare()), tree(out_));

  struct stat a = stat_of(fs::path(out_) / "a.html");
  WriteStats third = build(v2);
  EXPECT_TRUE(third.spare_used);
  EXPECT_EQ(third.kept, 2u);  // a.html, d/c.html: not even linked
  EXPECT_EQ(third.written, 2u);
  EXPECT_EQ(third.linked, 0u);
  EXPECT_EQ(third.removed, 1u);
  struct stat a_after = stat_of(fs::path(out_) / "a.html");
  EXPECT_EQ(a_after.st_ino, a.st_ino);
  EXPECT_EQ(a_after.st_ctim.tv_nsec, a.st_ctim.tv_nsec);  // no link made or removed
  EXPECT_EQ(a_after.st_nlink, 2u);  // in the output and in the spare
  EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{
                            {"a.html", "A"}, {"b.html", "B2"}, {"d/", ""}, {"d/c.html", "C"}, {"new/", ""}, {"new/n.html", "N"}}));
  EXPECT_EQ(tree(spare()).at("b.html"), "B");  // the spare is the previous output
  EXPECT_TRUE(staging_folders(root_).empty());

  WriteStats fourth = build(v2);  // the spare is the second output: two files to link, one to remove
  EXPECT_EQ(fourth.kept, 2u);
  EXPECT_EQ(fourth.linked, 2u);
  EXPECT_EQ(fourth.removed, 1u);
  WriteStats fifth = build(v2);  // now nothing at all
  EXPECT_EQ(fifth.kept, 4u);
  EXPECT_EQ(fifth.written + fifth.linked + fifth.removed, 0u);
  EXPECT_EQ(tree(out_), tree(spare()));
  // The cache and the spare stay outside the output.
  EXPECT_FALSE(fs::exists(fs::path(out_) / ".congkhai-cache"));
}

// A file edited in place in the published output (its size kept, its time set back) is
// never carried over, whichever folder the build writes into; its change time tells.
TEST_F(SpareTest, AFileEditedInPlaceInTheOutputIsWrittenAgain) {
  build(v1);
  for (int round = 0; round < 3; ++round) {
    fs::path p = fs::path(out_) / "a.html";
    auto time = fs::last_write_time(p);
    std::ofstream(p, std::ios::binary | std::ios::in | std::ios::out) << "E";  // in place, same size
    fs::last_write_time(p, time);
    WriteStats stats = build(v1);
    EXPECT_EQ(read(fs::path(out_) / "a.html"), "A") << round;
    EXPECT_EQ(stats.written, 1u) << round;
    EXPECT_TRUE(stats.spare_used) << round;  // the first build left one: a copy of links
  }
}

// A build killed while bringing the spare up to date leaves it under a staging name: the
// next build removes it and makes a fresh folder.
TEST_F(SpareTest, ASpareLeftByAKilledBuildIsNotUsed) {
  with_spare(v1);
  fs::path taken = root_ / ".public.tmp-999999999-7";  // above any pid_max: a dead build's
  fs::rename(spare(), taken);
  fs::remove(taken / "b.html");  // half brought up to date
  WriteStats stats = build(v2);
  EXPECT_FALSE(stats.spare_used);
  EXPECT_FALSE(fs::exists(taken));
  EXPECT_EQ(read(fs::path(out_) / "b.html"), "B2");
  EXPECT_TRUE(fs::is_directory(spare()));
}

// A spare that is not exactly what the cache recorded is removed, never used.
TEST_F(SpareTest, ASpareThatIsNotTheRecordedOneIsDiscarded) {
  std::vector<std::pair<std::string, std::function<void(const fs::path&)>>> changes = {
      {"a file added", [](const fs::path& s) { std::ofstream(s / "extra.html") << "?"; }},
      {"a file removed", [](const fs::path& s) { fs::remove(s / "d/c.html"); }},
      {"an empty folder added", [](const fs::path& s) { fs::create_directory(s / "empty"); }},
      {"another marker", [](const fs::path& s) {
         fs::remove(s / kOutputMarker);
         std::ofstream(s / kOutputMarker) << "Công khai\n";
       }},
      {"a pipe in place of a file", [](const fs::path& s) {
         fs::remove(s / "b.html");
         ::mkfifo((s / "b.html").c_str(), 0644);
       }},
  };
  for (const auto& [name, change] : changes) {
    fs::remove_all(root_);
    fs::create_directories(root_);
    with_spare(v1);
    change(spare());
    WriteStats stats = build(v2);
    EXPECT_TRUE(stats.spare_discarded) << name;
    EXPECT_FALSE(stats.spare_used) << name;
    EXPECT_EQ(stats.written, 2u) << name;
    EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{{"a.html", "A"}, {"b.html", "B2"}, {"d/", ""},
                                                             {"d/c.html", "C"}, {"new/", ""}, {"new/n.html", "N"}}))
        << name;
    EXPECT_EQ(tree(spare()).count("extra.html"), 0u) << name;  // the spare now is the previous output
  }
}

// The spare is listed from open() on, while the build loads its content; what is taken at
// the first file is used only when it is the very folder listed. Another folder put in its
// place in between, holding the spare's very marker (a hard link) and a file more, is
// discarded, never taken as listed.
TEST_F(SpareTest, TheSpareListedAtOpenIsUsedOnlyWhenItIsTheFolderTaken) {
  with_spare(v1);
  WriteOptions options;
  options.incremental = true;
  SiteWriter writer(out_, options);
  std::string error;
  ASSERT_TRUE(writer.open(&error)) << error;
  const fs::path moved = root_ / "moved-spare";
  fs::create_directory(moved);
  fs::create_hard_link(spare() / kOutputMarker, moved / kOutputMarker);
  for (const char* f : {"a.html", "b.html", "d/c.html", "old/x.html"}) {
    fs::create_directories((moved / f).parent_path());
    fs::create_hard_link(spare() / f, moved / f);
  }
  std::ofstream(moved / "extra.html") << "?";
  fs::remove_all(spare());
  fs::rename(moved, spare());
  for (const OutputFile& f : v2) writer.add(f);
  WriteStats stats;
  ASSERT_TRUE(writer.publish(&error, &stats)) << error;
  EXPECT_TRUE(stats.spare_discarded);
  EXPECT_FALSE(stats.spare_used);
  EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{{"a.html", "A"}, {"b.html", "B2"}, {"d/", ""},
                                                           {"d/c.html", "C"}, {"new/", ""}, {"new/n.html", "N"}}));
  // Untouched, the same spare listed at open() is used.
  WriteStats again = build(v1);
  EXPECT_TRUE(again.spare_used);
  EXPECT_FALSE(again.spare_discarded);
}

// A symbolic link in the spare, or a folder where a file should be, is never followed:
// the spare is removed (the link, not what it points to) and a fresh folder made.
TEST_F(SpareTest, ASpareWithALinkOrAFolderInPlaceOfAFileIsDiscardedSafely) {
  fs::path outside = root_ / "outside";
  auto plant = [&](const std::string& name) {
    fs::remove_all(root_);
    fs::create_directories(outside);
    std::ofstream(outside / "c.html") << "precious";
    with_spare(v1);
    if (name == "link to a folder") {
      fs::remove_all(spare() / "d");
      fs::create_directory_symlink(outside, spare() / "d");  // d/c.html would be written outside
    } else if (name == "link to a file") {
      fs::remove(spare() / "b.html");
      fs::create_symlink(outside / "c.html", spare() / "b.html");
    } else {
      fs::remove(spare() / "b.html");
      fs::create_directories(spare() / "b.html" / "inside");
      std::ofstream(spare() / "b.html" / "inside" / "x") << "x";
    }
  };
  for (const std::string name : {"link to a folder", "link to a file", "folder in place of a file"}) {
    plant(name);
    WriteStats stats = build(v2);
    EXPECT_TRUE(stats.spare_discarded) << name;
    EXPECT_EQ(read(outside / "c.html"), "precious") << name;
    EXPECT_EQ(tree(outside).size(), 1u) << name;
    EXPECT_EQ(read(fs::path(out_) / "b.html"), "B2") << name;
    EXPECT_EQ(read(fs::path(out_) / "d/c.html"), "C") << name;
    EXPECT_FALSE(fs::is_symlink(fs::path(out_) / "d")) << name;
  }
}

// A path that was a file becomes a folder, and the other way: the spare is brought up to
// date all the same.
TEST_F(SpareTest, AFileBecomingAFolderAndBackIsHandled) {
  OutputFiles one = {{"x", "file x", ""}, {"d/y", "y", ""}, {"d/e/z", "z", ""}};
  OutputFiles two = {{"x/inner", "now a folder", ""}, {"d", "now a file", ""}};
  with_spare(one);
  WriteStats stats = build(two);
  EXPECT_TRUE(stats.spare_used);
  EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{{"x/", ""}, {"x/inner", "now a folder"}, {"d", "now a file"}}));
  build(two);
  stats = build(one);  // the spare is now `two`'s output
  EXPECT_TRUE(stats.spare_used);
  EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{{"x", "file x"}, {"d/", ""}, {"d/y", "y"}, {"d/e/", ""}, {"d/e/z", "z"}}));
}

// --no-cache removes the spare with the cache; a build that stops before making any file
// (content problems) leaves it for the next one.
TEST_F(SpareTest, NoCacheRemovesTheSpareAndAStoppedBuildKeepsIt) {
  with_spare(v1);
  {
    SiteWriter writer(out_, WriteOptions{.incremental = true});
    std::string error;
    ASSERT_TRUE(writer.open(&error)) << error;
  }  // dropped unpublished, no file made
  EXPECT_TRUE(fs::is_directory(spare()));
  EXPECT_TRUE(build(v2).spare_used);
  build(v2, false);
  EXPECT_FALSE(fs::exists(spare()));
  EXPECT_FALSE(fs::exists(build_cache_path(out_)));
}

// The spare's copy a first build makes is the build's own until it publishes: a first build
// that fails midway or is dropped leaves no copy and no spare, and one a killed build left
// (under its staging name) is removed by the next build.
TEST_F(SpareTest, AFirstBuildThatDoesNotPublishLeavesNoSpare) {
  WriteOptions incremental{.incremental = true, .threads = 1, .progress = {}};
  std::string error;
  {
    SiteWriter writer(out_, incremental);
    ASSERT_TRUE(writer.open(&error)) << error;
    writer.add({"index.html", "v1", ""});
    writer.add({"tep/x.pdf", "", (root_ / "missing.pdf").string()});
    EXPECT_EQ(staging_folders(root_).size(), 2u);  // the staging folder and its copy
    EXPECT_FALSE(writer.publish(&error));
  }
  {
    SiteWriter writer(out_, incremental);
    ASSERT_TRUE(writer.open(&error)) << error;
    writer.add({"index.html", "v1", ""});
  }  // dropped unpublished
  EXPECT_TRUE(staging_folders(root_).empty());
  EXPECT_FALSE(fs::exists(spare()));
  fs::create_directories(root_ / ".public.tmp-999999999-7.spare/d");
  EXPECT_TRUE(build(v1).spare_made);
  EXPECT_TRUE(staging_folders(root_).empty());
  EXPECT_TRUE(build(v2, false).written == 4u && !fs::exists(spare()));  // --no-cache: none made
}

// Restored elsewhere: the output and its cache copied as CI's cache restores them (tar into a
// fresh folder: every file a new inode, a new change time). The marker holds the output's
// digest, so the copy is recognised and its pages reused; every file is hashed again before
// it is trusted, since no stamp matches.
class RestoreTest : public SpareTest {
 protected:
  // tar of the output and its cache file (not the spare) from `from` into a fresh `to`.
  static void restore(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    std::string cmd = "tar -C '" + from.string() + "' -cf - public .congkhai-cache/public | tar -C '" +
                      to.string() + "' -xf -";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  WriteStats build_in(const fs::path& out, const OutputFiles& files, bool incremental, bool* ok = nullptr) {
    WriteOptions options;
    options.incremental = incremental;
    WriteStats stats;
    std::string error;
    bool done = write_site(files, out.string(), &error, options, &stats);
    if (ok) *ok = done;
    else EXPECT_TRUE(done) << error;
    return stats;
  }
  // Every file and folder under `dir`, the marker included, path → bytes.
  static std::map<std::string, std::string> bytes(const fs::path& dir) {
    std::map<std::string, std::string> found = tree(dir);
    found[kOutputMarker] = read(dir / kOutputMarker);
    return found;
  }
  OutputFiles rendered() const {
    return {page("a/index.html", "page A", "ka"), page("b/index.html", "page B", "kb"),
            {"data.csv", "1,2", ""}, {"tep/bien-ban.pdf", "", source_.string()}};
  }
  // The same site, its pages not rendered: render found their keys in the cache.
  OutputFiles reused() const {
    OutputFiles files = rendered();
    for (auto& f : files)
      if (!f.key.empty()) {
        f.bytes.clear();
        f.reused = true;
      }
    return files;
  }
  void SetUp() override {
    SiteWriterTest::SetUp();
    source_ = root_ / "bien-ban.pdf";
    std::ofstream(source_, std::ios::binary) << "%PDF bản gốc";
  }
  fs::path source_;
};

TEST_F(RestoreTest, ARestoredOutputIsRecognisedAndItsPagesReused) {
  build(rendered());
  build(rendered());  // a spare too, which the restore does not carry
  fs::path other = root_ / "ci";
  restore(root_, other);
  fs::path out = other / "public";
  ASSERT_NE(stat_of(out / kOutputMarker).st_ino, stat_of(fs::path(out_) / kOutputMarker).st_ino);
  BuildCache cache = load_build_cache(out.string());
  EXPECT_EQ(cache.files.size(), 4u);
  EXPECT_FALSE(cache.same_marker);  // a copy: the marker's bytes match, not its stamp
  EXPECT_EQ(page_keys(cache).size(), 2u);

  WriteStats stats = build_in(out, reused(), true);
  EXPECT_EQ(stats.linked, 4u);  // every file checked against its hash, then kept
  EXPECT_EQ(stats.written, 0u);
  EXPECT_FALSE(stats.spare_used);
  // The very bytes a build without any cache gives, marker included.
  fs::path fresh = root_ / "fresh" / "public";
  build_in(fresh, rendered(), false);
  EXPECT_EQ(bytes(out), bytes(fresh));
  EXPECT_EQ(read(out / kOutputMarker), read(fs::path(out_) / kOutputMarker));
  // The restored output, now the spare, serves the next build there.
  WriteStats next = build_in(out, reused(), true);
  EXPECT_TRUE(next.spare_used);
  EXPECT_EQ(next.kept, 4u);
  EXPECT_EQ(bytes(out), bytes(fresh));
}

// The restored output is not trusted any more than the local one: a file edited there is
// written again, and a reused page edited or lost there makes the build render everything.
TEST_F(RestoreTest, AFileEditedInTheRestoredOutputIsWrittenAgain) {
  build(rendered());
  fs::path other = root_ / "ci";
  restore(root_, other);
  fs::path out = other / "public";
  std::ofstream(out / "data.csv", std::ios::binary | std::ios::in | std::ios::out) << "6";  // same size
  std::ofstream(out / "tep/bien-ban.pdf", std::ios::binary | std::ios::in | std::ios::out) << "%PDF bản giả";
  WriteStats stats = build_in(out, reused(), true);
  EXPECT_EQ(stats.written, 2u);
  EXPECT_EQ(stats.linked, 2u);
  EXPECT_EQ(read(out / "data.csv"), "1,2");
  EXPECT_EQ(read(out / "tep/bien-ban.pdf"), "%PDF bản gốc");

  fs::path other2 = root_ / "ci2";
  restore(root_, other2);
  out = other2 / "public";
  std::ofstream(out / "a/index.html", std::ios::binary | std::ios::in | std::ios::out) << "PAGE";
  bool ok = true;
  stats = build_in(out, reused(), true, &ok);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(stats.missing_previous);  // the caller renders every page again
  EXPECT_EQ(read(out / "a/index.html"), "PAGE A");  // nothing published
  fs::remove(out / "b/index.html");
  stats = build_in(out, reused(), true, &ok);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(stats.missing_previous);
}

// A cache restored beside another output (another branch's, or an older one) describes
// other files: it is not used, and the build is a full one.
TEST_F(RestoreTest, ACacheRestoredBesideAnotherOutputIsIgnored) {
  build(rendered());
  fs::path first = root_ / "first";
  restore(root_, first);  // the first output and its cache
  OutputFiles changed = rendered();
  changed[0].bytes = "page A, another branch";
  build(changed);
  const std::string first_out = (first / "public").string();
  fs::path first_cache = root_ / "first-cache";
  fs::copy_file(build_cache_path(first_out), first_cache);
  // The first output with the second's cache.
  fs::copy_file(build_cache_path(out_), build_cache_path(first_out), fs::copy_options::overwrite_existing);
  EXPECT_TRUE(load_build_cache(first_out).files.empty());
  // The second output with the first's cache.
  fs::copy_file(first_cache, build_cache_path(out_), fs::copy_options::overwrite_existing);
  EXPECT_TRUE(load_build_cache(out_).files.empty());
  EXPECT_TRUE(page_keys(load_build_cache(out_)).empty());
}

// The spare keeps its stricter rule: it serves only the very output the build published,
// never a copy put in its place (whose files are other inodes).
TEST_F(RestoreTest, ACopyInPlaceOfTheOutputDoesNotTakeTheSpare) {
  with_spare(v1);
  fs::path copy = root_ / "copy";
  ASSERT_EQ(std::system(("cp -a '" + out_ + "' '" + copy.string() + "'").c_str()), 0);
  fs::remove_all(out_);
  fs::rename(copy, out_);
  EXPECT_FALSE(load_build_cache(out_).files.empty());  // the same bytes: recognised
  WriteStats stats = build(v2);
  EXPECT_FALSE(stats.spare_used);
  EXPECT_EQ(stats.kept, 0u);
  EXPECT_EQ(stats.linked, 2u);
  EXPECT_EQ(stats.written, 2u);
  EXPECT_EQ(tree(out_), (std::map<std::string, std::string>{{"a.html", "A"}, {"b.html", "B2"}, {"d/", ""},
                                                           {"d/c.html", "C"}, {"new/", ""}, {"new/n.html", "N"}}));
  EXPECT_TRUE(build(v2).spare_used);  // the copy, replaced, is the spare now
}

}  // namespace
}  // namespace congkhai
