#include "write/site_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/fs.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

namespace congkhai {

namespace fs = std::filesystem;

namespace {

bool safe_relative(const std::string& p) {
  if (p.empty() || p.front() == '/' || p.find('\\') != std::string::npos) return false;
  for (const auto& part : fs::path(p))
    if (part == ".." || part == ".") return false;
  return true;
}

bool write_file(const fs::path& path, const OutputFile& f, std::string* error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    *error = "không tạo được thư mục " + path.parent_path().string() + ": " + ec.message();
    return false;
  }
  if (!f.source.empty()) {
    fs::copy_file(f.source, path, fs::copy_options::overwrite_existing, ec);
    if (ec) *error = "không chép được tệp " + f.source + ": " + ec.message();
    return !ec;
  }
  std::ofstream out(path, std::ios::binary);
  out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
  out.close();
  if (!out) *error = "không ghi được tệp " + path.string();
  return static_cast<bool>(out);
}

// A folder may be replaced when it is missing, empty, or a previous output.
bool replaceable(const fs::path& out, std::string* error) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) {
    *error = out.string() + " đã có và không phải là thư mục";
    return false;
  }
  if (fs::is_empty(out, ec) || fs::exists(out / kOutputMarker, ec)) return true;
  *error = "thư mục " + out.string() +
           " đã có tệp không do Công khai tạo ra; chọn một thư mục khác bằng --out hoặc xoá thư mục này";
  return false;
}

std::string temp_name(const fs::path& out) {
  std::random_device rd;
  return out.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(rd() % 100000);
}

// A build killed before it finished leaves its temporary folder (".public.tmp-<pid>-<n>")
// behind. Those of processes that are gone are removed; a running build keeps its own.
void remove_stale_temps(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".tmp-";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0 || !it->is_directory() || it->is_symlink()) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) stale.push_back(it->path());
  }
  for (const auto& p : stale) fs::remove_all(p, ec);
}

int exchange(const fs::path& a, const fs::path& b) {
  return static_cast<int>(
      syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE));
}

}  // namespace

bool write_site(const OutputFiles& files, const std::string& out_dir, std::string* error) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  if (!replaceable(out, error)) return false;
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  remove_stale_temps(out);
  fs::path tmp = out.parent_path() / ("." + temp_name(out));
  fs::create_directory(tmp, ec);
  if (ec) {
    *error = "không tạo được thư mục tạm " + tmp.string() + ": " + ec.message();
    return false;
  }
  auto fail = [&](std::string msg) {
    fs::remove_all(tmp, ec);
    *error = std::move(msg);
    return false;
  };
  for (const auto& f : files) {
    if (!safe_relative(f.path)) return fail("đường dẫn đầu ra không hợp lệ: " + f.path);
    std::string msg;
    if (!write_file(tmp / f.path, f, &msg)) return fail(msg);
  }
  if (!write_file(tmp / kOutputMarker, OutputFile{kOutputMarker, "Công khai\n", ""}, error))
    return fail(*error);
  if (fs::exists(out, ec)) {
    // Swap in one step, so a reader (or a crash) never sees a half-written site.
    if (exchange(tmp, out) != 0) return fail("không thay được thư mục " + out.string());
    fs::remove_all(tmp, ec);  // now the old site
  } else if (::rename(tmp.c_str(), out.c_str()) != 0) {
    return fail("không đổi tên được thư mục tạm thành " + out.string());
  }
  return true;
}

}  // namespace congkhai
