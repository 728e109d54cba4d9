#include "render/site_renderer.h"

#include <algorithm>
#include <atomic>
#include <map>

#include "text/content_hash.h"
#include "text/parallel_for.h"

#include "model/urls.h"
#include "render/template_renderer.h"
#include "render/updates_view.h"
#include "render/views.h"

namespace congkhai {

namespace {

std::string join_path(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

// The page's content through its template, then the whole page through the layout.
std::string render_page(const Theme& theme, PageView& page, Diagnostics* errors) {
  std::string content = render_template(theme, page.template_name, page.view, errors);
  page.view["content"] = std::move(content);
  return render_template(theme, "layout", page.view, errors);
}

// What every page's key shares: the generator, the mode and the theme's templates.
std::string render_fingerprint(const Theme& theme, const RenderOptions& options) {
  ContentHasher h;
  h.add(options.generator_version);
  h.add(options.serve_mode ? "serve" : "build");
  h.add(options.extra_head);
  for (const auto* group : {&theme.templates, &theme.partials})
    for (const auto& [name, t] : *group) {
      h.add(name);
      h.add(t.text);
    }
  return h.finish().hex();
}

std::string page_key(const std::string& fingerprint, const PageView& page) {
  ContentHasher h;
  h.add(fingerprint);
  h.add(page.path);
  h.add(page.template_name);
  h.add(page.view.dump());
  return h.finish().hex();
}

}  // namespace

OutputFiles render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                        const RenderOptions& options, Diagnostics* errors) {
  const ViewContext ctx{portal, facts, options};
  // Pages in a fixed order; each is made (view, key, and unless reused, bytes) on its own
  // slot, so the result is the same on any number of threads.
  enum class Kind { kHome, kUnit, kPlan, kReport, kSearch, kUpdates, kOpenData, kNotFound };
  std::vector<std::pair<Kind, int>> jobs;
  jobs.push_back({Kind::kHome, 0});
  for (size_t i = 0; i < portal.units.size(); ++i) jobs.push_back({Kind::kUnit, static_cast<int>(i)});
  for (size_t i = 0; i < portal.plans.size(); ++i) jobs.push_back({Kind::kPlan, static_cast<int>(i)});
  for (size_t i = 0; i < portal.reports.size(); ++i) jobs.push_back({Kind::kReport, static_cast<int>(i)});
  jobs.push_back({Kind::kSearch, 0});
  jobs.push_back({Kind::kUpdates, 0});
  jobs.push_back({Kind::kOpenData, 0});
  jobs.push_back({Kind::kNotFound, 0});

  const std::string fingerprint = render_fingerprint(theme, options);
  std::vector<OutputFile> rendered(jobs.size());
  std::vector<Diagnostics> page_errors(jobs.size());
  std::atomic<std::size_t> done{0};
  parallel_for(jobs.size(), options.threads, [&](std::size_t i) {
    auto [kind, index] = jobs[i];
    PageView page = kind == Kind::kHome     ? home_page_view(ctx)
                    : kind == Kind::kUnit   ? unit_page_view(ctx, index)
                    : kind == Kind::kPlan   ? plan_page_view(ctx, index)
                    : kind == Kind::kReport ? report_page_view(ctx, index)
                    : kind == Kind::kSearch ? search_page_view(ctx)
                    : kind == Kind::kUpdates ? updates_page_view(ctx)
                    : kind == Kind::kOpenData ? open_data_page_view(ctx)
                                            : not_found_page_view(ctx);
    OutputFile& f = rendered[i];
    f.path = page.path;
    f.key = page_key(fingerprint, page);
    if (options.previous_keys) {
      auto it = options.previous_keys->find(f.path);
      f.reused = it != options.previous_keys->end() && it->second == f.key;
    }
    if (!f.reused) f.bytes = render_page(theme, page, &page_errors[i]);
    if (options.progress) options.progress(done.fetch_add(1) + 1, jobs.size());
  });

  // A map keeps the output sorted by path and lets a later file never silently replace an
  // earlier one: pages first, then files, then assets.
  std::map<std::string, OutputFile> out;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    if (errors) errors->insert(errors->end(), page_errors[i].begin(), page_errors[i].end());
    std::string path = rendered[i].path;
    out.emplace(std::move(path), std::move(rendered[i]));
  }
  auto copy = [&](const std::string& content_relative) {
    std::string path = file_output_path(content_relative);
    out.emplace(path, OutputFile{path, "", join_path(portal.content_dir, content_relative)});
  };
  for (const Report& r : portal.reports)
    for (const Attachment& a : r.attachments)
      if (!a.file.empty()) copy(a.file);
  for (const ProgressRecord& rec : portal.progress)
    for (const ProgressEntry& e : rec.entries)
      for (const Evidence& ev : e.evidence)
        if (!ev.file.empty()) copy(ev.file);
  for (const auto& [rel, source] : theme.assets) {
    std::string path = "assets/" + rel;
    out.emplace(path, OutputFile{path, "", source});
  }

  OutputFiles files;
  files.reserve(out.size());
  for (auto& [path, f] : out) files.push_back(std::move(f));
  return files;
}

}  // namespace congkhai
