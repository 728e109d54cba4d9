#include "text/unicode.h"


#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "text/char_map.h"

namespace congkhai {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

// Runs utf8proc_map with `options`; returns the input unchanged when it is not valid UTF-8.
std::string map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (n < 0) return std::string(s);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

// Unicode's NFC quick check, for the blocks Vietnamese text is written in: Latin-1, Latin
// Extended-A and -B, IPA and spacing modifiers (U+00A0–U+02FF), Latin Extended Additional
// (U+1E00–U+1EFF, the precomposed "ạ ả ấ … ỹ"), dashes, quotes and other punctuation
// (U+2010–U+2027, U+2030–U+205E) and currency signs (U+20A0–U+20C0). Every character there
// is NFC_QC=Yes with combining class 0, so text made only of them and ASCII is already NFC
// and utf8proc's decompose-and-recompose (most of the time spent reading a file, and of
// indexing a token for search) is skipped.
// Anything else (a combining accent of NFD text, Greek, the Ohm sign) is normalised.
std::size_t find_noncharacter(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    const unsigned char c = b(0);
    if (c < 0xEF) continue;
    // U+FDD0–U+FDEF: EF B7 90–AF; U+FFFE, U+FFFF: EF BF BE–BF.
    if (c == 0xEF && ((b(1) == 0xB7 && b(2) >= 0x90 && b(2) <= 0xAF) || (b(1) == 0xBF && b(2) >= 0xBE)))
      return i;
    // U+1FFFE … U+10FFFF: F0–F4, a second byte ending in 1111 (xF), BF, BE–BF.
    if (c >= 0xF0 && c <= 0xF4 && (b(1) & 0x0F) == 0x0F && b(2) == 0xBF && b(3) >= 0xBE && b(3) <= 0xBF)
      return i;
  }
  return std::string_view::npos;
}

bool is_surely_nfc(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (i + 1 < s.size() && (c >> 5) == 0x6) {
      unsigned cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (cp < 0xA0 || cp > 0x2FF) return false;
      i += 2;
      continue;
    }
    if (i + 2 < s.size() && (c >> 4) == 0xE) {
      unsigned cp = (c & 0x0Fu) << 12 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6 |
                    (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      bool yes = (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027) ||
                 (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
      if (!yes) return false;
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    if (*p < 0x80) {  // ASCII: one byte, always valid
      ++p;
      --left;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string to_nfc(std::string_view s) {
  // Invalid UTF-8 the quick check lets through is returned unchanged, as utf8proc would.
  if (is_surely_nfc(s)) return std::string(s);
  return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

namespace {

}  // namespace

std::string to_lower_with_utf8proc(std::string_view s) {
  return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string fold_with_utf8proc(std::string_view s) {
  // Decompose, drop combining marks, case-fold; "đ" has no decomposition, so map it by hand.
  std::string stripped = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                    UTF8PROC_CASEFOLD);
  std::string out;
  out.reserve(stripped.size());
  for (std::size_t i = 0; i < stripped.size(); ++i) {
    // U+0111 đ is C4 91; U+0110 Đ is already case-folded to đ.
    if (static_cast<unsigned char>(stripped[i]) == 0xC4 && i + 1 < stripped.size() &&
        (static_cast<unsigned char>(stripped[i + 1]) == 0x91 ||
         static_cast<unsigned char>(stripped[i + 1]) == 0x90)) {
      out.push_back('d');
      ++i;
    } else {
      out.push_back(stripped[i]);
    }
  }
  return out;
}

std::string to_lower(std::string_view s) {
  static const CharMap table(to_lower_with_utf8proc);
  return table(s);
}

std::string fold(std::string_view s) {
  static const CharMap table(fold_with_utf8proc);
  return table(s);
}

std::string slugify_words(std::string_view s, std::size_t max_words) {
  std::string folded = fold(s);
  std::string out;
  std::size_t words = 0;
  bool in_word = false;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (!in_word) {
        if (words == max_words) break;
        if (!out.empty()) out.push_back('-');
        ++words;
        in_word = true;
      }
      out.push_back(c);
    } else {
      in_word = false;
    }
  }
  return out;
}

std::string slugify(std::string_view s) { return slugify_words(s, static_cast<std::size_t>(-1)); }

}  // namespace congkhai
