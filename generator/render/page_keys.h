// Incremental builds: the key of each page, a 128-bit hash (text/content_hash.h) that
// changes whenever the page's bytes may. A page whose key equals the previous build's is not
// rendered again (RenderOptions::previous_keys).
//
// Plans' and reports' pages, nine in ten of the site and the costliest views, are keyed by
// their *inputs*, hashed from the model as it is (model/input_hasher.h), so that an
// unchanged page's view is never built: plan_page_key and report_page_key mirror what
// plan_page_view (plan_view.cc), report_page_view (page_views.cc) and the frame they sit in
// (frame_view, views_common.cc) read, and the list of what each covers stands beside it in
// page_keys.cc. An input a view reads that is not hashed there makes incremental builds
// publish a stale page; page_keys_test.cc changes every field of the model, the facts, the
// site, the theme and the options one at a time and requires the key to change whenever the
// page does. The units' pages and the home page are keyed by their inputs too, from those of
// the plans' and reports' pages below them (SiteInputKeys, made once for the whole site):
// unit_page_key and home_page_key; the open-data page from the files it lists. The few
// other pages of the whole site (search, updates, about, 404), whose views are small, are
// keyed by their finished view (view_page_key).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "render/render_options.h"
#include "render/theme.h"
#include "render/views.h"
#include "text/content_hash.h"

namespace congkhai {

// Bumped whenever what an input key of this file hashes changes, so that no older key can
// match.
inline constexpr std::string_view kInputPageKeyFormat = "page inputs 2";

// What every page's key shares: the generator's identity, the mode and the theme's templates.
std::string render_fingerprint(const Theme& theme, const RenderOptions& options);

// The key of a page from its finished view: its path, template and every node of its view.
std::string view_page_key(std::string_view fingerprint, const PageView& page);

// What every input key shares besides render_fingerprint: kInputPageKeyFormat, the site's
// settings, the reference date and the query of every file the pages load.
std::string input_keys_fingerprint(const ViewContext& ctx, std::string_view render_fingerprint);

// The key of plan `index`'s page, and of report `index`'s, from its inputs (32 hexadecimal
// digits): equal keys, equal pages. `fingerprint` as input_keys_fingerprint gives it.
std::string plan_page_key(const ViewContext& ctx, int index, std::string_view fingerprint);
std::string report_page_key(const ViewContext& ctx, int index, std::string_view fingerprint);

// What the units' pages, the home page and the open-data page are keyed from, made once for
// the whole site: the key of every plan's and report's page (which those pages take as their
// own), and for each plan that key with the place of its progress entries in file order (a
// list of updates orders one day's entries by it); and each unit through its codec.
struct SiteInputKeys {
  std::vector<std::string> plan_pages;    // plan_page_key, by plan
  std::vector<std::string> report_pages;  // report_page_key, by report
  std::vector<ContentHash> plans_listed;  // by plan: its page's key and its entries' places
  std::vector<ContentHash> units;         // by unit: every field
};
// On `threads` threads (0: every core); the result does not depend on them.
SiteInputKeys site_input_keys(const ViewContext& ctx, std::string_view fingerprint, int threads);

// The key of unit `index`'s page, and of the home page, from their inputs: a unit's page
// reads every plan and report of its unit and of the units below it, the home page every one
// of the portal. `keys` as site_input_keys gives them for the same context and fingerprint.
std::string unit_page_key(const ViewContext& ctx, int index, const SiteInputKeys& keys, std::string_view fingerprint);
std::string home_page_key(const ViewContext& ctx, const SiteInputKeys& keys, std::string_view fingerprint);
// The key of the open-data page (du-lieu/index.html) from its inputs: the files it lists.
std::string open_data_page_key(const ViewContext& ctx, const SiteInputKeys& keys, std::string_view fingerprint);

}  // namespace congkhai
