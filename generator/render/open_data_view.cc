// The open-data page (du-lieu/index.html) and the <link rel="alternate"> tags that point pages
// at their data: both drawn from the export stage's description of the files it wrote
// (RenderOptions::data_files), so a file is never listed that was not published.
#include <algorithm>

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
          {"size", file_size_vi(f.bytes)}};
}

bool is_descriptor(const DataFileInfo& f) { return f.format == "Data Package"; }

struct ByUnit {
  bool operator()(const DataFileInfo& f, int unit) const { return f.unit < unit; }
  bool operator()(int unit, const DataFileInfo& f) const { return unit < f.unit; }
};

}  // namespace

json alternate(const std::string& type, const std::string& href, const std::string& title) {
  return {{"type", type}, {"href", href}, {"title", title}};
}

json data_alternates(const ViewContext& ctx, int unit, const std::string& from) {
  const std::string whose = unit < 0 ? ctx.portal.site.title : unit_display_name(ctx.portal.units[unit]);
  const std::string feed = unit < 0 ? portal_feed() : unit_feed(ctx.portal.units[unit]);
  json out = json::array({alternate("application/atom+xml", relative_link(from, feed), "Cập nhật của " + whose)});
  // The files come portal first, then unit by unit, then the plans' JSON (describe_exports):
  // one unit's files are found by halving, not by reading the whole list for every page.
  const DataFileInfos& files = ctx.options.data_files;
  auto units_end = std::partition_point(files.begin(), files.end(), [](const DataFileInfo& f) { return f.plan < 0; });
  auto [first, last] = std::equal_range(files.begin(), units_end, unit, ByUnit{});
  for (auto f = first; f != last; ++f)
    if (is_descriptor(*f)) out.push_back(alternate(f->media_type, relative_link(from, f->path), "Dữ liệu mở của " + whose));
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
                {"files", json::array()},
                {"plans", json::array()}};
  }
  for (const DataFileInfo& f : ctx.options.data_files) {
    json v = file_view(f, path);
    if (f.format == "JSON Schema") schema = v;
    if (f.unit < 0 || f.unit >= static_cast<int>(units.size())) {
      portal_files.push_back(std::move(v));
    } else if (f.plan >= 0) {
      const Plan& plan = portal.plans[f.plan];
      v["title"] = plan_label(plan) + (is_blank_number(plan.number) ? "" : " năm " + std::to_string(plan.year));
      units[f.unit]["plans"].push_back(std::move(v));
    } else {
      units[f.unit]["files"].push_back(std::move(v));
    }
  }
  json unit_list = json::array();
  for (auto& u : units)
    if (!u["files"].empty() || !u["plans"].empty()) unit_list.push_back(std::move(u));

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
