// Reading a file that must be a regular file: content files, theme files, the build cache.
//
// A named pipe in place of unit.yaml would block the build forever, a device (/dev/zero, a
// terminal) would be read until memory runs out. The path is checked before it is opened, so
// a device is never opened (opening some has effects), and again on the open descriptor,
// which is opened non-blocking, so a pipe put there in between cannot block either.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "model/diagnostic.h"

namespace congkhai {

struct RegularFile {
  enum class Status { kOk, kCannotRead, kNotRegular, kTooLarge };
  Status status = Status::kCannotRead;
  std::string bytes;        // kOk: the whole file
  std::uint64_t size = 0;   // kOk, kTooLarge: its size in bytes
  const char* kind_vi = ""; // kNotRegular: what it is ("ống dẫn có tên (named pipe)")
  const char* kind_en = "";
};

// Reads `path` (following symbolic links) when it is a regular file of at most `max_bytes`;
// a file that grows past it while being read is kTooLarge as well.
RegularFile read_regular_file(const std::string& path, std::size_t max_bytes);

// "không phải tệp thường (ống dẫn có tên …)", at the file.
Diagnostic not_regular_file_diagnostic(const std::string& path, const RegularFile& read);

}  // namespace congkhai
