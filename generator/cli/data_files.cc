#include "cli/data_files.h"

#include <filesystem>

namespace congkhai {

namespace fs = std::filesystem;

DataFiles data_files() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path share = exe.parent_path().parent_path() / "share" / "congkhai";
    if (fs::is_directory(share / "themes" / "default", ec))
      return {(share / "themes" / "default").string(), (share / "lunr.min.js").string(),
              (share / "pako_inflate.min.js").string(), (share / "portal").string()};
  }
  return {CONGKHAI_DEFAULT_THEME_DIR, CONGKHAI_LUNR_JS, CONGKHAI_INFLATE_JS, CONGKHAI_PORTAL_TEMPLATE_DIR};
}

}  // namespace congkhai
