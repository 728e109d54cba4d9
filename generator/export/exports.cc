#include "export/exports.h"

#include <map>

#include "export/csv.h"
#include "export/data_pieces.h"
#include "export/datapackage.h"
#include "export/export_paths.h"
#include "export/feeds.h"
#include "export/plan_data_key.h"
#include "export/plan_json.h"
#include "export/plan_schema.h"
#include "export/reused_files.h"
#include "export/robots.h"
#include "export/sitemap.h"
#include "export/tables.h"
#include "model/urls.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"

namespace congkhai {
namespace {

// The plans whose CSV lines are made, handed out and freed together: enough for every thread
// to have work, and a small part of a national portal's 16,660.
constexpr std::size_t kPlansPerBatch = 1024;

DataFileInfo info(std::string path, std::string title, std::string title_en,
                  std::string description, std::string description_en, std::string format,
                  std::string media_type, int unit = -1) {
  DataFileInfo i;
  i.path = std::move(path);
  i.title = std::move(title);
  i.title_en = std::move(title_en);
  i.description = std::move(description);
  i.description_en = std::move(description_en);
  i.format = std::move(format);
  i.media_type = std::move(media_type);
  i.unit = unit;
  return i;
}

DataFileInfo descriptor_info(const Unit* unit, int unit_index) {
  const std::string whose = unit ? unit_display_name(*unit) : "";
  return info(datapackage_path(unit), "Mô tả gói dữ liệu", "Data package descriptor",
              unit ? "Các bảng CSV của " + whose + " và mọi đơn vị trực thuộc theo chuẩn "
                         "Frictionless Data Package (cột, kiểu dữ liệu, khoá, giấy phép): mỗi "
                         "bảng ghép các tệp CSV của từng đơn vị."
                   : "Toàn bộ dữ liệu của cổng, mọi đơn vị, theo chuẩn Frictionless Data "
                     "Package (cột, kiểu dữ liệu, khoá, giấy phép): mỗi bảng ghép các tệp CSV "
                     "của từng đơn vị, các công cụ Frictionless đọc được cả bảng.",
              unit ? "The CSV tables of " + whose + " and every unit below it as a Frictionless "
                         "Data Package (columns, types, keys, licence): each table joins the "
                         "units' CSV files."
                   : "The whole portal's data, every unit, as a Frictionless Data Package "
                     "(columns, types, keys, licence): each table joins the units' CSV files, "
                     "which Frictionless tools read as one table.",
              "Data Package", "application/json", unit_index);
}

// A unit's JSON of its plans.
DataFileInfo plans_data_file(const Unit& unit, int unit_index) {
  return info(plans_json(unit), "Dữ liệu đầy đủ của các kế hoạch", "The plans' full data",
              "Toàn bộ dữ liệu của từng kế hoạch của " + unit_display_name(unit) +
                  ": văn bản, nhiệm vụ, chỉ tiêu, tiến độ, số liệu và báo cáo, kèm trạng thái "
                  "tính đến ngày tính.",
              "The full data of each plan of " + unit_display_name(unit) +
                  ": document, tasks, targets, progress, measurements and reports, with "
                  "statuses as of the reference date.",
              "JSON", "application/json", unit_index);
}

}  // namespace

void build_exports(const Portal& portal, const PortalFacts& facts, int threads, OutputSink& out,
                   const ExportReuse& reuse) {
  // Each plan's input key first (plan_data_key.h): what decides which files are made again.
  const PlanRefs refs = index_plan_refs(facts, portal.plans.size());
  const std::string fingerprint = plan_data_fingerprint(portal, facts, reuse.version);
  std::vector<std::string> plan_keys = plan_data_keys(portal, facts, refs, fingerprint, threads);

  // The tables are made one at a time, each plan's lines on its own (PlanRows): a unit's CSV is
  // the head and the lines of its own plans, handed out as borrowed pieces, and only the lines
  // of one batch of units of one table are ever held.
  const PlanRows rows(portal, facts);
  const std::vector<DataTable>& tables = rows.tables();
  const std::vector<std::vector<std::size_t>> plans_of = plans_by_unit(portal);
  const DataPieces pieces = data_pieces(portal, plans_of);
  // The hash of each unit's plans' keys in order, which with the table's name keys its piece
  // (and with "ke-hoach.json" its JSON).
  std::vector<std::string> unit_hash(portal.units.size());
  for (size_t u = 0; u < portal.units.size(); ++u) {
    if (!pieces.has_piece[u]) continue;
    ContentHasher h;
    h.add(fingerprint);
    for (std::size_t p : plans_of[u]) h.add(plan_keys[p]);
    unit_hash[u] = h.finish().hex();
  }
  // csv_bytes[u][t]: the size of table t's CSV of unit u, for the data packages, which come
  // after the tables.
  std::vector<std::vector<std::size_t>> csv_bytes(portal.units.size(),
                                                  std::vector<std::size_t>(tables.size()));
  for (size_t t = 0; t < tables.size(); ++t) {
    // The pieces made from the same inputs as last time are reused; only the other units'
    // plans' lines are made.
    std::vector<std::string> piece_hash(portal.units.size());
    std::vector<char> reused(portal.units.size(), 0);
    for (size_t u = 0; u < portal.units.size(); ++u) {
      if (!pieces.has_piece[u]) continue;
      ContentHasher h;
      h.add(unit_hash[u]);
      h.add(tables[t].name);
      piece_hash[u] = h.finish().hex();
      if (auto bytes = reusable_size(reuse, data_dir(portal.units[u]) + tables[t].file(), piece_hash[u])) {
        reused[u] = 1;
        csv_bytes[u][t] = *bytes;
      }
    }
    const std::string head = csv_head(tables[t]);
    // A batch of units at a time: their plans' lines made, their pieces handed out, the lines
    // freed. A whole table's lines at once would be the build's peak (on a national portal the
    // progress table alone is 446 MB of CSV).
    for (std::size_t first = 0; first < portal.units.size();) {
      std::vector<std::size_t> batch_plans, at;  // at[u - first]: where unit u's plans start
      std::size_t end = first;
      for (; end < portal.units.size() && batch_plans.size() < kPlansPerBatch; ++end) {
        at.push_back(batch_plans.size());
        if (pieces.has_piece[end] && !reused[end])
          batch_plans.insert(batch_plans.end(), plans_of[end].begin(), plans_of[end].end());
      }
      std::vector<std::string> lines(batch_plans.size());
      parallel_for(batch_plans.size(), threads, [&](std::size_t i) {
        std::string& text = lines[i];
        rows.each_row(t, batch_plans[i], [&](std::vector<std::string> cells) {
          append_csv_row(&text, tables[t], cells);
        });
        text.shrink_to_fit();  // the lines stay until every unit of the batch has its table
      });
      parallel_for(end - first, threads, [&](std::size_t i) {
        const std::size_t u = first + i;
        if (!pieces.has_piece[u]) return;
        const std::string path = data_dir(portal.units[u]) + tables[t].file();
        if (reused[u]) return out.add(reused_file(path, piece_hash[u], csv_bytes[u][t]));
        OutputFile file(path, head, {});
        for (std::size_t k = 0; k < plans_of[u].size(); ++k)
          if (!lines[at[i] + k].empty()) file.pieces.push_back(lines[at[i] + k]);
        csv_bytes[u][t] = file.size();
        file.key = sized_key(piece_hash[u], csv_bytes[u][t]);
        out.add(std::move(file));
      });
      first = end;
    }
  }

  const std::vector<std::string> schemas = datapackage_schemas(tables);
  // The data package of folder f (0: the portal's, u + 1: unit u's), when it lists a piece or
  // is the portal's.
  auto datapackage = [&](std::size_t f) {
    const Unit* scope = f == 0 ? nullptr : &portal.units[f - 1];
    const std::vector<int>& listed = pieces.listed[f];
    if (scope && listed.empty()) return;
    std::vector<std::string> dirs;
    for (int u : listed) dirs.push_back(piece_dir_from(scope, portal.units[u]));
    // Sizes only of the unit's own pieces: a size of a piece below would change the package
    // with every edit there, as a list of several would.
    static const std::vector<std::size_t> kNone;
    const bool own = scope && listed.size() == 1 && static_cast<std::size_t>(listed[0]) == f - 1;
    const std::vector<std::size_t>& bytes = own ? csv_bytes[listed[0]] : kNone;
    // Keyed by what it is made from besides the fingerprint (site, reference date, version):
    // its unit's path, name and level, the pieces it lists and the sizes it gives.
    ContentHasher h;
    h.add(fingerprint);
    h.add("datapackage");
    if (scope) {
      h.add(scope->url_path);
      h.add(scope->name);
      h.add(std::to_string(static_cast<int>(scope->level)));
    }
    h.add(std::to_string(dirs.size()));
    for (const std::string& d : dirs) h.add(d);
    for (std::size_t b : bytes) h.add(std::to_string(b));
    const std::string hash = h.finish().hex();
    std::string path = datapackage_path(scope);
    if (auto size = reusable_size(reuse, path, hash)) return out.add(reused_file(std::move(path), hash, *size));
    OutputFile file(std::move(path), write_datapackage(portal, facts, scope, tables, dirs, bytes, schemas), {});
    file.key = sized_key(hash, file.bytes.size());
    out.add(std::move(file));
  };
  datapackage(0);
  out.add({plan_schema_path(), write_plan_schema(portal.site), {}});

  const FeedKeys feed_keys{fingerprint, &plan_keys, reuse};
  write_feeds(portal, facts, threads, out, &feed_keys);
  std::string sitemap = write_sitemap(portal, facts);
  if (!sitemap.empty()) out.add({sitemap_path(), std::move(sitemap), {}});
  out.add({robots_path(), write_robots(portal.site), {}});

  // Each unit's data package, then the JSON of each unit's plans, handed out as soon as made.
  // A unit's JSON is keyed, as its CSV pieces are, by its plans' keys in order: an edit of
  // one plan makes its unit's file again and no other.
  parallel_for(portal.units.size(), threads, [&](std::size_t u) { datapackage(u + 1); });
  parallel_for(portal.units.size(), threads, [&](std::size_t u) {
    if (!pieces.has_piece[u]) return;
    ContentHasher h;
    h.add(unit_hash[u]);
    h.add("ke-hoach.json");
    const std::string hash = h.finish().hex();
    std::string path = plans_json(portal.units[u]);
    if (auto bytes = reusable_size(reuse, path, hash)) return out.add(reused_file(std::move(path), hash, *bytes));
    OutputFile file(std::move(path), write_plans_json(portal, facts, static_cast<int>(u), plans_of[u], refs), {});
    file.key = sized_key(hash, file.bytes.size());
    out.add(std::move(file));
  });
  if (reuse.plan_keys) *reuse.plan_keys = std::move(plan_keys);
}

OutputFiles build_exports(const Portal& portal, const PortalFacts& facts) {
  OutputCollector files;
  build_exports(portal, facts, 1, files);  // one thread: the files come in the documented order
  return files.take();
}

std::vector<DataFileInfo> describe_exports(const Portal& portal, const OutputFiles& exports) {
  std::map<std::string, std::size_t, std::less<>> sizes;
  for (const auto& f : exports) sizes.emplace(f.path, f.size());
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
  const DataPieces pieces = data_pieces(portal, plans_by_unit(portal));
  std::vector<DataFileInfo> wanted;
  wanted.push_back(descriptor_info(nullptr, -1));
  wanted.push_back(info(plan_schema_path(), "Lược đồ JSON của kế hoạch", "Plan JSON Schema",
                        "Lược đồ JSON (draft 2020-12) mô tả tệp ke-hoach.json chứa các kế hoạch "
                        "của mỗi đơn vị.",
                        "JSON Schema (draft 2020-12) of each unit's ke-hoach.json file of its plans.",
                        "JSON Schema", "application/schema+json"));
  wanted.push_back(info(feed_path(nullptr), "Tin mới", "News feed",
                        "Báo cáo và cập nhật tiến độ mới nhất, theo chuẩn Atom.",
                        "Latest reports and progress updates, as an Atom feed.", "Atom",
                        "application/atom+xml"));
  for (size_t u = 0; u < portal.units.size(); ++u) {
    const Unit* unit = &portal.units[u];
    const int index = static_cast<int>(u);
    if (pieces.has_piece[u]) {
      const int f = pieces.nearest_package[u];
      const std::string package = datapackage_path(f > 0 ? &portal.units[f - 1] : nullptr);
      for (const auto& t : table_definitions()) {
        wanted.push_back(info(data_dir(*unit) + t.file(), t.title, t.title_en, t.description,
                              t.description_en, "CSV", "text/csv", index));
        wanted.back().package = package;
      }
      wanted.push_back(plans_data_file(*unit, index));
    }
    if (!pieces.listed[u + 1].empty()) wanted.push_back(descriptor_info(unit, index));
    wanted.push_back(info(feed_path(unit), "Tin mới", "News feed",
                          "Báo cáo và cập nhật tiến độ mới nhất của " + unit_display_name(*unit) +
                              " và các đơn vị trực thuộc, theo chuẩn Atom.",
                          "Latest reports and progress updates of " + unit_display_name(*unit) +
                              " and the units below it, as an Atom feed.",
                          "Atom", "application/atom+xml", index));
  }
  return wanted;
}

}  // namespace congkhai
