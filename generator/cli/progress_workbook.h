// progress/<period>.xlsx for `congkhai new progress --format xlsx`: one row per task of the
// plan, the columns and labels load/progress_sheet.h reads back. The task's number, text, lead
// office and id are locked (for reference); status is a drop-down of the Vietnamese values.
// A second sheet explains each column. Written with libxlsxwriter.
#pragma once

#include <string>

#include "model/plan.h"
#include "model/report.h"

namespace congkhai {

// Writes the workbook at `path` (which must not exist); false and `error` set on failure.
bool write_progress_workbook(const std::string& path, const Plan& plan, const Period& period, std::string* error);

}  // namespace congkhai
