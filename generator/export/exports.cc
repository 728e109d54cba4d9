#include "export/exports.h"

#include <cstdint>
#include <map>

#include "export/csv.h"
#include "export/datapackage.h"
#include "export/export_paths.h"
#include "export/feeds.h"
#include "export/plan_json.h"
#include "export/plan_schema.h"
#include "export/robots.h"
#include "export/sitemap.h"
#include "export/tables.h"
#include "model/urls.h"
#include "text/parallel_for.h"

namespace congkhai {
namespace {

DataFileInfo info(std::string path, std::string title, std::string title_en,
                  std::string description, std::string description_en, std::string format,
                  std::string media_type, int unit = -1, int plan = -1) {
  DataFileInfo i;
  i.path = std::move(path);
  i.title = std::move(title);
  i.title_en = std::move(title_en);
  i.description = std::move(description);
  i.description_en = std::move(description_en);
  i.format = std::move(format);
  i.media_type = std::move(media_type);
  i.unit = unit;
  i.plan = plan;
  return i;
}

void describe_folder(std::vector<DataFileInfo>* out, const Unit* unit, int unit_index) {
  out->push_back(info(datapackage_path(unit), "Mô tả gói dữ liệu", "Data package descriptor",
                      "Mô tả các bảng CSV theo chuẩn Frictionless Data Package: cột, kiểu dữ "
                      "liệu, khoá, giấy phép.",
                      "Describes the CSV tables as a Frictionless Data Package: columns, types, "
                      "keys, licence.",
                      "Data Package", "application/json", unit_index));
  for (const auto& t : table_definitions())
    out->push_back(info(data_dir(unit) + t.file(), t.title, t.title_en, t.description,
                        t.description_en, "CSV", "text/csv", unit_index));
}

}  // namespace

void build_exports(const Portal& portal, const PortalFacts& facts, int threads, OutputSink& out) {
  std::vector<DataTable> tables = build_tables(portal, facts, nullptr);

  // Each row is encoded once; a unit's CSV is the lines of the rows of its subtree (the rows
  // of a commune appear in its own, its district's, its province's and the portal's files).
  // A table's rows are dropped as soon as its lines are made, so the portal's rows and lines
  // are never both held in full.
  std::map<std::string, int, std::less<>> unit_by_path;
  for (size_t u = 0; u < portal.units.size(); ++u)
    unit_by_path.emplace(portal.units[u].url_path, static_cast<int>(u));
  std::vector<std::vector<std::string>> lines(tables.size());
  // rows_of[u][t]: the rows of table t in unit u's subtree, in portal order.
  std::vector<std::vector<std::vector<std::uint32_t>>> rows_of(
      portal.units.size(), std::vector<std::vector<std::uint32_t>>(tables.size()));
  for (size_t t = 0; t < tables.size(); ++t) {
    lines[t].resize(tables[t].rows.size());
    parallel_for(tables[t].rows.size(), threads,
                 [&](std::size_t r) { lines[t][r] = csv_row(tables[t], tables[t].rows[r]); });
    for (size_t r = 0; r < tables[t].rows.size(); ++r) {
      const auto& row = tables[t].rows[r];
      if (row.empty()) continue;
      auto it = unit_by_path.find(row[0]);  // every table starts with unit_path
      if (it == unit_by_path.end()) continue;
      for (int u = it->second, steps = 0; u >= 0 && steps <= static_cast<int>(portal.units.size()); ++steps) {
        rows_of[u][t].push_back(static_cast<std::uint32_t>(r));
        u = portal.units[u].parent;
      }
    }
    tables[t].rows = {};  // the lines hold them now
  }

  const std::vector<std::string> schemas = datapackage_schemas(tables);
  // One unit's data folder (or the portal's, unit -1): data package first, then the CSVs.
  // The sizes are summed from the lines, so each CSV is made and handed out on its own.
  auto data_folder = [&](int unit) {
    const Unit* scope = unit < 0 ? nullptr : &portal.units[unit];
    const std::string dir = data_dir(scope);
    auto each_line = [&](std::size_t t, auto&& f) {
      if (unit < 0) {
        for (const auto& line : lines[t]) f(line);
      } else {
        for (std::uint32_t r : rows_of[unit][t]) f(lines[t][r]);
      }
    };
    std::vector<std::string> heads;
    std::vector<std::size_t> sizes;
    for (size_t t = 0; t < tables.size(); ++t) {
      heads.push_back(csv_head(tables[t]));
      std::size_t size = heads[t].size();
      each_line(t, [&](const std::string& line) { size += line.size(); });
      sizes.push_back(size);
    }
    out.add({datapackage_path(scope),
             write_datapackage(portal, facts, scope, tables, sizes, schemas), {}});
    for (size_t t = 0; t < tables.size(); ++t) {
      std::string bytes = std::move(heads[t]);
      bytes.reserve(sizes[t]);
      each_line(t, [&](const std::string& line) { bytes += line; });
      out.add({dir + tables[t].file(), std::move(bytes), {}});
    }
  };

  data_folder(-1);
  out.add({plan_schema_path(), write_plan_schema(portal.site), {}});

  OutputFiles feeds = write_feeds(portal, facts);
  out.add(std::move(feeds[0]));
  std::string sitemap = write_sitemap(portal, facts);
  if (!sitemap.empty()) out.add({sitemap_path(), std::move(sitemap), {}});
  out.add({robots_path(), write_robots(portal.site), {}});

  // Each unit's folder and feed, then each plan's JSON, handed out as soon as made.
  parallel_for(portal.units.size(), threads, [&](std::size_t u) {
    data_folder(static_cast<int>(u));
    out.add(std::move(feeds[u + 1]));
  });
  rows_of = {};
  lines = {};
  feeds = {};
  const PlanRefs refs = index_plan_refs(facts, portal.plans.size());
  parallel_for(portal.plans.size(), threads, [&](std::size_t p) {
    out.add({plan_json(portal, portal.plans[p]),
             write_plan_json(portal, facts, static_cast<int>(p), refs), {}});
  });
}

OutputFiles build_exports(const Portal& portal, const PortalFacts& facts) {
  OutputCollector files;
  build_exports(portal, facts, 1, files);  // one thread: the files come in the documented order
  return files.take();
}

std::vector<DataFileInfo> describe_exports(const Portal& portal, const OutputFiles& exports) {
  std::map<std::string, std::size_t, std::less<>> sizes;
  for (const auto& f : exports) sizes.emplace(f.path, f.bytes.size());
  return describe_exports(portal, sizes);
}

std::vector<DataFileInfo> describe_exports(const Portal& portal,
                                           const std::map<std::string, std::size_t, std::less<>>& sizes) {
  std::vector<DataFileInfo> wanted;
  describe_folder(&wanted, nullptr, -1);
  wanted.push_back(info(plan_schema_path(), "Lược đồ JSON của kế hoạch", "Plan JSON Schema",
                        "Lược đồ JSON (draft 2020-12) mô tả tệp ke-hoach.json của mỗi kế hoạch.",
                        "JSON Schema (draft 2020-12) of each plan's ke-hoach.json file.",
                        "JSON Schema", "application/schema+json"));
  wanted.push_back(info(feed_path(nullptr), "Tin mới", "News feed",
                        "Báo cáo và cập nhật tiến độ mới nhất, theo chuẩn Atom.",
                        "Latest reports and progress updates, as an Atom feed.", "Atom",
                        "application/atom+xml"));
  for (size_t u = 0; u < portal.units.size(); ++u) {
    const Unit* unit = &portal.units[u];
    describe_folder(&wanted, unit, static_cast<int>(u));
    wanted.push_back(info(feed_path(unit), "Tin mới", "News feed",
                          "Báo cáo và cập nhật tiến độ mới nhất của " + unit_display_name(*unit) +
                              " và các đơn vị trực thuộc, theo chuẩn Atom.",
                          "Latest reports and progress updates of " + unit_display_name(*unit) +
                              " and the units below it, as an Atom feed.",
                          "Atom", "application/atom+xml", static_cast<int>(u)));
  }
  for (size_t p = 0; p < portal.plans.size(); ++p) {
    const Plan& plan = portal.plans[p];
    std::string label = is_blank_number(plan.number) ? plan.title : "Kế hoạch số " + plan.number;
    wanted.push_back(info(plan_json(portal, plan), label, "Plan " + plan.id + " (JSON)",
                          "Toàn bộ dữ liệu của kế hoạch: văn bản, nhiệm vụ, chỉ tiêu, tiến độ, số "
                          "liệu và báo cáo, kèm trạng thái tính đến ngày tính.",
                          "The plan's full data: document, tasks, targets, progress, "
                          "measurements and reports, with statuses as of the reference date.",
                          "JSON", "application/json", plan.unit, static_cast<int>(p)));
  }

  std::vector<DataFileInfo> out;
  for (auto& i : wanted) {
    auto it = sizes.find(i.path);
    if (it == sizes.end()) continue;
    i.bytes = static_cast<long long>(it->second);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace congkhai
