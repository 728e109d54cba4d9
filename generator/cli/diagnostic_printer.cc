#include "cli/diagnostic_printer.h"

#include <sstream>

#include "load/regular_file.h"
#include "load/source_text.h"

namespace congkhai {

namespace {

std::string escape_annotation(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

// Display width of the first `column - 1` characters; tabs count as one, as editors report.
std::size_t utf8_prefix_bytes(const std::string& line, int column) {
  std::size_t i = 0;
  for (int c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

std::string source_excerpt(const std::string& path, int line, int column) {
  if (line <= 0) return {};
  // Only a regular file: the excerpt must not block on a pipe put where the file was.
  RegularFile file = read_regular_file(path, kMaxFileBytes);
  if (file.status != RegularFile::Status::kOk) return {};
  std::istringstream in(std::move(file.bytes));
  std::string text;
  for (int n = 1; std::getline(in, text); ++n)
    if (n == line) break;
  if (!in && text.empty()) return {};
  if (!text.empty() && text.back() == '\r') text.pop_back();
  std::string num = std::to_string(line);
  std::string gutter(num.size(), ' ');
  std::string out = " " + num + " | " + text + "\n";
  if (column > 0) {
    std::string pad;
    std::size_t bytes = utf8_prefix_bytes(text, column);
    for (std::size_t i = 0; i < bytes; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c == '\t') pad += '\t';
      else if ((c & 0xC0) != 0x80) pad += ' ';
    }
    out += " " + gutter + " | " + pad + "^\n";
  }
  return out;
}

std::string github_annotation(const Diagnostic& d, bool english) {
  std::string msg = english ? d.message_en : d.message;
  std::string hint = english ? d.hint_en : d.hint;
  if (!hint.empty()) msg += "\n" + hint;
  std::string out = (d.warning ? "::warning file=" : "::error file=") + escape_annotation(d.path, true);
  // A spreadsheet's cell is not a line of the file: the message names it instead.
  if (d.sheet) {
    std::string cell = (d.sheet->empty() ? "" : *d.sheet + "!") + cell_reference(d.pos.line, d.pos.column);
    return out + "::" + escape_annotation(cell + ": " + msg, false);
  }
  if (d.pos.line > 0) out += ",line=" + std::to_string(d.pos.line);
  if (d.pos.column > 0) out += ",col=" + std::to_string(d.pos.column);
  return out + "::" + escape_annotation(msg, false);
}

void print_diagnostics(const Diagnostics& diags, const PrintOptions& options, std::ostream& out) {
  for (const auto& d : diags) {
    out << format_diagnostic(d, options.english) << "\n";
    if (options.context && !d.sheet) out << source_excerpt(d.path, d.pos.line, d.pos.column);
    std::string hint = options.english ? d.hint_en : d.hint;
    if (options.english && hint.empty()) hint = d.hint;
    if (!hint.empty()) out << (options.english ? "  hint: " : "  gợi ý: ") << hint << "\n";
  }
  if (options.github)
    for (const auto& d : diags) out << github_annotation(d, options.english) << "\n";
  std::size_t warnings = 0;
  for (const auto& d : diags) warnings += d.warning;
  const std::size_t problems = diags.size() - warnings;
  if (problems > 0)
    out << (options.english ? std::to_string(problems) + " problem(s) found.\n"
                            : "Tìm thấy " + std::to_string(problems) + " lỗi.\n");
  if (warnings > 0)
    out << (options.english ? std::to_string(warnings) + " warning(s).\n"
                            : std::to_string(warnings) + " cảnh báo.\n");
}

}  // namespace congkhai
