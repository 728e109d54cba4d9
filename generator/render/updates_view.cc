#include "render/updates_view.h"

#include <algorithm>

#include "model/urls.h"
#include "render/format.h"
#include "render/markdown.h"

namespace congkhai {

using nlohmann::json;

namespace {

long last_day_number(const Date& d) {
  if (d.year == 0) return 0;
  if (d.month == 0) return days_from_civil(Date{d.year, 12, 31});
  if (d.day == 0) return days_from_civil(end_of_month(d.year, d.month));
  return days_from_civil(d);
}

json report_item(const ViewContext& ctx, int index, const std::string& from) {
  const Report& r = ctx.portal.reports[index];
  std::string context = period_vi(r.period);
  if (!r.number.empty()) context = "Số " + r.number + " · " + context;
  return {{"is_report", true},
          {"kind_key", "bao-cao"},
          {"kind_text", "Báo cáo"},
          {"date", format_vi(r.date)},
          {"date_iso", iso_date(r.date)},
          {"title", r.title},
          {"href", relative_link(from, report_page(ctx.portal, r))},
          {"unit_name", unit_display_name(ctx.portal.units[r.unit])},
          {"context", context}};
}

json progress_item(const ViewContext& ctx, const EntryRef& ref, const std::string& from) {
  const Portal& portal = ctx.portal;
  const ProgressEntry& e = portal.progress[ref.record].entries[ref.index];
  const Plan& plan = portal.plans[ref.plan];
  const Task* task = find_task(plan, e.task);
  std::string label = numbered_task(plan, *task, short_text(task->text, 110));
  StatusLabel s = status_label(e.status);
  return {{"is_report", false},
          {"kind_key", "tien-do"},
          {"kind_text", "Tiến độ"},
          {"date", format_vi(e.date)},
          {"date_iso", iso_date(e.date)},
          {"title", label},
          {"href", relative_link(from, plan_page(portal, plan)) + "#" + task_anchor(*task)},
          {"unit_name", unit_display_name(portal.units[plan.unit])},
          {"context", plan_label(plan)},
          {"status_key", s.key},
          {"status_text", s.text},
          {"percent_text", e.percent >= 0 ? std::to_string(e.percent) + "%" : ""},
          {"note_html", e.note.empty() ? "" : markdown_to_html(e.note)}};
}

}  // namespace

std::vector<Update> latest_updates(const Portal& portal, const PortalFacts& facts, std::size_t limit) {
  // The first `limit` of every report and entry in the order of a stable sort, newest day
  // first, then reports before entries, each in the content's order: kept in a heap of at
  // most `limit`, whose worst is dropped, so that a national portal's two million entries
  // are neither sorted nor each matched to its task (only those that would be kept are).
  struct Candidate {
    long day;
    std::size_t order;  // reports first, then entries, each in the content's order
    Update update;
  };
  auto before = [](const Candidate& a, const Candidate& b) {
    return a.day != b.day ? a.day > b.day : a.order < b.order;
  };
  std::vector<Candidate> kept;  // a heap whose front is the worst kept
  if (limit == 0) return {};
  auto offer = [&](const Candidate& c, auto&& valid) {
    if (kept.size() == limit && !before(c, kept.front())) return;
    if (!valid()) return;
    if (kept.size() == limit) {
      std::pop_heap(kept.begin(), kept.end(), before);
      kept.pop_back();
    }
    kept.push_back(c);
    std::push_heap(kept.begin(), kept.end(), before);
  };
  const long as_of = last_day_number(facts.as_of);
  std::size_t order = 0;
  for (size_t i = 0; i < portal.reports.size(); ++i) {
    const Report& r = portal.reports[i];
    if (r.unit < 0 || static_cast<size_t>(r.unit) >= portal.units.size()) continue;
    const long day = last_day_number(r.date);
    if (facts.as_of.year && day > as_of) continue;
    offer({day, order++, {Update::Kind::kReport, static_cast<int>(i), r.date}}, [] { return true; });
  }
  for (size_t i = 0; i < facts.entries.size(); ++i) {
    const EntryRef& ref = facts.entries[i];
    if (ref.plan < 0 || static_cast<size_t>(ref.plan) >= portal.plans.size()) continue;
    const ProgressEntry& e = portal.progress[ref.record].entries[ref.index];
    // An entry naming no task of its plan is left out (validation reports it).
    offer({last_day_number(e.date), order++, {Update::Kind::kProgress, static_cast<int>(i), e.date}},
          [&] { return find_task(portal.plans[ref.plan], e.task) != nullptr; });
  }
  std::sort(kept.begin(), kept.end(), before);
  std::vector<Update> out;
  out.reserve(kept.size());
  for (const Candidate& c : kept) out.push_back(c.update);
  return out;
}

nlohmann::json units_updates_view(const ViewContext& ctx, const std::vector<int>& units, std::size_t limit,
                                  const std::string& from) {
  const Portal& portal = ctx.portal;
  const long as_of = last_day_number(ctx.facts.as_of);
  std::vector<int> reports, plans;
  for (int u : units) {
    reports.insert(reports.end(), portal.units[u].reports.begin(), portal.units[u].reports.end());
    plans.insert(plans.end(), portal.units[u].plans.begin(), portal.units[u].plans.end());
  }
  // The content's order, as latest_updates keeps it among equal days.
  std::sort(reports.begin(), reports.end());
  std::vector<Update> all;
  for (int r : reports) {
    if (ctx.facts.as_of.year && last_day_number(portal.reports[r].date) > as_of) continue;
    all.push_back({Update::Kind::kReport, r, portal.reports[r].date});
  }
  std::vector<int> entries;
  for (int p : plans) {
    if (p < 0 || static_cast<size_t>(p) >= ctx.facts.plans.size()) continue;
    for (const TaskFacts& tf : ctx.facts.plans[p].tasks) entries.insert(entries.end(), tf.entries.begin(), tf.entries.end());
  }
  std::sort(entries.begin(), entries.end());
  for (int e : entries) {
    const EntryRef& ref = ctx.facts.entries[e];
    const ProgressEntry& entry = portal.progress[ref.record].entries[ref.index];
    if (!find_task(portal.plans[ref.plan], entry.task)) continue;  // as latest_updates: validation reports it
    all.push_back({Update::Kind::kProgress, e, entry.date});
  }
  std::stable_sort(all.begin(), all.end(), [](const Update& a, const Update& b) {
    return last_day_number(a.date) > last_day_number(b.date);
  });
  if (all.size() > limit) all.resize(limit);
  json items = json::array();
  for (const Update& u : all)
    items.push_back(u.kind == Update::Kind::kReport ? report_item(ctx, u.index, from)
                                                     : progress_item(ctx, ctx.facts.entries[u.index], from));
  return items;
}

PageView updates_page_view(const ViewContext& ctx) {
  const std::string path = updates_page();
  std::vector<Update> updates = latest_updates(ctx.portal, ctx.facts, kUpdatesShown);
  json items = json::array();
  for (const Update& u : updates)
    items.push_back(u.kind == Update::Kind::kReport ? report_item(ctx, u.index, path)
                                                     : progress_item(ctx, ctx.facts.entries[u.index], path));
  json v;
  v["items"] = items;
  v["shown"] = std::to_string(items.size());
  v["limit"] = std::to_string(kUpdatesShown);
  v["feed_href"] = relative_link(path, portal_feed());
  PageView page{path, "updates",
                frame_view(ctx, path, "Cập nhật mới", {{"Trang chủ", home_page()}, {"Cập nhật mới", ""}}, -1)};
  page.view["alternates"].push_back(alternate("application/atom+xml", v["feed_href"], "Cập nhật của " + ctx.portal.site.title));
  page.view["updates"] = std::move(v);
  return page;
}

}  // namespace congkhai
