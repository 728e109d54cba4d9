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

// The stylesheet the dev server's own pages link: the theme's, as the last good build wrote it.
inline constexpr const char* kStylesheetPath = "/assets/style.css";

// A page of the dev server itself (`body_html` already escaped), under the site's rules: the
// Content-Security-Policy meta tag right after <meta charset>, no inline style or script, the
// theme's stylesheet.
std::string dev_page_html(const std::string& title, const std::string& body_html, bool english);

// The page listing every problem, escaped.
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
