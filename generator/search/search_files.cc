#include "search/search_files.h"

#include <algorithm>
#include <map>

#include "search/documents.h"
#include "text/parallel_for.h"

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

std::vector<SearchShard> build_search_shards(const Portal& portal, int threads) {
  std::vector<SearchDocument> docs = search_documents(portal);
  std::vector<std::vector<const SearchDocument*>> area_docs(portal.top_units.size());
  std::vector<int> area_of_unit(portal.units.size(), -1);
  for (std::size_t a = 0; a < portal.top_units.size(); ++a) area_of_unit[portal.top_units[a]] = static_cast<int>(a);
  for (const SearchDocument& d : docs)
    if (d.area >= 0 && d.area < static_cast<int>(area_of_unit.size()) && area_of_unit[d.area] >= 0)
      area_docs[area_of_unit[d.area]].push_back(&d);

  // Shard 0 is the global one; the areas follow in top-unit order, and the global shard
  // (the biggest) is indexed alongside them.
  std::vector<SearchShard> shards(portal.top_units.size() + 1);
  std::vector<std::size_t> area_bytes(portal.top_units.size());
  parallel_for(shards.size(), threads, [&](std::size_t i) {
    if (i == 0) {
      std::vector<const SearchDocument*> global_docs;
      for (const SearchDocument& d : docs)
        if (d.kind == SearchKind::kUnit || d.kind == SearchKind::kPlan) global_docs.push_back(&d);
      shards[0] = {std::string(kGlobalSearchKey),
                   shard_data(kGlobalSearchKey, portal.site.title, global_docs, global_search_fields())};
      return;
    }
    const Unit& unit = portal.units[static_cast<std::size_t>(portal.top_units[i - 1])];
    shards[i] = {unit.slug, shard_data(unit.slug, unit_display_name(unit), area_docs[i - 1], search_fields())};
    area_bytes[i - 1] = search_shard_script(unit.slug, to_js_json(shards[i].data)).size();
  });

  LunrJson areas = LunrJson::array();
  for (std::size_t a = 0; a < portal.top_units.size(); ++a) {
    const Unit& unit = portal.units[static_cast<std::size_t>(portal.top_units[a])];
    LunrJson entry = LunrJson::object();
    entry["slug"] = unit.slug;
    entry["name"] = unit_display_name(unit);
    entry["bytes"] = area_bytes[a];
    areas.push_back(std::move(entry));
  }
  shards.front().data["areas"] = std::move(areas);
  return shards;
}

void build_search_files(const Portal& portal, const std::string& lunr_js_path, int threads, OutputSink& out) {
  std::vector<SearchShard> shards = build_search_shards(portal, threads);
  parallel_for(shards.size(), threads, [&](std::size_t i) {
    std::string json = to_js_json(shards[i].data);
    shards[i].data = LunrJson();  // handed out below: only the text is kept
    out.add({search_index_path(shards[i].key, "js"), search_shard_script(shards[i].key, json), ""});
    out.add({search_index_path(shards[i].key, "json"), std::move(json), ""});
  });
  if (!lunr_js_path.empty()) out.add({lunr_asset_path(), "", lunr_js_path});
}

OutputFiles build_search_files(const Portal& portal, const std::string& lunr_js_path, int threads) {
  OutputCollector collected;
  build_search_files(portal, lunr_js_path, threads, collected);
  OutputFiles files = collected.take();
  // Back in shard order (.js, then .json), lunr.js last, whatever the threads did.
  std::map<std::string, std::size_t> rank;
  auto place = [&](std::string_view key) {
    for (const char* ext : {"js", "json"}) rank.emplace(search_index_path(key, ext), rank.size());
  };
  place(kGlobalSearchKey);
  for (int u : portal.top_units) place(portal.units[static_cast<std::size_t>(u)].slug);
  auto rank_of = [&](const OutputFile& f) {
    auto it = rank.find(f.path);
    return it == rank.end() ? rank.size() : it->second;
  };
  std::stable_sort(files.begin(), files.end(), [&](const auto& a, const auto& b) { return rank_of(a) < rank_of(b); });
  return files;
}

}  // namespace congkhai
