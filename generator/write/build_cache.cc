#include "write/build_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "load/regular_file.h"
#include "write/site_writer.h"

namespace congkhai {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader = "congkhai-cache 2";

fs::path output_path(const std::string& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

}  // namespace

std::string build_cache_path(const std::string& out_dir) {
  fs::path out = output_path(out_dir);
  return (out.parent_path() / ".congkhai-cache" / out.filename()).string();
}

std::string parsed_cache_path(const std::string& out_dir) { return build_cache_path(out_dir) + ".parsed"; }

std::string output_identity(const std::string& out_dir) {
  struct stat st;
  if (::stat((output_path(out_dir) / kOutputMarker).c_str(), &st) != 0) return "";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

BuildCache load_build_cache(const std::string& out_dir) {
  BuildCache cache;
  std::string id = output_identity(out_dir);
  if (id.empty()) return cache;
  // A regular file only: a pipe put in its place must not block the build.
  RegularFile read = read_regular_file(build_cache_path(out_dir), std::numeric_limits<std::size_t>::max());
  if (read.status != RegularFile::Status::kOk) return cache;
  std::istringstream in(std::move(read.bytes));
  std::string line;
  if (!std::getline(in, line) || line != std::string(kHeader) + "\t" + id) return cache;
  std::map<std::string, CachedFile> files;
  while (std::getline(in, line)) {
    std::size_t a = line.find('\t'), b = a == std::string::npos ? a : line.find('\t', a + 1);
    std::size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (c == std::string::npos) return cache;  // damaged: use none of it
    files.emplace(line.substr(0, a),
                  CachedFile{line.substr(a + 1, b - a - 1), line.substr(b + 1, c - b - 1), line.substr(c + 1)});
  }
  if (!in.eof()) return cache;
  cache.output_id = id;
  cache.files = std::move(files);
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
    std::string text = std::string(kHeader) + "\t" + cache.output_id + "\n";
    for (const auto& [p, f] : cache.files) {
      if (p.find_first_of("\t\n") != std::string::npos) continue;  // never produced; keep lines sound
      text += p;
      text += '\t';
      text += f.hash;
      text += '\t';
      text += f.key;
      text += '\t';
      text += f.bytes;
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

std::map<std::string, std::string> page_keys(const BuildCache& cache) {
  std::map<std::string, std::string> keys;
  for (const auto& [path, f] : cache.files)
    if (!f.key.empty()) keys.emplace_hint(keys.end(), path, f.key);
  return keys;
}

}  // namespace congkhai
