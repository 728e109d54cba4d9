#include <algorithm>

#include "model/date.h"
#include "model/urls.h"
#include "render/asset_versions.h"
#include "render/format.h"
#include "render/markdown.h"
#include "render/views.h"
#include "search/search_files.h"

namespace congkhai {

using nlohmann::json;

namespace {

// Text for a mailto: query value: every byte but unreserved ASCII as %XX.
std::string percent_encode_query(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::vector<Crumb> unit_crumbs(const Portal& portal, int unit) {
  std::vector<Crumb> chain;
  for (int u = unit; u >= 0; u = portal.units[u].parent)
    chain.push_back({unit_display_name(portal.units[u]), unit_page(portal.units[u])});
  chain.push_back({"Trang chủ", home_page()});
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string area_of(const Portal& portal, int unit) {
  if (unit < 0) return "";
  return portal.units[unit].url_path;
}

json frame_view(const ViewContext& ctx, const std::string& page_path, const std::string& title,
                const std::vector<Crumb>& crumbs, int unit, const std::string& root) {
  const Site& site = ctx.portal.site;
  const std::string prefix = root.empty() ? root_prefix(page_path) : root;
  auto href = [&](const std::string& to) {
    return root.empty() ? relative_link(page_path, to) : root + to;
  };
  json v;
  v["site"] = {{"title", site.title},
               {"description", site.description},
               {"sample_data_notice", site.sample_data_notice},
               {"licence_name", site.licence.name},
               {"licence_url", is_safe_url(site.licence.url) ? site.licence.url : ""}};
  v["page_title"] = title.empty() || title == site.title ? site.title : title + " – " + site.title;
  v["root"] = prefix;
  v["home_href"] = href(home_page());
  v["search_href"] = href(search_page());
  v["updates_href"] = href(updates_page());
  // Each file the page loads, by the URL of its present bytes (render/asset_versions.h).
  auto query = [&](const std::string& path) {
    auto it = ctx.options.asset_versions.find(path);
    return it == ctx.options.asset_versions.end() ? std::string() : "?" + it->second;
  };
  auto asset_href = [&](const std::string& path) { return href(path) + query(path); };
  v["style_href"] = asset_href("assets/style.css");
  v["script_href"] = asset_href("assets/search.js");
  v["icon_href"] = asset_href("assets/favicon.svg");
  // What search.js loads, with the query of each (data-versions on <html>): "assets/lunr.min.js?v=…
  // … tim-kiem/chi-muc?f=5", the last for the global index and every shard.
  std::string versions;
  for (const std::string& path : {lunr_asset_path(), inflate_asset_path(), std::string("assets/search-words.js"),
                                 std::string("assets/search-core.js"), std::string(kSearchShardsVersionKey)}) {
    const std::string q = query(path);
    if (q.empty()) continue;
    if (!versions.empty()) versions += ' ';
    versions += path + q;
  }
  v["versions"] = versions;
  v["area"] = area_of(ctx.portal, unit);
  v["as_of"] = format_vi(ctx.facts.as_of);
  v["as_of_iso"] = iso_date(ctx.facts.as_of);
  json bc = json::array();
  for (size_t i = 0; i < crumbs.size(); ++i) {
    bool current = crumbs[i].path.empty() || crumbs[i].path == page_path;
    bc.push_back({{"label", crumbs[i].label},
                  {"href", current ? "" : href(crumbs[i].path)},
                  {"current", current}});
  }
  v["breadcrumbs"] = std::move(bc);
  v["open_data_href"] = href(open_data_page());
  v["about_href"] = href(about_page());
  // "Report a problem with this page": to the nearest unit's feedback address that is an
  // e-mail or a web address, else to the accessibility statement's contact part.
  json problem = {{"href", href(about_page()) + "#bao-loi"}, {"to", ""}};
  for (int u = unit; u >= 0 && static_cast<size_t>(u) < ctx.portal.units.size(); u = ctx.portal.units[u].parent) {
    const std::string& f = ctx.portal.units[u].feedback;
    const std::string& mail = ctx.portal.units[u].contact.email;
    if (!mail.empty() && mail.find_first_of(" :?&") == std::string::npos) {
      problem = {{"href", "mailto:" + mail + "?subject=" + percent_encode_query("Báo lỗi trang: " + title)},
                 {"to", unit_display_name(ctx.portal.units[u])}};
      break;
    }
    if (f.find('@') != std::string::npos && f.find_first_of(" :?&") == std::string::npos) {
      problem = {{"href", "mailto:" + f + "?subject=" + percent_encode_query("Báo lỗi trang: " + title)},
                 {"to", unit_display_name(ctx.portal.units[u])}};
      break;
    }
    if (is_safe_url(f) && (f.rfind("https://", 0) == 0 || f.rfind("http://", 0) == 0)) {
      problem = {{"href", f}, {"to", unit_display_name(ctx.portal.units[u])}};
      break;
    }
  }
  v["report_problem"] = std::move(problem);
  v["alternates"] = json::array();  // {type, href, title}: feeds and data of the page
  v["header_search"] = true;  // the search page has its own form, with the same id
  v["generator"] = "Công khai" + (ctx.options.generator_version.empty()
                                      ? std::string()
                                      : " " + ctx.options.generator_version);
  v["extra_head"] = ctx.options.serve_mode ? ctx.options.extra_head : "";
  // What a link shared in a chat app shows: the page's own description (set by the page's
  // view), else the site's. Open Graph wants absolute addresses: with a base_url only.
  v["meta_description"] = site.description.empty()
                              ? "Kế hoạch kiểm soát thủ tục hành chính của các xã, phường: việc đã hứa, "
                                "việc đã làm, việc quá hạn và nơi liên hệ."
                              : site.description;
  std::string base = site.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  const bool absolute = (base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0) && is_safe_url(base);
  v["og_url"] = absolute && root.empty() ? base + page_path : "";
  v["og_image"] = absolute ? base + "assets/chia-se.png" + query("assets/chia-se.png") : "";
  return v;
}

json plan_summary(const ViewContext& ctx, int index, const std::string& from) {
  const Plan& plan = ctx.portal.plans[index];
  const PlanFacts* pf = index < static_cast<int>(ctx.facts.plans.size()) ? &ctx.facts.plans[index] : nullptr;
  // A task with sub-tasks counts once, as on the plan page.
  int total = static_cast<int>(std::count_if(plan.tasks.begin(), plan.tasks.end(), counts_as_task));
  int done = pf ? pf->done : 0;
  int overdue = pf ? pf->overdue : 0;
  json v;
  v["label"] = plan_label(plan);
  v["number"] = plan.number;
  v["title"] = plan.title;
  v["year"] = std::to_string(plan.year);
  v["href"] = relative_link(from, plan_page(ctx.portal, plan));
  v["date"] = plan.date ? format_vi(*plan.date) : "";
  v["date_iso"] = plan.date ? iso_date(*plan.date) : "";
  v["copy_note"] = plan_copy_note(plan);
  v["unit_name"] = unit_display_name(ctx.portal.units[plan.unit]);
  v["total"] = std::to_string(total);
  v["done"] = std::to_string(done);
  v["overdue"] = overdue > 0 ? std::to_string(overdue) : "";
  v["progress_text"] = std::to_string(done) + "/" + std::to_string(total) + " nhiệm vụ hoàn thành";
  v["overdue_text"] = overdue > 0 ? std::to_string(overdue) + " nhiệm vụ quá hạn" : "";
  v["ended"] = Date{plan.year, 12, 31} < ctx.facts.as_of;  // the plan's year is over
  return v;
}

json report_summary(const ViewContext& ctx, int index, const std::string& from) {
  const Report& r = ctx.portal.reports[index];
  json v;
  v["title"] = r.title;
  v["number"] = r.number;
  v["href"] = relative_link(from, report_page(ctx.portal, r));
  v["date"] = format_vi(r.date);
  v["date_iso"] = iso_date(r.date);
  v["period"] = period_vi(r.period);
  v["unit_name"] = unit_display_name(ctx.portal.units[r.unit]);
  return v;
}

}  // namespace congkhai
