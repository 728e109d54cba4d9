// The real `congkhai` binary given empty and odd option values: a wrong command line is exit 2
// with a message, never an abort, and nothing is read or written.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/testing_command.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

class CommandLineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("congkhai-command-line-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(CONGKHAI_SOURCE_DIR) / "tests/bad-input/good/content", dir_ / "content",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Run in the temporary folder, bounded in time: a serve that started would never end.
  testing::CommandRun run(const std::string& args) {
    return testing::run_shell("cd '" + dir_.string() + "' && SOURCE_DATE_EPOCH=1735689600 timeout 20 " +
                              CONGKHAI_BINARY + " " + args + " 2>&1");
  }

  fs::path dir_;
};

TEST_F(CommandLineTest, EmptyAndOddValuesAreUsageErrors) {
  const std::vector<std::string> usage_errors = {
      "build --out ''",           "build --out=",
      "build --content ''",       "check --content ''",
      "serve --content '' --port 0",
      "build --lang ''",          "build --format ''",
      "check --jobs ''",          "check -j -1",
      "check --jobs 100000000000", "check --jobs x",
      "serve --port ''",          "serve --port 70000",
      "build --out",              "build --unknown",
      "",                         "nothing",
  };
  for (const auto& args : usage_errors) {
    testing::CommandRun r = run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.output;
    EXPECT_FALSE(r.output.empty()) << args;
    EXPECT_EQ(r.output.find("terminate"), std::string::npos) << args << "\n" << r.output;
  }
  EXPECT_NE(run("build --out ''").output.find("--out"), std::string::npos);
  EXPECT_NE(run("build --content ''").output.find("không được để trống"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "public"));  // nothing was written
}

// `new` reports a value that names nothing usable as a problem of what it names (exit 1,
// as its own tests expect) or of the command line (exit 2): never an abort.
TEST_F(CommandLineTest, NewWithEmptyAndOddValuesNeverAborts) {
  const std::vector<std::string> runs = {
      "new unit '' --name A --level xa",       "new unit content/x --name '' --level xa",
      "new unit content/x --name A --level ''", "new plan '' --year 2025",
      "new plan content/xa-a --year ''",       "new plan content/xa-a --year 2025 --from ../../etc",
      "new progress '' --plan 2024 --period 2024-Q1", "new progress content/xa-a --plan '' --period 2024-Q1",
      "new progress content/xa-a --plan 2024 --period ''", "new report content/xa-a --plan 2024 --period 2024-Q9",
      "new progress content/xa-a --plan " + std::string(100000, 'a') + " --period 2024-Q1",
      "new plan content/" + std::string(5000, 'a') + " --year 2025",
      "new unit content/" + std::string(5000, 'a') + " --name A --level xa",
  };
  for (const auto& args : runs) {
    testing::CommandRun r = run(args);
    EXPECT_TRUE(r.code == 1 || r.code == 2) << args.substr(0, 80) << "\n" << r.output.substr(0, 400);
    EXPECT_FALSE(r.output.empty()) << args.substr(0, 80);
    EXPECT_EQ(r.output.find("terminate"), std::string::npos) << args.substr(0, 80);
  }
}

// Values a command line may hold that name no usable folder: each a clear failure, never an
// abort, and the content folder is never touched.
TEST_F(CommandLineTest, OutputFoldersThatCannotBeWrittenFailWithAMessage) {
  const std::vector<std::string> write_errors = {
      "build --out content",  // a folder Công khai did not make
      "build --out content/site.yaml",
      "build --out /dev/null",
      "build --out /proc/self/nope",
      "build --out " + std::string(300, 'x'),
  };
  for (const auto& args : write_errors) {
    testing::CommandRun r = run(args);
    EXPECT_EQ(r.code, 3) << args << "\n" << r.output;
    EXPECT_NE(r.output.find("congkhai: "), std::string::npos) << args << "\n" << r.output;
    EXPECT_EQ(r.output.find("terminate"), std::string::npos) << args << "\n" << r.output;
  }
  EXPECT_TRUE(fs::exists(dir_ / "content/site.yaml"));
  // And the ordinary command still works after all of them.
  EXPECT_EQ(run("build --out public").code, 0);
}

}  // namespace
}  // namespace congkhai
