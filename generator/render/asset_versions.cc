#include "render/asset_versions.h"

#include <fstream>
#include <iterator>
#include <optional>

#include "search/search_files.h"
#include "text/content_hash.h"

namespace congkhai {
namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

std::string content_version(std::string_view bytes) { return "v=" + hash_bytes(bytes).hex().substr(0, 10); }

std::map<std::string, std::string> asset_versions(const Theme& theme, const SearchLibraries& libraries) {
  std::map<std::string, std::string> out;
  for (const auto& [name, source] : theme.assets)
    if (auto bytes = read_file(source)) out["assets/" + name] = content_version(*bytes);
  for (const auto& [path, source] : search_library_files(libraries))
    if (auto bytes = read_file(source)) out[path] = content_version(*bytes);
  out[std::string(kSearchShardsVersionKey)] = "f=" + std::string(kShardFormatNumber);
  return out;
}

}  // namespace congkhai
