// The text of the files `congkhai new` writes: a unit, a plan (blank, or from last year's),
// a progress record pre-filled with every task of a plan, a report. Each file carries short
// Vietnamese comments explaining its fields, and passes `congkhai check` as written.
#pragma once

#include <string>

#include "model/plan.h"
#include "model/report.h"
#include "model/unit.h"

namespace congkhai {

// A YAML scalar as an official would type it: plain when that reads back as the same text,
// else double-quoted with escapes.
std::string yaml_scalar(const std::string& text);

// unit.yaml for a unit named `name` (without its level) at `level` ("xa", "phuong", …). The
// contact fields given are written out; the others stay as commented examples to fill in.
std::string scaffold_unit(const std::string& name, const std::string& level, const Contact& contact = {});

// plans/<year>.md with one example section and task, every field explained.
std::string scaffold_plan(int year, const std::string& issuer);

// plans/<year>.md from `previous`: its task table (every task with its id written out, so
// progress keeps pointing at the same tasks), targets, recipients, legal basis, appendix
// heading and prose; number, date of issue, signer's name, the implemented higher plan and the
// appendix's "(Kèm theo …)" note are cleared for the official to fill in; the old year becomes
// the new one in the title, the appendix heading and the timeframes.
std::string scaffold_plan_from(const Plan& previous, int year);

// progress/<period>.yaml for `plan`: every task as an entry "not_started", dated at the end
// of the period; measurements for the targets are left commented.
std::string scaffold_progress(const Plan& plan, const Period& period);

// reports/<period>.md for `plan` and `period`, dated at the end of the period.
std::string scaffold_report(const Plan& plan, const Period& period, const std::string& issuer);

// content/site.yaml of a new portal named `title`, its fields explained in comments.
std::string scaffold_site(const std::string& title);

// "Quý I/2025", "6 tháng đầu năm 2025", "Tháng 3/2025", "Năm 2025".
std::string period_label(const Period& period);

}  // namespace congkhai
