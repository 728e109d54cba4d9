#include "search/search_files.h"

#include <algorithm>
#include <map>
#include <optional>

#include "model/sized_key.h"
#include "search/documents.h"
#include "search/packed_payload.h"
#include "search/shard_keys.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"

namespace congkhai {
namespace {

constexpr std::string_view kIndexDir = "tim-kiem/chi-muc";

// The text of field `name` of a document (the fields of search_fields()).
const std::string& field_text(const SearchDocument& d, std::string_view name) {
  if (name == "unit") return d.unit;
  if (name == "year") return d.year;
  return d.kind_text;
}

// A shard's lunr index, in the compact form (build_lunr_compact_index_json). Of the
// descriptive fields (unit, year, kind), one whose text is the same in every document of the
// shard (the unit chain of a commune's own shard, the year of a one-year shard) adds nothing
// to ranking within it: it is left out of the index and given once as "constant": {field:
// text}; search-core.js lets a query word found there match every document of the shard.
// A shard's data: its members, with a null placeholder where "index" goes, and the index
// itself as JSON text (build_lunr_compact_index_json), put in its place when the shard is
// written; with `keep_input`, what the index was made from.
struct ShardData {
  LunrJson data;
  std::string index_json;
  std::vector<LunrField> fields;
  std::vector<LunrDocument> documents;
};

ShardData shard_data(std::string_view key, const std::string& name,
                     const std::vector<const SearchDocument*>& docs, bool keep_input) {
  std::vector<LunrField> fields;
  LunrJson constant = LunrJson::object();
  for (const LunrField& f : search_fields()) {
    const bool descriptive = f.name == "unit" || f.name == "year" || f.name == "kind";
    bool same = descriptive && !docs.empty();
    for (std::size_t i = 1; same && i < docs.size(); ++i)
      same = field_text(*docs[i], f.name) == field_text(*docs[0], f.name);
    if (!same) {
      fields.push_back(f);
    } else if (!field_text(*docs[0], f.name).empty()) {
      constant[f.name] = field_text(*docs[0], f.name);
    }
  }
  std::string index_json;
  // The indexed text, copied once more: freed as soon as the index is made, unless kept.
  std::vector<LunrDocument> lunr_docs;
  lunr_docs.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i)
    lunr_docs.push_back(lunr_document(*docs[i], fields, compact_ref(i)));
  index_json = build_lunr_compact_index_json(fields, lunr_docs);
  if (!keep_input) {
    lunr_docs = {};
    fields = {};
  }
  const std::string prefix = key == kGlobalSearchKey ? "" : std::string(key) + "/";
  LunrJson data = LunrJson::object();
  data["key"] = std::string(key);
  data["name"] = name;
  if (!constant.empty()) data["constant"] = std::move(constant);
  data["index"] = nullptr;
  data["store"] = search_store(docs, prefix, key == kGlobalSearchKey ? std::string_view() : std::string_view(name));
  return {std::move(data), std::move(index_json), std::move(fields), std::move(lunr_docs)};
}

// The data of the shard of unit `u` under `key`: the unit's own documents, then `more` (a
// top-level unit's descendants' pages). The own documents are made here, by the thread that
// builds the shard, and freed before it returns: the search stage holds one shard's
// documents per thread instead of the whole portal's.
// A unit's own documents, then `more`: what its shard indexes.
struct UnitDocs {
  std::vector<SearchDocument> own;
  std::vector<const SearchDocument*> docs;
};

UnitDocs unit_docs(const Portal& portal, std::size_t u, const std::vector<const SearchDocument*>& more,
                   const PortalFacts* facts) {
  UnitDocs d;
  d.own = search_documents(portal, static_cast<int>(u), facts);
  d.docs.reserve(d.own.size() + more.size());
  for (const SearchDocument& doc : d.own) d.docs.push_back(&doc);
  d.docs.insert(d.docs.end(), more.begin(), more.end());
  return d;
}

std::string script_prefix(std::string_view key) {
  return "window.CONGKHAI_INDEX = window.CONGKHAI_INDEX || {};\nCONGKHAI_INDEX[" +
         to_js_json(LunrJson(std::string(key))) + "] = ";
}

// Appends to_js_json of the shard's data, with its index in place, to `out`.
void append_shard_json(std::string* out, const ShardData& shard) {
  out->push_back('{');
  bool first = true;
  for (const auto& [member, value] : shard.data.items()) {
    if (!first) out->push_back(',');
    first = false;
    *out += to_js_json(LunrJson(member));
    out->push_back(':');
    *out += member == "index" ? shard.index_json : to_js_json(value);
  }
  out->push_back('}');
}

// Incremental builds. A shard's cache key is a hash of its inputs (shard_keys.h: its unit's
// plans by their input keys, reports, the pages and sizes it lists, the generator's identity,
// kShardFormat), then "-" and the size of its JSON, the size it is listed with: a shard
// reused from the previous build still tells the shards above it its size. kShardFormat
// changes whenever the way shards are written does.
constexpr std::string_view kShardFormat = "shard 6: compact lunr 2.3.9 index (terms and delta-coded vectors), compact refs, constant fields, task statuses, facets in the store, sizes of the JSON listed in 4 KiB, the JSON deflated with zlib (level 4) in base64";
static_assert(kShardFormat.substr(0, 6) == "shard " && kShardFormat.substr(6, kShardFormatNumber.size()) == kShardFormatNumber &&
                  kShardFormat[6 + kShardFormatNumber.size()] == ':',
              "kShardFormat and kShardFormatNumber change together");

// The previous build's shard at `path`, when it was made from the same inputs: its size.
std::optional<std::size_t> reusable(const ShardReuse& reuse, const std::string& path, const std::string& hash) {
  return reusable_size(reuse.previous_keys, path, hash);
}

// Hands out the previous build's shard in place of one with the same inputs.
SearchShard reuse_shard(std::string key, std::size_t bytes, const std::string& hash, OutputSink* out) {
  OutputFile f;
  f.path = search_index_path(key, "js");
  f.key = sized_key(hash, bytes);
  f.reused = true;
  out->add(std::move(f));
  return SearchShard{std::move(key), LunrJson(), "", bytes, {}, {}};
}

SearchShard make_shard(std::string key, ShardData shard, OutputSink* out, const std::string& hash = "") {
  SearchShard s{std::move(key), LunrJson(), "", 0, {}, {}};
  std::string json;
  json.reserve(shard.index_json.size() + shard.index_json.size() / 4 + 4096);
  append_shard_json(&json, shard);
  s.bytes = json.size();
  s.script = search_shard_script(s.key, json);
  json = {};
  if (out) {
    OutputFile f{search_index_path(s.key, "js"), std::move(s.script), ""};
    if (!hash.empty()) f.key = sized_key(hash, s.bytes);
    out->add(std::move(f));
    s.script.clear();
  } else {
    // Kept in memory, for tests and tools that look into it: the data as a tree, the index
    // too, and what it was made from.
    s.data = std::move(shard.data);
    s.data["index"] = LunrJson::parse(shard.index_json);
    s.index_fields = std::move(shard.fields);
    s.index_documents = std::move(shard.documents);
  }
  return s;
}

}  // namespace

std::size_t listed_shard_bytes(std::size_t bytes) {
  return (bytes + kListedShardUnit - 1) / kListedShardUnit * kListedShardUnit;
}

std::string search_index_path(std::string_view key, std::string_view ext) {
  if (key == kGlobalSearchKey) return std::string(kIndexDir) + "." + std::string(ext);
  return std::string(kIndexDir) + "/" + std::string(key) + "." + std::string(ext);
}

std::string lunr_asset_path() { return "assets/lunr.min.js"; }

std::string inflate_asset_path() { return "assets/pako_inflate.min.js"; }

std::vector<std::pair<std::string, std::string>> search_library_files(const SearchLibraries& libraries) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!libraries.lunr_js.empty()) out.emplace_back(lunr_asset_path(), libraries.lunr_js);
  if (!libraries.inflate_js.empty()) out.emplace_back(inflate_asset_path(), libraries.inflate_js);
  return out;
}

std::string search_shard_script(std::string_view key, std::string_view json) {
  std::string out = script_prefix(key);
  out += "{\"deflate\":\"";
  out += packed_payload(json);
  out += "\"};\n";
  return out;
}

std::vector<SearchShard> build_search_shards(const Portal& portal, int threads, OutputSink* out,
                                             const ShardReuse& reuse, const PortalFacts* facts) {
  const std::size_t n = portal.units.size();
  // A unit's page document goes where a search for the unit's name will look: the global
  // index for a top-level unit, its top-level unit's shard for the others (`below`, in unit
  // order). The global index's are made here; a top-level shard's, only when it is made.
  std::vector<int> top_of(n, -1);
  std::vector<SearchDocument> global_pages;
  std::vector<std::vector<int>> below(n);
  for (std::size_t u = 0; u < n; ++u) {
    int top = static_cast<int>(u);
    for (std::size_t steps = 0; steps <= n && portal.units[static_cast<std::size_t>(top)].parent >= 0; ++steps)
      top = portal.units[static_cast<std::size_t>(top)].parent;
    if (portal.units[static_cast<std::size_t>(top)].parent >= 0) continue;  // a cycle: no area
    top_of[u] = top;
    if (portal.units[u].parent < 0) global_pages.push_back(unit_search_document(portal, static_cast<int>(u)));
    else below[static_cast<std::size_t>(top)].push_back(static_cast<int>(u));
  }
  auto has_own = [&](std::size_t u) { return has_search_documents(portal.units[u]); };
  // Keys only with a key for every plan (ShardReuse::plan_keys): a shard keyed without one of
  // its plans could be taken for the previous build's after an edit of that plan.
  const bool keyed = out && reuse.plan_keys && reuse.plan_keys->size() == portal.plans.size();
  const std::string fingerprint = keyed ? shard_key_fingerprint(kShardFormat, reuse.version, facts != nullptr) : "";
  auto key_of = [&](std::size_t u, std::string_view key, const std::string& name, const std::vector<int>& pages,
                    std::string_view listed) {
    const Unit& unit = portal.units[u];
    return keyed ? shard_key(portal, *reuse.plan_keys, fingerprint, static_cast<int>(u), unit.url_path, key, name,
                             pages, listed)
                 : std::string();
  };
  auto previous = [&](std::size_t u, const std::string& hash) {
    return keyed ? reusable(reuse, search_index_path(portal.units[u].url_path, "js"), hash) : std::nullopt;
  };

  // Shards below the top level first: the top-level ones list their sizes, and the global
  // index lists the top-level ones'. An unchanged shard costs its key: its documents are
  // never made.
  std::vector<SearchShard> shards(n);
  std::vector<std::size_t> lower;
  for (std::size_t u = 0; u < n; ++u)
    if (portal.units[u].parent >= 0 && has_own(u)) lower.push_back(u);
  parallel_for(lower.size(), threads, [&](std::size_t i) {
    const std::size_t u = lower[i];
    const std::string& key = portal.units[u].url_path;
    const std::string name = unit_display_name(portal.units[u]);
    const std::string hash = key_of(u, key, name, {}, "");
    if (auto bytes = previous(u, hash)) {
      shards[u] = reuse_shard(key, *bytes, hash, out);
      return;
    }
    UnitDocs d = unit_docs(portal, u, {}, facts);
    shards[u] = make_shard(key, shard_data(key, name, d.docs, !out), out, hash);
  });

  std::vector<std::size_t> total(n, 0);  // bytes of a top-level unit's descendants' shards
  for (std::size_t u = 0; u < n; ++u)
    if (portal.units[u].parent >= 0 && has_own(u) && top_of[u] >= 0)
      total[static_cast<std::size_t>(top_of[u])] += listed_shard_bytes(shards[u].bytes);
  const std::vector<int>& tops = portal.top_units;
  parallel_for(tops.size(), threads, [&](std::size_t i) {
    const std::size_t t = static_cast<std::size_t>(tops[i]);
    const Unit& unit = portal.units[t];
    if (!has_own(t) && below[t].empty()) return;
    LunrJson units = LunrJson::array();
    const std::string prefix = unit.url_path + "/";
    for (std::size_t u = 0; u < n; ++u) {
      // Top-level shards are being built meanwhile: look only below the top level.
      if (portal.units[u].parent < 0 || shards[u].key.empty()) continue;
      const std::string& path = portal.units[u].url_path;
      if (path.compare(0, prefix.size(), prefix) != 0) continue;
      units.push_back(LunrJson::array({path.substr(prefix.size()), listed_shard_bytes(shards[u].bytes)}));
    }
    const std::string name = unit_display_name(unit);
    const std::string hash = key_of(t, unit.slug, name, below[t], keyed ? units.dump() : "");
    if (auto bytes = previous(t, hash)) {
      shards[t] = reuse_shard(unit.url_path, *bytes, hash, out);
      return;
    }
    std::vector<SearchDocument> pages;
    pages.reserve(below[t].size());
    for (int b : below[t]) pages.push_back(unit_search_document(portal, b));
    std::vector<const SearchDocument*> more;
    more.reserve(pages.size());
    for (const SearchDocument& p : pages) more.push_back(&p);
    UnitDocs d = unit_docs(portal, t, more, facts);
    ShardData data = shard_data(unit.slug, name, d.docs, !out);
    data.data["units"] = std::move(units);
    shards[t] = make_shard(unit.url_path, std::move(data), out, hash);
  });

  std::vector<const SearchDocument*> global_docs;
  for (const SearchDocument& p : global_pages) global_docs.push_back(&p);
  ShardData global = shard_data(kGlobalSearchKey, portal.site.title, global_docs, !out);
  LunrJson areas = LunrJson::array();
  for (int top : tops) {
    const std::size_t t = static_cast<std::size_t>(top);
    const Unit& unit = portal.units[t];
    LunrJson entry = LunrJson::object();
    entry["slug"] = unit.url_path;
    entry["name"] = unit_display_name(unit);
    const std::size_t own = listed_shard_bytes(shards[t].bytes);
    entry["bytes"] = own;
    entry["total"] = own + total[t];
    areas.push_back(std::move(entry));
  }
  global.data["areas"] = std::move(areas);

  std::vector<SearchShard> kept;
  kept.push_back(make_shard(std::string(kGlobalSearchKey), std::move(global), out));
  for (SearchShard& s : shards)
    if (!s.key.empty()) kept.push_back(std::move(s));
  return kept;
}

void build_search_files(const Portal& portal, const SearchLibraries& libraries, int threads, OutputSink& out,
                        const ShardReuse& reuse, const PortalFacts* facts) {
  build_search_shards(portal, threads, &out, reuse, facts);
  for (auto& [path, source] : search_library_files(libraries)) out.add({path, "", source});
}

OutputFiles build_search_files(const Portal& portal, const SearchLibraries& libraries, int threads,
                               const PortalFacts* facts) {
  // In shard order, whatever the threads did.
  OutputFiles files;
  for (SearchShard& s : build_search_shards(portal, threads, nullptr, {}, facts))
    files.push_back({search_index_path(s.key, "js"), std::move(s.script), ""});
  for (auto& [path, source] : search_library_files(libraries)) files.push_back({path, "", source});
  return files;
}

}  // namespace congkhai
