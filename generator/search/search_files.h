// The search index as files of the site: one shard per unit with its own plans, tasks,
// targets and reports, a small global index of the top-level units, and lunr.js itself.
// See docs/search.md.
//
//   tim-kiem/chi-muc.js                  global: the top-level units and the list of areas
//   tim-kiem/chi-muc/<unit path>.js      one unit's plans, tasks, targets and reports; a
//                                        top-level unit's also holds its descendants' own
//                                        documents (name, address) and lists their shards
//   assets/lunr.min.js                   copied from node_modules/lunr
//   assets/pako_inflate.min.js           copied from node_modules/pako: inflates the shards
//                                        where the browser has no DecompressionStream
//
// Each file assigns its data to a global, so that the browser loads it with a <script>
// element, which works from file:// too; the data's JSON is deflated and in base64
// (search/packed_payload.h), and search.js inflates it:
//   window.CONGKHAI_INDEX = window.CONGKHAI_INDEX || {};
//   CONGKHAI_INDEX["ha-tinh/huong-son"] = {"deflate":"eJzt…"};
// The global index is CONGKHAI_INDEX["*"]. The data's "index" is the compact form of the lunr
// index (build_lunr_compact_index_json), which search-core.js expands for lunr.Index.load.
#pragma once

#include <map>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "derive/facts.h"
#include "model/output.h"
#include "model/portal.h"
#include "search/lunr_index.h"

namespace congkhai {

// The key of the global index in CONGKHAI_INDEX; unit paths never contain "*".
inline constexpr std::string_view kGlobalSearchKey = "*";

// "tim-kiem/chi-muc.<ext>" for the global index, "tim-kiem/chi-muc/<unit path>.<ext>" for a shard.
std::string search_index_path(std::string_view key, std::string_view ext);
// "assets/lunr.min.js"
std::string lunr_asset_path();
// "assets/pako_inflate.min.js"
std::string inflate_asset_path();

// The browser libraries the search publishes beside its index, copied from node_modules
// (installed from package-lock.json): lunr.js, and pako's inflate, which search.js loads only
// in a browser without DecompressionStream. An empty path leaves its file out.
struct SearchLibraries {
  std::string lunr_js;     // node_modules/lunr/lunr.min.js
  std::string inflate_js;  // node_modules/pako/dist/pako_inflate.es5.min.js
};
// Each library given, as {site path, source file}: lunr.js, then pako's inflate.
std::vector<std::pair<std::string, std::string>> search_library_files(const SearchLibraries& libraries);

// The number of the way shards are written (kShardFormat in search_files.cc begins "shard
// <number>:"). The pages ask for every shard with "?f=<number>" (render/asset_versions.h), so
// that a browser or a CDN holding a shard of another format does not hand it to a newer
// search-core.js.
inline constexpr std::string_view kShardFormatNumber = "6";

// Incremental builds: the previous build's cache keys (path → key), the generator's identity
// and each plan's input key. A shard is keyed by its inputs (search/shard_keys.h): its plans
// by `plan_keys`, parallel to Portal::plans, each a key that changes whenever anything
// search_documents reads of the plan does (its fields, its unit's path, name and level, its
// facts); the pipeline hands over the export stage's plan_data_key (export/plan_data_key.h).
// A shard whose key is the one it was made from last time is not made again, nor are its
// documents: it is handed out `reused`, and the writer keeps the previous file. Without a
// key for every plan, every shard is made and carries no key.
struct ShardReuse {
  std::string version;
  const std::map<std::string, std::string>* previous_keys = nullptr;
  const std::vector<std::string>* plan_keys = nullptr;
};

struct SearchShard {
  std::string key;     // the unit's path ("ha-tinh/huong-son/son-lam"), or kGlobalSearchKey
  LunrJson data;       // {"key", "name", "constant"?, "index", "store"}, and "units" or "areas"
  std::string script;  // the published .js: search_shard_script(key, the data's JSON)
  std::size_t bytes = 0;  // the size of the data's JSON (what the browser inflates), listed
  // Kept in memory only (build_search_shards without `out`): what the index was made from,
  // for build_lunr_index_json, lunr's own serialised form, in tests and tools.
  std::vector<LunrField> index_fields;
  std::vector<LunrDocument> index_documents;
};

// The size a shard is listed with, in the shards above it ("units", "areas"): the bytes of its
// JSON, inflated, rounded up to a multiple of kListedShardUnit. The browser weighs shards
// against its budget by what it must hold and expand (the .js it transfers is about a third
// of that); an upper bound within 4 KiB is as good; and a size that does not move
// with every word edited below leaves the province's shard and the global index unchanged
// (not rebuilt, not uploaded again) after most edits.
inline constexpr std::size_t kListedShardUnit = 4096;
std::size_t listed_shard_bytes(std::size_t bytes);

// The global index first, then one shard per unit that has documents, in Portal::units
// order. A unit without plans or reports (and, at the top, without descendants) has none.
//  - a unit's shard: its plans, tasks, targets and reports;
//  - a top-level unit's shard: those, its descendants' own documents (the unit pages), and
//    "units": [[path below the top unit, listed size of its shard], …] for each
//    descendant with a shard;
//  - the global index: the top-level units' own documents and "areas": [{"slug", "name",
//    "bytes": its shard's, "total": with every descendant's}], listed sizes.
// Shards are indexed on `threads` threads (0: every core); the result does not depend on it.
// Each thread makes the documents of the shard it builds and frees them once the shard is
// made, so the portal's documents are never all held at once.
// With `out`, each shard's .js file is handed to it as soon as it is made (in no particular
// order), and only key and bytes are kept: the search stage then holds one shard per thread,
// not the whole index; with the plans' keys (ShardReuse::plan_keys) each file carries a cache
// key made from its inputs, and shards below the top level and top-level shards whose key is
// the previous build's are handed out reused, their documents never made (the global index,
// small, is always made, and carries no key).
// With `facts` (derived as of the build's reference date), tasks are found by their status.
std::vector<SearchShard> build_search_shards(const Portal& portal, int threads = 1, OutputSink* out = nullptr,
                                             const ShardReuse& reuse = {}, const PortalFacts* facts = nullptr);

// The .js form of a shard: assigns {"deflate": packed_payload(json)} to CONGKHAI_INDEX[key].
std::string search_shard_script(std::string_view key, std::string_view json);

// Every search file: the .js of each shard and of the global index, and the libraries
// (search_library_files), handed to `out` as each shard's text is made.
void build_search_files(const Portal& portal, const SearchLibraries& libraries, int threads, OutputSink& out,
                        const ShardReuse& reuse = {}, const PortalFacts* facts = nullptr);
// The same, kept in memory: the global index, then the shards in that order, then the libraries.
OutputFiles build_search_files(const Portal& portal, const SearchLibraries& libraries, int threads = 1,
                               const PortalFacts* facts = nullptr);

}  // namespace congkhai
