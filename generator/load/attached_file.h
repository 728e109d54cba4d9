// Files that content refers to (evidence, attachments): resolved, checked, kept inside content/.
#pragma once

#include <optional>
#include <string>

namespace congkhai {

struct AttachedFile {
  std::string relative;  // path relative to the content folder, forward slashes, NFC: its address
  std::string on_disk;   // the same path as the file system spells it (its name may be NFD)
  long long bytes = 0;
};

// Resolves `file` (relative to the folder of `referring_file`). Returns nullopt and sets
// `problem` (Vietnamese) and `problem_en` when the file is missing, not a regular file, outside
// content/, hidden, or not of a published type (model/published_file_type.h).
std::optional<AttachedFile> resolve_attached_file(const std::string& content_dir,
                                                  const std::string& referring_file,
                                                  const std::string& file, std::string* problem,
                                                  std::string* problem_en);

}  // namespace congkhai
