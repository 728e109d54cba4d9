// The plans' full data as JSON, one file per unit with plans (<unit>/du-lieu/ke-hoach.json):
// the unit, then each of its plans with everything its page shows, including the facts
// derived as of the reference date, for anyone to reuse. The format is described by the JSON
// Schema in plan_schema.h, linked from "$schema".
//
// One file per unit rather than per plan: a commune publishes a plan a year, and a file per
// plan would be a fifth of a national portal's files (docs/performance.md, "Where the bytes
// go"). What the plans of the file share (the schema, the reference date, the unit) is
// written once, at its top.
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

// Where each plan's entries and measurements sit in PortalFacts::entries / ::measurements,
// in their order there: made once, so writing every unit's JSON reads each entry once
// instead of scanning all of them per plan.
struct PlanRefs {
  std::vector<std::vector<int>> entries;       // by plan
  std::vector<std::vector<int>> measurements;  // by plan
};
PlanRefs index_plan_refs(const PortalFacts& facts, std::size_t plans);

// The JSON document of unit `unit` and its plans `plans` (indexes into Portal::plans, in
// that order: plans_by_unit's, tables.h), compact, keys in a fixed order. Links are absolute
// when the site has a base_url, else relative to the JSON file itself.
std::string write_plans_json(const Portal& portal, const PortalFacts& facts, int unit,
                             const std::vector<std::size_t>& plans, const PlanRefs& refs);
// The same with the unit's plans as plans_by_unit gives them.
std::string write_plans_json(const Portal& portal, const PortalFacts& facts, int unit);

}  // namespace congkhai
