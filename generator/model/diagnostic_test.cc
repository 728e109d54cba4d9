#include "model/diagnostic.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(Diagnostic, CellReferences) {
  EXPECT_EQ(cell_reference(7, 3), "C7");
  EXPECT_EQ(cell_reference(1, 26), "Z1");
  EXPECT_EQ(cell_reference(10, 27), "AA10");
  EXPECT_EQ(cell_reference(2, 16384), "XFD2");
  EXPECT_EQ(cell_reference(12, 0), "12:12");
}

TEST(Diagnostic, FileLineColumnOrSheetCell) {
  Diagnostic d{"content/x/progress/2025-q1.yaml", {5, 13}, "trạng thái \"xong\" không hợp lệ", "unknown status \"xong\""};
  EXPECT_EQ(format_diagnostic(d), "content/x/progress/2025-q1.yaml:5:13: trạng thái \"xong\" không hợp lệ");
  d.path = "content/x/progress/2025-q1.xlsx";
  d.pos = {7, 4};
  d.sheet = "Tiến độ";
  EXPECT_EQ(format_diagnostic(d), "content/x/progress/2025-q1.xlsx:Tiến độ!D7: trạng thái \"xong\" không hợp lệ");
  EXPECT_EQ(format_diagnostic(d, true), "content/x/progress/2025-q1.xlsx:Tiến độ!D7: unknown status \"xong\"");
  d.sheet = "";  // a CSV file has no sheet
  EXPECT_EQ(format_diagnostic(d), "content/x/progress/2025-q1.xlsx:D7: trạng thái \"xong\" không hợp lệ");
  d.pos = {};  // the whole workbook
  d.sheet = "Tiến độ";
  EXPECT_EQ(format_diagnostic(d), "content/x/progress/2025-q1.xlsx:Tiến độ!A1: trạng thái \"xong\" không hợp lệ");
}

}  // namespace
}  // namespace congkhai
