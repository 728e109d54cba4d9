// sitemap.xml (sitemaps.org protocol 0.9) listing every page with the date its content last
// changed. The protocol requires absolute URLs, so without a base_url there is no sitemap
// (robots.txt then says why).
#pragma once

#include <string>

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai {

// The sitemap, or "" when the site has no base_url. <lastmod> comes from content dates (a
// plan's last_updated, a report's date; a unit or the home page takes the latest of what it
// lists, the updates page of the reports and progress it shows as of the reference date),
// never from the build time.
std::string write_sitemap(const Portal& portal, const PortalFacts& facts);

}  // namespace congkhai
