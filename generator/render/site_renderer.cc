#include "render/site_renderer.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>

#include "text/parallel_for.h"

#include "model/published_file_type.h"
#include "model/urls.h"
#include "render/page_keys.h"
#include "render/template_renderer.h"
#include "render/updates_view.h"
#include "render/views.h"

namespace congkhai {

namespace {

std::string join_path(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

}  // namespace

std::vector<PageJob> page_jobs(const Portal& portal) {
  using Kind = PageJob::Kind;
  std::vector<PageJob> jobs;
  jobs.push_back({Kind::kHome, 0});
  for (size_t i = 0; i < portal.units.size(); ++i) jobs.push_back({Kind::kUnit, static_cast<int>(i)});
  for (size_t i = 0; i < portal.plans.size(); ++i) jobs.push_back({Kind::kPlan, static_cast<int>(i)});
  for (size_t i = 0; i < portal.reports.size(); ++i) jobs.push_back({Kind::kReport, static_cast<int>(i)});
  jobs.push_back({Kind::kSearch, 0});
  jobs.push_back({Kind::kUpdates, 0});
  jobs.push_back({Kind::kOpenData, 0});
  jobs.push_back({Kind::kAbout, 0});
  jobs.push_back({Kind::kNotFound, 0});
  return jobs;
}

std::string page_path(const Portal& portal, const PageJob& job) {
  switch (job.kind) {
    case PageJob::Kind::kHome: return home_page();
    case PageJob::Kind::kUnit: return unit_page(portal.units[job.index]);
    case PageJob::Kind::kPlan: return plan_page(portal, portal.plans[job.index]);
    case PageJob::Kind::kReport: return report_page(portal, portal.reports[job.index]);
    case PageJob::Kind::kSearch: return search_page();
    case PageJob::Kind::kUpdates: return updates_page();
    case PageJob::Kind::kOpenData: return open_data_page();
    case PageJob::Kind::kAbout: return about_page();
    case PageJob::Kind::kNotFound: return not_found_page();
  }
  return {};
}

std::string page_template(PageJob::Kind kind) {
  switch (kind) {
    case PageJob::Kind::kHome: return "home";
    case PageJob::Kind::kUnit: return "unit";
    case PageJob::Kind::kPlan: return "plan";
    case PageJob::Kind::kReport: return "report";
    case PageJob::Kind::kSearch: return "search";
    case PageJob::Kind::kUpdates: return "updates";
    case PageJob::Kind::kOpenData: return "open_data";
    case PageJob::Kind::kAbout: return "about";
    case PageJob::Kind::kNotFound: return "not_found";
  }
  return {};
}

Diagnostics missing_page_templates(const Portal& portal, const Theme& theme) {
  Diagnostics out;
  const bool layout = theme.templates.count("layout") > 0;
  for (const PageJob& job : page_jobs(portal)) {
    const std::string name = page_template(job.kind);
    if (!theme.templates.count(name)) report_missing_template(name, &out);
    if (!layout) report_missing_template("layout", &out);
  }
  return out;
}

PageRenderer::PageRenderer(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                           const RenderOptions& options)
    : portal_(portal), facts_(facts), options_(options), fingerprint_(render_fingerprint(theme, options)),
      input_fingerprint_(input_keys_fingerprint(ViewContext{portal, facts, options}, fingerprint_)),
      templates_(std::make_unique<const TemplateRenderer>(theme)) {}

PageRenderer::~PageRenderer() = default;

void PageRenderer::key_by_inputs(int threads) {
  keys_ = std::make_unique<const SiteInputKeys>(
      site_input_keys(ViewContext{portal_, facts_, options_}, input_fingerprint_, threads));
}

std::string PageRenderer::input_key(const PageJob& job) const {
  using Kind = PageJob::Kind;
  const ViewContext ctx{portal_, facts_, options_};
  switch (job.kind) {
    case Kind::kPlan: return keys_ ? keys_->plan_pages[job.index] : plan_page_key(ctx, job.index, input_fingerprint_);
    case Kind::kReport:
      return keys_ ? keys_->report_pages[job.index] : report_page_key(ctx, job.index, input_fingerprint_);
    case Kind::kUnit: return keys_ ? unit_page_key(ctx, job.index, *keys_, input_fingerprint_) : "";
    case Kind::kHome: return keys_ ? home_page_key(ctx, *keys_, input_fingerprint_) : "";
    case Kind::kOpenData: return keys_ ? open_data_page_key(ctx, *keys_, input_fingerprint_) : "";
    default: return "";
  }
}

OutputFile PageRenderer::render(const PageJob& job, Diagnostics* errors) const {
  using Kind = PageJob::Kind;
  const ViewContext ctx{portal_, facts_, options_};
  auto reused = [&](const OutputFile& f) {
    if (!options_.previous_keys) return false;
    auto it = options_.previous_keys->find(f.path);
    return it != options_.previous_keys->end() && it->second == f.key;
  };
  OutputFile f;
  // A plan's or report's page, and with the site's input keys a unit's, the home and the
  // open-data page, is keyed by its inputs (page_keys.h): an unchanged one costs its key
  // alone, its view is not built.
  f.key = input_key(job);
  const bool by_inputs = !f.key.empty();
  if (by_inputs) {
    f.path = page_path(portal_, job);
    f.reused = reused(f);
    if (f.reused) return f;
  }
  PageView page = job.kind == Kind::kHome       ? home_page_view(ctx)
                  : job.kind == Kind::kUnit     ? unit_page_view(ctx, job.index)
                  : job.kind == Kind::kPlan     ? plan_page_view(ctx, job.index)
                  : job.kind == Kind::kReport   ? report_page_view(ctx, job.index)
                  : job.kind == Kind::kSearch   ? search_page_view(ctx)
                  : job.kind == Kind::kUpdates  ? updates_page_view(ctx)
                  : job.kind == Kind::kOpenData ? open_data_page_view(ctx)
                  : job.kind == Kind::kAbout    ? about_page_view(ctx)
                                                : not_found_page_view(ctx);
  if (!by_inputs) {
    f.path = page.path;
    f.key = view_page_key(fingerprint_, page);
    f.reused = reused(f);
    if (f.reused) return f;
  }
  f.bytes = templates_->render_page(page.template_name, page.view, errors);
  return f;
}

OutputFiles copied_files(const Portal& portal, const Theme& theme, std::set<std::string> taken) {
  // A copied file never silently replaces a page or an earlier copy: pages first, then
  // files, then assets.
  OutputFiles files;
  auto emit = [&](const std::string& path, const std::string& source) {
    if (taken.insert(path).second) files.push_back(OutputFile{path, "", source});
  };
  auto copy = [&](const std::string& content_relative, const std::string& on_disk) {
    // The loaders refuse any other type with a message; this keeps a file of another type off
    // the site even should a new way of naming files forget to.
    if (!is_published_file_type(content_relative)) return;
    emit(file_output_path(content_relative),
         join_path(portal.content_dir, on_disk.empty() ? content_relative : on_disk));
  };
  for (const Report& r : portal.reports)
    for (const Attachment& a : r.attachments)
      if (!a.file.empty()) copy(a.file, a.file_on_disk);
  for (const ProgressRecord& rec : portal.progress)
    for (const ProgressEntry& e : rec.entries)
      for (const Evidence& ev : e.evidence)
        if (!ev.file.empty()) copy(ev.file, ev.file_on_disk);
  for (const auto& [rel, source] : theme.assets) emit("assets/" + rel, source);
  return files;
}

void render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                 const RenderOptions& options, OutputSink& out, Diagnostics* errors) {
  // Pages in a fixed order; each is made (view, key, and unless reused, bytes) on its own
  // and handed out at once, so the bytes are the same on any number of threads.
  const std::vector<PageJob> jobs = page_jobs(portal);
  PageRenderer pages(portal, facts, theme, options);  // templates parsed once for every page
  pages.key_by_inputs(options.threads);
  std::vector<std::string> page_paths(jobs.size());
  std::vector<Diagnostics> page_errors(jobs.size());
  std::atomic<std::size_t> done{0};
  parallel_for(jobs.size(), options.threads, [&](std::size_t i) {
    OutputFile f = pages.render(jobs[i], &page_errors[i]);
    page_paths[i] = f.path;
    out.add(std::move(f));
    if (options.progress) options.progress(done.fetch_add(1) + 1, jobs.size());
  });
  for (const Diagnostics& d : page_errors)
    if (errors) errors->insert(errors->end(), d.begin(), d.end());
  for (OutputFile& f : copied_files(portal, theme, std::set<std::string>(page_paths.begin(), page_paths.end())))
    out.add(std::move(f));
}

OutputFiles render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                        const RenderOptions& options, Diagnostics* errors) {
  OutputCollector collected;
  render_site(portal, facts, theme, options, collected, errors);
  OutputFiles files = collected.take();
  // Sorted by path. Should two pages share one (a sound portal never has them; the pipeline
  // reports them), the first made is kept.
  std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  files.erase(std::unique(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
              files.end());
  return files;
}

}  // namespace congkhai
