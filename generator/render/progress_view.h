// View data for counts over many plans (derive/aggregates.h): the figures as text, and the
// segments of a stacked bar that repeats them. Shown on the home page and on unit pages.
#pragma once

#include <nlohmann/json.hpp>

#include "derive/aggregates.h"
#include "render/views.h"

namespace congkhai {

// {has_tasks, tasks_total, task_segments: [{key, label, count, percent_text, x, width}], overdue,
//  overdue_percent_text, has_targets, targets_total, target_segments, plans}. Segments with no
// task are left out; x and width are lengths along a bar 100 units long.
nlohmann::json aggregate_view(const Aggregate& a);

// The statuses with at least one task, each task under exactly one:
// [{key, label, text (lower-case, for a sentence), count, sep (", " before all but the first)}].
nlohmann::json task_parts_view(const TaskCounts& t);

// Tasks neither done nor cancelled: in progress, not started, postponed or never reported.
int unfinished(const TaskCounts& t);

// One row of the table of units below a unit (or of the top-level units on the home page).
nlohmann::json unit_progress_row(const ViewContext& ctx, int unit, const std::string& from);

}  // namespace congkhai
