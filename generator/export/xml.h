// Escaping text for XML and hand-written HTML (sitemap, Atom feeds, the dev server's pages).
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// Escapes &, <, >, " and ' and drops characters XML 1.0 forbids (C0 controls other than
// tab, CR and LF), so any content text yields a well-formed document.
std::string xml_escape(std::string_view text);

}  // namespace congkhai
