#include "write/build_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string_view>
#include <vector>

#include "load/regular_file.h"
#include "text/content_hash.h"
#include "write/site_writer.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader = "congkhai-cache 4";
constexpr const char* kMarkerFirstLine = "Công khai\n";

fs::path output_path(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

std::int64_t ns(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// Splits `line` at tabs into exactly five fields; false when it has another number of them.
bool split_tabs(std::string_view line, std::string_view (&fields)[5]) {
  std::size_t start = 0;
  for (std::size_t n = 0;; ++n) {
    const std::size_t tab = line.find('\t', start);
    if (n == 5) return false;
    fields[n] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) return n == 4;
    start = tab + 1;
  }
}

}  // namespace

std::string FileStamp::text() const {
  if (empty()) return "";
  return std::to_string(ino) + ":" + std::to_string(size) + ":" + std::to_string(mtime_ns) + ":" +
         std::to_string(ctime_ns);
}

FileStamp FileStamp::parse(std::string_view text) {
  // "ino:size:mtime:ctime", each as sscanf's %llu and %lld read it when it is the whole text:
  // digits, the times maybe negative.
  FileStamp s;
  unsigned long long ino = 0, size = 0;
  long long mtime = 0, ctime = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  auto number = [&](auto* out, bool last) {
    auto [q, ec] = std::from_chars(p, end, *out);
    if (ec != std::errc() || q == p || (last ? q != end : q == end || *q != ':')) return false;
    p = last ? q : q + 1;
    return true;
  };
  if (!number(&ino, false) || !number(&size, false) || !number(&mtime, false) || !number(&ctime, true)) return s;
  s.ino = ino;
  s.size = size;
  s.mtime_ns = mtime;
  s.ctime_ns = ctime;
  return s;
}

FileStamp FileStamp::of(const struct stat& st) {
  FileStamp s;
  s.ino = st.st_ino;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.mtime_ns = ns(st.st_mtim);
  s.ctime_ns = ns(st.st_ctim);
  return s;
}

std::string build_cache_path(const std::string& out_dir) {
  fs::path out = output_path(out_dir);
  return (out.parent_path() / ".congkhai-cache" / out.filename()).string();
}

std::string parsed_cache_path(const std::string& out_dir) { return build_cache_path(out_dir) + ".parsed"; }
std::string spare_path(const std::string& out_dir) { return build_cache_path(out_dir) + ".spare"; }

std::string marker_text(const std::string& digest) { return kMarkerFirstLine + digest + "\n"; }

std::string output_identity(const std::string& out_dir) {
  // A regular file only, and a small one: a pipe or a huge file there must not stall the build.
  RegularFile read = read_regular_file((output_path(out_dir) / kOutputMarker).string(), 256);
  if (read.status != RegularFile::Status::kOk) return "";
  const std::string& text = read.bytes;
  const std::size_t start = std::char_traits<char>::length(kMarkerFirstLine);
  if (text.size() != start + 33 || text.compare(0, start, kMarkerFirstLine) != 0 || text.back() != '\n')
    return "";
  std::string digest = text.substr(start, 32);
  if (digest.find_first_not_of("0123456789abcdef") != std::string::npos) return "";
  return digest;
}

std::string output_digest(const std::map<std::string, CachedFile>& files) {
  ContentHasher h;
  for (const auto& [path, f] : files) {  // in path order
    if (path == kOutputMarker) continue;
    h.add(path);
    h.add(f.bytes_hash());
  }
  return h.finish().hex();
}

std::string marker_stamp(const std::string& out_dir) {
  struct stat st;
  if (::lstat((output_path(out_dir) / kOutputMarker).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

BuildCache load_build_cache(const std::string& out_dir) {
  BuildCache cache;
  std::string id = output_identity(out_dir);
  if (id.empty()) return cache;
  // A regular file only: a pipe put in its place must not block the build.
  const std::string path = build_cache_path(out_dir);
  RegularFile read = read_regular_file(path, std::numeric_limits<std::size_t>::max());
  struct stat st;
  if (read.status != RegularFile::Status::kOk || ::stat(path.c_str(), &st) != 0) return cache;
  // Read in place, line by line (std::getline's lines: the last may lack its newline).
  const std::string_view text = read.bytes;
  std::size_t at = 0;
  std::string_view fields[5];
  auto next_line = [&]() -> bool {
    if (at >= text.size()) return false;
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const bool split = split_tabs(text.substr(at, end - at), fields);
    at = end + 1;
    return split;
  };
  if (!next_line() || fields[0] != kHeader || fields[1] != id) return cache;
  std::string marker = marker_stamp(out_dir);
  bool same_marker = !marker.empty() && fields[2] == marker;
  std::string spare_id(fields[3]), spare_listing(fields[4]);
  std::map<std::string, CachedFile> files;
  while (at < text.size()) {
    if (!next_line()) return cache;  // damaged: use none of it
    files.emplace_hint(files.end(), fields[0],
                       CachedFile{std::string(fields[1]), std::string(fields[2]), std::string(fields[3]),
                                  FileStamp::parse(fields[4])});
  }
  cache.output_id = id;
  cache.marker = std::move(marker);
  cache.same_marker = same_marker;
  cache.files = std::move(files);
  cache.spare_id = std::move(spare_id);
  cache.spare_listing = std::move(spare_listing);
  cache.saved_ns = ns(st.st_mtim);
  return cache;
}

bool save_build_cache(const BuildCache& cache, const std::string& out_dir, std::string* error) {
  fs::path path = build_cache_path(out_dir);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    std::string text = std::string(kHeader) + "\t" + cache.output_id + "\t" + cache.marker + "\t" + cache.spare_id + "\t" +
                       cache.spare_listing + "\n";
    for (const auto& [p, f] : cache.files) {
      if (p.find_first_of("\t\n") != std::string::npos) continue;  // never produced; keep lines sound
      text += p;
      text += '\t';
      text += f.hash;
      text += '\t';
      text += f.key;
      text += '\t';
      text += f.bytes;
      text += '\t';
      text += f.stamp.text();
      text += '\n';
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      fs::remove(tmp, ec);
      *error = "không ghi được bộ nhớ đệm " + path.string();
      return false;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    fs::remove(tmp, ec);
    *error = "không ghi được bộ nhớ đệm " + path.string();
    return false;
  }
  return true;
}

void remove_build_cache(const std::string& out_dir) {
  std::error_code ec;
  fs::remove(build_cache_path(out_dir), ec);
}

bool racy(const BuildCache& cache, const FileStamp& stamp) {
  return stamp.mtime_ns >= cache.saved_ns || stamp.ctime_ns >= cache.saved_ns;
}

std::map<std::string, std::string> page_keys(const BuildCache& cache) {
  std::map<std::string, std::string> keys;
  for (const auto& [path, f] : cache.files)
    if (!f.key.empty()) keys.emplace_hint(keys.end(), path, f.key);
  return keys;
}

}  // namespace congkhai
