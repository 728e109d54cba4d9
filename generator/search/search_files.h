// The search index as files of the site: one shard per top-level unit (province), a small
// global index of units and plans, and lunr.js itself. See docs/search.md.
//
//   tim-kiem/chi-muc.json, .js          global: every unit and plan, and the list of areas
//   tim-kiem/chi-muc/<area>.json, .js   one area: its units, plans, tasks, targets, reports
//   assets/lunr.min.js                  copied from node_modules/lunr
//
// Each .js file holds the same data as its .json twin, assigned to a global, so that the
// browser loads it with a <script> element, which works from file:// too:
//   window.CONGKHAI_INDEX = window.CONGKHAI_INDEX || {}; CONGKHAI_INDEX["ha-tinh"] = {…};
// The global index is CONGKHAI_INDEX["*"].
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/output.h"
#include "model/portal.h"
#include "search/lunr_index.h"

namespace congkhai {

// The key of the global index in CONGKHAI_INDEX; area slugs never contain "*".
inline constexpr std::string_view kGlobalSearchKey = "*";

// "tim-kiem/chi-muc.<ext>" for the global index, "tim-kiem/chi-muc/<area>.<ext>" for a shard.
std::string search_index_path(std::string_view key, std::string_view ext);
// "assets/lunr.min.js"
std::string lunr_asset_path();

struct SearchShard {
  std::string key;  // the area's slug, or kGlobalSearchKey
  LunrJson data;    // {"area", "name", "index", "store"}; the global one also has "areas"
};

// The global index first, then one shard per top-level unit in Portal::top_units order.
// The global index lists the areas with the byte size of their .js file:
// "areas": [{"slug": "ha-tinh", "name": "tỉnh Hà Tĩnh", "bytes": 123456}].
// Areas are indexed on `threads` threads (0: every core); the result does not depend on it.
std::vector<SearchShard> build_search_shards(const Portal& portal, int threads = 1);

// The .js form of a shard: assigns its JSON to CONGKHAI_INDEX[key].
std::string search_shard_script(std::string_view key, const std::string& json);

// Every search file: the .json and .js of each shard and of the global index, and
// assets/lunr.min.js copied from `lunr_js_path` (node_modules/lunr/lunr.min.js; left out
// when empty), handed to `out` as each shard's text is made.
void build_search_files(const Portal& portal, const std::string& lunr_js_path, int threads, OutputSink& out);
// The same, kept in memory: the global index, then the shards in that order (.js before
// .json), then lunr.js.
OutputFiles build_search_files(const Portal& portal, const std::string& lunr_js_path, int threads = 1);

}  // namespace congkhai
