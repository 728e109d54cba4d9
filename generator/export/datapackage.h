// The Frictionless Data Package (v1, tabular-data-package profile) describing the CSV tables:
// one resource per table, with its dialect, encoding and Table Schema, and as its path the
// pieces of the table (data_pieces.h): a plain path when there is one (with its byte size when
// it is the unit's own); an array (a multipart resource) when there are several, each piece
// with its own byte-order mark and header row; inline empty data when there is none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "derive/facts.h"
#include "export/tables.h"
#include "model/portal.h"

namespace congkhai {

// The package name: the site title slugged ("cong-khai-ha-tinh"), or "cong-khai"; for a unit,
// followed by its path with "." for "/" ("cong-khai-ha-tinh.ha-tinh.huong-son").
// Always matches the Frictionless name pattern ^[a-z0-9._-]+$.
std::string datapackage_name(const Portal& portal, const Unit* scope);

// datapackage.json for `scope` (null: the whole portal), compact and deterministic (no
// creation time). `piece_dirs` are the data folders of the units it lists, as the descriptor
// names them (piece_dir_from), the same for every table; `csv_bytes` the size of each table's
// CSV, parallel to `tables`, written when there is exactly one piece (empty: no sizes).
std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::string>& piece_dirs,
                              const std::vector<std::size_t>& csv_bytes);

// Each table's schema as write_datapackage places it: the part of the descriptor that is the
// same for every unit, made once per build instead of once per unit.
std::vector<std::string> datapackage_schemas(const std::vector<DataTable>& tables);
// write_datapackage with the schemas made beforehand (`schemas` parallel to `tables`).
std::string write_datapackage(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                              const std::vector<DataTable>& tables,
                              const std::vector<std::string>& piece_dirs,
                              const std::vector<std::size_t>& csv_bytes,
                              const std::vector<std::string>& schemas);

}  // namespace congkhai
