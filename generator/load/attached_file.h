// Files that content refers to (evidence, attachments): resolved, checked, kept inside content/.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace congkhai {

struct AttachedFile {
  std::string relative;  // path relative to the content folder, forward slashes, NFC: its address
  std::string on_disk;   // the same path as the file system spells it (its name may be NFD)
  long long bytes = 0;

  bool operator==(const AttachedFile&) const = default;
};

// A file a content file refers to, as typed there, and what it was resolved to. A parse kept
// in the cache of parsed files (load/parsed_cache.h) is used again only when each of its
// references resolves to the same file again.
struct FileReference {
  std::string typed;
  AttachedFile found;

  bool operator==(const FileReference&) const = default;
};
using FileReferences = std::vector<FileReference>;

// Resolves `file` (relative to the folder of `referring_file`). Returns nullopt and sets
// `problem` (Vietnamese) and `problem_en` when the file is missing, not a regular file, outside
// content/, hidden, or not of a published type (model/published_file_type.h). A file found is
// added to `found` when it is given.
std::optional<AttachedFile> resolve_attached_file(const std::string& content_dir,
                                                  const std::string& referring_file,
                                                  const std::string& file, std::string* problem,
                                                  std::string* problem_en, FileReferences* found = nullptr);

}  // namespace congkhai
