#include "load/plan_loader.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

const char* kPlan = R"(---
number: 28/KH-UBND
title: Kế hoạch kiểm soát TTHC năm 2023
year: 2023
date: 2023-03-03
issuer: UBND xã Sơn Lâm
signer:
  name: Phan Thanh Nam
  title: Phó Chủ tịch
  capacity: [TM. Ủy ban nhân dân, KT. Chủ tịch]
legal_basis:
  - Nghị định số 63/2010/NĐ-CP
  - text: Quyết định số 07/QĐ-UBND
    url: https://example.gov.vn/qd-07
implements: Kế hoạch số 27/KH-UBND của UBND huyện Hương Sơn
recipients: [Văn phòng UBND huyện, "Lưu: VT."]
tasks:
  - section: Công tác chỉ đạo
    number: I
    tasks:
      - number: "1"
        task: Xây dựng Kế hoạch hoạt động kiểm soát TTHC năm 2023 của xã
        lead: Văn phòng HĐND - UBND xã
        partners: [Công chức Tư pháp, Công chức Địa chính]
        timeframe: Tháng 3 năm 2023
      - section: Niêm yết
        number: "2.1"
        tasks:
          - task: Niêm yết công khai
            id: niem-yet
  - task: Một nhiệm vụ không có số
targets:
  - id: truc-tuyen
    measure: Tỷ lệ hồ sơ trực tuyến
    comparison: at_least
    value: 50
    task: niem-yet
---

## I. Mục đích

Văn bản.
)";

TEST(PlanLoader, ReadsHeaderFields) {
  Diagnostics d;
  auto plan = parse_plan("content/x/plans/2023.md", kPlan, &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty()) << format_diagnostic(d.front());
  EXPECT_EQ(plan->id, "2023");
  EXPECT_EQ(plan->number, "28/KH-UBND");
  EXPECT_EQ(plan->year, 2023);
  EXPECT_EQ(plan->date, (Date{2023, 3, 3}));
  EXPECT_EQ(plan->signer.capacity.size(), 2u);
  ASSERT_EQ(plan->legal_basis.size(), 2u);
  EXPECT_EQ(plan->legal_basis[1].url, "https://example.gov.vn/qd-07");
  ASSERT_TRUE(plan->implements);
  EXPECT_EQ(plan->recipients.back(), "Lưu: VT.");
  EXPECT_EQ(plan->body_line, 39);
}

TEST(PlanLoader, KeepsTheTableInPrintedOrderWithNestedSections) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", kPlan, &d);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->tasks.size(), 3u);
  ASSERT_EQ(plan->sections.size(), 2u);
  EXPECT_EQ(plan->sections[1].depth, 2);
  EXPECT_EQ(plan->sections[1].parent, 0);
  EXPECT_EQ(plan->sections[1].number, "2.1");
  ASSERT_EQ(plan->table.size(), 5u);
  EXPECT_EQ(plan->table[0].kind, TableRow::Kind::kSection);
  EXPECT_EQ(plan->table[1].kind, TableRow::Kind::kTask);
  EXPECT_EQ(plan->tasks[0].number, "1");
  EXPECT_EQ(plan->tasks[2].number, "");
  EXPECT_EQ(plan->tasks[2].section, -1);
  EXPECT_EQ(plan->tasks[0].partners.size(), 2u);
  EXPECT_EQ(plan->tasks[0].lead, std::vector<std::string>{"Văn phòng HĐND - UBND xã"});
  EXPECT_EQ(plan->tasks[0].pos.line, 21);
}

TEST(PlanLoader, DerivesIdsFromTheFirstEightWords) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", kPlan, &d);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->tasks[0].id, "xay-dung-ke-hoach-hoat-dong-kiem-soat");
  EXPECT_FALSE(plan->tasks[0].id_explicit);
  EXPECT_EQ(plan->tasks[1].id, "niem-yet");
  EXPECT_TRUE(plan->tasks[1].id_explicit);
  EXPECT_EQ(derived_task_id("Định kỳ  hàng quý"), "dinh-ky-hang-quy");
}

TEST(PlanLoader, ReadsTargets) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", kPlan, &d);
  ASSERT_EQ(plan->targets.size(), 1u);
  EXPECT_EQ(plan->targets[0].comparison, Comparison::kAtLeast);
  EXPECT_EQ(plan->targets[0].value, 50);
  EXPECT_EQ(plan->targets[0].unit, "%");
  EXPECT_EQ(plan->targets[0].task, "niem-yet");
}

std::string with(const std::string& from, const std::string& to) {
  std::string s = kPlan;
  s.replace(s.find(from), from.size(), to);
  return s;
}

std::string with_in(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST(PlanLoader, NotInCopyListsTheHeaderFieldsTheCopyLacks) {
  Diagnostics d;
  std::string s = with("number: 28/KH-UBND\n", "not_in_copy: [number, date, place, issuer, signer]\n");
  s = with_in(s, "date: 2023-03-03\n", "");
  s = with_in(s, "issuer: UBND xã Sơn Lâm\n", "");
  s = with_in(s, "  name: Phan Thanh Nam\n", "");
  auto plan = parse_plan("p/2023.md", s, &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty()) << (d.empty() ? "" : d[0].message);
  EXPECT_TRUE(plan->not_in_copy.number && plan->not_in_copy.date && plan->not_in_copy.place &&
              plan->not_in_copy.issuer && plan->not_in_copy.signer);
  EXPECT_EQ(number_state(*plan), NumberState::kNotInCopy);
  EXPECT_EQ(plan->signer.title, "Phó Chủ tịch");  // the block's other lines may still be written
}

TEST(PlanLoader, ABlankNumberIsPrintedBlankNotUnknown) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", with("number: 28/KH-UBND", "number: /KH-UBND"), &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(number_state(*plan), NumberState::kBlank);
  EXPECT_FALSE(plan->not_in_copy.any());
}

TEST(PlanLoaderErrors, AMissingNumberSaysHowToWriteAnUnknownOne) {
  Diagnostics d;
  parse_plan("p/2023.md", with("number: 28/KH-UBND\n", ""), &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "thiếu khoá bắt buộc \"number\"");
  EXPECT_NE(d[0].hint.find("not_in_copy: [number]"), std::string::npos);
  EXPECT_NE(d[0].hint_en.find("not_in_copy: [number]"), std::string::npos);
}

TEST(PlanLoaderErrors, AFieldBothWrittenAndNotInCopyIsReported) {
  Diagnostics d;
  parse_plan("p/2023.md", with("year: 2023\n", "year: 2023\nnot_in_copy: [date, number, issuer]\n"), &d);
  ASSERT_EQ(d.size(), 3u);
  for (const Diagnostic& x : d) EXPECT_NE(x.message.find("not_in_copy"), std::string::npos) << x.message;
  EXPECT_EQ(d[0].pos.line, 2);  // number
}

TEST(PlanLoaderErrors, NotInCopyNamesOnlyHeaderFields) {
  Diagnostics d;
  parse_plan("p/2023.md", with("year: 2023\n", "year: 2023\nnot_in_copy: [title, ngay]\n"), &d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message, "\"title\" không phải một phần đầu văn bản mà \"not_in_copy\" ghi được");
  EXPECT_EQ(d[0].message_en, "\"title\" is not a header field \"not_in_copy\" can list");
  EXPECT_EQ(d[0].pos.line, 5);
}

TEST(PlanLoader, ReadsThePrintedColumnHeadings) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md",
                         with("tasks:\n", "appendix:\n  columns: {number: TT, output: Kết quả, lead: Bộ phận chủ trì}\ntasks:\n"), &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(plan->columns.number, "TT");
  EXPECT_EQ(plan->columns.output, "Kết quả");
  EXPECT_EQ(plan->columns.lead, "Bộ phận chủ trì");
  EXPECT_EQ(plan->columns.task, "");
}

TEST(PlanLoader, TheBodyMarksWhereTheTableStands) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", with("Văn bản.\n", "Văn bản.\n\n## II. Nội dung\n\n[[Bảng nhiệm vụ]]\n\n## III. Tổ chức\n"), &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty()) << (d.empty() ? "" : d[0].message);
  EXPECT_EQ(plan->table_marker, 7);  // the body starts with the line after "---"
  auto [before, after] = body_around_table(*plan);
  EXPECT_EQ(before, "\n## I. Mục đích\n\nVăn bản.\n\n## II. Nội dung\n\n");
  EXPECT_EQ(after, "\n## III. Tổ chức\n");

  auto appendix = parse_plan("p/2023.md", kPlan, &d);
  EXPECT_EQ(appendix->table_marker, -1);
}

TEST(PlanLoaderErrors, OneTableMarkerAtTheStartOfItsLine) {
  Diagnostics d;
  parse_plan("p/2023.md",
             with("Văn bản.\n", "Văn bản.\n\n[[bảng nhiệm vụ]]\n\n  [[bảng nhiệm vụ]]\n\n[[bảng nhiệm vu]]\n\n[[bảng nhiệm vụ]]\n"), &d);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].message, "dấu [[bảng nhiệm vụ]] phải đứng ở đầu dòng");
  EXPECT_EQ(d[0].pos.column, 3);
  EXPECT_EQ(d[1].message, "dấu \"[[bảng nhiệm vu]]\" không được hiểu");
  EXPECT_NE(d[2].message.find("xuất hiện lần thứ hai"), std::string::npos);
  EXPECT_EQ(d[2].pos.line, d[0].pos.line + 4);
}

TEST(PlanLoaderErrors, YamlSyntaxErrorPointsAtTheFileLine) {
  Diagnostics d;
  auto plan = parse_plan("p/2023.md", with("year: 2023", "year: [2023"), &d);
  EXPECT_FALSE(plan);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].path, "p/2023.md");
  EXPECT_GE(d[0].pos.line, 4);
  EXPECT_NE(d[0].message.find("cú pháp YAML"), std::string::npos);
}

TEST(PlanLoaderErrors, MissingRequiredFieldIsReported) {
  Diagnostics d;
  parse_plan("p/2023.md", with("title: Kế hoạch kiểm soát TTHC năm 2023\n", ""), &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "thiếu khoá bắt buộc \"title\"");
  EXPECT_EQ(d[0].pos.line, 2);
}

TEST(PlanLoaderErrors, UnknownKeySuggestsTheClosest) {
  Diagnostics d;
  parse_plan("p/2023.md", with("timeframe: Tháng 3", "timefrane: Tháng 3"), &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("\"timeframe\""), std::string::npos);
  EXPECT_EQ(d[0].pos.line, 25);
  EXPECT_EQ(d[0].pos.column, 9);
}

TEST(PlanLoaderErrors, ColumnsCountCharactersNotBytes) {
  Diagnostics d;
  parse_plan("p/2023.md", with("\"Lưu: VT.\"]", "{a: b}]"), &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 16);
  EXPECT_EQ(d[0].pos.column, 36);
}

TEST(PlanLoaderErrors, AllProblemsAreReportedAtOnce) {
  std::string s = with("year: 2023", "year: hai nghìn");
  s.replace(s.find("date: 2023-03-03"), 16, "date: 2023-02-30");
  s.replace(s.find("comparison: at_least"), 20, "comparison: toi_thieu");
  Diagnostics d;
  parse_plan("p/2023.md", s, &d);
  EXPECT_EQ(d.size(), 3u);
}

TEST(PlanLoaderErrors, SectionsNestAtMostThreeDeep) {
  std::string s = with("          - task: Niêm yết công khai\n            id: niem-yet\n", R"(          - section: c
            tasks:
              - section: d
                tasks:
                  - task: quá sâu
)");
  Diagnostics d;
  parse_plan("p/2023.md", s, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("3 cấp"), std::string::npos);
}

TEST(PlanLoaderErrors, MissingFrontMatter) {
  Diagnostics d;
  EXPECT_FALSE(parse_plan("p/2023.md", "# Kế hoạch\n", &d));
  ASSERT_EQ(d.size(), 1u);
}

TEST(PlanLoaderErrors, TooManyTasksAreRefusedOnce) {
  std::string text = "---\nnumber: x\ntitle: t\nyear: 2024\nissuer: i\ntasks:\n";
  for (std::size_t i = 0; i < kMaxTasksPerPlan + 10; ++i) text += "  - task: Nhiệm vụ " + std::to_string(i) + "\n";
  text += "---\n";
  Diagnostics d;
  auto plan = parse_plan("plans/2024.md", text, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 7 + static_cast<int>(kMaxTasksPerPlan));
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->tasks.size(), kMaxTasksPerPlan);
}

// Parses a plan whose only task carries `task_keys` (each line indented under "- task: X").
std::optional<Plan> plan_with(const std::string& extra, Diagnostics* d) {
  return parse_plan("p.md",
                    "---\nnumber: 1/KH\ntitle: T\nyear: 2024\nissuer: UBND\ntasks:\n  - task: Việc một\n" + extra +
                        "---\n",
                    d);
}

TEST(PlanLoaderOffices, PrintedTextIsKeptAndNeverSplitAtAComma) {
  Diagnostics d;
  auto p = plan_with("    lead: Các cơ quan, đơn vị, UBND cấp xã\n    partners: |-\n      Công an xã;\n      - Tư pháp.\n", &d);
  ASSERT_TRUE(p);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(p->tasks[0].lead_text, "Các cơ quan, đơn vị, UBND cấp xã");
  EXPECT_EQ(p->tasks[0].lead, std::vector<std::string>{"Các cơ quan, đơn vị, UBND cấp xã"});
  EXPECT_EQ(p->tasks[0].partners_text, "Công an xã;\n- Tư pháp.");
  EXPECT_EQ(p->tasks[0].partners, (std::vector<std::string>{"Công an xã", "Tư pháp"}));
}

TEST(PlanLoaderOffices, ListAndExplicitOffices) {
  Diagnostics d;
  auto p = plan_with("    lead:\n      - Công an xã\n      - Tư pháp\n    partners:\n      text: Phòng A, Phòng B\n"
                     "      offices: [Phòng A, Phòng B]\n", &d);
  ASSERT_TRUE(p);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(p->tasks[0].lead_text, "Công an xã\nTư pháp");
  EXPECT_EQ(p->tasks[0].lead, (std::vector<std::string>{"Công an xã", "Tư pháp"}));
  EXPECT_EQ(p->tasks[0].partners_text, "Phòng A, Phòng B");
  EXPECT_EQ(p->tasks[0].partners, (std::vector<std::string>{"Phòng A", "Phòng B"}));
}

TEST(PlanLoaderOffices, AListsItemNamesTheSameOfficeAsACellsText) {
  Diagnostics d;
  auto p = plan_with("    lead: [Các cán bộ công chức chuyên môn.]\n    partners: Các cán bộ công chức chuyên môn.\n", &d);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->tasks[0].lead_text, "Các cán bộ công chức chuyên môn.");
  EXPECT_EQ(p->tasks[0].lead, std::vector<std::string>{"Các cán bộ công chức chuyên môn"});
  EXPECT_EQ(p->tasks[0].partners, p->tasks[0].lead);
}

TEST(PlanLoaderOffices, BracketsSplittingOneNameAreWarnedAbout) {
  Diagnostics d;
  auto p = plan_with("    lead: [Các cơ quan, đơn vị, UBND cấp xã]\n    partners: [Công an xã, Tư pháp]\n", &d);
  ASSERT_TRUE(p);
  ASSERT_EQ(d.size(), 1u);  // two real offices in brackets are fine
  EXPECT_TRUE(d[0].warning);
  EXPECT_EQ(d[0].pos.line, 8);
  EXPECT_NE(d[0].message.find("\"lead\" viết trong [ ]"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].hint.find("`lead: Các cơ quan, đơn vị, UBND cấp xã`"), std::string::npos) << d[0].hint;
  Diagnostics lower;
  plan_with("    partners: [Công an xã, tổ chức có liên quan]\n", &lower);
  ASSERT_EQ(lower.size(), 1u);
  EXPECT_NE(lower[0].message.find("\"tổ chức có liên quan\" có vẻ"), std::string::npos) << lower[0].message;
}

TEST(PlanLoaderWarnings, TabInATaskAndASectionWithoutTasks) {
  Diagnostics d;
  auto p = parse_plan("p.md",
                      "---\nnumber: 1/KH\ntitle: T\nyear: 2024\nissuer: UBND\ntasks:\n"
                      "  - section: Kiểm tra\n    number: II\n    tasks: []\n  - task: Việc\tmột\n---\n",
                      &d);
  ASSERT_TRUE(p);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d[0].warning && d[1].warning);
  EXPECT_EQ(d[0].message, "phần \"II Kiểm tra\" không có nhiệm vụ nào (\"tasks\" để trống)");
  EXPECT_EQ(d[1].pos.line, 10);
  EXPECT_EQ(d[1].pos.column, 15);
  EXPECT_EQ(take_warnings(&d).size(), 2u);
  EXPECT_TRUE(d.empty());
}

TEST(PlanLoaderBlanks, BodyLineOfTheStartingFileIsReported) {
  Diagnostics d;
  auto p = parse_plan("p.md",
                      "---\nnumber: 1/KH\ntitle: T\nyear: 2024\nissuer: UBND\ntasks:\n  - task: Việc\n---\n\n"
                      "## I. MỤC ĐÍCH\n\n(điền phần mục đích như in trên văn bản)\n",
                      &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 12);
  EXPECT_EQ(d[0].message, "chưa điền: phần mục đích như in trên văn bản (chữ mẫu của tệp mẫu còn ở đây)");
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// A district plan's row "3. <text>" with empty cells and sub-rows 3.1, 3.2 (3.2.1 under 3.2).
const char* kSubtasks = R"(---
number: 28/KH-UBND
title: Kế hoạch kiểm soát TTHC năm 2024
year: 2024
issuer: UBND huyện A
tasks:
  - section: Nhiệm vụ
    number: C.
    tasks:
      - number: "3"
        id: mot-cua
        task: Thực hiện cơ chế một cửa, một cửa liên thông
        tasks:
          - number: "3.1"
            id: dong-bo
            task: Cập nhật, đồng bộ hồ sơ
            lead: Trung tâm PVHCC
          - number: "3.2"
            id: bo-chi-so
            task: Triển khai Bộ chỉ số
            tasks:
              - number: "3.2.1"
                id: theo-doi
                task: Theo dõi Bộ chỉ số
      - number: "4"
        id: bao-cao
        task: Báo cáo
targets:
  - id: dong-bo-ho-so
    measure: Tỷ lệ hồ sơ đồng bộ
    comparison: exactly
    value: 100
    statement: Cập nhật, đồng bộ 100% hồ sơ tiếp nhận
    task: dong-bo
  - id: hai-long
    measure: Mức độ hài lòng
    comparison: at_least
    value: 85
    statement: Mức độ hài lòng của người dân đạt từ 85% trở lên
    part: I. MỤC ĐÍCH
---

## I. MỤC ĐÍCH

Mức độ hài lòng của người dân đạt từ 85% trở lên.
)";

TEST(PlanLoader, ReadsSubTasksAsTasksUnderTheirTask) {
  Diagnostics d;
  auto plan = parse_plan("p/2024.md", kSubtasks, &d);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(d.empty()) << d.front().message;
  ASSERT_EQ(plan->tasks.size(), 5u);
  // Printed order: the task, its sub-rows, then the next task.
  EXPECT_EQ(plan->tasks[0].id, "mot-cua");
  EXPECT_EQ(plan->tasks[1].id, "dong-bo");
  EXPECT_EQ(plan->tasks[3].id, "theo-doi");
  EXPECT_EQ(plan->tasks[4].id, "bao-cao");
  EXPECT_EQ(plan->tasks[0].parent, -1);
  EXPECT_EQ(plan->tasks[0].subtasks, (std::vector<int>{1, 2}));
  EXPECT_EQ(plan->tasks[2].subtasks, (std::vector<int>{3}));
  EXPECT_EQ(plan->tasks[3].parent, 2);
  EXPECT_EQ(plan->tasks[4].parent, -1);
  EXPECT_EQ(plan->tasks[3].section, 0);  // a sub-task is in its task's section
  EXPECT_EQ(plan->tasks[1].lead, (std::vector<std::string>{"Trung tâm PVHCC"}));
  ASSERT_EQ(plan->table.size(), 6u);  // the section and five rows
  EXPECT_EQ(full_number(*plan, plan->tasks[3]), "C. › 3.2.1");
  EXPECT_EQ(full_number(*plan, plan->tasks[4]), "C. › 4");
}

TEST(PlanLoader, KeepsATargetsSentenceAndWhereItIsStated) {
  Diagnostics d;
  auto plan = parse_plan("p/2024.md", kSubtasks, &d);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->targets.size(), 2u);
  EXPECT_EQ(plan->targets[0].statement, "Cập nhật, đồng bộ 100% hồ sơ tiếp nhận");
  EXPECT_EQ(plan->targets[0].task, "dong-bo");
  EXPECT_EQ(plan->targets[0].part, "");
  EXPECT_EQ(plan->targets[1].part, "I. MỤC ĐÍCH");
  EXPECT_EQ(plan->targets[1].task, "");
}

}  // namespace
}  // namespace congkhai
