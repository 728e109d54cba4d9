#include "render/page_keys.h"

#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "model/urls.h"
#include "render/asset_versions.h"
#include "render/site_renderer.h"
#include "render/test_portal.h"

namespace congkhai {
namespace {

// The test portal, with the district's plan of 2023 (plan 2), which the commune's plan of
// 2023 (plan 0) implements: plan 0's page links it, plan 2's page lists plan 0; and a second
// commune (unit 3) below the district, with a plan of its own (plan 3), which the district's,
// the province's and the home page count and the first commune's page does not.
Portal key_portal() {
  Portal p = testing::test_portal();
  testing::add_implemented_district_plan(p);
  p.units[0].contact.website = "https://hatinh.gov.vn";
  Unit other = p.units[2];
  other.slug = "son-hong";
  other.url_path = "ha-tinh/huong-son/son-hong";
  other.name = "Sơn Hồng";
  other.plans = {3};
  other.reports.clear();
  p.units.push_back(other);
  p.units[1].children = {3, 2};
  Plan plan = p.plans[1];
  plan.path = "content/ha-tinh/huong-son/son-hong/plans/2023.md";
  plan.id = "2023";
  plan.year = 2023;
  plan.unit = 3;
  plan.tasks[1].timeframe = "Tháng 4/2023";
  p.plans.push_back(plan);
  return p;
}

// Everything a plan page is made from, changed one piece at a time.
struct Inputs {
  Portal portal = key_portal();
  PortalFacts facts = testing::test_facts(portal);
  Theme theme;
  RenderOptions options;
};

struct Page {
  std::string key, bytes;
};

Page page_of(const Inputs& in, PageJob job) {
  PageRenderer pages(in.portal, in.facts, in.theme, in.options);
  pages.key_by_inputs(1);
  Diagnostics errors;
  OutputFile f = pages.render(job, &errors);
  for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
  EXPECT_FALSE(f.reused);
  return {f.key, f.bytes};
}
Page plan_page_of(const Inputs& in, int plan) { return page_of(in, {PageJob::Kind::kPlan, plan}); }

// Where unit `u` of key_portal lives.
std::string in_unit(int u) { return key_portal().units[u].url_path; }

struct Change {
  std::string what;
  std::function<void(Inputs&)> apply;
};

// Every field of the model, the facts, the site, the theme and the options, changed one at
// a time (a field added to a struct page_keys.cc hashes by hand fails its size check there
// until it is added here too). The facts are the test's own, changed by hand and never
// derived again, so that each input is seen alone.
std::vector<Change> changes() {
  std::vector<Change> c;
  auto add = [&](std::string what, std::function<void(Inputs&)> apply) { c.push_back({std::move(what), std::move(apply)}); };
  const std::string s = " (sửa)";

  // The plan (0), every field; the key takes them all through the plan's codec.
  auto plan = [&](std::string what, std::function<void(Plan&)> apply) {
    add("plan: " + what, [apply](Inputs& in) { apply(in.portal.plans[0]); });
  };
  plan("path", [=](Plan& p) { p.path += "x"; });
  plan("id", [=](Plan& p) { p.id = "2023-b"; });
  plan("unit", [=](Plan& p) { p.unit = 1; });
  plan("number", [=](Plan& p) { p.number = "29/KH-UBND"; });
  plan("title", [=](Plan& p) { p.title += s; });
  plan("year", [=](Plan& p) { p.year = 2022; });
  plan("date", [=](Plan& p) { p.date = Date{2023, 3, 4}; });
  plan("date left out", [=](Plan& p) { p.date.reset(); });
  plan("date partial", [=](Plan& p) { p.date = Date{2023, 3, 0}; });
  plan("place", [=](Plan& p) { p.place += s; });
  plan("issuer", [=](Plan& p) { p.issuer = "UBND xã Sơn Lâm (TTHC)"; });
  plan("signer's name", [=](Plan& p) { p.signer.name += s; });
  plan("signer's title", [=](Plan& p) { p.signer.title += s; });
  plan("signer's capacity", [=](Plan& p) { p.signer.capacity.pop_back(); });
  plan("legal basis text", [=](Plan& p) { p.legal_basis[0].text += s; });
  plan("legal basis url", [=](Plan& p) { p.legal_basis[0].url += "/1"; });
  plan("implements text", [=](Plan& p) { p.implements->text += s; });
  plan("implements url", [=](Plan& p) { p.implements->url = "https://huong-son.gov.vn/27"; });
  plan("implements left out", [=](Plan& p) { p.implements.reset(); });
  plan("implements_plan", [=](Plan& p) { p.implements_plan += "x"; });
  plan("implements_pos", [=](Plan& p) { p.implements_pos.line = 9; });
  plan("implements_index", [=](Plan& p) { p.implements_index = 1; });
  plan("implements_index none", [=](Plan& p) { p.implements_index = -1; });
  plan("implemented_by", [=](Plan& p) { p.implemented_by = {1}; });
  plan("recipients", [=](Plan& p) { p.recipients.push_back("Công an xã"); });
  plan("budget", [=](Plan& p) { p.budget += s; });
  plan("body", [=](Plan& p) { p.body += "Thêm.\n"; });
  plan("body_line", [=](Plan& p) { p.body_line = 40; });
  plan("appendix_title", [=](Plan& p) { p.appendix_title = "PHỤ LỤC"; });
  plan("appendix_note", [=](Plan& p) { p.appendix_note = "(Kèm theo Kế hoạch)"; });
  plan("column: number", [=](Plan& p) { p.columns.number = "TT"; });
  plan("column: task", [=](Plan& p) { p.columns.task = "Nội dung"; });
  plan("column: lead", [=](Plan& p) { p.columns.lead = "Chủ trì"; });
  plan("column: partners", [=](Plan& p) { p.columns.partners = "Phối hợp"; });
  plan("column: output", [=](Plan& p) { p.columns.output = "Sản phẩm"; });
  plan("column: timeframe", [=](Plan& p) { p.columns.timeframe = "Thời gian"; });
  plan("not in copy: number", [=](Plan& p) { p.not_in_copy.number = true; });
  plan("not in copy: date", [=](Plan& p) { p.not_in_copy.date = true; });
  plan("not in copy: place", [=](Plan& p) { p.not_in_copy.place = true; });
  plan("not in copy: issuer", [=](Plan& p) { p.not_in_copy.issuer = true; });
  plan("not in copy: signer", [=](Plan& p) { p.not_in_copy.signer = true; });
  plan("table_marker", [=](Plan& p) { p.table_marker = 1; });
  plan("section number", [=](Plan& p) { p.sections[0].number = "A"; });
  plan("section title", [=](Plan& p) { p.sections[0].title += s; });
  plan("section depth", [=](Plan& p) { p.sections[2].depth = 3; });
  plan("section parent", [=](Plan& p) { p.sections[2].parent = 0; });
  plan("section pos", [=](Plan& p) { p.sections[0].pos.line = 5; });
  plan("task id", [=](Plan& p) { p.tasks[1].id = "tap-huan-2"; });
  plan("task id_explicit", [=](Plan& p) { p.tasks[1].id_explicit = true; });
  plan("task number", [=](Plan& p) { p.tasks[1].number = "2"; });
  plan("task text", [=](Plan& p) { p.tasks[1].text += s; });
  plan("task lead_text", [=](Plan& p) { p.tasks[1].lead_text = "Công chức Tư pháp"; });
  plan("task partners_text", [=](Plan& p) { p.tasks[1].partners_text = "Văn phòng"; });
  plan("task lead", [=](Plan& p) { p.tasks[1].lead = {"Công chức Tư pháp"}; });
  plan("task partners", [=](Plan& p) { p.tasks[0].partners.pop_back(); });
  plan("task output", [=](Plan& p) { p.tasks[0].output += s; });
  plan("task timeframe", [=](Plan& p) { p.tasks[1].timeframe = "Quý III/2023"; });
  plan("task section", [=](Plan& p) { p.tasks[1].section = 1; });
  plan("task parent", [=](Plan& p) { p.tasks[3].parent = 2; });
  plan("task subtasks", [=](Plan& p) { p.tasks[2].subtasks = {3}; });
  plan("task pos", [=](Plan& p) { p.tasks[1].pos.line = 12; });
  plan("table rows", [=](Plan& p) { std::swap(p.table[1], p.table[2]); });
  plan("target id", [=](Plan& p) { p.targets[0].id = "truc-tuyen"; });
  plan("target measure", [=](Plan& p) { p.targets[0].measure += s; });
  plan("target comparison", [=](Plan& p) { p.targets[0].comparison = Comparison::kAtMost; });
  plan("target value", [=](Plan& p) { p.targets[0].value = 70; });
  plan("target value_text", [=](Plan& p) { p.targets[0].value_text = "60,0"; });
  plan("target unit", [=](Plan& p) { p.targets[0].unit = "hồ sơ"; });
  plan("target task", [=](Plan& p) { p.targets[0].task = "niem-yet"; });
  plan("target statement", [=](Plan& p) { p.targets[0].statement = "Tối thiểu 60% hồ sơ"; });
  plan("target part", [=](Plan& p) { p.targets[0].part = "II. Nhiệm vụ"; });
  plan("target pos", [=](Plan& p) { p.targets[0].pos.line = 3; });
  plan("target task_pos", [=](Plan& p) { p.targets[0].task_pos.line = 3; });
  plan("target part_pos", [=](Plan& p) { p.targets[0].part_pos.line = 3; });

  // Each unit of the chain (the commune 2, the district 1, the province 0), every field.
  for (int u : {2, 1, 0}) {
    auto unit = [&, u](std::string what, std::function<void(Unit&)> apply) {
      add("unit " + std::to_string(u) + ": " + what, [apply, u](Inputs& in) { apply(in.portal.units[u]); });
    };
    unit("path", [=](Unit& x) { x.path += "x"; });
    unit("slug", [=](Unit& x) { x.slug += "-x"; });
    unit("url_path", [=](Unit& x) { x.url_path += "-x"; });
    unit("name", [=](Unit& x) { x.name += s; });
    unit("name with a number", [=](Unit& x) { x.name = "2"; });
    unit("level", [=](Unit& x) { x.level = x.level == UnitLevel::kPhuong ? UnitLevel::kXa : UnitLevel::kPhuong; });
    unit("address", [=](Unit& x) { x.contact.address += s; });
    unit("phone", [=](Unit& x) { x.contact.phone += "1"; });
    unit("e-mail", [=](Unit& x) { x.contact.email = "lienhe@example.vn"; });
    unit("e-mail not an address", [=](Unit& x) { x.contact.email = "lien he@example.vn"; });
    unit("website", [=](Unit& x) { x.contact.website = "https://example.vn"; });
    unit("hours", [=](Unit& x) { x.contact.hours = "Sáng 7h30"; });
    unit("feedback, an e-mail", [=](Unit& x) { x.feedback = "gopy@example.vn"; });
    unit("feedback, a web address", [=](Unit& x) { x.feedback = "https://gopy.example.vn"; });
    unit("feedback, text", [=](Unit& x) { x.feedback += s; });
    unit("children", [=](Unit& x) {
      if (x.children.empty()) x.children = {3};
      else x.children.pop_back();
    });
    unit("plans", [=](Unit& x) { x.plans.push_back(3); });
    unit("reports", [=](Unit& x) {
      if (x.reports.empty()) x.reports = {0};
      else x.reports.clear();
    });
  }
  // The other commune (3), which the district's page and those above it read.
  add("unit 3: name", [=](Inputs& in) { in.portal.units[3].name += s; });
  add("unit 3: plans", [](Inputs& in) { in.portal.units[3].plans.clear(); });
  add("unit 3: reports", [](Inputs& in) { in.portal.units[3].reports = {0}; });
  add("unit 3: phone", [](Inputs& in) { in.portal.units[3].contact.phone += "1"; });
  add("plan 3: title", [=](Inputs& in) { in.portal.plans[3].title += s; });
  add("plan 3: a task's text", [=](Inputs& in) { in.portal.plans[3].tasks[1].text += s; });
  add("plan 3: a task's lead", [](Inputs& in) { in.portal.plans[3].tasks[1].lead = {"Công chức Tư pháp"}; });
  add("plan 3: year", [](Inputs& in) { in.portal.plans[3].year = 2022; });
  add("plan 3: implements the district's", [](Inputs& in) { in.portal.plans[3].implements_index = 2; });
  add("plan 3: date", [](Inputs& in) { in.portal.plans[3].date = Date{2023, 7, 1}; });
  add("the commune's parent", [](Inputs& in) { in.portal.units[2].parent = 0; });
  add("the district's parent", [](Inputs& in) { in.portal.units[1].parent = -1; });

  // The progress record, its entries and its measurement, every field.
  auto record = [&](std::string what, std::function<void(ProgressRecord&)> apply) {
    add("progress: " + what, [apply](Inputs& in) { apply(in.portal.progress[0]); });
  };
  record("path", [=](ProgressRecord& r) { r.path += "x"; });
  record("sheet", [=](ProgressRecord& r) { r.sheet = "Tiến độ"; });
  record("plan", [=](ProgressRecord& r) { r.plan = 1; });
  record("plan_id", [=](ProgressRecord& r) { r.plan_id = "2024"; });
  record("plan_pos", [=](ProgressRecord& r) { r.plan_pos.line = 4; });
  record("period", [=](ProgressRecord& r) { r.period = "Quý II/2023"; });
  record("entry task", [=](ProgressRecord& r) { r.entries[1].task = "niem-yet"; });
  record("entry date", [=](ProgressRecord& r) { r.entries[1].date = Date{2023, 3, 25}; });
  record("entry status", [=](ProgressRecord& r) { r.entries[1].status = TaskStatus::kPostponed; });
  record("entry percent", [=](ProgressRecord& r) { r.entries[1].percent = 50; });
  record("entry note", [=](ProgressRecord& r) { r.entries[0].note += s; });
  record("evidence title", [=](ProgressRecord& r) { r.entries[0].evidence[0].title += s; });
  record("evidence url", [=](ProgressRecord& r) { r.entries[0].evidence[1].url += "/a"; });
  record("evidence file", [=](ProgressRecord& r) { r.entries[0].evidence[0].file += ".pdf"; });
  record("evidence pos", [=](ProgressRecord& r) { r.entries[0].evidence[0].pos.line = 3; });
  record("evidence file_on_disk", [=](ProgressRecord& r) { r.entries[0].evidence[0].file_on_disk = "x.pdf"; });
  record("entry reported_by", [=](ProgressRecord& r) { r.entries[0].reported_by += s; });
  record("entry source", [=](ProgressRecord& r) { r.entries[0].source += "x"; });
  record("entry pos", [=](ProgressRecord& r) { r.entries[0].pos.line = 7; });
  record("measurement target", [=](ProgressRecord& r) { r.measurements[0].target = "khac"; });
  record("measurement date", [=](ProgressRecord& r) { r.measurements[0].date = Date{2023, 4, 1}; });
  record("measurement value", [=](ProgressRecord& r) { r.measurements[0].value = 45; });
  record("measurement value_text", [=](ProgressRecord& r) { r.measurements[0].value_text = "41,5"; });
  record("measurement source_note", [=](ProgressRecord& r) { r.measurements[0].source_note = "Sổ theo dõi"; });
  record("measurement source", [=](ProgressRecord& r) { r.measurements[0].source += "x"; });
  record("measurement pos", [=](ProgressRecord& r) { r.measurements[0].pos.line = 7; });

  // The report about the plan, every field.
  auto report = [&](std::string what, std::function<void(Report&)> apply) {
    add("report: " + what, [apply](Inputs& in) { apply(in.portal.reports[0]); });
  };
  report("path", [=](Report& r) { r.path += "x"; });
  report("id", [=](Report& r) { r.id = "2023-q1-b"; });
  report("unit", [=](Report& r) { r.unit = 1; });
  report("title", [=](Report& r) { r.title += s; });
  report("date", [=](Report& r) { r.date = Date{2023, 4, 6}; });
  report("period", [=](Report& r) { r.period.index = 2; });
  report("number", [=](Report& r) { r.number = "16/BC-UBND"; });
  report("plan_id", [=](Report& r) { r.plan_id = "2024"; });
  report("plan", [=](Report& r) { r.plan = 1; });
  report("tasks", [=](Report& r) { r.tasks.pop_back(); });
  report("targets", [=](Report& r) { r.targets.clear(); });
  report("task_pos", [=](Report& r) { r.task_pos.push_back({3, 4}); });
  report("target_pos", [=](Report& r) { r.target_pos.push_back({3, 4}); });
  report("attachment title", [=](Report& r) { r.attachments[0].title += s; });
  report("attachment file", [=](Report& r) { r.attachments[0].file += ".pdf"; });
  report("attachment bytes", [=](Report& r) { r.attachments[0].bytes = 99; });
  report("body", [=](Report& r) { r.body += s; });
  report("body_line", [=](Report& r) { r.body_line = 9; });
  report("plan_pos", [=](Report& r) { r.plan_pos.line = 9; });

  // The site, every field.
  add("site: path", [](Inputs& in) { in.portal.site.path += "x"; });
  add("site: title", [=](Inputs& in) { in.portal.site.title += s; });
  add("site: description", [=](Inputs& in) { in.portal.site.description += s; });
  add("site: base_url", [](Inputs& in) { in.portal.site.base_url = "https://congkhai.example.vn/"; });
  add("site: sample_data_notice", [=](Inputs& in) { in.portal.site.sample_data_notice += s; });
  add("site: licence name", [](Inputs& in) { in.portal.site.licence.name = "CC0-1.0"; });
  add("site: licence url", [](Inputs& in) { in.portal.site.licence.url += "x"; });
  add("content_dir", [](Inputs& in) { in.portal.content_dir = "noi-dung"; });
  add("top_units", [](Inputs& in) { in.portal.top_units.push_back(1); });

  // The facts of plan 0, every field.
  auto task = [&](std::string what, std::function<void(TaskFacts&)> apply) {
    add("facts: task " + what, [apply](Inputs& in) { apply(in.facts.plans[0].tasks[1]); });
  };
  task("timeframe kind", [](TaskFacts& t) { t.timeframe.kind = Timeframe::Kind::kUnknown; });
  task("timeframe raw", [](TaskFacts& t) { t.timeframe.raw = "Quý 2"; });
  task("timeframe start", [](TaskFacts& t) { t.timeframe.kind = Timeframe::Kind::kPeriod; t.timeframe.start = Date{2023, 4, 1}; });
  task("timeframe due", [](TaskFacts& t) { t.timeframe.due = Date{2023, 6, 20}; });
  task("timeframe checkpoints", [](TaskFacts& t) {
    t.timeframe.kind = Timeframe::Kind::kCheckpoints;
    t.timeframe.checkpoints = {Date{2023, 6, 30}, Date{2023, 9, 30}};
  });
  task("timeframe cadences", [](TaskFacts& t) {
    t.timeframe.kind = Timeframe::Kind::kRecurring;
    t.timeframe.cadences = {Timeframe::Cadence::kMonthly};
  });
  task("timeframe window", [](TaskFacts& t) {
    t.timeframe.kind = Timeframe::Kind::kRecurring;
    t.timeframe.cadences = {Timeframe::Cadence::kYearly};
    t.timeframe.window = {6, 6, 0};
  });
  task("timeframe also_on_demand", [](TaskFacts& t) { t.timeframe.also_on_demand = true; });
  task("timeframe qualifier", [](TaskFacts& t) { t.timeframe.qualifier = "theo kế hoạch của huyện"; });
  task("timeframe parts", [](TaskFacts& t) { t.timeframe.parts = {"UBND xã: hạn 30/06/2023", "Công an: hạn 15/06/2023"}; });
  task("due", [](TaskFacts& t) { t.due = Date{2023, 6, 18}; });
  task("status", [](TaskFacts& t) { t.status = TaskStatus::kPostponed; });
  task("reported", [](TaskFacts& t) { t.reported = false; });
  task("percent", [](TaskFacts& t) { t.percent = 45; });
  task("entries", [](TaskFacts& t) { t.entries = {0, 1}; });
  task("overdue", [](TaskFacts& t) { t.overdue = false; });
  task("overdue_days", [](TaskFacts& t) { t.overdue_days = 13; });
  task("from_subtasks", [](TaskFacts& t) { t.from_subtasks = true; });
  add("facts: another task's due date", [](Inputs& in) { in.facts.plans[0].tasks[2].due = Date{2023, 9, 30}; });
  auto target = [&](std::string what, std::function<void(TargetFacts&)> apply) {
    add("facts: target " + what, [apply](Inputs& in) { apply(in.facts.plans[0].targets[0]); });
  };
  target("result", [](TargetFacts& t) { t.result = TargetResult::kMet; });
  target("latest", [](TargetFacts& t) { t.latest = 45; });
  target("latest left out", [](TargetFacts& t) { t.latest.reset(); });
  target("latest_date", [](TargetFacts& t) { t.latest_date = Date{2023, 4, 1}; });
  target("measurements", [](TargetFacts& t) { t.measurements.clear(); });
  auto counts = [&](std::string what, std::function<void(PlanFacts&)> apply) {
    add("facts: plan " + what, [apply](Inputs& in) { apply(in.facts.plans[0]); });
  };
  counts("done", [](PlanFacts& f) { f.done = 2; });
  counts("in_progress", [](PlanFacts& f) { f.in_progress = 2; });
  counts("not_started", [](PlanFacts& f) { f.not_started = 2; });
  counts("postponed", [](PlanFacts& f) { f.postponed = 1; });
  counts("cancelled", [](PlanFacts& f) { f.cancelled = 1; });
  counts("overdue", [](PlanFacts& f) { f.overdue = 2; });
  counts("reports", [](PlanFacts& f) { f.reports.clear(); });
  counts("last_updated", [](PlanFacts& f) { f.last_updated = Date{2023, 4, 6}; });
  add("facts: none for the plan", [](Inputs& in) { in.facts.plans.clear(); });
  add("facts: plan 3's task overdue", [](Inputs& in) {
    in.facts.plans[3].tasks[1].overdue = true;
    in.facts.plans[3].tasks[1].overdue_days = 3;
    in.facts.plans[3].tasks[1].due = Date{2023, 6, 27};
    in.facts.plans[3].overdue = 1;
  });
  add("facts: plan 3's task done", [](Inputs& in) {
    in.facts.plans[3].tasks[1].status = TaskStatus::kDone;
    in.facts.plans[3].tasks[1].reported = true;
    in.facts.plans[3].done = 1;
  });
  add("facts: plan 3's task reported", [](Inputs& in) {
    in.facts.plans[3].tasks[1].reported = true;
    in.facts.plans[3].tasks[1].entries = {1};
  });
  add("facts: plan 1's target", [](Inputs& in) {
    in.portal.plans[1].targets = in.portal.plans[0].targets;
    in.facts.plans[1].targets = {TargetFacts{TargetResult::kMet, 70, Date{2023, 5, 1}, {}}};
  });
  add("facts: two entries of one day in the other order of their file", [](Inputs& in) {
    std::swap(in.portal.progress[0].entries[0], in.portal.progress[0].entries[1]);
    std::swap(in.facts.plans[0].tasks[0].entries, in.facts.plans[0].tasks[1].entries);
  });
  add("facts: the district plan's done", [](Inputs& in) { in.facts.plans[2].done = 1; });
  add("facts: the district plan's overdue", [](Inputs& in) { in.facts.plans[2].overdue = 1; });
  add("facts: as_of", [](Inputs& in) { in.facts.as_of = Date{2023, 7, 1}; });
  add("facts: as_of, another year", [](Inputs& in) { in.facts.as_of = Date{2024, 1, 2}; });
  add("facts: left_out", [](Inputs& in) { in.facts.left_out.plans = 1; });
  add("facts: an entry's record", [](Inputs& in) { in.facts.entries[1].index = 0; });
  add("facts: an entry's plan", [](Inputs& in) { in.facts.entries[1].plan = 1; });
  add("facts: a measurement's record", [](Inputs& in) {
    in.portal.progress[0].measurements.push_back(in.portal.progress[0].measurements[0]);
    in.portal.progress[0].measurements[1].value = 52;
    in.facts.measurements[0].index = 1;
  });

  // The plan implementing the district's (plan 0, on plan 2's page).
  add("implementing plan's not-in-copy date", [](Inputs& in) { in.portal.plans[0].not_in_copy.date = true; });
  add("implementing plan's task count", [](Inputs& in) { in.portal.plans[0].tasks[4].parent = 3; });

  // The theme and the options.
  add("theme: the plan template", [](Inputs& in) { in.theme.templates.at("plan").text += "<!-- -->"; });
  add("theme: the layout", [](Inputs& in) { in.theme.templates.at("layout").text += "<!-- -->"; });
  add("theme: a partial", [](Inputs& in) { in.theme.partials.begin()->second.text += "<!-- -->"; });
  add("theme: another page's template", [](Inputs& in) { in.theme.templates.at("home").text += "<!-- -->"; });
  add("theme: an asset", [](Inputs& in) { in.theme.assets["moi.css"] = "x"; });
  add("options: generator_version", [](Inputs& in) { in.options.generator_version = "0.1.1"; });
  add("options: cache_identity", [](Inputs& in) { in.options.cache_identity = "0.1.0 bbbb"; });
  add("options: serve_mode", [](Inputs& in) {
    in.options.serve_mode = true;
    in.options.extra_head = "<script src=\"/_live.js\"></script>";
  });
  add("options: extra_head", [](Inputs& in) { in.options.extra_head = "<script></script>"; });
  add("options: an asset's version", [](Inputs& in) { in.options.asset_versions["assets/style.css"] = "v=0000000000"; });
  add("options: an asset's version added", [](Inputs& in) { in.options.asset_versions["assets/chia-se.png"] = "v=1"; });
  add("options: threads", [](Inputs& in) { in.options.threads = 3; });
  add("options: data_files", [](Inputs& in) {
    DataFileInfo f;
    f.path = "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json";
    f.bytes = 99;
    f.unit = 2;
    in.options.data_files.push_back(f);
  });
  // The open-data files the pages offer: the portal's and each unit's data package.
  auto package = [](int unit, std::string path) {
    DataFileInfo f;
    f.path = std::move(path);
    f.format = "Data Package";
    f.media_type = "application/json";
    f.bytes = 99;
    f.unit = unit;
    return f;
  };
  auto plan_json = [=](std::string what, std::function<void(DataFileInfo&)> apply) {
    add("options: plan 0's unit's JSON, " + what, [apply](Inputs& in) { apply(in.options.data_files.back()); });
  };
  plan_json("path", [](DataFileInfo& f) { f.path += "x"; });
  plan_json("title", [](DataFileInfo& f) { f.title += "x"; });
  plan_json("description", [](DataFileInfo& f) { f.description += "x"; });
  plan_json("format", [](DataFileInfo& f) { f.format = "JSON Schema"; });
  plan_json("media type", [](DataFileInfo& f) { f.media_type += "x"; });
  plan_json("size", [](DataFileInfo& f) { f.bytes = 99999; });
  plan_json("unit", [](DataFileInfo& f) { f.unit = 1; });
  add("options: the portal's data package", [=](Inputs& in) { in.options.data_files.insert(in.options.data_files.begin(), package(-1, "datapackage.json")); });
  for (int u : {0, 1, 2}) {
    const std::string path = in_unit(u) + "/datapackage.json";
    add("options: unit " + std::to_string(u) + "'s data package",
        [=](Inputs& in) { in.options.data_files.insert(in.options.data_files.begin(), package(u, path)); });
    add("options: unit " + std::to_string(u) + "'s data package, its path", [=](Inputs& in) {
      in.options.data_files.insert(in.options.data_files.begin(), package(u, path));
      in.options.data_files.front().path = "x/" + path;
    });
    add("options: unit " + std::to_string(u) + "'s data package, its media type", [=](Inputs& in) {
      in.options.data_files.insert(in.options.data_files.begin(), package(u, path));
      in.options.data_files.front().media_type = "application/vnd.datapackage+json";
    });
    add("options: unit " + std::to_string(u) + "'s CSV", [=](Inputs& in) {
      in.options.data_files.insert(in.options.data_files.begin(), package(u, path));
      in.options.data_files.front().format = "CSV";
    });
  }
  return c;
}

Inputs base_inputs() {
  Inputs in;
  Diagnostics errors;
  in.theme = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  EXPECT_TRUE(errors.empty());
  // What the default theme leaves out of a unit's page and another theme may show: its
  // parent's counts.
  in.theme.templates.at("unit").text += "{{#unit.parent}}<p>{{plan_count}} {{report_count}}</p>{{/unit.parent}}";
  in.options.generator_version = "0.1.0";
  in.options.asset_versions = asset_versions(in.theme, {});
  // The JSON of the plans of plan 0's commune, which the open-data page lists.
  DataFileInfo json;
  json.path = "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json";
  json.title = "Kế hoạch";
  json.description = "Kế hoạch, dạng JSON.";
  json.format = "JSON";
  json.media_type = "application/json";
  json.bytes = 38772;
  json.unit = 2;
  in.options.data_files.push_back(json);
  return in;
}

// The property incremental builds rest on, for every input of a page keyed by its inputs:
// whatever changes the page changes its key. Watched: plan 0's page, plan 2's (which lists
// plan 0), the page of the report about plan 0, the pages of the commune of plan 0 and of
// each unit above it, and the home page.
TEST(PageKeysFromInputs, EveryInputThePageReadsChangesTheKey) {
  const Inputs base = base_inputs();
  const std::vector<std::pair<std::string, PageJob>> watched = {
      {"plan 0", {PageJob::Kind::kPlan, 0}},  {"plan 2", {PageJob::Kind::kPlan, 2}},
      {"report 0", {PageJob::Kind::kReport, 0}}, {"unit 2", {PageJob::Kind::kUnit, 2}},
      {"unit 1", {PageJob::Kind::kUnit, 1}},  {"unit 0", {PageJob::Kind::kUnit, 0}},
      {"home", {PageJob::Kind::kHome, 0}},    {"open data", {PageJob::Kind::kOpenData, 0}}};
  std::vector<Page> before;
  for (const auto& [name, job] : watched) {
    before.push_back(page_of(base, job));
    ASSERT_FALSE(before.back().bytes.empty()) << name;
    ASSERT_EQ(before.back().key.size(), 32u) << name;
  }
  std::map<std::string, std::size_t> shown;
  for (const Change& c : changes()) {
    Inputs in = base;
    c.apply(in);
    for (std::size_t i = 0; i < watched.size(); ++i) {
      const Page after = page_of(in, watched[i].second);
      if (after.bytes != before[i].bytes) {
        ++shown[watched[i].first];
        EXPECT_NE(after.key, before[i].key) << c.what << " changes " << watched[i].first << "'s page but not its key";
      }
    }
  }
  // The changes are seen: many of them change each page (a test of the list itself).
  EXPECT_GT(shown["plan 0"], 100u);
  EXPECT_GT(shown["plan 2"], 30u);
  EXPECT_GT(shown["report 0"], 40u);
  EXPECT_GT(shown["unit 2"], 60u);
  EXPECT_GT(shown["unit 1"], 60u);
  EXPECT_GT(shown["unit 0"], 60u);
  EXPECT_GT(shown["home"], 60u);
  EXPECT_GT(shown["open data"], 10u);
  for (const auto& [name, n] : shown) std::cout << name << ": " << n << " changes shown\n";
}

// What the key leaves out changes neither the page nor the key: a page is not rendered
// again for nothing.
TEST(PageKeysFromInputs, WhatAPlanPageDoesNotReadLeavesItsKey) {
  const Inputs base = base_inputs();
  const Page before = plan_page_of(base, 0);
  const std::vector<Change> unread = {
      {"another plan's task", [](Inputs& in) { in.portal.plans[1].tasks[0].text += " (sửa)"; }},
      {"the implemented plan's title", [](Inputs& in) { in.portal.plans[2].title += " (sửa)"; }},
      {"a unit's phone", [](Inputs& in) { in.portal.units[2].contact.phone += "1"; }},
      {"a unit's plans", [](Inputs& in) { in.portal.units[2].plans.push_back(7); }},
      {"an entry's position", [](Inputs& in) { in.portal.progress[0].entries[0].pos.line = 7; }},
      {"a record's sheet", [](Inputs& in) { in.portal.progress[0].sheet = "Tiến độ"; }},
      {"a report's body", [](Inputs& in) { in.portal.reports[0].body += " (sửa)"; }},
      {"the data files", [](Inputs& in) { in.options.data_files.push_back({}); }},
      {"the threads", [](Inputs& in) { in.options.threads = 3; }},
      {"what was left out", [](Inputs& in) { in.facts.left_out.plans = 1; }},
      {"an asset with no version", [](Inputs& in) { in.theme.assets["moi.css"] = "x"; }},
  };
  for (const Change& c : unread) {
    Inputs in = base;
    c.apply(in);
    const Page after = plan_page_of(in, 0);
    EXPECT_EQ(after.bytes, before.bytes) << c.what;
    EXPECT_EQ(after.key, before.key) << c.what;
  }
}

// An edit of one plan changes the size of its unit's open-data files; the open-data page,
// which lists every unit's files, lists them without their sizes and stays as it was.
TEST(PageKeysFromInputs, TheSizeOfAUnitsFileLeavesTheOpenDataPage) {
  const Inputs base = base_inputs();
  const PageJob open_data{PageJob::Kind::kOpenData, 0};
  const Page before = page_of(base, open_data);
  Inputs in = base;
  ASSERT_GE(in.options.data_files.back().unit, 0);
  in.options.data_files.back().bytes += 20;
  const Page after = page_of(in, open_data);
  EXPECT_EQ(after.bytes, before.bytes);
  EXPECT_EQ(after.key, before.key);
}

TEST(PageKeysFromInputs, SameInputsSameKeyAndKeysDifferByPage) {
  const Inputs base = base_inputs();
  EXPECT_EQ(plan_page_of(base, 0).key, plan_page_of(base, 0).key);
  std::set<std::string> keys;
  for (int p = 0; p < static_cast<int>(base.portal.plans.size()); ++p) keys.insert(plan_page_of(base, p).key);
  keys.insert(page_of(base, {PageJob::Kind::kReport, 0}).key);
  EXPECT_EQ(keys.size(), base.portal.plans.size() + 1);
}

// A whole site built incrementally after one change, with the facts derived as a build
// derives them: every page reused is one whose bytes a full build keeps, and the keys are
// those of the full build.
TEST(PageKeysFromInputs, NoPageIsStaleAfterAnyOneChange) {
  struct Edit {
    const char* what;
    std::function<void(Portal&, Date&)> apply;
  };
  const std::vector<Edit> edits = {
      {"a task's text", [](Portal& p, Date&) { p.plans[0].tasks[1].text += " (sửa)"; }},
      {"a task's timeframe", [](Portal& p, Date&) { p.plans[0].tasks[1].timeframe = "Tháng 9/2023"; }},
      {"the plan's number", [](Portal& p, Date&) { p.plans[0].number = "29/KH-UBND"; }},
      {"the district plan's title", [](Portal& p, Date&) { p.plans[2].title += " (sửa)"; }},
      {"the district plan's date", [](Portal& p, Date&) { p.plans[2].date = Date{2023, 3, 2}; }},
      {"a progress entry's status", [](Portal& p, Date&) { p.progress[0].entries[1].status = TaskStatus::kDone; }},
      {"a progress entry's date", [](Portal& p, Date&) { p.progress[0].entries[1].date = {2023, 7, 25}; }},
      {"a progress entry's note", [](Portal& p, Date&) { p.progress[0].entries[0].note += " (sửa)"; }},
      {"a progress entry left out", [](Portal& p, Date&) { p.progress[0].entries.pop_back(); }},
      {"a progress record's period", [](Portal& p, Date&) { p.progress[0].period = "Quý II/2023"; }},
      {"a measurement's value", [](Portal& p, Date&) { p.progress[0].measurements[0].value = 61; }},
      {"a report's title", [](Portal& p, Date&) { p.reports[0].title += " (sửa)"; }},
      {"a report's date", [](Portal& p, Date&) { p.reports[0].date = {2023, 4, 9}; }},
      {"a report's body", [](Portal& p, Date&) { p.reports[0].body += " (sửa)"; }},
      {"a task a report names, renumbered", [](Portal& p, Date&) { p.plans[0].tasks[1].number = "2"; }},
      {"the commune renamed", [](Portal& p, Date&) { p.units[2].name = "Sơn Lâm Mới"; }},
      {"the district renamed", [](Portal& p, Date&) { p.units[1].name = "Hương Sơn Mới"; }},
      {"the province's e-mail", [](Portal& p, Date&) { p.units[0].contact.email = "lienhe@hatinh.gov.vn"; }},
      {"the district's feedback", [](Portal& p, Date&) { p.units[1].feedback = "https://gopy.huongson.vn"; }},
      {"two entries of one day in the other order of their file",
       [](Portal& p, Date&) { std::swap(p.progress[0].entries[0], p.progress[0].entries[1]); }},
      {"the other commune's plan's task", [](Portal& p, Date&) { p.plans[3].tasks[1].text += " (sửa)"; }},
      {"the other commune's plan's deadline", [](Portal& p, Date&) { p.plans[3].tasks[1].timeframe = "Tháng 5/2023"; }},
      {"the other commune's plan left out", [](Portal& p, Date&) { p.units[3].plans.clear(); }},
      {"the other commune's phone", [](Portal& p, Date&) { p.units[3].contact.phone = "0239 3875 111"; }},
      {"the commune's hours", [](Portal& p, Date&) { p.units[2].contact.hours = "Sáng 7h30"; }},
      {"the site's title", [](Portal& p, Date&) { p.site.title += " (sửa)"; }},
      {"the site's address", [](Portal& p, Date&) { p.site.base_url = "https://a.example"; }},
      {"the reference date, a day later", [](Portal&, Date& as_of) { as_of = {2023, 7, 1}; }},
      {"the reference date, next year", [](Portal&, Date& as_of) { as_of = {2024, 1, 2}; }},
  };
  Inputs base = base_inputs();
  const Date as_of = base.facts.as_of;
  auto build = [&](const Portal& portal, const Date& date, const std::map<std::string, std::string>* previous) {
    const PortalFacts facts = derive_facts(portal, date);
    RenderOptions options = base.options;
    options.previous_keys = previous;
    Diagnostics errors;
    OutputFiles files = render_site(portal, facts, base.theme, options, &errors);
    for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
    return files;
  };
  const OutputFiles first = build(base.portal, as_of, nullptr);
  std::map<std::string, std::string> keys, old_bytes;
  for (const OutputFile& f : first)
    if (!f.key.empty()) keys[f.path] = f.key, old_bytes[f.path] = f.bytes;
  for (const Edit& edit : edits) {
    Portal changed = base.portal;
    Date date = as_of;
    edit.apply(changed, date);
    const OutputFiles full = build(changed, date, nullptr);
    const OutputFiles incremental = build(changed, date, &keys);
    ASSERT_EQ(full.size(), incremental.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < full.size(); ++i) {
      const OutputFile& f = full[i];
      if (f.key.empty()) continue;
      ASSERT_EQ(incremental[i].path, f.path);
      EXPECT_EQ(incremental[i].key, f.key) << edit.what << ": " << f.path;
      const bool same = old_bytes.count(f.path) && old_bytes[f.path] == f.bytes;
      if (!same) ++differ;
      if (incremental[i].reused) {
        EXPECT_TRUE(same) << edit.what << ": " << f.path << " reused, but a full build changes it";
      } else {
        EXPECT_EQ(incremental[i].bytes, f.bytes) << edit.what << ": " << f.path;
      }
    }
    EXPECT_GT(differ, 0u) << edit.what << " changes no page";
  }
}

// An edit of one plan renders its page again and reuses the other plans' pages.
TEST(PageKeysFromInputs, AnEditOfOnePlanRendersItsPageAlone) {
  Inputs in = base_inputs();
  Diagnostics errors;
  std::map<std::string, std::string> keys;
  for (const OutputFile& f : render_site(in.portal, in.facts, in.theme, in.options, &errors))
    if (!f.key.empty()) keys[f.path] = f.key;
  in.portal.plans[1].tasks[0].text += " (sửa)";
  in.options.previous_keys = &keys;
  std::set<std::string> rendered;
  for (const OutputFile& f : render_site(in.portal, in.facts, in.theme, in.options, &errors))
    if (!f.key.empty() && !f.reused) rendered.insert(f.path);
  EXPECT_TRUE(rendered.count(plan_page(in.portal, in.portal.plans[1])));
  EXPECT_FALSE(rendered.count(plan_page(in.portal, in.portal.plans[0])));
  EXPECT_FALSE(rendered.count(plan_page(in.portal, in.portal.plans[2])));
}

// An edit of one plan renders its unit's page and those above it, and the home page, again;
// the pages of the other units are reused.
TEST(PageKeysFromInputs, AnEditOfOnePlanRendersTheUnitsAboveItAlone) {
  Inputs in = base_inputs();
  Diagnostics errors;
  std::map<std::string, std::string> keys;
  for (const OutputFile& f : render_site(in.portal, in.facts, in.theme, in.options, &errors))
    if (!f.key.empty()) keys[f.path] = f.key;
  in.portal.plans[3].tasks[1].text += " (sửa)";
  in.options.previous_keys = &keys;
  std::set<std::string> rendered;
  for (const OutputFile& f : render_site(in.portal, in.facts, in.theme, in.options, &errors))
    if (!f.key.empty() && !f.reused) rendered.insert(f.path);
  for (int u : {3, 1, 0}) EXPECT_TRUE(rendered.count(unit_page(in.portal.units[u]))) << u;
  EXPECT_TRUE(rendered.count(home_page()));
  EXPECT_FALSE(rendered.count(unit_page(in.portal.units[2])));
  EXPECT_TRUE(rendered.count(plan_page(in.portal, in.portal.plans[3])));
  for (int p : {0, 1, 2}) EXPECT_FALSE(rendered.count(plan_page(in.portal, in.portal.plans[p]))) << p;
}

}  // namespace
}  // namespace congkhai
