// One build at a time per output folder. Two builds into the same `--out` would each read the
// previous site and the cache, then swap in their own folder and save their own cache: the
// later swap can publish the other build's site with this one's cache, which then keeps
// republishing it. A build holds an exclusive lock on `<parent>/.congkhai-cache/<name>.lock`
// from before it reads the cache until it has published and saved it; a second build waits
// for it (and says so), then reads what the first one published. The lock is the kernel's
// (flock): it goes with the process, so a killed build never leaves a stale one.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace congkhai {

class OutputLock {
 public:
  // Takes the lock of `out_dir`, waiting while another build holds it; `on_wait` is called
  // once, before waiting, when it is held. nullopt with a Vietnamese `error` when the lock
  // file cannot be made.
  static std::optional<OutputLock> acquire(const std::string& out_dir, const std::function<void()>& on_wait,
                                           std::string* error);
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;
  OutputLock(const OutputLock&) = delete;
  ~OutputLock();  // releases

 private:
  explicit OutputLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// The lock file of `out_dir` (beside its cache, never in the output).
std::string output_lock_path(const std::string& out_dir);

}  // namespace congkhai
