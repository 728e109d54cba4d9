#include "derive/portal_as_of.h"

#include "derive/reference_date.h"

namespace congkhai {

namespace {

// Keeps the items `keep` says, in order; `index[i]` becomes item i's new index, -1 if it went.
template <typename T, typename Keep>
std::vector<int> keep_only(std::vector<T>& items, Keep keep) {
  std::vector<int> index(items.size(), -1);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!keep(items[i])) continue;
    index[i] = static_cast<int>(kept);
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.resize(kept);
  return index;
}

int renumbered(const std::vector<int>& index, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < index.size() ? index[i] : i;
}

void renumber(std::vector<int>& list, const std::vector<int>& index) {
  std::size_t kept = 0;
  for (int i : list)
    if (int n = renumbered(index, i); n >= 0) list[kept++] = n;
  list.resize(kept);
}

}  // namespace

Portal portal_as_of(Portal portal, const Date& as_of, LeftOut* left_out, std::vector<char>* trimmed) {
  LeftOut out;
  std::vector<char> cut(portal.plans.size(), 0);
  if (as_of.year == 0) {
    if (left_out) *left_out = out;
    if (trimmed) *trimmed = std::move(cut);
    return portal;
  }
  const std::size_t plans_before = portal.plans.size();
  std::vector<char> plan_gone(plans_before, 0);
  for (std::size_t i = 0; i < plans_before; ++i)
    plan_gone[i] = portal.plans[i].date && !dated_by(*portal.plans[i].date, as_of);
  auto gone = [&](int plan) { return plan >= 0 && static_cast<std::size_t>(plan) < plans_before && plan_gone[plan]; };

  // Progress: a record of a plan left out goes whole; others lose what is dated later.
  for (ProgressRecord& rec : portal.progress) {
    const std::size_t entries = rec.entries.size(), measurements = rec.measurements.size();
    if (gone(rec.plan)) {
      rec.entries.clear();
      rec.measurements.clear();
    } else {
      keep_only(rec.entries, [&](const ProgressEntry& e) { return dated_by(e.date, as_of); });
      keep_only(rec.measurements, [&](const Measurement& m) { return dated_by(m.date, as_of); });
    }
    const int lost = static_cast<int>(entries - rec.entries.size() + measurements - rec.measurements.size());
    out.entries += static_cast<int>(entries - rec.entries.size());
    out.measurements += static_cast<int>(measurements - rec.measurements.size());
    if (lost && rec.plan >= 0 && !gone(rec.plan)) cut[rec.plan] = 1;
  }
  keep_only(portal.progress, [&](const ProgressRecord& rec) { return !gone(rec.plan); });

  const std::vector<int> report_index = keep_only(portal.reports, [&](const Report& r) {
    const bool keep = dated_by(r.date, as_of) && !gone(r.plan);
    if (!keep) {
      ++out.reports;
      if (r.plan >= 0 && !gone(r.plan)) cut[r.plan] = 1;
    }
    return keep;
  });

  std::size_t next = 0;
  const std::vector<int> plan_index = keep_only(portal.plans, [&](const Plan&) {
    const bool keep = !plan_gone[next++];
    if (!keep) ++out.plans;
    return keep;
  });
  std::vector<char> kept_cut(portal.plans.size(), 0);
  for (std::size_t i = 0; i < plans_before; ++i)
    if (plan_index[i] >= 0) kept_cut[plan_index[i]] = cut[i];

  for (Plan& plan : portal.plans) {
    plan.implements_index = renumbered(plan_index, plan.implements_index);
    renumber(plan.implemented_by, plan_index);
  }
  for (ProgressRecord& rec : portal.progress) rec.plan = renumbered(plan_index, rec.plan);
  for (Report& r : portal.reports) r.plan = renumbered(plan_index, r.plan);
  for (Unit& u : portal.units) {
    renumber(u.plans, plan_index);
    renumber(u.reports, report_index);
  }
  if (left_out) *left_out = out;
  if (trimmed) *trimmed = std::move(kept_cut);
  return portal;
}

}  // namespace congkhai
