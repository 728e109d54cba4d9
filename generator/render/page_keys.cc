#include "render/page_keys.h"

#include <algorithm>

#include "model/input_hasher.h"
#include "model/model_codec.h"
#include "model/urls.h"
#include "render/format.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"

namespace congkhai {

// The structs below are hashed field by field. A field added to one changes its size: this
// fails until the field is hashed in plan_page_key (when the plan page reads it, or may) and
// changed in page_keys_test.cc, then the expected size is updated. The sizes are those of the
// build platform (x86-64, libstdc++); elsewhere the test alone guards. The plan itself is
// hashed through its codec (model/model_codec.h), which covers every field by its own check.
#if defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && !defined(_GLIBCXX_DEBUG)
#define CONGKHAI_HASHED_FIELDS_OF(T, size) \
  static_assert(sizeof(T) == (size), #T " changed: hash its new field in render/page_keys.cc")
#else
#define CONGKHAI_HASHED_FIELDS_OF(T, size)
#endif

CONGKHAI_HASHED_FIELDS_OF(Site, 224);
CONGKHAI_HASHED_FIELDS_OF(Unit, 408);
CONGKHAI_HASHED_FIELDS_OF(Contact, 160);
CONGKHAI_HASHED_FIELDS_OF(Timeframe, 192);
CONGKHAI_HASHED_FIELDS_OF(TaskFacts, 264);
CONGKHAI_HASHED_FIELDS_OF(TargetFacts, 64);
CONGKHAI_HASHED_FIELDS_OF(PlanFacts, 112);
CONGKHAI_HASHED_FIELDS_OF(EntryRef, 12);
CONGKHAI_HASHED_FIELDS_OF(ProgressRecord, 200);
CONGKHAI_HASHED_FIELDS_OF(ProgressEntry, 184);
CONGKHAI_HASHED_FIELDS_OF(Evidence, 136);
CONGKHAI_HASHED_FIELDS_OF(Measurement, 160);
CONGKHAI_HASHED_FIELDS_OF(DataFileInfo, 272);

namespace {

// Every node of a view into the hash, tagged by type (the pieces are length-prefixed, so
// the encoding is unambiguous). Cheaper than hashing view.dump(), whose escaping checked
// every byte of every page's text.
void add_view(ContentHasher& h, const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      h.add("{");
      for (const auto& [key, value] : j.items()) {
        h.add(key);
        add_view(h, value);
      }
      h.add("}");
      return;
    case nlohmann::json::value_t::array:
      h.add("[");
      for (const auto& value : j) add_view(h, value);
      h.add("]");
      return;
    case nlohmann::json::value_t::string:
      h.add("s");
      h.add(j.get_ref<const std::string&>());
      return;
    case nlohmann::json::value_t::boolean: h.add(j.get<bool>() ? "t" : "f"); return;
    case nlohmann::json::value_t::null: h.add("0"); return;
    default:
      h.add("n");
      h.add(j.dump());
      return;
  }
}

// A small view the plan page shows as it is (a plan or report in a list), into the input hash.
void add_view(InputHasher& h, const nlohmann::json& j) {
  ContentHasher v;
  add_view(v, j);
  h.hash(v.finish());
}

// A progress entry or measurement the facts point at, or a mark that it is not there.
template <typename Item>
const Item* referenced(const Portal& portal, const std::vector<EntryRef>& refs, int at,
                       std::vector<Item> ProgressRecord::*items) {
  if (at < 0 || at >= static_cast<int>(refs.size())) return nullptr;
  const EntryRef& r = refs[at];
  if (r.record < 0 || r.record >= static_cast<int>(portal.progress.size())) return nullptr;
  const std::vector<Item>& list = portal.progress[r.record].*items;
  return r.index >= 0 && r.index < static_cast<int>(list.size()) ? &list[r.index] : nullptr;
}

void add_entry(InputHasher& h, const ViewContext& ctx, int at) {
  const ProgressEntry* e = referenced(ctx.portal, ctx.facts.entries, at, &ProgressRecord::entries);
  h.flag(e != nullptr);
  if (!e) return;
  h.text(ctx.portal.progress[ctx.facts.entries[at].record].period);
  h.text(e->task);
  h.date(e->date);
  h.integer(static_cast<int>(e->status));
  h.integer(e->percent);
  h.text(e->note);
  h.u64(e->evidence.size());
  for (const Evidence& ev : e->evidence) {
    h.text(ev.title);
    h.text(ev.url);
    h.text(ev.file);
  }
  h.text(e->reported_by);
}

void add_measurement(InputHasher& h, const ViewContext& ctx, int at) {
  const Measurement* m = referenced(ctx.portal, ctx.facts.measurements, at, &ProgressRecord::measurements);
  h.flag(m != nullptr);
  if (!m) return;
  h.text(m->target);
  h.date(m->date);
  h.number(m->value);
  h.text(m->value_text);
  h.text(m->source_note);
}

// The page's unit and each unit above it, as unit_crumbs and frame_view read them: name and
// level (the display name), path (links, breadcrumbs, the search area), feedback and contact
// e-mail ("report a problem").
void add_unit_chain(InputHasher& h, const Portal& portal, int unit) {
  const int units = static_cast<int>(portal.units.size());
  int steps = 0;
  for (int u = unit; u >= 0 && u < units && steps <= units; u = portal.units[u].parent, ++steps) {
    const Unit& x = portal.units[u];
    h.flag(true);
    h.text(x.name);
    h.integer(static_cast<int>(x.level));
    h.text(x.url_path);
    h.text(x.feedback);
    h.text(x.contact.email);
  }
  h.flag(false);
}

// Every field of a model struct, through its codec, in 16 bytes.
template <typename T>
ContentHash whole(const T& x) {
  ByteWriter w;
  encode(w, x);
  return hash_bytes(w.bytes());
}
template <typename T>
void add_whole(InputHasher& h, const T& x) {
  h.hash(whole(x));
}

// A plan's page key, and where each of its progress entries stands in file order (its
// record's path and sheet, its place in the record): a unit's list of updates shows one day's
// entries in that order, across plans; and the plan each entry names, should it be another.
ContentHash plan_listed(const ViewContext& ctx, int index, const std::vector<std::string>& page_keys) {
  InputHasher h;
  h.text(page_keys[index]);
  const bool has_facts = index < static_cast<int>(ctx.facts.plans.size());
  h.flag(has_facts);
  if (!has_facts) return hash_bytes(h.hex());
  const int entries = static_cast<int>(ctx.facts.entries.size());
  const int records = static_cast<int>(ctx.portal.progress.size());
  int previous = -1;
  for (const TaskFacts& tf : ctx.facts.plans[index].tasks) {
    h.u64(tf.entries.size());
    for (int e : tf.entries) {
      const bool known = e >= 0 && e < entries;
      h.flag(known);
      if (!known) continue;
      const EntryRef& ref = ctx.facts.entries[e];
      // The plan an update names (in a sound portal, this one).
      h.flag(ref.plan == index);
      if (ref.plan != index) {
        const bool other = ref.plan >= 0 && ref.plan < static_cast<int>(page_keys.size());
        h.flag(other);
        if (other) h.text(page_keys[ref.plan]);
      }
      h.integer(ref.index);
      h.flag(ref.record == previous);
      if (ref.record == previous) continue;
      previous = ref.record;
      const bool record = ref.record >= 0 && ref.record < records;
      h.flag(record);
      if (!record) continue;
      const ProgressRecord& rec = ctx.portal.progress[ref.record];
      h.text(rec.path);
      h.flag(rec.sheet.has_value());
      if (rec.sheet) h.text(*rec.sheet);
    }
  }
  return hash_bytes(h.hex());
}

// The open-data files a unit's page (or the home page's, for -1) offers: data_alternates.
void add_data_files(InputHasher& h, const ViewContext& ctx, int unit) {
  const std::span<const DataFileInfo> files = unit_data_files(ctx.options.data_files, unit);
  h.u64(files.size());
  for (const DataFileInfo& f : files) {
    h.text(f.path);
    h.text(f.format);
    h.text(f.media_type);
  }
}

// A unit and every unit below it, in the portal's order (the order of their plans' and
// reports' indexes, which the lists of updates follow).
std::vector<int> units_below(const Portal& portal, int unit) {
  const int n = static_cast<int>(portal.units.size());
  std::vector<int> out, stack{unit};
  while (!stack.empty() && static_cast<int>(out.size()) <= n) {
    const int u = stack.back();
    stack.pop_back();
    if (u < 0 || u >= n) continue;
    out.push_back(u);
    for (int c : portal.units[u].children) stack.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What a unit's page or the home page reads of the units it covers, and of their plans and
// reports: every field of each unit (so its plans, reports and children, as indexes), for
// each plan its page's key and its entries' places, for each report its page's key.
void add_units(InputHasher& h, const Portal& portal, const SiteInputKeys& keys, const std::vector<int>& units) {
  const int plans = static_cast<int>(keys.plans_listed.size());
  const int reports = static_cast<int>(keys.report_pages.size());
  h.u64(units.size());
  for (int u : units) {
    h.hash(keys.units[u]);
    for (int p : portal.units[u].plans) {
      h.flag(p >= 0 && p < plans);
      if (p >= 0 && p < plans) h.hash(keys.plans_listed[p]);
    }
    for (int r : portal.units[u].reports) {
      h.flag(r >= 0 && r < reports);
      if (r >= 0 && r < reports) h.text(keys.report_pages[r]);
    }
  }
}

}  // namespace

std::string render_fingerprint(const Theme& theme, const RenderOptions& options) {
  ContentHasher h;
  h.add(options.generator_version);
  h.add(options.cache_identity);
  h.add(options.serve_mode ? "serve" : "build");
  h.add(options.extra_head);
  for (const auto* group : {&theme.templates, &theme.partials})
    for (const auto& [name, t] : *group) {
      h.add(name);
      h.add(t.text);
    }
  return h.finish().hex();
}

std::string view_page_key(std::string_view fingerprint, const PageView& page) {
  ContentHasher h;
  h.add(fingerprint);
  h.add(page.path);
  h.add(page.template_name);
  add_view(h, page.view);
  return h.finish().hex();
}

std::string input_keys_fingerprint(const ViewContext& ctx, std::string_view render_fingerprint) {
  InputHasher h;
  h.text(kInputPageKeyFormat);
  h.text(render_fingerprint);
  const Site& site = ctx.portal.site;
  for (const std::string* s : {&site.title, &site.description, &site.base_url, &site.sample_data_notice,
                               &site.licence.name, &site.licence.url})
    h.text(*s);
  h.date(ctx.facts.as_of);
  h.u64(ctx.options.asset_versions.size());
  for (const auto& [path, query] : ctx.options.asset_versions) {
    h.text(path);
    h.text(query);
  }
  return h.hex();
}

// The key covers, besides the fingerprints (render_fingerprint: the generator's version and
// identity, serve mode and its extra head, every template and partial of the theme;
// input_keys_fingerprint: kInputPageKeyFormat, the site's title, description, address, notice
// and licence, the reference date, every asset's version query), all that plan_page_view
// and frame_view read for plan `index`:
//  - the page's path (its unit's path and the plan's id);
//  - every field of the plan, through its codec (model_codec.h), which encodes each one; so
//    also what the page does not show (its source path and positions, the indexes of its
//    unit and of the plans naming it), which makes the page rendered again, never stale;
//  - its unit and each unit above: name and level (the display name), path (links,
//    breadcrumbs, the search area), feedback and contact e-mail ("report a problem");
//  - the implemented plan on this portal: its page's path (the link);
//  - the plan's facts (derive/): whether there are any; each task's parsed timeframe, due
//    date, status, reported, percent, overdue and its days, from_subtasks, and its progress
//    entries in order (each one's record's period, task, date, status, percent, note,
//    evidence title, url and file, reported_by); each target's result, latest value and
//    date, and its measurements in order (target, date, value and its text, source); the
//    counts by status; its reports (the summary the page lists: title, number, page, date,
//    period, unit's name); last_updated;
//  - each plan implementing it: the summary the page lists (plan_summary: its number,
//    title, year, date, missing header fields, page, unit's name, tasks counted, done and
//    overdue).
// Not covered, because the plan page reads none of them: other units' and plans' fields
// beyond those, entries' and measurements' sources and positions, evidence files' paths on
// disk, the progress records' paths, sheets and plans, the site's source path, the open-data
// files described (RenderOptions::data_files) and what was left out (PortalFacts::left_out).
std::string plan_page_key(const ViewContext& ctx, int index, std::string_view fingerprint) {
  const Portal& portal = ctx.portal;
  const Plan& plan = portal.plans[index];
  const std::string path = plan_page(portal, plan);
  InputHasher h;
  h.text(fingerprint);
  h.text(path);
  h.text("plan");
  add_whole(h, plan);
  add_unit_chain(h, portal, plan.unit);
  const bool implements_here = plan.implements && plan.implements_index >= 0 &&
                               plan.implements_index < static_cast<int>(portal.plans.size());
  h.flag(implements_here);
  if (implements_here) h.text(plan_page(portal, portal.plans[plan.implements_index]));

  const bool has_facts = index < static_cast<int>(ctx.facts.plans.size());
  h.flag(has_facts);
  if (has_facts) {
    const PlanFacts& pf = ctx.facts.plans[index];
    h.u64(pf.tasks.size());
    for (const TaskFacts& tf : pf.tasks) {
      add_inputs(h, tf.timeframe);
      h.date(tf.due);
      h.integer(static_cast<int>(tf.status));
      h.flag(tf.reported);
      h.integer(tf.percent);
      h.u64(tf.entries.size());
      for (int e : tf.entries) add_entry(h, ctx, e);
      h.flag(tf.overdue);
      h.integer(tf.overdue_days);
      h.flag(tf.from_subtasks);
    }
    h.u64(pf.targets.size());
    for (const TargetFacts& tf : pf.targets) {
      h.integer(static_cast<int>(tf.result));
      h.number(tf.latest);
      h.date(tf.latest_date);
      h.u64(tf.measurements.size());
      for (int m : tf.measurements) add_measurement(h, ctx, m);
    }
    for (int n : {pf.done, pf.in_progress, pf.not_started, pf.postponed, pf.cancelled, pf.overdue}) h.integer(n);
    h.u64(pf.reports.size());
    for (int r : pf.reports) add_view(h, report_summary(ctx, r, path));
    h.date(pf.last_updated);
  }
  h.u64(plan.implemented_by.size());
  for (int p : plan.implemented_by) add_view(h, plan_summary(ctx, p, path));
  return h.hex();
}

// The key covers, besides the fingerprints (as plan_page_key's), all that report_page_view
// and frame_view read for report `index`:
//  - the page's path (its unit's path and the report's id);
//  - every field of the report, through its codec (so also its source path, positions and
//    the index of its plan, which the page does not show);
//  - its unit and each unit above (as for a plan page);
//  - its plan, when it has one: its label, title and page; for each task the report names,
//    whether the plan has it, and then its label as the page gives it (numbered_task: its
//    number within its sections), its anchor and its status as of the reference date (the
//    task's facts: reported, status); for each target it names, whether the plan has it,
//    its measure and its anchor.
// Not covered, because the report page reads none of them: the plan's other fields and
// facts, its progress, and every other unit's, plan's and report's fields.
std::string report_page_key(const ViewContext& ctx, int index, std::string_view fingerprint) {
  const Portal& portal = ctx.portal;
  const Report& report = portal.reports[index];
  const std::string path = report_page(portal, report);
  InputHasher h;
  h.text(fingerprint);
  h.text(path);
  h.text("report");
  add_whole(h, report);
  add_unit_chain(h, portal, report.unit);
  const bool has_plan = report.plan >= 0 && report.plan < static_cast<int>(portal.plans.size());
  h.flag(has_plan);
  if (!has_plan) return h.hex();
  const Plan& plan = portal.plans[report.plan];
  const PlanFacts* pf =
      report.plan < static_cast<int>(ctx.facts.plans.size()) ? &ctx.facts.plans[report.plan] : nullptr;
  h.text(plan_label(plan));
  h.text(plan.title);
  h.text(plan_page(portal, plan));
  for (const std::string& id : report.tasks) {
    const Task* t = find_task(plan, id);
    h.flag(t != nullptr);
    if (!t) continue;
    const std::size_t ti = static_cast<std::size_t>(t - plan.tasks.data());
    h.text(numbered_task(plan, *t, short_text(t->text, 110)));
    h.text(task_anchor(*t));
    const bool known = pf && ti < pf->tasks.size();
    h.flag(known);
    if (known) {
      h.flag(pf->tasks[ti].reported);
      h.integer(static_cast<int>(pf->tasks[ti].status));
    }
  }
  for (const std::string& id : report.targets) {
    const Target* t = find_target(plan, id);
    h.flag(t != nullptr);
    if (!t) continue;
    h.text(t->measure);
    h.text(target_anchor(*t));
  }
  return h.hex();
}

SiteInputKeys site_input_keys(const ViewContext& ctx, std::string_view fingerprint, int threads) {
  const Portal& portal = ctx.portal;
  SiteInputKeys keys;
  keys.plan_pages.resize(portal.plans.size());
  keys.plans_listed.resize(portal.plans.size());
  keys.report_pages.resize(portal.reports.size());
  keys.units.resize(portal.units.size());
  const std::size_t plans = portal.plans.size(), reports = portal.reports.size();
  parallel_for(plans + reports + portal.units.size(), threads, [&](std::size_t i) {
    if (i < plans) {
      keys.plan_pages[i] = plan_page_key(ctx, static_cast<int>(i), fingerprint);
    } else if (i < plans + reports) {
      keys.report_pages[i - plans] = report_page_key(ctx, static_cast<int>(i - plans), fingerprint);
    } else {
      keys.units[i - plans - reports] = whole(portal.units[i - plans - reports]);
    }
  });
  parallel_for(plans, threads,
               [&](std::size_t p) { keys.plans_listed[p] = plan_listed(ctx, static_cast<int>(p), keys.plan_pages); });
  return keys;
}

// The key covers, besides the input fingerprint (as plan_page_key's), all that unit_page_view
// and frame_view read for unit `index`:
//  - the page's path;
//  - the unit and each unit above it (as for a plan page: breadcrumbs, "report a problem");
//  - the unit's parent as its link shows it: how many plans and reports it has with the
//    units below it;
//  - the open-data files the page offers (their path, format and media type);
//  - the unit and each unit below it, in the portal's order: every field, through the codec
//    (name, level, path, contact, feedback, and its children, plans and reports as indexes,
//    from which the page's lists, their order and counts follow); each of their plans'
//    page's key (every field of the plan, its unit chain, its facts and the progress entries
//    and measurements they name, its reports' and implementing plans' summaries: all that the
//    page's summaries, counts, overdue tasks, plans of the units below and updates read of
//    a plan) and the place of each of its entries in file order (the order of one day's
//    updates); each of their reports' page's key (every field of the report).
// Not covered, because the page reads none of them: units, plans and reports elsewhere
// (beyond the parent's counts and what the plans' keys cover), the open-data files' sizes and
// descriptions, what was left out.
std::string unit_page_key(const ViewContext& ctx, int index, const SiteInputKeys& keys, std::string_view fingerprint) {
  const Portal& portal = ctx.portal;
  const Unit& unit = portal.units[index];
  InputHasher h;
  h.text(fingerprint);
  h.text(unit_page(unit));
  h.text("unit");
  add_unit_chain(h, portal, index);
  // Its parent's link counts the plans and reports of the parent and every unit below it.
  const bool parent = unit.parent >= 0 && unit.parent < static_cast<int>(portal.units.size());
  h.flag(parent);
  if (parent) {
    std::size_t plans = 0, reports = 0;
    for (int u : units_below(portal, unit.parent)) {
      plans += portal.units[u].plans.size();
      reports += portal.units[u].reports.size();
    }
    h.u64(plans);
    h.u64(reports);
  }
  add_data_files(h, ctx, index);
  add_units(h, portal, keys, units_below(portal, index));
  return h.hex();
}

// The key covers, besides the input fingerprint, all that home_page_view and frame_view read:
// the top-level units, in order; the portal's own open-data files; every unit, plan and
// report of the portal in the portal's order, as a unit's page covers those below it (the
// tree of units and their counts, the portal's counts, the rows of the top-level units, the
// latest plans and reports, and how many there are).
std::string home_page_key(const ViewContext& ctx, const SiteInputKeys& keys, std::string_view fingerprint) {
  const Portal& portal = ctx.portal;
  InputHasher h;
  h.text(fingerprint);
  h.text(home_page());
  h.text("home");
  h.ints(portal.top_units);
  add_data_files(h, ctx, -1);
  h.u64(keys.units.size());
  for (const ContentHash& u : keys.units) h.hash(u);
  h.u64(keys.plans_listed.size());
  for (const ContentHash& p : keys.plans_listed) h.hash(p);
  h.u64(keys.report_pages.size());
  for (const std::string& r : keys.report_pages) h.text(r);
  return h.hex();
}

// The key covers, besides the input fingerprint, all that open_data_page_view and
// frame_view read: every open-data file the export stage describes, every field, in order
// (so each file's size, which the page shows, and the data packages the units name); every
// unit (its name, level, path and parent, which name and link each unit's files). The sizes
// of the portal's own files only: a unit's files are listed without theirs.
std::string open_data_page_key(const ViewContext& ctx, const SiteInputKeys& keys, std::string_view fingerprint) {
  InputHasher h;
  h.text(fingerprint);
  h.text(open_data_page());
  h.text("open_data");
  h.u64(keys.units.size());
  for (const ContentHash& u : keys.units) h.hash(u);
  h.u64(ctx.options.data_files.size());
  for (const DataFileInfo& f : ctx.options.data_files) {
    for (const std::string* t : {&f.path, &f.title, &f.title_en, &f.description, &f.description_en, &f.format,
                                 &f.media_type, &f.package})
      h.text(*t);
    // A unit's file is listed without its size (open_data_page_view), so that an edit of one
    // plan, which changes the size of its unit's files, leaves the page as it was.
    h.integer(f.unit < 0 ? f.bytes : 0);
    h.integer(f.unit);
  }
  return h.hex();
}

}  // namespace congkhai
