// Reading a content file into clean text: UTF-8 checked, BOM dropped, CRLF folded, NFC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace congkhai {

// Files larger than this are refused before they are read (see docs/limits.md).
inline constexpr std::size_t kMaxFileBytes = 8 * 1024 * 1024;

// Turns raw bytes into the text every loader works on. Reports malformed UTF-8 at its
// line and column and returns nullopt. A leading BOM is dropped, CRLF and lone CR become
// LF (so line numbers stay those an editor shows), and the text is normalised to NFC.
std::optional<std::string> clean_text(std::string_view bytes, const std::string& path, Diagnostics* diags);

// Reads and cleans a file; reports a missing, unreadable or oversized file.
std::optional<std::string> read_source(const std::string& path, Diagnostics* diags);

}  // namespace congkhai
