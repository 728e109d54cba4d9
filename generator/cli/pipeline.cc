#include "cli/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

#include "derive/portal_as_of.h"
#include "export/exports.h"
#include "load/content_tree.h"
#include "render/asset_versions.h"
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

// Between the stages and the caller's sink: refuses a second file for a path (two stages
// claiming one path is a bug, not a content problem: keep the first, loudly), counts the
// pages, and notes the byte sizes of the exported files, which the pages list.
class CheckedSink : public OutputSink {
 public:
  explicit CheckedSink(OutputSink& next) : next_(next) {}

  void add(OutputFile f) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!paths_.insert(f.path).second) {
        duplicates_.push_back(f.path);
        return;
      }
      if (noting_sizes_) sizes_.emplace(f.path, f.size());
      // Pages are counted; search shards carry keys too.
      if (!f.key.empty() && f.path.ends_with(".html")) (f.reused ? reused_ : rendered_)++;
    }
    next_.add(std::move(f));
  }

  void note_sizes(bool on) { noting_sizes_ = on; }
  std::map<std::string, std::size_t, std::less<>> take_sizes() { return std::move(sizes_); }

  void finish(PipelineResult* r) {
    std::sort(duplicates_.begin(), duplicates_.end());
    for (const std::string& path : duplicates_)
      r->diags.push_back({path, {}, "hai tệp đầu ra trùng đường dẫn", "two output files share a path", {}, {}});
    r->file_count = paths_.size();
    r->pages_rendered = rendered_;
    r->pages_reused = reused_;
  }

 private:
  OutputSink& next_;
  std::mutex mu_;
  std::set<std::string> paths_;
  std::vector<std::string> duplicates_;
  bool noting_sizes_ = false;  // set between stages, never while files arrive
  std::map<std::string, std::size_t, std::less<>> sizes_;
  std::size_t rendered_ = 0, reused_ = 0;
};

}  // namespace

void load_and_check(const PipelineOptions& options, PipelineResult* r) {
  tell(options, "load", 0, 0);
  r->portal = load_portal(options.content_dir, &r->diags, options.threads, options.load_cache);
  tell(options, "check", 0, r->portal.plans.size());
  Diagnostics more = validate_portal(r->portal, options.threads);
  r->diags.insert(r->diags.end(), more.begin(), more.end());
  Diagnostics warnings = take_warnings(&r->diags);
  r->warnings.insert(r->warnings.end(), warnings.begin(), warnings.end());
  sort_diagnostics(r->warnings);
  // Everything is checked; what is dated after the reference date is then left out of all
  // that is made from the portal.
  r->total_plans = r->portal.plans.size();
  LeftOut left_out;
  r->portal = portal_as_of(std::move(r->portal), options.as_of, &left_out, &r->trimmed);
  r->facts = derive_facts(r->portal, options.as_of, options.threads);
  r->facts.left_out = left_out;
}

Diagnostics theme_problems(const Portal& portal, const Theme& theme) {
  Diagnostics out = missing_page_templates(portal, theme);
  for (const std::string& lib : {lunr_asset_path(), inflate_asset_path()})
    if (auto it = theme.assets.find(lib.substr(std::string("assets/").size())); it != theme.assets.end())
      out.push_back({it->second, {1, 1},
                     "tệp giao diện trùng tên với tệp " + lib + " mà trang tìm kiếm dùng; hãy đổi tên tệp này",
                     "this theme asset has the name of " + lib + ", which the search uses; rename it", {}, {}});
  return out;
}

namespace {

// The theme, loaded and checked for what making the site would find.
Theme load_checked_theme(const PipelineOptions& options, PipelineResult* r) {
  Theme theme = load_theme(theme_dirs(options), &r->diags);
  Diagnostics more = theme_problems(r->portal, theme);
  r->diags.insert(r->diags.end(), more.begin(), more.end());
  return theme;
}

}  // namespace

PipelineResult check_site(const PipelineOptions& options) {
  PipelineResult r;
  load_and_check(options, &r);
  load_checked_theme(options, &r);
  sort_diagnostics(r.diags);
  return r;
}

PipelineResult build_site(const PipelineOptions& options, OutputSink& sink) {
  PipelineResult r;
  load_and_check(options, &r);
  Theme theme = load_checked_theme(options, &r);
  if (!r.diags.empty()) {
    sort_diagnostics(r.diags);
    return r;
  }
  RenderOptions ro;
  ro.generator_version = options.version;
  ro.cache_identity = options.cache_identity;
  ro.serve_mode = options.serve_mode;
  ro.threads = options.threads;
  ro.previous_keys = options.previous_keys;
  ro.asset_versions = asset_versions(theme, options.libraries);
  if (options.progress)
    ro.progress = [&](std::size_t done, std::size_t total) { options.progress("render", done, total); };
  CheckedSink out(sink);
  const std::string key_identity = options.cache_identity.empty() ? options.version : options.cache_identity;
  // The exports come first: the pages list and link the files they publish.
  tell(options, "export", 0, 0);
  out.note_sizes(true);
  build_exports(r.portal, r.facts, options.threads, out, {key_identity, options.previous_keys});
  out.note_sizes(false);
  ro.data_files = describe_exports(r.portal, out.take_sizes());
  tell(options, "render", 0, r.portal.units.size() + r.portal.plans.size() + r.portal.reports.size() + 5);
  render_site(r.portal, r.facts, theme, ro, out, &r.diags);
  tell(options, "search", 0, 0);
  build_search_files(r.portal, options.libraries, options.threads, out, {key_identity, options.previous_keys}, &r.facts);
  out.finish(&r);
  sort_diagnostics(r.diags);
  return r;
}

PipelineResult build_site(const PipelineOptions& options) {
  OutputCollector collected;
  PipelineResult r = build_site(options, collected);
  if (!r.diags.empty()) return r;
  r.files = collected.take();
  std::sort(r.files.begin(), r.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return r;
}

}  // namespace congkhai
