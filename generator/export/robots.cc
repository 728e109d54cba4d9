#include "export/robots.h"

#include "export/export_paths.h"

namespace congkhai {

std::string write_robots(const Site& site) {
  std::string out =
      "# Mọi trang của cổng đều công khai. / Every page of this portal is public.\n"
      "User-agent: *\n"
      "Disallow:\n";
  if (!site.base_url.empty()) {
    out += "\nSitemap: " + absolute_url(site.base_url, sitemap_path()) + "\n";
  } else {
    out +=
        "\n# Không có sitemap.xml: site.yaml chưa khai báo base_url, mà sơ đồ trang cần địa chỉ "
        "tuyệt đối.\n"
        "# No sitemap.xml: site.yaml sets no base_url, and sitemaps need absolute URLs.\n";
  }
  return out;
}

}  // namespace congkhai
