// View data for each kind of page: what the templates of a theme can show.
//
// Every page's view holds the frame keys (site, links back to the root, breadcrumbs,
// reference date) and one key for its own content: home, unit, plan, report. All links
// are relative to the page (urls.h), so the site works from disk and under any sub-path.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "derive/facts.h"
#include "model/portal.h"
#include "render/render_options.h"
#include "text/short_text.h"

namespace congkhai {

struct ViewContext {
  const Portal& portal;
  const PortalFacts& facts;
  const RenderOptions& options;
};

// One page to render: where it goes, the template that draws its content, and its data.
struct PageView {
  std::string path;
  std::string template_name;
  nlohmann::json view;
};

// A breadcrumb: a label and the output path it leads to ("" for the current page).
struct Crumb {
  std::string label;
  std::string path;
};

// The keys every page has. `root` overrides the way back to the site root (404.html).
// A page's view may replace "meta_description" with its own summary, for previews.
nlohmann::json frame_view(const ViewContext& ctx, const std::string& page_path,
                          const std::string& title, const std::vector<Crumb>& crumbs, int unit,
                          const std::string& root = "");
// Home, then the unit's ancestors and the unit itself, all linked.
std::vector<Crumb> unit_crumbs(const Portal& portal, int unit);
// The path of the unit a page belongs to: the key of its search shard (search/search_files.h).
std::string area_of(const Portal& portal, int unit);

// A plan or report in a list, with links relative to the page at `from`.
nlohmann::json plan_summary(const ViewContext& ctx, int plan, const std::string& from);
nlohmann::json report_summary(const ViewContext& ctx, int report, const std::string& from);

// The task table's own column headings, for a plan that printed none. The default theme's
// stylesheet labels the cells of the table's narrow-screen cards with these words; a cell
// whose plan printed another heading carries that heading as its own label.
struct TaskColumnHeadings {
  const char* number;
  const char* task;
  const char* lead;
  const char* partners;
  const char* output;
  const char* timeframe;
};
inline constexpr TaskColumnHeadings kTaskColumnHeadings{"STT", "Nội dung công việc", "Cơ quan chủ trì",
                                                       "Cơ quan phối hợp", "Dự kiến sản phẩm", "Thời gian thực hiện"};

PageView home_page_view(const ViewContext& ctx);
PageView unit_page_view(const ViewContext& ctx, int unit);
PageView plan_page_view(const ViewContext& ctx, int plan);
PageView report_page_view(const ViewContext& ctx, int report);
PageView search_page_view(const ViewContext& ctx);
PageView not_found_page_view(const ViewContext& ctx);
PageView open_data_page_view(const ViewContext& ctx);
PageView about_page_view(const ViewContext& ctx);

// A <link rel="alternate"> entry of a page's "alternates" list.
nlohmann::json alternate(const std::string& type, const std::string& href, const std::string& title);
// The alternates of a unit's page, or of the home page when `unit` is -1: its Atom feed, and
// its data package when one was published; links relative to the page at `from`.
nlohmann::json data_alternates(const ViewContext& ctx, int unit, const std::string& from);
// The open-data files of unit `unit` (-1: the portal's own) among `files` (RenderOptions::data_files,
// in describe_exports' order), the plans' JSON left out: those data_alternates offers.
std::span<const DataFileInfo> unit_data_files(const DataFileInfos& files, int unit);

}  // namespace congkhai
