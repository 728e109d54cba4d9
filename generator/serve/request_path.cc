#include "serve/request_path.h"

namespace congkhai {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> site_path_for_target(std::string_view target) {
  if (target.empty() || target[0] != '/') return std::nullopt;
  target = target.substr(0, target.find_first_of("?#"));
  // Segments are checked after decoding, so "%2e%2e" and "%2F" cannot smuggle a "..".
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    char c = target[i];
    if (c == '%') {
      int hi = i + 1 < target.size() ? hex_value(target[i + 1]) : -1;
      int lo = i + 2 < target.size() ? hex_value(target[i + 2]) : -1;
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    decoded += c;
  }
  std::string out;
  bool trailing_slash = true;
  std::size_t start = 1;
  while (start <= decoded.size()) {
    std::size_t end = decoded.find('/', start);
    if (end == std::string::npos) end = decoded.size();
    std::string_view segment(decoded.data() + start, end - start);
    trailing_slash = segment.empty();
    if (segment == "." || segment == "..") return std::nullopt;
    if (!segment.empty()) {
      if (!out.empty()) out += '/';
      out += segment;
    }
    start = end + 1;
  }
  if (trailing_slash) out += out.empty() ? "index.html" : "/index.html";
  return out;
}

}  // namespace congkhai
