#include "export/reused_files.h"

namespace congkhai {

std::string sized_key(const std::string& hash, std::size_t bytes) { return hash + "-" + std::to_string(bytes); }

std::optional<std::size_t> reusable_size(const ExportReuse& reuse, const std::string& path,
                                         const std::string& hash) {
  if (!reuse.previous_keys) return std::nullopt;
  auto it = reuse.previous_keys->find(path);
  if (it == reuse.previous_keys->end()) return std::nullopt;
  const std::string& key = it->second;
  // The hash, "-" and at most 18 digits (no overflow).
  if (key.size() <= hash.size() + 1 || key.size() > hash.size() + 1 + 18 || key.compare(0, hash.size(), hash) != 0 ||
      key[hash.size()] != '-')
    return std::nullopt;
  std::size_t bytes = 0;
  for (std::size_t i = hash.size() + 1; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return std::nullopt;
    bytes = bytes * 10 + static_cast<std::size_t>(key[i] - '0');
  }
  return bytes;
}

OutputFile reused_file(std::string path, const std::string& hash, std::size_t bytes) {
  OutputFile f;
  f.path = std::move(path);
  f.key = sized_key(hash, bytes);
  f.reused = true;
  f.reused_size = bytes;
  return f;
}

}  // namespace congkhai
