// A plan's full data as JSON (<unit>/ke-hoach/<plan>/ke-hoach.json): everything its page
// shows, including the facts derived as of the reference date, for anyone to reuse.
// The format is described by the JSON Schema in plan_schema.h, linked from "$schema".
//
// Dense without losing a fact, the way the source files and peers' data are: progress is
// grouped by progress file, with what the file's items share (path, period, date, reporter)
// written once, as the file's own header gives defaults that its items override (IATI's
// activity-level defaults work the same way); in the objects repeated many times over (tasks,
// timeframes, progress entries, measurements) a member with no value is left out, as the Open
// Contracting Data Standard asks of its publishers, the schema giving its default; and what
// follows from another member of the file (a code's Vietnamese label, a task's page and full
// number, a cell that is just its offices one per line) is not written twice, the schema
// saying how it follows.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai {

// The JSON document for plan `index` of the portal, compact, keys in a fixed order.
// Links are absolute when the site has a base_url, else relative to the JSON file itself.
std::string write_plan_json(const Portal& portal, const PortalFacts& facts, int index);

// Where each plan's entries and measurements sit in PortalFacts::entries / ::measurements,
// in their order there: made once, so writing every plan's JSON reads each entry once
// instead of scanning all of them per plan.
struct PlanRefs {
  std::vector<std::vector<int>> entries;       // by plan
  std::vector<std::vector<int>> measurements;  // by plan
};
PlanRefs index_plan_refs(const PortalFacts& facts, std::size_t plans);
std::string write_plan_json(const Portal& portal, const PortalFacts& facts, int index,
                            const PlanRefs& refs);

}  // namespace congkhai
