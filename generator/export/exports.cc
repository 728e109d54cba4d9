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

namespace congkhai {
namespace {

void add_data_folder(OutputFiles* out, const Portal& portal, const PortalFacts& facts,
                     const Unit* unit, const std::vector<DataTable>& tables) {
  const std::string dir = data_dir(unit);
  std::vector<std::size_t> sizes;
  OutputFiles csvs;
  for (const auto& t : tables) {
    std::string bytes = write_csv(t);
    sizes.push_back(bytes.size());
    csvs.push_back({dir + t.file(), std::move(bytes), {}});
  }
  out->push_back(
      {datapackage_path(unit), write_datapackage(portal, facts, unit, tables, sizes), {}});
  for (auto& f : csvs) out->push_back(std::move(f));
}

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

OutputFiles build_exports(const Portal& portal, const PortalFacts& facts) {
  OutputFiles out;
  std::vector<DataTable> tables = build_tables(portal, facts, nullptr);
  add_data_folder(&out, portal, facts, nullptr, tables);
  out.push_back({plan_schema_path(), write_plan_schema(portal.site), {}});

  OutputFiles feeds = write_feeds(portal, facts);
  out.push_back(std::move(feeds[0]));
  std::string sitemap = write_sitemap(portal, facts);
  if (!sitemap.empty()) out.push_back({sitemap_path(), std::move(sitemap), {}});
  out.push_back({robots_path(), write_robots(portal.site), {}});

  auto by_unit = split_tables_by_unit(portal, tables);
  for (size_t u = 0; u < portal.units.size(); ++u) {
    add_data_folder(&out, portal, facts, &portal.units[u], by_unit[u]);
    out.push_back(std::move(feeds[u + 1]));
  }
  for (size_t p = 0; p < portal.plans.size(); ++p)
    out.push_back(
        {plan_json(portal, portal.plans[p]), write_plan_json(portal, facts, static_cast<int>(p)),
         {}});
  return out;
}

std::vector<DataFileInfo> describe_exports(const Portal& portal, const OutputFiles& exports) {
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

  std::map<std::string_view, const OutputFile*> by_path;
  for (const auto& f : exports) by_path.emplace(f.path, &f);
  std::vector<DataFileInfo> out;
  for (auto& i : wanted) {
    auto it = by_path.find(i.path);
    if (it == by_path.end()) continue;
    i.bytes = static_cast<long long>(it->second->bytes.size());
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace congkhai
