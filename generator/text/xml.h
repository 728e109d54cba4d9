// Escaping text for XML, SVG and hand-written HTML (sitemap, feeds, charts, dev server pages).
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// Escapes &, <, >, " and ' and drops characters XML 1.0 forbids (C0 controls other than
// tab, CR and LF; U+FFFE and U+FFFF), and turns bytes that are not UTF-8 into U+FFFD, so any
// text, whatever checked or cut it before, yields a well-formed document.
std::string xml_escape(std::string_view text);

}  // namespace congkhai
