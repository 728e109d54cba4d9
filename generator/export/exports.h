// Open data: every figure on the portal also published in machine-readable form.
//
//   <unit>/ke-hoach/<plan>/ke-hoach.json     a plan's full data (plan_json.h)
//   du-lieu/schema/ke-hoach.schema.json      its JSON Schema (plan_schema.h)
//   du-lieu/<table>.csv, datapackage.json    the five tables and their Data Package (tables.h)
//   <unit>/du-lieu/…                         the same for a unit and the units below it
//   feed.xml, <unit>/feed.xml                Atom feeds (feeds.h)
//   sitemap.xml, robots.txt                  (sitemap.h, robots.h)
//
// Pure functions of the portal and its facts: same input, same bytes; no build time anywhere.
#pragma once

#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/output.h"
#include "model/portal.h"

namespace congkhai {

// Every exported file, in a fixed order: the portal's data folder, schema, feed, sitemap and
// robots.txt, then each unit's data folder and feed (unit order), then each plan's JSON.
// Units and plans are written on `threads` threads (0: every core); the bytes do not
// depend on it.
OutputFiles build_exports(const Portal& portal, const PortalFacts& facts, int threads = 1);

// One published data file, for the open-data page (du-lieu/index.html).
struct DataFileInfo {
  std::string path;            // output path from the site root: "du-lieu/nhiem-vu.csv"
  std::string title;           // Vietnamese: "Nhiệm vụ"
  std::string title_en;        // "Tasks"
  std::string description;     // Vietnamese, one or two sentences
  std::string description_en;
  std::string format;          // "CSV", "JSON", "JSON Schema", "Data Package", "Atom"
  std::string media_type;      // "text/csv", "application/json", …
  long long bytes = 0;         // size of the file as built
  int unit = -1;               // index into Portal::units; -1 for portal-wide files
  int plan = -1;               // index into Portal::plans for a plan's JSON, else -1
};

// The data files among `exports` (as build_exports returned them) worth listing for readers:
// portal-wide files first (data package, the five CSVs, the JSON Schema, the feed), then per
// unit (its data package, CSVs and feed), then each plan's JSON. sitemap.xml and robots.txt
// are for crawlers and are left out. Files missing from `exports` are skipped.
std::vector<DataFileInfo> describe_exports(const Portal& portal, const OutputFiles& exports);

}  // namespace congkhai
