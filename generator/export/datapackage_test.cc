#include "export/datapackage.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "export/exports.h"
#include "export/testing_files.h"
#include "export/testing_portal.h"

namespace congkhai {
namespace {

using nlohmann::json;
using testing::find_output;
using testing::make_test_facts;
using testing::make_test_portal;

const std::regex kNamePattern("^[a-z0-9._-]+$");

json package_at(const OutputFiles& files, const std::string& path) {
  const OutputFile* f = find_output(files, path);
  if (!f) throw std::runtime_error("missing " + path);
  return json::parse(f->bytes);
}

TEST(DataPackage, NamesFollowTheFrictionlessPattern) {
  Portal portal = make_test_portal();
  EXPECT_EQ(datapackage_name(portal, nullptr), "cong-cong-khai-thu-tuc-hanh-chinh");
  EXPECT_EQ(datapackage_name(portal, &portal.units[2]),
            "cong-cong-khai-thu-tuc-hanh-chinh.ha-tinh.huong-son.son-lam");
  portal.site.title = "";
  EXPECT_EQ(datapackage_name(portal, nullptr), "cong-khai");
  auto files = build_exports(make_test_portal(), make_test_facts());
  for (const auto& f : files) {
    if (f.path.find("datapackage.json") == std::string::npos) continue;
    json p = json::parse(f.bytes);
    EXPECT_TRUE(std::regex_match(p["name"].get<std::string>(), kNamePattern)) << f.path;
    for (const auto& r : p["resources"])
      EXPECT_TRUE(std::regex_match(r["name"].get<std::string>(), kNamePattern)) << f.path;
  }
}

// A resource's pieces as its path lists them: one string, or an array of several.
std::vector<std::string> pieces_of(const json& resource) {
  if (resource["path"].is_string()) return {resource["path"].get<std::string>()};
  EXPECT_TRUE(resource["path"].is_array());
  EXPECT_GT(resource["path"].size(), 1u) << "one piece is a plain path";
  return resource["path"].get<std::vector<std::string>>();
}

TEST(DataPackage, EachResourceDescribesItsPiecesExactly) {
  auto files = build_exports(make_test_portal(), make_test_facts());
  for (std::string dir : {"", "ha-tinh/huong-son/", "thai-nguyen/"}) {
    json p = package_at(files, dir + "datapackage.json");
    EXPECT_EQ(p["profile"], "tabular-data-package");
    ASSERT_EQ(p["resources"].size(), 5u);
    for (const auto& r : p["resources"]) {
      const std::vector<std::string> pieces = pieces_of(r);
      EXPECT_EQ(r["format"], "csv");
      EXPECT_EQ(r["mediatype"], "text/csv");
      EXPECT_EQ(r["encoding"], "utf-8");
      EXPECT_EQ(r["dialect"]["lineTerminator"], "\r\n");
      std::vector<std::string> names;
      for (const auto& f : r["schema"]["fields"]) {
        names.push_back(f["name"]);
        EXPECT_TRUE(f.contains("description"));
        EXPECT_TRUE(f.contains("description_en"));
        static const std::set<std::string> kTypes = {"string", "integer", "number", "boolean",
                                                     "date"};
        EXPECT_TRUE(kTypes.count(f["type"].get<std::string>())) << f["type"];
      }
      for (const std::string& piece : pieces) {
        const OutputFile* csv = find_output(files, dir + piece);
        ASSERT_TRUE(csv) << dir << piece;
        std::vector<std::vector<std::string>> rows;
        ASSERT_TRUE(testing::parse_csv(csv->bytes.substr(3), &rows));
        EXPECT_EQ(names, rows.at(0)) << piece;  // every piece has its own header
        if (pieces.size() == 1 && piece.starts_with("du-lieu/")) EXPECT_EQ(r["bytes"], csv->bytes.size()) << piece;
        else EXPECT_FALSE(r.contains("bytes")) << dir << piece;  // would change with edits below
      }
      EXPECT_EQ(pieces.size(), dir == "" ? 2u : 1u);
      if (pieces.size() > 1) {
        EXPECT_NE(r["description_en"].get<std::string>().find("dropping the first line"), std::string::npos);
      }
    }
  }
}

// A package sits above every piece it lists: the pieces of the unit and of the units below it
// that have plans, in unit order, named from the package's folder without ".." or a leading
// "/"; a unit with no plans in or below it has no package, nor has one with no units below it.
TEST(DataPackage, ListsThePiecesOfItsUnitAndTheUnitsBelowInUnitOrder) {
  Portal portal = testing::make_test_portal_with_parent_plan();
  Unit empty = portal.units[4];
  empty.url_path = "thai-nguyen/phu-luong";
  empty.slug = "phu-luong";
  empty.plans.clear();
  empty.reports.clear();
  portal.units[3].children.push_back(static_cast<int>(portal.units.size()));
  portal.units.push_back(empty);
  OutputFiles files = build_exports(portal, make_test_facts());
  auto paths = [&](const std::string& package) {
    std::vector<std::vector<std::string>> out;
    const json descriptor = package_at(files, package);
    for (const auto& r : descriptor["resources"]) out.push_back(pieces_of(r));
    return out;
  };
  auto each = [](std::vector<std::string> dirs) {
    std::vector<std::vector<std::string>> out;
    for (std::string t : {"ke-hoach", "nhiem-vu", "tien-do", "chi-tieu", "so-lieu"}) {
      out.emplace_back();
      for (const auto& d : dirs) out.back().push_back(d + "du-lieu/" + t + ".csv");
    }
    return out;
  };
  EXPECT_EQ(paths("datapackage.json"),
            each({"ha-tinh/huong-son/", "ha-tinh/huong-son/son-lam/", "thai-nguyen/dinh-hoa/"}));
  EXPECT_EQ(paths("ha-tinh/datapackage.json"), each({"huong-son/", "huong-son/son-lam/"}));
  EXPECT_EQ(paths("ha-tinh/huong-son/datapackage.json"), each({"", "son-lam/"}));
  EXPECT_FALSE(find_output(files, "ha-tinh/huong-son/son-lam/datapackage.json"));
  EXPECT_EQ(paths("thai-nguyen/datapackage.json"), each({"dinh-hoa/"}));
  // Sizes of the unit's own piece only: one of a piece below would change with every edit there.
  EXPECT_FALSE(package_at(files, "thai-nguyen/datapackage.json")["resources"][0].contains("bytes"));
  EXPECT_FALSE(package_at(files, "ha-tinh/huong-son/datapackage.json")["resources"][0].contains("bytes"));
  EXPECT_FALSE(package_at(files, "ha-tinh/datapackage.json")["resources"][0].contains("bytes"));
  EXPECT_FALSE(find_output(files, "thai-nguyen/phu-luong/datapackage.json"));
  EXPECT_FALSE(find_output(files, "thai-nguyen/phu-luong/du-lieu/ke-hoach.csv"));
  EXPECT_TRUE(find_output(files, "thai-nguyen/phu-luong/feed.xml"));
  int packages = 0;
  for (const auto& f : files) {
    if (!f.path.ends_with("datapackage.json")) continue;
    ++packages;
    const std::string dir = f.path.substr(0, f.path.size() - std::string("datapackage.json").size());
    const json package = json::parse(f.bytes);
    for (const auto& r : package["resources"])
      for (const std::string& piece : pieces_of(r)) {
        EXPECT_NE(piece.rfind("/", 0), 0u) << f.path << ": " << piece;
        EXPECT_EQ(piece.find(".."), std::string::npos) << f.path << ": " << piece;
        EXPECT_TRUE(find_output(files, dir + piece)) << f.path << ": " << piece;
      }
  }
  EXPECT_EQ(packages, 1 + 3);  // the portal's, Hà Tĩnh's, Hương Sơn's and Thái Nguyên's
}

// A unit with units below it whose units below have no plans: its package lists its own
// piece alone, as a plain path with the piece's size.
TEST(DataPackage, AnAggregateWithOnlyItsOwnPieceGivesItsSize) {
  Portal portal = make_test_portal();
  // Định Hoá's plan becomes Thái Nguyên's: the province has a unit below it, without plans.
  portal.plans[1].unit = 3;
  portal.units[3].plans = {1};
  portal.units[4].plans.clear();
  portal.units[4].reports.clear();
  OutputFiles files = build_exports(portal, make_test_facts());
  const json p = package_at(files, "thai-nguyen/datapackage.json");
  for (const auto& r : p["resources"]) {
    ASSERT_TRUE(r["path"].is_string()) << r["name"];
    const OutputFile* csv = find_output(files, "thai-nguyen/" + r["path"].get<std::string>());
    ASSERT_TRUE(csv) << r["path"];
    EXPECT_EQ(r["bytes"], csv->size()) << r["path"];
  }
  EXPECT_FALSE(find_output(files, "thai-nguyen/dinh-hoa/datapackage.json"));
}

// The invariant of the pieces and the packages: a unit with no units below it (a leaf)
// publishes no package; every piece is listed, once in each table, by the portal's package
// and by the package of each unit above it (and of its own unit when that has units below
// it), and by no other; so the nearest package above a leaf's pieces is its parent's, or the
// portal's for a leaf at the top (a province alone on a small portal).
TEST(DataPackage, EveryPieceIsListedOnceByEachPackageAboveItAndNoLeafHasOne) {
  Portal portal = testing::make_test_portal_with_parent_plan();
  // A province with no units below it and a plan of its own: a leaf at the top.
  Unit lao_cai = portal.units[3];
  lao_cai.url_path = lao_cai.slug = "lao-cai";
  lao_cai.name = "Lào Cai";
  lao_cai.children.clear();
  lao_cai.plans = {static_cast<int>(portal.plans.size())};
  lao_cai.reports.clear();
  const int top_leaf = static_cast<int>(portal.units.size());
  portal.units.push_back(lao_cai);
  portal.top_units.push_back(top_leaf);
  Plan plan = portal.plans[1];
  plan.path = "content/lao-cai/plans/2026.md";
  plan.unit = top_leaf;
  plan.issuer = "UBND tỉnh Lào Cai";
  portal.plans.push_back(plan);
  OutputFiles files = build_exports(portal, make_test_facts());  // no facts for the last two plans

  // Per package, per table: the pieces it lists, from the site root.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> listed;
  for (const auto& f : files) {
    if (!f.path.ends_with("datapackage.json")) continue;
    const std::string dir = f.path.substr(0, f.path.size() - std::string("datapackage.json").size());
    const json package = json::parse(f.bytes);
    for (const auto& r : package["resources"])
      for (const std::string& piece : pieces_of(r)) listed[f.path][r["name"]].push_back(dir + piece);
  }
  auto times = [&](const std::string& package, const std::string& table, const std::string& piece) {
    const auto& pieces = listed[package][table];
    return std::count(pieces.begin(), pieces.end(), piece);
  };
  const auto infos = describe_exports(portal, files);
  int pieces = 0, leaves_with_pieces = 0, aggregates = 0;
  for (std::size_t u = 0; u < portal.units.size(); ++u) {
    const Unit& unit = portal.units[u];
    const bool leaf = unit.children.empty();
    const std::string own = unit.url_path + "/datapackage.json";
    if (leaf) EXPECT_FALSE(find_output(files, own)) << own;
    if (!leaf && find_output(files, own)) ++aggregates;
    if (unit.plans.empty()) continue;
    leaves_with_pieces += leaf;
    // The packages above the piece: the portal's, each unit's above, its own unless a leaf.
    std::set<std::string> above = {"datapackage.json"};
    for (int a = unit.parent; a >= 0; a = portal.units[a].parent) above.insert(portal.units[a].url_path + "/datapackage.json");
    if (!leaf) above.insert(own);
    for (const std::string& package : above) EXPECT_TRUE(listed.count(package)) << package;
    for (const std::string table : {"ke-hoach", "nhiem-vu", "tien-do", "chi-tieu", "so-lieu"}) {
      const std::string piece = unit.url_path + "/du-lieu/" + table + ".csv";
      ASSERT_TRUE(find_output(files, piece)) << piece;
      ++pieces;
      for (const auto& [package, tables] : listed)
        EXPECT_EQ(times(package, table, piece), above.count(package) ? 1 : 0) << package << " › " << piece;
      // The pages name the nearest of them with the piece.
      const std::string nearest = !leaf ? own
                                  : unit.parent >= 0 ? portal.units[unit.parent].url_path + "/datapackage.json"
                                                     : "datapackage.json";
      auto info = std::find_if(infos.begin(), infos.end(), [&](const DataFileInfo& i) { return i.path == piece; });
      ASSERT_NE(info, infos.end()) << piece;
      EXPECT_EQ(info->package, nearest) << piece;
      EXPECT_TRUE(find_output(files, nearest)) << nearest;
    }
  }
  EXPECT_EQ(pieces, 4 * 5);  // Hương Sơn, Sơn Lâm, Định Hoá and Lào Cai
  EXPECT_EQ(leaves_with_pieces, 3);
  EXPECT_EQ(aggregates, 3);  // Hà Tĩnh, Hương Sơn, Thái Nguyên
  EXPECT_EQ(listed.size(), 1u + 3u);
  EXPECT_TRUE(find_output(files, "lao-cai/du-lieu/ke-hoach.csv"));
  EXPECT_FALSE(find_output(files, "lao-cai/datapackage.json"));
}

// The schemas are dumped once and spliced into each descriptor: the result must still be
// exactly what dumping the whole descriptor in one go gives, compact.
TEST(DataPackage, CompactAndSplicedSchemasKeepTheDumpLayout) {
  Portal portal = make_test_portal();
  OutputFiles files = build_exports(portal, make_test_facts());
  int packages = 0;
  for (const auto& f : files) {
    if (!f.path.ends_with("datapackage.json")) continue;
    ++packages;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(f.bytes);
    EXPECT_EQ(j.dump() + "\n", f.bytes) << f.path;
    ASSERT_EQ(j["resources"].size(), 5u);
    EXPECT_EQ(j["resources"][1]["schema"]["fields"][0]["name"], "unit_path");
  }
  EXPECT_EQ(packages, 1 + 3);  // the portal and each unit with units below it
}

TEST(DataPackage, KeysReferToExistingResourcesAndFields) {
  json p = package_at(build_exports(make_test_portal(), make_test_facts()),
                      "datapackage.json");
  std::map<std::string, std::set<std::string>> fields;
  std::map<std::string, std::vector<std::string>> primary;
  for (const auto& r : p["resources"]) {
    for (const auto& f : r["schema"]["fields"]) fields[r["name"]].insert(f["name"]);
    if (r["schema"].contains("primaryKey")) primary[r["name"]] = r["schema"]["primaryKey"];
  }
  int foreign_keys = 0;
  for (const auto& r : p["resources"]) {
    if (!r["schema"].contains("foreignKeys")) continue;
    for (const auto& fk : r["schema"]["foreignKeys"]) {
      ++foreign_keys;
      std::string target = fk["reference"]["resource"];
      ASSERT_TRUE(fields.count(target)) << target;
      for (const auto& f : fk["fields"]) EXPECT_TRUE(fields[r["name"]].count(f));
      // A foreign key must point at the referenced table's primary key.
      EXPECT_EQ(fk["reference"]["fields"].get<std::vector<std::string>>(), primary[target]);
    }
  }
  EXPECT_EQ(foreign_keys, 4);
}

TEST(DataPackage, LicenceAndDatesComeFromTheSite) {
  json p = package_at(build_exports(make_test_portal(), make_test_facts()),
                      "datapackage.json");
  EXPECT_EQ(p["licenses"][0]["name"], "CC-BY-4.0");
  EXPECT_EQ(p["licenses"][0]["path"], "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(p["as_of"], "2023-06-30");
  EXPECT_FALSE(p.contains("created"));  // no build time
  EXPECT_FALSE(p.contains("homepage"));  // no base_url

  Portal portal = make_test_portal("https://congkhai.example.vn");
  portal.site.licence = {"Giấy phép mở", ""};  // not a licence id and no URL: left out
  json q = package_at(build_exports(portal, make_test_facts()), "datapackage.json");
  EXPECT_FALSE(q.contains("licenses"));
  EXPECT_EQ(q["homepage"], "https://congkhai.example.vn/du-lieu/index.html");
}

}  // namespace
}  // namespace congkhai
