#include "write/output_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "write/build_cache.h"

namespace congkhai {

std::string output_lock_path(const std::string& out_dir) { return build_cache_path(out_dir) + ".lock"; }

std::optional<OutputLock> OutputLock::acquire(const std::string& out_dir, const std::function<void()>& on_wait,
                                              std::string* error) {
  std::string path = output_lock_path(out_dir);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) {
    *error = "không tạo được tệp khoá " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK && on_wait) on_wait();
    int r;
    while ((r = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (r != 0) {
      *error = "không khoá được " + path + ": " + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
  }
  return OutputLock(fd);
}

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the lock
}

}  // namespace congkhai
