#include "load/source_text.h"

#include <cstdio>
#include <utility>

#include "load/regular_file.h"
#include "text/unicode.h"

namespace congkhai {
namespace {

// Position of the first malformed UTF-8 sequence, or line 0 when the text is valid.
SourcePos first_invalid_utf8(std::string_view s) {
  // Almost every file is valid: check it without counting lines, then count only if not.
  if (is_valid_utf8(s)) return SourcePos{};
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

// Line and column (in characters, line breaks as written) of a byte offset into valid UTF-8.
SourcePos position_of_offset(std::string_view s, std::size_t offset) {
  SourcePos pos{1, 1};
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || (c == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
      ++pos.column;
    }
  }
  return pos;
}

// The code point of the 3- or 4-byte UTF-8 sequence at `at`.
unsigned noncharacter_at(std::string_view s, std::size_t at) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[at + k])); };
  if (b(0) < 0xF0) return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
  return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
}

struct UnusualBreak {
  SourcePos pos;
  const char* name;
};

// U+0085 (NEXT LINE), U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) are line
// breaks to YAML but not to most editors: libyaml would fold them into a quoted value
// silently and count lines differently from the editor and from these messages. Lines are
// counted at "\n" only (CR LF and CR are not folded yet: they end a line too), columns in
// characters, as in every other message.
std::optional<UnusualBreak> first_unusual_line_break(std::string_view s) {
  std::size_t at = std::string_view::npos;
  const char* name = nullptr;
  for (auto [bytes, what] : {std::pair{"\xC2\x85", "U+0085 NEXT LINE"}, std::pair{"\xE2\x80\xA8", "U+2028 LINE SEPARATOR"},
                             std::pair{"\xE2\x80\xA9", "U+2029 PARAGRAPH SEPARATOR"}})
    if (std::size_t i = s.find(bytes); i < at) at = i, name = what;
  if (at == std::string_view::npos) return std::nullopt;
  return UnusualBreak{position_of_offset(s, at), name};
}

// clean_text on bytes the caller gives up: checked, then CR LF turned into LF in place, so
// a file read from disk is copied only when it must be normalised.
std::optional<std::string> clean_owned(std::string text, const std::string& path, Diagnostics* diags) {
  if (std::string_view(text).substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
  SourcePos bad = first_invalid_utf8(text);
  if (bad.line != 0) {
    diags->push_back({path, bad,
                      "tệp không phải văn bản UTF-8 hợp lệ (có byte lạ ở đây); hãy lưu lại tệp với bảng mã UTF-8",
                      "the file is not valid UTF-8 (stray byte here); save it again as UTF-8",
                      "", ""});
    return std::nullopt;
  }
  if (auto unusual = first_unusual_line_break(text)) {
    diags->push_back({path, unusual->pos,
                      std::string("tệp có ký tự xuống dòng lạ (") + unusual->name +
                          "); hãy thay bằng một dấu xuống dòng thường hoặc dấu cách",
                      std::string("the file holds an unusual line break (") + unusual->name +
                          "); replace it with an ordinary line break or a space",
                      "ký tự này thường lọt vào khi dán văn bản từ Word hay trang web; YAML coi nó là "
                      "một dấu xuống dòng, trình soạn thảo thì không",
                      "it usually comes in with text pasted from Word or a web page; YAML reads it as a "
                      "line break, editors do not"});
    return std::nullopt;
  }
  if (text.find('\0') != std::string::npos) {
    diags->push_back({path, {}, "tệp chứa ký tự NUL, không phải văn bản", "the file contains a NUL byte", "", ""});
    return std::nullopt;
  }
  if (std::size_t at = find_noncharacter(text); at != std::string::npos) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", noncharacter_at(text, at));
    const std::string c(code);
    diags->push_back({path, position_of_offset(text, at),
                      "tệp có ký tự " + c + ", một mã Unicode không dùng cho văn bản (noncharacter)",
                      "the file holds " + c + ", a Unicode noncharacter, which is not for text",
                      "xoá ký tự này; nó thường lọt vào khi dán văn bản từ nơi khác",
                      "delete it; it usually comes in with pasted text"});
    return std::nullopt;
  }
  if (std::size_t i = text.find('\r'); i != std::string::npos) {
    std::size_t out = i;
    for (; i < text.size(); ++i) {
      if (text[i] == '\r') {
        text[out++] = '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        text[out++] = text[i];
      }
    }
    text.resize(out);
  }
  if (is_surely_nfc(text)) return text;
  return to_nfc(text);
}

}  // namespace

std::optional<std::string> clean_text(std::string_view bytes, const std::string& path, Diagnostics* diags) {
  return clean_owned(std::string(bytes), path, diags);
}

std::optional<std::string> read_source(const std::string& path, Diagnostics* diags) {
  RegularFile file = read_regular_file(path, kMaxFileBytes);
  switch (file.status) {
    case RegularFile::Status::kOk: return clean_owned(std::move(file.bytes), path, diags);
    case RegularFile::Status::kNotRegular: diags->push_back(not_regular_file_diagnostic(path, file)); break;
    case RegularFile::Status::kTooLarge: {
      const std::string mb = std::to_string(file.size / (1024 * 1024));
      const std::string limit = std::to_string(kMaxFileBytes / (1024 * 1024));
      diags->push_back({path, {}, "tệp quá lớn (" + mb + " MB); mỗi tệp nội dung tối đa " + limit + " MB",
                        "the file is too large (" + mb + " MB); the limit is " + limit + " MB", "", ""});
      break;
    }
    case RegularFile::Status::kCannotRead:
      diags->push_back({path, {}, "không đọc được tệp", "cannot read the file", "", ""});
      break;
  }
  return std::nullopt;
}

}  // namespace congkhai
