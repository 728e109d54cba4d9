// A file of the generated site: its path relative to the output root and its bytes.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace congkhai {

struct OutputFile {
  OutputFile() = default;
  OutputFile(std::string path, std::string bytes, std::string source)
      : path(std::move(path)), bytes(std::move(bytes)), source(std::move(source)) {}

  std::string path;   // "ha-tinh/huong-son/son-lam/2023/index.html", forward slashes
  std::string bytes;  // contents, or empty when copied from `source` or `reused`
  std::string source; // a file to copy verbatim (attachments, theme assets), or empty
  // Incremental builds: the hash of everything a rendered page was made from (its view data,
  // its templates, the generator's version). When it equals the previous build's key for the
  // same path, the page was not rendered again: `reused` is set, `bytes` is empty, and the
  // writer takes the previous build's file, which the same inputs made.
  std::string key;
  bool reused = false;
};

using OutputFiles = std::vector<OutputFile>;

}  // namespace congkhai
