// plans/*.md: front matter with the task table and targets, and the Markdown body.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/plan.h"

namespace congkhai {

// Deepest section nesting the task table allows (I → 2.1 → 2.1.2).
inline constexpr int kMaxSectionDepth = 3;

// Deepest nesting of sub-tasks under a task (3 → 3.1 → 3.1.1).
inline constexpr int kMaxSubtaskDepth = 2;

// Most tasks one plan may hold; real plans have tens. Beyond it the plan is refused, so that
// a pasted or generated table cannot make every later stage slow (see docs/limits.md).
inline constexpr std::size_t kMaxTasksPerPlan = 5000;

// Loads a plan; the id is the file stem. Problems are added to `diags` and loading goes on
// as far as it can, so that one run reports them all.
std::optional<Plan> load_plan(const std::string& path, Diagnostics* diags);

// Parses already-read text (used by tests and by `load_plan`).
std::optional<Plan> parse_plan(const std::string& path, const std::string& text, Diagnostics* diags);

// The id a task gets when none is written: the slug of its first eight words.
std::string derived_task_id(const std::string& text);

}  // namespace congkhai
