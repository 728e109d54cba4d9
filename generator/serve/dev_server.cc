#include "serve/dev_server.h"

#include "text/xml.h"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <limits>
#include <unordered_map>

#include "load/regular_file.h"
#include "serve/allowed_host.h"
#include "serve/content_type.h"
#include "serve/file_watcher.h"
#include "serve/request_path.h"

namespace congkhai {

namespace {

using FileMap = std::unordered_map<std::string, OutputFile>;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Pages, and anything without an extension that a reader could have meant as a page.
bool is_page_request(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  return ends_with(path, ".html") || name.find('.') == std::string_view::npos;
}

// A copied file (evidence, theme assets) is read from its source at each request; only a
// regular file, so that a pipe put in its place cannot hold a worker thread forever.
std::optional<std::string> read_file(const std::string& path) {
  RegularFile file = read_regular_file(path, std::numeric_limits<std::size_t>::max() / 2);
  if (file.status != RegularFile::Status::kOk) return std::nullopt;
  return std::move(file.bytes);
}

std::string simple_page(const std::string& title, const std::string& text, bool english) {
  return dev_page_html(title, "<p>" + xml_escape(text) + "</p>\n", english);
}

constexpr const char* kHtml = "text/html; charset=utf-8";

// Each open tab's reload stream holds one of the server's workers for as long as the tab is
// open. At most kMaxEventStreams of them are held: past that, a tab gets its "hello" and the
// stream ends at once, and the browser asks again after kPollRetryMs (the generation in each
// hello tells it whether to reload). So kWorkers - kMaxEventStreams workers are always left
// for the pages, however many tabs are open.
constexpr int kWorkers = 32;
constexpr int kMaxEventStreams = 24;
constexpr int kPollRetryMs = 2000;

}  // namespace

struct DevServer::Site {
  FileLookup files;        // the last good build (kept while there are errors)
  std::string error_page;  // non-empty while the content has problems
  std::string note;        // BuildOutcome::note
};

DevServer::DevServer(DevServerOptions options) : options_(std::move(options)) {
  instance_ = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

DevServer::~DevServer() { stop(); }

std::uint64_t DevServer::generation() const {
  std::lock_guard lock(mu_);
  return generation_;
}

namespace {

FileLookup lookup_in(OutputFiles files) {
  auto map = std::make_shared<FileMap>();
  for (auto& f : files) {
    std::string path = f.path;
    map->emplace(std::move(path), std::move(f));
  }
  return [map](const std::string& path, std::vector<ErrorItem>*) -> std::optional<OutputFile> {
    auto it = map->find(path);
    if (it == map->end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

void DevServer::rebuild(const std::vector<std::string>& changed) {
  BuildOutcome outcome = options_.build ? options_.build(changed) : BuildOutcome{};
  auto site = std::make_shared<Site>();
  site->note = std::move(outcome.note);
  if (outcome.errors.empty()) {
    site->files = outcome.lookup ? std::move(outcome.lookup) : lookup_in(std::move(outcome.files));
  } else {
    site->error_page = with_reload_hook(error_page_html(outcome.errors, options_.english));
  }
  {
    std::lock_guard lock(mu_);
    if (!site->files) site->files = site_ ? site_->files : lookup_in({});
    site_ = std::move(site);
    ++generation_;
  }
  changed_.notify_all();
}

void DevServer::install_handlers() {
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!is_allowed_host(req.get_header_value("Host"), options_.host)) {
      res.status = 403;
      std::string where = "http://127.0.0.1:" + std::to_string(port_) + "/";
      res.set_content(simple_page(options_.english ? "Forbidden" : "Không được phép",
                                  options_.english
                                      ? "This preview answers only to the names of this machine. Open " + where
                                      : "Bản xem trước chỉ trả lời các tên của chính máy này. Hãy mở " + where,
                                  options_.english),
                      kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }
    std::string_view raw = req.target;
    std::string_view path_only = raw.substr(0, raw.find_first_of("?#"));
    if (path_only == kEventsPath) {
      res.set_header("X-Accel-Buffering", "no");
      if (open_streams_.fetch_add(1) >= kMaxEventStreams) {
        open_streams_.fetch_sub(1);
        res.set_header("Connection", "close");  // nor hold a worker while the connection idles
        std::lock_guard lock(mu_);
        res.set_content("retry: " + std::to_string(kPollRetryMs) + "\nevent: hello\ndata: " + instance_ + "-" +
                            std::to_string(generation_) + "\n\n",
                        "text/event-stream");
        return httplib::Server::HandlerResponse::Handled;
      }
      // Each stream remembers the generation it last announced; it is held by one worker
      // thread until the tab goes away or the server stops.
      auto seen = std::make_shared<std::uint64_t>(0);
      auto hello = std::make_shared<bool>(true);
      res.set_chunked_content_provider(
          "text/event-stream", [this, seen, hello](std::size_t, httplib::DataSink& sink) {
            std::unique_lock lock(mu_);
            if (*hello) {
              *hello = false;
              *seen = generation_;
              std::string msg = "retry: 500\nevent: hello\ndata: " + instance_ + "-" +
                                std::to_string(generation_) + "\n\n";
              lock.unlock();
              return sink.write(msg.data(), msg.size());
            }
            changed_.wait_for(lock, std::chrono::seconds(15),
                              [&] { return stopping_ || generation_ != *seen; });
            if (stopping_) {
              lock.unlock();
              sink.done();
              return true;
            }
            std::string msg;
            if (generation_ != *seen) {
              *seen = generation_;
              msg = "event: reload\ndata: " + instance_ + "-" + std::to_string(generation_) + "\n\n";
            } else {
              msg = ": ping\n\n";  // finds tabs that went away
            }
            lock.unlock();
            return sink.write(msg.data(), msg.size());
          },
          [this](bool) { open_streams_.fetch_sub(1); });
      return httplib::Server::HandlerResponse::Handled;
    }
    if (path_only == kReloadScriptPath) {
      res.set_content(reload_script(), "text/javascript; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    auto path = site_path_for_target(raw);
    if (!path) {
      res.status = 400;
      res.set_content(simple_page(options_.english ? "Bad request" : "Yêu cầu không hợp lệ",
                                  options_.english ? "This address points outside the site."
                                                   : "Địa chỉ này trỏ ra ngoài trang web.",
                                  options_.english),
                      kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }
    std::shared_ptr<const Site> site;
    {
      std::lock_guard lock(mu_);
      site = site_;
    }
    if (!site) {
      res.status = 503;
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!site->error_page.empty() && is_page_request(*path)) {
      res.status = 500;
      res.set_content(site->error_page, kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }
    std::vector<ErrorItem> problems;
    std::optional<OutputFile> found = site->files(*path, &problems);
    if (!problems.empty()) {
      res.status = 500;
      res.set_content(with_reload_hook(error_page_html(problems, options_.english)), kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!found) {
      if (site->files(*path + "/index.html", &problems)) {
        res.status = 301;
        res.set_header("Location", std::string(path_only) + "/");
        return httplib::Server::HandlerResponse::Handled;
      }
      res.status = 404;
      auto not_found = site->files("404.html", &problems);
      if (not_found && !not_found->bytes.empty())
        res.set_content(with_reload_hook(not_found->bytes), kHtml);
      else
        res.set_content(with_reload_hook(simple_page(options_.english ? "Not found" : "Không tìm thấy trang",
                                                     std::string(path_only), options_.english)),
                        kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }
    const OutputFile& file = *found;
    std::string type = content_type_for(*path);
    std::optional<std::string> body = file.source.empty() ? file.bytes : read_file(file.source);
    if (!body) {
      res.status = 404;
      return httplib::Server::HandlerResponse::Handled;
    }
    if (ends_with(*path, ".html")) *body = with_reload_hook(*body);
    res.set_content(std::move(*body), type);
    return httplib::Server::HandlerResponse::Handled;
  });
}

bool DevServer::start(std::string* error) {
  if (started_) return true;
  rebuild();
  server_ = std::make_unique<httplib::Server>();
  server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server_->set_keep_alive_timeout(1);
  install_handlers();
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
  } else {
    port_ = server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    *error = "không mở được cổng " + std::to_string(options_.port) + " trên " + options_.host +
             " (cổng đang được dùng, hoặc địa chỉ không thuộc máy này)";
    return false;
  }
  if (!options_.watch.empty()) {
    watcher_ = std::make_unique<FileWatcher>(options_.watch);
    if (!watcher_->error().empty()) {
      *error = watcher_->error();
      return false;
    }
  }
  started_ = true;
  serve_thread_ = std::thread([this] { server_->listen_after_bind(); });
  // httplib's stop() does nothing to a server not yet running, and its listen loop would then
  // never end: return only once it runs (this httplib has no wait_until_ready()).
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (watcher_) watch_thread_ = std::thread([this] { watch_loop(); });
  return true;
}

void DevServer::watch_loop() {
  for (;;) {
    auto changed = watcher_->wait();
    if (changed.empty()) return;  // stopped
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
    }
    auto t0 = std::chrono::steady_clock::now();
    rebuild(changed);
    if (options_.log) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
      std::shared_ptr<const Site> site;
      {
        std::lock_guard lock(mu_);
        site = site_;
      }
      // The last path that still exists names the save (editors write scratch files first).
      std::string what = changed.back();
      for (auto it = changed.rbegin(); it != changed.rend(); ++it) {
        std::error_code ec;
        if (!it->empty() && std::filesystem::exists(*it, ec)) {
          what = *it;
          break;
        }
      }
      if (changed.size() > 1)
        what += options_.english ? " and " + std::to_string(changed.size() - 1) + " more"
                                 : " và " + std::to_string(changed.size() - 1) + " tệp khác";
      options_.log((options_.english ? "Changed: " : "Thay đổi: ") + what + (options_.english ? "; rebuilt in " : "; tạo lại trong ") +
                   std::to_string(ms.count()) + " ms" + (site->note.empty() ? "" : ", " + site->note) +
                   (site->error_page.empty() ? "" : options_.english ? " (with problems)" : " (có lỗi)"));
    }
  }
}

void DevServer::stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  changed_.notify_all();
  if (watcher_) watcher_->stop();
  if (watch_thread_.joinable()) watch_thread_.join();
  if (server_) server_->stop();
  if (serve_thread_.joinable()) serve_thread_.join();
}

}  // namespace congkhai
