// Addresses from content that pages show as links a reader clicks: a licence, a unit's
// website, an evidence item. Only https:// and http:// are accepted, because a javascript: or
// data: link would run script with the site's rights.
#pragma once

#include <string>
#include <string_view>

#include "load/yaml_reader.h"

namespace congkhai {

bool is_web_address(std::string_view url);

// Why `url` cannot be the site's own address (`base_url`), which every absolute link, the
// sitemap, the feeds and the open data are built on by appending a path: it must be
// http(s)://host[:port][/path], in ASCII (percent-encoded), with no user name, query (`?`),
// fragment (`#`), space or control character, each of which would end or change every address
// made from it. Returns false and sets the reason (Vietnamese and English) when it cannot.
bool is_site_address(std::string_view url, std::string* why_vi, std::string* why_en);

// Reports `value`, read from `key` of `map`, unless it is empty or a web address:
// `<label> "<value>" phải bắt đầu bằng https:// hoặc http://`. Returns whether it passed.
bool check_web_address(YamlReader& r, const YamlNode& map, const char* key, const std::string& value,
                       const std::string& label_vi, const std::string& label_en);

}  // namespace congkhai
