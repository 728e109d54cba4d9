// Incremental builds: the key of each page, a 128-bit hash (text/content_hash.h) that
// changes whenever the page's bytes may. A page whose key equals the previous build's is not
// rendered again (RenderOptions::previous_keys).
//
// A plan's page, most of the site and the costliest views, is keyed by its *inputs*, hashed
// from the model as it is (model/input_hasher.h), so that an unchanged plan's view is never
// built: plan_page_key mirrors what plan_page_view (plan_view.cc) and the frame it sits in
// (frame_view, views_common.cc) read, and the list of what it covers stands beside it in
// page_keys.cc. An input the view reads that is not hashed there makes incremental builds
// publish a stale page; page_keys_test.cc changes every field of the model, the facts, the
// site, the theme and the options one at a time and requires the key to change whenever the
// page does. Every other page is keyed by its finished view (view_page_key).
#pragma once

#include <string>
#include <string_view>

#include "render/render_options.h"
#include "render/theme.h"
#include "render/views.h"

namespace congkhai {

// Bumped whenever what plan_page_key hashes changes, so that no older key can match.
inline constexpr std::string_view kPlanPageKeyFormat = "plan page inputs 1";

// What every page's key shares: the generator's identity, the mode and the theme's templates.
std::string render_fingerprint(const Theme& theme, const RenderOptions& options);

// The key of a page from its finished view: its path, template and every node of its view.
std::string view_page_key(std::string_view fingerprint, const PageView& page);

// What every plan page's input key shares besides render_fingerprint: kPlanPageKeyFormat, the
// site's settings, the reference date and the query of every file the pages load.
std::string plan_pages_fingerprint(const ViewContext& ctx, std::string_view render_fingerprint);

// The key of plan `index`'s page from its inputs (32 hexadecimal digits): equal keys, equal
// pages. `fingerprint` as plan_pages_fingerprint gives it.
std::string plan_page_key(const ViewContext& ctx, int index, std::string_view fingerprint);

}  // namespace congkhai
