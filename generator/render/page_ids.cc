#include "render/page_ids.h"

namespace congkhai {

std::string PageIds::take(const std::string& base) {
  if (used_.insert(base).second) return base;
  // Ids only ever get taken, so every suffix below the one remembered is still taken.
  long long& n = next_suffix_.try_emplace(base, 2).first->second;
  std::string id;
  do id = base + "-" + std::to_string(n++);
  while (!used_.insert(id).second);
  return id;
}

}  // namespace congkhai
