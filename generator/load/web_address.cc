#include "load/web_address.h"

namespace congkhai {

bool is_web_address(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

bool check_web_address(YamlReader& r, const YamlNode& map, const char* key, const std::string& value,
                       const std::string& label_vi, const std::string& label_en) {
  if (value.empty() || is_web_address(value)) return true;
  r.error(*r.child(map, key), label_vi + " \"" + value + "\" phải bắt đầu bằng https:// hoặc http://",
          label_en + " \"" + value + "\" must start with https:// or http://");
  return false;
}

}  // namespace congkhai
