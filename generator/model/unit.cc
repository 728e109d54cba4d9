#include "model/unit.h"

#include <utility>

namespace congkhai {
namespace {

const std::vector<std::pair<std::string, UnitLevel>>& levels() {
  static const std::vector<std::pair<std::string, UnitLevel>> kLevels = {
      {"tinh", UnitLevel::kTinh},     {"thanh-pho", UnitLevel::kThanhPho},
      {"huyen", UnitLevel::kHuyen},   {"quan", UnitLevel::kQuan},
      {"thi-xa", UnitLevel::kThiXa},  {"thanh-pho-thuoc-tinh", UnitLevel::kThanhPhoThuocTinh},
      {"xa", UnitLevel::kXa},         {"phuong", UnitLevel::kPhuong},
      {"thi-tran", UnitLevel::kThiTran}};
  return kLevels;
}

bool starts_with_digit(const std::string& s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

}  // namespace

bool parse_unit_level(const std::string& s, UnitLevel* out) {
  for (const auto& [key, level] : levels()) {
    if (key == s) {
      *out = level;
      return true;
    }
  }
  return false;
}

const std::vector<std::string>& unit_level_keys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys;
    for (const auto& [key, level] : levels()) keys.push_back(key);
    return keys;
  }();
  return kKeys;
}

std::string unit_level_vi(UnitLevel level) {
  switch (level) {
    case UnitLevel::kTinh: return "tỉnh";
    case UnitLevel::kThanhPho: return "thành phố";
    case UnitLevel::kHuyen: return "huyện";
    case UnitLevel::kQuan: return "quận";
    case UnitLevel::kThiXa: return "thị xã";
    case UnitLevel::kThanhPhoThuocTinh: return "thành phố";
    case UnitLevel::kXa: return "xã";
    case UnitLevel::kPhuong: return "phường";
    case UnitLevel::kThiTran: return "thị trấn";
  }
  return "";
}

std::string unit_display_name(const Unit& u) {
  std::string level = unit_level_vi(u.level);
  // Numbered wards and districts are capitalised: "Phường 2", "Quận 1".
  if (starts_with_digit(u.name) && !level.empty()) {
    if (level.rfind("ph", 0) == 0) level[0] = 'P';
    else if (level.rfind("qu", 0) == 0) level[0] = 'Q';
  }
  return level + " " + u.name;
}

}  // namespace congkhai
