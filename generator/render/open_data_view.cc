// The open-data page (du-lieu/index.html) and the <link rel="alternate"> tags that point pages
// at their data: both drawn from the export stage's description of the files it wrote
// (RenderOptions::data_files), so a file is never listed that was not published.
#include <algorithm>
#include <map>
#include <string_view>

#include "model/urls.h"
#include "render/format.h"
#include "render/views.h"

namespace congkhai {

using nlohmann::json;

namespace {

json file_view(const DataFileInfo& f, const std::string& from) {
  return {{"title", f.title},
          {"description", f.description},
          {"format", f.format},
          {"media_type", f.media_type},
          {"href", relative_link(from, f.path)},
          {"name", f.path.substr(f.path.find_last_of('/') + 1)},
          // A unit's files are listed without their sizes: an edit of one plan changes the size
          // of its unit's files, and would otherwise make this page, which lists every unit's,
          // differ after every edit.
          {"size", f.unit < 0 ? json(file_size_vi(f.bytes)) : json(false)},
          {"note", false}};
}

bool is_descriptor(const DataFileInfo& f) { return f.format == "Data Package"; }

struct ByUnit {
  bool operator()(const DataFileInfo& f, int unit) const { return f.unit < unit; }
  bool operator()(int unit, const DataFileInfo& f) const { return unit < f.unit; }
};

// A data package named by whose data it holds, for the units whose CSVs it lists without
// being their own: "Gói dữ liệu (Frictionless) của huyện Hương Sơn".
json package_view(const ViewContext& ctx, const DataFileInfo& f, const std::string& from) {
  const bool unit = f.unit >= 0 && f.unit < static_cast<int>(ctx.portal.units.size());
  json v = file_view(f, from);
  v["title"] = "Gói dữ liệu (Frictionless) của " +
               (unit ? unit_display_name(ctx.portal.units[f.unit]) : std::string("toàn cổng"));
  v["note"] = "gồm các bảng trên";
  return v;
}

}  // namespace

json alternate(const std::string& type, const std::string& href, const std::string& title) {
  return {{"type", type}, {"href", href}, {"title", title}};
}

std::span<const DataFileInfo> unit_data_files(const DataFileInfos& files, int unit) {
  // The files come portal first, then unit by unit (describe_exports): one unit's files are
  // found by halving, not by reading the whole list for every page.
  auto [first, last] = std::equal_range(files.begin(), files.end(), unit, ByUnit{});
  return {first, last};
}

json data_alternates(const ViewContext& ctx, int unit, const std::string& from) {
  const std::string whose = unit < 0 ? ctx.portal.site.title : unit_display_name(ctx.portal.units[unit]);
  const std::string feed = unit < 0 ? portal_feed() : unit_feed(ctx.portal.units[unit]);
  json out = json::array({alternate("application/atom+xml", relative_link(from, feed), "Cập nhật của " + whose)});
  for (const DataFileInfo& f : unit_data_files(ctx.options.data_files, unit))
    if (is_descriptor(f)) out.push_back(alternate(f.media_type, relative_link(from, f.path), "Dữ liệu mở của " + whose));
  return out;
}

PageView open_data_page_view(const ViewContext& ctx) {
  const Portal& portal = ctx.portal;
  const std::string path = open_data_page();
  json portal_files = json::array();
  json schema = false;
  std::vector<json> units(portal.units.size());
  for (size_t u = 0; u < portal.units.size(); ++u) {
    const Unit& unit = portal.units[u];
    units[u] = {{"name", unit_display_name(unit)},
                {"href", relative_link(path, unit_page(unit))},
                {"parent", unit.parent >= 0 ? unit_display_name(portal.units[unit.parent]) : ""},
                {"files", json::array()}};
  }
  // The data packages by path: a unit without one of its own (no units below it) names the
  // nearest package that lists its CSVs, its parent's or the portal's, right after them.
  std::map<std::string_view, const DataFileInfo*> packages;
  for (const DataFileInfo& f : ctx.options.data_files)
    if (is_descriptor(f)) packages.emplace(f.path, &f);
  std::vector<const DataFileInfo*> nearest(portal.units.size(), nullptr);
  std::vector<char> named(portal.units.size(), 0);
  auto name_nearest = [&](std::size_t u) {
    if (!nearest[u] || named[u]) return;
    units[u]["files"].push_back(package_view(ctx, *nearest[u], path));
    named[u] = 1;
  };
  for (const DataFileInfo& f : ctx.options.data_files) {
    json v = file_view(f, path);
    const bool of_unit = f.unit >= 0 && f.unit < static_cast<int>(units.size());
    if (of_unit && !f.package.empty()) {
      auto it = packages.find(f.package);
      if (it != packages.end() && it->second->unit != f.unit) nearest[f.unit] = it->second;
    } else if (of_unit) {
      name_nearest(f.unit);
    }
    if (f.format == "JSON Schema") schema = v;
    if (f.unit < 0 || f.unit >= static_cast<int>(units.size())) {
      portal_files.push_back(std::move(v));
    } else {
      units[f.unit]["files"].push_back(std::move(v));
    }
  }
  for (std::size_t u = 0; u < units.size(); ++u) name_nearest(u);
  json unit_list = json::array();
  for (auto& u : units)
    if (!u["files"].empty()) unit_list.push_back(std::move(u));

  json d;
  d["portal_files"] = portal_files;
  d["has_portal_files"] = !portal_files.empty();
  d["units"] = unit_list;
  d["has_units"] = !unit_list.empty();
  d["schema"] = std::move(schema);

  PageView page{path, "open_data",
                frame_view(ctx, path, "Dữ liệu mở", {{"Trang chủ", home_page()}, {"Dữ liệu mở", ""}}, -1)};
  page.view["alternates"] = data_alternates(ctx, -1, path);
  page.view["open_data"] = std::move(d);
  return page;
}

}  // namespace congkhai
