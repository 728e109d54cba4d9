#include "validate/references.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string_view>

#include "text/edit_distance.h"
#include "text/parallel_for.h"

namespace congkhai {

namespace {

std::vector<std::string> task_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& t : plan.tasks) ids.push_back(t.id);
  return ids;
}

std::vector<std::string> target_ids(const Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& t : plan.targets) ids.push_back(t.id);
  return ids;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// "không có nhiệm vụ X trong kế hoạch Y", with the closest existing ids as the hint: those
// that look like a typing slip when there are some, else the nearest few of the plan's ids.
Diagnostic unknown_ref(const std::string& path, SourcePos pos, const char* kind_vi, const char* kind_en,
                       const std::string& id, const Plan& plan, const std::vector<std::string>& ids) {
  auto near = closest(id, ids);
  Diagnostic d{path, pos,
               std::string("không có ") + kind_vi + " \"" + id + "\" trong kế hoạch \"" + plan.id + "\"",
               std::string("no ") + kind_en + " \"" + id + "\" in plan \"" + plan.id + "\"", {}, {}};
  if (!near.empty()) {
    d.hint = "có phải ý bạn là: " + join(near) + "?";
    d.hint_en = "did you mean: " + join(near) + "?";
  } else if (auto others = nearest(id, ids); !others.empty()) {
    d.hint = std::string("các mã ") + kind_vi + " gần giống nhất trong kế hoạch: " + join(others) +
             " (xem đủ trên trang kế hoạch, sau dấu # của mỗi dòng)";
    d.hint_en = std::string("the plan's closest ") + kind_en + " ids: " + join(others) +
                " (all are on the plan's page)";
  } else {
    d.hint = std::string("kế hoạch \"") + plan.id + "\" chưa có " + kind_vi + " nào";
    d.hint_en = std::string("plan \"") + plan.id + "\" has no " + kind_en + " yet";
  }
  return d;
}

void check_unique_ids(const Plan& plan, Diagnostics* out) {
  std::map<std::string, const Task*> seen;
  for (const auto& t : plan.tasks) {
    if (t.id.empty()) continue;
    auto [it, inserted] = seen.emplace(t.id, &t);
    if (inserted) continue;
    Diagnostic d{plan.path, t.pos,
                 "mã nhiệm vụ \"" + t.id + "\" trùng với nhiệm vụ ở dòng " + std::to_string(it->second->pos.line),
                 "task id \"" + t.id + "\" is also used by the task on line " +
                     std::to_string(it->second->pos.line),
                 {}, {}};
    if (!t.id_explicit) {
      d.hint = "mã được tạo từ tám chữ đầu của nhiệm vụ; hãy ghi một mã riêng bằng khoá \"id\"";
      d.hint_en = "the id comes from the task's first eight words; give one with an \"id\" key";
    } else {
      d.hint = "mỗi nhiệm vụ trong một kế hoạch cần một mã riêng";
      d.hint_en = "each task in a plan needs its own id";
    }
    out->push_back(d);
  }
  std::map<std::string, const Target*> targets;
  for (const auto& t : plan.targets) {
    if (t.id.empty()) continue;
    auto [it, inserted] = targets.emplace(t.id, &t);
    if (!inserted)
      out->push_back({plan.path, t.pos,
                      "mã chỉ tiêu \"" + t.id + "\" trùng với chỉ tiêu ở dòng " + std::to_string(it->second->pos.line),
                      "target id \"" + t.id + "\" is also used on line " + std::to_string(it->second->pos.line),
                      "mỗi chỉ tiêu trong một kế hoạch cần một mã riêng",
                      "each target in a plan needs its own id"});
  }
}

// The text of each Markdown heading of the body ("## II. NỘI DUNG" → "II. NỘI DUNG"), outside
// fenced code.
std::vector<std::string> body_headings(const std::string& body) {
  std::vector<std::string> out;
  bool fenced = false;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string_view line(body.data() + start, end - start);
    start = end + 1;
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) continue;
    line.remove_prefix(indent);
    if (line.starts_with("```") || line.starts_with("~~~")) fenced = !fenced;
    if (fenced || !line.starts_with('#')) continue;
    std::size_t hashes = line.find_first_not_of('#');
    if (hashes == std::string_view::npos || hashes > 6 || (line[hashes] != ' ' && line[hashes] != '\t')) continue;
    line.remove_prefix(hashes);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && line.back() == '#') line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    out.emplace_back(line);
  }
  return out;
}

void check_plan(const Plan& plan, Diagnostics* out) {
  check_unique_ids(plan, out);
  for (const auto& t : plan.targets)
    if (!t.task.empty() && !find_task(plan, t.task))
      out->push_back(unknown_ref(plan.path, t.task_pos, "nhiệm vụ", "task", t.task, plan, task_ids(plan)));
  std::vector<std::string> headings;
  bool headings_read = false;
  for (const auto& t : plan.targets) {
    if (t.part.empty()) continue;
    if (!headings_read) headings = body_headings(plan.body), headings_read = true;
    if (std::find(headings.begin(), headings.end(), t.part) != headings.end()) continue;
    Diagnostic d{plan.path, t.part_pos,
                 "phần \"" + t.part + "\" không là đề mục nào trong nội dung kế hoạch",
                 "part \"" + t.part + "\" is not a heading of the plan's body", {}, {}};
    if (headings.empty()) {
      d.hint = "nội dung kế hoạch chưa có đề mục (dòng bắt đầu bằng \"##\"); ghi đề mục của phần nêu chỉ tiêu";
      d.hint_en = "the body has no headings (lines starting with \"##\"); write the heading of the part that states the target";
    } else {
      auto near = closest(t.part, headings);
      const auto& shown = near.empty() ? headings : near;
      std::string list;
      for (std::size_t i = 0; i < shown.size() && i < 8; ++i) list += (list.empty() ? "\"" : ", \"") + shown[i] + "\"";
      d.hint = "chép đúng đề mục như trong nội dung, bỏ các dấu #: " + list;
      d.hint_en = "copy the heading exactly as in the body, without the #s: " + list;
    }
    out->push_back(d);
  }
}

void check_progress(const Portal& portal, const ProgressRecord& rec, Diagnostics* out) {
  if (rec.plan < 0) return;  // reported when loading
  const std::size_t first = out->size();
  const Plan& plan = portal.plans[rec.plan];
  for (const auto& e : rec.entries) {
    if (!e.task.empty() && !find_task(plan, e.task))
      out->push_back(unknown_ref(rec.path, e.pos, "nhiệm vụ", "task", e.task, plan, task_ids(plan)));
    // A plan whose own year is broken has been reported already: no cascade of date errors.
    if (plan.year != 0 && e.date.year != 0 && (e.date.year < plan.year - 1 || e.date.year > plan.year + 1))
      out->push_back({rec.path, e.pos,
                      "ngày " + format_vi(e.date) + " không thuộc năm của kế hoạch (" +
                          std::to_string(plan.year) + ")",
                      "date " + format_iso(e.date) + " is far from the plan's year",
                      "kiểm tra lại năm của ngày báo cáo", "check the year of the entry's date"});
  }
  for (const auto& m : rec.measurements)
    if (!m.target.empty() && !find_target(plan, m.target))
      out->push_back(unknown_ref(rec.path, m.pos, "chỉ tiêu", "target", m.target, plan, target_ids(plan)));
  // A spreadsheet's positions are cells.
  for (std::size_t i = first; i < out->size(); ++i) (*out)[i].sheet = rec.sheet;
}

void check_report(const Portal& portal, const Report& rep, Diagnostics* out) {
  if (rep.plan_id.empty()) {
    if (!rep.tasks.empty() || !rep.targets.empty())
      out->push_back({rep.path, rep.task_pos.empty() ? rep.target_pos.front() : rep.task_pos.front(),
                      "báo cáo nêu nhiệm vụ hoặc chỉ tiêu nhưng không ghi kế hoạch (\"plan\")",
                      "the report lists tasks or targets but names no plan",
                      "thêm dòng \"plan: <mã kế hoạch>\"", "add a line \"plan: <plan id>\""});
    return;
  }
  if (rep.plan < 0) return;
  const Plan& plan = portal.plans[rep.plan];
  for (std::size_t i = 0; i < rep.tasks.size(); ++i)
    if (!find_task(plan, rep.tasks[i]))
      out->push_back(unknown_ref(rep.path, rep.task_pos[i], "nhiệm vụ", "task", rep.tasks[i], plan, task_ids(plan)));
  for (std::size_t i = 0; i < rep.targets.size(); ++i)
    if (!find_target(plan, rep.targets[i]))
      out->push_back(unknown_ref(rep.path, rep.target_pos[i], "chỉ tiêu", "target", rep.targets[i], plan,
                                 target_ids(plan)));
}

}  // namespace

Diagnostics validate_portal(const Portal& portal, int threads) {
  // The plans, then the records, then the reports, in blocks checked on every thread, each
  // into its own list; joined in that order, the lists give what one thread finds, in the
  // order it finds it.
  constexpr std::size_t kBlock = 64;
  const std::size_t plans = portal.plans.size(), records = portal.progress.size();
  const std::size_t all = plans + records + portal.reports.size();
  std::vector<Diagnostics> found((all + kBlock - 1) / kBlock);
  parallel_for(found.size(), threads, [&](std::size_t b) {
    for (std::size_t i = b * kBlock; i < all && i < (b + 1) * kBlock; ++i) {
      if (i < plans)
        check_plan(portal.plans[i], &found[b]);
      else if (i < plans + records)
        check_progress(portal, portal.progress[i - plans], &found[b]);
      else
        check_report(portal, portal.reports[i - plans - records], &found[b]);
    }
  });
  Diagnostics out;
  for (Diagnostics& ds : found) std::move(ds.begin(), ds.end(), std::back_inserter(out));
  return out;
}

Diagnostics validate_part(const Portal& portal, const std::vector<int>& plans, const std::vector<int>& reports) {
  std::vector<bool> plan_in(portal.plans.size()), report_in(portal.reports.size());
  for (int p : plans) plan_in[p] = true;
  for (int r : reports) report_in[r] = true;
  auto in = [&](int plan) { return plan >= 0 && plan_in[plan]; };
  Diagnostics out;
  for (int p : plans) check_plan(portal.plans[p], &out);
  for (const auto& rec : portal.progress)
    if (in(rec.plan)) check_progress(portal, rec, &out);
  for (std::size_t r = 0; r < portal.reports.size(); ++r)
    if (report_in[r] || in(portal.reports[r].plan)) check_report(portal, portal.reports[r], &out);
  return out;
}

}  // namespace congkhai
