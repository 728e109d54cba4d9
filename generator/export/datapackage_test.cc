#include "export/datapackage.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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

TEST(DataPackage, EachResourceDescribesItsCsvExactly) {
  auto files = build_exports(make_test_portal(), make_test_facts());
  for (std::string dir : {"du-lieu/", "ha-tinh/huong-son/du-lieu/"}) {
    json p = package_at(files, dir + "datapackage.json");
    EXPECT_EQ(p["profile"], "tabular-data-package");
    ASSERT_EQ(p["resources"].size(), 5u);
    for (const auto& r : p["resources"]) {
      const OutputFile* csv = find_output(files, dir + r["path"].get<std::string>());
      ASSERT_TRUE(csv) << r["path"];
      EXPECT_EQ(r["format"], "csv");
      EXPECT_EQ(r["mediatype"], "text/csv");
      EXPECT_EQ(r["encoding"], "utf-8");
      EXPECT_EQ(r["bytes"], csv->bytes.size());
      EXPECT_EQ(r["dialect"]["lineTerminator"], "\r\n");
      std::vector<std::vector<std::string>> rows;
      ASSERT_TRUE(testing::parse_csv(csv->bytes.substr(3), &rows));
      std::vector<std::string> names;
      for (const auto& f : r["schema"]["fields"]) {
        names.push_back(f["name"]);
        EXPECT_TRUE(f.contains("description"));
        EXPECT_TRUE(f.contains("description_en"));
        static const std::set<std::string> kTypes = {"string", "integer", "number", "boolean",
                                                     "date"};
        EXPECT_TRUE(kTypes.count(f["type"].get<std::string>())) << f["type"];
      }
      EXPECT_EQ(names, rows.at(0)) << r["name"];
    }
  }
}

// The schemas are dumped once and spliced into each descriptor: the result must still be
// exactly what dumping the whole descriptor in one go gives, indentation included.
TEST(DataPackage, SplicedSchemasKeepTheDumpLayout) {
  Portal portal = make_test_portal();
  OutputFiles files = build_exports(portal, make_test_facts());
  int packages = 0;
  for (const auto& f : files) {
    if (f.path.size() < 16 || f.path.compare(f.path.size() - 16, 16, "datapackage.json") != 0)
      continue;
    ++packages;
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(f.bytes);
    EXPECT_EQ(j.dump(2) + "\n", f.bytes) << f.path;
    ASSERT_EQ(j["resources"].size(), 5u);
    EXPECT_EQ(j["resources"][1]["schema"]["fields"][0]["name"], "unit_path");
  }
  EXPECT_EQ(packages, static_cast<int>(portal.units.size()) + 1);  // the portal and each unit
}

TEST(DataPackage, KeysReferToExistingResourcesAndFields) {
  json p = package_at(build_exports(make_test_portal(), make_test_facts()),
                      "du-lieu/datapackage.json");
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
                      "du-lieu/datapackage.json");
  EXPECT_EQ(p["licenses"][0]["name"], "CC-BY-4.0");
  EXPECT_EQ(p["licenses"][0]["path"], "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(p["as_of"], "2023-06-30");
  EXPECT_FALSE(p.contains("created"));  // no build time
  EXPECT_FALSE(p.contains("homepage"));  // no base_url

  Portal portal = make_test_portal("https://congkhai.example.vn");
  portal.site.licence = {"Giấy phép mở", ""};  // not a licence id and no URL: left out
  json q = package_at(build_exports(portal, make_test_facts()), "du-lieu/datapackage.json");
  EXPECT_FALSE(q.contains("licenses"));
  EXPECT_EQ(q["homepage"], "https://congkhai.example.vn/du-lieu/index.html");
}

}  // namespace
}  // namespace congkhai
