#include "text/char_map.h"

#include <utf8proc.h>

#include "text/unicode.h"

namespace congkhai {
namespace {

constexpr unsigned kLowBlocks = 0x250;            // U+0000–U+024F
constexpr unsigned kExtendedAdditional = 0x1E00;  // U+1E00–U+1EFF

bool one_plain_char(const std::string& s) {
  if (s.empty()) return false;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n != static_cast<utf8proc_ssize_t>(s.size())) return false;
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->combining_class == 0 && p->category != UTF8PROC_CATEGORY_MN &&
         p->category != UTF8PROC_CATEGORY_MC && p->category != UTF8PROC_CATEGORY_ME;
}

std::string utf8(unsigned cp) {
  char buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), reinterpret_cast<utf8proc_uint8_t*>(buf));
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace

CharMap::CharMap(Mapping mapping) : mapping_(mapping), table_(kLowBlocks + 0x100) {
  auto fill = [&](unsigned cp, std::size_t slot) {
    const std::string c = utf8(cp);
    if (!is_surely_nfc(c)) return;
    std::string mapped = mapping_(c);
    if (one_plain_char(mapped)) table_[slot] = std::move(mapped);
  };
  for (unsigned cp = 0; cp < kLowBlocks; ++cp) fill(cp, cp);
  for (unsigned cp = 0; cp < 0x100; ++cp) fill(kExtendedAdditional + cp, kLowBlocks + cp);
}

std::string CharMap::operator()(std::string_view s) const {
  std::string out;
  if (is_surely_nfc(s) && by_table(s, &out)) return out;
  return mapping_(s);
}

bool CharMap::by_table(std::string_view s, std::string* out) const {
  out->reserve(s.size());
  auto continuation = [&](std::size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t slot;
    if (c < 0x80) {
      slot = c;
      i += 1;
    } else if ((c >> 5) == 0x6 && continuation(i + 1)) {
      slot = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (slot < 0x80 || slot >= kLowBlocks) return false;  // overlong, or beyond the blocks
      i += 2;
    } else if (c == 0xE1 && continuation(i + 2) && (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0xB8) {
      slot = kLowBlocks + (((static_cast<unsigned char>(s[i + 1]) & 0x3u) << 6) |
                           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu));
      i += 3;
    } else {
      return false;
    }
    const std::string& mapped = table_[slot];
    if (mapped.empty()) return false;
    if (mapped.size() == 1) out->push_back(mapped[0]);
    else *out += mapped;
  }
  return true;
}

}  // namespace congkhai
