// `congkhai new site`: a portal repository in one command, whose workflows install the pinned
// package, and which `check`, `build` and `new unit` accept as it is.
#include "cli/new_site.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/testing_command.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using testing::read;

const std::string kSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

class NewSite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("congkhai-new-site-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  testing::CommandRun run(const std::string& args) {
    return testing::run_shell("cd '" + dir_.string() + "' && SOURCE_DATE_EPOCH=1735689600 " + CONGKHAI_BINARY +
                              " " + args + " 2>&1");
  }
  fs::path dir_;
};

TEST_F(NewSite, WritesAPortalThatChecksBuildsAndTakesUnits) {
  auto made = run("new site cong --title \"Cổng công khai tỉnh Hà Tĩnh\" --package-url "
                  "https://example.org/congkhai_0.1.0_amd64.deb --package-sha256 " + kSha);
  ASSERT_EQ(made.code, 0) << made.output;
  const fs::path site = dir_ / "cong";
  for (const char* file : {"README.md", ".gitignore", "content/site.yaml", ".github/workflows/kiem-tra.yml",
                           ".github/workflows/trien-khai.yml", ".github/actions/cai-congkhai/action.yml"})
    EXPECT_TRUE(fs::is_regular_file(site / file)) << file;
  // Every placeholder is filled in; the workflows are YAML; the package is pinned.
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (!entry.is_regular_file()) continue;
    std::string text = read(entry.path());
    EXPECT_EQ(text.find("@CONGKHAI_"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("@SITE_TITLE@"), std::string::npos) << entry.path();
    if (entry.path().extension() == ".yml") EXPECT_NO_THROW(YAML::Load(text)) << entry.path();
  }
  YAML::Node action = YAML::Load(read(site / ".github/actions/cai-congkhai/action.yml"));
  YAML::Node env = action["runs"]["steps"][0]["env"];
  EXPECT_EQ(env["CONGKHAI_DEB_URL"].as<std::string>(), "https://example.org/congkhai_0.1.0_amd64.deb");
  EXPECT_EQ(env["CONGKHAI_DEB_SHA256"].as<std::string>(), kSha);
  EXPECT_EQ(env["CONGKHAI_VERSION"].as<std::string>(), CONGKHAI_VERSION);
  EXPECT_NE(action["runs"]["steps"][0]["run"].as<std::string>().find("sha256sum -c"), std::string::npos);
  // Pull requests are checked with annotations; main is built with the cache and deployed.
  YAML::Node check = YAML::Load(read(site / ".github/workflows/kiem-tra.yml"));
  EXPECT_TRUE(check["on"]["pull_request"]);
  EXPECT_NE(read(site / ".github/workflows/kiem-tra.yml").find("congkhai check --format github"), std::string::npos);
  std::string deploy = read(site / ".github/workflows/trien-khai.yml");
  EXPECT_NE(deploy.find("actions/cache@"), std::string::npos);
  // The cache keeps the site, the cache file and the cache of parsed content files, not the
  // spare beside them (a second copy of the site): actions/cache hands each path it lists to
  // tar whole, so the folder .congkhai-cache must not be one of them.
  for (const auto& step : YAML::Load(deploy)["jobs"]["tao-trang"]["steps"]) {
    if (!step["uses"] || step["uses"].as<std::string>().rfind("actions/cache@", 0) != 0) continue;
    std::istringstream paths(step["with"]["path"].as<std::string>());
    std::vector<std::string> listed;
    for (std::string line; std::getline(paths, line);)
      if (!line.empty()) listed.push_back(line);
    EXPECT_EQ(listed, (std::vector<std::string>{"public", ".congkhai-cache/public", ".congkhai-cache/public.parsed"}));
  }
  EXPECT_NE(deploy.find("actions/deploy-pages@"), std::string::npos);
  EXPECT_EQ(deploy.find("cmake"), std::string::npos);  // nothing is compiled
  EXPECT_NE(read(site / "README.md").find("Cổng công khai tỉnh Hà Tĩnh"), std::string::npos);
  EXPECT_NE(read(site / "content/site.yaml").find("title: \"Cổng công khai tỉnh Hà Tĩnh\""), std::string::npos);

  EXPECT_EQ(run("check --content cong/content").code, 0);
  auto unit = run("new unit cong/content/ha-tinh --name \"Hà Tĩnh\" --level tinh");
  EXPECT_EQ(unit.code, 0) << unit.output;
  auto built = run("build --content cong/content --out cong/public");
  EXPECT_EQ(built.code, 0) << built.output;
}

TEST_F(NewSite, WithoutThePackageTheInstallStepStopsWithAMessage) {
  ASSERT_EQ(run("new site cong").code, 0);
  std::string action = read(dir_ / "cong/.github/actions/cai-congkhai/action.yml");
  EXPECT_NE(action.find(std::string("CONGKHAI_DEB_SHA256: \"") + kUnfilled + "\""), std::string::npos);
  EXPECT_NE(action.find("::error::Chưa điền"), std::string::npos);
}

TEST_F(NewSite, NeverWritesIntoAFolderInUseNorTakesAMalformedPin) {
  fs::create_directories(dir_ / "cong");
  std::ofstream(dir_ / "cong/ghi-chu.txt") << "của người khác";
  auto taken = run("new site cong");
  EXPECT_EQ(taken.code, 1) << taken.output;
  EXPECT_FALSE(fs::exists(dir_ / "cong/content"));
  EXPECT_EQ(run("new site moi --package-sha256 1234").code, 2);
  EXPECT_EQ(run("new site moi --package-sha256 " + kSha + " --package-url http://example.org/x.deb").code, 2);
  EXPECT_EQ(run("new site moi --package-url \"https://example.org/a\\\"b.deb\"").code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "moi"));
  fs::create_directories(dir_ / "trong");
  EXPECT_EQ(run("new site trong").code, 0);  // an empty folder is fine
}

}  // namespace
}  // namespace congkhai
