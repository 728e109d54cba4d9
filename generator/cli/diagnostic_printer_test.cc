#include "cli/diagnostic_printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace congkhai {
namespace {

// A spreadsheet's problem names its cell; there is no line of text to show under it (the file
// is a zip), and GitHub gets the cell in the message rather than a line number.
TEST(DiagnosticPrinter, ACellHasNoExcerptAndItsAnnotationNamesIt) {
  Diagnostic d{CONGKHAI_SOURCE_DIR "/tests/fixtures/spreadsheets/libreoffice-filled.xlsx", {8, 4},
               "trạng thái \"xong\" không hợp lệ", "unknown status \"xong\"", "chọn trong danh sách", "choose from the list"};
  d.sheet = "Tiến độ";
  std::ostringstream out;
  PrintOptions options;
  options.github = true;
  print_diagnostics({d}, options, out);
  EXPECT_EQ(out.str(), d.path + ":Tiến độ!D8: trạng thái \"xong\" không hợp lệ\n"
                       "  gợi ý: chọn trong danh sách\n"
                       "::error file=" + d.path + "::Tiến độ!D8: trạng thái \"xong\" không hợp lệ%0Achọn trong danh sách\n"
                       "Tìm thấy 1 lỗi.\n");
}

}  // namespace
}  // namespace congkhai
