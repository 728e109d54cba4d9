#include "write/site_writer.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/fs.h>

#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include "model/urls.h"
#include "load/regular_file.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"
#include "write/build_cache.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

// The bytes of a regular file (load/regular_file.h: never a pipe or a device); nullopt for
// anything else or when it cannot be read. `follow` says whether a symbolic link is followed:
// the previous output holds none of ours, and one planted there is never carried over.
std::optional<std::string> read_bytes(const fs::path& path, bool follow) {
  std::error_code ec;
  if (!follow && fs::is_symlink(path, ec)) return std::nullopt;
  RegularFile file = read_regular_file(path.string(), std::numeric_limits<std::size_t>::max());
  if (file.status != RegularFile::Status::kOk) return std::nullopt;
  return std::move(file.bytes);
}

// Writes `f` at `path`. A copied file is read and written here, not by copy_file, so that
// `copied_hash` (when given) is the hash of the very bytes published.
bool write_file(const fs::path& path, const OutputFile& f, std::string* error,
                std::string* copied_hash = nullptr) {
  if (!f.source.empty()) {
    auto bytes = read_bytes(f.source, true);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (bytes) out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    out.close();
    if (!bytes || !out) {
      *error = "không chép được tệp " + f.source;
      return false;
    }
    if (copied_hash) *copied_hash = hash_bytes(*bytes).hex();
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
  for (std::string_view piece : f.pieces) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
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

// What identifies a copied file without reading it: its source, size and modification time.
std::string source_identity(const std::string& source) {
  struct stat st;
  if (::stat(source.c_str(), &st) != 0) return "";
  ContentHasher h;
  h.add(source);
  h.add(std::to_string(st.st_size));
  h.add(std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec));
  return "src-" + h.finish().hex();
}

// Whether the previous output's file at `path` still holds the bytes the cache says were
// written there. Reads the whole file: a page edited in place keeps its size more often
// than not, and a time stamp can be set back.
bool unchanged_since_written(const fs::path& path, const CachedFile& written) {
  auto bytes = read_bytes(path, false);
  return bytes && hash_bytes(*bytes).hex() == written.bytes_hash();
}

// hash_bytes of the file's contents, without joining its pieces.
ContentHash contents_hash(const OutputFile& f) {
  if (f.pieces.empty()) return hash_bytes(f.bytes);
  BytesHasher h(f.size());
  h.add(f.bytes);
  for (std::string_view piece : f.pieces) h.add(piece);
  return h.finish();
}

}  // namespace

SiteWriter::SiteWriter(std::string out_dir, WriteOptions options)
    : out_dir_(std::move(out_dir)), options_(std::move(options)) {}

SiteWriter::~SiteWriter() { abandon(); }

bool SiteWriter::open(std::string* error) {
  fs::path out = fs::absolute(out_dir_).lexically_normal();
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
  out_ = out.string();
  tmp_ = tmp.string();
  // Incremental: a file whose bytes (or source) are what the previous output holds at the
  // same path is hard-linked from it; the previous output is never modified.
  if (options_.incremental) previous_ = load_build_cache(out_);
  return true;
}

void SiteWriter::fail(std::string error) {
  std::lock_guard<std::mutex> lock(mu_);
  if (error_.empty()) error_ = std::move(error);
}

// Folders are made before their files, once each (under the lock: a file is written only
// once its folder exists).
bool SiteWriter::make_parents(const std::string& path, std::string* error) {
  std::vector<std::string> missing;
  std::lock_guard<std::mutex> lock(mu_);
  for (fs::path d = fs::path(path).parent_path(); !d.empty(); d = d.parent_path()) {
    if (dirs_.count(d.generic_string())) break;
    missing.push_back(d.generic_string());
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {  // parents first
    if (::mkdir((fs::path(tmp_) / *it).c_str(), 0777) != 0 && errno != EEXIST) {
      *error = "không tạo được thư mục " + (fs::path(tmp_) / *it).string() + ": " + std::strerror(errno);
      return false;
    }
    dirs_.insert(*it);
  }
  return true;
}

void SiteWriter::add(OutputFile f) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (tmp_.empty() || !error_.empty()) return;
    if (!is_safe_output_path(f.path)) {
      error_ = "đường dẫn đầu ra không hợp lệ: " + f.path;
      return;
    }
    // Claimed before writing, so that two threads never write one path.
    if (!files_.emplace(f.path, CachedFile{}).second) {
      error_ = "hai tệp đầu ra trùng đường dẫn: " + f.path;
      return;
    }
  }
  std::string error;
  if (!make_parents(f.path, &error)) return fail(error);
  const CachedFile* before = nullptr;
  if (auto it = previous_.files.find(f.path); it != previous_.files.end()) before = &it->second;
  CachedFile entry;
  entry.key = f.key;
  if (f.reused) {
    entry.hash = before ? before->hash : "";
  } else if (options_.incremental) {
    entry.hash = f.source.empty() ? contents_hash(f).hex() : source_identity(f.source);
  }
  const fs::path from = fs::path(out_) / f.path, to = fs::path(tmp_) / f.path;
  bool same = before && !entry.hash.empty() && before->hash == entry.hash;
  // The previous output is not trusted: a file edited there by hand is not carried over.
  bool linked = same && unchanged_since_written(from, *before) && ::link(from.c_str(), to.c_str()) == 0;
  if (linked) entry.bytes = before->bytes;
  if (!linked && f.reused) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stats_.missing_previous = true;
    }
    return fail("tệp của lần tạo trước bị thiếu hoặc đã bị sửa: " + from.string());
  }
  if (!linked && !write_file(to, f, &error, options_.incremental && !f.source.empty() ? &entry.bytes : nullptr))
    return fail(error);
  std::lock_guard<std::mutex> lock(mu_);
  (linked ? stats_.linked : stats_.written)++;
  files_[f.path] = std::move(entry);
}

std::size_t SiteWriter::count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.size();
}

void SiteWriter::abandon() {
  std::lock_guard<std::mutex> lock(mu_);
  if (tmp_.empty()) return;
  std::error_code ec;
  fs::remove_all(tmp_, ec);
  tmp_.clear();
}

bool SiteWriter::publish(std::string* error, WriteStats* stats) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stats) *stats = stats_;
  std::error_code ec;
  const fs::path out = out_, tmp = tmp_;
  auto fail = [&](std::string msg) {
    if (!tmp.empty()) fs::remove_all(tmp, ec);
    tmp_.clear();
    *error = std::move(msg);
    return false;
  };
  if (tmp.empty()) return fail(error_.empty() ? "chưa mở thư mục tạm để ghi" : error_);
  if (!error_.empty()) return fail(error_);
  if (!write_file(tmp / kOutputMarker, OutputFile{kOutputMarker, "Công khai\n", ""}, error))
    return fail(*error);
  if (fs::exists(out, ec)) {
    // Swap in one step, so a reader (or a crash) never sees a half-written site.
    if (exchange(tmp, out) != 0) return fail("không thay được thư mục " + out.string());
    fs::remove_all(tmp, ec);  // now the old site
  } else if (::rename(tmp.c_str(), out.c_str()) != 0) {
    return fail("không đổi tên được thư mục tạm thành " + out.string());
  }
  tmp_.clear();
  if (options_.incremental) {
    // The site is published; a cache that cannot be saved only makes the next build full.
    BuildCache next;
    next.output_id = output_identity(out.string());
    next.files = std::move(files_);
    std::string ignored;
    if (next.output_id.empty() || !save_build_cache(next, out.string(), &ignored)) remove_build_cache(out.string());
  } else {
    remove_build_cache(out.string());
  }
  return true;
}

bool write_site(const OutputFiles& files, const std::string& out_dir, std::string* error,
                const WriteOptions& options, WriteStats* stats) {
  SiteWriter writer(out_dir, options);
  if (!writer.open(error)) {
    if (stats) *stats = WriteStats{};
    return false;
  }
  std::atomic<std::size_t> done{0};
  parallel_for(files.size(), options.threads, [&](std::size_t i) {
    writer.add(files[i]);
    if (options.progress) options.progress(done.fetch_add(1) + 1, files.size());
  });
  return writer.publish(error, stats);
}

}  // namespace congkhai
