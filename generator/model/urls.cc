#include "model/urls.h"

#include <algorithm>
#include <vector>

namespace congkhai {

bool is_reserved_slug(std::string_view slug) {
  return slug == kPlansDir || slug == kReportsDir || slug == kFilesDir || slug == "assets" ||
         slug == "tim-kiem" || slug == "du-lieu" || slug == "cap-nhat" || slug == "gioi-thieu";
}

std::string home_page() { return "index.html"; }

std::string unit_page(const Unit& unit) { return unit.url_path + "/index.html"; }

std::string plan_dir(const Portal& portal, const Plan& plan) {
  return portal.units[plan.unit].url_path + "/" + std::string(kPlansDir) + "/" + plan.id + "/";
}

std::string plan_portal_path(const Portal& portal, const Plan& plan) {
  return portal.units[plan.unit].url_path + "/" + plan.id;
}

std::string normal_plan_path(std::string_view written) {
  std::string_view s = written;
  auto strip = [&](std::string_view end) {
    if (s.ends_with(end)) s.remove_suffix(end.size());
  };
  while (s.starts_with('/')) s.remove_prefix(1);
  strip("index.html");
  while (s.ends_with('/')) s.remove_suffix(1);
  std::string out(s);
  // "<unit>/ke-hoach/<plan>": unit folders may not be named ke-hoach, so it is the page's.
  const std::string plans = "/" + std::string(kPlansDir) + "/";
  if (auto at = out.rfind(plans); at != std::string::npos && out.find('/', at + plans.size()) == std::string::npos)
    out.erase(at, plans.size() - 1);
  return out;
}

std::string plan_page(const Portal& portal, const Plan& plan) {
  return plan_dir(portal, plan) + "index.html";
}

std::string plans_json(const Unit& unit) { return unit.url_path + "/du-lieu/ke-hoach.json"; }

std::string report_page(const Portal& portal, const Report& report) {
  return portal.units[report.unit].url_path + "/" + std::string(kReportsDir) + "/" + report.id +
         "/index.html";
}

std::string task_anchor(const Task& task) { return "nv-" + task.id; }
std::string target_anchor(const Target& target) { return "ct-" + target.id; }

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/' || path.find('\\') != std::string_view::npos)
    return false;
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = std::min(path.find('/', start), path.size());
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string file_output_path(const std::string& content_relative) {
  return std::string(kFilesDir) + "/" + content_relative;
}

std::string file_link(std::string_view from, const std::string& content_relative) {
  return percent_encode_path(relative_link(from, file_output_path(content_relative)));
}

std::string search_page() { return "tim-kiem/index.html"; }
std::string updates_page() { return "cap-nhat/index.html"; }
std::string portal_feed() { return "feed.xml"; }
std::string unit_feed(const Unit& unit) { return unit.url_path + "/feed.xml"; }
std::string open_data_page() { return "du-lieu/index.html"; }
std::string not_found_page() { return "404.html"; }
std::string about_page() { return "gioi-thieu/index.html"; }

namespace {
std::vector<std::string_view> dirs_of(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/') {
      parts.push_back(path.substr(start, i - start));
      start = i + 1;
    }
  return parts;  // the last component (the file) is left out
}
}  // namespace

std::string relative_link(std::string_view from, std::string_view to) {
  auto a = dirs_of(from);
  auto b = dirs_of(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  size_t skip = 0;
  for (size_t i = 0; i < common; ++i) skip += b[i].size() + 1;
  out += to.substr(skip);
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string root_prefix(std::string_view from) {
  std::string out;
  for (char c : from)
    if (c == '/') out += "../";
  return out;
}

}  // namespace congkhai
