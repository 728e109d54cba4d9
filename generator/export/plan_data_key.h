// Incremental builds: the input key of a plan's open data, a 128-bit hash (text/content_hash.h)
// of everything its object in its unit's ke-hoach.json and its lines in the five CSV tables
// are made from. A unit whose plans all have the keys they had, in the same order, is not
// encoded again: the previous build's files, which the same inputs made, are kept (exports.h). The key is made from the model's fields
// as they are (no escaping, no number formatting), a small fraction of encoding's cost.
//
// What the key covers is listed beside plan_data_key in plan_data_key.cc; an input an encoder
// reads that is not hashed there makes incremental builds publish stale data. Any change to
// what the encoders write (plan_json.cc, tables.cc, csv.cc, numbers.cc, export_paths.cc,
// datapackage.cc, whose descriptors exports.cc keys with the same fingerprint) must bump
// kPlanDataFormat.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "derive/facts.h"
#include "export/plan_json.h"
#include "model/portal.h"

namespace congkhai {

inline constexpr std::string_view kPlanDataFormat = "plan data 3";

// What every plan's key shares: kPlanDataFormat, the generator's version, the site's settings,
// the content folder (records are named relative to it) and the reference date.
std::string plan_data_fingerprint(const Portal& portal, const PortalFacts& facts, std::string_view version);

// The key of plan `index` (32 hexadecimal digits). `refs` as index_plan_refs(facts, …) gives it.
std::string plan_data_key(const Portal& portal, const PortalFacts& facts, int index, const PlanRefs& refs,
                          std::string_view fingerprint);

// Every plan's key, in Portal::plans order, made on `threads` threads (0: every core), with
// the fingerprint of `version`. The search stage keys its shards with them too
// (ShardReuse::plan_keys): what search_documents reads of a plan must be covered here
// (export/shard_keys_test.cc checks it).
std::vector<std::string> plan_data_keys(const Portal& portal, const PortalFacts& facts, std::string_view version,
                                        int threads);

// The same, with the refs and the fingerprint already made (the export stage uses them again).
std::vector<std::string> plan_data_keys(const Portal& portal, const PortalFacts& facts, const PlanRefs& refs,
                                        std::string_view fingerprint, int threads);

}  // namespace congkhai
