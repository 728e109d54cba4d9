// Watching folders for saved, created, renamed and deleted files (Linux inotify), including
// folders created after the watch began.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace congkhai {

class FileWatcher {
 public:
  // Watches every folder under each root that exists. Folders whose name starts with "."
  // are skipped, as the content loader skips them.
  explicit FileWatcher(const std::vector<std::string>& roots);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Empty when watching works; else why not (Vietnamese).
  const std::string& error() const { return error_; }

  // Blocks until something changes, then gathers further changes until none came for
  // `quiet` (editors save in several steps) or `max_delay` passed since the first.
  // Returns the changed paths; empty once stop() was called.
  std::vector<std::string> wait(std::chrono::milliseconds quiet = std::chrono::milliseconds(100),
                                std::chrono::milliseconds max_delay = std::chrono::milliseconds(500));

  // Wakes wait() for good; safe from any thread.
  void stop();

 private:
  void add_tree(const std::string& dir);
  // Reads pending events; appends relevant changed paths.
  void drain(std::vector<std::string>* changed);

  int fd_ = -1;
  int wake_fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor → folder
  std::string error_;
};

}  // namespace congkhai
