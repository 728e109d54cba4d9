// A text mapping (lower-casing, folding) applied character by character from a table, for
// text made of ASCII and the blocks Vietnamese is written in (U+0000–U+024F, U+1E00–U+1EFF).
// The table is taken from the mapping itself, one character at a time, when first used, so
// the lookup gives the mapping's own bytes: a character whose result is not exactly one
// character outside the combining marks (ß, İ, a combining accent) has no entry, and text
// holding one, text not surely NFC, and malformed UTF-8 are given to the mapping whole.
// Meant for mappings that treat each character on its own (utf8proc's case folding, mark
// stripping and composition of NFC text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

class CharMap {
 public:
  using Mapping = std::string (*)(std::string_view);
  explicit CharMap(Mapping mapping);

  std::string operator()(std::string_view s) const;

 private:
  bool by_table(std::string_view s, std::string* out) const;

  Mapping mapping_;
  std::vector<std::string> table_;  // U+0000–U+024F, then U+1E00–U+1EFF; "" when none
};

}  // namespace congkhai
