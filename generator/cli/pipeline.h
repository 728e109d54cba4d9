// The whole pipeline, load → validate → derive → search → render → export, as one call that
// `build`, `check` and `serve` share. Nothing is written here: the files go to the caller's
// sink (the writer, for `build`), each as soon as it is made.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "derive/facts.h"
#include "load/parsed_cache.h"
#include "model/diagnostic.h"
#include "model/output.h"
#include "model/portal.h"
#include "search/search_files.h"

namespace congkhai {

struct Theme;

struct PipelineOptions {
  std::string content_dir = "content";
  std::string theme_dir;       // --theme, overrides everything else when set
  std::string default_theme_dir;
  SearchLibraries libraries;   // lunr.js and pako's inflate, published with the search index
  Date as_of;
  std::string version;
  // What the keys of an incremental build's reused files start from: the generator's version
  // and the hash of its executable (generator_identity in cli/commands.cc), so that a build
  // whose code changed at the same version (a development build, a patched package) never
  // takes an older build's pages, open data or search shards for its own. Empty: the version.
  std::string cache_identity;
  bool serve_mode = false;     // adds the live-reload hook to pages
  int threads = 0;             // --jobs: threads loading and rendering (0: every core)
  // Incremental builds: the previous build's keys (BuildCache::page_keys); pages, search
  // shards and open-data files whose key is unchanged come back `reused`, without bytes.
  // Null makes every file.
  const std::map<std::string, std::string>* previous_keys = nullptr;
  // Incremental builds: the cache of parsed content files (load/parsed_cache.h), handed to
  // load_portal. Null parses every file.
  LoadCache* load_cache = nullptr;
  // Told when a stage starts (done 0) and, while rendering, after each page. Called from
  // several threads at once.
  std::function<void(const char* stage, std::size_t done, std::size_t total)> progress;
};

struct PipelineResult {
  Portal portal;      // as of the reference date (portal_as_of): what the site shows
  PortalFacts facts;  // facts.left_out: what the portal left out as dated after it
  std::size_t total_plans = 0;  // plans loaded and checked, those left out included
  std::vector<char> trimmed;    // parallel to portal.plans: some of its reports or progress left out
  Diagnostics diags;  // sorted; empty when the content is sound
  Diagnostics warnings;  // sorted; what is probably a slip but builds (Diagnostic::warning)
  OutputFiles files;  // build_site without a sink: every file, sorted by path; else empty
  std::size_t file_count = 0;      // files handed out
  std::size_t pages_rendered = 0;  // pages among them made anew
  std::size_t pages_reused = 0;    // pages among them reused (OutputFile::reused)
};

// The theme folders in priority order: --theme, then themes/ beside the content folder
// (the site's own overrides), then the default theme.
std::vector<std::string> theme_dirs(const PipelineOptions& options);

// The first stages: loads the content into `r`, checks all of it (problems to r->diags,
// unsorted; warnings to r->warnings), leaves out what is dated after the reference date and
// derives the facts. The theme is not loaded.
void load_and_check(const PipelineOptions& options, PipelineResult* r);
// What making the site with `theme` would find that is not in the content: a page template
// missing, a theme asset named like a file another stage publishes (assets/lunr.min.js,
// assets/pako_inflate.min.js). check,
// build (before the first file is made) and serve report them alike, at the theme's files.
Diagnostics theme_problems(const Portal& portal, const Theme& theme);
// Loads and checks the content (and the theme: load_theme, theme_problems) without rendering.
PipelineResult check_site(const PipelineOptions& options);
// Everything `check_site` does, then, when there are no problems, makes every output file and
// hands it to `sink` at once. Content problems are all found before the first file is made,
// so a build with content problems hands out nothing; but a problem found while making the
// files (a template that fails, two files with one path) comes after some were: whenever
// `diags` is not empty, the caller must discard what the sink took. A second file for a path
// already taken is not handed out.
PipelineResult build_site(const PipelineOptions& options, OutputSink& sink);
// The same, keeping every file in PipelineResult::files, sorted by path (tests compare it
// with the live preview's files); empty when there were problems.
PipelineResult build_site(const PipelineOptions& options);

}  // namespace congkhai
