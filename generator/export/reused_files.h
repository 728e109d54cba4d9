// Incremental builds of the open data: the keys exported files carry, and the previous
// build's files handed out in place of ones made from the same inputs (exports.h).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/output.h"
#include "model/sized_key.h"

namespace congkhai {

// The previous build's cache keys (path → key, BuildCache::page_keys) and the generator's
// version. Without previous keys every file is made; the keys are given all the same, for
// the next build. With `plan_keys`, each plan's input key (plan_data_key) is given there, in
// Portal::plans order, for the search stage, which keys its shards with them.
struct ExportReuse {
  std::string version;
  const std::map<std::string, std::string>* previous_keys = nullptr;
  std::vector<std::string>* plan_keys = nullptr;
};

// The size of the previous build's file at `path` when its key was made from the same inputs
// (`hash`); nullopt when it was not, or there is no such key.
std::optional<std::size_t> reusable_size(const ExportReuse& reuse, const std::string& path,
                                         const std::string& hash);

// The previous build's file at `path`, reused: no bytes, its key and its size.
OutputFile reused_file(std::string path, const std::string& hash, std::size_t bytes);

}  // namespace congkhai
