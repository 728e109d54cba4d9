// Fills a theme's Mustache templates with view data.
//
// View data is plain JSON (nlohmann), so it can be inspected in tests and dumped for theme
// authors. In templates, null, false, "" and [] are all false: {{#x}} skips them, {{x}}
// prints nothing. {{x}} escapes HTML; {{{x}}} is used only for HTML the generator made
// itself (keys ending in _html, and `content` in the layout). Every list `x` also comes with
// a boolean `has_x`, to wrap a list in markup only when it has items.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostic.h"
#include "render/theme.h"

namespace congkhai {

// A theme's templates, parsed once for a whole build instead of once per page. Each
// template's {{> partials}} are spliced into its text before parsing, wherever that renders
// the very same bytes kainjow's own partial handling would (see expand_partials); the few
// tags where it might not (recursive partials, set delimiters) are left for kainjow to
// resolve at render time, among the theme's partials only. Safe to use from several threads:
// each render borrows a parsed copy of its own.
// The problem rendering with a theme that has no template `name` gives.
void report_missing_template(const std::string& name, Diagnostics* errors);

class TemplateRenderer {
 public:
  explicit TemplateRenderer(const Theme& theme);
  ~TemplateRenderer();
  TemplateRenderer(const TemplateRenderer&) = delete;
  TemplateRenderer& operator=(const TemplateRenderer&) = delete;

  // Renders template `name`. A missing template or a rendering error becomes a diagnostic
  // (naming the template file) and an empty result.
  std::string render(const std::string& name, const nlohmann::json& view, Diagnostics* errors) const;
  // A page: template `name` with `view`, then "layout" with the same view and the result as
  // `content`; the view is turned into Mustache data once for both.
  std::string render_page(const std::string& name, const nlohmann::json& view, Diagnostics* errors) const;

 private:
  struct Parsed;
  struct Shared;
  std::unique_ptr<Parsed> borrow() const;
  void give_back(std::unique_ptr<Parsed> parsed) const;

  const Theme& theme_;
  std::unique_ptr<Shared> shared_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<Parsed>> free_;
};

// Renders template `name` of the theme (parsing it for this one call).
std::string render_template(const Theme& theme, const std::string& name, const nlohmann::json& view,
                            Diagnostics* errors);

// The text of a template with its {{> name}} tags replaced by the partials' own (expanded)
// text, or the text unchanged where that could render differently from kainjow including
// the partial at render time: inside a partial's own expansion (recursion), in a text that
// sets delimiters, and at the rare joins where two pieces would read differently together
// (a "\r" then "\n", a "{" then "{"). Exposed for its tests.
std::string expand_partials(const std::string& text, const std::map<std::string, ThemeTemplate>& partials);

}  // namespace congkhai
