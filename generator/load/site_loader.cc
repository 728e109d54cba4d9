#include "load/site_loader.h"

#include "load/source_text.h"
#include "load/web_address.h"
#include "load/yaml_reader.h"

namespace congkhai {

std::optional<Site> load_site(const std::string& path, Diagnostics* diags) {
  auto text = read_source(path, diags);
  if (!text) return std::nullopt;
  YamlReader r(path, *text, 1, diags);
  auto root = r.parse();
  if (!root || !r.expect_map(*root, "tệp site.yaml", "site.yaml")) return std::nullopt;
  r.check_keys(*root, {{"title", true}, {"description"}, {"base_url"}, {"sample_data_notice"}, {"licence"}});
  Site site;
  site.path = path;
  site.title = r.text(*root, "title", true).value_or("");
  site.description = r.text(*root, "description").value_or("");
  site.base_url = r.text(*root, "base_url").value_or("");
  site.sample_data_notice = r.text(*root, "sample_data_notice").value_or("");
  if (auto lic = r.child(*root, "licence"); lic && r.expect_map(*lic, "\"licence\"", "\"licence\"")) {
    r.check_keys(*lic, {{"name", true}, {"url"}});
    site.licence.name = r.text(*lic, "name", true).value_or("");
    site.licence.url = r.text(*lic, "url").value_or("");
    // A link in every page's footer.
    check_web_address(r, *lic, "url", site.licence.url, "địa chỉ giấy phép", "licence address");
  }
  // Every absolute address of the site (links, sitemap, feeds, open data) is this plus a path.
  std::string why, why_en;
  if (!site.base_url.empty() && !is_site_address(site.base_url, &why, &why_en))
    r.error(*r.child(*root, "base_url"), "\"base_url\" không dùng được: " + why,
            "\"base_url\" cannot be used: " + why_en,
            "địa chỉ gốc của cổng, dạng https://ten-mien.vn/ hoặc https://ten-mien.vn/thu-muc/",
            "the portal's root address, as https://example.vn/ or https://example.vn/folder/");
  return site;
}

std::optional<Unit> parse_unit(const std::string& path, const std::string& text, Diagnostics* diags) {
  YamlReader r(path, text, 1, diags);
  auto root = r.parse();
  if (!root || !r.expect_map(*root, "tệp unit.yaml", "unit.yaml")) return std::nullopt;
  r.check_keys(*root, {{"name", true}, {"level", true}, {"contact"}, {"feedback"}});
  Unit u;
  u.path = path;
  u.name = r.text(*root, "name", true).value_or("");
  if (auto level = r.text(*root, "level", true); level && !parse_unit_level(*level, &u.level)) {
    std::string keys;
    for (const auto& k : unit_level_keys()) keys += (keys.empty() ? "" : ", ") + k;
    r.error(*r.child(*root, "level"), "cấp hành chính \"" + *level + "\" không hợp lệ",
            "unknown level \"" + *level + "\"", "cấp phải là một trong: " + keys,
            "level must be one of: " + keys);
  }
  if (auto c = r.child(*root, "contact"); c && r.expect_map(*c, "\"contact\"", "\"contact\"")) {
    r.check_keys(*c, {{"address"}, {"phone"}, {"email"}, {"website"}, {"hours"}});
    u.contact.address = r.text(*c, "address").value_or("");
    u.contact.phone = r.text(*c, "phone").value_or("");
    u.contact.email = r.text(*c, "email").value_or("");
    u.contact.website = r.text(*c, "website").value_or("");
    u.contact.hours = r.text(*c, "hours").value_or("");
    // A link on the unit's page.
    check_web_address(r, *c, "website", u.contact.website, "địa chỉ trang web", "website address");
  }
  u.feedback = r.text(*root, "feedback").value_or("");
  return u;
}

std::optional<Unit> load_unit(const std::string& path, Diagnostics* diags) {
  auto text = read_source(path, diags);
  if (!text) return std::nullopt;
  return parse_unit(path, *text, diags);
}

}  // namespace congkhai
