// Checks that span files: ids unique within a plan, and every reference from targets,
// progress records and reports naming a task or target that exists.
#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/portal.h"

namespace congkhai {

// Every problem found, in no particular order (the caller sorts), the same on any number of
// `threads` (0: every core).
Diagnostics validate_portal(const Portal& portal, int threads = 1);
// The same checks for part of a portal, after a save: the plans at `plans`, every progress
// record and report that belongs to one of them, and the reports at `reports`. When the rest
// was sound before, this finds what validate_portal would.
Diagnostics validate_part(const Portal& portal, const std::vector<int>& plans, const std::vector<int>& reports);

}  // namespace congkhai
