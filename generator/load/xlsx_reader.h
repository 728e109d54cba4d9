// Reading an Excel workbook (.xlsx) into cells: the zip is opened with libzip, the workbook,
// shared strings, styles and sheets are parsed with libxml2. Only what a progress sheet needs
// is kept: each cell's value as written, whether it was a formula, and its number format.
//
// A workbook is refused whole, before any cell is read, when it holds what a spreadsheet can
// hide from the official who saves it: macros (vbaProject.bin, a macro-enabled content type),
// links to other workbooks (xl/externalLinks/, external relationships), a DOCTYPE (entities),
// or more inflated bytes than the limits below (a zip bomb): sizes are checked from the zip's
// directory before inflating and again while inflating, since the directory can lie.
#pragma once

#include "load/office_package.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

inline constexpr std::size_t kMaxXlsxEntryBytes = 16 * 1024 * 1024;   // one inflated part
inline constexpr std::size_t kMaxXlsxTotalBytes = 32 * 1024 * 1024;   // all parts read
inline constexpr std::size_t kMaxXlsxRatio = 200;                     // inflated / compressed
inline constexpr std::size_t kMaxXlsxEntries = 2000;

struct SheetCell {
  enum class Type { kText, kNumber, kBoolean, kError };
  int row = 0;     // from 1
  int column = 0;  // from 1 (A = 1)
  Type type = Type::kText;
  std::string value;          // text, or the number as written in the file ("0.5", "45747")
  bool formula = false;       // the cell holds a formula; `value` is its cached result
  bool has_value = true;      // false for a formula never calculated (no cached result)
  std::string number_format;  // the format code of the cell's style: "0%", "dd/mm/yyyy", ""
};

struct CellRange {
  int first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct Sheet {
  std::string name;
  std::vector<SheetCell> cells;  // in file order: row by row, left to right
  std::vector<CellRange> merged;
};

struct Workbook {
  std::vector<Sheet> sheets;  // in tab order
  bool date1904 = false;      // serial dates count from 1904-01-01 (old Mac workbooks)
};

using XlsxProblem = PackageProblem;

// Reads a whole workbook from its bytes; nullopt and `problem` set when it is refused.
std::optional<Workbook> read_xlsx(std::string_view bytes, XlsxProblem* problem);

// Whether a number format shows a date ("dd/mm/yyyy", built-in 14 …) or a percent ("0%").
bool is_date_format(std::string_view code);
bool is_percent_format(std::string_view code);

// "C7" → row 7, column 3; false when it is not a cell reference.
bool parse_cell_reference(std::string_view ref, int* row, int* column);

}  // namespace congkhai
