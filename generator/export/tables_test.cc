#include "export/tables.h"

#include <gtest/gtest.h>

#include <set>

#include "export/testing_portal.h"

namespace congkhai {
namespace {

using testing::make_test_facts;
using testing::make_test_portal;

const DataTable& table(const std::vector<DataTable>& tables, const std::string& name) {
  for (const auto& t : tables)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

std::string cell(const DataTable& t, size_t row, const std::string& column) {
  for (size_t i = 0; i < t.fields.size(); ++i)
    if (t.fields[i].name == column) return t.rows.at(row).at(i);
  throw std::runtime_error("no column " + column);
}

TEST(Tables, FiveTablesInPublishingOrder) {
  auto tables = table_definitions();
  std::vector<std::string> names;
  for (const auto& t : tables) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ke-hoach", "nhiem-vu", "tien-do", "chi-tieu",
                                             "so-lieu"}));
}

TEST(Tables, EveryColumnIsNamedOnceAndDescribedInBothLanguages) {
  for (const auto& t : table_definitions()) {
    std::set<std::string> seen;
    EXPECT_EQ(t.fields.at(0).name, "unit_path") << t.name;
    for (const auto& f : t.fields) {
      EXPECT_TRUE(seen.insert(f.name).second) << t.name << "." << f.name;
      EXPECT_FALSE(f.title.empty()) << t.name << "." << f.name;
      EXPECT_FALSE(f.description.empty()) << t.name << "." << f.name;
      EXPECT_FALSE(f.description_en.empty()) << t.name << "." << f.name;
    }
    for (const auto& k : t.primary_key) EXPECT_TRUE(seen.count(k)) << t.name << " key " << k;
    for (const auto& fk : t.foreign_keys)
      for (const auto& k : fk.fields) EXPECT_TRUE(seen.count(k)) << t.name << " fk " << k;
  }
}

TEST(Tables, RowsHaveOneCellPerColumn) {
  auto tables = build_tables(make_test_portal(), make_test_facts(), nullptr);
  for (const auto& t : tables)
    for (const auto& row : t.rows) EXPECT_EQ(row.size(), t.fields.size()) << t.name;
}

TEST(Tables, PortalWideTablesHoldEveryUnit) {
  auto tables = build_tables(make_test_portal(), make_test_facts(), nullptr);
  EXPECT_EQ(table(tables, "ke-hoach").rows.size(), 2u);
  EXPECT_EQ(table(tables, "nhiem-vu").rows.size(), 4u);
  EXPECT_EQ(table(tables, "tien-do").rows.size(), 2u);
  EXPECT_EQ(table(tables, "chi-tieu").rows.size(), 2u);
  EXPECT_EQ(table(tables, "so-lieu").rows.size(), 2u);
}

TEST(Tables, PlansNameThePlanTheyImplementWhenItIsInThePortal) {
  auto plain = table(build_tables(make_test_portal(), make_test_facts(), nullptr), "ke-hoach");
  EXPECT_EQ(cell(plain, 0, "implements"), "Kế hoạch số 27/KH-UBND của UBND huyện Hương Sơn");
  EXPECT_EQ(cell(plain, 0, "implements_unit_path"), "");
  EXPECT_EQ(cell(plain, 0, "implements_plan_id"), "");
  auto linked = table(build_tables(testing::make_test_portal_with_parent_plan(), make_test_facts(), nullptr), "ke-hoach");
  EXPECT_EQ(cell(linked, 0, "implements_unit_path"), "ha-tinh/huong-son");
  EXPECT_EQ(cell(linked, 0, "implements_plan_id"), "2023");
}

TEST(Tables, UnitTablesHoldTheUnitsOwnPlansOnly) {
  Portal portal = testing::make_test_portal_with_parent_plan();
  PortalFacts facts = make_test_facts();
  auto son_lam = build_tables(portal, facts, &portal.units[2]);
  EXPECT_EQ(table(son_lam, "nhiem-vu").rows.size(), 3u);
  EXPECT_EQ(table(son_lam, "so-lieu").rows.size(), 2u);
  EXPECT_EQ(cell(table(son_lam, "ke-hoach"), 0, "unit_path"), "ha-tinh/huong-son/son-lam");
  auto dinh_hoa = build_tables(portal, facts, &portal.units[4]);
  ASSERT_EQ(table(dinh_hoa, "nhiem-vu").rows.size(), 1u);
  EXPECT_EQ(cell(table(dinh_hoa, "nhiem-vu"), 0, "task_id"), "so-hoa");
  EXPECT_TRUE(table(dinh_hoa, "tien-do").rows.empty());
  // Hương Sơn: its own plan, not Sơn Lâm's below it.
  auto huong_son = build_tables(portal, facts, &portal.units[1]);
  ASSERT_EQ(table(huong_son, "ke-hoach").rows.size(), 1u);
  EXPECT_EQ(cell(table(huong_son, "ke-hoach"), 0, "unit_path"), "ha-tinh/huong-son");
  EXPECT_TRUE(table(huong_son, "so-lieu").rows.empty());
  // Provinces without plans of their own: nothing, whatever is below them.
  EXPECT_TRUE(table(build_tables(portal, facts, &portal.units[0]), "ke-hoach").rows.empty());
  EXPECT_TRUE(table(build_tables(portal, facts, &portal.units[3]), "ke-hoach").rows.empty());
  Unit elsewhere;
  EXPECT_TRUE(table(build_tables(portal, facts, &elsewhere), "nhiem-vu").rows.empty());
}

TEST(Tables, PlanRowCarriesCountsAndPartialDates) {
  auto plans = table(build_tables(make_test_portal(), make_test_facts(), nullptr), "ke-hoach");
  EXPECT_EQ(cell(plans, 0, "date"), "2023-03-03");
  EXPECT_EQ(cell(plans, 0, "tasks_overdue"), "1");
  EXPECT_EQ(cell(plans, 0, "legal_basis"), "Nghị định số 63/2010/NĐ-CP\nQuyết định số 07/QĐ-UBND");
  EXPECT_EQ(cell(plans, 0, "data_json"), "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json");
  // "ngày … tháng 01 năm 2026": not a date column value, but kept as written.
  EXPECT_EQ(cell(plans, 1, "date"), "");
  EXPECT_EQ(cell(plans, 1, "date_text"), "2026-01");
  EXPECT_EQ(cell(plans, 1, "unit_name"), "xã Định Hoá");
}

TEST(Tables, PlanRowCarriesTheTableHeadingAndWhatTheCopyLacks) {
  Portal portal = make_test_portal();
  portal.plans[0].appendix_title = "NỘI DUNG KẾ HOẠCH";
  portal.plans[0].appendix_note = "(Kèm theo Kế hoạch số 28/KH-UBND)";
  portal.plans[1].not_in_copy.date = portal.plans[1].not_in_copy.place = true;
  auto plans = table(build_tables(portal, make_test_facts(), nullptr), "ke-hoach");
  EXPECT_EQ(cell(plans, 0, "appendix_title"), "NỘI DUNG KẾ HOẠCH");
  EXPECT_EQ(cell(plans, 0, "appendix_note"), "(Kèm theo Kế hoạch số 28/KH-UBND)");
  EXPECT_EQ(cell(plans, 0, "not_in_copy"), "");
  EXPECT_EQ(cell(plans, 1, "not_in_copy"), "date place");
  EXPECT_EQ(cell(plans, 1, "appendix_title"), "");
}

TEST(Tables, TaskRowCarriesParsedTimeframeAndStatus) {
  auto tasks = table(build_tables(make_test_portal(), make_test_facts(), nullptr), "nhiem-vu");
  EXPECT_EQ(cell(tasks, 0, "due"), "2023-03-31");
  EXPECT_EQ(cell(tasks, 0, "status"), "done");
  // The whole path, each number as printed: "I" stays "I".
  EXPECT_EQ(cell(tasks, 0, "full_number"), "I › 1");
  EXPECT_EQ(cell(tasks, 0, "section_path"), "I");
  EXPECT_EQ(cell(tasks, 0, "counted"), "true");
  EXPECT_EQ(cell(tasks, 0, "partners"), "Công an xã; Bộ phận một cửa");
  EXPECT_EQ(cell(tasks, 1, "cadences"), "continuous quarterly");
  EXPECT_EQ(cell(tasks, 1, "on_demand"), "true");
  EXPECT_EQ(cell(tasks, 1, "percent"), "40");
  EXPECT_EQ(cell(tasks, 2, "checkpoints"), "2023-05-31");
  EXPECT_EQ(cell(tasks, 2, "overdue"), "true");
  EXPECT_EQ(cell(tasks, 2, "overdue_days"), "30");
  EXPECT_EQ(cell(tasks, 2, "percent"), "");  // never reported
}

bool has_column(const DataTable& t, const std::string& column) {
  for (const auto& f : t.fields)
    if (f.name == column) return true;
  return false;
}

std::string description(const DataTable& t, const std::string& column) {
  for (const auto& f : t.fields)
    if (f.name == column) return f.description + " / " + f.description_en;
  throw std::runtime_error("no column " + column);
}

// What follows from another column is written once, and the column's description says how:
// a code's Vietnamese label, a task's or target's page, a task's full number, the innermost
// section, an office cell that is just its offices one per line.
TEST(Tables, WhatFollowsFromAnotherColumnIsNotRepeatedOnEveryRow) {
  auto tables = table_definitions();
  for (const auto& [t, gone] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"nhiem-vu", {"status_vi", "page", "section_number", "section_title"}},
           {"tien-do", {"status_vi", "task_number"}},
           {"chi-tieu", {"comparison_vi", "result_vi", "task_number", "page"}}})
    for (const auto& column : gone) EXPECT_FALSE(has_column(table(tables, t), column)) << t << "." << column;
  for (const char* t : {"nhiem-vu", "tien-do"}) {
    const std::string status = description(table(tables, t), "status");
    for (const char* label : {"not_started (chưa bắt đầu)", "in_progress (đang thực hiện)", "done (hoàn thành)",
                              "postponed (tạm hoãn)", "cancelled (huỷ bỏ)"})
      EXPECT_NE(status.find(label), std::string::npos) << t << ": " << label;
  }
  EXPECT_NE(description(table(tables, "chi-tieu"), "comparison").find("at_most (tối đa)"), std::string::npos);
  EXPECT_NE(description(table(tables, "chi-tieu"), "result").find("no_data (chưa có số liệu)"), std::string::npos);
  EXPECT_NE(description(table(tables, "nhiem-vu"), "task_id").find("#nv-<task_id>"), std::string::npos);
  EXPECT_NE(description(table(tables, "chi-tieu"), "target_id").find("#ct-<target_id>"), std::string::npos);
  EXPECT_NE(description(table(tables, "tien-do"), "task_id").find("nhiem-vu"), std::string::npos);
}

// The task's page is its plan's page and its anchor, as the description says.
TEST(Tables, ATasksPageIsItsPlansPageAndItsAnchor) {
  for (const char* base : {"", "https://congkhai.example.vn/"}) {
    auto tables = build_tables(make_test_portal(base), make_test_facts(), nullptr);
    EXPECT_EQ(cell(table(tables, "ke-hoach"), 0, "page") + "#nv-" + cell(table(tables, "nhiem-vu"), 2, "task_id"),
              std::string(base) + "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-niem-yet");
  }
}

// The printed office cell is given only where it is not just the offices one per line.
TEST(Tables, APrintedOfficeCellIsGivenOnlyWhenTheOfficesDoNotSayIt) {
  Portal portal = make_test_portal();
  portal.plans[0].tasks[1].lead_text = "Văn phòng HĐND - UBND xã\n(chủ trì)";
  portal.plans[0].tasks[1].partners_text = "- Công an xã;\n- Đoàn xã";
  portal.plans[0].tasks[1].partners = {"Công an xã", "Đoàn xã"};
  portal.plans[0].tasks[2].partners_text = "Công an xã, Đoàn xã";  // one office: never split at a comma
  portal.plans[0].tasks[2].partners = {"Công an xã, Đoàn xã"};
  portal.plans[0].tasks[0].lead_text = "Văn phòng HĐND - UBND xã";  // just its office
  auto tasks = table(build_tables(portal, make_test_facts(), nullptr), "nhiem-vu");
  EXPECT_EQ(cell(tasks, 0, "lead"), "Văn phòng HĐND - UBND xã");
  EXPECT_EQ(cell(tasks, 0, "lead_text"), "");
  EXPECT_EQ(cell(tasks, 0, "partners"), "Công an xã; Bộ phận một cửa");
  EXPECT_EQ(cell(tasks, 0, "partners_text"), "");  // "Công an xã\nBộ phận một cửa"
  EXPECT_EQ(cell(tasks, 1, "lead_text"), "Văn phòng HĐND - UBND xã\n(chủ trì)");
  EXPECT_EQ(cell(tasks, 1, "partners_text"), "- Công an xã;\n- Đoàn xã");
  EXPECT_EQ(cell(tasks, 2, "partners"), "Công an xã, Đoàn xã");
  EXPECT_EQ(cell(tasks, 2, "partners_text"), "");
  EXPECT_EQ(cell(tasks, 2, "lead_text"), "");  // no office printed
  EXPECT_EQ(cell(tasks, 2, "lead"), "");
}

TEST(Tables, NumbersAreShortestAndLinksEncoded) {
  Portal portal = make_test_portal("https://congkhai.example.vn/");
  auto tables = build_tables(portal, make_test_facts(), nullptr);
  EXPECT_EQ(cell(table(tables, "chi-tieu"), 1, "value"), "-2.5");
  EXPECT_EQ(cell(table(tables, "chi-tieu"), 0, "latest_value"), "41.5");
  EXPECT_EQ(cell(table(tables, "chi-tieu"), 0, "result"), "not_met");
  EXPECT_EQ(cell(table(tables, "so-lieu"), 1, "value"), "-3");
  // From the unit's progress/ folder: the row names the unit already.
  EXPECT_EQ(cell(table(tables, "so-lieu"), 0, "record"), "2023-q1.yaml");
  EXPECT_EQ(cell(table(tables, "tien-do"), 0, "record"), "2023-q1.yaml");
  EXPECT_EQ(cell(table(tables, "tien-do"), 0, "evidence"),
            "Bản scan (https://congkhai.example.vn/tep/ha-tinh/huong-son/son-lam/progress/files/"
            "kh%2028.pdf)\nCổng tỉnh (https://hatinh.gov.vn/a?b=1&c=2)");
  EXPECT_EQ(cell(table(tables, "tien-do"), 0, "line"), "6");
}

// A progress file's record is its path from its unit's progress/ folder, whatever the unit's
// folder is called (its slug is the row's unit_path) and however deep below progress/ it sits.
TEST(Tables, ARecordIsItsPathFromItsUnitsProgressFolder) {
  Portal portal = make_test_portal();
  portal.units[2].path = "content/Hà Tĩnh/Hương Sơn/Sơn Lâm/unit.yaml";
  portal.progress[0].path = "content/Hà Tĩnh/Hương Sơn/Sơn Lâm/progress/quy/2023-q1.yaml";
  auto tables = build_tables(portal, make_test_facts(), nullptr);
  EXPECT_EQ(cell(table(tables, "tien-do"), 0, "unit_path"), "ha-tinh/huong-son/son-lam");
  EXPECT_EQ(cell(table(tables, "tien-do"), 0, "record"), "quy/2023-q1.yaml");
  EXPECT_EQ(cell(table(tables, "so-lieu"), 0, "record"), "quy/2023-q1.yaml");
}

TEST(Tables, ProgressRowsFollowDateOrderWhateverTheFactsOrder) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  std::swap(facts.entries[0], facts.entries[1]);
  auto progress = table(build_tables(portal, facts, nullptr), "tien-do");
  EXPECT_EQ(cell(progress, 0, "task_id"), "xay-dung-ke-hoach");
  EXPECT_EQ(cell(progress, 1, "task_id"), "tap-huan");
}

// Rows that point nowhere are left out rather than guessed: a plan of no unit, entries of no
// plan, of no file, or past the end of their file.
TEST(Tables, RowsPointingNowhereAreLeftOut) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  Plan lost = portal.plans[1];
  lost.id = "lac";
  lost.unit = 99;
  portal.plans.push_back(lost);
  facts.entries.push_back({0, 0, 2});   // the lost plan's
  facts.entries.push_back({0, 0, 7});   // no such plan
  facts.entries.push_back({5, 0, 0});   // no such file
  facts.entries.push_back({0, 9, 0});   // no such entry
  facts.measurements.push_back({0, 2, 0});
  auto tables = build_tables(portal, facts, nullptr);
  EXPECT_EQ(table(tables, "ke-hoach").rows.size(), 2u);
  EXPECT_EQ(table(tables, "nhiem-vu").rows.size(), 4u);
  EXPECT_EQ(table(tables, "tien-do").rows.size(), 2u);
  EXPECT_EQ(table(tables, "so-lieu").rows.size(), 2u);
  for (const Unit& unit : portal.units) {
    auto unit_tables = build_tables(portal, facts, &unit);
    for (const auto& row : table(unit_tables, "ke-hoach").rows) EXPECT_NE(row[3], "lac");
  }
}

// PlanRows gives each plan's rows on their own; in plan order they are build_tables' rows.
TEST(Tables, PlanRowsConcatenateToTheTables) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  std::swap(facts.entries[0], facts.entries[1]);
  const PlanRows rows(portal, facts);
  auto tables = build_tables(portal, facts, nullptr);
  ASSERT_EQ(rows.tables().size(), tables.size());
  for (size_t t = 0; t < tables.size(); ++t) {
    std::vector<std::vector<std::string>> joined;
    for (size_t p = 0; p < portal.plans.size(); ++p)
      rows.each_row(t, p, [&](std::vector<std::string> cells) { joined.push_back(cells); });
    EXPECT_EQ(joined, tables[t].rows) << tables[t].name;
  }
  std::vector<std::vector<std::string>> tasks_of_dinh_hoa;
  rows.each_row(PlanRows::kTasks, 1, [&](std::vector<std::string> c) { tasks_of_dinh_hoa.push_back(c); });
  ASSERT_EQ(tasks_of_dinh_hoa.size(), 1u);
  EXPECT_EQ(tasks_of_dinh_hoa[0][2], "so-hoa");
  // Plans by unit: a unit holds its own plans only.
  auto plans = plans_by_unit(portal);
  EXPECT_EQ(plans[2], (std::vector<std::size_t>{0}));  // son-lam's
  EXPECT_EQ(plans[4], (std::vector<std::size_t>{1}));  // dinh-hoa's
  EXPECT_TRUE(plans[0].empty());  // ha-tinh: none of its own
  EXPECT_TRUE(plans[3].empty());
}

}  // namespace
}  // namespace congkhai
