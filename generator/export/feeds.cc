#include "export/feeds.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <cstdio>
#include <cstring>
#include <tuple>

#include "export/export_paths.h"
#include "export/numbers.h"
#include "export/unit_scope.h"
#include "export/uuid.h"
#include "derive/reference_date.h"
#include "text/content_hash.h"
#include "text/parallel_for.h"
#include "text/short_text.h"
#include "text/xml.h"
#include "model/urls.h"

namespace congkhai {
namespace {

struct FeedEntry {
  std::string id;
  std::string title;
  Date updated;
  std::string link;      // output path of the page it points to (may carry an #anchor)
  std::string author;
  std::string category;  // "bao-cao", "tien-do"
  std::string category_label;
  std::string summary;   // plain text
  int record = -1;       // a progress entry's record: its summary is made only when shown
  // The entry's XML before and after its link (which depends on the feed's own path),
  // escaped once for every feed that shows it.
  std::string head_xml, tail_xml;
  std::string key;  // incremental builds: the hash of what the entry's XML is made from
};

// Bump whenever what a feed says, or how, changes: feeds' keys are made from their inputs.
constexpr std::string_view kFeedFormat = "feed 4";

// A task's label in a summary: its text's first line without Markdown markers, cut at about
// 80 characters, without the colon or semicolon that led to its items in the plan.
std::string task_label(const std::string& markdown) {
  std::string label = short_text(markdown, 80);
  while (!label.empty() && (label.back() == ':' || label.back() == ';' || label.back() == ' ')) label.pop_back();
  return label;
}

std::string plan_label(const Plan& plan) {
  return is_blank_number(plan.number) ? plan.title : "Kế hoạch số " + plan.number;
}

FeedEntry report_entry(const Portal& portal, const Report& r) {
  FeedEntry e;
  std::string page = report_page(portal, r);
  e.id = feed_id(page);
  e.title = r.title;
  e.updated = r.date;
  e.link = page;
  e.author = "UBND " + unit_display_name(portal.units[r.unit]);
  e.category = "bao-cao";
  e.category_label = "Báo cáo";
  e.summary = "Báo cáo " + period_vi(r.period);
  if (!r.number.empty()) e.summary += ", số " + r.number;
  e.summary += ", ngày " + format_vi(r.date);
  if (r.plan >= 0 && r.plan < static_cast<int>(portal.plans.size()))
    e.summary += ", về " + plan_label(portal.plans[r.plan]);
  e.summary += ".";
  return e;
}

// Feeds, like statuses, show the portal as of the reference date (dated_by).

bool progress_entry(const Portal& portal, const ProgressRecord& rec, const Date& as_of,
                    FeedEntry* out) {
  if (rec.plan < 0 || rec.plan >= static_cast<int>(portal.plans.size())) return false;
  const Plan& plan = portal.plans[rec.plan];
  Date latest;
  for (const auto& e : rec.entries)
    if (dated_by(e.date, as_of)) latest = std::max(latest, e.date);
  for (const auto& m : rec.measurements)
    if (dated_by(m.date, as_of)) latest = std::max(latest, m.date);
  if (latest.year == 0) return false;

  FeedEntry e;
  e.id = feed_id("tien-do/" + content_relative(portal, rec.path));
  e.title = "Cập nhật tiến độ " + (rec.period.empty() ? format_vi(latest) : rec.period) + ": " +
            plan_label(plan);
  e.updated = latest;
  e.link = plan_page(portal, plan);
  e.author = "UBND " + unit_display_name(portal.units[plan.unit]);
  e.category = "tien-do";
  e.category_label = "Tiến độ";
  *out = std::move(e);
  return true;
}

// How many items each list of a progress summary names; the page has the rest.
constexpr std::size_t kNamedItems = 3;

// "a; b; c và 2 nhiệm vụ khác"
std::string named_list(const std::vector<std::string>& items, const std::string& what) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kNamedItems; ++i) out += (i ? "; " : "") + items[i];
  if (items.size() > kNamedItems) out += " và " + std::to_string(items.size() - kNamedItems) + " " + what + " khác";
  return out;
}

// The first day a possibly partial date can be.
Date first_day(Date d) {
  if (d.month == 0) d.month = 1;
  if (d.day == 0) d.day = 1;
  return d;
}

// Whether an entry (record `record`, entry `index`) of a task was preceded, in the order the
// facts give the task's entries, by one saying it was done.
bool done_before(const Portal& portal, const PortalFacts& facts, const TaskFacts& tf, int record, int index) {
  for (int at : tf.entries) {
    if (at < 0 || at >= static_cast<int>(facts.entries.size())) continue;
    const EntryRef& ref = facts.entries[at];
    if (ref.record == record && ref.index == index) return false;
    if (ref.record < 0 || ref.record >= static_cast<int>(portal.progress.size())) continue;
    const auto& entries = portal.progress[ref.record].entries;
    if (ref.index >= 0 && ref.index < static_cast<int>(entries.size()) && entries[ref.index].status == TaskStatus::kDone)
      return true;
  }
  return false;
}

// A progress record's summary, as of the reference date: how many tasks it updates and in
// which state, then the few that matter most, named (those it says are done for the first
// time, and those still not done when it was written although their deadline had passed),
// and its measurements. Every entry is on the plan's page, which the entry links to.
std::string progress_summary(const Portal& portal, const PortalFacts& facts, int record) {
  const ProgressRecord& rec = portal.progress[record];
  const Plan& plan = portal.plans[rec.plan];
  const PlanFacts* pf = rec.plan < static_cast<int>(facts.plans.size()) ? &facts.plans[rec.plan] : nullptr;
  constexpr TaskStatus kOrder[] = {TaskStatus::kDone, TaskStatus::kInProgress, TaskStatus::kNotStarted,
                                   TaskStatus::kPostponed, TaskStatus::kCancelled};
  int count[5] = {}, tasks = 0;
  std::vector<std::string> done, late, measured;
  // A file may give a task more than one entry: the task's state in it is its latest entry
  // (by date, then by file order), as the plan's page takes it (derive/facts.cc).
  std::vector<std::size_t> latest;
  for (std::size_t i = 0; i < rec.entries.size(); ++i) {
    const ProgressEntry& entry = rec.entries[i];
    if (!dated_by(entry.date, facts.as_of)) continue;
    auto same = std::find_if(latest.begin(), latest.end(), [&](std::size_t at) { return rec.entries[at].task == entry.task; });
    if (same == latest.end()) latest.push_back(i);
    else if (!(entry.date < rec.entries[*same].date)) *same = i;
  }
  for (std::size_t i : latest) {
    const ProgressEntry& entry = rec.entries[i];
    ++tasks;
    ++count[static_cast<int>(entry.status)];
    const Task* task = find_task(plan, entry.task);
    std::string what = task ? numbered_task(plan, *task, task_label(task->text)) : entry.task;
    const std::size_t t = task ? static_cast<std::size_t>(task - plan.tasks.data()) : 0;
    const TaskFacts* tf = task && pf && t < pf->tasks.size() ? &pf->tasks[t] : nullptr;
    if (entry.status == TaskStatus::kDone) {
      if (!tf || !done_before(portal, facts, *tf, record, static_cast<int>(i))) done.push_back(what);
    } else if (entry.status != TaskStatus::kCancelled && tf && tf->due && *tf->due < first_day(entry.date)) {
      late.push_back(what + " (hạn " + format_vi(*tf->due) + ")");
    }
  }
  for (const auto& m : rec.measurements) {
    if (!dated_by(m.date, facts.as_of)) continue;
    const Target* target = find_target(plan, m.target);
    std::string value = m.value_text.empty() ? format_number(m.value) : m.value_text;
    // The unit as the page puts it: "%" right after the number, any other after a space.
    std::string unit = target ? target->unit : "";
    if (!unit.empty() && unit != "%") unit = " " + unit;
    measured.push_back((target ? target->measure : m.target) + ": " + value + unit);
  }
  std::string summary;
  if (tasks > 0) {
    summary = "Cập nhật " + std::to_string(tasks) + " nhiệm vụ:";
    const char* sep = " ";
    for (TaskStatus s : kOrder) {
      if (!count[static_cast<int>(s)]) continue;
      summary += sep + std::to_string(count[static_cast<int>(s)]) + " " + task_status_vi(s);
      sep = ", ";
    }
    summary += ".";
  }
  // A line ends with a full stop, unless with the ellipsis of a shortened text.
  auto line = [&](const std::string& text) {
    summary += "\n" + text + (text.ends_with("…") ? "" : ".");
  };
  if (!done.empty()) line("Mới hoàn thành (" + std::to_string(done.size()) + "): " + named_list(done, "nhiệm vụ"));
  if (!late.empty())
    line("Đã quá hạn mà chưa hoàn thành (" + std::to_string(late.size()) + "): " + named_list(late, "nhiệm vụ"));
  if (!measured.empty())
    line(std::to_string(measured.size()) + " số liệu chỉ tiêu: " + named_list(measured, "số liệu"));
  if (!summary.empty() && summary.front() == '\n') summary.erase(0, 1);
  return summary;
}

// Fills the entry's summary and escaped XML parts, once.
void prepare(const Portal& portal, const PortalFacts& facts, FeedEntry* e) {
  if (!e->head_xml.empty()) return;
  if (e->record >= 0) e->summary = progress_summary(portal, facts, e->record);
  e->head_xml = "  <entry>\n";
  e->head_xml += "    <id>" + xml_escape(e->id) + "</id>\n";
  e->head_xml += "    <title type=\"text\">" + xml_escape(e->title) + "</title>\n";
  e->head_xml += "    <updated>" + atom_date(e->updated) + "</updated>\n";
  e->tail_xml = "    <author><name>" + xml_escape(e->author) + "</name></author>\n";
  e->tail_xml += "    <category term=\"" + e->category + "\" label=\"" + xml_escape(e->category_label) +
                 "\"/>\n";
  e->tail_xml += "    <summary type=\"text\">" + xml_escape(e->summary) + "</summary>\n";
  e->tail_xml += "  </entry>\n";
  std::string().swap(e->summary);  // escaped now; the XML is what feeds share
}

// Gives back what prepare() made, once no feed still to be made shows the entry.
void unprepare(FeedEntry* e) {
  std::string().swap(e->head_xml);
  std::string().swap(e->tail_xml);
}

void write_entry(std::string* out, const Site& site, const std::string& self,
                 const FeedEntry& e) {
  *out += e.head_xml;
  std::string path = e.link, anchor;
  if (auto hash = path.find('#'); hash != std::string::npos) {
    anchor = path.substr(hash);
    path.resize(hash);
  }
  *out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
          xml_escape(link_from(site, self, path) + anchor) + "\"/>\n";
  *out += e.tail_xml;
}

}  // namespace

std::string feed_id(const std::string& name) {
  return "urn:uuid:" + uuid_v5(kFeedIdNamespace, "congkhai:" + name);
}

std::string atom_date(const Date& date) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00+07:00", date.year,
                date.month ? date.month : 1, date.day ? date.day : 1);
  return buf;
}

namespace {

struct Collected {
  std::vector<FeedEntry> entries;
  std::vector<int> units;  // parallel to entries: the unit each belongs to
};

Collected collect(const Portal& portal, const Date& as_of) {
  Collected c;
  for (const auto& r : portal.reports) {
    if (r.unit < 0 || r.unit >= static_cast<int>(portal.units.size())) continue;
    if (!dated_by(r.date, as_of)) continue;
    c.entries.push_back(report_entry(portal, r));
    c.units.push_back(r.unit);
  }
  for (size_t r = 0; r < portal.progress.size(); ++r) {
    const ProgressRecord& rec = portal.progress[r];
    FeedEntry e;
    if (!progress_entry(portal, rec, as_of, &e)) continue;
    e.record = static_cast<int>(r);
    c.entries.push_back(std::move(e));
    c.units.push_back(portal.plans[rec.plan].unit);
  }
  return c;
}

// Newest first, ties by id, at most kFeedEntries: the entries a feed shows.
void rank(std::vector<FeedEntry*>* entries) {
  auto newer = [](const FeedEntry* a, const FeedEntry* b) {
    return std::tie(b->updated, a->id) < std::tie(a->updated, b->id);
  };
  if (entries->size() > static_cast<size_t>(kFeedEntries)) {
    std::partial_sort(entries->begin(), entries->begin() + kFeedEntries, entries->end(), newer);
    entries->resize(kFeedEntries);
  } else {
    std::sort(entries->begin(), entries->end(), newer);
  }
}

// The feed of `scope`, from its ranked entries, each prepared.
std::string render(const Portal& portal, const PortalFacts& facts, const Unit* scope,
                   const std::vector<FeedEntry*>& entries, Date fallback) {
  const Site& site = portal.site;
  const std::string self = feed_path(scope);

  // The feed changed when its newest entry did; an empty feed takes its plans' latest date,
  // and failing that the reference date.
  Date updated = entries.empty() ? fallback : entries.front()->updated;
  if (updated.year == 0) updated = facts.as_of;

  std::string title = site.title;
  std::string home = home_page();
  if (scope) {
    title = unit_display_name(*scope) + " – " + site.title;
    home = unit_page(*scope);
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += "  <id>" + feed_id(self) + "</id>\n";
  out += "  <title type=\"text\">" + xml_escape(title) + "</title>\n";
  out += "  <subtitle type=\"text\">" +
         xml_escape("Báo cáo và cập nhật tiến độ thực hiện kế hoạch kiểm soát thủ tục hành chính") +
         "</subtitle>\n";
  out += "  <updated>" + atom_date(updated) + "</updated>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         xml_escape(link_from(site, self, self)) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_escape(link_from(site, self, home)) + "\"/>\n";
  out += "  <author><name>" + xml_escape(site.title.empty() ? "Công khai" : site.title) +
         "</name></author>\n";
  out += "  <generator>Công khai</generator>\n";
  if (!site.licence.name.empty())
    out += "  <rights>" + xml_escape(site.licence.name) + "</rights>\n";
  for (const auto* e : entries) write_entry(&out, site, self, *e);
  out += "</feed>\n";
  return out;
}

Date plans_latest(const PortalFacts& facts, int plan, Date latest) {
  if (plan >= 0 && plan < static_cast<int>(facts.plans.size()))
    latest = std::max(latest, facts.plans[plan].last_updated);
  return latest;
}

}  // namespace

std::string write_feed(const Portal& portal, const PortalFacts& facts, const Unit* scope) {
  Collected c = collect(portal, facts.as_of);
  std::vector<FeedEntry*> entries;
  for (size_t i = 0; i < c.entries.size(); ++i)
    if (unit_in_scope(portal, c.units[i], scope)) entries.push_back(&c.entries[i]);
  Date fallback;
  for (size_t p = 0; p < portal.plans.size(); ++p)
    if (unit_in_scope(portal, portal.plans[p].unit, scope))
      fallback = plans_latest(facts, static_cast<int>(p), fallback);
  rank(&entries);
  for (FeedEntry* e : entries) prepare(portal, facts, e);
  return render(portal, facts, scope, entries, fallback);
}

namespace {

// Incremental builds: an entry's key, from everything its XML is made from but the feed's own
// path (in the feed's key): the fields collect() set, and for a progress file its plan's key,
// which covers the task numbers and texts and the targets' measures and units its summary
// names, and its entries and measurements. The plan's key covers every entry and measurement
// of the plan's files that the facts hold (those dated by the reference date), with its file's
// path and sheet and its place in it: when the reference date is a whole day, they are the very
// ones the summary reads (dated_by), and the key is the plan's key and the file's path and
// sheet. Otherwise (a reference date unset or partial, which a build never has) the entries and
// measurements are hashed here too.
std::string entry_key(const Portal& portal, const FeedKeys& keys, const FeedEntry& e, bool plan_key_covers_entries) {
  ContentHasher h;
  for (const std::string* s : {&e.id, &e.title, &e.link, &e.author, &e.category, &e.category_label, &e.summary})
    h.add(*s);
  h.add(format_iso(e.updated));
  h.add(e.record >= 0 ? "progress" : "report");
  if (e.record >= 0) {
    const ProgressRecord& rec = portal.progress[e.record];
    const bool known = keys.plan_keys && rec.plan >= 0 && rec.plan < static_cast<int>(keys.plan_keys->size());
    h.add(known ? (*keys.plan_keys)[rec.plan] : std::string("?"));
    h.add(rec.path);
    h.add(rec.sheet ? "sheet " + *rec.sheet : std::string("no sheet"));
    if (known && plan_key_covers_entries) return h.finish().hex();
    // Numbers as their bits, not formatted: a record holds hundreds of entries.
    auto numbers = [&](std::initializer_list<std::int64_t> values) {
      char bytes[4 * sizeof(std::int64_t)];
      std::size_t n = 0;
      for (std::int64_t v : values) {
        std::memcpy(bytes + n, &v, sizeof v);
        n += sizeof v;
      }
      h.add(std::string_view(bytes, n));
    };
    numbers({static_cast<std::int64_t>(rec.entries.size())});
    for (const ProgressEntry& x : rec.entries) {
      h.add(x.task);
      numbers({x.date.year, x.date.month, x.date.day, static_cast<int>(x.status) * 1000LL + x.percent});
    }
    numbers({static_cast<std::int64_t>(rec.measurements.size())});
    for (const Measurement& m : rec.measurements) {
      h.add(m.target);
      numbers({m.date.year, m.date.month, m.date.day, std::bit_cast<std::int64_t>(m.value)});
      h.add(m.value_text);
    }
  }
  return h.finish().hex();
}

// A feed's key: the fingerprint (site, reference date, version), its path, unit and the date
// it falls back on, and its entries' keys in order.
std::string feed_key(const FeedKeys& keys, const Unit* scope, const std::vector<FeedEntry*>& entries, Date fallback) {
  ContentHasher h;
  h.add(kFeedFormat);
  h.add(keys.fingerprint);
  h.add(feed_path(scope));
  if (scope) {
    h.add(scope->url_path);
    h.add(scope->name);
    h.add(std::to_string(static_cast<int>(scope->level)));
  }
  h.add(format_iso(fallback));
  h.add(std::to_string(entries.size()));
  for (const FeedEntry* e : entries) h.add(e->key);
  return h.finish().hex();
}

}  // namespace

void write_feeds(const Portal& portal, const PortalFacts& facts, int threads, OutputSink& out,
                 const FeedKeys* keys) {
  Collected c = collect(portal, facts.as_of);
  const size_t n = portal.units.size();
  // Each entry and plan counts for its unit and every unit above it.
  std::vector<std::vector<FeedEntry*>> by_unit(n);
  std::vector<Date> fallback(n);
  auto for_ancestors = [&](int u, auto&& f) {
    for (size_t steps = 0; u >= 0 && u < static_cast<int>(n) && steps <= n; ++steps) {
      f(u);
      u = portal.units[u].parent;
    }
  };
  std::vector<FeedEntry*> all;
  for (size_t i = 0; i < c.entries.size(); ++i) {
    all.push_back(&c.entries[i]);
    for_ancestors(c.units[i], [&](int u) { by_unit[u].push_back(&c.entries[i]); });
  }
  Date portal_fallback;
  for (size_t p = 0; p < portal.plans.size(); ++p) {
    portal_fallback = plans_latest(facts, static_cast<int>(p), portal_fallback);
    for_ancestors(portal.plans[p].unit, [&](int u) {
      fallback[u] = plans_latest(facts, static_cast<int>(p), fallback[u]);
    });
  }
  rank(&all);
  for (auto& entries : by_unit) rank(&entries);
  auto shown = [&](std::size_t f) -> const std::vector<FeedEntry*>& { return f == 0 ? all : by_unit[f - 1]; };
  auto scope_of = [&](std::size_t f) -> const Unit* { return f == 0 ? nullptr : &portal.units[f - 1]; };
  auto fallback_of = [&](std::size_t f) { return f == 0 ? portal_fallback : fallback[f - 1]; };
  // Incremental: each shown entry's key, once; then each feed's, and whether the previous
  // build made that feed from the same inputs (its size, then).
  std::vector<std::string> hash(n + 1);
  std::vector<std::optional<std::size_t>> reused(n + 1);
  if (keys) {
    std::vector<char> seen(c.entries.size(), 0);
    std::vector<FeedEntry*> keyed;
    for (std::size_t f = 0; f <= n; ++f)
      for (FeedEntry* e : shown(f)) {
        char& done = seen[static_cast<std::size_t>(e - c.entries.data())];
        if (!done) keyed.push_back(e);
        done = 1;
      }
    const bool covered = facts.as_of.is_complete();
    parallel_for(keyed.size(), threads, [&](std::size_t i) { keyed[i]->key = entry_key(portal, *keys, *keyed[i], covered); });
    parallel_for(n + 1, threads, [&](std::size_t f) {
      hash[f] = feed_key(*keys, scope_of(f), shown(f), fallback_of(f));
      reused[f] = reusable_size(keys->reuse, feed_path(scope_of(f)), hash[f]);
    });
  }
  // Only the entries some feed made again shows are summed up and escaped, each once, however
  // many feeds (its unit's and every one above) show it. The feeds are made a batch at a time,
  // in unit order (a unit's subtree is a run of it); an entry is prepared for the first batch
  // that shows it and given back after the last feed showing it is made: every entry is
  // shown (by its commune's feed at least), and on a national portal all their summaries at
  // once came to 1.2 GB.
  auto index = [&](const FeedEntry* e) { return static_cast<std::size_t>(e - c.entries.data()); };
  std::vector<int> uses(c.entries.size(), 0);  // feeds still to be made that show the entry
  for (std::size_t f = 0; f <= n; ++f)
    if (!reused[f])
      for (const FeedEntry* e : shown(f)) ++uses[index(e)];
  constexpr std::size_t kFeedsPerBatch = 256;
  for (std::size_t first = 0; first <= n; first += kFeedsPerBatch) {
    const std::size_t end = std::min(n + 1, first + kFeedsPerBatch);
    std::vector<FeedEntry*> todo;
    for (std::size_t f = first; f < end; ++f)
      if (!reused[f])
        for (FeedEntry* e : shown(f))
          if (e->head_xml.empty()) todo.push_back(e);
    std::sort(todo.begin(), todo.end());  // each once
    todo.erase(std::unique(todo.begin(), todo.end()), todo.end());
    parallel_for(todo.size(), threads, [&](std::size_t i) { prepare(portal, facts, todo[i]); });
    parallel_for(end - first, threads, [&](std::size_t i) {
      const std::size_t f = first + i;
      const Unit* scope = scope_of(f);
      if (reused[f]) return out.add(reused_file(feed_path(scope), hash[f], *reused[f]));
      OutputFile file(feed_path(scope), render(portal, facts, scope, shown(f), fallback_of(f)), {});
      if (keys) file.key = sized_key(hash[f], file.bytes.size());
      out.add(std::move(file));
    });
    for (std::size_t f = first; f < end; ++f)
      if (!reused[f])
        for (FeedEntry* e : shown(f))
          if (--uses[index(e)] == 0) unprepare(e);
  }
}

OutputFiles write_feeds(const Portal& portal, const PortalFacts& facts) {
  OutputCollector files;
  write_feeds(portal, facts, 1, files);  // one thread: in the documented order
  return files.take();
}

}  // namespace congkhai
