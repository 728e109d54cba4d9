#include "model/plan.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

// Numbers are printed in many ways: "I", "2", "2.1", "1.", "a)". A reader sees one full stop.
TEST(NumberMark, AddsAFullStopOnlyWhereThePrintedNumberHasNone) {
  EXPECT_EQ(number_mark("I"), "I.");
  EXPECT_EQ(number_mark("2.1"), "2.1.");
  EXPECT_EQ(number_mark("1."), "1.");
  EXPECT_EQ(number_mark("a)"), "a)");
  EXPECT_EQ(number_mark(""), "");
}

TEST(Numbered, JoinsTheMarkAndTheText) {
  EXPECT_EQ(numbered("2", "Tổ chức niêm yết"), "2. Tổ chức niêm yết");
  EXPECT_EQ(numbered("2.", "Tổ chức niêm yết"), "2. Tổ chức niêm yết");
  EXPECT_EQ(numbered("", "Tổ chức niêm yết"), "Tổ chức niêm yết");
}

TEST(SplitOffices, OnlySemicolonsAndLineBreaksSplit) {
  EXPECT_EQ(split_offices("Các cơ quan, đơn vị, UBND cấp xã"), std::vector<std::string>{"Các cơ quan, đơn vị, UBND cấp xã"});
  EXPECT_EQ(split_offices("Phòng Văn hóa - Thông tin; UBND cấp xã."),
            (std::vector<std::string>{"Phòng Văn hóa - Thông tin", "UBND cấp xã"}));
  EXPECT_EQ(split_offices("- Công an xã;\n+ Tư pháp\n\n"), (std::vector<std::string>{"Công an xã", "Tư pháp"}));
  EXPECT_TRUE(split_offices(" ; ").empty());
  EXPECT_EQ(office_cell("", {"A", "B"}), "A\nB");
  EXPECT_EQ(office_cell("A, B", {"A", "B"}), "A, B");
}

}  // namespace
}  // namespace congkhai
