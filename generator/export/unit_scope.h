// What a per-unit export covers: the unit itself and every unit below it.
#pragma once

#include "model/portal.h"

namespace congkhai {

// True when unit `index` is `scope` or one of its descendants; always true for a null scope
// (the whole portal).
bool unit_in_scope(const Portal& portal, int index, const Unit* scope);

}  // namespace congkhai
