// The home, unit, report, search and not-found pages.
#include <algorithm>
#include <functional>

#include "model/date.h"
#include "model/urls.h"
#include "render/format.h"
#include "render/markdown.h"
#include "render/progress_view.h"
#include "render/updates_view.h"
#include "render/views.h"

namespace congkhai {

using nlohmann::json;

namespace {

// Home page lists at most this many of the latest plans and reports.
constexpr size_t kLatest = 6;
// A unit's page lists at most this many overdue tasks and latest updates.
constexpr size_t kOverdueShown = 20;
constexpr size_t kUnitUpdates = 5;
// The home page lists every unit when there are at most this many.
constexpr size_t kFullUnitList = 400;

// A unit and every unit below it, the unit first, then depth first in content order.
std::vector<int> subtree(const Portal& portal, int u) {
  std::vector<int> out, stack{u};
  while (!stack.empty() && out.size() <= portal.units.size()) {
    int x = stack.back();
    stack.pop_back();
    out.push_back(x);
    const auto& c = portal.units[x].children;
    for (auto it = c.rbegin(); it != c.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

// The overdue tasks of the units' plans, longest overdue first; {total, shown: [...]}.
json overdue_tasks_view(const ViewContext& ctx, const std::vector<int>& units, const std::string& from) {
  struct Late {
    int plan;
    size_t task;
    int days;
  };
  std::vector<Late> late;
  for (int u : units)
    for (int p : ctx.portal.units[u].plans) {
      if (p < 0 || static_cast<size_t>(p) >= ctx.facts.plans.size()) continue;
      const PlanFacts& pf = ctx.facts.plans[p];
      const Plan& plan = ctx.portal.plans[p];
      // The tasks the counts count: a sub-task's delay shows on its task.
      for (size_t t = 0; t < pf.tasks.size() && t < plan.tasks.size(); ++t)
        if (pf.tasks[t].overdue && counts_as_task(plan.tasks[t])) late.push_back({p, t, pf.tasks[t].overdue_days});
    }
  std::stable_sort(late.begin(), late.end(), [](const Late& a, const Late& b) { return a.days > b.days; });
  json shown = json::array();
  for (size_t i = 0; i < late.size() && i < kOverdueShown; ++i) {
    const Plan& plan = ctx.portal.plans[late[i].plan];
    const Task& t = plan.tasks[late[i].task];
    const TaskFacts& tf = ctx.facts.plans[late[i].plan].tasks[late[i].task];
    StatusLabel s = status_label(tf);
    shown.push_back({{"href", relative_link(from, plan_page(ctx.portal, plan)) + "#" + task_anchor(t)},
                     {"label", numbered_task(plan, t, short_text(t.text, 110))},
                     {"plan_label", plan_label(plan)},
                     {"unit_name", unit_display_name(ctx.portal.units[plan.unit])},
                     {"lead", t.lead.empty() ? "" : t.lead.front()},
                     {"due", tf.due ? format_vi(*tf.due) : ""},
                     {"due_iso", tf.due ? iso_date(*tf.due) : ""},
                     {"overdue_text", "Quá hạn " + std::to_string(tf.overdue_days) + " ngày"},
                     {"status_key", s.key},
                     {"status_text", s.text}});
  }
  return {{"total", std::to_string(late.size())},
          {"more", late.size() > kOverdueShown ? std::to_string(late.size() - kOverdueShown) : ""},
          {"tasks", std::move(shown)}};
}

Date plan_date(const Plan& p) { return p.date ? *p.date : Date{p.year, 0, 0}; }

// Plans and reports of a unit and all the units below it.
std::pair<size_t, size_t> subtree_counts(const Portal& portal, int u) {
  const Unit& unit = portal.units[u];
  std::pair<size_t, size_t> n{unit.plans.size(), unit.reports.size()};
  for (int c : unit.children) {
    auto [p, r] = subtree_counts(portal, c);
    n.first += p;
    n.second += r;
  }
  return n;
}

json unit_link(const Portal& portal, int u, const std::string& from) {
  const Unit& unit = portal.units[u];
  auto [plans, reports] = subtree_counts(portal, u);
  return {{"name", unit_display_name(unit)},
          {"level", unit_level_vi(unit.level)},
          {"href", relative_link(from, unit_page(unit))},
          {"plan_count", std::to_string(plans)},      // including the units below it
          {"report_count", std::to_string(reports)}};
}

// Feedback may be an address, an e-mail or a web address; the latter two become links.
json feedback_view(const std::string& feedback) {
  std::string href;
  if (feedback.find('@') != std::string::npos && feedback.find(' ') == std::string::npos &&
      feedback.find(':') == std::string::npos)
    href = "mailto:" + feedback;
  else if (feedback.rfind("http://", 0) == 0 || feedback.rfind("https://", 0) == 0)
    href = feedback;
  return {{"text", feedback}, {"href", href}};
}

std::string tel_href(const std::string& phone) {
  std::string digits;
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
  return digits.empty() ? "" : "tel:" + digits;
}

}  // namespace

PageView home_page_view(const ViewContext& ctx) {
  const Portal& portal = ctx.portal;
  const std::string path = home_page();
  json h;
  h["description"] = portal.site.description;
  // Every unit down to the communes, so that a reader reaches theirs in one step, while the
  // list stays a reasonable size; a national portal lists provinces and districts, and the
  // search finds the rest.
  const int depth = portal.units.size() <= kFullUnitList ? 3 : 2;
  std::function<json(int, int)> tree = [&](int u, int level) {
    json v = unit_link(portal, u, path);
    json children = json::array();
    if (level < depth)
      for (int c : portal.units[u].children) children.push_back(tree(c, level + 1));
    v["children"] = std::move(children);
    return v;
  };
  json units = json::array();
  for (int u : portal.top_units) units.push_back(tree(u, 1));
  h["units"] = std::move(units);
  h["all_units_listed"] = depth == 3;
  h["progress"] = aggregate_view(portal_aggregate(portal, ctx.facts));
  json rows = json::array();
  for (int u : portal.top_units) rows.push_back(unit_progress_row(ctx, u, path));
  h["progress_rows"] = std::move(rows);
  h["progress_table_caption"] = "Tình hình thực hiện theo tỉnh, thành phố (gồm cả các đơn vị trực thuộc)";

  std::vector<int> plans(portal.plans.size());
  for (size_t i = 0; i < plans.size(); ++i) plans[i] = static_cast<int>(i);
  std::stable_sort(plans.begin(), plans.end(), [&](int a, int b) {
    return plan_date(portal.plans[a]) > plan_date(portal.plans[b]);
  });
  json latest_plans = json::array();
  for (size_t i = 0; i < plans.size() && i < kLatest; ++i) latest_plans.push_back(plan_summary(ctx, plans[i], path));
  h["latest_plans"] = std::move(latest_plans);

  std::vector<int> reports(portal.reports.size());
  for (size_t i = 0; i < reports.size(); ++i) reports[i] = static_cast<int>(i);
  std::stable_sort(reports.begin(), reports.end(), [&](int a, int b) {
    return portal.reports[a].date > portal.reports[b].date;
  });
  json latest_reports = json::array();
  for (size_t i = 0; i < reports.size() && i < kLatest; ++i)
    latest_reports.push_back(report_summary(ctx, reports[i], path));
  h["latest_reports"] = std::move(latest_reports);

  int tasks = 0;
  for (const Plan& plan : portal.plans) tasks += static_cast<int>(plan.tasks.size());
  h["stats"] = {{"units", std::to_string(portal.units.size())},
                {"plans", std::to_string(portal.plans.size())},
                {"reports", std::to_string(portal.reports.size())},
                {"tasks", std::to_string(tasks)}};

  PageView page{path, "home", frame_view(ctx, path, portal.site.title, {}, -1)};
  page.view["alternates"] = data_alternates(ctx, -1, path);
  page.view["home"] = std::move(h);
  return page;
}

PageView unit_page_view(const ViewContext& ctx, int index) {
  const Portal& portal = ctx.portal;
  const Unit& unit = portal.units[index];
  const std::string path = unit_page(unit);
  json u;
  u["name"] = unit_display_name(unit);
  u["level"] = unit_level_vi(unit.level);
  u["parent"] = unit.parent >= 0 ? unit_link(portal, unit.parent, path) : json(false);
  const Contact& c = unit.contact;
  bool has_contact = !c.address.empty() || !c.phone.empty() || !c.email.empty() || !c.website.empty() ||
                     !c.hours.empty();
  u["contact"] = has_contact ? json{{"address", c.address},
                                    {"phone", c.phone},
                                    {"phone_href", tel_href(c.phone)},
                                    {"email", c.email},
                                    {"website", c.website},
                                    {"website_href", is_safe_url(c.website) ? c.website : ""},
                                    {"hours", c.hours}}
                             : json(false);
  u["feedback"] = unit.feedback.empty() ? json(false) : feedback_view(unit.feedback);
  u["has_contact_box"] = has_contact || !unit.feedback.empty();
  json children = json::array();
  for (int ch : unit.children) children.push_back(unit_link(portal, ch, path));
  u["children"] = std::move(children);
  const std::vector<int> units = subtree(portal, index);
  const Aggregate counts = unit_aggregate(portal, ctx.facts, index);
  u["progress"] = aggregate_view(counts);
  if (counts.tasks.overdue > 0) u["progress"]["overdue_href"] = "#qua-han";
  u["overdue"] = counts.tasks.overdue > 0 ? overdue_tasks_view(ctx, units, path) : json(false);
  u["updates"] = units_updates_view(ctx, units, kUnitUpdates, path);
  u["updates_href"] = relative_link(path, updates_page());
  u["subtree_plans"] = counts.plans > 0;
  json rows = json::array();
  for (int ch : unit.children) rows.push_back(unit_progress_row(ctx, ch, path));
  u["progress_rows"] = std::move(rows);
  u["progress_table_caption"] = "Tình hình thực hiện theo đơn vị trực thuộc";
  u["feed_href"] = relative_link(path, unit_feed(unit));

  json years = json::array();
  for (int p : unit.plans) {
    std::string year = std::to_string(portal.plans[p].year);
    if (years.empty() || years.back()["year"] != year) years.push_back({{"year", year}, {"plans", json::array()}});
    years.back()["plans"].push_back(plan_summary(ctx, p, path));
  }
  u["years"] = std::move(years);
  // This year's plan, when the unit has published none: say so rather than show nothing.
  const int this_year = ctx.facts.as_of.year;
  bool has_this_year = false;
  for (int p : unit.plans) has_this_year = has_this_year || portal.plans[p].year == this_year;
  u["missing_year"] = !has_this_year && this_year > 0 ? std::to_string(this_year) : "";
  json reports = json::array();
  for (int r : unit.reports) reports.push_back(report_summary(ctx, r, path));
  u["reports"] = std::move(reports);

  std::vector<Crumb> crumbs = unit_crumbs(portal, index);
  crumbs.back().path = "";
  PageView page{path, "unit", frame_view(ctx, path, unit_display_name(unit), crumbs, index)};
  page.view["alternates"] = data_alternates(ctx, index, path);
  {
    std::string d = unit_display_name(unit) + ": kế hoạch kiểm soát thủ tục hành chính";
    if (counts.tasks.total > 0) {
      d += ", " + std::to_string(counts.tasks.total) + " nhiệm vụ, " + std::to_string(counts.tasks.done) + " hoàn thành";
      if (counts.tasks.overdue > 0) d += ", " + std::to_string(counts.tasks.overdue) + " quá hạn";
      d += " (tính đến " + format_vi(ctx.facts.as_of) + ")";
    }
    page.view["meta_description"] = d + "; nơi liên hệ và các báo cáo.";
  }
  page.view["unit"] = std::move(u);
  return page;
}

PageView report_page_view(const ViewContext& ctx, int index) {
  const Portal& portal = ctx.portal;
  const Report& report = portal.reports[index];
  const Unit& unit = portal.units[report.unit];
  const std::string path = report_page(portal, report);
  const Plan* plan = report.plan >= 0 ? &portal.plans[report.plan] : nullptr;
  const PlanFacts* pf = report.plan >= 0 && report.plan < static_cast<int>(ctx.facts.plans.size())
                            ? &ctx.facts.plans[report.plan]
                            : nullptr;

  json r;
  r["title"] = report.title;
  r["number"] = report.number;
  r["date"] = format_vi(report.date);
  r["date_iso"] = iso_date(report.date);
  r["period"] = period_vi(report.period);
  r["unit_name"] = unit_display_name(unit);
  r["unit_href"] = relative_link(path, unit_page(unit));
  std::string plan_href = plan ? relative_link(path, plan_page(portal, *plan)) : "";
  r["plan"] = plan ? json{{"label", plan_label(*plan)}, {"title", plan->title}, {"href", plan_href}} : json(false);

  json tasks = json::array();
  for (const std::string& id : report.tasks) {
    const Task* t = plan ? find_task(*plan, id) : nullptr;
    if (!t) {
      tasks.push_back({{"label", id}, {"href", ""}, {"status_key", ""}, {"status_text", ""}});
      continue;
    }
    size_t ti = static_cast<size_t>(t - plan->tasks.data());
    std::string label = numbered_task(*plan, *t, short_text(t->text, 110));
    StatusLabel s = pf && ti < pf->tasks.size() ? status_label(pf->tasks[ti]) : StatusLabel{"", ""};
    tasks.push_back({{"label", label},
                     {"href", plan_href + "#" + task_anchor(*t)},
                     {"status_key", s.key},
                     {"status_text", s.text}});
  }
  r["tasks"] = std::move(tasks);
  json targets = json::array();
  for (const std::string& id : report.targets) {
    const Target* t = plan ? find_target(*plan, id) : nullptr;
    targets.push_back({{"label", t ? t->measure : id}, {"href", t ? plan_href + "#" + target_anchor(*t) : ""}});
  }
  r["targets"] = std::move(targets);
  r["body_html"] = report.body.empty() ? "" : markdown_to_html(report.body, {.heading_offset = 1});
  json attachments = json::array();
  for (const Attachment& a : report.attachments) {
    std::string name = a.file.substr(a.file.find_last_of('/') + 1);
    attachments.push_back({{"title", a.title.empty() ? name : a.title},
                           {"href", file_link(path, a.file)},
                           {"type", file_type(a.file)},
                           {"size", a.bytes > 0 ? file_size_vi(a.bytes) : ""}});
  }
  r["attachments"] = std::move(attachments);

  std::vector<Crumb> crumbs = unit_crumbs(portal, report.unit);
  crumbs.push_back({report.title, ""});
  PageView page{path, "report", frame_view(ctx, path, report.title + " – " + unit_display_name(unit), crumbs, report.unit)};
  page.view["meta_description"] = report.title + " của " + unit_display_name(unit) + ", ngày " + format_vi(report.date) +
                                  " (" + period_vi(report.period) + ").";
  page.view["report"] = std::move(r);
  return page;
}

PageView search_page_view(const ViewContext& ctx) {
  const std::string path = search_page();
  PageView page{path, "search",
                frame_view(ctx, path, "Tìm kiếm", {{"Trang chủ", home_page()}, {"Tìm kiếm", ""}}, -1)};
  page.view["search"] = json::object();
  page.view["header_search"] = false;
  return page;
}

// The words the pages use, explained plainly, and the accessibility statement.
PageView about_page_view(const ViewContext& ctx) {
  const std::string path = about_page();
  PageView page{path, "about",
                frame_view(ctx, path, "Giải thích từ ngữ và khả năng tiếp cận",
                           {{"Trang chủ", home_page()}, {"Giải thích từ ngữ", ""}}, -1)};
  page.view["meta_description"] =
      "Giải thích các từ viết tắt (TTHC, UBND, HĐND, DVC, PVHCC) và cách đọc tình trạng nhiệm vụ; "
      "tuyên bố về khả năng tiếp cận của cổng.";
  page.view["about"] = json::object();
  return page;
}

// 404.html is served for any missing address, at any depth, so links relative to its own
// place would break. With a base_url, every link is absolute (base_url + path). Without
// one, links start at "/": right when the site sits at the root of its domain, which is
// how it is usually published; the page also says to return to the home page by hand
// otherwise. No breadcrumbs: there is no place to show.
PageView not_found_page_view(const ViewContext& ctx) {
  std::string root = ctx.portal.site.base_url;
  if (root.empty()) root = "/";
  if (root.back() != '/') root += '/';
  const std::string path = not_found_page();
  PageView page{path, "not_found", frame_view(ctx, path, "Không tìm thấy trang", {}, -1, root)};
  page.view["not_found"] = {{"has_base_url", !ctx.portal.site.base_url.empty()}};
  return page;
}

}  // namespace congkhai
