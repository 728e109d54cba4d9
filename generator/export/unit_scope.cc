#include "export/unit_scope.h"

namespace congkhai {

bool unit_in_scope(const Portal& portal, int index, const Unit* scope) {
  if (!scope) return true;
  // Bounded walk: a malformed parent chain must not loop forever.
  for (size_t steps = 0; index >= 0 && index < static_cast<int>(portal.units.size()) &&
                         steps <= portal.units.size();
       ++steps) {
    if (&portal.units[index] == scope) return true;
    index = portal.units[index].parent;
  }
  return false;
}

}  // namespace congkhai
