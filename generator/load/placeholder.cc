#include "load/placeholder.h"

namespace congkhai {

namespace {

constexpr std::string_view kMark = "(điền ";
constexpr std::string_view kMarkUpper = "(Điền ";

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool is_placeholder(std::string_view text) {
  text = trimmed(text);
  return text.substr(0, kMark.size()) == kMark || text.substr(0, kMarkUpper.size()) == kMarkUpper;
}

Diagnostic placeholder_diagnostic(const std::string& path, SourcePos pos, std::string_view text) {
  std::string_view what = trimmed(text).substr(kMark.size());
  if (!what.empty() && what.back() == ')') what.remove_suffix(1);
  const std::string blank(trimmed(text));
  return Diagnostic(path, pos, "chưa điền: " + std::string(what) + " (chữ mẫu của tệp mẫu còn ở đây)",
                    "not filled in: the starting file's blank \"" + blank + "\" is still here",
                    "thay dòng chữ mẫu bằng nội dung như in trên văn bản; khoá không dùng đến thì xoá cả dòng",
                    "replace the blank with the text as printed in the document; delete the line of a key "
                    "that does not apply");
}

void check_body_placeholders(const std::string& path, std::string_view body, int first_line, Diagnostics* diags) {
  int line = first_line;
  for (std::size_t start = 0; start < body.size(); ++line) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view l = body.substr(start, end - start);
    if (is_placeholder(l)) {
      int column = 1;
      while (static_cast<std::size_t>(column - 1) < l.size() && (l[column - 1] == ' ' || l[column - 1] == '\t')) ++column;
      diags->push_back(placeholder_diagnostic(path, {line, column}, l));
    }
    start = end + 1;
  }
}

}  // namespace congkhai
