// The search shards' keys (search/shard_keys.h) with the plans' keys the pipeline hands them:
// plan_data_key's, made by the export stage. The search stage comes before the export stage
// and cannot make those keys itself, so the shards' keys are tested here, where both are.
#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <map>
#include <string>

#include "export/exports.h"
#include "export/plan_data_key.h"
#include "export/testing_portal.h"
#include "search/search_files.h"

namespace congkhai {
namespace {

constexpr Date kAsOf{2023, 6, 30};

// Everything the search files are made from, changed one piece at a time.
struct Inputs {
  Portal portal;
  PortalFacts facts = testing::make_test_facts();
  std::string version = "9.9.9";
  bool with_facts = true;  // the tasks' statuses indexed
};

// The export test portal (Hà Tĩnh › Hương Sơn › Sơn Lâm, Thái Nguyên › Định Hoá; Sơn Lâm's
// plan implements Hương Sơn's), with what the units' pages in the search show.
Portal shard_portal() {
  Portal p = testing::make_test_portal_with_parent_plan();
  for (Unit& u : p.units) {
    u.contact = {"Số 1 đường " + u.name, "0239 3875 111", u.slug + "@example.vn", "https://" + u.slug + ".example.vn",
                 "Sáng 7h30"};
    u.feedback = "gopy@" + u.slug + ".example.vn";
  }
  p.plans[0].place = "Sơn Lâm";
  p.plans[0].budget = "Ngân sách xã.";
  p.plans[0].appendix_title = "PHỤ LỤC";
  p.plans[0].tasks[1].partners_text = "Công an xã\nBộ phận một cửa";
  p.plans[0].tasks[1].partners = {"Công an xã", "Bộ phận một cửa"};
  p.plans[0].targets[0].statement = "Tối thiểu 60% hồ sơ trực tuyến";
  p.reports[0].body = "Kết quả quý I.\n";
  return p;
}

struct Shard {
  std::string hash, bytes;  // the key's hash (before "-" and the size), the published script
};

// Every keyed search file: the plans' keys made as the export stage makes them.
std::map<std::string, Shard> shards_of(const Inputs& in) {
  const std::vector<std::string> plan_keys = plan_data_keys(in.portal, in.facts, in.version, 1);
  OutputCollector out;
  build_search_files(in.portal, {}, 1, out, {in.version, nullptr, &plan_keys}, in.with_facts ? &in.facts : nullptr);
  std::map<std::string, Shard> shards;
  for (OutputFile& f : out.take()) {
    EXPECT_EQ(f.key.empty(), f.path == "tim-kiem/chi-muc.js") << f.path << ": only the global index has no key";
    if (!f.key.empty()) shards[f.path] = {f.key.substr(0, f.key.find('-')), std::move(f.bytes)};
  }
  return shards;
}

struct Change {
  std::string what;
  std::function<void(Inputs&)> apply;
};

// Every field of the model, the facts and the options, changed one at a time (a field added
// to a struct the shard keys hash by hand fails its size check in search/shard_keys.cc until
// it is added here too). The facts are the test's own, changed by hand and never derived
// again, so that each input is seen alone.
std::vector<Change> changes() {
  std::vector<Change> c;
  auto add = [&](std::string what, std::function<void(Inputs&)> apply) { c.push_back({std::move(what), std::move(apply)}); };
  const std::string s = " (sửa)";

  // Sơn Lâm's plan (0), every field, and Hương Sơn's (2), some.
  for (int index : {0, 2}) {
    auto plan = [&, index](std::string what, std::function<void(Plan&)> apply) {
      add("plan " + std::to_string(index) + ": " + what, [apply, index](Inputs& in) { apply(in.portal.plans[index]); });
    };
    plan("path", [=](Plan& p) { p.path += "x"; });
    plan("id", [=](Plan& p) { p.id = "2023-b"; });
    plan("number", [=](Plan& p) { p.number = "29/KH-UBND"; });
    plan("number left blank", [=](Plan& p) { p.number = "/KH-UBND"; });
    plan("title", [=](Plan& p) { p.title += s; });
    plan("year", [=](Plan& p) { p.year = 2022; });
    plan("year unknown", [=](Plan& p) { p.year = 0; });
    plan("date", [=](Plan& p) { p.date = Date{2023, 3, 4}; });
    plan("place", [=](Plan& p) { p.place += s; });
    plan("issuer", [=](Plan& p) { p.issuer += s; });
    plan("signer's name", [=](Plan& p) { p.signer.name += s; });
    plan("signer's title", [=](Plan& p) { p.signer.title += s; });
    plan("legal basis", [=](Plan& p) { p.legal_basis.push_back({"Nghị định số 61/2018/NĐ-CP", ""}); });
    plan("implements", [=](Plan& p) { p.implements = Reference{"Kế hoạch số 1/KH-UBND", ""}; });
    plan("implements left out", [=](Plan& p) { p.implements.reset(); });
    plan("recipients", [=](Plan& p) { p.recipients.push_back("Công an xã"); });
    plan("budget", [=](Plan& p) { p.budget += s; });
    plan("body", [=](Plan& p) { p.body += "Thêm.\n"; });
    plan("body_line", [=](Plan& p) { p.body_line = 40; });
    plan("appendix_title", [=](Plan& p) { p.appendix_title += s; });
    plan("appendix_note", [=](Plan& p) { p.appendix_note = "(Kèm theo Kế hoạch)"; });
    plan("column: task", [=](Plan& p) { p.columns.task = "Nội dung"; });
    plan("not in copy: number", [=](Plan& p) { p.not_in_copy.number = true; });
  }
  auto plan = [&](std::string what, std::function<void(Plan&)> apply) {
    add("plan 0: " + what, [apply](Inputs& in) { apply(in.portal.plans[0]); });
  };
  plan("implements text", [=](Plan& p) { p.implements->text += s; });
  plan("legal basis text", [=](Plan& p) { p.legal_basis[0].text += s; });
  plan("legal basis url", [=](Plan& p) { p.legal_basis[1].url += "/1"; });
  plan("implements_plan", [=](Plan& p) { p.implements_plan += "x"; });
  plan("body with a table marker", [=](Plan& p) {
    p.body = "Trước.\n[[bảng nhiệm vụ]]\nSau.\n";
    p.table_marker = 1;
  });
  plan("table_marker", [=](Plan& p) { p.table_marker = 0; });
  plan("section number", [=](Plan& p) { p.sections[0].number = "A"; });
  plan("section title", [=](Plan& p) { p.sections[0].title += s; });
  plan("section depth", [=](Plan& p) { p.sections[0].depth = 2; });
  plan("section added above", [=](Plan& p) {
    p.sections.push_back({"II", "Nhiệm vụ", 1, -1, {}});
    p.sections[0].parent = 1;
  });
  plan("task id", [=](Plan& p) { p.tasks[1].id = "tap-huan-2"; });
  plan("task number", [=](Plan& p) { p.tasks[1].number = "2a"; });
  plan("task text", [=](Plan& p) { p.tasks[1].text += s; });
  plan("task lead_text", [=](Plan& p) { p.tasks[1].lead_text = "Công chức Tư pháp"; });
  plan("task partners_text", [=](Plan& p) { p.tasks[1].partners_text = "Văn phòng"; });
  plan("task lead", [=](Plan& p) { p.tasks[1].lead = {"Công chức Tư pháp"}; });
  plan("task partners", [=](Plan& p) { p.tasks[0].partners.pop_back(); });
  plan("task output", [=](Plan& p) { p.tasks[0].output += s; });
  plan("task timeframe", [=](Plan& p) { p.tasks[1].timeframe = "Quý III/2023"; });
  plan("task section", [=](Plan& p) { p.tasks[2].section = 0; });
  plan("task parent", [=](Plan& p) {
    p.tasks[2].parent = 1;
    p.tasks[1].subtasks = {2};
  });
  plan("task subtasks", [=](Plan& p) { p.tasks[0].subtasks = {2}; });
  plan("task pos", [=](Plan& p) { p.tasks[1].pos.line = 12; });
  plan("table rows", [=](Plan& p) { p.table = {{TableRow::Kind::kTask, 0}}; });
  plan("target id", [=](Plan& p) { p.targets[0].id = "truc-tuyen"; });
  plan("target measure", [=](Plan& p) { p.targets[0].measure += s; });
  plan("target comparison", [=](Plan& p) { p.targets[0].comparison = Comparison::kExactly; });
  plan("target value", [=](Plan& p) { p.targets[0].value = 70; });
  plan("target value, no text", [=](Plan& p) { p.targets[0].value_text.clear(); p.targets[0].value = 60.5; });
  plan("target value_text", [=](Plan& p) { p.targets[0].value_text = "60,0"; });
  plan("target unit", [=](Plan& p) { p.targets[0].unit = "hồ sơ"; });
  plan("target task", [=](Plan& p) { p.targets[0].task = "xay-dung-ke-hoach"; });
  plan("target task's lead", [=](Plan& p) { p.tasks[1].lead = {"Công an xã"}; });
  plan("target statement", [=](Plan& p) { p.targets[0].statement += s; });
  plan("target part", [=](Plan& p) { p.targets[0].part = "II. Nhiệm vụ"; });
  plan("target pos", [=](Plan& p) { p.targets[0].pos.line = 3; });
  plan("a target added", [=](Plan& p) { p.targets.push_back(p.targets[0]); p.targets.back().id = "them"; });
  plan("a task added", [=](Plan& p) { p.tasks.push_back(p.tasks[0]); p.tasks.back().id = "them"; });
  plan("its unit", [=](Plan& p) { p.unit = 4; });
  plan("implements_index", [=](Plan& p) { p.implements_index = 1; });
  plan("implemented_by", [=](Plan& p) { p.implemented_by = {1}; });
  plan("a text grown by two listed steps", [=](Plan& p) { p.tasks[0].text += " " + std::string(2 * kListedShardUnit, 'x'); });

  // Every unit, every field.
  for (int u : {0, 1, 2, 3, 4}) {
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
    unit("address cleared", [=](Unit& x) { x.contact.address.clear(); });
    unit("phone", [=](Unit& x) { x.contact.phone += "1"; });
    unit("e-mail", [=](Unit& x) { x.contact.email = "lienhe@example.vn"; });
    unit("website", [=](Unit& x) { x.contact.website = "https://example.vn"; });
    unit("hours", [=](Unit& x) { x.contact.hours = "Chiều 13h30"; });
    unit("no contact at all", [=](Unit& x) { x.contact = {}; });
    unit("feedback", [=](Unit& x) { x.feedback += s; });
    unit("no feedback", [=](Unit& x) { x.feedback.clear(); });
  }
  add("units: Sơn Lâm's children", [](Inputs& in) { in.portal.units[2].children = {4}; });
  add("units: Hương Sơn's plan also Sơn Lâm's", [](Inputs& in) { in.portal.units[2].plans = {0, 2}; });
  add("units: Sơn Lâm's plans reordered", [](Inputs& in) { in.portal.units[2].plans = {2, 0}; });
  add("units: Định Hoá's report also Sơn Lâm's", [](Inputs& in) { in.portal.units[2].reports = {0, 1}; });
  add("units: Hương Sơn's report", [](Inputs& in) { in.portal.units[1].reports = {0}; });
  add("units: Sơn Lâm under Hà Tĩnh", [](Inputs& in) {
    in.portal.units[2].parent = 0;
    in.portal.units[1].children.clear();
    in.portal.units[0].children.push_back(2);
  });
  add("units: Định Hoá under Hương Sơn", [](Inputs& in) {
    in.portal.units[4].parent = 1;
    in.portal.units[3].children.clear();
    in.portal.units[1].children.push_back(4);
  });

  // Each report, every field.
  for (int r : {0, 1}) {
    auto report = [&, r](std::string what, std::function<void(Report&)> apply) {
      add("report " + std::to_string(r) + ": " + what, [apply, r](Inputs& in) { apply(in.portal.reports[r]); });
    };
    report("path", [=](Report& x) { x.path += "x"; });
    report("id", [=](Report& x) { x.id += "-b"; });
    report("unit", [=](Report& x) { x.unit = 1; });
    report("title", [=](Report& x) { x.title += s; });
    report("date", [=](Report& x) { x.date = Date{2023, 4, 6}; });
    report("period index", [=](Report& x) { x.period.index = 2; });
    report("period kind", [=](Report& x) { x.period.kind = Period::Kind::kHalf; x.period.index = 1; });
    report("period year", [=](Report& x) { x.period.year = 2024; });
    report("number", [=](Report& x) { x.number = "16/BC-UBND"; });
    report("plan_id", [=](Report& x) { x.plan_id = "2024"; });
    report("plan", [=](Report& x) { x.plan = 1; });
    report("tasks", [=](Report& x) { x.tasks.push_back("niem-yet"); });
    report("targets", [=](Report& x) { x.targets.push_back("ho-so-truc-tuyen"); });
    report("task_pos", [=](Report& x) { x.task_pos.push_back({3, 4}); });
    report("attachment", [=](Report& x) { x.attachments.push_back({"a.pdf", "Phụ lục", 10, {}}); });
    report("attachment title", [=](Report& x) {
      if (x.attachments.empty()) x.attachments.push_back({"a.pdf", "Phụ lục", 10, {}});
      x.attachments[0].title += s;
    });
    report("body", [=](Report& x) { x.body += "Thêm." ; });
    report("body_line", [=](Report& x) { x.body_line = 9; });
  }

  // The site and the portal.
  add("site: title", [=](Inputs& in) { in.portal.site.title += s; });
  add("site: base_url", [](Inputs& in) { in.portal.site.base_url = "https://congkhai.example.vn/"; });
  add("content_dir", [](Inputs& in) { in.portal.content_dir = "noi-dung"; });
  add("progress: an entry's note", [=](Inputs& in) { in.portal.progress[0].entries[0].note += s; });

  // The facts of Sơn Lâm's plan, every field.
  auto task = [&](std::string what, std::function<void(TaskFacts&)> apply) {
    add("facts: task " + what, [apply](Inputs& in) { apply(in.facts.plans[0].tasks[1]); });
  };
  task("timeframe kind", [](TaskFacts& t) { t.timeframe.kind = Timeframe::Kind::kUnknown; });
  task("timeframe due", [](TaskFacts& t) { t.timeframe.due = Date{2023, 6, 20}; });
  task("due", [](TaskFacts& t) { t.due = Date{2023, 6, 18}; });
  task("due, another", [](TaskFacts& t) { t.due = Date{2023, 9, 30}; });
  for (TaskStatus status : {TaskStatus::kDone, TaskStatus::kNotStarted, TaskStatus::kPostponed, TaskStatus::kCancelled})
    task("status " + std::string(task_status_key(status)), [status](TaskFacts& t) { t.status = status; });
  task("reported", [](TaskFacts& t) { t.reported = false; });
  task("percent", [](TaskFacts& t) { t.percent = 45; });
  task("entries", [](TaskFacts& t) { t.entries = {0, 1}; });
  task("overdue", [](TaskFacts& t) { t.overdue = true; t.overdue_days = 3; });
  task("overdue_days", [](TaskFacts& t) { t.overdue_days = 13; });
  task("from_subtasks", [](TaskFacts& t) { t.from_subtasks = true; });
  add("facts: another task no longer overdue", [](Inputs& in) { in.facts.plans[0].tasks[2].overdue = false; });
  add("facts: target result", [](Inputs& in) { in.facts.plans[0].targets[0].result = TargetResult::kMet; });
  add("facts: target latest", [](Inputs& in) { in.facts.plans[0].targets[0].latest = 45; });
  add("facts: plan done", [](Inputs& in) { in.facts.plans[0].done = 2; });
  add("facts: plan last_updated", [](Inputs& in) { in.facts.plans[0].last_updated = Date{2023, 4, 6}; });
  add("facts: none for the plans", [](Inputs& in) { in.facts.plans.clear(); });
  add("facts: some for Hương Sơn's plan", [](Inputs& in) {
    in.facts.plans.push_back({});
  });
  add("facts: Định Hoá's task done", [](Inputs& in) { in.facts.plans[1].tasks[0].status = TaskStatus::kDone; });
  add("facts: as_of", [](Inputs& in) { in.facts.as_of = Date{2023, 7, 1}; });

  // The options.
  add("options: the generator", [](Inputs& in) { in.version = "9.9.10"; });
  add("options: no statuses", [](Inputs& in) { in.with_facts = false; });
  return c;
}

Inputs base_inputs() {
  Inputs in;
  in.portal = shard_portal();
  return in;
}

// The property incremental builds rest on, for every input of a shard: whatever changes a
// shard's bytes changes its key.
TEST(SearchShardKeys, EveryInputTheDocumentsReadChangesTheKey) {
  const Inputs base = base_inputs();
  const std::map<std::string, Shard> before = shards_of(base);
  ASSERT_EQ(before.size(), 5u);
  std::map<std::string, std::size_t> shown;
  for (const Change& c : changes()) {
    Inputs in = base;
    c.apply(in);
    for (const auto& [path, after] : shards_of(in)) {
      auto old = before.find(path);
      if (old == before.end() || old->second.bytes == after.bytes) continue;
      ++shown[path];
      EXPECT_NE(after.hash, old->second.hash) << c.what << " changes " << path << " but not its key";
    }
  }
  // The changes are seen: many of them change each shard (a test of the list itself).
  EXPECT_GT(shown["tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js"], 70u);
  EXPECT_GT(shown["tim-kiem/chi-muc/ha-tinh/huong-son.js"], 18u);
  EXPECT_GT(shown["tim-kiem/chi-muc/ha-tinh.js"], 25u);
  EXPECT_GT(shown["tim-kiem/chi-muc/thai-nguyen.js"], 12u);
  EXPECT_GT(shown["tim-kiem/chi-muc/thai-nguyen/dinh-hoa.js"], 15u);
  for (const auto& [path, n] : shown) std::cout << path << ": " << n << " changes shown\n";
}

// What neither the shard keys nor the plans' keys cover changes neither a shard nor its key:
// a shard is not made again for nothing. (The plans' keys cover more than the documents
// read, the site's settings and progress notes among them: a change there makes the shards
// of the plans' units again, never stale.)
TEST(SearchShardKeys, WhatNoShardReadsLeavesTheKeys) {
  const Inputs base = base_inputs();
  const std::map<std::string, Shard> before = shards_of(base);
  const std::vector<Change> unread = {
      {"a unit's opening hours", [](Inputs& in) { in.portal.units[2].contact.hours += " (sửa)"; }},
      {"a unit's source path", [](Inputs& in) { in.portal.units[4].path += "x"; }},
      {"a unit's slug below a shard", [](Inputs& in) { in.portal.units[2].slug += "-x"; }},
      {"a unit's children", [](Inputs& in) { in.portal.units[2].children = {4}; }},
  };
  for (const Change& c : unread) {
    Inputs in = base;
    c.apply(in);
    for (const auto& [path, after] : shards_of(in)) {
      EXPECT_EQ(after.bytes, before.at(path).bytes) << c.what << ": " << path;
      EXPECT_EQ(after.hash, before.at(path).hash) << c.what << ": " << path;
    }
  }
}

// An incremental build after one change, as the pipeline makes it: the facts derived as a
// build derives them, the plans' keys handed over by the export stage. Every shard reused is
// one whose bytes a full build keeps, every other is made as a full build makes it, and the
// keys are the full build's.
TEST(SearchShardKeys, NoShardIsStaleAfterAnyOneChange) {
  struct Edit {
    const char* what;
    std::function<void(Portal&, Date&)> apply;
  };
  const std::vector<Edit> edits = {
      {"a task's text", [](Portal& p, Date&) { p.plans[0].tasks[1].text += " (sửa)"; }},
      {"a task's output", [](Portal& p, Date&) { p.plans[0].tasks[0].output += " (sửa)"; }},
      {"a task's timeframe", [](Portal& p, Date&) { p.plans[0].tasks[2].timeframe = "Tháng 9/2023"; }},
      {"a task's lead", [](Portal& p, Date&) { p.plans[0].tasks[1].lead = {"Công an xã"}; }},
      {"a task's id", [](Portal& p, Date&) { p.plans[0].tasks[0].id = "ke-hoach"; }},
      {"a section's number", [](Portal& p, Date&) { p.plans[0].sections[0].number = "A"; }},
      {"a target's measure", [](Portal& p, Date&) { p.plans[0].targets[0].measure += " (sửa)"; }},
      {"the plan's title", [](Portal& p, Date&) { p.plans[0].title += " (sửa)"; }},
      {"the plan's number", [](Portal& p, Date&) { p.plans[0].number = "29/KH-UBND"; }},
      {"the plan's body", [](Portal& p, Date&) { p.plans[0].body += "Thêm.\n"; }},
      {"the district plan's title", [](Portal& p, Date&) { p.plans[2].title += " (sửa)"; }},
      {"a progress entry's status", [](Portal& p, Date&) { p.progress[0].entries[1].status = TaskStatus::kDone; }},
      {"a progress entry left out", [](Portal& p, Date&) { p.progress[0].entries.pop_back(); }},
      {"a report's title", [](Portal& p, Date&) { p.reports[0].title += " (sửa)"; }},
      {"a report's body", [](Portal& p, Date&) { p.reports[1].body += "Thêm."; }},
      {"a report's period", [](Portal& p, Date&) { p.reports[0].period.index = 2; }},
      {"a commune renamed", [](Portal& p, Date&) { p.units[2].name = "Sơn Lâm Mới"; }},
      {"a district renamed", [](Portal& p, Date&) { p.units[1].name = "Hương Sơn Mới"; }},
      {"a province renamed", [](Portal& p, Date&) { p.units[3].name = "Thái Nguyên Mới"; }},
      {"a commune's level", [](Portal& p, Date&) { p.units[4].level = UnitLevel::kPhuong; }},
      {"a commune's address", [](Portal& p, Date&) { p.units[4].contact.address += " (sửa)"; }},
      {"a district's feedback", [](Portal& p, Date&) { p.units[1].feedback = "https://gopy.example.vn"; }},
      {"a commune's shard grown by two listed steps",
       [](Portal& p, Date&) { p.plans[0].tasks[0].text += " " + std::string(2 * kListedShardUnit, 'x'); }},
      {"the site's title", [](Portal& p, Date&) { p.site.title += " (sửa)"; }},
      {"the reference date, earlier", [](Portal&, Date& as_of) { as_of = {2023, 3, 10}; }},
  };
  struct Built {
    std::map<std::string, OutputFile> files;
    std::map<std::string, std::string> keys;
  };
  const std::string version = "9.9.9";
  auto build = [&](const Portal& portal, const Date& as_of, const std::map<std::string, std::string>* previous) {
    const PortalFacts facts = derive_facts(portal, as_of);
    std::vector<std::string> plan_keys;
    OutputCollector exported;
    build_exports(portal, facts, 2, exported, {version, nullptr, &plan_keys});
    EXPECT_EQ(plan_keys.size(), portal.plans.size());
    OutputCollector out;
    build_search_files(portal, {}, 2, out, {version, previous, &plan_keys}, &facts);
    Built b;
    for (OutputFile& f : out.take()) {
      if (!f.key.empty()) b.keys[f.path] = f.key;
      b.files[f.path] = std::move(f);
    }
    return b;
  };
  const Portal portal = shard_portal();
  const Built first = build(portal, kAsOf, nullptr);
  ASSERT_EQ(first.keys.size(), 5u);
  std::size_t reused_in_all = 0;
  for (const Edit& edit : edits) {
    Portal changed = portal;
    Date as_of = kAsOf;
    edit.apply(changed, as_of);
    const Built full = build(changed, as_of, nullptr);
    const Built incremental = build(changed, as_of, &first.keys);
    ASSERT_EQ(full.files.size(), incremental.files.size()) << edit.what;
    EXPECT_EQ(incremental.keys, full.keys) << edit.what;
    std::size_t differ = 0;
    for (const auto& [path, f] : full.files) {
      const OutputFile& again = incremental.files.at(path);
      const bool same = first.files.count(path) && first.files.at(path).bytes == f.bytes;
      if (!same) ++differ;
      if (again.reused) {
        ++reused_in_all;
        EXPECT_TRUE(same) << edit.what << ": " << path << " reused, but a full build changes it";
      } else {
        EXPECT_EQ(again.bytes, f.bytes) << edit.what << ": " << path;
      }
    }
    EXPECT_GT(differ, 0u) << edit.what << " changes no search file";
  }
  EXPECT_GT(reused_in_all, edits.size() * 2);
}

}  // namespace
}  // namespace congkhai
