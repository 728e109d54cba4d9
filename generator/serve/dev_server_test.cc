#include "serve/dev_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include "serve/raw_http_test_util.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::RawConnection;
using testing::body_of;
using testing::header_of;
using testing::raw_get;
using testing::status_of;

const std::string kPage = "<!DOCTYPE html>\n<html><head><title>t</title></head><body>trang chủ</body></html>\n";

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("congkhai-serve-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A fake pipeline: the site's home page says what the watched file holds; "lỗi" in it is a
// content problem.
struct FakeSite {
  fs::path dir;
  std::atomic<int> builds{0};
  std::mutex mu;
  std::vector<std::string> changed;  // what the last build was told

  BuildOutcome build(const std::vector<std::string>& saved) {
    ++builds;
    {
      std::lock_guard lock(mu);
      changed = saved;
    }
    std::ifstream in(dir / "noi-dung.txt");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    BuildOutcome b;
    if (text.find("lỗi") != std::string::npos) {
      b.errors.push_back({(dir / "noi-dung.txt").string() + ":1:3: <lỗi> ở đây", " 1 | a lỗi\n   |   ^\n", "sửa đi"});
      return b;
    }
    b.files = {{"index.html", "<html><head></head><body>" + text + "</body></html>", ""},
               {"ha-tinh/index.html", kPage, ""},
               {"404.html", "<html><head></head><body>không có trang này</body></html>", ""},
               {"assets/style.css", "body{}", ""},
               {"du-lieu/ke-hoach.json", "{}", ""},
               {"tep/bien-ban.pdf", "", (dir / "bien-ban.pdf").string()}};
    return b;
  }
};

class DevServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_.dir = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    write("noi-dung.txt", "xin chào");
    write("bien-ban.pdf", "%PDF-1.4 giả");
    DevServerOptions o;
    o.build = [this](const std::vector<std::string>& changed) { return site_.build(changed); };
    o.watch = {site_.dir.string()};
    server_ = std::make_unique<DevServer>(o);
    std::string error;
    ASSERT_TRUE(server_->start(&error)) << error;
    port_ = server_->port();
    ASSERT_GT(port_, 0);
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(site_.dir);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(site_.dir / name, std::ios::binary) << text;
  }

  FakeSite site_;
  std::unique_ptr<DevServer> server_;
  int port_ = 0;
};

TEST_F(DevServerTest, ServesTheBuildFromMemoryWithTheRightTypes) {
  std::string home = raw_get(port_, "/");
  EXPECT_EQ(status_of(home), 200) << home;
  EXPECT_EQ(header_of(home, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(body_of(home).find("xin chào"), std::string::npos);
  std::string folder = raw_get(port_, "/ha-tinh/");
  EXPECT_EQ(status_of(folder), 200);
  std::string css = raw_get(port_, "/assets/style.css");
  EXPECT_EQ(header_of(css, "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(body_of(css), "body{}");
  EXPECT_EQ(header_of(raw_get(port_, "/du-lieu/ke-hoach.json"), "Content-Type"), "application/json");
  std::string pdf = raw_get(port_, "/tep/bien-ban.pdf");
  EXPECT_EQ(header_of(pdf, "Content-Type"), "application/pdf");
  EXPECT_EQ(body_of(pdf), "%PDF-1.4 giả");
}

TEST_F(DevServerTest, AddsTheReloadHookToPagesOnly) {
  EXPECT_NE(body_of(raw_get(port_, "/")).find(std::string("<script src=\"") + kReloadScriptPath),
            std::string::npos);
  EXPECT_EQ(body_of(raw_get(port_, "/assets/style.css")).find("script"), std::string::npos);
  std::string js = raw_get(port_, kReloadScriptPath);
  EXPECT_EQ(status_of(js), 200);
  EXPECT_NE(body_of(js).find("EventSource"), std::string::npos);
}

TEST_F(DevServerTest, RedirectsAFolderWithoutItsSlash) {
  std::string r = raw_get(port_, "/ha-tinh");
  EXPECT_EQ(status_of(r), 301);
  EXPECT_EQ(header_of(r, "Location"), "/ha-tinh/");
}

TEST_F(DevServerTest, UnknownPathsGetTheSites404PageWithStatus404) {
  std::string r = raw_get(port_, "/khong-co/");
  EXPECT_EQ(status_of(r), 404);
  EXPECT_NE(body_of(r).find("không có trang này"), std::string::npos);
  EXPECT_EQ(status_of(raw_get(port_, "/khong-co.css")), 404);
}

TEST_F(DevServerTest, RefusesPathsOutsideTheSite) {
  for (const char* target : {"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
                             "/ha-tinh/../../etc/passwd", "/..%2f..%2fetc/passwd", "/a%00.html",
                             "/..\\..\\etc\\passwd", "http://127.0.0.1/../etc/passwd"}) {
    std::string r = raw_get(port_, target);
    int status = status_of(r);
    EXPECT_TRUE(status == 400 || status == 404) << target << "\n" << r;
    EXPECT_EQ(r.find("root:"), std::string::npos) << target;
  }
  // A NUL byte written raw into the request line.
  std::string r = raw_get(port_, std::string("/index.html\0/../../etc/passwd", 29));
  EXPECT_NE(status_of(r), 200) << r;
}

TEST_F(DevServerTest, OnlyGetAndHead) {
  RawConnection c(port_);
  ASSERT_TRUE(c.send_all("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
  EXPECT_EQ(status_of(c.read_until("\x01", 3s)), 405);
}

TEST_F(DevServerTest, RebuildsOnSaveAndTellsTheOpenTabs) {
  RawConnection events(port_);
  ASSERT_TRUE(events.send_all(std::string("GET ") + kEventsPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const std::string& hello = events.read_until("event: hello", 2s);
  ASSERT_NE(hello.find("event: hello"), std::string::npos) << hello;
  EXPECT_NE(hello.find("Content-Type: text/event-stream"), std::string::npos);
  int before = site_.builds;

  auto t0 = std::chrono::steady_clock::now();
  write("noi-dung.txt", "đã sửa");
  const std::string& got = events.read_until("event: reload", 1s);
  auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_NE(got.find("event: reload"), std::string::npos) << got;
  EXPECT_LT(took, 1s);
  EXPECT_GT(site_.builds, before);
  EXPECT_NE(body_of(raw_get(port_, "/")).find("đã sửa"), std::string::npos);
  std::lock_guard lock(site_.mu);
  // Each event of the save names the file (an editor's save may be several).
  EXPECT_EQ(std::set<std::string>(site_.changed.begin(), site_.changed.end()),
            std::set<std::string>{(site_.dir / "noi-dung.txt").string()});
}

// A build may hand back a lookup that makes each file when it is asked for.
TEST(DevServerLookup, MakesEachFileWhenAskedAndShowsItsProblems) {
  std::atomic<int> made{0};
  DevServerOptions o;
  o.build = [&](const std::vector<std::string>&) {
    BuildOutcome b;
    b.lookup = [&](const std::string& path, std::vector<ErrorItem>* errors) -> std::optional<OutputFile> {
      ++made;
      if (path == "index.html" || path == "ha-tinh/index.html")
        return OutputFile{path, "<html><head></head><body>lần " + std::to_string(made) + "</body></html>", ""};
      if (path == "hong/index.html") {
        errors->push_back({"themes/page.mustache:3:1: thẻ không đóng", "", ""});
        return OutputFile{path, "", ""};
      }
      return std::nullopt;
    };
    return b;
  };
  DevServer server(o);
  std::string error;
  ASSERT_TRUE(server.start(&error)) << error;
  EXPECT_EQ(made, 0);
  EXPECT_NE(body_of(raw_get(server.port(), "/")).find("lần 1"), std::string::npos);
  EXPECT_NE(body_of(raw_get(server.port(), "/")).find("lần 2"), std::string::npos);
  EXPECT_EQ(status_of(raw_get(server.port(), "/ha-tinh")), 301);
  std::string broken = raw_get(server.port(), "/hong/");
  EXPECT_EQ(status_of(broken), 500);
  EXPECT_NE(body_of(broken).find("thẻ không đóng"), std::string::npos);
  EXPECT_EQ(status_of(raw_get(server.port(), "/khong-co/")), 404);
}

TEST_F(DevServerTest, WatchesFoldersCreatedLater) {
  fs::create_directories(site_.dir / "moi" / "sau");
  std::this_thread::sleep_for(300ms);  // the folder's own event and its rebuild
  auto gen = server_->generation();
  std::ofstream(site_.dir / "moi" / "sau" / "tep.yaml") << "a: 1\n";
  auto deadline = std::chrono::steady_clock::now() + 1s;
  while (server_->generation() == gen && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  EXPECT_GT(server_->generation(), gen);
}

TEST_F(DevServerTest, ShowsTheProblemsInsteadOfAStalePage) {
  write("noi-dung.txt", "a lỗi");
  server_->rebuild();
  std::string r = raw_get(port_, "/");
  EXPECT_EQ(status_of(r), 500);
  std::string body = body_of(r);
  EXPECT_NE(body.find("noi-dung.txt:1:3: &lt;lỗi&gt; ở đây"), std::string::npos) << body;
  EXPECT_NE(body.find("   |   ^"), std::string::npos);
  EXPECT_NE(body.find("Gợi ý: sửa đi"), std::string::npos);
  EXPECT_NE(body.find(kReloadScriptPath), std::string::npos);
  EXPECT_EQ(status_of(raw_get(port_, "/ha-tinh/")), 500);
  // Assets of the last good build still load, so a fixed page comes back styled.
  EXPECT_EQ(body_of(raw_get(port_, "/assets/style.css")), "body{}");

  write("noi-dung.txt", "ổn rồi");
  server_->rebuild();
  EXPECT_EQ(status_of(raw_get(port_, "/")), 200);
}

// DNS rebinding: a page of another site whose name now resolves to this machine sends its
// own name; the preview answers only this machine's names.
TEST_F(DevServerTest, AnswersOnlyToThisMachinesNames) {
  for (const char* host : {"attacker.example", "attacker.example:" , "127.0.0.1.attacker.example"}) {
    RawConnection c(port_);
    ASSERT_TRUE(c.send_all(std::string("GET / HTTP/1.1\r\nHost: ") + host + "\r\nConnection: close\r\n\r\n"));
    std::string r = c.read_until("\x01", 3s);
    EXPECT_EQ(status_of(r), 403) << host << "\n" << r;
    EXPECT_EQ(r.find("xin chào"), std::string::npos) << host;
  }
  for (const char* host : {"127.0.0.1", "localhost:1234", "[::1]"}) {
    RawConnection c(port_);
    ASSERT_TRUE(c.send_all(std::string("GET / HTTP/1.1\r\nHost: ") + host + "\r\nConnection: close\r\n\r\n"));
    EXPECT_EQ(status_of(c.read_until("\x01", 3s)), 200) << host;
  }
  RawConnection events(port_);
  ASSERT_TRUE(events.send_all(std::string("GET ") + kEventsPath + " HTTP/1.1\r\nHost: evil.example\r\n\r\n"));
  EXPECT_EQ(status_of(events.read_until("\r\n\r\n", 3s)), 403);
}

std::size_t got_headers_end(RawConnection& c) {
  const std::string& head = c.read_until("\r\n\r\n", 3s);
  std::size_t at = head.find("\r\n\r\n");
  return at == std::string::npos ? 0 : at + 4;
}

// Each open tab holds a reload stream; however many tabs are open, pages are still served,
// and the tabs past the limit still learn of a rebuild by asking again.
TEST_F(DevServerTest, ManyOpenTabsDoNotStarveThePages) {
  std::vector<std::unique_ptr<RawConnection>> tabs;
  for (int i = 0; i < 40; ++i) {
    auto tab = std::make_unique<RawConnection>(port_);
    ASSERT_TRUE(tab->send_all(std::string("GET ") + kEventsPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    tabs.push_back(std::move(tab));
  }
  int streams = 0, polls = 0;
  std::string polled;  // what a tab told to poll heard
  for (auto& tab : tabs) {
    const std::string& got = tab->read_until("\n\n", 3s, got_headers_end(*tab));
    ASSERT_NE(got.find("event: hello"), std::string::npos) << got;
    if (got.find("retry: 2000") != std::string::npos) {
      ++polls;
      polled = got.substr(got.find("data: "));
    } else {
      ++streams;
    }
  }
  EXPECT_EQ(streams, 24);
  EXPECT_EQ(polls, 16);
  std::string home = raw_get(port_, "/", 3s);
  EXPECT_EQ(status_of(home), 200) << home;
  // A tab that was told to poll asks again and hears of the rebuild through its hello.
  write("noi-dung.txt", "đã sửa");
  server_->rebuild();
  std::string again = body_of(raw_get(port_, kEventsPath, 1s));
  ASSERT_NE(again.find("data: "), std::string::npos) << again;
  EXPECT_NE(again.substr(again.find("data: ")), polled);
  tabs.clear();
}

TEST_F(DevServerTest, StopsPromptlyWithATabListening) {
  RawConnection events(port_);
  ASSERT_TRUE(events.send_all(std::string("GET ") + kEventsPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  events.read_until("event: hello", 2s);
  auto t0 = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
}

}  // namespace
}  // namespace congkhai
