// The render stage: the model and its derived facts, through a theme, into the site's pages.
//
// Pages: index.html, one per unit, plan and report, tim-kiem/index.html, cap-nhat/index.html
// (latest updates), du-lieu/index.html (open data) and 404.html; plus the theme's assets under
// assets/ and every attachment and evidence file reports and progress records refer to, under
// tep/. Each file goes to the sink as soon as it is made; its bytes depend only on the
// arguments: the same input gives the same bytes, on any number of threads. A copied file
// (attachment, asset) whose path a page or an earlier copy took is left out; every page is
// handed out, so the sink sees any two pages sharing a path.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "derive/facts.h"
#include "model/diagnostic.h"
#include "model/output.h"
#include "model/portal.h"
#include "render/render_options.h"
#include "render/theme.h"

namespace congkhai {

void render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                 const RenderOptions& options, OutputSink& out, Diagnostics* errors);

// One page of the site: its kind and, for a unit, plan or report page, the index of what it
// shows. render_site makes them in page_jobs' order.
struct PageJob {
  enum class Kind { kHome, kUnit, kPlan, kReport, kSearch, kUpdates, kOpenData, kAbout, kNotFound };
  Kind kind = Kind::kHome;
  int index = 0;
};
std::vector<PageJob> page_jobs(const Portal& portal);
// Where a page goes, without building its view (the dev server's index of pages).
std::string page_path(const Portal& portal, const PageJob& job);
// The theme template a page of this kind is drawn with.
std::string page_template(PageJob::Kind kind);
// The problems render_site reports for page templates (and the layout) the theme lacks, one
// per page as it reports them, found without rendering.
Diagnostics missing_page_templates(const Portal& portal, const Theme& theme);

class TemplateRenderer;
struct SiteInputKeys;

// Renders single pages exactly as render_site does: the same view and bytes, and after
// key_by_inputs the same key. The templates are parsed once; the arguments must outlive it.
class PageRenderer {
 public:
  PageRenderer(const Portal& portal, const PortalFacts& facts, const Theme& theme,
               const RenderOptions& options);
  ~PageRenderer();
  // Keys every plan's and report's page and what the units' pages and the home page read
  // of them (site_input_keys, on `threads` threads), so that those pages too are keyed by
  // their inputs, as render_site keys them. Without it (the dev server, which keeps no keys
  // and makes a few pages at a time), a unit's page, the home page and the open-data page
  // are keyed by their views.
  void key_by_inputs(int threads);
  // With options.previous_keys, a page whose key (page_keys.h) is unchanged comes back
  // `reused`, without bytes. Template problems go to `errors`.
  OutputFile render(const PageJob& job, Diagnostics* errors) const;

 private:
  // The page's key from its inputs, or "" for a page keyed by its view.
  std::string input_key(const PageJob& job) const;

  const Portal& portal_;
  const PortalFacts& facts_;
  const RenderOptions& options_;
  std::string fingerprint_;        // render_fingerprint (page_keys.h)
  std::string input_fingerprint_;  // input_keys_fingerprint
  std::unique_ptr<const TemplateRenderer> templates_;
  std::unique_ptr<const SiteInputKeys> keys_;  // key_by_inputs
};

// The files render_site copies rather than makes: every attachment of a report and evidence
// file of a progress entry (under tep/), then the theme's assets (under assets/), each as an
// OutputFile with its `source`. A path already in `taken` (the pages'), or taken by an earlier
// copy, is left out.
OutputFiles copied_files(const Portal& portal, const Theme& theme, std::set<std::string> taken);
// The same, kept in memory and sorted by path.
OutputFiles render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                        const RenderOptions& options, Diagnostics* errors);

}  // namespace congkhai
