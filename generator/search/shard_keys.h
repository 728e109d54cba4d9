// Incremental builds: the key of each search shard, a 128-bit hash (text/content_hash.h) of
// its *inputs*, so that an unchanged shard costs its key and its documents are never made.
// A shard whose key equals the previous build's is not indexed again (ShardReuse,
// search_files.h).
//
// The plans a shard holds are taken by their input keys, made once per build by the stage
// that comes first (ShardReuse::plan_keys: the pipeline hands over the export stage's
// plan_data_key, export/plan_data_key.h, which covers every field of a plan that
// search_documents reads, its unit's path, name and level, and its facts). Everything else a
// shard's documents and its file read is hashed here, from the model as it is
// (model/input_hasher.h): the list of what the key covers stands beside shard_key in
// shard_keys.cc. An input the documents read that is covered neither here nor by the plan
// keys makes incremental builds publish a stale shard; export/shard_keys_test.cc changes every
// input one at a time and requires the key to change whenever the shard's bytes do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/portal.h"

namespace congkhai {

// Bumped whenever what shard_key hashes changes, so that no older key can match.
inline constexpr std::string_view kShardKeyFormat = "shard inputs 1";

// What every shard's key shares: kShardKeyFormat, `shard_format` (how shards are written:
// kShardFormat in search_files.cc), the deflate library's version, the generator's identity
// (`version`) and whether the documents carry the tasks' statuses (facts given).
std::string shard_key_fingerprint(std::string_view shard_format, std::string_view version, bool with_facts);

// The key of unit `unit`'s shard (32 hexadecimal digits): published at `path` under `key`
// and `name`, holding the unit's own plans (by `plan_keys`, parallel to Portal::plans) and
// reports, then the pages of the units `below` (a top-level unit's descendants), and listing
// `listed` (the shards below it and their sizes, as written in the shard). Equal keys,
// equal shards.
std::string shard_key(const Portal& portal, const std::vector<std::string>& plan_keys, std::string_view fingerprint,
                      int unit, std::string_view path, std::string_view key, std::string_view name,
                      const std::vector<int>& below, std::string_view listed);

}  // namespace congkhai
