#include "model/diagnostic.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace congkhai {

std::string cell_reference(int row, int column) {
  row = row > 0 ? row : 1;
  if (column <= 0) return std::to_string(row) + ":" + std::to_string(row);
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

std::string format_diagnostic(const Diagnostic& d, bool english) {
  std::string out = d.path;
  if (d.sheet) {
    // What the official sees in the spreadsheet program: the sheet's tab and the cell.
    out += ':' + (d.sheet->empty() ? std::string() : *d.sheet + '!');
    out += d.pos.line > 0 ? cell_reference(d.pos.line, d.pos.column) : std::string("A1");
  } else {
    // Problems with a whole file point at its start, so every line reads path:line:column.
    out += ':' + std::to_string(d.pos.line > 0 ? d.pos.line : 1);
    out += ':' + std::to_string(d.pos.column > 0 ? d.pos.column : 1);
  }
  out += ": ";
  if (d.warning) out += english ? "warning: " : "cảnh báo: ";
  out += english && !d.message_en.empty() ? d.message_en : d.message;
  return out;
}

Diagnostic warning(std::string path, SourcePos pos, std::string message, std::string message_en,
                   std::string hint, std::string hint_en) {
  Diagnostic d(std::move(path), pos, std::move(message), std::move(message_en), std::move(hint),
               std::move(hint_en));
  d.warning = true;
  return d;
}

Diagnostics take_warnings(Diagnostics* ds) {
  Diagnostics warnings;
  auto problems = std::stable_partition(ds->begin(), ds->end(), [](const Diagnostic& d) { return !d.warning; });
  std::move(problems, ds->end(), std::back_inserter(warnings));
  ds->erase(problems, ds->end());
  return warnings;
}

void sort_diagnostics(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos.line, a.pos.column) < std::tie(b.path, b.pos.line, b.pos.column);
  });
}

}  // namespace congkhai
