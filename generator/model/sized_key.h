// The cache key of a file an incremental build can reuse without making it (an exported file,
// a search shard): the hash of its inputs, "-" and the size of the file they made, so that a
// reused file still tells its size: "<hash>-<bytes>".
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace congkhai {

std::string sized_key(const std::string& hash, std::size_t bytes);

// The size of the previous build's file at `path` when its key (in `previous_keys`, path →
// key) was made from the same inputs (`hash`); nullopt when it was not, or there is no key.
std::optional<std::size_t> reusable_size(const std::map<std::string, std::string>* previous_keys,
                                         const std::string& path, const std::string& hash);

}  // namespace congkhai
