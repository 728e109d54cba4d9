#include "load/markdown_limits.h"

#include <string>

namespace congkhai {
namespace {

// Megabytes with one decimal: "1,3" in Vietnamese, "1.3" in English.
std::string megabytes(std::size_t bytes, char point = ',') {
  const std::size_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + point + std::to_string(tenths % 10);
}
std::string english_megabytes(std::size_t bytes) { return megabytes(bytes, '.'); }

// Where the markers that open the line at `start` pass kMaxMarkdownNesting, or npos.
std::size_t too_deep(std::string_view s, std::size_t start) {
  int depth = 0;
  std::size_t i = start;
  auto space_at = [&](std::size_t k) { return k >= s.size() || s[k] == ' ' || s[k] == '\t' || s[k] == '\n'; };
  while (i < s.size() && s[i] != '\n') {
    const std::size_t marker = i;
    if (s[i] == ' ' || s[i] == '\t') { ++i; continue; }
    if (s[i] == '>') {
      ++i;
    } else if ((s[i] == '-' || s[i] == '*' || s[i] == '+') && space_at(i + 1)) {
      ++i;
    } else if (s[i] >= '0' && s[i] <= '9') {
      std::size_t j = i;
      while (j < s.size() && j - i < 9 && s[j] >= '0' && s[j] <= '9') ++j;
      if (j >= s.size() || (s[j] != '.' && s[j] != ')') || !space_at(j + 1)) break;
      i = j + 1;
    } else {
      break;
    }
    if (++depth > kMaxMarkdownNesting) return marker;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<MarkdownLimitProblem> check_markdown_limits(std::string_view s) {
  if (s.size() > kMaxMarkdownBytes)
    return MarkdownLimitProblem{
        0, "phần văn bản Markdown quá dài (" + megabytes(s.size()) + " MB); mỗi phần tối đa 1 MB",
        "Markdown text too long (" + english_megabytes(s.size()) + " MB); each field holds at most 1 MB",
        "tách nội dung dài thành tệp đính kèm", "move long content into an attached file"};
  // Unclosed "[" are counted per paragraph: cmark-gfm matches brackets within a block, and a
  // blank line ends it. Every "]" closes or drops the innermost "[", so the count is the
  // length of cmark-gfm's bracket stack or more (escaped and code "[" are counted too).
  int open_brackets = 0;
  bool blank = true;  // the current line holds only spaces so far
  int pipes = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 0 || s[i - 1] == '\n') {
      if (std::size_t at = too_deep(s, i); at != std::string_view::npos)
        return MarkdownLimitProblem{
            at, "văn bản Markdown lồng quá " + std::to_string(kMaxMarkdownNesting) + " cấp trích dẫn, danh sách",
            "Markdown quotes and lists nested more than " + std::to_string(kMaxMarkdownNesting) + " levels deep",
            "bớt các dấu >, -, *, + hoặc số thứ tự ở đầu dòng", "use fewer >, -, *, + or numbers at the line's start"};
      blank = true;
      pipes = 0;
    }
    const char c = s[i];
    if (c == '\n') {
      if (blank) open_brackets = 0;
      continue;
    }
    if (c != ' ' && c != '\t') blank = false;
    if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '[' || s[i + 1] == ']')) {
      ++i;  // an escaped bracket is text to cmark-gfm
      continue;
    }
    if (c == '[' && ++open_brackets > kMaxOpenBrackets)
      return MarkdownLimitProblem{
          i, "quá " + std::to_string(kMaxOpenBrackets) + " dấu [ chưa đóng trong một đoạn văn bản Markdown",
          "more than " + std::to_string(kMaxOpenBrackets) + " unclosed [ in one Markdown paragraph",
          "đóng mỗi dấu [ bằng một dấu ], hoặc viết \\[ cho dấu [ thường",
          "close each [ with a ], or write \\[ for a plain ["};
    if (c == ']' && open_brackets > 0) --open_brackets;
    if (c == '|' && ++pipes > kMaxTablePipes)
      return MarkdownLimitProblem{
          i, "dòng có quá " + std::to_string(kMaxTablePipes) + " dấu |; bảng Markdown tối đa " +
                 std::to_string(kMaxTablePipes - 1) + " cột",
          "line with more than " + std::to_string(kMaxTablePipes) + " | characters; Markdown tables have at most " +
              std::to_string(kMaxTablePipes - 1) + " columns",
          "chia bảng thành nhiều bảng nhỏ, hoặc đưa vào tệp đính kèm",
          "split the table, or move it into an attached file"};
  }
  return std::nullopt;
}

}  // namespace congkhai

namespace congkhai {

Diagnostic markdown_limit_diagnostic(const MarkdownLimitProblem& problem, std::string_view text,
                                     const std::string& path, SourcePos start) {
  SourcePos pos = start;
  for (std::size_t i = 0; i < problem.offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;  // columns count characters, as editors do
    }
  }
  return Diagnostic{path, pos, problem.message, problem.message_en, problem.hint, problem.hint_en};
}

}  // namespace congkhai
