// Walking the content folder: units are folders holding unit.yaml; each may hold plans/,
// progress/ and reports/. Builds the Portal every later stage reads.
#pragma once

#include <string>

#include "load/parsed_cache.h"
#include "model/diagnostic.h"
#include "model/portal.h"

namespace congkhai {

// Loads everything under `content_dir`. Problems are reported in `diags`; the portal holds
// whatever could be read, so that every problem of a run is found at once. Files are parsed
// on `threads` threads (0: every core); the result does not depend on it. With `cache`, a file
// whose bytes are those the previous cache has is not parsed again (load/parsed_cache.h), and
// every file's result that may be kept goes to the next cache; the portal and the problems are
// the same as without.
Portal load_portal(const std::string& content_dir, Diagnostics* diags, int threads = 0, LoadCache* cache = nullptr);

}  // namespace congkhai
