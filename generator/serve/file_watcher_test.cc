#include "serve/file_watcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("congkhai-watch-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

bool has(const std::vector<std::string>& v, const fs::path& p) {
  for (const auto& s : v)
    if (s == p.string()) return true;
  return false;
}

TEST(FileWatcher, ReportsSavesInNestedAndNewFolders) {
  fs::path d = temp_dir("nested");
  fs::create_directories(d / "a" / "b");
  FileWatcher w({d.string(), (d / "khong-co").string()});
  ASSERT_EQ(w.error(), "");
  std::ofstream(d / "a" / "b" / "x.yaml") << "x: 1\n";
  auto changed = w.wait();
  EXPECT_TRUE(has(changed, d / "a" / "b" / "x.yaml"));

  fs::create_directories(d / "moi");
  changed = w.wait();
  EXPECT_TRUE(has(changed, d / "moi"));
  std::ofstream(d / "moi" / "y.md") << "y\n";
  changed = w.wait();
  EXPECT_TRUE(has(changed, d / "moi" / "y.md"));
  fs::remove_all(d);
}

TEST(FileWatcher, GathersABurstIntoOneChange) {
  fs::path d = temp_dir("burst");
  FileWatcher w({d.string()});
  for (int i = 0; i < 5; ++i) std::ofstream(d / ("f" + std::to_string(i) + ".yaml")) << i;
  auto changed = w.wait(100ms);
  EXPECT_TRUE(has(changed, d / "f0.yaml"));
  EXPECT_TRUE(has(changed, d / "f4.yaml"));
  fs::remove_all(d);
}

TEST(FileWatcher, IgnoresEditorScratchFiles) {
  fs::path d = temp_dir("scratch");
  FileWatcher w({d.string()});
  std::ofstream(d / ".2024.md.swp") << "x";
  std::ofstream(d / "2024.md~") << "x";
  std::ofstream(d / "that.md") << "x";
  auto changed = w.wait();
  ASSERT_FALSE(changed.empty());
  for (const auto& c : changed) EXPECT_EQ(c, (d / "that.md").string());
  fs::remove_all(d);
}

TEST(FileWatcher, StopWakesAWaitingThread) {
  fs::path d = temp_dir("stop");
  FileWatcher w({d.string()});
  std::thread t([&] { w.stop(); });
  EXPECT_TRUE(w.wait().empty());
  t.join();
  fs::remove_all(d);
}

}  // namespace
}  // namespace congkhai
