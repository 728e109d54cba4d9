// Where the exported data files live, and how data files link to pages. Pages themselves are
// placed by model/urls.h; these paths follow the same scheme:
//
//   <unit>/du-lieu/<table>.csv                          the rows of the unit's own plans
//   <unit>/du-lieu/ke-hoach.json                        the unit's own plans' data (model/urls.h:
//                                                       plans_json)
//   <unit>/datapackage.json                             the tables of a unit and its descendants,
//                                                       for a unit with units below it
//   datapackage.json                                    the tables of the whole portal
//   du-lieu/schema/ke-hoach.schema.json                 JSON Schema of every ke-hoach.json
//   feed.xml, <unit>/feed.xml                           Atom feeds
//   sitemap.xml, robots.txt
#pragma once

#include <string>
#include <string_view>

#include "model/portal.h"

namespace congkhai {

// The data folder of a unit, holding the CSV tables of its own plans: "ha-tinh/du-lieu/".
std::string data_dir(const Unit& unit);
// The Data Package descriptor of a unit, in the unit's folder ("ha-tinh/datapackage.json"), or
// of the whole portal at the site root when `unit` is null ("datapackage.json"): above every
// CSV it lists, which it names by paths without "..".
std::string datapackage_path(const Unit* unit);
std::string feed_path(const Unit* unit);
std::string plan_schema_path();
std::string sitemap_path();
std::string robots_path();

// `base_url` and an output path joined with exactly one "/".
std::string absolute_url(std::string_view base_url, std::string_view path);

// A link written in the file at output path `from` to output path `to`, percent-encoded
// (model/urls.h): absolute when the site
// has a base_url, else relative to `from` (readers resolve it against the file's own address).
std::string link_from(const Site& site, std::string_view from, std::string_view to);

// A link in a CSV cell: absolute when the site has a base_url, else the path from the site root.
std::string link_from_root(const Site& site, std::string_view to);

// A source path as loaded ("content/ha-tinh/…/progress/2023-q1.yaml") made relative to the
// content folder ("ha-tinh/…/progress/2023-q1.yaml"), so that exports never leak where the
// content sat on the build machine.
std::string content_relative(const Portal& portal, std::string_view path);

}  // namespace congkhai
