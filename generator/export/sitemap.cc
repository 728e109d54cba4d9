#include "export/sitemap.h"

#include <optional>

#include "export/export_paths.h"
#include "export/unit_scope.h"
#include "export/xml.h"
#include "model/urls.h"

namespace congkhai {
namespace {

void later(std::optional<Date>* latest, const Date& d) {
  if (d.year == 0) return;
  if (!*latest || **latest < d) *latest = d;
}

// The latest content date of the plans and reports of `scope` (null: the whole portal).
std::optional<Date> latest_in(const Portal& portal, const PortalFacts& facts, const Unit* scope) {
  std::optional<Date> latest;
  for (size_t p = 0; p < portal.plans.size(); ++p)
    if (unit_in_scope(portal, portal.plans[p].unit, scope) && p < facts.plans.size())
      later(&latest, facts.plans[p].last_updated);
  for (const auto& r : portal.reports)
    if (unit_in_scope(portal, r.unit, scope)) later(&latest, r.date);
  return latest;
}

void add_url(std::string* out, const Site& site, const std::string& page,
             const std::optional<Date>& lastmod) {
  *out += "  <url>\n    <loc>" + xml_escape(link_from_root(site, page)) + "</loc>\n";
  // W3C Datetime allows "2023", "2023-03" and "2023-03-03", the forms format_iso gives.
  if (lastmod) *out += "    <lastmod>" + format_iso(*lastmod) + "</lastmod>\n";
  *out += "  </url>\n";
}

}  // namespace

std::string write_sitemap(const Portal& portal, const PortalFacts& facts) {
  const Site& site = portal.site;
  if (site.base_url.empty()) return "";
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  auto everything = latest_in(portal, facts, nullptr);
  add_url(&out, site, home_page(), everything);
  for (const auto& unit : portal.units)
    add_url(&out, site, unit_page(unit), latest_in(portal, facts, &unit));
  for (size_t p = 0; p < portal.plans.size(); ++p) {
    std::optional<Date> lastmod;
    if (p < facts.plans.size()) later(&lastmod, facts.plans[p].last_updated);
    if (!lastmod && portal.plans[p].date) later(&lastmod, *portal.plans[p].date);
    add_url(&out, site, plan_page(portal, portal.plans[p]), lastmod);
  }
  for (const auto& r : portal.reports) {
    std::optional<Date> lastmod;
    later(&lastmod, r.date);
    add_url(&out, site, report_page(portal, r), lastmod);
  }
  add_url(&out, site, open_data_page(), everything);
  add_url(&out, site, search_page(), std::nullopt);
  out += "</urlset>\n";
  return out;
}

}  // namespace congkhai
