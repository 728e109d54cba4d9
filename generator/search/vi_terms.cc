#include "search/vi_terms.h"


#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "text/char_map.h"
#include "text/unicode.h"

namespace congkhai {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Code points of `s`; an invalid byte becomes a negative value standing for itself.
std::vector<utf8proc_int32_t> decode(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out.push_back(-static_cast<utf8proc_int32_t>(*p) - 1);
      n = 1;
    } else {
      out.push_back(cp);
    }
    p += n;
    left -= n;
  }
  return out;
}

void append(std::string* out, utf8proc_int32_t cp) {
  if (cp >= 0 && cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  if (cp < 0) {
    out->push_back(static_cast<char>(-(cp + 1)));
    return;
  }
  if (cp < 0x800) {  // utf8proc_encode_char's encodings, the common ones inline
    const char two[2] = {static_cast<char>(0xC0 + (cp >> 6)), static_cast<char>(0x80 + (cp & 0x3F))};
    out->append(two, 2);
    return;
  }
  if (cp < 0x10000) {
    const char three[3] = {static_cast<char>(0xE0 + (cp >> 12)), static_cast<char>(0x80 + ((cp >> 6) & 0x3F)),
                           static_cast<char>(0x80 + (cp & 0x3F))};
    out->append(three, 3);
    return;
  }
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_cased(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  return utf8proc_islower(cp) || utf8proc_isupper(cp) ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

// Unicode Case_Ignorable, closely enough for the final-sigma rule.
bool is_case_ignorable(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK:
      return true;
    default:
      break;
  }
  switch (cp) {
    case 0x27: case 0x2E: case 0x3A: case 0xB7: case 0x387: case 0x5F4: case 0x2018:
    case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52: case 0xFE55:
    case 0xFF07: case 0xFF0E: case 0xFF1A:
      return true;
    default:
      return false;
  }
}

// Unicode's Final_Sigma condition for the capital sigma at `i`.
bool is_final_sigma(const std::vector<utf8proc_int32_t>& cps, std::size_t i) {
  std::size_t j = i;
  bool cased_before = false;
  while (j > 0) {
    --j;
    if (is_case_ignorable(cps[j])) continue;
    cased_before = is_cased(cps[j]);
    break;
  }
  if (!cased_before) return false;
  for (std::size_t k = i + 1; k < cps.size(); ++k) {
    if (is_case_ignorable(cps[k])) continue;
    return !is_cased(cps[k]);
  }
  return true;
}

bool is_term_char(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// js_to_lower over the decoded text, which the final-sigma rule needs.
std::string js_to_lower_with_context(std::string_view s) {
  std::vector<utf8proc_int32_t> cps = decode(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    utf8proc_int32_t cp = cps[i];
    if (cp >= 0 && cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
    } else if (cp < 0) {
      append(&out, cp);
    } else if (cp == 0x130) {  // İ lower-cases to i + combining dot above
      out.push_back('i');
      append(&out, 0x307);
    } else if (cp == 0x3A3) {
      append(&out, is_final_sigma(cps, i) ? 0x3C2 : 0x3C3);
    } else {
      append(&out, utf8proc_tolower(cp));
    }
  }
  return out;
}

}  // namespace

std::string js_to_lower(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // One pass, without decoding the text into a vector first: only the final-sigma rule
  // needs a character's neighbours, so a text with a capital sigma takes the slow path.
  // Two-byte sequences and the three-byte ones of U+1000 to U+1FFF (Vietnamese's Latin
  // Extended Additional) are decoded inline, the way utf8proc_iterate decodes them.
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* end = p + s.size();
  auto continuation = [](utf8proc_uint8_t b) { return (b & 0xC0) == 0x80; };
  while (p < end) {
    const utf8proc_uint8_t b = *p;
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b));
      ++p;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && continuation(p[1])) {
      cp = ((b & 0x1F) << 6) | (p[1] & 0x3F);
      n = 2;
    } else if (b == 0xE1 && end - p >= 3 && continuation(p[1]) && continuation(p[2])) {
      cp = 0x1000 | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      n = 3;
    } else {
      n = utf8proc_iterate(p, end - p, &cp);
    }
    if (n <= 0) {
      out.push_back(static_cast<char>(b));  // an invalid byte stands for itself
      n = 1;
    } else if (cp == 0x130) {  // İ lower-cases to i + combining dot above
      out.push_back('i');
      append(&out, 0x307);
    } else if (cp == 0x3A3) {
      return js_to_lower_with_context(s);
    } else {
      append(&out, utf8proc_tolower(cp));
    }
    p += n;
  }
  return out;
}

std::string search_fold(std::string_view lower) {
  static const CharMap table(search_fold_with_utf8proc);
  return table(lower);
}

std::string search_fold_with_utf8proc(std::string_view lower) {
  if (is_ascii(lower)) return std::string(lower);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(lower.data()),
      static_cast<utf8proc_ssize_t>(lower.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(mapped);
  std::string stripped = n < 0 ? std::string(lower)
                               : std::string(reinterpret_cast<const char*>(mapped),
                                             static_cast<std::size_t>(n));
  std::string out;
  out.reserve(stripped.size());
  for (std::size_t i = 0; i < stripped.size(); ++i) {
    if (static_cast<unsigned char>(stripped[i]) == 0xC4 && i + 1 < stripped.size() &&
        static_cast<unsigned char>(stripped[i + 1]) == 0x91) {  // U+0111 đ
      out.push_back('d');
      ++i;
    } else {
      out.push_back(stripped[i]);
    }
  }
  return out;
}

std::vector<std::string> vi_terms(std::string_view token) {
  std::string lower = js_to_lower(to_nfc(token));
  std::vector<utf8proc_int32_t> cps = decode(lower);
  std::size_t begin = 0, end = cps.size();
  while (begin < end && !is_term_char(cps[begin])) ++begin;
  while (end > begin && !is_term_char(cps[end - 1])) --end;
  if (begin == end) return {};
  std::string exact;
  if (begin == 0 && end == cps.size()) {
    exact = std::move(lower);
  } else {
    for (std::size_t i = begin; i < end; ++i) append(&exact, cps[i]);
  }
  std::string folded = search_fold(exact);
  if (folded.empty() || folded == exact) return {exact};
  return {exact, folded};
}

}  // namespace congkhai
