#include "load/regular_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace congkhai {
namespace {

namespace fs = std::filesystem;

class RegularFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("congkhai-regular-file-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(RegularFileTest, ReadsARegularFileWhole) {
  std::ofstream(dir_ / "a.yaml") << "name: A\n";
  RegularFile r = read_regular_file((dir_ / "a.yaml").string(), 100);
  EXPECT_EQ(r.status, RegularFile::Status::kOk);
  EXPECT_EQ(r.bytes, "name: A\n");
  EXPECT_EQ(read_regular_file((dir_ / "a.yaml").string(), 8).status, RegularFile::Status::kOk);
  EXPECT_EQ(read_regular_file((dir_ / "a.yaml").string(), 7).status, RegularFile::Status::kTooLarge);
  EXPECT_EQ(read_regular_file((dir_ / "missing").string(), 100).status, RegularFile::Status::kCannotRead);
}

// A named pipe with no writer: opening it to read would wait forever.
TEST_F(RegularFileTest, RefusesANamedPipeAtOnce) {
  const fs::path fifo = dir_ / "unit.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  RegularFile r = read_regular_file(fifo.string(), 100);
  EXPECT_EQ(r.status, RegularFile::Status::kNotRegular);
  EXPECT_STREQ(r.kind_en, "a named pipe");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  Diagnostic d = not_regular_file_diagnostic("content/xa-a/unit.yaml", r);
  EXPECT_EQ(d.message_en, "not a regular file but a named pipe; only regular files are read");
}

// Devices are refused before they are opened: /dev/zero would be read until memory ran out.
TEST_F(RegularFileTest, RefusesDevicesAndFolders) {
  RegularFile zero = read_regular_file("/dev/zero", 1 << 20);
  EXPECT_EQ(zero.status, RegularFile::Status::kNotRegular);
  EXPECT_STREQ(zero.kind_en, "a device");
  EXPECT_EQ(read_regular_file("/dev/null", 100).status, RegularFile::Status::kNotRegular);
  EXPECT_STREQ(read_regular_file(dir_.string(), 100).kind_en, "a folder");
  // A link to a device is followed, and refused as well.
  fs::create_symlink("/dev/zero", dir_ / "site.yaml");
  EXPECT_EQ(read_regular_file((dir_ / "site.yaml").string(), 100).status, RegularFile::Status::kNotRegular);
}

}  // namespace
}  // namespace congkhai
