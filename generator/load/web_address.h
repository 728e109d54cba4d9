// Addresses from content that pages show as links a reader clicks: a licence, a unit's
// website, an evidence item. Only https:// and http:// are accepted, because a javascript: or
// data: link would run script with the site's rights.
#pragma once

#include <string>
#include <string_view>

#include "load/yaml_reader.h"

namespace congkhai {

bool is_web_address(std::string_view url);

// Reports `value`, read from `key` of `map`, unless it is empty or a web address:
// `<label> "<value>" phải bắt đầu bằng https:// hoặc http://`. Returns whether it passed.
bool check_web_address(YamlReader& r, const YamlNode& map, const char* key, const std::string& value,
                       const std::string& label_vi, const std::string& label_en);

}  // namespace congkhai
