// Open data: every figure on the portal also published in machine-readable form.
//
//   <unit>/du-lieu/ke-hoach.json             the full data of the unit's own plans, for a unit
//                                            that has plans (plan_json.h)
//   du-lieu/schema/ke-hoach.schema.json      its JSON Schema (plan_schema.h)
//   <unit>/du-lieu/<table>.csv               the five tables' rows of the unit's own plans, for
//                                            a unit that has plans (tables.h, data_pieces.h)
//   <unit>/datapackage.json                  the Data Package of the unit and the units below
//                                            it, each table joined from their CSVs, for a unit
//                                            with units below it and plans in or below it
//                                            (datapackage.h); a unit with no units below it
//                                            has none: its parents' and the portal's list
//                                            its CSVs
//   datapackage.json                         the same for the whole portal, always
//   feed.xml, <unit>/feed.xml                Atom feeds (feeds.h)
//   sitemap.xml, robots.txt                  (sitemap.h, robots.h)
//
// Each row is in one CSV file only, and each plan in one JSON file, so an edit of one plan
// changes its unit's files and no other unit's; no file holds the whole country's rows.
// Pure functions of the portal and its facts: same input, same bytes; no build time anywhere.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/data_file.h"
#include "model/output.h"
#include "export/reused_files.h"
#include "model/portal.h"

namespace congkhai {

// Incremental builds (ExportReuse, reused_files.h): each unit's JSON and CSV pieces, each data
// package and each feed carries a key made from its inputs (plan_data_key.h) and, after "-",
// its size. A unit's JSON or CSV piece whose plans all have the keys they had, in the same
// order, a data package whose unit, pieces and listed sizes are the same, and a feed whose
// entries and their inputs are the same, are not made again: they are handed out `reused`,
// with the size the previous build wrote (OutputFile::reused_size), and the writer keeps the
// previous file.
// Every exported file, handed to `out` as soon as it is made: table by table, each unit's CSV
// (unit order, units with plans); then the portal's data package, schema, feed, sitemap and
// robots.txt; then each unit's data package and feed; then each unit's JSON. Each plan's CSV
// lines and the units' files are made on `threads` threads (0: every core): the bytes do not
// depend on it, the order files arrive in does. The CSVs come as borrowed
// pieces (OutputFile::pieces). The schema, sitemap and robots.txt, small, are made on every
// build (the writer keeps them when their bytes are unchanged).
void build_exports(const Portal& portal, const PortalFacts& facts, int threads, OutputSink& out,
                   const ExportReuse& reuse = {});
// The same on one thread, kept in memory, in that fixed order.
OutputFiles build_exports(const Portal& portal, const PortalFacts& facts);

// The data files among `exports` (as build_exports returned them) worth listing for readers:
// portal-wide files first (data package, the JSON Schema, the feed), then per unit (its CSVs,
// its JSON, its data package, its feed). sitemap.xml and robots.txt are for
// crawlers and are left out. Files missing from `exports` are skipped.
std::vector<DataFileInfo> describe_exports(const Portal& portal, const OutputFiles& exports);
// The same from the exported files' byte sizes by path (what a build keeps of them).
std::vector<DataFileInfo> describe_exports(const Portal& portal,
                                           const std::map<std::string, std::size_t, std::less<>>& sizes);
// The same without sizes (each `bytes` is 0): every data file build_exports writes for this
// portal. Which files it writes depends only on the units and which of them have plans, not
// on what the plans hold.
std::vector<DataFileInfo> published_data_files(const Portal& portal);

}  // namespace congkhai
