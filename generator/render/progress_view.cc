#include "render/progress_view.h"

#include "model/urls.h"
#include "render/svg_chart.h"

namespace congkhai {

using nlohmann::json;

namespace {

struct Part {
  const char* key;  // CSS modifier, shared with the status tags
  const char* label;
  int count;
};

std::string percent_text(int part, int total) { return vi_decimal(percent_of(part, total), 1) + "%"; }

// Segments of a bar 100 units long; a small gap after each keeps neighbours apart even
// where their colours are hard to tell.
json segments(const std::vector<Part>& parts, int total) {
  json out = json::array();
  int before = 0;
  for (const Part& p : parts) {
    if (p.count <= 0 || total <= 0) continue;
    double x = percent_of(before, total), width = percent_of(p.count, total);
    before += p.count;
    double gap = before < total ? 0.4 : 0.0;
    out.push_back({{"key", p.key},
                   {"label", p.label},
                   {"count", std::to_string(p.count)},
                   {"percent_text", percent_text(p.count, total)},
                   {"x", svg_number(x)},
                   {"width", svg_number(width > gap ? width - gap : width)}});
  }
  return out;
}

// Every status a task can count under, each task under exactly one (derive/aggregates.h).
std::vector<Part> task_parts(const TaskCounts& t) {
  return {{"done", "Hoàn thành", t.done},
          {"in-progress", "Đang thực hiện", t.in_progress},
          {"not-started", "Chưa bắt đầu", t.not_started},
          {"postponed", "Tạm hoãn", t.postponed},
          {"cancelled", "Huỷ bỏ", t.cancelled},
          {"no-report", "Chưa có báo cáo", t.no_report}};
}

// "Hoàn thành" → "hoàn thành", for a label inside a sentence (the first letter is ASCII or
// a two-byte Vietnamese capital in our labels).
std::string lower_first(const std::string& s) {
  static const std::string kCapitalD = "Đ";
  if (s.rfind(kCapitalD, 0) == 0) return "đ" + s.substr(kCapitalD.size());
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') return static_cast<char>(s[0] - 'A' + 'a') + s.substr(1);
  return s;
}

}  // namespace

json aggregate_view(const Aggregate& a) {
  const TaskCounts& t = a.tasks;
  const TargetCounts& g = a.targets;
  json v;
  v["plans"] = std::to_string(a.plans);
  v["has_tasks"] = t.total > 0;
  v["tasks_total"] = std::to_string(t.total);
  v["task_segments"] = segments(task_parts(t), t.total);
  v["overdue"] = std::to_string(t.overdue);
  v["overdue_percent_text"] = percent_text(t.overdue, t.total);
  v["has_overdue"] = t.overdue > 0;
  v["has_targets"] = g.total > 0;
  v["targets_total"] = std::to_string(g.total);
  v["target_segments"] = segments({{"met", "Đạt", g.met}, {"not-met", "Chưa đạt", g.not_met},
                                   {"no-data", "Chưa có số liệu", g.no_data}},
                                  g.total);
  return v;
}

json task_parts_view(const TaskCounts& t) {
  json parts = json::array();
  for (const Part& p : task_parts(t))
    if (p.count > 0)
      parts.push_back({{"key", p.key},
                       {"label", p.label},
                       {"text", lower_first(p.label)},
                       {"count", std::to_string(p.count)},
                       {"sep", parts.empty() ? "" : ", "}});
  return parts;
}

int unfinished(const TaskCounts& t) { return t.in_progress + t.not_started + t.postponed + t.no_report; }

json unit_progress_row(const ViewContext& ctx, int unit, const std::string& from) {
  const Unit& u = ctx.portal.units[unit];
  Aggregate a = unit_aggregate(ctx.portal, ctx.facts, unit);
  const TaskCounts& t = a.tasks;
  return {{"name", unit_display_name(u)},
          {"href", relative_link(from, unit_page(u))},
          {"plans", std::to_string(a.plans)},
          {"tasks", std::to_string(t.total)},
          {"done", std::to_string(t.done)},
          {"done_percent_text", percent_text(t.done, t.total)},
          {"unfinished", std::to_string(unfinished(t))},
          {"cancelled", std::to_string(t.cancelled)},
          {"overdue", std::to_string(t.overdue)},
          {"has_overdue", t.overdue > 0},
          {"targets", std::to_string(a.targets.total)},
          {"targets_met", std::to_string(a.targets.met)}};
}

}  // namespace congkhai
