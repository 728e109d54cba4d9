#include "model/sized_key.h"

namespace congkhai {

std::string sized_key(const std::string& hash, std::size_t bytes) { return hash + "-" + std::to_string(bytes); }

std::optional<std::size_t> reusable_size(const std::map<std::string, std::string>* previous_keys,
                                         const std::string& path, const std::string& hash) {
  if (!previous_keys) return std::nullopt;
  auto it = previous_keys->find(path);
  if (it == previous_keys->end()) return std::nullopt;
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

}  // namespace congkhai
