#include "load/web_address.h"

namespace congkhai {

bool is_web_address(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986's pchar and "/", less the percent sign (checked with its two digits by the caller).
bool is_path_char(char c) {
  return is_alnum(c) || std::string_view("-._~!$&'()*+,;=:@/").find(c) != std::string_view::npos;
}

bool refuse(std::string* why_vi, std::string* why_en, const std::string& vi, const std::string& en) {
  *why_vi = vi;
  *why_en = en;
  return false;
}

}  // namespace

bool is_site_address(std::string_view url, std::string* why_vi, std::string* why_en) {
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (c == ' ') return refuse(why_vi, why_en, "có dấu cách", "it holds a space");
    if (u < 0x20 || u == 0x7F) return refuse(why_vi, why_en, "có ký tự điều khiển", "it holds a control character");
  }
  std::string_view rest;
  if (url.rfind("https://", 0) == 0) rest = url.substr(8);
  else if (url.rfind("http://", 0) == 0) rest = url.substr(7);
  else return refuse(why_vi, why_en, "phải bắt đầu bằng https://", "it must start with https://");
  if (url.find('?') != std::string_view::npos)
    return refuse(why_vi, why_en, "không được có phần truy vấn (\"?\")", "it may not hold a query (\"?\")");
  if (url.find('#') != std::string_view::npos)
    return refuse(why_vi, why_en, "không được có phần neo (\"#\")", "it may not hold a fragment (\"#\")");
  std::string_view host = rest.substr(0, rest.find('/'));
  std::string_view path = rest.substr(host.size());
  if (host.find('@') != std::string_view::npos)
    return refuse(why_vi, why_en, "không được có tên người dùng (\"@\")", "it may not hold a user name (\"@\")");
  std::string_view name = host;
  if (size_t colon = host.rfind(':'); colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    name = host.substr(0, colon);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
      return refuse(why_vi, why_en, "cổng (sau \":\") phải là một số", "its port (after \":\") must be a number");
  }
  bool ip6 = name.size() > 2 && name.front() == '[' && name.back() == ']' &&
             name.substr(1, name.size() - 2).find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
  bool host_ok = !name.empty() && name.front() != '.' && name.front() != '-';
  for (char c : name) host_ok = host_ok && (is_alnum(c) || c == '.' || c == '-');
  if (!ip6 && !host_ok)
    return refuse(why_vi, why_en, "tên miền \"" + std::string(name) + "\" không hợp lệ (tên miền tiếng Việt viết dạng xn--)",
                  "its host \"" + std::string(name) + "\" is not a valid host name (write an international name as xn--)");
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && is_hex(path[i + 1]) && is_hex(path[i + 2])) {
      i += 2;
      continue;
    }
    if (!is_path_char(path[i]))
      return refuse(why_vi, why_en, "đường dẫn chỉ được có chữ cái không dấu, chữ số và - . _ ~ / (ký tự khác viết dạng %XX)",
                    "its path may hold only ASCII letters, digits and - . _ ~ / (others percent-encoded as %XX)");
  }
  return true;
}

bool check_web_address(YamlReader& r, const YamlNode& map, const char* key, const std::string& value,
                       const std::string& label_vi, const std::string& label_en) {
  if (value.empty() || is_web_address(value)) return true;
  r.error(*r.child(map, key), label_vi + " \"" + value + "\" phải bắt đầu bằng https:// hoặc http://",
          label_en + " \"" + value + "\" must start with https:// or http://");
  return false;
}

}  // namespace congkhai
