// The Content-Security-Policy every page carries, in a <meta> tag right after <meta charset>
// (docs/limits.md, "In the reader's browser"): the site's pages, its 404 page and the dev
// server's own pages alike.
#pragma once

#include <string_view>

namespace congkhai {

inline constexpr std::string_view kContentPolicyMeta =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "object-src 'none'\">";

}  // namespace congkhai
