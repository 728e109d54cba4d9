// Settings of one rendering of the site that do not come from the content, and what the other
// stages publish beside the pages.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "model/data_file.h"

namespace congkhai {

struct RenderOptions {
  std::string generator_version;  // shown in <meta name="generator">
  // What every page key starts from besides the version: the generator's own identity (its
  // version and the hash of its executable), so that changed code never reuses a page an
  // older build of the same version rendered. Empty: the version alone.
  std::string cache_identity;
  // `congkhai serve`: pages get `extra_head` (the live-reload script) at the end of <head>.
  bool serve_mode = false;
  std::string extra_head;
  // Threads rendering pages (0: every core); the output does not depend on it.
  int threads = 1;
  // Incremental builds: the previous build's page keys (output path → OutputFile::key). A
  // page whose key is unchanged is not rendered again (OutputFile::reused). Null: render all.
  const std::map<std::string, std::string>* previous_keys = nullptr;
  // Called after each page, from the rendering threads, with pages done and the total.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // The open-data files the export stage writes (describe_exports), in its order (the portal's,
  // then unit by unit, then the plans' JSON): listed on du-lieu/index.html and offered as
  // <link rel="alternate"> on the pages they belong to.
  DataFileInfos data_files;
  // The query that versions the URL of each file the pages and search.js load, by its path in
  // the site (asset_versions in render/asset_versions.h): "assets/style.css" → "v=0a1b2c3d4e",
  // "tim-kiem/chi-muc" → "f=5". A file without one is linked by its plain path.
  std::map<std::string, std::string> asset_versions;
};

}  // namespace congkhai
