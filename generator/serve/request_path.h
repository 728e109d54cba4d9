// Turning the target of an HTTP request into the path of a site file, refusing anything that
// could name a file outside the site.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace congkhai {

// "/a/b/?q=1" → "a/b/index.html", "/" → "index.html", "/x%20y.pdf" → "x y.pdf".
// nullopt for a target that does not start with "/" (absolute URLs, "*"), a "." or ".."
// segment (also when percent-encoded), a NUL or other control byte, a backslash, or a
// malformed percent escape. The raw target is checked, never a client-normalised one.
std::optional<std::string> site_path_for_target(std::string_view target);

}  // namespace congkhai
