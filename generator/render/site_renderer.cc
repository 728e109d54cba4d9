#include "render/site_renderer.h"

#include <algorithm>
#include <map>

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

}  // namespace

OutputFiles render_site(const Portal& portal, const PortalFacts& facts, const Theme& theme,
                        const RenderOptions& options, Diagnostics* errors) {
  const ViewContext ctx{portal, facts, options};
  std::vector<PageView> pages;
  pages.push_back(home_page_view(ctx));
  for (size_t i = 0; i < portal.units.size(); ++i) pages.push_back(unit_page_view(ctx, static_cast<int>(i)));
  for (size_t i = 0; i < portal.plans.size(); ++i) pages.push_back(plan_page_view(ctx, static_cast<int>(i)));
  for (size_t i = 0; i < portal.reports.size(); ++i) pages.push_back(report_page_view(ctx, static_cast<int>(i)));
  pages.push_back(search_page_view(ctx));
  pages.push_back(updates_page_view(ctx));
  pages.push_back(open_data_page_view(ctx));
  pages.push_back(not_found_page_view(ctx));

  // A map keeps the output sorted by path and lets a later file never silently replace an
  // earlier one: pages first, then files, then assets.
  std::map<std::string, OutputFile> out;
  for (PageView& page : pages) {
    OutputFile f;
    f.path = page.path;
    f.bytes = render_page(theme, page, errors);
    out.emplace(f.path, std::move(f));
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
