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

#include "derive/facts.h"
#include "model/diagnostic.h"
#include "model/output.h"
#include "model/portal.h"
#include "render/render_options.h"
#include "render/theme.h"

namespace congkhai {

void render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                 const RenderOptions& options, OutputSink& out, Diagnostics* errors);
// The same, kept in memory and sorted by path.
OutputFiles render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                        const RenderOptions& options, Diagnostics* errors);

}  // namespace congkhai
