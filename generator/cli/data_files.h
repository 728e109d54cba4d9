// Where the files the generator ships beside its binary are: the default theme, lunr.js, pako's
// inflate and
// the starting files of a new portal. An installed binary (<prefix>/bin/congkhai, from the
// Debian package) finds them in <prefix>/share/congkhai/; a binary in its build folder uses
// those of the source tree it was built from.
#pragma once

#include <string>

namespace congkhai {

struct DataFiles {
  std::string default_theme_dir;  // themes/default
  std::string lunr_js;            // lunr.min.js
  std::string inflate_js;         // pako_inflate.min.js
  std::string portal_template;    // the files `new site` copies into a new portal
};

DataFiles data_files();

}  // namespace congkhai
