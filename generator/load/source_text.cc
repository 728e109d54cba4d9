#include "load/source_text.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "text/unicode.h"

namespace congkhai {
namespace {

// Position of the first malformed UTF-8 sequence, or line 0 when the text is valid.
SourcePos first_invalid_utf8(std::string_view s) {
  SourcePos pos{1, 1};
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len != 1 && (len == 0 || i + len > s.size() || !is_valid_utf8(s.substr(i, len)))) return pos;
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    i += len;
  }
  return SourcePos{};
}

}  // namespace

// Unicode's NFC quick check, for the blocks Vietnamese text is written in: Latin-1, Latin
// Extended-A and -B, IPA and spacing modifiers (U+00A0–U+02FF), Latin Extended Additional
// (U+1E00–U+1EFF, the precomposed "ạ ả ấ … ỹ"), dashes, quotes and other punctuation
// (U+2010–U+2027, U+2030–U+205E) and currency signs (U+20A0–U+20C0). Every character there
// is NFC_QC=Yes with combining class 0, so text made only of them and ASCII is already NFC
// and utf8proc's decompose-and-recompose, most of the time spent reading a file, is skipped.
// Anything else (a combining accent of NFD text, Greek, the Ohm sign) is normalised.
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

std::optional<std::string> clean_text(std::string_view bytes, const std::string& path, Diagnostics* diags) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  SourcePos bad = first_invalid_utf8(bytes);
  if (bad.line != 0) {
    diags->push_back({path, bad,
                      "tệp không phải văn bản UTF-8 hợp lệ (có byte lạ ở đây); hãy lưu lại tệp với bảng mã UTF-8",
                      "the file is not valid UTF-8 (stray byte here); save it again as UTF-8",
                      "", ""});
    return std::nullopt;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    diags->push_back({path, {}, "tệp chứa ký tự NUL, không phải văn bản", "the file contains a NUL byte", "", ""});
    return std::nullopt;
  }
  if (bytes.find('\r') == std::string_view::npos) {
    std::string text(bytes);
    if (is_surely_nfc(text)) return text;
    return to_nfc(text);
  }
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      text.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      text.push_back(bytes[i]);
    }
  }
  if (is_surely_nfc(text)) return text;
  return to_nfc(text);
}

std::optional<std::string> read_source(const std::string& path, Diagnostics* diags) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    diags->push_back({path, {}, "không đọc được tệp", "cannot read the file", "", ""});
    return std::nullopt;
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
    diags->push_back({path, {},
                      "tệp quá lớn (" + std::to_string(st.st_size / (1024 * 1024)) +
                          " MB); mỗi tệp nội dung tối đa " + std::to_string(kMaxFileBytes / (1024 * 1024)) + " MB",
                      "the file is too large (" + std::to_string(st.st_size / (1024 * 1024)) + " MB); the limit is " +
                          std::to_string(kMaxFileBytes / (1024 * 1024)) + " MB",
                      "", ""});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags->push_back({path, {}, "không đọc được tệp", "cannot read the file", "", ""});
    return std::nullopt;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return clean_text(buf.str(), path, diags);
}

}  // namespace congkhai
