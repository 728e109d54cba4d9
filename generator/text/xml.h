// Escaping text for XML, SVG and hand-written HTML (sitemap, feeds, charts, dev server pages).
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// Escapes &, <, >, " and ' and drops characters XML 1.0 forbids (C0 controls other than
// tab, CR and LF), so any content text yields a well-formed document.
std::string xml_escape(std::string_view text);

}  // namespace congkhai
