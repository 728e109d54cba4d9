// The five open-data tables (plans, tasks, progress entries, targets, measurements): their
// columns with types and bilingual descriptions, and their rows for the whole portal or one
// unit. The CSV files and the Data Package descriptor are both written from these, so a
// column can never be described differently from how it is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
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

// The rows of the five tables, one plan at a time. Every table lists its rows plan by plan,
// in `portal.plans` order (a plan, its tasks in printed order, its targets; its progress
// entries and measurements by date, then file and position), and a unit's tables hold the
// rows of its own plans; so a table can be made per plan, on many threads, and each unit's
// table is the head and its plans' rows, without ever holding the portal's cells.
class PlanRows {
 public:
  // Indexes the progress entries and measurements by plan; both arguments must outlive this.
  PlanRows(const Portal& portal, const PortalFacts& facts);

  // Table indexes into table_definitions().
  enum Table : std::size_t { kPlans, kTasks, kProgress, kTargets, kMeasurements };
  using Row = std::function<void(std::vector<std::string> cells)>;
  // Calls `row` with the cells of each row plan `plan` gives table `table`, in order. A plan
  // whose unit is not in the portal gives none, nor do entries whose file or position is.
  void each_row(std::size_t table, std::size_t plan, const Row& row) const;
  const std::vector<DataTable>& tables() const { return tables_; }  // the definitions

 private:
  void plan_row(std::size_t plan, const Row& row) const;
  void task_rows(std::size_t plan, const Row& row) const;
  void progress_rows(std::size_t plan, const Row& row) const;
  void target_rows(std::size_t plan, const Row& row) const;
  void measurement_rows(std::size_t plan, const Row& row) const;

  const Portal& portal_;
  const PortalFacts& facts_;
  std::vector<DataTable> tables_;
  std::string as_of_;
  std::vector<std::vector<std::uint32_t>> entries_;       // per plan: into facts.entries
  std::vector<std::vector<std::uint32_t>> measurements_;  // per plan: into facts.measurements
};

// For each unit, the plans whose rows its tables hold, in plan order: its own, those whose
// rows' unit_path names it (the first unit with that path).
std::vector<std::vector<std::size_t>> plans_by_unit(const Portal& portal);

// The tables filled with the rows of the whole portal when `scope` is null, else with those
// of the unit's own plans (plans_by_unit), in PlanRows order. For tests and small portals:
// the build makes the CSVs plan by plan instead (exports.h).
std::vector<DataTable> build_tables(const Portal& portal, const PortalFacts& facts,
                                    const Unit* scope);

}  // namespace congkhai
