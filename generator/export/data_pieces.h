// The CSV tables in pieces: each unit with plans of its own publishes their rows in its data
// folder (<unit>/du-lieu/<table>.csv), and no file holds the rows of several units. A Data
// Package joins the pieces of the units it covers: the portal's, every unit; a unit's, the
// unit and every unit below it. Only the portal and the units with units below them (the
// aggregates) have a package: a unit with none below it (a commune, or a province with no
// units below it on a small portal) would only repeat its own pieces, which its parents'
// packages and the portal's already list.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/portal.h"

namespace congkhai {

struct DataPieces {
  // Per unit: whether it publishes a piece of each table (it has plans of its own).
  std::vector<char> has_piece;
  // Per data package, 0 for the portal's and u + 1 for unit u's: the units whose pieces it
  // lists, in unit order. Empty for a unit with no units below it, and for one with no plans
  // in or below it: it has no package.
  std::vector<std::vector<int>> listed;
  // Per unit: the package nearest to its pieces that lists them (0: the portal's, a + 1: unit
  // a's, the unit itself or the nearest unit above it that has one); -1 for a unit without
  // pieces.
  std::vector<int> nearest_package;
};

// `own_plans` as plans_by_unit gives it (tables.h). A unit below another is one reached by
// its parent chain whose path starts with the other's path and "/", so that the package can
// name the piece from its own folder without "..".
DataPieces data_pieces(const Portal& portal, const std::vector<std::vector<std::size_t>>& own_plans);

// The data folder of unit `piece` as the package of `scope` (null: the portal's, at the site
// root) names it: "du-lieu/" for the unit itself, "huong-son/son-lam/du-lieu/" for one below.
std::string piece_dir_from(const Unit* scope, const Unit& piece);

}  // namespace congkhai
