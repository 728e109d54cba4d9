// A theme: Mustache templates, partials and static assets, merged from several folders.
//
//   <dir>/templates/<name>.mustache   whole pages: layout, home, unit, plan, report, search, not_found
//   <dir>/partials/<name>.mustache    pieces included with {{> name}}
//   <dir>/assets/**                   copied to assets/ in the site
//
// Folders are given in priority order: a file in an earlier folder replaces the file of the
// same name in later ones, so a site can override one template and keep the rest.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace congkhai {

struct ThemeTemplate {
  std::string path;  // file it came from, for error messages
  std::string text;
};

struct Theme {
  std::vector<std::string> dirs;                    // the folders that exist, in priority order
  std::map<std::string, ThemeTemplate> templates;   // "plan" → templates/plan.mustache
  std::map<std::string, ThemeTemplate> partials;    // "task_row" → partials/task_row.mustache
  std::map<std::string, std::string> assets;        // "style.css" → file on disk
};

// Reads every folder of `dirs` that exists (missing ones are skipped, so callers can pass
// optional places). Template and partial syntax errors, {{> partials}} that no folder
// provides, and a layout without what every page must carry (check_layout) become
// diagnostics with the file's line and column.
Theme load_theme(const std::vector<std::string>& dirs, Diagnostics* errors);

// The syntax check load_theme applies to each file; true when `text` parses.
bool check_template(const std::string& path, const std::string& text, Diagnostics* errors);

// What a layout, the default one or a site's own, must hold: the Content-Security-Policy meta
// tag (content_policy.h) as the first tag after <meta charset>, and the footer links every page
// owes its readers (latest updates, open data, the data licence). Each one missing is reported
// against the layout's file.
void check_layout(const ThemeTemplate& layout, Diagnostics* errors);

// Line and column (from 1, in characters) of a byte offset into `text`.
SourcePos position_of(const std::string& text, size_t offset);

}  // namespace congkhai
