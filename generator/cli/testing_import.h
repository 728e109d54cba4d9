// Test helper: `congkhai import plan` run in a copy of the sample content whose unit Sơn Lâm
// has no plan, progress or reports yet, so that the import writes plans/2023.md afresh.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/testing_command.h"

namespace congkhai::testing {

class ImportCommandFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("congkhai-import-" + std::to_string(::getpid()) + "-" + test->test_suite_name() + "-" + test->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy(std::filesystem::path(CONGKHAI_SOURCE_DIR) / "content", dir_ / "content",
                          std::filesystem::copy_options::recursive);
    std::filesystem::remove(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md");
    std::filesystem::remove_all(dir_ / "content/ha-tinh/huong-son/son-lam/progress");
    std::filesystem::remove_all(dir_ / "content/ha-tinh/huong-son/son-lam/reports");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandRun import(const std::string& args) {
    return run_shell("cd '" + dir_.string() + "' && '" + CONGKHAI_BINARY + "' import plan " + args + " 2>&1");
  }
  std::string fixture(const std::string& name) { return std::string(CONGKHAI_SOURCE_DIR) + "/tests/fixtures/import/" + name; }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  bool written() { return std::filesystem::exists(dir_ / "content/ha-tinh/huong-son/son-lam/plans/2023.md"); }

  std::filesystem::path dir_;
  const std::string unit_ = "--unit content/ha-tinh/huong-son/son-lam";
};

}  // namespace congkhai::testing
