// Versioned URLs of the files the pages and search.js load. A file keeps its name (hosts, the
// incremental build and the writer see the same paths); its URL carries a query that changes
// when what the browser would get from it changes, so that a browser or a CDN holding an
// older copy fetches the new one after a deployment (docs/themes.md, docs/search.md):
//   assets/style.css?v=0a1b2c3d4e          the first 10 hex digits of the file's content hash
//   tim-kiem/chi-muc/<unit path>.js?f=5   the search shards' format number (kShardFormatNumber)
// A shard's URL carries its format, not its bytes: a version of each shard's bytes would have
// to be listed where the browser finds shards (the global index, the province's shard), and
// an edit in one commune would then change those files too.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "render/theme.h"
#include "search/search_files.h"

namespace congkhai {

// "v=" and the first 10 hexadecimal digits of hash_bytes(bytes).
std::string content_version(std::string_view bytes);

// The key under which asset_versions holds the search shards' query: every shard's URL and
// the global index's start with it.
inline constexpr std::string_view kSearchShardsVersionKey = "tim-kiem/chi-muc";

// Site path → query without "?": "assets/<name>" → content_version of the file, for every
// asset of the theme and for the search's libraries (assets/lunr.min.js and
// assets/pako_inflate.min.js, read from the files `libraries` names, when given);
// kSearchShardsVersionKey → "f=" and the shard format number. A file that cannot be read gets
// no entry: its URL is left as it is (the copy reports the missing file).
std::map<std::string, std::string> asset_versions(const Theme& theme, const SearchLibraries& libraries);

}  // namespace congkhai
