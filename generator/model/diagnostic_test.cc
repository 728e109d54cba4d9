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

TEST(Diagnostic, WarningsReadAsSuchAndAreTakenApart) {
  Diagnostics ds{Diagnostic("a.md", {3, 5}, "lỗi", "problem"),
                 warning("a.md", {1, 1}, "có Tab", "a tab", "thay", "replace")};
  EXPECT_EQ(format_diagnostic(ds[1]), "a.md:1:1: cảnh báo: có Tab");
  EXPECT_EQ(format_diagnostic(ds[1], true), "a.md:1:1: warning: a tab");
  Diagnostics warnings = take_warnings(&ds);
  ASSERT_EQ(warnings.size(), 1u);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "lỗi");
}

}  // namespace
}  // namespace congkhai
