#include "load/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace congkhai {
namespace {

RegularFile not_regular(mode_t mode) {
  RegularFile r;
  r.status = RegularFile::Status::kNotRegular;
  if (S_ISFIFO(mode)) r.kind_vi = "ống dẫn có tên (named pipe)", r.kind_en = "a named pipe";
  else if (S_ISCHR(mode) || S_ISBLK(mode)) r.kind_vi = "tệp thiết bị", r.kind_en = "a device";
  else if (S_ISSOCK(mode)) r.kind_vi = "socket", r.kind_en = "a socket";
  else if (S_ISDIR(mode)) r.kind_vi = "thư mục", r.kind_en = "a folder";
  else r.kind_vi = "tệp đặc biệt", r.kind_en = "a special file";
  return r;
}

}  // namespace

namespace {

SourceStamp stamp_of(const struct stat& st) {
  SourceStamp s;
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.modified_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.changed_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return s;
}

}  // namespace

SourceStamp source_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  return stamp_of(st);
}

RegularFile read_regular_file(const std::string& path, std::size_t max_bytes) {
  RegularFile r;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return r;
  if (!S_ISREG(st.st_mode)) return not_regular(st.st_mode);
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    r.status = RegularFile::Status::kTooLarge;
    r.size = static_cast<std::uint64_t>(st.st_size);
    return r;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return r;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0) return r;
  if (!S_ISREG(st.st_mode)) return not_regular(st.st_mode);  // swapped in since the check
  const SourceStamp stamp = stamp_of(st);  // before the bytes: a later edit changes it
  // Read in one piece at the size fstat gave, then to the end, never past max_bytes + 1.
  std::string bytes(static_cast<std::size_t>(st.st_size) + 1, '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (bytes.size() > max_bytes) break;
      bytes.resize(std::min(bytes.size() * 2, max_bytes + 1));
    }
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return r;
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) {
    r.status = RegularFile::Status::kTooLarge;
    r.size = got;
    return r;
  }
  bytes.resize(got);
  r.status = RegularFile::Status::kOk;
  r.size = got;
  r.bytes = std::move(bytes);
  r.stamp = stamp;
  return r;
}

Diagnostic not_regular_file_diagnostic(const std::string& path, const RegularFile& read) {
  return Diagnostic{path, SourcePos{},
                    std::string("không phải tệp thường mà là ") + read.kind_vi + "; chỉ đọc được tệp thường",
                    std::string("not a regular file but ") + read.kind_en + "; only regular files are read",
                    "thay nó bằng một tệp thường", "replace it with a regular file"};
}

}  // namespace congkhai
