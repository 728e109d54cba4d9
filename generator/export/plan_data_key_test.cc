#include "export/plan_data_key.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "export/csv.h"
#include "export/exports.h"
#include "export/plan_json.h"
#include "export/tables.h"
#include "export/testing_files.h"
#include "export/testing_portal.h"
#include "model/urls.h"

namespace congkhai {
namespace {

using testing::find_output;
using testing::make_test_facts;
using testing::make_test_portal_with_parent_plan;

constexpr Date kAsOf{2023, 6, 30};
constexpr const char* kVersion = "9.9.9";

// What a build makes of plan `p`: its key, its object in its unit's JSON (the file with it
// alone) and its lines in the five tables.
struct Made {
  std::string key, json, csv;
};

Made make(const Portal& portal, const PortalFacts& facts, int p, const std::string& version = kVersion) {
  const PlanRefs refs = index_plan_refs(facts, portal.plans.size());
  Made m;
  m.key = plan_data_key(portal, facts, p, refs, plan_data_fingerprint(portal, facts, version));
  m.json = write_plans_json(portal, facts, portal.plans[p].unit, {static_cast<std::size_t>(p)}, refs);
  const PlanRows rows(portal, facts);
  for (std::size_t t = 0; t < rows.tables().size(); ++t)
    rows.each_row(t, p, [&](std::vector<std::string> cells) { m.csv += csv_row(rows.tables()[t], cells); });
  return m;
}

struct Change {
  const char* what;
  std::function<void(Portal&, PortalFacts&, std::string&)> apply;
  bool json_changes, csv_changes;  // what the change makes differ in Sơn Lâm's plan's data
};

// One input changed at a time, each read by the encoders of Sơn Lâm's plan of 2023 (plan 0),
// except the last ones, which show what the key leaves out or adds. The facts are the test's
// own, changed by hand and not derived again, so that each input is seen alone: a progress
// entry's percent must change the key by itself, not only through the status derived from it.
const std::vector<Change>& changes() {
  static const std::vector<Change> kChanges = {
      {"a task's text", [](Portal& p, PortalFacts&, std::string&) { p.plans[0].tasks[0].text += " (sửa)"; }, true, true},
      {"a task's timeframe",
       [](Portal& p, PortalFacts&, std::string&) { p.plans[0].tasks[2].timeframe = "Tháng 6/2023"; }, false, true},
      {"a section's title", [](Portal& p, PortalFacts&, std::string&) { p.plans[0].sections[0].title += " (sửa)"; }, true,
       true},
      {"a target's value", [](Portal& p, PortalFacts&, std::string&) { p.plans[0].targets[0].value = 40; }, true, true},
      {"a target's value as written",
       [](Portal& p, PortalFacts&, std::string&) { p.plans[0].targets[0].value_text = "60,0"; }, true, false},
      {"the plan's body", [](Portal& p, PortalFacts&, std::string&) { p.plans[0].body += "Thêm.\n"; }, true, false},
      {"a progress entry's percent", [](Portal& p, PortalFacts&, std::string&) { p.progress[0].entries[1].percent = 50; },
       true, true},
      {"a progress entry's note", [](Portal& p, PortalFacts&, std::string&) { p.progress[0].entries[0].note += " (sửa)"; },
       true, true},
      {"a progress entry's evidence",
       [](Portal& p, PortalFacts&, std::string&) { p.progress[0].entries[0].evidence[1].url += "&d=3"; }, true, true},
      {"a progress entry's line", [](Portal& p, PortalFacts&, std::string&) { p.progress[0].entries[0].pos.line = 7; },
       true, true},
      {"a progress record's period", [](Portal& p, PortalFacts&, std::string&) { p.progress[0].period = "Quý II/2023"; },
       true, true},
      // The value alone, then its text alone: each is shown.
      {"a measurement's value", [](Portal& p, PortalFacts&, std::string&) { p.progress[0].measurements[0].value = 45; },
       true, true},
      {"a measurement's value as written",
       [](Portal& p, PortalFacts&, std::string&) { p.progress[0].measurements[0].value_text = "41,5"; }, true, false},
      {"a measurement's source",
       [](Portal& p, PortalFacts&, std::string&) { p.progress[0].measurements[1].source_note = "Sổ theo dõi"; }, true,
       true},
      {"a report's title", [](Portal& p, PortalFacts&, std::string&) { p.reports[0].title += " (sửa)"; }, true, false},
      {"a report's attachment size", [](Portal& p, PortalFacts&, std::string&) { p.reports[0].attachments[0].bytes = 99; },
       true, false},
      {"the unit's name", [](Portal& p, PortalFacts&, std::string&) { p.units[2].name = "Sơn Lâm Mới"; }, true, true},
      {"the unit's level", [](Portal& p, PortalFacts&, std::string&) { p.units[2].level = UnitLevel::kThiTran; }, true,
       true},
      {"a unit's path above",
       [](Portal& p, PortalFacts&, std::string&) {
         p.units[1].url_path = "ha-tinh/huong-son-moi";
         p.units[2].url_path = "ha-tinh/huong-son-moi/son-lam";
       },
       true, true},
      {"the reference date", [](Portal&, PortalFacts& f, std::string&) { f.as_of = {2023, 7, 1}; }, true, true},
      {"the implemented plan's id", [](Portal& p, PortalFacts&, std::string&) { p.plans[2].id = "2023-b"; }, true, true},
      {"the site's address", [](Portal& p, PortalFacts&, std::string&) { p.site.base_url = "https://a.example"; }, true,
       true},
      // The JSON names records from the content folder, the CSVs from the unit's progress/.
      {"the content folder's name (the JSON's records are named relative to it)",
       [](Portal& p, PortalFacts&, std::string&) { p.content_dir = "noi-dung"; }, true, false},
      {"a task's derived status",
       [](Portal&, PortalFacts& f, std::string&) { f.plans[0].tasks[1].status = TaskStatus::kDone; }, true, true},
      {"a task's days overdue", [](Portal&, PortalFacts& f, std::string&) { f.plans[0].tasks[2].overdue_days = 31; },
       true, true},
      {"a task's parsed timeframe",
       [](Portal&, PortalFacts& f, std::string&) { f.plans[0].tasks[2].timeframe.checkpoints = {Date{2023, 6, 30}}; },
       true, true},
      {"a target's latest value", [](Portal&, PortalFacts& f, std::string&) { f.plans[0].targets[0].latest = 50; },
       true, true},
      {"the plan's count of tasks done", [](Portal&, PortalFacts& f, std::string&) { f.plans[0].done = 2; }, true,
       true},
      {"the plan's last update",
       [](Portal&, PortalFacts& f, std::string&) { f.plans[0].last_updated = {2023, 4, 6}; }, true, true},
      // Neither file shows these: the key changes for the version (what writes the bytes may
      // have changed) and not for the rest, and the bytes stay the same.
      {"the generator's version", [](Portal&, PortalFacts&, std::string& version) { version = "9.9.10"; }, false, false},
      {"the implemented plan's title", [](Portal& p, PortalFacts&, std::string&) { p.plans[2].title += " (sửa)"; }, false,
       false},
      {"another plan's task", [](Portal& p, PortalFacts&, std::string&) { p.plans[1].tasks[0].text += " (sửa)"; }, false,
       false},
      {"a report of another plan", [](Portal& p, PortalFacts&, std::string&) { p.reports[1].title += " (sửa)"; }, false,
       false},
  };
  return kChanges;
}

TEST(PlanDataKey, EveryInputTheEncodersReadChangesTheKey) {
  const Portal portal = make_test_portal_with_parent_plan();
  const PortalFacts facts = make_test_facts();
  const Made before = make(portal, facts, 0);
  for (const Change& c : changes()) {
    Portal changed = portal;
    PortalFacts changed_facts = facts;
    std::string version = kVersion;
    c.apply(changed, changed_facts, version);
    const Made after = make(changed, changed_facts, 0, version);
    EXPECT_EQ(after.json != before.json, c.json_changes) << c.what << ": the JSON";
    EXPECT_EQ(after.csv != before.csv, c.csv_changes) << c.what << ": the CSV lines";
    // What changes the bytes must change the key: else the previous build's file is kept.
    if (after.json != before.json || after.csv != before.csv) {
      EXPECT_NE(after.key, before.key) << c.what << " changes the data but not its key";
    }
    const bool key_changes = c.json_changes || c.csv_changes || std::string(c.what) == "the generator's version";
    EXPECT_EQ(after.key != before.key, key_changes) << c.what;
  }
}

TEST(PlanDataKey, SameInputsSameKeyAndKeysDifferByPlan) {
  const Portal portal = make_test_portal_with_parent_plan();
  const PortalFacts facts = derive_facts(portal, kAsOf);
  EXPECT_EQ(make(portal, facts, 0).key, make(portal, facts, 0).key);
  std::set<std::string> keys;
  for (int p = 0; p < static_cast<int>(portal.plans.size()); ++p) keys.insert(make(portal, facts, p).key);
  EXPECT_EQ(keys.size(), portal.plans.size());
  EXPECT_EQ(make(portal, facts, 0).key.size(), 32u);
}

// An incremental build: the previous build's keys, then a change to one plan.
struct Exported {
  OutputFiles files;
  std::map<std::string, std::string> keys;  // what the build cache keeps of them
  std::size_t reused = 0;
  std::set<std::string> made;  // the paths of the JSON and CSV files encoded
};

Exported export_all(const Portal& portal, const Date& as_of, const std::map<std::string, std::string>* previous,
                    const std::string& version = kVersion) {
  const PortalFacts facts = derive_facts(portal, as_of);
  OutputCollector out;
  build_exports(portal, facts, 2, out, {version, previous});
  Exported e;
  e.files = out.take();
  for (const OutputFile& f : e.files) {
    if (!f.key.empty()) e.keys[f.path] = f.key;
    if (f.reused) ++e.reused;
    else if (!f.key.empty()) e.made.insert(f.path);
  }
  return e;
}

std::map<std::string, std::size_t, std::less<>> sizes(const OutputFiles& files) {
  std::map<std::string, std::size_t, std::less<>> out;
  for (const OutputFile& f : files) out[f.path] = f.size();
  return out;
}

TEST(BuildExportsIncrementally, OnlyTheChangedPlansDataIsEncodedAgain) {
  Portal portal = make_test_portal_with_parent_plan();
  const Exported first = export_all(portal, kAsOf, nullptr);
  EXPECT_EQ(first.reused, 0u);
  // The JSON and the five CSV pieces of each unit with plans (three), each data package (the
  // portal's and those of the three units with units below them and plans in or below them)
  // and each feed carry a key; nothing else.
  EXPECT_EQ(first.keys.size(), 3u + 3u * 5u + 4u + 6u);
  for (const auto& [path, key] : first.keys) {
    EXPECT_TRUE(path.ends_with(".csv") || path.ends_with("/du-lieu/ke-hoach.json") || path.ends_with("datapackage.json") ||
                path.ends_with("feed.xml"))
        << path;
  }

  // Nothing changed: nothing encoded.
  const Exported same = export_all(portal, kAsOf, &first.keys);
  EXPECT_EQ(same.reused, first.keys.size());
  EXPECT_TRUE(same.made.empty());
  EXPECT_EQ(same.keys, first.keys);
  // A reused file still tells its size, the previous build's.
  EXPECT_EQ(sizes(same.files), sizes(first.files));
  EXPECT_EQ(describe_exports(portal, same.files).size(), describe_exports(portal, first.files).size());

  // One task of Sơn Lâm's plan: its unit's JSON and pieces, and the feeds of its unit and
  // those above, which show a progress file about the task; no other, and no data package
  // (those above list the pieces without their sizes, and a commune has none).
  portal.plans[0].tasks[0].text += " (sửa)";
  const Exported edited = export_all(portal, kAsOf, &first.keys);
  const std::string son_lam = "ha-tinh/huong-son/son-lam/";
  std::set<std::string> expected = {son_lam + "du-lieu/ke-hoach.json", son_lam + "feed.xml", "ha-tinh/huong-son/feed.xml", "ha-tinh/feed.xml",
                                    "feed.xml"};
  for (const DataTable& t : table_definitions()) expected.insert(son_lam + "du-lieu/" + t.file());
  EXPECT_EQ(edited.made, expected);
  EXPECT_EQ(edited.reused, first.keys.size() - expected.size());
  // The new files are those a full build makes, and so are the sizes listed.
  const Exported full = export_all(portal, kAsOf, nullptr);
  EXPECT_EQ(sizes(edited.files), sizes(full.files));
  for (const OutputFile& f : edited.files) {
    if (f.reused) continue;
    OutputFile copy = f;
    copy.own_pieces();
    for (const OutputFile& g : full.files) {
      if (g.path == f.path) {
        EXPECT_EQ(copy.bytes, g.bytes) << f.path;
      }
    }
  }
  EXPECT_EQ(edited.keys, full.keys);
}

TEST(BuildExportsIncrementally, ARenamedUnitRemakesWhatNamesIt) {
  Portal portal = make_test_portal_with_parent_plan();
  const Exported first = export_all(portal, kAsOf, nullptr);
  portal.units[1].name = "Hương Sơn Mới";  // the district, with a plan of its own
  const Exported renamed = export_all(portal, kAsOf, &first.keys);
  std::set<std::string> expected = {"ha-tinh/huong-son/du-lieu/ke-hoach.json",
                                    "ha-tinh/huong-son/datapackage.json", "ha-tinh/huong-son/feed.xml"};
  for (const DataTable& t : table_definitions()) expected.insert("ha-tinh/huong-son/du-lieu/" + t.file());
  EXPECT_EQ(renamed.made, expected);
  EXPECT_EQ(renamed.keys, export_all(portal, kAsOf, nullptr).keys);
}

TEST(BuildExportsIncrementally, AUnitsJsonIsMadeAgainWhenAnyOfItsPlansChanges) {
  Portal portal = make_test_portal_with_parent_plan();
  Plan next = portal.plans[0];  // Sơn Lâm's plan of the next year, after the others
  next.id = "2024";
  next.year = 2024;
  portal.plans.push_back(next);
  const std::string file = "ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json";
  const Exported first = export_all(portal, kAsOf, nullptr);
  const nlohmann::json both = nlohmann::json::parse(find_output(first.files, file)->bytes);
  ASSERT_EQ(both["plans"].size(), 2u);
  EXPECT_EQ(both["plans"][0]["id"], "2023");
  EXPECT_EQ(both["plans"][1]["id"], "2024");
  for (std::size_t p : {std::size_t{0}, portal.plans.size() - 1}) {
    Portal changed = portal;
    changed.plans[p].title += " (sửa)";
    const Exported edited = export_all(changed, kAsOf, &first.keys);
    EXPECT_TRUE(edited.made.count(file)) << p;
    EXPECT_FALSE(edited.made.count("thai-nguyen/dinh-hoa/du-lieu/ke-hoach.json")) << p;
    EXPECT_FALSE(edited.made.count("ha-tinh/huong-son/du-lieu/ke-hoach.json")) << p;
    EXPECT_EQ(edited.keys, export_all(changed, kAsOf, nullptr).keys) << p;
  }
}

// The property incremental builds rest on: after any change, every file whose bytes a full
// build changes is made again, and every file reused is one whose bytes a full build keeps.
TEST(BuildExportsIncrementally, NoFileIsStaleAfterAnyOneChange) {
  struct Edit {
    const char* what;
    std::function<void(Portal&, Date&)> apply;
  };
  const std::vector<Edit> edits = {
      {"a task's text", [](Portal& p, Date&) { p.plans[0].tasks[1].text += " (sửa)"; }},
      {"a task's number", [](Portal& p, Date&) { p.plans[0].tasks[0].number = "1a"; }},
      {"a section's number", [](Portal& p, Date&) { p.plans[0].sections[0].number = "A"; }},
      {"a target's measure", [](Portal& p, Date&) { p.plans[0].targets[0].measure += " (sửa)"; }},
      {"a target's unit", [](Portal& p, Date&) { p.plans[0].targets[1].unit = "giờ"; }},
      {"the plan's title", [](Portal& p, Date&) { p.plans[0].title += " (sửa)"; }},
      {"the plan's number", [](Portal& p, Date&) { p.plans[0].number = "29/KH-UBND"; }},
      {"the district plan's title", [](Portal& p, Date&) { p.plans[2].title += " (sửa)"; }},
      {"the district plan's id", [](Portal& p, Date&) { p.plans[2].id = "2023-b"; }},
      {"a progress entry's status", [](Portal& p, Date&) { p.progress[0].entries[0].status = TaskStatus::kInProgress; }},
      {"a progress entry's percent", [](Portal& p, Date&) { p.progress[0].entries[1].percent = 45; }},
      {"a progress entry's date", [](Portal& p, Date&) { p.progress[0].entries[1].date = {2023, 3, 25}; }},
      {"a progress entry's task", [](Portal& p, Date&) { p.progress[0].entries[1].task = "niem-yet"; }},
      {"a progress entry left out", [](Portal& p, Date&) { p.progress[0].entries.pop_back(); }},
      {"a progress record's period", [](Portal& p, Date&) { p.progress[0].period = "Quý II/2023"; }},
      {"a measurement's value", [](Portal& p, Date&) { p.progress[0].measurements[0].value = 61; }},
      {"a measurement's text", [](Portal& p, Date&) { p.progress[0].measurements[0].value_text = "41,5"; }},
      {"a report's title", [](Portal& p, Date&) { p.reports[0].title += " (sửa)"; }},
      {"a report's date", [](Portal& p, Date&) { p.reports[1].date = {2023, 6, 2}; }},
      {"a report's number", [](Portal& p, Date&) { p.reports[0].number = "16/BC-UBND"; }},
      {"a commune renamed", [](Portal& p, Date&) { p.units[2].name = "Sơn Lâm Mới"; }},
      {"a district renamed", [](Portal& p, Date&) { p.units[1].name = "Hương Sơn Mới"; }},
      {"a province renamed", [](Portal& p, Date&) { p.units[3].name = "Thái Nguyên Mới"; }},
      {"a commune's level", [](Portal& p, Date&) { p.units[4].level = UnitLevel::kPhuong; }},
      {"the site's title", [](Portal& p, Date&) { p.site.title += " (sửa)"; }},
      {"the site's address", [](Portal& p, Date&) { p.site.base_url = "https://a.example"; }},
      {"the site's licence", [](Portal& p, Date&) { p.site.licence.name = "CC0-1.0"; }},
      {"the reference date, a day later", [](Portal&, Date& as_of) { as_of = {2023, 7, 1}; }},
      {"the reference date, earlier", [](Portal&, Date& as_of) { as_of = {2023, 3, 10}; }},
      {"the date of Định Hoá's plan", [](Portal& p, Date&) { p.plans[1].date = Date{2023, 2, 1}; }},
  };
  // The test portal, and the same with Định Hoá's report dated after the reference date, so
  // that its feed and Thái Nguyên's show no entry and take their date from the plans'.
  Portal without_report = make_test_portal_with_parent_plan();
  without_report.reports[1].date = {2023, 7, 5};
  for (const Portal& portal : {make_test_portal_with_parent_plan(), without_report}) {
  const Exported before = export_all(portal, kAsOf, nullptr);
  std::map<std::string, std::string> old_bytes;
  for (OutputFile f : before.files) {
    f.own_pieces();
    old_bytes[f.path] = f.bytes;
  }
  for (const Edit& edit : edits) {
    Portal changed = portal;
    Date as_of = kAsOf;
    edit.apply(changed, as_of);
    const Exported full = export_all(changed, as_of, nullptr);
    const Exported incremental = export_all(changed, as_of, &before.keys);
    std::set<std::string> reused;
    for (const OutputFile& f : incremental.files)
      if (f.reused) reused.insert(f.path);
    std::size_t differ = 0;
    for (OutputFile f : full.files) {
      f.own_pieces();
      auto old = old_bytes.find(f.path);
      const bool same = old != old_bytes.end() && old->second == f.bytes;
      if (!same) ++differ;
      EXPECT_TRUE(same || !reused.count(f.path)) << edit.what << ": " << f.path << " reused, but a full build changes it";
    }
    EXPECT_GT(differ, 0u) << edit.what << " changes no exported file";
    EXPECT_EQ(incremental.keys, full.keys) << edit.what;
  }
  }
}

// A feed entry of a progress file is keyed by its plan's key, which covers the entries the
// facts hold: those dated by a whole-day reference date, the very ones the summary reads.
// Without such a date (unset, or a month) the two may differ, and the entries are hashed
// into the entry's key themselves: an edit the plan's key does not see still remakes the feeds.
TEST(BuildExportsIncrementally, FeedsWithoutAWholeDayReferenceDateHashTheirEntries) {
  const Portal portal = make_test_portal_with_parent_plan();
  for (const Date as_of : {Date{}, Date{2023, 6, 0}, kAsOf}) {
    const Exported before = export_all(portal, as_of, nullptr);
    std::map<std::string, std::string> old_bytes;
    for (OutputFile f : before.files) {
      f.own_pieces();
      old_bytes[f.path] = f.bytes;
    }
    Portal changed = portal;
    changed.progress[0].entries[0].status = TaskStatus::kInProgress;
    const Exported full = export_all(changed, as_of, nullptr);
    const Exported incremental = export_all(changed, as_of, &before.keys);
    std::set<std::string> reused;
    for (const OutputFile& f : incremental.files)
      if (f.reused) reused.insert(f.path);
    std::size_t feeds_differ = 0;
    for (OutputFile f : full.files) {
      if (!f.path.ends_with("feed.xml")) continue;
      f.own_pieces();
      if (old_bytes[f.path] == f.bytes) continue;
      ++feeds_differ;
      EXPECT_FALSE(reused.count(f.path)) << format_iso(as_of) << ": " << f.path << " reused, but a full build changes it";
    }
    EXPECT_GT(feeds_differ, 0u) << format_iso(as_of);
  }
}

TEST(BuildExportsIncrementally, AnotherVersionOrReferenceDateReusesNothing) {
  const Portal portal = make_test_portal_with_parent_plan();
  const Exported first = export_all(portal, kAsOf, nullptr);
  EXPECT_EQ(export_all(portal, kAsOf, &first.keys, "9.9.10").reused, 0u);
  EXPECT_EQ(export_all(portal, Date{2023, 7, 1}, &first.keys).reused, 0u);
}

TEST(BuildExportsIncrementally, AKeyWithoutItsSizeIsNotReused) {
  const Portal portal = make_test_portal_with_parent_plan();
  Exported first = export_all(portal, kAsOf, nullptr);
  for (auto& [path, key] : first.keys) key = key.substr(0, key.find('-'));
  EXPECT_EQ(export_all(portal, kAsOf, &first.keys).reused, 0u);
}

}  // namespace
}  // namespace congkhai
