#include "load/front_matter.h"

namespace congkhai {
namespace {

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

}  // namespace

bool split_front_matter(std::string_view text, const std::string& path, FrontMatter* out, Diagnostics* diags) {
  std::size_t first_end = text.find('\n');
  if (!is_fence(text.substr(0, first_end))) {
    diags->push_back({path, {1, 1},
                      "thiếu phần thông tin đầu tệp: dòng đầu tiên phải là ---",
                      "missing front matter: the first line must be ---",
                      "tệp bắt đầu bằng ---, tiếp theo là các trường YAML, rồi một dòng --- nữa",
                      "the file starts with ---, then the YAML fields, then another --- line"});
    return false;
  }
  int line = 2;
  std::size_t start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  std::size_t pos = start;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view current = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (is_fence(current)) {
      out->yaml = std::string(text.substr(start, pos - start));
      out->yaml_line = 2;
      out->body = end == std::string_view::npos ? std::string() : std::string(text.substr(end + 1));
      out->body_line = line + 1;
      return true;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags->push_back({path, {1, 1},
                    "phần thông tin đầu tệp không có dòng --- kết thúc",
                    "the front matter has no closing --- line", "", ""});
  return false;
}

}  // namespace congkhai
