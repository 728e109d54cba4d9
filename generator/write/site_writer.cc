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
#include <algorithm>
#include <set>
#include <vector>

#include "model/urls.h"
#include "load/regular_file.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"
#include "write/build_cache.h"
#include "write/spare_tree.h"

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

// Writes `f` as a new file at `path` (never through a file already there: in the spare it may
// be a link of a published file), and gives its stamp. A copied file is read and written
// here, not by copy_file, so that `copied_hash` (when given) is the hash of the very bytes
// published.
bool write_file(const fs::path& path, const OutputFile& f, std::string* error, std::string* copied_hash = nullptr,
                FileStamp* stamp = nullptr) {
  std::optional<std::string> copied;
  if (!f.source.empty() && !(copied = read_bytes(f.source, true))) {
    *error = "không chép được tệp " + f.source;
    return false;
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  auto put = [&](std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  };
  bool ok = fd >= 0;
  if (ok && copied) {
    ok = put(*copied);
  } else if (ok) {
    ok = put(f.bytes);
    for (std::string_view piece : f.pieces) ok = ok && put(piece);
  }
  struct stat st;
  if (ok && stamp) ok = ::fstat(fd, &st) == 0;
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) {
    *error = "không ghi được tệp " + path.string();
    return false;
  }
  if (stamp) *stamp = FileStamp::of(st);
  if (copied && copied_hash) *copied_hash = hash_bytes(*copied).hex();
  return true;
}

// Makes room at `path` in the spare: whatever the previous output had there (a file, or a
// folder where a file now goes) is removed. False when something stays.
bool clear_path(const fs::path& path) {
  if (::unlink(path.c_str()) == 0 || errno == ENOENT) return true;
  if (errno != EISDIR && errno != EPERM) return false;
  std::error_code ec;
  fs::remove_all(path, ec);  // never follows a link
  return !ec;
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

// Whether the previous output's file at `path` (`st`: its lstat, a regular file) still holds
// the bytes the cache says were written there. Its stamp says so when it is the one recorded
// (an edit changes the change time, which cannot be set back) and older than the cache;
// otherwise the file is read and hashed.
bool unchanged_since_written(const fs::path& path, const struct stat& st, const CachedFile& written,
                             const BuildCache& cache) {
  FileStamp stamp = FileStamp::of(st);
  if (!written.stamp.empty() && stamp == written.stamp && !racy(cache, stamp)) return true;
  auto bytes = read_bytes(path, false);
  return bytes && hash_bytes(*bytes).hex() == written.bytes_hash();
}

// spare_listing() of an output holding `files`.
std::string listing_of(const std::map<std::string, CachedFile>& files) {
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& [path, f] : files) paths.push_back(path);
  return spare_listing(std::move(paths));
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
  out_ = out.string();
  spare_ = spare_path(out_);
  // Incremental: a file whose bytes (or source) are what the previous output holds at the
  // same path is kept as that file; the previous output is never modified.
  if (options_.incremental) previous_ = load_build_cache(out_);
  struct stat st;
  bool spare = ::lstat(spare_.c_str(), &st) == 0;
  // The spare only beside the very output the cache's build published (its marker file, not
  // a copy of it): its files are kept only when they are that output's own (same inode).
  if (spare && S_ISDIR(st.st_mode) && !previous_.output_id.empty() && previous_.same_marker &&
      !previous_.spare_id.empty()) {
    spare_pending_ = true;  // taken at the first add()
    // Listed now, while the build loads its content, rather than when its first file arrives:
    // a national spare is tens of thousands of folders, mostly no longer in the page cache.
    lister_ = std::thread([this] {
      listed_ = ::lstat(spare_.c_str(), &listed_root_) == 0 && list_spare(spare_, &spare_tree_);
    });
  } else {
    // No spare, or one the cache does not describe (or --no-cache): removed, never used.
    if (spare) fs::remove_all(spare_, ec);
    fs::create_directory(tmp, ec);
    if (ec) {
      *error = "không tạo được thư mục tạm " + tmp.string() + ": " + ec.message();
      return false;
    }
    // No cache describes the output this build replaces, so that output will not be the next
    // spare: a copy of the new one, made of hard links as its files arrive, will be. Without
    // it, the next build would link every unchanged file into a fresh folder (on a national
    // portal, some 58,000 links: seconds of the first edit's build, once per cold build).
    if (options_.incremental && previous_.output_id.empty()) {
      spare_copy_ = tmp.string() + ".spare";
      if (::mkdir(spare_copy_.c_str(), 0777) != 0) spare_copy_.clear();
    }
  }
  tmp_ = tmp.string();
  return true;
}

// Links the staging folder's file at `path` into the spare's copy. A failure only breaks the
// copy (the next build then makes a fresh folder), never the build.
bool SiteWriter::link_into_spare_copy(const std::string& path) {
  if (spare_copy_broken_) return false;
  if (::link((fs::path(tmp_) / path).c_str(), (fs::path(spare_copy_) / path).c_str()) == 0) return true;
  spare_copy_broken_ = true;
  return false;
}

// Takes the spare as the staging folder: renamed to the staging name first, so that a build
// killed while updating it leaves a staging folder (removed by the next build) and no spare.
// A spare that is not the one the cache recorded is removed, and a fresh folder made instead.
// The listing made since open() is the renamed folder's when that folder is the very one
// listed (same device and inode).
bool SiteWriter::take_spare(std::string* error) {
  spare_pending_ = false;
  join_lister();
  std::error_code ec;
  if (::rename(spare_.c_str(), tmp_.c_str()) == 0) {
    struct stat st;
    if (listed_ && ::lstat(tmp_.c_str(), &st) == 0 && st.st_ino == listed_root_.st_ino &&
        st.st_dev == listed_root_.st_dev && marker_stamp(tmp_) == previous_.spare_id &&
        spare_listing(spare_tree_) == previous_.spare_listing) {
      in_spare_ = true;
      stats_.spare_used = true;
      for (const auto& d : spare_tree_.dirs) dirs_.insert(d);
      return true;
    }
    stats_.spare_discarded = true;
    fs::remove_all(tmp_, ec);  // never follows a link
  }
  spare_tree_ = SpareTree{};
  if (::mkdir(tmp_.c_str(), 0777) != 0) {
    *error = "không tạo được thư mục tạm " + tmp_ + ": " + std::strerror(errno);
    return false;
  }
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
    const fs::path dir = fs::path(tmp_) / *it;
    bool made = ::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST;
    struct stat st;
    // In the spare, a file of the previous output may stand where a folder now goes.
    if (made && in_spare_ && ::lstat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
      made = ::unlink(dir.c_str()) == 0 && ::mkdir(dir.c_str(), 0777) == 0;
    if (!made) {
      *error = "không tạo được thư mục " + dir.string() + ": " + std::strerror(errno);
      return false;
    }
    if (!spare_copy_.empty() && !spare_copy_broken_ &&
        ::mkdir((fs::path(spare_copy_) / *it).c_str(), 0777) != 0 && errno != EEXIST)
      spare_copy_broken_ = true;
    dirs_.insert(*it);
  }
  return true;
}

void SiteWriter::add(OutputFile f) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (tmp_.empty() || !error_.empty()) return;
    if (spare_pending_ && !take_spare(&error_)) return;
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
  // Every file's hash, even without the cache: the marker names the output by them all.
  if (f.reused) {
    entry.hash = before ? before->hash : "";
  } else {
    entry.hash = f.source.empty() ? contents_hash(f).hex() : source_identity(f.source);
  }
  const fs::path from = fs::path(out_) / f.path, to = fs::path(tmp_) / f.path;
  enum { kWritten, kLinked, kKept } how = kWritten;
  struct stat live, st;
  // The previous output is not trusted: a file edited there by hand is not carried over.
  if (before && !entry.hash.empty() && before->hash == entry.hash && ::lstat(from.c_str(), &live) == 0 &&
      S_ISREG(live.st_mode) && unchanged_since_written(from, live, *before, previous_)) {
    auto spared = in_spare_ ? spare_tree_.files.find(f.path) : spare_tree_.files.end();
    if (spared != spare_tree_.files.end() && spared->second == live.st_ino) {
      how = kKept;  // the spare holds that very file: nothing to do
      entry.stamp = FileStamp::of(live);
    } else if ((!in_spare_ || clear_path(to)) && ::link(from.c_str(), to.c_str()) == 0 &&
               ::lstat(to.c_str(), &st) == 0) {
      how = kLinked;
      entry.stamp = FileStamp::of(st);  // linking changed its change time
    }
    if (how != kWritten) entry.bytes = before->bytes;
  }
  if (how == kWritten && f.reused) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stats_.missing_previous = true;
    }
    return fail("tệp của lần tạo trước bị thiếu hoặc đã bị sửa: " + from.string());
  }
  if (how == kWritten) {
    if (in_spare_ && !clear_path(to)) return fail("không xoá được " + to.string());
    if (!write_file(to, f, &error, f.source.empty() ? nullptr : &entry.bytes,
                    options_.incremental ? &entry.stamp : nullptr))
      return fail(error);
  }
  // Linked into the spare's copy too: the stamp kept is the one after (a link changes the
  // change time).
  if (how != kKept && !spare_copy_.empty() && link_into_spare_copy(f.path) && ::lstat(to.c_str(), &st) == 0)
    entry.stamp = FileStamp::of(st);
  std::lock_guard<std::mutex> lock(mu_);
  (how == kWritten ? stats_.written : how == kLinked ? stats_.linked : stats_.kept)++;
  files_[f.path] = std::move(entry);
}

std::size_t SiteWriter::count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.size();
}

void SiteWriter::join_lister() {
  if (lister_.joinable()) lister_.join();
}

void SiteWriter::abandon() {
  join_lister();
  std::lock_guard<std::mutex> lock(mu_);
  std::error_code ec;
  if (!spare_copy_.empty()) fs::remove_all(spare_copy_, ec);
  spare_copy_.clear();
  if (tmp_.empty()) return;
  fs::remove_all(tmp_, ec);
  tmp_.clear();
}

// Removes the spare's files and folders that are not in the new site, deepest folders first.
// A path whose kind changed (a file now a folder, or the other way) was replaced by add().
bool SiteWriter::remove_leftovers(std::string* error) {
  std::set<std::string> needed;
  for (const auto& [path, f] : files_)
    for (fs::path d = fs::path(path).parent_path(); !d.empty() && needed.insert(d.generic_string()).second;
         d = d.parent_path()) {
    }
  const fs::path tmp = tmp_;
  for (const auto& [path, ino] : spare_tree_.files) {
    if (path == kOutputMarker || files_.count(path)) continue;
    if (::unlink((tmp / path).c_str()) == 0) {
      stats_.removed++;
    } else if (errno != ENOENT && errno != ENOTDIR && !needed.count(path)) {
      *error = "không xoá được " + (tmp / path).string() + ": " + std::strerror(errno);
      return false;
    }
  }
  std::vector<std::string> dirs = spare_tree_.dirs;
  std::sort(dirs.rbegin(), dirs.rend());  // "a/b" before "a"
  for (const auto& d : dirs) {
    // ENOENT, ENOTDIR: no folder there any more (a file of the new site is, or is above it).
    if (needed.count(d) || ::rmdir((tmp / d).c_str()) == 0 || errno == ENOENT || errno == ENOTDIR) continue;
    *error = "không xoá được thư mục " + (tmp / d).string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool SiteWriter::publish(std::string* error, WriteStats* stats) {
  std::lock_guard<std::mutex> lock(mu_);
  std::error_code ec;
  if (spare_pending_ && !tmp_.empty() && error_.empty()) take_spare(&error_);  // a site of no files
  if (in_spare_ && error_.empty()) remove_leftovers(&error_);
  if (stats) *stats = stats_;
  const fs::path out = out_, tmp = tmp_;
  auto fail = [&](std::string msg) {
    if (!tmp.empty()) fs::remove_all(tmp, ec);
    tmp_.clear();
    if (!spare_copy_.empty()) fs::remove_all(spare_copy_, ec);
    spare_copy_.clear();
    *error = std::move(msg);
    return false;
  };
  if (tmp.empty()) return fail(error_.empty() ? "chưa mở thư mục tạm để ghi" : error_);
  if (!error_.empty()) return fail(error_);
  // A fresh marker file every time, holding the digest of what the output holds: the cache
  // names the output by it (a copy of the output keeps it), the spare by the file itself.
  const std::string digest = output_digest(files_);
  const OutputFile marker{kOutputMarker, marker_text(digest), ""};
  if (!clear_path(tmp / kOutputMarker) || !write_file(tmp / kOutputMarker, marker, error)) return fail(*error);
  // The spare's copy has a marker of its own (the spare is named by its marker's stamp).
  std::string ignored, copy_listing;
  const bool copy_whole = !spare_copy_.empty() && !spare_copy_broken_ &&
                          write_file(fs::path(spare_copy_) / kOutputMarker, marker, &ignored);
  if (copy_whole) copy_listing = listing_of(files_);
  bool spare_kept = false;
  if (fs::exists(out, ec)) {
    // Swap in one step, so a reader (or a crash) never sees a half-written site.
    if (exchange(tmp, out) != 0) return fail("không thay được thư mục " + out.string());
    // Now the old site: the next spare, when the cache describes it (and so what it holds).
    if (options_.incremental && !previous_.output_id.empty() && !previous_.marker.empty()) {
      fs::create_directories(fs::path(spare_).parent_path(), ec);
      fs::remove_all(spare_, ec);
      spare_kept = ::rename(tmp.c_str(), spare_.c_str()) == 0;
    }
    if (!spare_kept) fs::remove_all(tmp, ec);
  } else if (::rename(tmp.c_str(), out.c_str()) != 0) {
    return fail("không đổi tên được thư mục tạm thành " + out.string());
  }
  tmp_.clear();
  bool copy_kept = false;
  if (!spare_copy_.empty()) {
    if (copy_whole && !spare_kept) {
      fs::create_directories(fs::path(spare_).parent_path(), ec);
      fs::remove_all(spare_, ec);
      copy_kept = ::rename(spare_copy_.c_str(), spare_.c_str()) == 0;
    }
    if (!copy_kept) fs::remove_all(spare_copy_, ec);
    spare_copy_.clear();
  }
  if (stats) stats->spare_made = copy_kept;
  if (options_.incremental) {
    // The site is published; a cache that cannot be saved only makes the next build full
    // (and its spare unused: no cache describes it).
    BuildCache next;
    next.output_id = digest;
    next.marker = marker_stamp(out.string());
    next.files = std::move(files_);
    if (spare_kept) {
      next.spare_id = previous_.marker;
      next.spare_listing = listing_of(previous_.files);
    } else if (copy_kept) {
      next.spare_id = marker_stamp(spare_);
      next.spare_listing = std::move(copy_listing);
    }
    std::string ignored;
    if (next.marker.empty() || !save_build_cache(next, out.string(), &ignored)) remove_build_cache(out.string());
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
