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

// What the file system says of a file without reading it: which file it is (device, inode),
// its size and its modification and change times (nanoseconds). Editing a file in place
// changes its change time, which no tool can set back (touch, utimes and archive tools set
// only the modification time), and replacing it gives another inode.
struct SourceStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0, changed_ns = 0;
  bool operator==(const SourceStamp&) const = default;
  bool known() const { return *this != SourceStamp{}; }
};

// The stamp of `path` (following links) when it is a regular file; an unknown one otherwise.
SourceStamp source_stamp(const std::string& path);

struct RegularFile {
  enum class Status { kOk, kCannotRead, kNotRegular, kTooLarge };
  Status status = Status::kCannotRead;
  std::string bytes;        // kOk: the whole file
  std::uint64_t size = 0;   // kOk, kTooLarge: its size in bytes
  SourceStamp stamp;          // kOk: taken on the open file before it was read
  const char* kind_vi = ""; // kNotRegular: what it is ("ống dẫn có tên (named pipe)")
  const char* kind_en = "";
};

// Reads `path` (following symbolic links) when it is a regular file of at most `max_bytes`;
// a file that grows past it while being read is kTooLarge as well.
RegularFile read_regular_file(const std::string& path, std::size_t max_bytes);

// "không phải tệp thường (ống dẫn có tên …)", at the file.
Diagnostic not_regular_file_diagnostic(const std::string& path, const RegularFile& read);

}  // namespace congkhai
