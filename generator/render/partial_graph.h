// How a theme's partials include one another, and what of that a theme may not do.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "render/theme.h"

namespace congkhai {

// Names used in {{> name}} tags, with their byte offsets.
std::vector<std::pair<std::string, std::size_t>> partial_references(const std::string& text);

// Reports a partial that includes itself, directly or through others, once per cycle, at the
// {{> tag}} that closes it. Rendering one would recurse until the stack overflows: a
// Mustache section does not stop it, since names are looked up in every enclosing scope.
void check_partial_cycles(const std::map<std::string, ThemeTemplate>& partials, Diagnostics* errors);

// Reports a file that changes its tag delimiters ({{=<% %>=}}): tags written with other
// delimiters would escape the checks on partials, and no theme needs them.
void check_no_set_delimiters(const ThemeTemplate& file, Diagnostics* errors);

}  // namespace congkhai
