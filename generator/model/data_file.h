// A published open-data file as readers see it listed: the export stage describes what it
// wrote (export/exports.h: describe_exports), and the open-data page and the pages' <link
// rel="alternate"> tags show those descriptions.
#pragma once

#include <string>
#include <vector>

namespace congkhai {

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
  // A unit's CSV: the data package nearest to it that lists it, as an output path: the unit's
  // own ("ha-tinh/datapackage.json") when it has units below it, else its nearest parent's
  // or the portal's ("datapackage.json"). Empty for other files.
  std::string package;
};

using DataFileInfos = std::vector<DataFileInfo>;

}  // namespace congkhai
