// Fills a theme's Mustache templates with view data.
//
// View data is plain JSON (nlohmann), so it can be inspected in tests and dumped for theme
// authors. In templates, null, false, "" and [] are all false: {{#x}} skips them, {{x}}
// prints nothing. {{x}} escapes HTML; {{{x}}} is used only for HTML the generator made
// itself (keys ending in _html, and `content` in the layout). Every list `x` also comes with
// a boolean `has_x`, to wrap a list in markup only when it has items.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/diagnostic.h"
#include "render/theme.h"

namespace congkhai {

// Renders template `name` of the theme. A missing template or a rendering error becomes a
// diagnostic (naming the template file) and an empty result.
std::string render_template(const Theme& theme, const std::string& name, const nlohmann::json& view,
                            Diagnostics* errors);

}  // namespace congkhai
