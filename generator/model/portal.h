// Everything loaded from the content folder: the single model every later stage reads.
#pragma once

#include <string>
#include <vector>

#include "model/plan.h"
#include "model/progress.h"
#include "model/report.h"
#include "model/site.h"
#include "model/unit.h"

namespace congkhai {

struct Portal {
  std::string content_dir;
  Site site;
  std::vector<Unit> units;      // parents before children, siblings sorted by slug
  std::vector<Plan> plans;      // in unit order, then by year, then id
  std::vector<ProgressRecord> progress;  // in path order
  std::vector<Report> reports;           // in unit order, then newest first
  std::vector<int> top_units;   // indexes of units without a parent

  bool operator==(const Portal&) const = default;
};

}  // namespace congkhai
