#include "export/plan_json.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <nlohmann/json.hpp>

#include "export/data_keys.h"
#include "export/export_paths.h"
#include "model/urls.h"

namespace congkhai {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json date_or_null(const std::optional<Date>& d) {
  if (!d || d->year == 0) return Json();
  return format_iso(*d);
}

// Whole numbers as JSON integers ("60", not "60.0"); others in shortest round-trip form.
Json number(double v) {
  if (!std::isfinite(v)) return Json();
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<long long>(v);
  return v;
}

Json strings(const std::vector<std::string>& items) {
  Json a = Json::array();
  for (const auto& s : items) a.push_back(s);
  return a;
}

Json reference(const Reference& r) {
  return {{"text", r.text}, {"url", text_or_null(r.url)}};
}

class PlanWriter {
 public:
  PlanWriter(const Portal& portal, const PortalFacts& facts, int index)
      : portal_(portal),
        facts_(facts),
        plan_(portal.plans[index]),
        index_(index),
        self_(plan_json(portal, plan_)) {
    if (index < static_cast<int>(facts.plans.size())) plan_facts_ = facts.plans[index];
  }

  Json write() {
    const Unit& unit = portal_.units[plan_.unit];
    Json j;
    j["$schema"] = link(plan_schema_path());
    j["as_of"] = date_or_null(facts_.as_of);
    j["unit"] = {{"path", unit.url_path},
                 {"name", unit.name},
                 {"display_name", unit_display_name(unit)},
                 {"level", unit_level_key(unit.level)},
                 {"page", link(unit_page(unit))}};
    j["id"] = plan_.id;
    j["number"] = plan_.number;
    j["number_blank"] = is_blank_number(plan_.number);
    j["title"] = plan_.title;
    j["year"] = plan_.year;
    j["date"] = date_or_null(plan_.date);
    j["place"] = text_or_null(plan_.place);
    j["issuer"] = plan_.issuer;
    j["signer"] = {{"name", text_or_null(plan_.signer.name)},
                   {"title", text_or_null(plan_.signer.title)},
                   {"capacity", strings(plan_.signer.capacity)}};
    Json basis = Json::array();
    for (const auto& r : plan_.legal_basis) basis.push_back(reference(r));
    j["legal_basis"] = basis;
    j["implements"] = plan_.implements ? reference(*plan_.implements) : Json();
    j["recipients"] = strings(plan_.recipients);
    j["budget"] = text_or_null(plan_.budget);
    j["body"] = text_or_null(plan_.body);
    j["page"] = link(plan_page(portal_, plan_));

    const PlanFacts& pf = plan_facts_;
    j["summary"] = {{"tasks", plan_.tasks.size()},
                    {"targets", plan_.targets.size()},
                    {"done", pf.done},
                    {"in_progress", pf.in_progress},
                    {"not_started", pf.not_started},
                    {"postponed", pf.postponed},
                    {"cancelled", pf.cancelled},
                    {"overdue", pf.overdue},
                    {"last_updated", date_or_null(pf.last_updated)}};

    Json sections = Json::array();
    for (const auto& s : plan_.sections)
      sections.push_back({{"number", text_or_null(s.number)},
                          {"title", s.title},
                          {"depth", s.depth},
                          {"parent", s.parent >= 0 ? Json(s.parent) : Json()}});
    j["sections"] = sections;

    Json tasks = Json::array();
    for (size_t i = 0; i < plan_.tasks.size(); ++i) tasks.push_back(task(i));
    j["tasks"] = tasks;

    Json targets = Json::array();
    for (size_t i = 0; i < plan_.targets.size(); ++i) targets.push_back(target(i));
    j["targets"] = targets;

    j["progress"] = progress();
    j["measurements"] = measurements();
    j["reports"] = reports();
    return j;
  }

 private:
  std::string link(const std::string& to) const { return link_from(portal_.site, self_, to); }

  Json timeframe(const Timeframe& t) const {
    Json checkpoints = Json::array();
    for (const auto& d : t.checkpoints) checkpoints.push_back(format_iso(d));
    Json cadences = Json::array();
    for (auto c : t.cadences)
      if (!cadence_key(c).empty()) cadences.push_back(cadence_key(c));
    return {{"raw", t.raw},
            {"kind", timeframe_kind_key(t.kind)},
            {"start", date_or_null(t.start)},
            {"due", date_or_null(t.due)},
            {"checkpoints", checkpoints},
            {"cadences", cadences},
            {"also_on_demand", t.also_on_demand},
            {"qualifier", text_or_null(t.qualifier)},
            {"description", text_or_null(describe_timeframe(t))}};
  }

  Json task(size_t i) const {
    const Task& t = plan_.tasks[i];
    TaskFacts tf;
    if (i < plan_facts_.tasks.size()) tf = plan_facts_.tasks[i];
    if (tf.timeframe.raw.empty()) tf.timeframe.raw = t.timeframe;
    return {{"id", t.id},
            {"number", text_or_null(t.number)},
            {"text", t.text},
            {"section", t.section >= 0 ? Json(t.section) : Json()},
            {"lead", strings(t.lead)},
            {"partners", strings(t.partners)},
            {"output", text_or_null(t.output)},
            {"timeframe", timeframe(tf.timeframe)},
            {"due", date_or_null(tf.due)},
            {"status", task_status_key(tf.status)},
            {"status_vi", task_status_vi(tf.status)},
            {"reported", tf.reported},
            {"percent", tf.percent >= 0 ? Json(tf.percent) : Json()},
            {"overdue", tf.overdue},
            {"overdue_days", tf.overdue_days},
            {"page", link(plan_page(portal_, plan_)) + "#" + task_anchor(t)}};
  }

  Json target(size_t i) const {
    const Target& t = plan_.targets[i];
    TargetFacts tf;
    if (i < plan_facts_.targets.size()) tf = plan_facts_.targets[i];
    Json latest;
    if (tf.latest) latest = {{"value", number(*tf.latest)}, {"date", date_or_null(tf.latest_date)}};
    return {{"id", t.id},
            {"measure", t.measure},
            {"comparison", comparison_key(t.comparison)},
            {"comparison_vi", comparison_vi(t.comparison)},
            {"value", number(t.value)},
            {"value_text", text_or_null(t.value_text)},
            {"unit", t.unit},
            {"task", text_or_null(t.task)},
            {"result", target_result_key(tf.result)},
            {"result_vi", target_result_vi(tf.result)},
            {"latest", latest},
            {"page", link(plan_page(portal_, plan_)) + "#" + target_anchor(t)}};
  }

  // Entries of this plan, in the order derive gives them (kept stable by sorting on date,
  // file and position).
  template <typename Pick>
  std::vector<std::pair<int, int>> refs_of(const std::vector<EntryRef>& refs, Pick pick) const {
    std::vector<std::pair<int, int>> out;
    for (const auto& r : refs) {
      if (r.plan != index_ || r.record < 0 ||
          r.record >= static_cast<int>(portal_.progress.size()))
        continue;
      if (r.index < 0 || r.index >= static_cast<int>(pick(portal_.progress[r.record]).size()))
        continue;
      out.push_back({r.record, r.index});
    }
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
      const auto& ra = portal_.progress[a.first];
      const auto& rb = portal_.progress[b.first];
      const Date& da = pick(ra)[a.second].date;
      const Date& db = pick(rb)[b.second].date;
      return std::tie(da, ra.path, a.second) < std::tie(db, rb.path, b.second);
    });
    return out;
  }

  Json progress() const {
    Json out = Json::array();
    auto pick = [](const ProgressRecord& r) -> const auto& { return r.entries; };
    for (auto [record, index] : refs_of(facts_.entries, pick)) {
      const ProgressRecord& rec = portal_.progress[record];
      const ProgressEntry& e = rec.entries[index];
      Json evidence = Json::array();
      for (const auto& ev : e.evidence) {
        std::string url = !ev.url.empty() ? ev.url
                                          : ev.file.empty() ? std::string()
                                                            : link(file_output_path(ev.file));
        evidence.push_back({{"title", ev.title}, {"url", text_or_null(url)}});
      }
      out.push_back({{"task", e.task},
                     {"date", date_or_null(e.date)},
                     {"status", task_status_key(e.status)},
                     {"status_vi", task_status_vi(e.status)},
                     {"percent", e.percent >= 0 ? Json(e.percent) : Json()},
                     {"note", text_or_null(e.note)},
                     {"reported_by", text_or_null(e.reported_by)},
                     {"evidence", evidence},
                     {"period", text_or_null(rec.period)},
                     {"record", content_relative(portal_, rec.path)},
                     {"line", e.pos.line > 0 ? Json(e.pos.line) : Json()}});
    }
    return out;
  }

  Json measurements() const {
    Json out = Json::array();
    auto pick = [](const ProgressRecord& r) -> const auto& { return r.measurements; };
    for (auto [record, index] : refs_of(facts_.measurements, pick)) {
      const ProgressRecord& rec = portal_.progress[record];
      const Measurement& m = rec.measurements[index];
      out.push_back({{"target", m.target},
                     {"date", date_or_null(m.date)},
                     {"value", number(m.value)},
                     {"value_text", text_or_null(m.value_text)},
                     {"source", text_or_null(m.source_note)},
                     {"period", text_or_null(rec.period)},
                     {"record", content_relative(portal_, rec.path)},
                     {"line", m.pos.line > 0 ? Json(m.pos.line) : Json()}});
    }
    return out;
  }

  Json reports() const {
    Json out = Json::array();
    for (int r : plan_facts_.reports) {
      if (r < 0 || r >= static_cast<int>(portal_.reports.size())) continue;
      const Report& rep = portal_.reports[r];
      Json attachments = Json::array();
      for (const auto& a : rep.attachments)
        attachments.push_back({{"title", a.title},
                               {"url", link(file_output_path(a.file))},
                               {"bytes", a.bytes}});
      out.push_back({{"id", rep.id},
                     {"title", rep.title},
                     {"number", text_or_null(rep.number)},
                     {"date", date_or_null(rep.date)},
                     {"period", format_period(rep.period)},
                     {"period_vi", period_vi(rep.period)},
                     {"tasks", strings(rep.tasks)},
                     {"targets", strings(rep.targets)},
                     {"attachments", attachments},
                     {"page", link(report_page(portal_, rep))}});
    }
    return out;
  }

  const Portal& portal_;
  const PortalFacts& facts_;
  const Plan& plan_;
  int index_;
  std::string self_;
  PlanFacts plan_facts_;
};

}  // namespace

std::string write_plan_json(const Portal& portal, const PortalFacts& facts, int index) {
  return PlanWriter(portal, facts, index).write().dump(2) + "\n";
}

}  // namespace congkhai
