#pragma once

#include <cstddef>
#include <string>

namespace congkhai {

// A label made from a Markdown text: its first non-blank line without a leading list, quote or
// heading marker and without emphasis characters, cut at a space near `max_chars` characters
// (not bytes) with "…" when longer.
std::string short_text(const std::string& markdown, std::size_t max_chars = 120);

}  // namespace congkhai
