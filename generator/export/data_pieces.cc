#include "export/data_pieces.h"

#include "export/export_paths.h"

namespace congkhai {
namespace {

bool below_path(const Unit& unit, const Unit& scope) {
  return unit.url_path.size() > scope.url_path.size() && unit.url_path.starts_with(scope.url_path) &&
         unit.url_path[scope.url_path.size()] == '/';
}

}  // namespace

DataPieces data_pieces(const Portal& portal, const std::vector<std::vector<std::size_t>>& own_plans) {
  const int units = static_cast<int>(portal.units.size());
  DataPieces out;
  out.has_piece.assign(portal.units.size(), 0);
  out.listed.resize(portal.units.size() + 1);
  out.nearest_package.assign(portal.units.size(), -1);
  for (int u = 0; u < units; ++u) {
    if (static_cast<std::size_t>(u) >= own_plans.size() || own_plans[u].empty()) continue;
    out.has_piece[u] = 1;
    out.listed[0].push_back(u);
    out.nearest_package[u] = 0;
    // Up the parent chain, bounded: a malformed chain must not loop forever. The first
    // package found on the way up is the nearest.
    int a = portal.units[u].parent;
    for (int steps = 0; a >= 0 && a < units && steps <= units; ++steps, a = portal.units[a].parent)
      if (below_path(portal.units[u], portal.units[a])) {
        out.listed[a + 1].push_back(u);
        if (out.nearest_package[u] == 0) out.nearest_package[u] = a + 1;
      }
    // Its own package, for a unit with units below it; listed first, in unit order, since
    // the units below come after it.
    if (!portal.units[u].children.empty()) {
      out.listed[u + 1].push_back(u);
      out.nearest_package[u] = u + 1;
    }
  }
  return out;
}

std::string piece_dir_from(const Unit* scope, const Unit& piece) {
  const std::string dir = data_dir(piece);
  if (!scope) return dir;
  return dir.substr(scope->url_path.size() + 1);
}

}  // namespace congkhai
