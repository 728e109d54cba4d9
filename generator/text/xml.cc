#include "text/xml.h"

namespace congkhai {

namespace {

// Length of the well-formed UTF-8 sequence at `i` (1 to 4), or 0 when the bytes there are
// none (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, cut short).
std::size_t utf8_length(std::string_view t, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0; };
  const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) >= 0xA0)) return 0;  // overlong; surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90)) return 0;  // overlong; too high
    return 4;
  }
  return 0;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  // Runs of characters kept as they are go in whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const char* entity;
    std::size_t width = 1;
    switch (c) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default:
        if (c < 0x80) {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
          entity = "";  // other control characters are not allowed in XML 1.0: dropped
          break;
        }
        width = utf8_length(text, i);
        if (width == 0) {
          entity = "\xEF\xBF\xBD";  // not UTF-8: the replacement character, as decoders do
          width = 1;
          break;
        }
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are no XML characters either: dropped.
        if (width == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            static_cast<unsigned char>(text[i + 2]) >= 0xBE) {
          entity = "";
          break;
        }
        i += width - 1;
        continue;
    }
    out.append(text, run, i - run);
    out += entity;
    i += width - 1;
    run = i + 1;
  }
  out.append(text, run, text.size() - run);
  return out;
}

}  // namespace congkhai
