#include "model/published_file_type.h"

#include <array>

namespace congkhai {

namespace {

// What a commune publishes: scanned minutes and decisions (PDF, images), office documents,
// spreadsheets and presentations, CSV and plain text, and archives of them. Every one is
// served by common web hosts as a download or an image, never as a page. SVG is an image that
// runs script and is left out.
constexpr std::array<std::string_view, 21> kPublishedTypes{
    "pdf", "doc", "docx", "odt", "rtf",  "xls", "xlsx", "ods", "csv", "ppt", "pptx",
    "odp", "png", "jpg",  "jpeg", "gif", "webp", "txt", "zip", "7z", "rar"};

}  // namespace

bool is_published_file_type(std::string_view name) {
  std::size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;  // no extension, or ".pdf" alone
  std::string_view ext = name.substr(dot + 1);
  for (std::string_view allowed : kPublishedTypes) {
    if (allowed.size() != ext.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < ext.size() && same; ++i) {
      char c = ext[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == allowed[i];
    }
    if (same) return true;
  }
  return false;
}

std::string published_file_types() {
  std::string out;
  for (std::string_view t : kPublishedTypes) {
    if (!out.empty()) out += ", ";
    out += ".";
    out += t;
  }
  return out;
}

}  // namespace congkhai
