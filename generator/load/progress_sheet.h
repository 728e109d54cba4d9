// A progress record kept as a spreadsheet: progress/<period>.xlsx as `congkhai new progress
// --format xlsx` writes it and officials fill it in, or the same sheet saved as CSV. It becomes
// the same ProgressRecord as the YAML record, so every check and page downstream is shared;
// its problems name the cell ("progress/2025-q1.xlsx:Tiến độ!D8: …").
//
// The layout (shared with the writer, which is in the cli stage): a title row, then label and
// value pairs in columns A and B (plan id, period, date of the figures, reporting office),
// then a heading row and one row per task. Columns are found by their headings, so a column
// moved or inserted by hand is still read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/attached_file.h"
#include "load/xlsx_reader.h"
#include "model/diagnostic.h"
#include "model/progress.h"

namespace congkhai {

inline constexpr const char* kProgressSheetName = "Tiến độ";
inline constexpr const char* kProgressHelpSheetName = "Hướng dẫn";

// Labels of the record's own fields, in column A from row 2 on.
enum class ProgressSheetField { kPlan, kPeriod, kDate, kReportedBy };
struct ProgressSheetLabel {
  ProgressSheetField field;
  const char* vi;
};
const std::vector<ProgressSheetLabel>& progress_sheet_labels();

// The task table's columns, in the order the writer puts them.
enum class ProgressColumn { kNumber, kText, kLead, kStatus, kPercent, kDate, kNote, kEvidence, kTask };
struct ProgressColumnInfo {
  ProgressColumn column;
  const char* heading;  // as written in the heading row
  const char* help_vi;  // the help sheet's explanation
  bool to_fill;         // filled by the official (false: for reference, locked)
};
const std::vector<ProgressColumnInfo>& progress_columns();
inline constexpr int kProgressHeadingRow = 7;  // as the writer puts it; the reader searches

// The status an official typed, however typed: "Hoàn thành", "hoan thanh", "HOÀN THÀNH", NFD,
// "hủy bỏ" for "huỷ bỏ", or the YAML key "done". False when it is none of them.
bool match_task_status(std::string_view typed, TaskStatus* out);

// The cells of a CSV file (comma or semicolon separated, as Excel saves it by locale; a first
// line "sep=;" is honoured), every cell as text, rows and columns counted from 1.
Sheet parse_csv(std::string_view text);

// Reads progress/<name>.xlsx or .csv (by its extension).
std::optional<ProgressRecord> load_progress_sheet(const std::string& path, const std::string& content_dir,
                                                  Diagnostics* diags);
// The same from bytes already read; `csv` chooses the format. The evidence files found are
// added to `files` when given.
std::optional<ProgressRecord> parse_progress_sheet(const std::string& path, std::string_view bytes, bool csv,
                                                   const std::string& content_dir, Diagnostics* diags,
                                                   FileReferences* files = nullptr);

// A progress record of any kind: load_progress_sheet for .xlsx and .csv, else the YAML loader.
bool is_progress_sheet(const std::string& path);
std::optional<ProgressRecord> load_progress_record(const std::string& path, const std::string& content_dir,
                                                   Diagnostics* diags);

}  // namespace congkhai
