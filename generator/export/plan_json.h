// A plan's full data as JSON (<unit>/ke-hoach/<plan>/ke-hoach.json): everything its page
// shows, including the facts derived as of the reference date, for anyone to reuse.
// The format is described by the JSON Schema in plan_schema.h, linked from "$schema".
#pragma once

#include <string>

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai {

// The JSON document for plan `index` of the portal, pretty-printed, keys in a fixed order.
// Links are absolute when the site has a base_url, else relative to the JSON file itself.
std::string write_plan_json(const Portal& portal, const PortalFacts& facts, int index);

}  // namespace congkhai
