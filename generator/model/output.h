// A file of the generated site: its path relative to the output root and its bytes.
#pragma once

#include <string>
#include <vector>

namespace congkhai {

struct OutputFile {
  std::string path;   // "ha-tinh/huong-son/son-lam/2023/index.html", forward slashes
  std::string bytes;  // contents, or empty when copied from `source`
  std::string source; // a file to copy verbatim (attachments, theme assets), or empty
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace congkhai
