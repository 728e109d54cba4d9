// The whole pipeline, load → validate → derive → search → render → export, as one call that
// `build`, `check` and `serve` share. Nothing is written here: the caller decides.
#pragma once

#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/diagnostic.h"
#include "model/output.h"
#include "model/portal.h"

namespace congkhai {

struct PipelineOptions {
  std::string content_dir = "content";
  std::string theme_dir;       // --theme, overrides everything else when set
  std::string default_theme_dir;
  std::string lunr_js;         // lunr.min.js to publish with the search index
  Date as_of;
  std::string version;
  bool serve_mode = false;     // adds the live-reload hook to pages
};

struct PipelineResult {
  Portal portal;
  PortalFacts facts;
  Diagnostics diags;  // sorted; empty when the content is sound
  OutputFiles files;  // empty when there were problems or only checking
};

// The theme folders in priority order: --theme, then themes/ beside the content folder
// (the site's own overrides), then the default theme.
std::vector<std::string> theme_dirs(const PipelineOptions& options);

// Loads and checks the content (and the theme's templates) without rendering.
PipelineResult check_site(const PipelineOptions& options);
// Everything `check_site` does, then renders every output file when there are no problems.
PipelineResult build_site(const PipelineOptions& options);

}  // namespace congkhai
