#include "export/reused_files.h"

namespace congkhai {

std::optional<std::size_t> reusable_size(const ExportReuse& reuse, const std::string& path,
                                         const std::string& hash) {
  return reusable_size(reuse.previous_keys, path, hash);
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
