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
