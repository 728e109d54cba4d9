#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace congkhai {

std::string format_diagnostic(const Diagnostic& d, bool english) {
  // Problems with a whole file point at its start, so every line reads path:line:column.
  std::string out = d.path;
  out += ':' + std::to_string(d.pos.line > 0 ? d.pos.line : 1);
  out += ':' + std::to_string(d.pos.column > 0 ? d.pos.column : 1);
  out += ": ";
  out += english && !d.message_en.empty() ? d.message_en : d.message;
  return out;
}

void sort_diagnostics(Diagnostics& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos.line, a.pos.column) < std::tie(b.path, b.pos.line, b.pos.column);
  });
}

}  // namespace congkhai
