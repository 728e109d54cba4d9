#include "model/plan.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

// Numbers are printed in many ways: "I", "2", "2.1", "1.", "a)". The page keeps each as printed
// and adds no punctuation of its own: "I" does not become "I.".
TEST(Numbered, KeepsThePrintedNumberAndAddsNoPunctuation) {
  EXPECT_EQ(numbered("2", "Tổ chức niêm yết"), "2 Tổ chức niêm yết");
  EXPECT_EQ(numbered("2.", "Tổ chức niêm yết"), "2. Tổ chức niêm yết");
  EXPECT_EQ(numbered("a)", "Tổ chức niêm yết"), "a) Tổ chức niêm yết");
  EXPECT_EQ(numbered("", "Tổ chức niêm yết"), "Tổ chức niêm yết");
}

Plan nested_plan() {
  // C. › 3. › (task 2) and (task 3 with sub-rows 3.1, 3.2); II › (unnumbered section) › 1
  Plan p;
  p.sections = {{"C.", "Phần C", 1, -1, {}}, {"3.", "Mục 3", 2, 0, {}}, {"II", "Phần II", 1, -1, {}},
                {"", "Không số", 2, 2, {}}, {"2.1", "Mục 2.1", 1, -1, {}}};
  auto task = [&](std::string number, int section, int parent = -1) {
    Task t;
    t.number = std::move(number);
    t.section = section;
    t.parent = parent;
    p.tasks.push_back(t);
    if (parent >= 0) p.tasks[parent].subtasks.push_back(static_cast<int>(p.tasks.size() - 1));
  };
  task("2", 1);        // 0
  task("3", 1);        // 1
  task("3.1", 1, 1);   // 2
  task("3.2", 1, 1);   // 3
  task("1", 3);        // 4
  task("", 1);         // 5
  task("2.1.2", 4);    // 6
  task("a)", 1, 1);    // 7
  return p;
}

TEST(FullNumber, CarriesEverySectionAndParentTaskAsPrinted) {
  Plan p = nested_plan();
  EXPECT_EQ(full_number(p, p.tasks[0]), "C. › 3. › 2");
  EXPECT_EQ(full_number(p, p.tasks[1]), "C. › 3. › 3");
  // "3.1" already carries its task's "3": it stands for both (the section is "3.").
  EXPECT_EQ(full_number(p, p.tasks[2]), "C. › 3. › 3.1");
  EXPECT_EQ((number_path(p, p.tasks[3])), (std::vector<std::string>{"C.", "3.", "3.2"}));
  // Under a section printed "3", the sub-row "3.1" of a task is read the same way.
  // A section printed without a number adds nothing; "I" stays "I".
  EXPECT_EQ(full_number(p, p.tasks[4]), "II › 1");
  // A row printed without a number has no full number (its sections' would name them).
  EXPECT_EQ(full_number(p, p.tasks[5]), "");
  EXPECT_EQ(full_number(p, p.tasks[6]), "2.1.2");
  EXPECT_EQ(full_number(p, p.tasks[7]), "C. › 3. › 3 › a)");
  EXPECT_EQ(section_full_number(p, 1), "C. › 3.");
  EXPECT_EQ(section_full_number(p, 3), "");
  EXPECT_EQ(numbered_task(p, p.tasks[4], "Rà soát"), "II › 1 Rà soát");
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
