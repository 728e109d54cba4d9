// robots.txt: everything may be crawled; points to the sitemap when there is one.
#pragma once

#include <string>

#include "model/site.h"

namespace congkhai {

// With a base_url: a "Sitemap:" line with the sitemap's absolute URL. Without one: a comment
// saying why there is no sitemap. Crawlers only read robots.txt at a host's root, so it has
// effect only when the site is published there.
std::string write_robots(const Site& site);

}  // namespace congkhai
