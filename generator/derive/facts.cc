#include "derive/facts.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "text/parallel_for.h"

namespace congkhai {
namespace {

constexpr double kEpsilon = 1e-9;

// A partial date ("2023-05", "2023") counts from the end of what it names, so that a figure
// "as of May" is not shown before May is over.
Date last_day(const Date& d) {
  if (d.month == 0) return Date{d.year, 12, 31};
  if (d.day == 0) return end_of_month(d.year, d.month);
  return d;
}

bool on_or_before(const Date& d, const Date& as_of) { return last_day(d) <= last_day(as_of); }

bool valid_plan(const Portal& portal, int plan) {
  return plan >= 0 && static_cast<std::size_t>(plan) < portal.plans.size();
}

// Index of the task or target with `id`, or -1.
template <typename T>
int index_of(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}

const ProgressEntry& entry_at(const Portal& portal, const EntryRef& r) {
  return portal.progress[r.record].entries[r.index];
}

const Measurement& measurement_at(const Portal& portal, const EntryRef& r) {
  return portal.progress[r.record].measurements[r.index];
}

// Oldest first; a stable sort keeps file order among equal dates, so the last one wins.
template <typename Get>
void sort_by_date(std::vector<int>& idx, Get date_of) {
  std::stable_sort(idx.begin(), idx.end(),
                   [&](int a, int b) { return last_day(date_of(a)) < last_day(date_of(b)); });
}

void derive_task(const Portal& portal, const PortalFacts& facts, TaskFacts& tf) {
  sort_by_date(tf.entries, [&](int i) { return entry_at(portal, facts.entries[i]).date; });
  tf.reported = !tf.entries.empty();
  if (tf.reported) {
    const ProgressEntry& latest = entry_at(portal, facts.entries[tf.entries.back()]);
    tf.status = latest.status;
    // The latest percent given; "done" without a figure means all of it.
    for (auto it = tf.entries.rbegin(); it != tf.entries.rend() && tf.percent < 0; ++it)
      tf.percent = entry_at(portal, facts.entries[*it]).percent;
    if (latest.status == TaskStatus::kDone && latest.percent < 0) tf.percent = 100;
  }
  bool finished = tf.status == TaskStatus::kDone || tf.status == TaskStatus::kCancelled;
  if (tf.due && !finished && *tf.due < last_day(facts.as_of)) {
    tf.overdue = true;
    tf.overdue_days = static_cast<int>(days_from_civil(last_day(facts.as_of)) - days_from_civil(*tf.due));
  }
}

void count(PlanFacts& pf, const TaskFacts& tf) {
  switch (tf.status) {
    case TaskStatus::kNotStarted: ++pf.not_started; break;
    case TaskStatus::kInProgress: ++pf.in_progress; break;
    case TaskStatus::kDone: ++pf.done; break;
    case TaskStatus::kPostponed: ++pf.postponed; break;
    case TaskStatus::kCancelled: ++pf.cancelled; break;
  }
  if (tf.overdue) ++pf.overdue;
}

void derive_target(const Portal& portal, const PortalFacts& facts, const Target& target, TargetFacts& gf) {
  sort_by_date(gf.measurements, [&](int i) { return measurement_at(portal, facts.measurements[i]).date; });
  if (gf.measurements.empty()) return;
  const Measurement& latest = measurement_at(portal, facts.measurements[gf.measurements.back()]);
  gf.latest = latest.value;
  gf.latest_date = latest.date;
  gf.result = target_met(target, latest.value) ? TargetResult::kMet : TargetResult::kNotMet;
}

// `reports` are the plan's reports in file order (reports_by_plan); newest first here.
void derive_reports(const Portal& portal, std::vector<int> reports, PlanFacts& pf) {
  pf.reports = std::move(reports);
  std::stable_sort(pf.reports.begin(), pf.reports.end(), [&](int a, int b) {
    return last_day(portal.reports[b].date) < last_day(portal.reports[a].date);
  });
}

// Each plan's reports in file order, found in one pass rather than one pass per plan.
std::vector<std::vector<int>> reports_by_plan(const Portal& portal) {
  std::vector<std::vector<int>> by_plan(portal.plans.size());
  for (std::size_t i = 0; i < portal.reports.size(); ++i)
    if (valid_plan(portal, portal.reports[i].plan)) by_plan[portal.reports[i].plan].push_back(static_cast<int>(i));
  return by_plan;
}

void bump(Date& latest, const Date& d) {
  if (latest < d) latest = d;
}

// The latest content date touching the plan: its issue date, its progress, its reports.
Date last_updated(const Portal& portal, const Plan& p, Date progress, const PlanFacts& pf) {
  Date latest = progress;
  if (p.date && p.date->is_complete()) bump(latest, *p.date);
  for (int r : pf.reports) bump(latest, portal.reports[r].date);
  return latest;
}

}  // namespace

void derive_from_subtasks(const std::vector<const TaskFacts*>& subtasks, TaskFacts& tf) {
  if (subtasks.empty()) return;
  int reported = 0, done = 0, cancelled = 0, started = 0, not_started = 0, postponed = 0;
  int overdue_days = 0;
  bool overdue = false;
  for (const TaskFacts* s : subtasks) {
    if (s->overdue) overdue = true, overdue_days = std::max(overdue_days, s->overdue_days);
    if (!s->reported) continue;
    ++reported;
    switch (s->status) {
      case TaskStatus::kDone: ++done, ++started; break;
      case TaskStatus::kInProgress: ++started; break;
      case TaskStatus::kCancelled: ++cancelled; break;
      case TaskStatus::kNotStarted: ++not_started; break;
      case TaskStatus::kPostponed: ++postponed; break;
    }
  }
  const int all = static_cast<int>(subtasks.size());
  if (reported == 0) {  // nobody reported: neither is the task; a passed deadline still shows
    if (overdue) tf.overdue = true, tf.overdue_days = std::max(tf.overdue_days, overdue_days);
    return;
  }
  tf.from_subtasks = true;
  tf.reported = true;
  if (reported == all && done + cancelled == all)
    tf.status = done > 0 ? TaskStatus::kDone : TaskStatus::kCancelled;
  else if (started > 0)
    tf.status = TaskStatus::kInProgress;
  else if (reported == all)
    tf.status = not_started > 0 ? TaskStatus::kNotStarted : TaskStatus::kPostponed;
  else {
    tf.from_subtasks = false;  // some unreported, none started: nothing can be said
    tf.reported = false;
    tf.status = TaskStatus::kNotStarted;
  }
  // The mean of the sub-tasks' percents (cancelled ones aside), when each has one.
  long sum = 0;
  int counted = 0;
  bool all_known = true;
  for (const TaskFacts* s : subtasks) {
    if (s->reported && s->status == TaskStatus::kCancelled) continue;
    if (s->percent < 0) all_known = false;
    else sum += s->percent, ++counted;
  }
  tf.percent = tf.from_subtasks && all_known && counted > 0 ? static_cast<int>(sum / counted) : -1;
  if (tf.from_subtasks && tf.status == TaskStatus::kDone) tf.percent = 100;
  const bool finished = tf.reported && (tf.status == TaskStatus::kDone || tf.status == TaskStatus::kCancelled);
  if (finished) {
    tf.overdue = false;
    tf.overdue_days = 0;
  } else if (overdue) {
    tf.overdue = true;
    tf.overdue_days = std::max(tf.overdue_days, overdue_days);
  }
}

bool target_met(const Target& target, double value) {
  switch (target.comparison) {
    case Comparison::kAtLeast: return value >= target.value - kEpsilon;
    case Comparison::kAtMost: return value <= target.value + kEpsilon;
    case Comparison::kExactly: return std::fabs(value - target.value) <= kEpsilon;
  }
  return false;
}

namespace {

// Hands one record's run of the portal-wide lists (entries [e_lo, e_hi), measurements
// [m_lo, m_hi)) to the plan's tasks and targets they name, in file order, and moves
// `progress` to the latest of their dates.
void hand_out_run(const Portal& portal, const PortalFacts& facts, const Plan& plan, std::size_t e_lo,
                  std::size_t e_hi, std::size_t m_lo, std::size_t m_hi, PlanFacts& pf, Date& progress) {
  for (std::size_t e = e_lo; e < e_hi; ++e) {
    const ProgressEntry& entry = entry_at(portal, facts.entries[e]);
    bump(progress, entry.date);
    int task = index_of(plan.tasks, entry.task);
    if (task >= 0) pf.tasks[task].entries.push_back(static_cast<int>(e));
  }
  for (std::size_t m = m_lo; m < m_hi; ++m) {
    const Measurement& measurement = measurement_at(portal, facts.measurements[m]);
    bump(progress, measurement.date);
    int target = index_of(plan.targets, measurement.target);
    if (target >= 0) pf.targets[target].measurements.push_back(static_cast<int>(m));
  }
}

// A plan's facts before its entries are known: the tasks' timeframes and deadlines.
PlanFacts unlinked_plan(const Plan& plan) {
  PlanFacts pf;
  pf.tasks.resize(plan.tasks.size());
  pf.targets.resize(plan.targets.size());
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    pf.tasks[t].timeframe = parse_timeframe(plan.tasks[t].timeframe, plan.year);
    pf.tasks[t].due = deadline_of(pf.tasks[t].timeframe);
  }
  return pf;
}

// The timeframes of every task of the portal, each distinct (text, plan year) parsed once:
// parse_timeframe is a function of those two alone, and plans repeat their timeframes
// ("Thường xuyên", "Quý IV/2024", "Năm 2024"). `of_plan[p][t]` is task t of plan p's index
// into `parsed`.
struct PortalTimeframes {
  std::vector<Timeframe> parsed;
  std::vector<std::optional<Date>> due;  // parallel to `parsed`: deadline_of each
  std::vector<std::vector<int>> of_plan;
};

struct TextAndYear {
  std::string_view text;
  int year;
  bool operator==(const TextAndYear&) const = default;
};

struct TextAndYearHash {
  std::size_t operator()(const TextAndYear& k) const {
    return std::hash<std::string_view>{}(k.text) ^ (static_cast<std::size_t>(k.year) * 0x9E3779B97F4A7C15ull);
  }
};

PortalTimeframes portal_timeframes(const Portal& portal, int threads) {
  PortalTimeframes out;
  out.of_plan.resize(portal.plans.size());
  std::unordered_map<TextAndYear, int, TextAndYearHash> seen;
  std::vector<TextAndYear> distinct;
  for (std::size_t p = 0; p < portal.plans.size(); ++p) {
    const Plan& plan = portal.plans[p];
    std::vector<int>& ids = out.of_plan[p];
    ids.reserve(plan.tasks.size());
    for (const Task& task : plan.tasks) {
      auto [it, added] = seen.emplace(TextAndYear{task.timeframe, plan.year}, static_cast<int>(distinct.size()));
      if (added) distinct.push_back(it->first);
      ids.push_back(it->second);
    }
  }
  out.parsed.resize(distinct.size());
  out.due.resize(distinct.size());
  // In blocks: most timeframes are quick to parse.
  constexpr std::size_t kBlock = 256;
  parallel_for((distinct.size() + kBlock - 1) / kBlock, threads, [&](std::size_t b) {
    for (std::size_t i = b * kBlock; i < distinct.size() && i < (b + 1) * kBlock; ++i) {
      out.parsed[i] = parse_timeframe(distinct[i].text, distinct[i].year);
      out.due[i] = deadline_of(out.parsed[i]);
    }
  });
  return out;
}

// Once the plan's entries, measurements and reports (file order) are handed to it.
void finish_plan(const Portal& portal, const PortalFacts& facts, int p, std::vector<int> reports,
                 const Date& progress, PlanFacts& pf) {
  const Plan& plan = portal.plans[p];
  for (TaskFacts& tf : pf.tasks) derive_task(portal, facts, tf);
  // Sub-tasks come after their task in Plan::tasks: from the last, each task's sub-tasks
  // are derived before it.
  for (std::size_t i = plan.tasks.size(); i-- > 0;) {
    const Task& task = plan.tasks[i];
    if (task.subtasks.empty() || i >= pf.tasks.size() || pf.tasks[i].reported) continue;
    std::vector<const TaskFacts*> subs;
    for (int s : task.subtasks)
      if (s >= 0 && static_cast<std::size_t>(s) < pf.tasks.size()) subs.push_back(&pf.tasks[s]);
    derive_from_subtasks(subs, pf.tasks[i]);
  }
  for (std::size_t i = 0; i < plan.tasks.size() && i < pf.tasks.size(); ++i)
    if (counts_as_task(plan.tasks[i])) count(pf, pf.tasks[i]);
  for (std::size_t t = 0; t < plan.targets.size(); ++t) derive_target(portal, facts, plan.targets[t], pf.targets[t]);
  derive_reports(portal, std::move(reports), pf);
  pf.last_updated = last_updated(portal, plan, progress, pf);
}

// The run of `list` (in record order) that came from record `r`.
std::pair<std::size_t, std::size_t> run_of(const std::vector<EntryRef>& list, int r) {
  auto lo = std::lower_bound(list.begin(), list.end(), r, [](const EntryRef& e, int x) { return e.record < x; });
  auto hi = std::upper_bound(lo, list.end(), r, [](int x, const EntryRef& e) { return x < e.record; });
  return {static_cast<std::size_t>(lo - list.begin()), static_cast<std::size_t>(hi - list.begin())};
}

// Record r's run of `list` made again from what it holds now (`fresh`); every index past
// the run, in every plan, moves with it.
void splice(std::vector<EntryRef>& list, int r, const std::vector<EntryRef>& fresh, std::vector<PlanFacts>& plans,
            bool entries) {
  auto [lo, hi] = run_of(list, r);
  const long delta = static_cast<long>(fresh.size()) - static_cast<long>(hi - lo);
  list.erase(list.begin() + lo, list.begin() + hi);
  list.insert(list.begin() + lo, fresh.begin(), fresh.end());
  if (delta == 0) return;
  const std::size_t past = hi;  // a lambda cannot take a structured binding before C++20's clang 16
  auto shift = [&](std::vector<int>& indexes) {
    for (int& i : indexes)
      if (static_cast<std::size_t>(i) >= past) i += static_cast<int>(delta);
  };
  for (PlanFacts& pf : plans) {
    if (entries)
      for (TaskFacts& tf : pf.tasks) shift(tf.entries);
    else
      for (TargetFacts& gf : pf.targets) shift(gf.measurements);
  }
}

}  // namespace

PortalFacts derive_facts(const Portal& portal, const Date& as_of, int threads) {
  PortalFacts facts;
  facts.as_of = as_of;
  facts.plans.resize(portal.plans.size());
  const PortalTimeframes timeframes = portal_timeframes(portal, threads);
  // The portal-wide lists of entries and measurements on or before as_of, in file order, in
  // one pass; record r's run of each starts at entries_from[r], measurements_from[r].
  std::vector<std::vector<int>> records(portal.plans.size());  // each plan's, in file order
  std::vector<std::size_t> entries_from(portal.progress.size() + 1), measurements_from(portal.progress.size() + 1);
  for (std::size_t r = 0; r < portal.progress.size(); ++r) {
    const ProgressRecord& rec = portal.progress[r];
    entries_from[r] = facts.entries.size();
    measurements_from[r] = facts.measurements.size();
    if (!valid_plan(portal, rec.plan)) continue;
    records[rec.plan].push_back(static_cast<int>(r));
    for (std::size_t i = 0; i < rec.entries.size(); ++i)
      if (on_or_before(rec.entries[i].date, facts.as_of))
        facts.entries.push_back(EntryRef{static_cast<int>(r), static_cast<int>(i), rec.plan});
    for (std::size_t i = 0; i < rec.measurements.size(); ++i)
      if (on_or_before(rec.measurements[i].date, facts.as_of))
        facts.measurements.push_back(EntryRef{static_cast<int>(r), static_cast<int>(i), rec.plan});
  }
  entries_from.back() = facts.entries.size();
  measurements_from.back() = facts.measurements.size();
  std::vector<std::vector<int>> reports = reports_by_plan(portal);
  // Then each plan on its own slot, on every thread: its timeframes, its records' entries and
  // measurements handed to the tasks and targets they name (in file order, as the lists hold
  // them), and the rest of its facts.
  parallel_for(portal.plans.size(), threads, [&](std::size_t p) {
    const Plan& plan = portal.plans[p];
    PlanFacts& pf = facts.plans[p];
    pf.tasks.resize(plan.tasks.size());
    pf.targets.resize(plan.targets.size());
    for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
      const int i = timeframes.of_plan[p][t];
      pf.tasks[t].timeframe = timeframes.parsed[i];
      pf.tasks[t].due = timeframes.due[i];
    }
    Date progress;  // the latest date of the plan's entries and measurements
    for (int r : records[p])
      hand_out_run(portal, facts, plan, entries_from[r], entries_from[r + 1], measurements_from[r],
                   measurements_from[r + 1], pf, progress);
    finish_plan(portal, facts, static_cast<int>(p), std::move(reports[p]), progress, pf);
  });
  return facts;
}

void shift_records(PortalFacts& facts, int index) {
  for (auto* list : {&facts.entries, &facts.measurements})
    for (EntryRef& e : *list)
      if (e.record >= index) ++e.record;
}

void refresh_facts(const Portal& portal, const std::vector<int>& records, const std::vector<int>& plans,
                   PortalFacts& facts) {
  // The records' entries and measurements in the portal-wide lists first, in file order.
  for (int r : records) {
    const ProgressRecord& rec = portal.progress[r];
    std::vector<EntryRef> entries, measurements;
    if (valid_plan(portal, rec.plan)) {
      for (std::size_t i = 0; i < rec.entries.size(); ++i)
        if (on_or_before(rec.entries[i].date, facts.as_of))
          entries.push_back(EntryRef{r, static_cast<int>(i), rec.plan});
      for (std::size_t i = 0; i < rec.measurements.size(); ++i)
        if (on_or_before(rec.measurements[i].date, facts.as_of))
          measurements.push_back(EntryRef{r, static_cast<int>(i), rec.plan});
    }
    splice(facts.entries, r, entries, facts.plans, true);
    splice(facts.measurements, r, measurements, facts.plans, false);
  }
  // Then each plan anew, from its records' runs, as derive_facts hands them out.
  for (int p : plans) {
    const Plan& plan = portal.plans[p];
    PlanFacts pf = unlinked_plan(plan);
    Date progress;
    for (std::size_t r = 0; r < portal.progress.size(); ++r) {
      if (portal.progress[r].plan != p) continue;
      auto [lo, hi] = run_of(facts.entries, static_cast<int>(r));
      auto [mlo, mhi] = run_of(facts.measurements, static_cast<int>(r));
      hand_out_run(portal, facts, plan, lo, hi, mlo, mhi, pf, progress);
    }
    std::vector<int> reports;
    for (std::size_t i = 0; i < portal.reports.size(); ++i)
      if (portal.reports[i].plan == p) reports.push_back(static_cast<int>(i));
    finish_plan(portal, facts, p, std::move(reports), progress, pf);
    facts.plans[p] = std::move(pf);
  }
}

}  // namespace congkhai
