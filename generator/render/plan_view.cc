// The plan page: the document as printed, its task table with statuses as of the reference
// date, its targets, the progress history per task and the reports about it.
#include <algorithm>
#include <optional>
#include <set>

#include "derive/aggregates.h"
#include "derive/timeframe.h"
#include "model/date.h"
#include "model/urls.h"
#include "render/format.h"
#include "render/markdown.h"
#include "render/progress_view.h"
#include "render/svg_chart.h"
#include "render/views.h"
#include "text/unicode.h"

namespace congkhai {

using nlohmann::json;

namespace {

json reference(const Reference& r) {
  return {{"text", r.text}, {"href", is_safe_url(r.url) ? r.url : ""}};
}

// A length along a bar 100 units long: "41.5", clamped to 0–100.
std::string bar_length(double v) { return svg_number(std::clamp(v, 0.0, 100.0)); }

// What a target's chart shows, in words, for readers who cannot see it.
std::string chart_label(const Target& t, const std::vector<const Measurement*>& ms, const std::string& goal_text,
                        const std::string& unit_suffix) {
  auto value = [&](const Measurement* m) {
    return vi_number(m->value_text.empty() ? vi_number(m->value) : m->value_text) + unit_suffix;
  };
  std::string s = "Biểu đồ " + t.measure + ": " + std::to_string(ms.size()) + " số liệu";
  if (ms.size() == 1)
    s += ", ngày " + format_vi(ms.front()->date) + ": " + value(ms.front());
  else
    s += ", từ " + value(ms.front()) + " ngày " + format_vi(ms.front()->date) + " đến " + value(ms.back()) +
         " ngày " + format_vi(ms.back()->date);
  return s + "; mục tiêu " + goal_text + ".";
}

// "Thường xuyên trong năm 2024." and "thường xuyên trong năm 2024" say the same thing.
std::string comparable(const std::string& s) {
  std::string out = to_lower(s);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ';')) out.pop_back();
  return out;
}

// How many unfinished tasks with a deadline the plan page lists as coming next.
constexpr size_t kNextDeadlines = 5;

json evidence_view(const Evidence& e, const std::string& from) {
  std::string href;
  if (!e.file.empty()) href = file_link(from, e.file);
  else if (is_safe_url(e.url)) href = e.url;
  std::string title = e.title.empty() ? (e.file.empty() ? e.url : e.file) : e.title;
  return {{"title", title},
          {"href", href},
          {"is_file", !e.file.empty()},
          {"type", e.file.empty() ? "" : file_type(e.file)}};
}

}  // namespace

PageView plan_page_view(const ViewContext& ctx, int index) {
  const Portal& portal = ctx.portal;
  const Plan& plan = portal.plans[index];
  static const PlanFacts kNoFacts;
  const PlanFacts& pf = index < static_cast<int>(ctx.facts.plans.size()) ? ctx.facts.plans[index] : kNoFacts;
  const Unit& unit = portal.units[plan.unit];
  const std::string path = plan_page(portal, plan);

  // Ids the page itself uses; headings in the body take others.
  PageIds used_ids = {"noi-dung-chinh", "q", "van-ban", "noi-dung", "nhiem-vu",
                     "chi-tieu", "tien-do", "bao-cao", "du-lieu", "search-results",
                     "tom-tat", "thuc-hien", "loc-qua-han", "loc-chua-xong", "loc-da-xong", "han-sap-toi"};
  for (const Task& t : plan.tasks) used_ids.reserve(task_anchor(t)), used_ids.reserve("ls-" + t.id);
  for (const Target& t : plan.targets) used_ids.reserve(target_anchor(t));

  MarkdownOptions cell;
  cell.unwrap_single_paragraph = true;
  MarkdownOptions prose;
  prose.heading_offset = 1;  // the body's "##" parts sit under the page's h2
  prose.heading_ids = true;
  prose.used_ids = &used_ids;

  // Abbreviations are explained where the page first uses them, in reading order: the
  // issuer, the title, then the table's sections and offices.
  std::set<std::string> explained;
  json p;
  p["label"] = plan_label(plan);
  p["issuer_html"] = with_abbreviations(plan.issuer, &explained);
  p["title"] = plan.title;
  p["title_html"] = with_abbreviations(plan.title, &explained);
  p["appendix_title"] = plan.appendix_title;
  p["appendix_note"] = plan.appendix_note;
  p["number"] = plan.number;
  p["number_blank"] = number_state(plan) == NumberState::kBlank;
  p["number_not_in_copy"] = plan.not_in_copy.number;
  p["date_not_in_copy"] = plan.not_in_copy.date;
  p["place_not_in_copy"] = plan.not_in_copy.place;
  p["issuer_not_in_copy"] = plan.not_in_copy.issuer;
  p["not_in_copy_text"] = kNotInCopyVi;
  {
    // Every header field the copy lacks, named once at the top of the document's text.
    std::string lacks;
    const std::pair<bool, const char*> names[] = {{plan.not_in_copy.number, "số văn bản"},
                                                  {plan.not_in_copy.date, "ngày ban hành"},
                                                  {plan.not_in_copy.place, "địa danh"},
                                                  {plan.not_in_copy.issuer, "cơ quan ban hành"},
                                                  {plan.not_in_copy.signer, "tên người ký"}};
    for (const auto& [lacking, name] : names)
      if (lacking) lacks += std::string(lacks.empty() ? "" : ", ") + name;
    p["copy_lacks"] = lacks;
  }
  p["date_note"] = plan.date ? partial_date_note(*plan.date) : "";
  // The column headings as printed, else the portal's own. On narrow screens each cell of the
  // table is labelled with its column's heading: the stylesheet writes the portal's own headings
  // (kTaskColumnHeadings), so a cell carries a label of its own only where the plan printed
  // another ("label_…", empty otherwise).
  auto heading = [&p](const char* field, const std::string& printed, const char* own) {
    const bool own_heading = printed.empty() || printed == own;
    p[std::string("heading_") + field] = own_heading ? std::string(own) : printed;
    p[std::string("label_") + field] = own_heading ? std::string() : printed;
  };
  heading("number", plan.columns.number, kTaskColumnHeadings.number);
  heading("task", plan.columns.task, kTaskColumnHeadings.task);
  heading("lead", plan.columns.lead, kTaskColumnHeadings.lead);
  heading("partners", plan.columns.partners, kTaskColumnHeadings.partners);
  heading("output", plan.columns.output, kTaskColumnHeadings.output);
  heading("timeframe", plan.columns.timeframe, kTaskColumnHeadings.timeframe);
  p["year"] = std::to_string(plan.year);
  p["unit_name"] = unit_display_name(unit);
  p["unit_href"] = relative_link(path, unit_page(unit));
  p["issuer"] = plan.issuer;
  p["place"] = plan.place;
  p["date"] = plan.date ? format_vi(*plan.date) : "";
  p["date_iso"] = plan.date ? iso_date(*plan.date) : "";
  p["date_line"] = date_line(plan);
  if (!plan.signer.name.empty() || !plan.signer.title.empty() || !plan.signer.capacity.empty() ||
      plan.not_in_copy.signer)
    p["signer"] = {{"capacity", plan.signer.capacity},
                   {"title", plan.signer.title},
                   {"name", plan.signer.name},
                   {"name_not_in_copy", plan.not_in_copy.signer}};
  else
    p["signer"] = false;
  json legal = json::array();
  for (const Reference& r : plan.legal_basis) legal.push_back(reference(r));
  p["legal_basis"] = std::move(legal);
  p["implements"] = plan.implements ? reference(*plan.implements) : json(false);
  // The implemented plan on this portal: the text links to its page.
  if (plan.implements && plan.implements_index >= 0) {
    p["implements"]["href"] = relative_link(path, plan_page(portal, portal.plans[plan.implements_index]));
    p["implements"]["on_portal"] = true;
  }
  p["recipients"] = plan.recipients;
  p["budget_html"] = plan.budget.empty() ? "" : markdown_to_html(plan.budget, prose);
  // The body around the task table when it marks where the table stands (inside a part of
  // the body); the table then sits in the document, one heading level below the body's parts.
  const auto [before_table, after_table] = body_around_table(plan);
  const bool table_in_body = plan.table_marker >= 0;
  p["table_in_body"] = table_in_body;
  p["table_heading_level"] = table_in_body ? "4" : "2";
  p["body_html"] = before_table.empty() ? "" : markdown_to_html(before_table, prose);
  p["body_after_html"] = after_table.empty() ? "" : markdown_to_html(after_table, prose);
  p["json_href"] = relative_link(path, plans_json(unit));  // the unit's file holds every plan of it

  bool has_output = std::any_of(plan.tasks.begin(), plan.tasks.end(),
                                [](const Task& t) { return !t.output.empty(); });
  p["has_output"] = has_output;
  p["columns"] = std::to_string(has_output ? 7 : 6);

  static const TaskFacts kNoTaskFacts;
  auto task_facts = [&](size_t i) -> const TaskFacts& {
    return i < pf.tasks.size() ? pf.tasks[i] : kNoTaskFacts;
  };
  auto task_label = [&plan](const Task& t) {
    return numbered_task(plan, t, short_text(t.text, 90));
  };

  // The plan's year is over: what was not done by then says so, and what was never reported
  // reads as never reported rather than "not yet".
  const Date year_end{plan.year, 12, 31};
  const bool ended = year_end < ctx.facts.as_of;
  std::vector<size_t> upcoming;  // unfinished tasks due on or after the reference date
  json rows = json::array();
  for (const TableRow& row : plan.table) {
    if (row.kind == TableRow::Kind::kSection) {
      const Section& s = plan.sections[row.index];
      rows.push_back({{"is_section", true},
                      {"is_task", false},
                      {"depth", std::to_string(std::clamp(s.depth, 1, 3))},
                      {"number", s.number},
                      {"title", s.title},
                      {"title_html", with_abbreviations(s.title, &explained)}});
      continue;
    }
    const Task& t = plan.tasks[row.index];
    const TaskFacts& tf = task_facts(row.index);
    StatusLabel status = status_label(tf);
    const bool done = tf.reported && tf.status == TaskStatus::kDone;
    const bool finished = tf.reported && (done || tf.status == TaskStatus::kCancelled);
    if (ended && !tf.reported) status.text = "Không có báo cáo";
    if (!finished && tf.due && !tf.overdue) upcoming.push_back(row.index);
    std::string summary = describe_timeframe(tf.timeframe);
    if (comparable(summary) == comparable(t.timeframe)) summary.clear();  // nothing to add
    // Not read: no deadline is derived, and the page says so rather than nothing.
    if (tf.timeframe.kind == Timeframe::Kind::kUnknown && !t.timeframe.empty()) summary = "chưa đọc được hạn";
    json r;
    r["is_section"] = false;
    r["is_task"] = true;
    r["anchor"] = task_anchor(t);
    r["number"] = t.number;
    // A sub-row: shown under its task, counted within it (its task's row carries the count).
    r["is_subtask"] = t.parent >= 0;
    r["row_class"] = t.parent >= 0 ? "row-subtask" : "row-task";
    r["full_number"] = full_number(plan, t);
    r["from_subtasks"] = tf.from_subtasks;
    r["text_html"] = markdown_to_html(t.text, cell);
    // The cells as printed, line by line; never joined with punctuation of our own.
    auto cell_lines = [&](const std::string& text) {
      std::string html;
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        html += (html.empty() ? "" : "<br>") + with_abbreviations(std::string_view(text).substr(start, end - start), &explained);
        start = end + 1;
      }
      return html;
    };
    r["lead"] = office_cell(t.lead_text, t.lead);
    r["lead_html"] = cell_lines(r["lead"].get<std::string>());
    r["partners"] = office_cell(t.partners_text, t.partners);
    r["partners_html"] = cell_lines(r["partners"].get<std::string>());
    r["output"] = t.output;
    r["timeframe"] = t.timeframe;
    r["timeframe_summary"] = summary;
    r["status_key"] = status.key;
    r["status_text"] = status.text;
    r["percent"] = tf.percent >= 0 ? std::to_string(tf.percent) : "";
    r["percent_text"] = tf.percent >= 0 ? std::to_string(tf.percent) + "%" : "";
    r["overdue"] = tf.overdue;
    r["overdue_text"] = tf.overdue ? "Quá hạn " + std::to_string(tf.overdue_days) + " ngày" : "";
    r["unfinished"] = !finished;
    r["done"] = done;
    // A duty with no end printed ("… và các năm tiếp theo") does not end with the plan's year.
    r["ended_unfinished"] = ended && !finished && !tf.overdue && !is_open_ended(tf.timeframe);
    r["history_href"] = tf.entries.empty() ? "" : "#ls-" + t.id;
    r["history_count"] = std::to_string(tf.entries.size());
    rows.push_back(std::move(r));
  }
  p["table"] = std::move(rows);
  p["has_tasks"] = !plan.tasks.empty();
  // Each task under exactly one status; overdue tasks are a part of the unfinished ones.
  const TaskCounts counts = plan_aggregate(plan, pf).tasks;
  json parts = task_parts_view(counts);
  if (ended)
    for (json& part : parts)
      if (part["key"] == "no-report") part["text"] = "không có báo cáo";
  p["counts"] = {{"total", std::to_string(counts.total)},
                 {"parts", std::move(parts)},
                 {"done", std::to_string(counts.done)},
                 {"unfinished", std::to_string(unfinished(counts))},
                 {"cancelled", std::to_string(counts.cancelled)},
                 {"overdue", counts.overdue > 0 ? std::to_string(counts.overdue) : ""}};
  p["ended"] = ended ? json{{"year", std::to_string(plan.year)},
                            {"reported_unfinished", std::to_string(counts.in_progress + counts.not_started + counts.postponed)},
                            {"never_reported", std::to_string(counts.no_report)}}
                     : json(false);
  std::stable_sort(upcoming.begin(), upcoming.end(),
                   [&](size_t a, size_t b) { return *task_facts(a).due < *task_facts(b).due; });
  json next = json::array();
  for (size_t i = 0; i < upcoming.size() && i < kNextDeadlines; ++i) {
    const Task& t = plan.tasks[upcoming[i]];
    const TaskFacts& tf = task_facts(upcoming[i]);
    StatusLabel s = status_label(tf);
    next.push_back({{"href", "#" + task_anchor(t)},
                    {"label", task_label(t)},
                    {"due", format_vi(*tf.due)},
                    {"due_iso", iso_date(*tf.due)},
                    {"status_key", s.key},
                    {"status_text", s.text}});
  }
  p["next_deadlines"] = std::move(next);

  // Progress by part of the plan (its top-level sections), each task under one of done,
  // unfinished or cancelled; tasks outside any section form a part of their own.
  struct PartCount {
    int total = 0, done = 0, unfinished = 0, cancelled = 0, overdue = 0;
  };
  std::vector<int> part_order;
  std::vector<PartCount> part_counts(plan.sections.size() + 1);
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    if (!counts_as_task(plan.tasks[i])) continue;
    int s = plan.tasks[i].section;
    for (size_t steps = 0; s >= 0 && static_cast<size_t>(s) < plan.sections.size() && plan.sections[s].parent >= 0 &&
                           steps < plan.sections.size();
         ++steps)
      s = plan.sections[s].parent;
    const size_t slot = s >= 0 && static_cast<size_t>(s) < plan.sections.size() ? static_cast<size_t>(s) : plan.sections.size();
    PartCount& c = part_counts[slot];
    if (c.total == 0) part_order.push_back(static_cast<int>(slot));
    const TaskFacts& tf = task_facts(i);
    ++c.total;
    if (tf.reported && tf.status == TaskStatus::kDone) ++c.done;
    else if (tf.reported && tf.status == TaskStatus::kCancelled) ++c.cancelled;
    else ++c.unfinished;
    if (tf.overdue) ++c.overdue;
  }
  json by_part = json::array();
  if (part_order.size() > 1 || (part_order.size() == 1 && static_cast<size_t>(part_order[0]) < plan.sections.size()))
    for (int slot : part_order) {
      const PartCount& c = part_counts[slot];
      const bool section = static_cast<size_t>(slot) < plan.sections.size();
      by_part.push_back({{"number", section ? plan.sections[slot].number : ""},
                         {"title", section ? plan.sections[slot].title : "Nhiệm vụ khác"},
                         {"total", std::to_string(c.total)},
                         {"done", std::to_string(c.done)},
                         {"unfinished", std::to_string(c.unfinished)},
                         {"cancelled", std::to_string(c.cancelled)},
                         {"overdue", std::to_string(c.overdue)},
                         {"bar", bar_length(percent_of(c.done, c.total))}});
    }
  p["by_part"] = std::move(by_part);

  json targets = json::array();
  for (size_t i = 0; i < plan.targets.size(); ++i) {
    const Target& t = plan.targets[i];
    static const TargetFacts kNoTargetFacts;
    const TargetFacts& tf = i < pf.targets.size() ? pf.targets[i] : kNoTargetFacts;
    StatusLabel result = target_result_label(tf.result);
    std::string value = vi_number(t.value_text.empty() ? vi_number(t.value) : t.value_text);
    std::string unit_suffix = t.unit == "%" ? "%" : (t.unit.empty() ? "" : " " + t.unit);
    json v;
    v["anchor"] = target_anchor(t);
    v["measure"] = t.measure;
    v["goal_text"] = comparison_vi(t.comparison) + " " + value + unit_suffix;
    v["latest_text"] = tf.latest ? vi_number(*tf.latest) + unit_suffix : "";
    v["latest_date"] = tf.latest_date ? format_vi(*tf.latest_date) : "";
    v["result_key"] = result.key;
    v["result_text"] = result.text;
    // The latest figure against the goal, for a percentage that has one.
    bool bar = t.unit == "%" && tf.latest;
    v["has_bar"] = bar;
    v["bar_value"] = bar ? bar_length(*tf.latest) : "0";
    v["bar_goal"] = bar ? bar_length(t.value) : "0";
    v["bar_goal_x"] = bar ? bar_length(std::clamp(t.value, 0.5, 99.5) - 0.5) : "0";
    const Task* task = t.task.empty() ? nullptr : find_task(plan, t.task);
    v["task_href"] = task ? "#" + task_anchor(*task) : "";
    v["task_label"] = task ? task_label(*task) : "";
    v["statement"] = t.statement;
    v["part"] = t.part;
    json ms = json::array();
    LineChart chart;
    chart.goal = t.value;
    chart.unit = t.unit;
    chart.from = Date{plan.year, 1, 1};
    chart.to = Date{plan.year, 12, 31};
    std::vector<const Measurement*> charted;
    for (int m : tf.measurements) {
      const EntryRef& ref = ctx.facts.measurements[m];
      const Measurement& meas = portal.progress[ref.record].measurements[ref.index];
      chart.points.push_back({meas.date, meas.value});
      charted.push_back(&meas);
      ms.push_back({{"date", format_vi(meas.date)},
                    {"date_iso", iso_date(meas.date)},
                    {"value", vi_number(meas.value_text.empty() ? vi_number(meas.value) : meas.value_text) + unit_suffix},
                    {"source", meas.source_note}});
    }
    // A source every measurement names is said once, under the list.
    std::string one_source = ms.size() > 1 ? ms[0]["source"].get<std::string>() : "";
    for (const json& m : ms)
      if (m["source"] != one_source) one_source.clear();
    if (!one_source.empty())
      for (json& m : ms) m["source"] = "";
    v["source"] = one_source;
    v["measurement_count"] = std::to_string(ms.size());
    v["measurements"] = std::move(ms);
    if (!charted.empty()) chart.label = chart_label(t, charted, v["goal_text"].get<std::string>(), unit_suffix);
    v["chart_svg"] = line_chart_svg(chart);
    targets.push_back(std::move(v));
  }
  p["targets"] = std::move(targets);

  // Who reported: said once for the whole history when every update on the page names the
  // same office; else once above a task's updates when all of them do; else with each update.
  auto reporter_of = [&](int e) -> const std::string& {
    const EntryRef& ref = ctx.facts.entries[e];
    return portal.progress[ref.record].entries[ref.index].reported_by;
  };
  // `entries`' one reporter when there are at least `least` and all name the same one; else "".
  auto one_reporter_of = [&](const std::vector<int>& entries, std::size_t least, std::string* one) {
    std::size_t n = 0;
    for (int e : entries) {
      const std::string& by = reporter_of(e);
      if (by.empty() || (!one->empty() && by != *one)) return false;
      *one = by;
      ++n;
    }
    return n >= least;
  };
  std::string page_reporter;
  std::size_t history_entries = 0;
  {
    bool same = true;
    for (size_t i = 0; i < plan.tasks.size() && same; ++i) {
      same = one_reporter_of(task_facts(i).entries, 0, &page_reporter);
      history_entries += task_facts(i).entries.size();
    }
    if (!same || history_entries < 2) page_reporter.clear();
  }
  p["history_reported_by"] = page_reporter;
  json history = json::array();
  for (size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& t = plan.tasks[i];
    const TaskFacts& tf = task_facts(i);
    if (tf.entries.empty()) continue;
    StatusLabel status = status_label(tf);
    std::string one_reporter;
    const bool same_reporter = !page_reporter.empty() || one_reporter_of(tf.entries, 2, &one_reporter);
    if (!page_reporter.empty() || !same_reporter) one_reporter.clear();
    json entries = json::array();
    // An update's status stands out as a tag where it differs from the task's update before.
    std::optional<TaskStatus> before;
    for (int e : tf.entries) {
      const EntryRef& ref = ctx.facts.entries[e];
      const ProgressRecord& rec = portal.progress[ref.record];
      const ProgressEntry& entry = rec.entries[ref.index];
      StatusLabel es = status_label(entry.status);
      const bool status_changed = !before || *before != entry.status;
      before = entry.status;
      json ev = json::array();
      for (const Evidence& x : entry.evidence) ev.push_back(evidence_view(x, path));
      // A note of one paragraph stands as that paragraph; anything longer keeps the prose
      // styles (lists, tables).
      std::string note = entry.note.empty() ? "" : markdown_to_html(entry.note);
      const bool one_paragraph = note.starts_with("<p>") && note.find("</p>") + 4 == note.size();
      entries.push_back({{"date", format_vi(entry.date)},
                         {"status_key", es.key},
                         {"status_text", es.text},
                         {"status_changed", status_changed},
                         {"percent_text", entry.percent >= 0 ? std::to_string(entry.percent) + "%" : ""},
                         {"note_html", note},
                         {"note_is_prose", !note.empty() && !one_paragraph},
                         {"evidence", std::move(ev)},
                         {"reported_by", same_reporter ? "" : entry.reported_by},
                         {"period", rec.period}});
    }
    history.push_back({{"anchor", "ls-" + t.id},
                       {"task_href", "#" + task_anchor(t)},
                       {"task_label", task_label(t)},
                       {"status_key", status.key},
                       {"status_text", status.text},
                       {"count", std::to_string(tf.entries.size())},
                       {"reported_by", one_reporter},
                       {"entries", std::move(entries)}});
  }
  p["history"] = std::move(history);

  json reports = json::array();
  for (int r : pf.reports) reports.push_back(report_summary(ctx, r, path));
  p["reports"] = std::move(reports);
  // The plans of units below that implement this one, by unit.
  json implementing = json::array();
  for (int i : plan.implemented_by) implementing.push_back(plan_summary(ctx, i, path));
  p["implemented_by"] = std::move(implementing);
  p["last_updated"] = pf.last_updated.year ? format_vi(pf.last_updated) : "";

  std::vector<Crumb> crumbs = unit_crumbs(portal, plan.unit);
  crumbs.push_back({plan_label(plan), ""});
  PageView page{path, "plan", frame_view(ctx, path, plan_label(plan) + " – " + unit_display_name(unit), crumbs, plan.unit)};
  page.view["alternates"].push_back(alternate("application/json", p["json_href"], "Dữ liệu các kế hoạch của " + unit_display_name(unit) + " (JSON)"));
  {
    std::string d = plan_label(plan) + " của " + unit_display_name(unit) + ", năm " + std::to_string(plan.year) + ": " +
                    std::to_string(counts.total) + " nhiệm vụ, " + std::to_string(counts.done) + " hoàn thành";
    if (counts.overdue > 0) d += ", " + std::to_string(counts.overdue) + " quá hạn";
    d += " (tính đến " + format_vi(ctx.facts.as_of) + ").";
    if (ended) d += " Năm kế hoạch đã kết thúc.";
    page.view["meta_description"] = d;
  }
  page.view["plan"] = std::move(p);
  return page;
}

}  // namespace congkhai
