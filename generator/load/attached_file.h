// Files that content refers to (evidence, attachments): resolved, checked, kept inside content/.
#pragma once

#include <optional>
#include <string>

namespace congkhai {

struct AttachedFile {
  std::string relative;  // path relative to the content folder, forward slashes
  long long bytes = 0;
};

// Resolves `file` (relative to the folder of `referring_file`). Returns nullopt and sets
// `problem` (Vietnamese) when the file is missing, not a regular file, outside content/, or of
// a type a browser runs script in (HTML, SVG, XML, JavaScript).
std::optional<AttachedFile> resolve_attached_file(const std::string& content_dir,
                                                  const std::string& referring_file,
                                                  const std::string& file, std::string* problem);

}  // namespace congkhai
