// An administrative unit: province, district or commune, one folder with unit.yaml.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace congkhai {

enum class UnitLevel { kTinh, kThanhPho, kHuyen, kQuan, kThiXa, kThanhPhoThuocTinh, kXa, kPhuong, kThiTran };

struct Contact {
  std::string address;
  std::string phone;
  std::string email;
  std::string website;
  std::string hours;  // opening hours of the one-stop shop, as written: "Sáng 7h30–11h30, …"

  bool operator==(const Contact&) const = default;
};

struct Unit {
  std::string path;          // source unit.yaml
  std::string slug;          // this folder's slug
  std::string url_path;      // slugs from the root joined by "/": "ha-tinh/huong-son/son-lam"
  std::string name;          // "Sơn Lâm"
  UnitLevel level = UnitLevel::kXa;
  Contact contact;
  std::string feedback;
  int parent = -1;             // index into Portal::units, -1 for top level
  std::vector<int> children;   // indexes into Portal::units, sorted by name
  std::vector<int> plans;      // indexes into Portal::plans, newest year first
  std::vector<int> reports;    // indexes into Portal::reports, newest first

  bool operator==(const Unit&) const = default;
};

// "tinh", "xa", … as written in unit.yaml; false when unknown.
bool parse_unit_level(const std::string& s, UnitLevel* out);
const std::vector<std::string>& unit_level_keys();
// "tỉnh", "xã", "thành phố" …
std::string unit_level_vi(UnitLevel level);
// "xã Sơn Lâm", "Phường 2" (a ward named by a number reads "Phường 2").
std::string unit_display_name(const Unit& u);

}  // namespace congkhai
