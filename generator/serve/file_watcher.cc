#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace congkhai {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                                IN_ONLYDIR;

bool is_hidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

// Editors' scratch files (vim's .swp and "4913", backups ending in "~") are not changes.
bool is_scratch(const std::string& name) {
  return name.empty() || is_hidden(name) || name.back() == '~' || name == "4913";
}

}  // namespace

FileWatcher::FileWatcher(const std::vector<std::string>& roots) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd_ < 0 || wake_fd_ < 0) {
    error_ = std::string("không theo dõi được thay đổi của tệp (inotify): ") + std::strerror(errno);
    return;
  }
  for (const auto& root : roots) {
    std::error_code ec;
    if (fs::is_directory(root, ec)) add_tree(root);
  }
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) close(fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

void FileWatcher::add_tree(const std::string& dir) {
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) {
    if (error_.empty() && errno == ENOSPC)
      error_ = "đã hết số thư mục được theo dõi (fs.inotify.max_user_watches)";
    return;
  }
  dirs_[wd] = dir;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (it->is_directory(ec2) && !it->is_symlink(ec2) && !is_hidden(it->path().filename().string()))
      add_tree(it->path().string());
  }
}

void FileWatcher::drain(std::vector<std::string>* changed) {
  alignas(inotify_event) char buf[16 * 1024];
  for (;;) {
    ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return;  // EAGAIN: nothing more for now
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        changed->push_back("");  // lost events: something changed, we cannot say what
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (ev->mask & IN_IGNORED) {
        if (dir != dirs_.end()) dirs_.erase(dir);
        continue;
      }
      if (dir == dirs_.end()) continue;
      std::string name = ev->len ? std::string(ev->name) : std::string();
      std::string path = name.empty() ? dir->second : dir->second + "/" + name;
      if (ev->mask & IN_ISDIR) {
        if (is_hidden(name)) continue;
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(path);  // and whatever it already holds
        changed->push_back(path);
        continue;
      }
      if (!name.empty() && is_scratch(name)) continue;
      changed->push_back(path);
    }
  }
}

std::vector<std::string> FileWatcher::wait(std::chrono::milliseconds quiet,
                                           std::chrono::milliseconds max_delay) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> changed;
  if (fd_ < 0) return changed;
  Clock::time_point first{};
  for (;;) {
    int timeout = -1;
    if (!changed.empty()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(first + max_delay - Clock::now());
      timeout = static_cast<int>(std::max<long long>(0, std::min(quiet.count(), left.count())));
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    int r = poll(fds, 2, timeout);
    if (r < 0 && errno == EINTR) continue;
    if (fds[1].revents & POLLIN) return {};
    if (r <= 0) return changed;  // quiet long enough (or max_delay reached)
    bool had = !changed.empty();
    drain(&changed);
    if (!had && !changed.empty()) first = Clock::now();
    if (had && Clock::now() - first >= max_delay) return changed;
  }
}

void FileWatcher::stop() {
  if (wake_fd_ < 0) return;
  std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(wake_fd_, &one, sizeof one);
}

}  // namespace congkhai
