// Facts derived from the content as of a reference date: parsed deadlines, task statuses,
// overdue flags and target results. Rendering and exports read these, never the clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "derive/portal_as_of.h"
#include "derive/timeframe.h"
#include "model/date.h"
#include "model/portal.h"

namespace congkhai {

struct TaskFacts {
  Timeframe timeframe;              // parsed from Task::timeframe
  std::optional<Date> due;          // the date the task must be done by, if any
  TaskStatus status = TaskStatus::kNotStarted;
  bool reported = false;            // at least one progress entry on or before as_of
  int percent = -1;                 // latest percent given (100 when the latest entry is "done"
                                    // without one), -1 when unknown
  std::vector<int> entries;         // indexes into PortalFacts::entries, oldest first
  bool overdue = false;             // due < as_of and not done/cancelled
  int overdue_days = 0;
  bool operator==(const TaskFacts&) const = default;
};

enum class TargetResult { kMet, kNotMet, kNoData };

struct TargetFacts {
  TargetResult result = TargetResult::kNoData;
  std::optional<double> latest;     // latest measured value on or before as_of
  std::optional<Date> latest_date;
  std::vector<int> measurements;    // indexes into PortalFacts::measurements, oldest first
  bool operator==(const TargetFacts&) const = default;
};

struct PlanFacts {
  std::vector<TaskFacts> tasks;     // parallel to Plan::tasks
  std::vector<TargetFacts> targets; // parallel to Plan::targets
  int done = 0, in_progress = 0, not_started = 0, postponed = 0, cancelled = 0, overdue = 0;
  std::vector<int> reports;         // indexes into Portal::reports about this plan, newest first
  Date last_updated;                // latest content date touching the plan (issue, entry, report)
  bool operator==(const PlanFacts&) const = default;
};

// A progress entry or measurement with the record and plan it belongs to.
struct EntryRef {
  int record = -1;  // index into Portal::progress
  int index = -1;   // into ProgressRecord::entries or ::measurements
  int plan = -1;
  bool operator==(const EntryRef&) const = default;
};

struct PortalFacts {
  Date as_of;
  // What the portal these facts are about (portal_as_of) left out as dated after as_of; set
  // by whoever cut it, kept by refresh_facts.
  LeftOut left_out;
  std::vector<PlanFacts> plans;     // parallel to Portal::plans
  // Every entry and measurement of a known plan dated on or before as_of, in file order; also
  // those naming an unknown task or target (validation reports them).
  std::vector<EntryRef> entries;
  std::vector<EntryRef> measurements;
  bool operator==(const PortalFacts&) const = default;
};

// Derives every fact; pure function of the portal and the reference date. Entries and
// measurements dated after as_of are ignored (a partial date counts from its last day); among
// entries of one day the later in file order wins.
PortalFacts derive_facts(const Portal& portal, const Date& as_of);

// Brings `facts` (derived from this portal before some files changed) up to date, without
// deriving everything again: `records` are the progress records whose content changed (each
// still belonging to the same plan), `plans` every plan whose file, records or reports
// changed. The result equals derive_facts of the portal as it is now.
void refresh_facts(const Portal& portal, const std::vector<int>& records, const std::vector<int>& plans,
                   PortalFacts& facts);
// Before refresh_facts for a record inserted into Portal::progress at `index` (then one of
// its `records`, with its plan among the `plans`): what pointed at the records from `index`
// on points one further.
void shift_records(PortalFacts& facts, int index);

// "tối thiểu 60%" met by 61.2? Applies the target's comparison, with 1e-9 of float tolerance.
bool target_met(const Target& target, double value);

}  // namespace congkhai
