#include "export/exports.h"

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
  // The tables are made one at a time, each plan's lines on its own (PlanRows): a folder's CSV
  // is the head and the lines of its plans, handed out as borrowed pieces, so the lines of a
  // commune's plans, which appear in its own, its district's, its province's and the portal's
  // files, are encoded once, and only one table's lines are ever held.
  const PlanRows rows(portal, facts);
  const std::vector<DataTable>& tables = rows.tables();
  const std::vector<std::vector<std::size_t>> plans_of = plans_by_unit(portal);
  // csv_bytes[f][t]: the size of table t's CSV in data folder f (0: the portal's, u + 1: unit
  // u's), for the data packages, which come after the tables.
  std::vector<std::vector<std::size_t>> csv_bytes(portal.units.size() + 1,
                                                  std::vector<std::size_t>(tables.size()));
  for (size_t t = 0; t < tables.size(); ++t) {
    std::vector<std::string> lines(portal.plans.size());
    parallel_for(portal.plans.size(), threads, [&](std::size_t p) {
      std::string& text = lines[p];
      rows.each_row(t, p, [&](std::vector<std::string> cells) {
        append_csv_row(&text, tables[t], cells);
      });
      text.shrink_to_fit();  // the lines stay until every folder has its table
    });
    const std::string head = csv_head(tables[t]);
    parallel_for(portal.units.size() + 1, threads, [&](std::size_t f) {
      const Unit* scope = f == 0 ? nullptr : &portal.units[f - 1];
      OutputFile file(data_dir(scope) + tables[t].file(), head, {});
      auto take = [&](std::size_t p) {
        if (!lines[p].empty()) file.pieces.push_back(lines[p]);
      };
      if (f == 0) {
        for (size_t p = 0; p < lines.size(); ++p) take(p);
      } else {
        for (std::size_t p : plans_of[f - 1]) take(p);
      }
      csv_bytes[f][t] = file.size();
      out.add(std::move(file));
    });
  }

  const std::vector<std::string> schemas = datapackage_schemas(tables);
  auto datapackage = [&](std::size_t f) {
    const Unit* scope = f == 0 ? nullptr : &portal.units[f - 1];
    out.add({datapackage_path(scope),
             write_datapackage(portal, facts, scope, tables, csv_bytes[f], schemas), {}});
  };
  datapackage(0);
  out.add({plan_schema_path(), write_plan_schema(portal.site), {}});

  write_feeds(portal, facts, threads, out);
  std::string sitemap = write_sitemap(portal, facts);
  if (!sitemap.empty()) out.add({sitemap_path(), std::move(sitemap), {}});
  out.add({robots_path(), write_robots(portal.site), {}});

  // Each unit's data package, then each plan's JSON, handed out as soon as made.
  parallel_for(portal.units.size(), threads, [&](std::size_t u) { datapackage(u + 1); });
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
  std::vector<DataFileInfo> out;
  for (auto& i : published_data_files(portal)) {
    auto it = sizes.find(i.path);
    if (it == sizes.end()) continue;
    i.bytes = static_cast<long long>(it->second);
    out.push_back(std::move(i));
  }
  return out;
}

std::vector<DataFileInfo> published_data_files(const Portal& portal) {
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
  for (size_t p = 0; p < portal.plans.size(); ++p) wanted.push_back(plan_data_file(portal, static_cast<int>(p)));
  return wanted;
}

DataFileInfo plan_data_file(const Portal& portal, int p) {
  const Plan& plan = portal.plans[p];
  std::string label = is_blank_number(plan.number) ? plan.title : "Kế hoạch số " + plan.number;
  return info(plan_json(portal, plan), label, "Plan " + plan.id + " (JSON)",
              "Toàn bộ dữ liệu của kế hoạch: văn bản, nhiệm vụ, chỉ tiêu, tiến độ, số "
              "liệu và báo cáo, kèm trạng thái tính đến ngày tính.",
              "The plan's full data: document, tasks, targets, progress, "
              "measurements and reports, with statuses as of the reference date.",
              "JSON", "application/json", plan.unit, p);
}

}  // namespace congkhai
