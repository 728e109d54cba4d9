// The dev server behind `congkhai serve`: serves the last good build (its files, or a lookup
// that makes each when asked), builds again when a watched file changes, telling the build
// which, and tells open tabs to reload (server-sent events). It knows nothing of the
// pipeline: the caller hands it a build function.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "model/output.h"
#include "serve/error_page.h"

namespace httplib {
class Server;
}

namespace congkhai {

// A site's file by its path, made when asked for; nullopt when there is none. Problems met
// while making it go to `errors` (the server then shows them instead). Called from the
// server's threads at once.
using FileLookup = std::function<std::optional<OutputFile>(const std::string& path, std::vector<ErrorItem>* errors)>;

// One build: the site's files, or the problems that stopped it.
struct BuildOutcome {
  OutputFiles files;
  FileLookup lookup;              // when set, serves the site instead of `files`
  std::vector<ErrorItem> errors;  // non-empty: the content has problems, the site is ignored
  std::string note;               // how it was made, for the log line ("1 tệp được đọc lại")
};

struct DevServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  // Builds the site; `changed` lists the files saved since the last build (empty the first
  // time, or when the watcher cannot say).
  std::function<BuildOutcome(const std::vector<std::string>& changed)> build;
  std::vector<std::string> watch;  // folders to watch; empty: never rebuild by itself
  bool english = false;
  std::function<void(const std::string&)> log;  // one line per rebuild, or nullptr
};

class DevServer {
 public:
  explicit DevServer(DevServerOptions options);
  ~DevServer();  // stops
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  // Builds once, binds and starts serving and watching in the background. False with a
  // Vietnamese `error` when the address cannot be bound or watching cannot start.
  bool start(std::string* error);
  int port() const { return port_; }

  // Builds again now, swaps the served site and tells the open tabs (the watcher calls it).
  void rebuild(const std::vector<std::string>& changed = {});
  // How many builds have been made since start, the first included.
  std::uint64_t generation() const;

  // Stops watching and serving, closes the event streams, joins the threads. Idempotent.
  void stop();

 private:
  struct Site;
  void install_handlers();
  void watch_loop();

  DevServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<class FileWatcher> watcher_;
  std::thread serve_thread_;
  std::thread watch_thread_;
  int port_ = 0;
  std::string instance_;  // tells a restarted server from a rebuilt one, for the tabs

  std::atomic<int> open_streams_{0};  // reload streams holding a worker

  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::shared_ptr<const Site> site_;
  std::uint64_t generation_ = 0;
  bool stopping_ = false;
  bool started_ = false;
};

}  // namespace congkhai
