#include "export/export_paths.h"

#include "model/urls.h"

namespace congkhai {

std::string data_dir(const Unit& unit) { return unit.url_path + "/du-lieu/"; }

std::string datapackage_path(const Unit* unit) {
  return unit ? unit->url_path + "/datapackage.json" : std::string("datapackage.json");
}

std::string feed_path(const Unit* unit) { return unit ? unit_feed(*unit) : portal_feed(); }

std::string plan_schema_path() { return "du-lieu/schema/ke-hoach.schema.json"; }
std::string sitemap_path() { return "sitemap.xml"; }
std::string robots_path() { return "robots.txt"; }

std::string absolute_url(std::string_view base_url, std::string_view path) {
  std::string out(base_url);
  while (!out.empty() && out.back() == '/') out.pop_back();
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  out += '/';
  out += path;
  return out;
}

std::string link_from(const Site& site, std::string_view from, std::string_view to) {
  if (!site.base_url.empty()) return absolute_url(site.base_url, percent_encode_path(to));
  return percent_encode_path(relative_link(from, to));
}

std::string link_from_root(const Site& site, std::string_view to) {
  if (!site.base_url.empty()) return absolute_url(site.base_url, percent_encode_path(to));
  return percent_encode_path(to);
}

std::string content_relative(const Portal& portal, std::string_view path) {
  std::string_view dir = portal.content_dir;
  while (!dir.empty() && dir.back() == '/') dir.remove_suffix(1);
  if (!dir.empty() && path.size() > dir.size() && path.substr(0, dir.size()) == dir &&
      path[dir.size()] == '/')
    path.remove_prefix(dir.size() + 1);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return std::string(path);
}

}  // namespace congkhai
