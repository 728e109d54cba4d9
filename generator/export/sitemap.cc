#include "export/sitemap.h"

#include <optional>
#include <vector>

#include "derive/reference_date.h"
#include "export/export_paths.h"
#include "text/xml.h"
#include "model/urls.h"

namespace congkhai {
namespace {

void later(std::optional<Date>* latest, const Date& d) {
  if (d.year == 0) return;
  if (!*latest || **latest < d) *latest = d;
}

// The latest content date of each unit's plans and reports, its descendants' included.
std::vector<std::optional<Date>> latest_by_unit(const Portal& portal, const PortalFacts& facts) {
  const size_t n = portal.units.size();
  std::vector<std::optional<Date>> latest(n);
  auto up = [&](int u, const Date& d) {
    for (size_t steps = 0; u >= 0 && u < static_cast<int>(n) && steps <= n; ++steps) {
      later(&latest[u], d);
      u = portal.units[u].parent;
    }
  };
  for (size_t p = 0; p < portal.plans.size() && p < facts.plans.size(); ++p)
    up(portal.plans[p].unit, facts.plans[p].last_updated);
  for (const auto& r : portal.reports) up(r.unit, r.date);
  return latest;
}

// The latest date among what the updates page lists: reports and progress entries dated by
// the reference date (render/updates_view.cc). A report dated after it is on its unit's and
// plan's pages, which list every report, but not on the updates page nor in the feeds.
std::optional<Date> latest_update(const Portal& portal, const PortalFacts& facts) {
  std::optional<Date> latest;
  for (const auto& r : portal.reports)
    if (dated_by(r.date, facts.as_of)) later(&latest, r.date);
  for (const EntryRef& ref : facts.entries)
    if (ref.plan >= 0 && ref.record >= 0 && static_cast<size_t>(ref.record) < portal.progress.size())
      later(&latest, portal.progress[ref.record].entries[ref.index].date);
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
  auto by_unit = latest_by_unit(portal, facts);
  std::optional<Date> everything;
  for (size_t u = 0; u < by_unit.size(); ++u)
    if (portal.units[u].parent < 0 && by_unit[u]) later(&everything, *by_unit[u]);
  add_url(&out, site, home_page(), everything);
  for (size_t u = 0; u < portal.units.size(); ++u)
    add_url(&out, site, unit_page(portal.units[u]), by_unit[u]);
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
  add_url(&out, site, updates_page(), latest_update(portal, facts));
  add_url(&out, site, search_page(), std::nullopt);
  out += "</urlset>\n";
  return out;
}

}  // namespace congkhai
