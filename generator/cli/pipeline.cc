#include "cli/pipeline.h"

#include <algorithm>
#include <filesystem>

#include "export/exports.h"
#include "load/content_tree.h"
#include "render/site_renderer.h"
#include "search/search_files.h"
#include "validate/references.h"

namespace congkhai {

namespace fs = std::filesystem;

std::vector<std::string> theme_dirs(const PipelineOptions& options) {
  std::vector<std::string> dirs;
  if (!options.theme_dir.empty()) dirs.push_back(options.theme_dir);
  std::error_code ec;
  fs::path site_themes = fs::path(options.content_dir).parent_path() / "themes";
  if (options.content_dir.find('/') == std::string::npos) site_themes = "themes";
  if (fs::is_directory(site_themes, ec) &&
      fs::weakly_canonical(site_themes, ec) != fs::weakly_canonical(options.default_theme_dir, ec))
    dirs.push_back(site_themes.generic_string());
  dirs.push_back(options.default_theme_dir);
  return dirs;
}

namespace {

void tell(const PipelineOptions& options, const char* stage, std::size_t done, std::size_t total) {
  if (options.progress) options.progress(stage, done, total);
}

void load_and_check(const PipelineOptions& options, PipelineResult* r) {
  tell(options, "load", 0, 0);
  r->portal = load_portal(options.content_dir, &r->diags, options.threads);
  tell(options, "check", 0, r->portal.plans.size());
  Diagnostics more = validate_portal(r->portal);
  r->diags.insert(r->diags.end(), more.begin(), more.end());
  r->facts = derive_facts(r->portal, options.as_of);
}

}  // namespace

PipelineResult check_site(const PipelineOptions& options) {
  PipelineResult r;
  load_and_check(options, &r);
  Theme theme = load_theme(theme_dirs(options), &r.diags);
  sort_diagnostics(r.diags);
  return r;
}

PipelineResult build_site(const PipelineOptions& options) {
  PipelineResult r;
  load_and_check(options, &r);
  Theme theme = load_theme(theme_dirs(options), &r.diags);
  if (!r.diags.empty()) {
    sort_diagnostics(r.diags);
    return r;
  }
  RenderOptions ro;
  ro.generator_version = options.version;
  ro.serve_mode = options.serve_mode;
  ro.threads = options.threads;
  ro.previous_keys = options.previous_keys;
  if (options.progress)
    ro.progress = [&](std::size_t done, std::size_t total) { options.progress("render", done, total); };
  // The exports come first: the pages list and link the files they publish.
  tell(options, "export", 0, 0);
  OutputFiles data = build_exports(r.portal, r.facts, options.threads);
  ro.data_files = describe_exports(r.portal, data);
  tell(options, "render", 0, r.portal.units.size() + r.portal.plans.size() + r.portal.reports.size() + 5);
  OutputFiles files = render_site(r.portal, r.facts, theme, ro, &r.diags);
  tell(options, "search", 0, 0);
  OutputFiles search = build_search_files(r.portal, options.lunr_js, options.threads);
  for (auto* part : {&search, &data}) files.insert(files.end(), part->begin(), part->end());
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  // Two stages claiming one path is a bug, not a content problem: keep the first, loudly.
  for (std::size_t i = 1; i < files.size(); ++i)
    if (files[i].path == files[i - 1].path)
      r.diags.push_back({files[i].path, {}, "hai tệp đầu ra trùng đường dẫn", "two output files share a path", {}, {}});
  sort_diagnostics(r.diags);
  if (r.diags.empty()) r.files = std::move(files);
  return r;
}

}  // namespace congkhai
