// The updates page (cap-nhat/index.html): the latest progress entries and reports of the
// whole portal, newest first, each linking to its task's row or to the report's page.
#pragma once

#include <cstddef>
#include <vector>

#include "derive/facts.h"
#include "model/portal.h"
#include "render/views.h"

namespace congkhai {

// How many updates the page lists; the Atom feed carries the same news for readers.
inline constexpr std::size_t kUpdatesShown = 60;

struct Update {
  enum class Kind { kReport, kProgress } kind = Kind::kReport;
  int index = -1;  // into Portal::reports, or into PortalFacts::entries
  Date date;
};

// Reports and progress entries dated on or before the reference date, newest first (a
// partial date counts from its last day). Ties keep a fixed order: reports before progress
// entries, then the order of the content (units, files, entries). At most `limit`.
std::vector<Update> latest_updates(const Portal& portal, const PortalFacts& facts, std::size_t limit);

PageView updates_page_view(const ViewContext& ctx);

// The latest updates of the plans and reports of `units` (a unit and those below it), in the
// order of latest_updates, at most `limit`, as the items of the updates page with links
// relative to `from`. Time in proportion to those units' plans and reports.
nlohmann::json units_updates_view(const ViewContext& ctx, const std::vector<int>& units, std::size_t limit,
                                  const std::string& from);

}  // namespace congkhai
