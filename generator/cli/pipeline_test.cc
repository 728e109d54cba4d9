// The pipeline streaming into the writer: problems found while the files are being made
// (after some were written into the staging folder) still publish nothing.
#include "cli/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cli/testing_command.h"
#include "write/site_writer.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;

class StreamingBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("congkhai-pipeline-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    // A copy of the default theme, to break; the content is the sample's.
    fs::copy(CONGKHAI_DEFAULT_THEME_DIR, root_ / "theme", fs::copy_options::recursive);
    options_.content_dir = fs::path(CONGKHAI_SOURCE_DIR) / "content";
    options_.default_theme_dir = (root_ / "theme").string();
    options_.as_of = Date{2026, 10, 15};  // every sample plan issued by then
    options_.version = "test";
    options_.threads = 2;
    out_ = (root_ / "public").string();
    std::string error;
    ASSERT_TRUE(write_site({{"index.html", "previous", ""}}, out_, &error)) << error;
  }
  void TearDown() override { fs::remove_all(root_); }

  // Builds into a SiteWriter and publishes only when there were no problems, as `build` does.
  PipelineResult build(bool* published) {
    SiteWriter writer(out_);
    std::string error;
    EXPECT_TRUE(writer.open(&error)) << error;
    PipelineResult r = build_site(options_, writer);
    written_before_publishing_ = writer.count();
    *published = r.diags.empty() && writer.publish(&error);
    return r;
  }

  bool nothing_left_beside_the_output() const {
    for (const auto& e : fs::directory_iterator(root_))
      if (e.path().filename().string().rfind(".public.tmp-", 0) == 0) return false;
    return true;
  }

  fs::path root_;
  std::string out_;
  PipelineOptions options_;
  std::size_t written_before_publishing_ = 0;
};

TEST_F(StreamingBuild, ASoundBuildIsPublished) {
  bool published = false;
  PipelineResult r = build(&published);
  EXPECT_TRUE(r.diags.empty());
  EXPECT_TRUE(published);
  EXPECT_GT(r.file_count, 50u);
  EXPECT_EQ(written_before_publishing_, r.file_count);
  EXPECT_EQ(r.pages_rendered + r.pages_reused, 19u);  // the sample's pages
  EXPECT_NE(read(fs::path(out_) / "index.html"), "previous");
  EXPECT_TRUE(r.files.empty());  // streamed, not kept
  EXPECT_TRUE(nothing_left_beside_the_output());
}

// A template missing from the theme is found with the content's problems, before the first
// file is made, and `check` finds it too.
TEST_F(StreamingBuild, AMissingTemplateIsFoundBeforeAnyFileIsMadeAndByCheck) {
  fs::remove(root_ / "theme/templates/report.mustache");
  bool published = true;
  PipelineResult r = build(&published);
  ASSERT_FALSE(r.diags.empty());
  EXPECT_NE(r.diags[0].path.find("report.mustache"), std::string::npos) << r.diags[0].path;
  EXPECT_EQ(written_before_publishing_, 0u);
  EXPECT_FALSE(published);
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "previous");
  EXPECT_TRUE(nothing_left_beside_the_output());
  EXPECT_EQ(check_site(options_).diags.size(), r.diags.size());
}

// Likewise pako's inflate, which the search publishes beside lunr.js.
TEST_F(StreamingBuild, AThemeAssetNamedLikeTheInflateLibraryIsReported) {
  std::ofstream(root_ / "theme/assets/pako_inflate.min.js") << "// not pako";
  std::ofstream(root_ / "pako.js") << "// pako";
  options_.libraries.inflate_js = (root_ / "pako.js").string();
  PipelineResult checked = check_site(options_);
  ASSERT_EQ(checked.diags.size(), 1u);
  EXPECT_EQ(checked.diags[0].path, (root_ / "theme/assets/pako_inflate.min.js").generic_string());
  EXPECT_NE(checked.diags[0].message_en.find("assets/pako_inflate.min.js, which the search uses"), std::string::npos)
      << checked.diags[0].message_en;
}

// A theme asset named like the copy of lunr.js the search stage publishes would be a second
// file for one path: reported at the asset, by build before any file is made, and by check.
TEST_F(StreamingBuild, AThemeAssetNamedLikeASearchFileIsReportedAtTheAsset) {
  std::ofstream(root_ / "theme/assets/lunr.min.js") << "// not lunr";
  std::ofstream(root_ / "lunr.min.js") << "// lunr";
  options_.libraries.lunr_js = (root_ / "lunr.min.js").string();
  bool published = true;
  PipelineResult r = build(&published);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].path, (root_ / "theme/assets/lunr.min.js").generic_string());
  EXPECT_NE(r.diags[0].message_en.find("which the search uses"), std::string::npos) << r.diags[0].message_en;
  EXPECT_EQ(written_before_publishing_, 0u);
  EXPECT_FALSE(published);
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "previous");
  EXPECT_TRUE(nothing_left_beside_the_output());
  PipelineResult checked = check_site(options_);
  ASSERT_EQ(checked.diags.size(), 1u);
  EXPECT_EQ(format_diagnostic(checked.diags[0]), format_diagnostic(r.diags[0]));
}

TEST_F(StreamingBuild, ContentProblemsHandOutNothing) {
  fs::copy(options_.content_dir, root_ / "content", fs::copy_options::recursive);
  options_.content_dir = (root_ / "content").string();
  std::ofstream(root_ / "content/site.yaml", std::ios::app) << "\n: : :\n";
  bool published = true;
  PipelineResult r = build(&published);
  EXPECT_FALSE(r.diags.empty());
  EXPECT_EQ(written_before_publishing_, 0u);
  EXPECT_EQ(r.file_count, 0u);
  EXPECT_FALSE(published);
  EXPECT_EQ(read(fs::path(out_) / "index.html"), "previous");
  EXPECT_TRUE(nothing_left_beside_the_output());
}

// Without a sink the files are kept, sorted (the dev server serves them from memory).
TEST_F(StreamingBuild, WithoutASinkTheFilesAreKeptSorted) {
  PipelineResult r = build_site(options_);
  ASSERT_TRUE(r.diags.empty());
  ASSERT_EQ(r.files.size(), r.file_count);
  for (std::size_t i = 1; i < r.files.size(); ++i) EXPECT_LT(r.files[i - 1].path, r.files[i].path);
}

}  // namespace
}  // namespace congkhai
