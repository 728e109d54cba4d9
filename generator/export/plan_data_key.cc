#include "export/plan_data_key.h"

#include <vector>

#include "model/input_hasher.h"
#include "text/parallel_for.h"

namespace congkhai {
namespace {

void add_unit(InputHasher& h, const Portal& portal, int u) {
  const bool known = u >= 0 && u < static_cast<int>(portal.units.size());
  h.flag(known);
  if (!known) return;
  const Unit& unit = portal.units[u];
  h.text(unit.url_path);
  h.text(unit.name);
  h.integer(static_cast<int>(unit.level));
}

// Another plan named by this one (implements, implemented_by): its unit's path and its id.
void add_other_plan(InputHasher& h, const Portal& portal, int p) {
  const bool known = p >= 0 && p < static_cast<int>(portal.plans.size());
  h.flag(known);
  if (!known) return;
  const Plan& other = portal.plans[p];
  h.flag(other.unit >= 0 && other.unit < static_cast<int>(portal.units.size()));
  if (other.unit >= 0 && other.unit < static_cast<int>(portal.units.size())) h.text(portal.units[other.unit].url_path);
  h.text(other.id);
}

void add_reference(InputHasher& h, const Reference& r) {
  h.text(r.text);
  h.text(r.url);
}

void add_plan(InputHasher& h, const Plan& plan) {
  h.text(plan.id);
  h.text(plan.number);
  h.text(plan.title);
  h.integer(plan.year);
  h.date(plan.date);
  h.text(plan.place);
  h.text(plan.issuer);
  h.text(plan.signer.name);
  h.text(plan.signer.title);
  h.texts(plan.signer.capacity);
  h.u64(plan.legal_basis.size());
  for (const auto& r : plan.legal_basis) add_reference(h, r);
  h.flag(plan.implements.has_value());
  if (plan.implements) add_reference(h, *plan.implements);
  h.text(plan.implements_plan);
  h.texts(plan.recipients);
  h.text(plan.budget);
  h.text(plan.body);
  h.text(plan.appendix_title);
  h.text(plan.appendix_note);
  for (const std::string* c : {&plan.columns.number, &plan.columns.task, &plan.columns.lead, &plan.columns.partners,
                               &plan.columns.output, &plan.columns.timeframe})
    h.text(*c);
  for (bool b : {plan.not_in_copy.number, plan.not_in_copy.date, plan.not_in_copy.place, plan.not_in_copy.issuer,
                 plan.not_in_copy.signer})
    h.flag(b);
  h.integer(plan.table_marker);
  h.u64(plan.sections.size());
  for (const Section& s : plan.sections) {
    h.text(s.number);
    h.text(s.title);
    h.integer(s.depth);
    h.integer(s.parent);
  }
  h.u64(plan.tasks.size());
  for (const Task& t : plan.tasks) {
    h.text(t.id);
    h.text(t.number);
    h.text(t.text);
    h.text(t.lead_text);
    h.text(t.partners_text);
    h.texts(t.lead);
    h.texts(t.partners);
    h.text(t.output);
    h.text(t.timeframe);
    h.integer(t.section);
    h.integer(t.parent);
    h.ints(t.subtasks);
  }
  h.u64(plan.table.size());
  for (const TableRow& r : plan.table) h.integer(static_cast<int>(r.kind) * 1000003LL + r.index);
  h.u64(plan.targets.size());
  for (const Target& t : plan.targets) {
    h.text(t.id);
    h.text(t.measure);
    h.integer(static_cast<int>(t.comparison));
    h.number(t.value);
    h.text(t.value_text);
    h.text(t.unit);
    h.text(t.task);
    h.text(t.statement);
    h.text(t.part);
  }
}

void add_facts(InputHasher& h, const PlanFacts* pf) {
  h.flag(pf != nullptr);
  if (!pf) return;
  h.u64(pf->tasks.size());
  for (const TaskFacts& tf : pf->tasks) {
    add_inputs(h, tf.timeframe);
    h.date(tf.due);
    h.integer(static_cast<int>(tf.status));
    h.flag(tf.reported);
    h.integer(tf.percent);
    h.flag(tf.overdue);
    h.integer(tf.overdue_days);
    h.flag(tf.from_subtasks);
  }
  h.u64(pf->targets.size());
  for (const TargetFacts& tf : pf->targets) {
    h.integer(static_cast<int>(tf.result));
    h.flag(tf.latest.has_value());
    if (tf.latest) h.number(*tf.latest);
    h.date(tf.latest_date);
  }
  for (int n : {pf->done, pf->in_progress, pf->not_started, pf->postponed, pf->cancelled, pf->overdue}) h.integer(n);
  h.date(pf->last_updated);
}

void add_record(InputHasher& h, const ProgressRecord& rec) {
  h.text(rec.path);
  h.flag(rec.sheet.has_value());
  if (rec.sheet) h.text(*rec.sheet);
  h.text(rec.period);
}

void add_evidence(InputHasher& h, const Evidence& ev) {
  h.text(ev.title);
  h.text(ev.url);
  h.text(ev.file);
}

}  // namespace

std::string plan_data_fingerprint(const Portal& portal, const PortalFacts& facts, std::string_view version) {
  InputHasher h;
  h.text(kPlanDataFormat);
  h.text(version);
  const Site& site = portal.site;
  for (const std::string* s : {&site.title, &site.description, &site.base_url, &site.sample_data_notice,
                               &site.licence.name, &site.licence.url})
    h.text(*s);
  h.text(portal.content_dir);
  h.date(facts.as_of);
  return h.hex();
}

// The key covers, besides the fingerprint (format, version, site settings, content folder,
// reference date), everything plan_json.cc (PlanWriter) and tables.cc (PlanRows) read for
// plan `index`:
//  - the plan's unit: its path (the unit chain's slugs), name and level (display name);
//  - every field of the plan the encoders read: id, number, title, year, date, place, issuer,
//    signer, legal basis, implements (text, url, the plan path as written), recipients, budget,
//    body, appendix title and note, column headings, not_in_copy, the table marker; each
//    section (number, title, depth, parent); each task (id, number, text, lead and partners
//    cells and lists, output, timeframe as written, section, parent, sub-tasks); the table
//    rows; each target (id, measure, comparison, value and its text, unit, task, statement,
//    part);
//  - the plans it names: the implemented plan and the implementing ones, by their unit's path
//    and id (their links; not their titles, which neither JSON nor CSV shows);
//  - the plan's facts (derive/): each task's parsed timeframe, due date, status, reported,
//    percent, overdue and its days, from_subtasks; each target's result and latest value and
//    date; the counts by status and last_updated; whether the facts cover the plan at all;
//  - its progress entries and measurements in PortalFacts order, each with its record's path,
//    sheet and period, its position in the record (the order among equals) and every field
//    the encoders read (task or target, date, status, percent, note, reported_by, evidence
//    title, url and file, value and its text, source, line);
//  - its reports in the facts' order: id, title, number, date, period, tasks, targets,
//    attachments (title, file, bytes) and the report's unit path (its page).
// Not covered, because no encoder reads them: source positions other than entries' lines, the
// plan's source path, attachments' and evidence files' paths on disk, report bodies.
std::string plan_data_key(const Portal& portal, const PortalFacts& facts, int index, const PlanRefs& refs,
                          std::string_view fingerprint) {
  InputHasher h;
  h.text(fingerprint);
  const Plan& plan = portal.plans[index];
  add_unit(h, portal, plan.unit);
  add_plan(h, plan);
  h.flag(plan.implements_index >= 0);
  if (plan.implements_index >= 0) add_other_plan(h, portal, plan.implements_index);
  h.u64(plan.implemented_by.size());
  for (int i : plan.implemented_by) add_other_plan(h, portal, i);
  const PlanFacts* pf = index < static_cast<int>(facts.plans.size()) ? &facts.plans[index] : nullptr;
  add_facts(h, pf);

  const int records = static_cast<int>(portal.progress.size());
  if (index < static_cast<int>(refs.entries.size())) {
    h.u64(refs.entries[index].size());
    for (int at : refs.entries[index]) {
      const EntryRef& r = facts.entries[at];
      const bool known = r.plan == index && r.record >= 0 && r.record < records && r.index >= 0 &&
                         r.index < static_cast<int>(portal.progress[r.record].entries.size());
      h.flag(known);
      if (!known) continue;
      const ProgressRecord& rec = portal.progress[r.record];
      const ProgressEntry& e = rec.entries[r.index];
      add_record(h, rec);
      h.integer(r.index);
      h.text(e.task);
      h.date(e.date);
      h.integer(static_cast<int>(e.status));
      h.integer(e.percent);
      h.text(e.note);
      h.text(e.reported_by);
      h.u64(e.evidence.size());
      for (const Evidence& ev : e.evidence) add_evidence(h, ev);
      h.integer(e.pos.line);
    }
  }
  if (index < static_cast<int>(refs.measurements.size())) {
    h.u64(refs.measurements[index].size());
    for (int at : refs.measurements[index]) {
      const EntryRef& r = facts.measurements[at];
      const bool known = r.plan == index && r.record >= 0 && r.record < records && r.index >= 0 &&
                         r.index < static_cast<int>(portal.progress[r.record].measurements.size());
      h.flag(known);
      if (!known) continue;
      const ProgressRecord& rec = portal.progress[r.record];
      const Measurement& m = rec.measurements[r.index];
      add_record(h, rec);
      h.integer(r.index);
      h.text(m.target);
      h.date(m.date);
      h.number(m.value);
      h.text(m.value_text);
      h.text(m.source_note);
      h.integer(m.pos.line);
    }
  }
  if (pf) {
    h.u64(pf->reports.size());
    for (int r : pf->reports) {
      const bool known = r >= 0 && r < static_cast<int>(portal.reports.size());
      h.flag(known);
      if (!known) continue;
      const Report& rep = portal.reports[r];
      h.text(rep.id);
      add_unit(h, portal, rep.unit);
      h.text(rep.title);
      h.text(rep.number);
      h.date(rep.date);
      h.integer(static_cast<int>(rep.period.kind));
      h.integer(rep.period.year);
      h.integer(rep.period.index);
      h.texts(rep.tasks);
      h.texts(rep.targets);
      h.u64(rep.attachments.size());
      for (const Attachment& a : rep.attachments) {
        h.text(a.title);
        h.text(a.file);
        h.integer(a.bytes);
      }
    }
  }
  return h.hex();
}

std::vector<std::string> plan_data_keys(const Portal& portal, const PortalFacts& facts, const PlanRefs& refs,
                                        std::string_view fingerprint, int threads) {
  std::vector<std::string> keys(portal.plans.size());
  parallel_for(portal.plans.size(), threads, [&](std::size_t p) {
    keys[p] = plan_data_key(portal, facts, static_cast<int>(p), refs, fingerprint);
  });
  return keys;
}

std::vector<std::string> plan_data_keys(const Portal& portal, const PortalFacts& facts, std::string_view version,
                                        int threads) {
  return plan_data_keys(portal, facts, index_plan_refs(facts, portal.plans.size()),
                        plan_data_fingerprint(portal, facts, version), threads);
}

}  // namespace congkhai
