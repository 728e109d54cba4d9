#include "text/short_text.h"

namespace congkhai {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string short_text(const std::string& markdown, size_t max_chars) {
  std::string line;
  size_t start = 0;
  while (start <= markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    line = markdown.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    start = end + 1;
  }
  // Leading Markdown markers and emphasis characters are noise in a label.
  size_t b = line.find_first_not_of(" \t");
  line = b == std::string::npos ? "" : line.substr(b);
  for (std::string_view marker : {"- ", "* ", "+ ", "> ", "###### ", "##### ", "#### ", "### ", "## ", "# "})
    if (line.rfind(marker, 0) == 0) {
      line = line.substr(marker.size());
      break;
    }
  std::string clean;
  for (char c : line)
    if (c != '*' && c != '`' && c != '\r') clean += c;
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();

  size_t chars = 0, cut = std::string::npos;
  for (size_t i = 0; i < clean.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(clean[i]))) continue;
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == std::string::npos) return clean;
  size_t space = clean.rfind(' ', cut);
  if (space != std::string::npos && space > cut / 2) cut = space;
  std::string out = clean.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
  return out + "…";
}

}  // namespace congkhai
