// `congkhai serve` as an official uses it: start it on a free loopback port, open a page and
// its event stream, save a file, and see the rebuilt page and a reload event within a second;
// a broken save shows the problems; paths outside the site are refused; SIGTERM stops it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "serve/raw_http_test_util.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using congkhai::testing::RawConnection;
using congkhai::testing::body_of;
using congkhai::testing::header_of;
using congkhai::testing::raw_get;
using congkhai::testing::status_of;

const fs::path kSmallSite = fs::path(CONGKHAI_SOURCE_DIR) / "tests/fixtures/small-site";
const std::string kEvents = "/__congkhai/events";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces a file the way editors do: write a new file, rename it over the old one.
void save(const fs::path& p, const std::string& text) {
  fs::path tmp = p.parent_path() / ("." + p.filename().string() + ".tmp");
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, p);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

class Serve : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("congkhai-serve-e2e-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(kSmallSite / "content", dir_ / "content", fs::copy_options::recursive);
    log_ = dir_ / "serve.log";
    pid_ = fork();
    if (pid_ == 0) {
      if (chdir(dir_.c_str()) != 0) _exit(120);
      FILE* out = std::fopen(log_.c_str(), "w");
      dup2(fileno(out), 1);
      dup2(fileno(out), 2);
      setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
      execl(CONGKHAI_BINARY, CONGKHAI_BINARY, "serve", "--port", "0", "--content", "content", nullptr);
      _exit(127);
    }
    // The URL is printed once the first build is served.
    std::regex url("http://127\\.0\\.0\\.1:([0-9]+)/");
    auto deadline = std::chrono::steady_clock::now() + 15s;
    while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
      std::smatch m;
      std::string log = read(log_);
      if (std::regex_search(log, m, url)) port_ = std::stoi(m[1]);
      else std::this_thread::sleep_for(20ms);
    }
    ASSERT_GT(port_, 0) << read(log_);
  }

  void TearDown() override {
    if (pid_ > 0 && !stopped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  // Sends SIGTERM; returns the exit status, or -1 when it did not stop within 3 s.
  int stop() {
    kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + 3s;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        stopped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(10ms);
    }
    return -1;
  }

  fs::path dir_, log_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool stopped_ = false;
};

TEST_F(Serve, RebuildsAndReloadsWithinASecondOfASave) {
  std::string unit_page = raw_get(port_, "/ha-tinh/son-lam/");
  ASSERT_EQ(status_of(unit_page), 200) << unit_page;
  EXPECT_EQ(header_of(unit_page, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(body_of(unit_page).find("Sơn Lâm"), std::string::npos);
  EXPECT_NE(body_of(unit_page).find("/__congkhai/reload.js"), std::string::npos);

  RawConnection events(port_);
  ASSERT_TRUE(events.send_all("GET " + kEvents + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  ASSERT_NE(events.read_until("event: hello", 3s).find("event: hello"), std::string::npos);

  fs::path site = dir_ / "content/site.yaml";
  auto t0 = std::chrono::steady_clock::now();
  save(site, replaced(read(site), "(thử nghiệm)", "(đã sửa lúc xem trước)"));
  const std::string& got = events.read_until("event: reload", 1s);
  ASSERT_NE(got.find("event: reload"), std::string::npos) << got << read(log_);
  std::string home = raw_get(port_, "/");
  auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(status_of(home), 200);
  EXPECT_NE(body_of(home).find("(đã sửa lúc xem trước)"), std::string::npos);
  EXPECT_LT(took, 1s) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
  EXPECT_EQ(stop(), 0) << read(log_);
}

// A save of a plan is read alone: the terminal says so, and the page shows the edit.
TEST_F(Serve, ASavedPlanIsReadAlone) {
  RawConnection events(port_);
  ASSERT_TRUE(events.send_all("GET " + kEvents + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  ASSERT_NE(events.read_until("event: hello", 3s).find("event: hello"), std::string::npos);

  fs::path plan = dir_ / "content/ha-tinh/son-lam/plans/2024.md";
  save(plan, replaced(read(plan), "của UBND huyện Hương Sơn", "của Ủy ban nhân dân huyện Hương Sơn"));
  ASSERT_NE(events.read_until("event: reload", 1s).find("event: reload"), std::string::npos) << read(log_);
  std::string page = raw_get(port_, "/ha-tinh/son-lam/ke-hoach/2024/");
  EXPECT_EQ(status_of(page), 200);
  EXPECT_NE(body_of(page).find("của Ủy ban nhân dân huyện Hương Sơn"), std::string::npos);
  EXPECT_NE(read(log_).find("1 tệp được đọc lại"), std::string::npos) << read(log_);
  EXPECT_EQ(stop(), 0);
}

TEST_F(Serve, ABrokenSaveShowsTheProblemsInTheBrowserAndTheTerminal) {
  RawConnection events(port_);
  ASSERT_TRUE(events.send_all("GET " + kEvents + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  ASSERT_NE(events.read_until("event: hello", 3s).find("event: hello"), std::string::npos);

  fs::path progress = dir_ / "content/ha-tinh/son-lam/progress/2024-q1.yaml";
  std::string good = read(progress);
  save(progress, replaced(good, "status: done", "status: <xong>"));
  std::size_t seen = events.read_until("event: reload", 1s).find("event: reload");
  ASSERT_NE(seen, std::string::npos);

  std::string page = raw_get(port_, "/ha-tinh/son-lam/");
  EXPECT_EQ(status_of(page), 500);
  std::string body = body_of(page);
  EXPECT_NE(body.find("content/ha-tinh/son-lam/progress/2024-q1.yaml:8:13: trạng thái &quot;&lt;xong&gt;&quot; không hợp lệ"),
            std::string::npos)
      << body;
  EXPECT_NE(body.find(" 8 |     status: &lt;xong&gt;"), std::string::npos);
  EXPECT_NE(body.find("Gợi ý: trạng thái phải là một trong"), std::string::npos);
  EXPECT_EQ(body.find("<xong>"), std::string::npos);
  EXPECT_EQ(status_of(raw_get(port_, "/")), 500);
  EXPECT_NE(read(log_).find("progress/2024-q1.yaml:8:13: trạng thái \"<xong>\" không hợp lệ"), std::string::npos);

  save(progress, good);
  ASSERT_NE(events.read_until("event: reload", 1s, seen + 1).find("event: reload", seen + 1), std::string::npos);
  EXPECT_EQ(status_of(raw_get(port_, "/ha-tinh/son-lam/")), 200);
  EXPECT_EQ(stop(), 0);
}

TEST_F(Serve, RefusesPathsOutsideTheSite) {
  for (const char* target : {"/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                             "/ha-tinh/%2E%2E/%2E%2E/etc/passwd", "/..%2F..%2Fetc%2Fpasswd"}) {
    std::string r = raw_get(port_, target);
    EXPECT_EQ(status_of(r), 400) << target << "\n" << r;
    EXPECT_EQ(r.find("root:"), std::string::npos);
  }
  EXPECT_EQ(status_of(raw_get(port_, "/khong-co-trang-nay/")), 404);
  EXPECT_EQ(stop(), 0);
}

TEST_F(Serve, ListensOnLoopbackOnly) {
  EXPECT_NE(read(log_).find("http://127.0.0.1:"), std::string::npos);
  EXPECT_EQ(read(log_).find("Cảnh báo"), std::string::npos);
  EXPECT_EQ(stop(), 0);
}

// The reload hook is added by the server, never written into a built site.
TEST(Build, WritesNoReloadHook) {
  fs::path out = fs::temp_directory_path() / ("congkhai-serve-e2e-build-" + std::to_string(::getpid()));
  fs::remove_all(out);
  std::string cmd = "SOURCE_DATE_EPOCH=1735689600 " + std::string(CONGKHAI_BINARY) + " build --content " +
                    (kSmallSite / "content").string() + " --out " + out.string() + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  int pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (e.path().extension() != ".html") continue;
    ++pages;
    EXPECT_EQ(read(e.path()).find("__congkhai"), std::string::npos) << e.path();
  }
  EXPECT_GT(pages, 3);
  fs::remove_all(out);
}

}  // namespace
