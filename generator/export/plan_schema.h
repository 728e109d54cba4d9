// The JSON Schema (draft 2020-12) of the units' plan JSON files (<unit>/du-lieu/ke-hoach.json,
// plan_json.h), published in the site at du-lieu/schema/ke-hoach.schema.json and linked from
// every such file's "$schema".
#pragma once

#include <string>

#include "model/site.h"

namespace congkhai {

// The schema document; its "$id" is its absolute address when the site has a base_url.
std::string write_plan_schema(const Site& site);

}  // namespace congkhai
