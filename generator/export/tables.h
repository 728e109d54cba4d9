// The five open-data tables (plans, tasks, progress entries, targets, measurements): their
// columns with types and bilingual descriptions, and their rows for the whole portal or one
// unit. The CSV files and the Data Package descriptor are both written from these, so a
// column can never be described differently from how it is written.
#pragma once

#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai {

// Frictionless Table Schema types used by the tables.
enum class FieldType { kString, kInteger, kNumber, kBoolean, kDate };
std::string field_type_name(FieldType type);  // "string", "integer", …

struct DataField {
  std::string name;            // CSV header, English snake_case like the content keys
  FieldType type = FieldType::kString;
  std::string title;           // Vietnamese
  std::string description;     // Vietnamese
  std::string description_en;  // English
  bool required = false;
  std::vector<std::string> values;  // the allowed keys, when the column is an enumeration
};

struct ForeignKey {
  std::vector<std::string> fields;
  std::string resource;  // the referenced table's name
  std::vector<std::string> reference_fields;
};

struct DataTable {
  std::string name;  // resource name and file stem: "nhiem-vu"
  std::string title, title_en;
  std::string description, description_en;
  std::vector<DataField> fields;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;
  // Cells as written to CSV, parallel to `fields`: numbers in plain decimal, booleans
  // "true"/"false", dates "YYYY-MM-DD", "" when missing. Text is verbatim (no CSV
  // neutralisation yet: that belongs to the CSV writer).
  std::vector<std::vector<std::string>> rows;

  std::string file() const { return name + ".csv"; }
};

// The tables with their columns and no rows, in publishing order:
// ke-hoach, nhiem-vu, tien-do, chi-tieu, so-lieu.
std::vector<DataTable> table_definitions();

// The tables filled for the units in scope: the whole portal when `scope` is null, else the
// unit and its descendants. Rows follow the portal's order (unit, plan, printed task order;
// progress and measurements by date, then file and position), so output is stable.
std::vector<DataTable> build_tables(const Portal& portal, const PortalFacts& facts,
                                    const Unit* scope);

// The portal-wide tables split by unit: element i holds the rows of unit i and of the units
// below it, for every unit at once (each row is visited once per ancestor, so a national
// portal stays fast). `portal_tables` is build_tables(portal, facts, nullptr).
std::vector<std::vector<DataTable>> split_tables_by_unit(
    const Portal& portal, const std::vector<DataTable>& portal_tables);

}  // namespace congkhai
