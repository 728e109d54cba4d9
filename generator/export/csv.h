// CSV as RFC 4180 describes it, safe to open in a spreadsheet.
//
// - UTF-8 with a byte-order mark: Excel reads a CSV without one in the machine's legacy code
//   page and garbles Vietnamese; with one it reads UTF-8. Data tools (Frictionless, pandas,
//   Python's "utf-8-sig") skip it.
// - Lines end in CRLF; a field holding a comma, a double quote, CR or LF is quoted, and its
//   quotes doubled. Line breaks inside text are kept as written (LF).
// - Spreadsheet injection: a text cell starting with =, +, -, @, tab or CR would be read as a
//   formula, so it gets a leading apostrophe ("'=1+1"). Only text columns are touched: number,
//   integer, boolean and date columns are written as plain values ("-3.5" stays a number).
#pragma once

#include <string>
#include <string_view>

#include "export/tables.h"

namespace congkhai {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// "'=SUM(A1)" for "=SUM(A1)"; other text unchanged.
std::string neutralise_formula(std::string_view text);

// One field, quoted when RFC 4180 requires it.
std::string csv_field(std::string_view text);

// One record: fields joined by commas, ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// The table as a CSV file: BOM, header row of field names, then the rows.
std::string write_csv(const DataTable& table);

// write_csv in pieces, for tables that share rows: the byte-order mark and the header line,
// then one line per row. write_csv(t) == csv_head(t) + csv_row(t, row) for each row.
std::string csv_head(const DataTable& table);
std::string csv_row(const DataTable& table, const std::vector<std::string>& row);
// csv_row appended to `out`.
void append_csv_row(std::string* out, const DataTable& table, const std::vector<std::string>& row);

}  // namespace congkhai
