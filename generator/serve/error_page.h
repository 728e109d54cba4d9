// What the dev server shows instead of the site while the content has problems, and the
// live-reload hook it adds to every page it serves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

// One problem as the terminal prints it.
struct ErrorItem {
  std::string heading;  // "content/a/plans/2024.md:12:5: trạng thái \"xong\" không hợp lệ"
  std::string excerpt;  // the source line and a caret line under the column, or ""
  std::string hint;     // what was expected, or ""
};

// A self-contained page (inline style, no site assets) listing every problem, escaped.
std::string error_page_html(const std::vector<ErrorItem>& items, bool english);

// The reserved paths of the dev server; no content file can produce them (the site never
// has a folder whose name starts with "_").
inline constexpr const char* kEventsPath = "/__congkhai/events";
inline constexpr const char* kReloadScriptPath = "/__congkhai/reload.js";

// The script served at kReloadScriptPath: listens to kEventsPath and reloads the tab.
std::string reload_script();

// `html` with the reload <script> added just before </head> (or at the start when there
// is no </head>). Only the dev server calls this: built sites never carry it.
std::string with_reload_hook(std::string_view html);

}  // namespace congkhai
