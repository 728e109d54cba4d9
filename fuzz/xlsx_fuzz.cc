// libFuzzer: bytes as a progress workbook (.xlsx), through the same steps as a build reads
// progress/*.xlsx: the zip opened with libzip under the size limits, the parts parsed with
// libxml2, the cells read into a progress record; bytes that are not a zip also go through the
// CSV reader. Evidence files resolve against a folder that does not exist.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/progress_sheet.h"
#include "load/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace congkhai;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  XlsxProblem problem;
  if (auto book = read_xlsx(bytes, &problem)) {
    for (const auto& sheet : book->sheets)
      for (const auto& c : sheet.cells)
        if (c.row < 1 || c.column < 1 || c.row > 1048576 || c.column > 16384) __builtin_trap();
  } else if (problem.vi.empty() || problem.en.empty()) {
    __builtin_trap();  // a refusal always says why
  }
  for (bool csv : {false, true}) {
    if (csv && bytes.substr(0, 2) == "PK") continue;
    Diagnostics diags;
    auto rec = parse_progress_sheet(csv ? "progress/2025-q1.csv" : "progress/2025-q1.xlsx", bytes, csv,
                                    "/nonexistent-content", &diags);
    for (const auto& d : diags)
      if (d.pos.line < 0 || d.pos.column < 0 || d.message.empty() || d.message_en.empty()) __builtin_trap();
    if (rec)
      for (const auto& e : rec->entries)
        if (e.task.empty() || e.percent < -1 || e.percent > 100) __builtin_trap();
  }
  return 0;
}
