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
  // A task with sub-tasks and no report of its own: its status, percent and overdue flag
  // follow from its sub-tasks (see derive_from_subtasks).
  bool from_subtasks = false;
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
  // Counts of the plan's counted tasks (its rows that are not sub-tasks; a task with
  // sub-tasks counts once), by status whether reported or not (see counts_as_task).
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
// entries of one day the later in file order wins. The plans are derived on `threads` threads
// (0: every core); the result does not depend on them.
PortalFacts derive_facts(const Portal& portal, const Date& as_of, int threads = 1);

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

// Whether a task counts in the plan's, units' and portal's counts: every task that is not a
// sub-task. A task with sub-tasks counts once, with the status it derives from them.
inline bool counts_as_task(const Task& task) { return task.parent < 0; }

// A task with sub-tasks and no report of its own on or before the reference date takes
// its status from theirs (already derived): none reported, neither is it; all reported
// and done or cancelled: done (cancelled when all were cancelled); some done or in
// progress: in progress; all reported, none started: not started (postponed when every
// one not cancelled was postponed); else (some unreported, none started) not reported.
// Its percent is the mean of its sub-tasks' that are not cancelled, when each has one;
// it is overdue when not finished and its own deadline or a sub-task's has passed.
void derive_from_subtasks(const std::vector<const TaskFacts*>& subtasks, TaskFacts& tf);

// "tối thiểu 60%" met by 61.2? Applies the target's comparison, with 1e-9 of float tolerance.
bool target_met(const Target& target, double value);

}  // namespace congkhai
