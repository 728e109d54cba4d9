#include "export/plan_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/data_keys.h"
#include "export/plan_schema.h"
#include "export/testing_portal.h"

namespace congkhai {
namespace {

using nlohmann::json;
using testing::make_test_facts;
using testing::make_test_portal;

// Plan `p`'s object in its unit's file.
json plan_of(const Portal& portal, const PortalFacts& facts, int p) {
  json file = json::parse(write_plans_json(portal, facts, portal.plans[p].unit));
  for (json& plan : file["plans"])
    if (plan["id"] == portal.plans[p].id) return plan;
  ADD_FAILURE() << "plan " << p << " is not in its unit's file";
  return json::object();
}

TEST(PlanJson, SaysOnceWhatItsPlansShareAndLinksFromItsUnitsDataFolder) {
  json j = json::parse(write_plans_json(make_test_portal(), make_test_facts(), 2));
  EXPECT_EQ(j["$schema"], "../../../../du-lieu/schema/ke-hoach.schema.json");
  EXPECT_EQ(j["as_of"], "2023-06-30");
  EXPECT_EQ(j["unit"]["path"], "ha-tinh/huong-son/son-lam");
  EXPECT_EQ(j["unit"]["display_name"], "xã Sơn Lâm");
  EXPECT_EQ(j["unit"]["level"], "xa");
  EXPECT_EQ(j["unit"]["page"], "../index.html");
  ASSERT_EQ(j["plans"].size(), 1u);
  EXPECT_EQ(j["plans"][0]["page"], "../ke-hoach/2023/index.html");
  for (const char* once : {"$schema", "as_of", "unit"}) EXPECT_FALSE(j["plans"][0].contains(once)) << once;

  json abs = json::parse(
      write_plans_json(make_test_portal("https://congkhai.example.vn/"), make_test_facts(), 2));
  EXPECT_EQ(abs["$schema"], "https://congkhai.example.vn/du-lieu/schema/ke-hoach.schema.json");
  EXPECT_EQ(abs["plans"][0]["page"], "https://congkhai.example.vn/ha-tinh/huong-son/son-lam/ke-hoach/2023/"
                                     "index.html");
}

TEST(PlanJson, HoldsEachPlanOfItsUnitInOrder) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  const json alone = plan_of(portal, facts, 0);
  Plan next = portal.plans[0];
  next.id = "2024";
  next.year = 2024;
  next.title = "Kế hoạch năm 2024";
  portal.plans.push_back(next);
  json j = json::parse(write_plans_json(portal, facts, portal.plans[0].unit));
  ASSERT_EQ(j["plans"].size(), 2u);
  EXPECT_EQ(j["plans"][0], alone);  // each plan's object as it is alone in the file
  EXPECT_EQ(j["plans"][1]["id"], "2024");
  EXPECT_EQ(j["plans"][1]["title"], "Kế hoạch năm 2024");
  EXPECT_EQ(j["plans"][1]["page"], "../ke-hoach/2024/index.html");
  // Given the plans: those, in the order given.
  json two = json::parse(write_plans_json(portal, facts, portal.plans[0].unit, {2, 0}, index_plan_refs(facts, 3)));
  ASSERT_EQ(two["plans"].size(), 2u);
  EXPECT_EQ(two["plans"][0]["id"], "2024");
  EXPECT_EQ(two["plans"][1], alone);
}

TEST(PlanJson, HoldsTheDocumentAsWritten) {
  json j = plan_of(make_test_portal(), make_test_facts(), 0);
  EXPECT_EQ(j["number"], "28/KH-UBND");
  EXPECT_EQ(j["number_blank"], false);
  EXPECT_EQ(j["date"], "2023-03-03");
  EXPECT_EQ(j["place"], nullptr);
  EXPECT_EQ(j["signer"]["capacity"].size(), 2u);
  EXPECT_EQ(j["legal_basis"][1]["url"], "https://example.vn/qd-07");
  EXPECT_EQ(j["legal_basis"][0]["url"], nullptr);
  EXPECT_EQ(j["sections"][0]["parent"], nullptr);
  EXPECT_EQ(j["tasks"][0]["text"], "Xây dựng Kế hoạch, kiểm soát \"TTHC\"");
  EXPECT_EQ(j["tasks"][1]["text"], "=HYPERLINK(\"http://evil.example\",\"bấm\")");  // JSON: verbatim

  EXPECT_EQ(j["sections"][0]["full_number"], "I");

  // A target keeps the plan's sentence and names the task that states it by its full number.
  Portal with_statement = make_test_portal();
  with_statement.plans[0].targets[0].statement = "Tối thiểu 50% hồ sơ";
  json g = plan_of(with_statement, make_test_facts(), 0)["targets"][0];
  EXPECT_EQ(g["statement"], "Tối thiểu 50% hồ sơ");
  EXPECT_EQ(g["part"], nullptr);
  EXPECT_EQ(g["task"], "tap-huan");
  EXPECT_FALSE(g.contains("task_number"));  // the task's number_path says it
  EXPECT_FALSE(g.contains("comparison_vi"));
  EXPECT_FALSE(g.contains("page"));

  json b = plan_of(make_test_portal(), make_test_facts(), 1);
  EXPECT_EQ(b["number_blank"], true);
  EXPECT_EQ(b["date"], "2026-01");
}

TEST(PlanJson, CarriesThePlansItImplementsAndIsImplementedBy) {
  json j = plan_of(make_test_portal(), make_test_facts(), 0);
  EXPECT_EQ(j["implements"]["text"], "Kế hoạch số 27/KH-UBND của UBND huyện Hương Sơn");
  EXPECT_EQ(j["implements"]["plan"], nullptr);  // not in the portal
  EXPECT_EQ(j["implemented_by"], json::array());

  const Portal portal = testing::make_test_portal_with_parent_plan();
  j = plan_of(portal, make_test_facts(), 0);
  EXPECT_EQ(j["implements"]["plan"]["path"], "ha-tinh/huong-son/2023");
  EXPECT_EQ(j["implements"]["plan"]["page"], "../../ke-hoach/2023/index.html");
  EXPECT_EQ(j["implements"]["plan"]["data"], "../../du-lieu/ke-hoach.json");  // its unit's file
  json parent = plan_of(portal, make_test_facts(), 2);
  ASSERT_EQ(parent["implemented_by"].size(), 1u);
  EXPECT_EQ(parent["implemented_by"][0]["path"], "ha-tinh/huong-son/son-lam/2023");
  EXPECT_EQ(parent["implemented_by"][0]["page"], "../son-lam/ke-hoach/2023/index.html");
  EXPECT_EQ(parent["implemented_by"][0]["data"], "../son-lam/du-lieu/ke-hoach.json");
  EXPECT_EQ(parent["implements"], nullptr);
}

TEST(PlanJson, SaysWhichHeaderFieldsTheCopyLacks) {
  json j = plan_of(make_test_portal(), make_test_facts(), 0);
  EXPECT_EQ(j["not_in_copy"], json::array());
  json b = plan_of(make_test_portal(), make_test_facts(), 1);
  EXPECT_EQ(b["number"], "/KH-UBND");  // printed blank: known, and blank
  EXPECT_EQ(b["number_blank"], true);

  Portal portal = make_test_portal();
  Plan& plan = portal.plans[0];
  plan.not_in_copy.number = plan.not_in_copy.issuer = plan.not_in_copy.signer = true;
  plan.number.clear();
  plan.issuer.clear();
  plan.signer.name.clear();
  json u = plan_of(portal, make_test_facts(), 0);
  EXPECT_EQ(u["number"], nullptr);  // not known, which is not blank
  EXPECT_EQ(u["number_blank"], false);
  EXPECT_EQ(u["issuer"], nullptr);
  EXPECT_EQ(u["not_in_copy"], json({"number", "issuer", "signer"}));
}

TEST(PlanJson, CarriesTheTableHeadingNoteColumnsAndPlace) {
  Portal portal = make_test_portal();
  Plan& plan = portal.plans[0];
  json j = plan_of(portal, make_test_facts(), 0);
  EXPECT_EQ(j["appendix"], json({{"title", nullptr}, {"note", nullptr}, {"position", "appendix"},
                                 {"columns", {{"number", nullptr}, {"task", nullptr}, {"lead", nullptr},
                                              {"partners", nullptr}, {"output", nullptr}, {"timeframe", nullptr}}}}));
  plan.appendix_title = "NỘI DUNG KẾ HOẠCH";
  plan.appendix_note = "(Kèm theo Kế hoạch số 28/KH-UBND)";
  plan.columns.number = "TT";
  plan.columns.output = "Kết quả";
  plan.body = "## II. Nội dung\n\n[[bảng nhiệm vụ]]\n";
  plan.table_marker = 2;
  json a = plan_of(portal, make_test_facts(), 0)["appendix"];
  EXPECT_EQ(a["title"], "NỘI DUNG KẾ HOẠCH");
  EXPECT_EQ(a["note"], "(Kèm theo Kế hoạch số 28/KH-UBND)");
  EXPECT_EQ(a["position"], "body");
  EXPECT_EQ(a["columns"]["number"], "TT");
  EXPECT_EQ(a["columns"]["output"], "Kết quả");
  EXPECT_EQ(a["columns"]["lead"], nullptr);
}

TEST(PlanJson, TasksCarryRawAndParsedTimeframesAndDerivedStatus) {
  json tasks = plan_of(make_test_portal(), make_test_facts(), 0)["tasks"];
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0]["timeframe"]["raw"], "Tháng 3 năm 2023");
  EXPECT_EQ(tasks[0]["timeframe"]["kind"], "due");
  EXPECT_EQ(tasks[0]["timeframe"]["due"], "2023-03-31");
  EXPECT_EQ(tasks[0]["status"], "done");
  EXPECT_EQ(tasks[0]["percent"], 100);
  EXPECT_EQ(tasks[1]["timeframe"]["cadences"], json({"continuous", "quarterly"}));
  EXPECT_EQ(tasks[1]["timeframe"]["also_on_demand"], true);
  EXPECT_EQ(tasks[2]["timeframe"]["checkpoints"], json({"2023-05-31"}));
  EXPECT_EQ(tasks[2]["overdue_days"], 30);
  EXPECT_FALSE(tasks[0].contains("overdue_days"));  // not overdue
  // The numbers as printed, outermost first; the page joins them with " › ".
  EXPECT_EQ(tasks[0]["number_path"], json({"I", "1"}));
  EXPECT_EQ(tasks[0]["section"], 0);
  EXPECT_EQ(tasks[0]["reported"], true);
  // What has no value is left out (the schema gives the default), and what follows from
  // another member is not written twice: the status's label, the page, the full number,
  // whether it counts (it has no parent), a reading's wording.
  EXPECT_EQ(tasks[0]["lead"], json({"Văn phòng HĐND - UBND xã"}));
  for (const char* absent : {"parent", "from_subtasks", "full_number", "counted", "status_vi", "page", "lead_text",
                             "partners_text", "overdue"})
    EXPECT_FALSE(tasks[0].contains(absent)) << absent;
  EXPECT_FALSE(tasks[0]["timeframe"].contains("description"));
  EXPECT_FALSE(tasks[0]["timeframe"].contains("checkpoints"));
  EXPECT_FALSE(tasks[0]["timeframe"].contains("also_on_demand"));
  EXPECT_FALSE(tasks[2].contains("percent"));
  EXPECT_FALSE(tasks[2].contains("section"));
  EXPECT_FALSE(tasks[2].contains("number"));
  EXPECT_FALSE(tasks[2].contains("lead"));
}

TEST(PlanJson, AnOfficeCellIsWrittenOnlyWhenItIsMoreThanItsOffices) {
  Portal portal = make_test_portal();
  Task& t = portal.plans[0].tasks[0];
  t.lead_text = "Văn phòng HĐND - UBND xã";  // printed as its one office: the default
  t.partners_text = "Công an xã, Bộ phận một cửa";  // printed on one line with a comma
  json task = plan_of(portal, make_test_facts(), 0)["tasks"][0];
  EXPECT_FALSE(task.contains("lead_text"));
  EXPECT_EQ(task["partners_text"], "Công an xã, Bộ phận một cửa");
  EXPECT_EQ(task["partners"], json({"Công an xã", "Bộ phận một cửa"}));
  t.partners_text = "Công an xã\nBộ phận một cửa";  // one per line: the default again
  task = plan_of(portal, make_test_facts(), 0)["tasks"][0];
  EXPECT_FALSE(task.contains("partners_text"));
}

TEST(PlanJson, TargetsCarryLatestMeasurementAndResult) {
  json j = plan_of(make_test_portal(), make_test_facts(), 0);
  EXPECT_EQ(j["targets"][0]["value"], 60);
  EXPECT_TRUE(j["targets"][0]["value"].is_number_integer());
  EXPECT_EQ(j["targets"][0]["latest"]["value"], 41.5);
  EXPECT_EQ(j["targets"][0]["result"], "not_met");
  EXPECT_EQ(j["targets"][1]["value"], -2.5);
  EXPECT_EQ(j["targets"][1]["result"], "met");
  EXPECT_NE(write_plans_json(make_test_portal(), make_test_facts(), 2).find("\"value\":41.5,"),
            std::string::npos);  // no float noise
}

TEST(PlanJson, HoldsProgressByFileWithWhatItsItemsShareOnce) {
  json j = plan_of(make_test_portal(), make_test_facts(), 0);
  EXPECT_FALSE(j.contains("measurements"));  // in their file's object
  ASSERT_EQ(j["progress"].size(), 1u);
  json r = j["progress"][0];
  EXPECT_EQ(r["record"], "ha-tinh/huong-son/son-lam/progress/2023-q1.yaml");
  EXPECT_EQ(r["period"], "Quý I/2023");
  // The date most items have (the two measurements'), and the reporter most entries have
  // (ties: the first in the file).
  EXPECT_EQ(r["date"], "2023-03-31");
  EXPECT_EQ(r["reported_by"], "Văn phòng");
  ASSERT_EQ(r["entries"].size(), 2u);
  json e1 = r["entries"][0], e2 = r["entries"][1];
  EXPECT_EQ(e1["task"], "xay-dung-ke-hoach");
  EXPECT_EQ(e1["date"], "2023-03-06");  // its own, not the file's
  EXPECT_FALSE(e1.contains("reported_by"));  // the file's
  EXPECT_FALSE(e1.contains("status_vi"));
  EXPECT_EQ(e1["evidence"][0]["url"], "../../../../tep/ha-tinh/huong-son/son-lam/progress/files/kh%2028.pdf");
  EXPECT_EQ(e1["line"], 6);
  EXPECT_EQ(e2["reported_by"], nullptr);  // named no one, unlike the file
  EXPECT_EQ(e2["note"], "+ đã tập huấn\r\ncho 12 người");
  EXPECT_FALSE(e2.contains("evidence"));
  ASSERT_EQ(r["measurements"].size(), 2u);
  EXPECT_FALSE(r["measurements"][0].contains("date"));  // the file's
  EXPECT_FALSE(r["measurements"][0].contains("value_text"));  // "41.5", as the value reads
  EXPECT_EQ(r["measurements"][0]["source"], "@Hệ thống thông tin giải quyết TTHC");
  EXPECT_EQ(r["measurements"][1]["value"], -3);
  ASSERT_EQ(j["reports"].size(), 1u);
  EXPECT_EQ(j["reports"][0]["period"], "2023-Q1");
  EXPECT_EQ(j["reports"][0]["page"], "../bao-cao/2023-q1/index.html");
  EXPECT_EQ(j["reports"][0]["attachments"][0]["bytes"], 1234);
  EXPECT_EQ(j["summary"]["last_updated"], "2023-04-05");
}

TEST(PlanJson, ProgressFilesComeByDateAndKeepANumberAsWrittenWhenItDiffers) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  ProgressRecord earlier = portal.progress[0];
  earlier.path = "content/ha-tinh/huong-son/son-lam/progress/2023-z.yaml";
  for (auto& e : earlier.entries) e.date = {2023, 1, 15};
  for (auto& m : earlier.measurements) m.date = {2023, 1, 15};
  earlier.measurements[0].value_text = "41.50";
  portal.progress.push_back(earlier);
  const int at = static_cast<int>(portal.progress.size()) - 1;
  for (int i = 0; i < 2; ++i) facts.entries.push_back({at, i, 0});
  for (int i = 0; i < 2; ++i) facts.measurements.push_back({at, i, 0});
  json progress = plan_of(portal, facts, 0)["progress"];
  ASSERT_EQ(progress.size(), 2u);
  EXPECT_EQ(progress[0]["record"], "ha-tinh/huong-son/son-lam/progress/2023-z.yaml");  // earlier, though after by path
  EXPECT_EQ(progress[0]["date"], "2023-01-15");
  EXPECT_FALSE(progress[0]["entries"][0].contains("date"));
  EXPECT_EQ(progress[0]["measurements"][0]["value_text"], "41.50");
  EXPECT_EQ(progress[0]["measurements"][0]["value"], 41.5);
}

TEST(PlanSchema, LabelsEachCodeAsThePagesDo) {
  json s = json::parse(write_plan_schema(Site{}));
  for (const json& option : s["$defs"]["status"]["oneOf"]) {
    TaskStatus status;
    ASSERT_TRUE(parse_task_status(option["const"], &status));
    EXPECT_EQ(option["title"], task_status_vi(status));
  }
  EXPECT_EQ(s["$defs"]["status"]["oneOf"].size(), task_status_keys().size());
  for (Comparison c : {Comparison::kAtLeast, Comparison::kAtMost, Comparison::kExactly}) {
    int found = 0;
    for (const json& option : s["$defs"]["target"]["properties"]["comparison"]["oneOf"])
      if (option["const"] == comparison_key(c)) found += option["title"] == comparison_vi(c);
    EXPECT_EQ(found, 1) << comparison_key(c);
  }
  for (TargetResult r : {TargetResult::kMet, TargetResult::kNotMet, TargetResult::kNoData}) {
    int found = 0;
    for (const json& option : s["$defs"]["target"]["properties"]["result"]["oneOf"])
      if (option["const"] == target_result_key(r)) found += option["title"] == target_result_vi(r);
    EXPECT_EQ(found, 1) << target_result_key(r);
  }
}

TEST(PlanSchema, IsDraft202012AndGetsAnIdWithABaseUrl) {
  json s = json::parse(write_plan_schema(Site{}));
  EXPECT_EQ(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_FALSE(s.contains("$id"));
  Site site;
  site.base_url = "https://congkhai.example.vn";
  json t = json::parse(write_plan_schema(site));
  EXPECT_EQ(t["$id"], "https://congkhai.example.vn/du-lieu/schema/ke-hoach.schema.json");
}

TEST(PlanSchema, RequiresExactlyTheKeysThePlanJsonHas) {
  json s = json::parse(write_plan_schema(Site{}));
  json file = json::parse(write_plans_json(make_test_portal(), make_test_facts(), 2));
  auto expect_keys = [](const json& object, std::vector<std::string> required) {
    std::vector<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
    std::sort(keys.begin(), keys.end());
    std::sort(required.begin(), required.end());
    EXPECT_EQ(keys, required);
  };
  expect_keys(file, s["required"]);
  expect_keys(file["plans"][0], s["$defs"]["plan"]["required"]);
  // Full validation against the schema runs with ajv in tests/export.
}

// The document is written directly, not through nlohmann::json; it must read back and dump to
// the very same bytes, escapes and number forms included.
TEST(PlanJson, IsLaidOutCompactlyAsNlohmannDumpsIt) {
  Portal portal = make_test_portal();
  PortalFacts facts = make_test_facts();
  Plan& plan = portal.plans[0];
  plan.title = "Kế hoạch \"số\" 1\\2\ttab\x01\x1f\x7f\b\f\r\nxuống dòng";
  plan.signer.capacity = {};
  plan.targets[0].value = 0.1;
  plan.targets[1].value = 2.5e-7;
  plan.tasks[0].lead = {"a/b", "</script>"};
  portal.plans.push_back(portal.plans[0]);  // two plans in one file
  portal.plans.back().id = "2024";
  for (int unit : {2, 4}) {
    std::string text = write_plans_json(portal, facts, unit);
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(j.dump() + "\n", text);
  }
  std::string text = write_plans_json(portal, facts, 2);
  EXPECT_NE(text.find("\"capacity\":[]"), std::string::npos);
  EXPECT_NE(text.find("\\u0001\\u001f"), std::string::npos);
  EXPECT_EQ(nlohmann::ordered_json::parse(text)["plans"][0]["targets"][1]["value"].get<double>(), 2.5e-7);
}

TEST(PlanJson, MalformedUtf8FailsAsTheJsonLibraryDoes) {
  Portal portal = make_test_portal();
  portal.plans[0].title = "bad \xC3";
  EXPECT_THROW(write_plans_json(portal, make_test_facts(), 2), nlohmann::json::exception);
}

}  // namespace
}  // namespace congkhai
