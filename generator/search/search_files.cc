#include "search/search_files.h"

#include "search/documents.h"

namespace congkhai {
namespace {

constexpr std::string_view kIndexDir = "tim-kiem/chi-muc";

LunrJson shard_data(std::string_view key, const std::string& name,
                    const std::vector<const SearchDocument*>& docs,
                    const std::vector<LunrField>& fields) {
  std::vector<LunrDocument> lunr_docs;
  lunr_docs.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i)
    lunr_docs.push_back(lunr_document(*docs[i], fields, compact_ref(i)));
  LunrJson data = LunrJson::object();
  data["area"] = std::string(key);
  data["name"] = name;
  data["index"] = build_lunr_index(fields, lunr_docs);
  data["store"] = search_store(docs);
  return data;
}

}  // namespace

std::string search_index_path(std::string_view key, std::string_view ext) {
  if (key == kGlobalSearchKey) return std::string(kIndexDir) + "." + std::string(ext);
  return std::string(kIndexDir) + "/" + std::string(key) + "." + std::string(ext);
}

std::string lunr_asset_path() { return "assets/lunr.min.js"; }

std::string search_shard_script(std::string_view key, const std::string& json) {
  std::string out = "window.CONGKHAI_INDEX = window.CONGKHAI_INDEX || {};\nCONGKHAI_INDEX[";
  out += to_js_json(LunrJson(std::string(key)));
  out += "] = ";
  out += json;
  out += ";\n";
  return out;
}

std::vector<SearchShard> build_search_shards(const Portal& portal) {
  std::vector<SearchDocument> docs = search_documents(portal);
  std::vector<SearchShard> shards;
  shards.push_back({std::string(kGlobalSearchKey), LunrJson()});

  LunrJson areas = LunrJson::array();
  for (int top : portal.top_units) {
    const Unit& unit = portal.units[static_cast<std::size_t>(top)];
    std::vector<const SearchDocument*> area_docs;
    for (const SearchDocument& d : docs)
      if (d.area == top) area_docs.push_back(&d);
    const std::string name = unit_display_name(unit);
    SearchShard shard{unit.slug, shard_data(unit.slug, name, area_docs, search_fields())};
    LunrJson entry = LunrJson::object();
    entry["slug"] = unit.slug;
    entry["name"] = name;
    entry["bytes"] = search_shard_script(unit.slug, to_js_json(shard.data)).size();
    areas.push_back(std::move(entry));
    shards.push_back(std::move(shard));
  }

  std::vector<const SearchDocument*> global_docs;
  for (const SearchDocument& d : docs)
    if (d.kind == SearchKind::kUnit || d.kind == SearchKind::kPlan) global_docs.push_back(&d);
  LunrJson global = shard_data(kGlobalSearchKey, portal.site.title, global_docs, global_search_fields());
  global["areas"] = std::move(areas);
  shards.front().data = std::move(global);
  return shards;
}

OutputFiles build_search_files(const Portal& portal, const std::string& lunr_js_path) {
  OutputFiles files;
  for (const SearchShard& shard : build_search_shards(portal)) {
    std::string json = to_js_json(shard.data);
    files.push_back({search_index_path(shard.key, "js"), search_shard_script(shard.key, json), ""});
    files.push_back({search_index_path(shard.key, "json"), std::move(json), ""});
  }
  if (!lunr_js_path.empty()) files.push_back({lunr_asset_path(), "", lunr_js_path});
  return files;
}

}  // namespace congkhai
