// Checks that span files: ids unique within a plan, and every reference from targets,
// progress records and reports naming a task or target that exists.
#pragma once

#include "model/diagnostic.h"
#include "model/portal.h"

namespace congkhai {

// Every problem found, in no particular order (the caller sorts).
Diagnostics validate_portal(const Portal& portal);

}  // namespace congkhai
