// The open-data page and the pages' <link rel="alternate"> tags, drawn from the data files the
// export stage reports (here written by hand: the render stage never sees the exporter).
#include <gtest/gtest.h>

#include "model/urls.h"
#include "render/site_renderer.h"
#include "render/test_portal.h"

namespace congkhai {
namespace {

DataFileInfo data_file(const std::string& path, const std::string& title, const std::string& format,
                       const std::string& type, long long bytes, int unit = -1) {
  DataFileInfo f;
  f.path = path;
  f.title = title;
  f.description = "Mô tả " + title + " <b>";
  f.format = format;
  f.media_type = type;
  f.bytes = bytes;
  f.unit = unit;
  return f;
}

DataFileInfos sample_files() {
  DataFileInfos files = {data_file("datapackage.json", "Mô tả gói dữ liệu", "Data Package", "application/json", 5000),
          data_file("du-lieu/schema/ke-hoach.schema.json", "Lược đồ JSON của kế hoạch", "JSON Schema",
                    "application/schema+json", 900),
          data_file("feed.xml", "Tin mới", "Atom", "application/atom+xml", 700),
          data_file("ha-tinh/datapackage.json", "Mô tả gói dữ liệu", "Data Package", "application/json",
                    4000, 0),
          data_file("ha-tinh/feed.xml", "Tin mới", "Atom", "application/atom+xml", 600, 0),
          data_file("ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv", "Nhiệm vụ", "CSV", "text/csv", 2048, 2),
          data_file("ha-tinh/huong-son/son-lam/du-lieu/so-lieu.csv", "Số liệu", "CSV", "text/csv", 512, 2),
          data_file("ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json", "Dữ liệu đầy đủ của các kế hoạch", "JSON",
                    "application/json", 33000, 2),
          data_file("ha-tinh/huong-son/son-lam/feed.xml", "Tin mới", "Atom", "application/atom+xml", 500, 2)};
  for (DataFileInfo& f : files)
    if (f.format == "CSV") f.package = "ha-tinh/datapackage.json";
  return files;
}

class OpenDataPage : public ::testing::Test {
 protected:
  void render() {
    Theme theme = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors_);
    files_ = render_site(portal_, facts_, theme, options_, &errors_);
    for (const Diagnostic& d : errors_) ADD_FAILURE() << format_diagnostic(d);
  }
  std::string page(const std::string& path) const {
    for (const OutputFile& f : files_)
      if (f.path == path) return f.bytes;
    ADD_FAILURE() << "no " << path;
    return "";
  }
  static bool has(const std::string& html, const std::string& needle) {
    return html.find(needle) != std::string::npos;
  }

  Portal portal_ = testing::test_portal();
  PortalFacts facts_ = testing::test_facts(portal_);
  RenderOptions options_;
  Diagnostics errors_;
  OutputFiles files_;
};

TEST_F(OpenDataPage, LinksEveryPortalAndUnitFileWithItsFormatAndThePortalsWithTheirSizes) {
  options_.data_files = sample_files();
  render();
  std::string html = page("du-lieu/index.html");
  EXPECT_TRUE(has(html, "<h1>Dữ liệu mở</h1>"));
  // The portal's files: its data package (the whole country, as the units' pieces), the
  // schema, the feed; no CSV of its own.
  std::size_t units = html.find("id=\"theo-don-vi-h\"");
  ASSERT_NE(units, std::string::npos);
  const std::string whole = html.substr(0, units);
  EXPECT_TRUE(has(whole, "<a href=\"../datapackage.json\" type=\"application/json\">Mô tả gói dữ liệu</a><br><code>datapackage.json</code>"));
  EXPECT_TRUE(has(whole, "<a href=\"schema/ke-hoach.schema.json\" type=\"application/schema+json\">"));
  EXPECT_TRUE(has(whole, "<a href=\"../feed.xml\" type=\"application/atom+xml\">Tin mới</a>"));
  EXPECT_TRUE(has(whole, "Không tệp CSV nào chứa dữ liệu của cả cổng"));
  EXPECT_FALSE(has(whole, ".csv\" type="));
  EXPECT_TRUE(has(html, "Mô tả Mô tả gói dữ liệu &lt;b&gt;"));  // descriptions are text, not markup
  EXPECT_TRUE(has(html, "<td data-label=\"Dung lượng\">4,9 KB</td>")) << html;  // labelled on phones
  // Per unit: the unit's heading links its page, then its files.
  std::size_t tinh = html.find("<h3><a href=\"../ha-tinh/index.html\">tỉnh Hà Tĩnh</a>");
  std::size_t xa = html.find("<h3><a href=\"../ha-tinh/huong-son/son-lam/index.html\">xã Sơn Lâm</a>");
  ASSERT_NE(tinh, std::string::npos) << html;
  ASSERT_NE(xa, std::string::npos);
  EXPECT_LT(tinh, xa);
  EXPECT_EQ(html.find("huong-son/index.html\">huyện Hương Sơn</a></h3>"), std::string::npos)
      << "a unit without files is not listed";
  // The province: its package (the units below it) and its feed, no CSV of its own.
  EXPECT_TRUE(has(html.substr(tinh, xa - tinh), "<a href=\"../ha-tinh/datapackage.json\" type=\"application/json\">"));
  EXPECT_TRUE(has(html.substr(tinh, xa - tinh), "<a href=\"../ha-tinh/feed.xml\""));
  EXPECT_FALSE(has(html.substr(tinh, xa - tinh), ".csv"));
  // The commune: its own CSVs (a unit's files without their sizes, which change with every
  // edit of a plan), no package of its own but the nearest one that
  // lists its CSVs, named by whose it is, then the JSON of its plans and its feed.
  EXPECT_TRUE(has(html.substr(xa), "<a href=\"../ha-tinh/huong-son/son-lam/du-lieu/nhiem-vu.csv\" type=\"text/csv\">Nhiệm vụ</a> <span class=\"muted\">(CSV)</span>"));
  EXPECT_FALSE(has(html.substr(xa), "son-lam/datapackage.json"));
  const std::string package = "<li><a href=\"../ha-tinh/datapackage.json\" type=\"application/json\">Gói dữ liệu "
                              "(Frictionless) của tỉnh Hà Tĩnh</a>, gồm các bảng trên <span class=\"muted\">"
                              "(Data Package)</span></li>";
  EXPECT_TRUE(has(html.substr(xa), package)) << html.substr(xa);
  EXPECT_EQ(html.find(package), html.rfind(package)) << "named once, not once per CSV";
  EXPECT_LT(html.find("so-lieu.csv", xa), html.find(package));  // right after the CSVs
  EXPECT_LT(html.find(package), html.find("son-lam/du-lieu/ke-hoach.json", xa));
  EXPECT_LT(html.find("son-lam/du-lieu/ke-hoach.json", xa), html.find("son-lam/feed.xml", xa));
  // The province, which has its own package, names no other.
  EXPECT_FALSE(has(html.substr(tinh, xa - tinh), "Gói dữ liệu (Frictionless)"));
  EXPECT_TRUE(has(html.substr(xa), "<li><a href=\"../ha-tinh/huong-son/son-lam/du-lieu/ke-hoach.json\" "
                                   "type=\"application/json\">Dữ liệu đầy đủ của các kế hoạch</a> "
                                   "<span class=\"muted\">(JSON)</span></li>"));
  EXPECT_FALSE(has(html, "/ke-hoach/2023/ke-hoach.json"));  // no file per plan
  // What a unit's files hold, said once for all units.
  EXPECT_TRUE(has(html, "Các tệp CSV của một đơn vị chỉ gồm các kế hoạch của chính đơn vị đó"));
  EXPECT_FALSE(has(html, "gồm cả các đơn vị trực thuộc"));
  // The schema, and the licence from site.yaml.
  EXPECT_TRUE(has(html, "<a href=\"schema/ke-hoach.schema.json\">lược đồ JSON</a>"));
  EXPECT_TRUE(has(html, "giấy phép <strong><a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></strong>"));
}

TEST_F(OpenDataPage, SaysSoWhenThereIsNoLicenceOrNoFile) {
  portal_.site.licence = {};
  render();
  std::string html = page("du-lieu/index.html");
  EXPECT_TRUE(has(html, "Cổng chưa ghi giấy phép sử dụng dữ liệu"));
  EXPECT_TRUE(has(html, "Chưa có tệp dữ liệu nào."));
  EXPECT_FALSE(has(html, "giấy phép <strong>"));
}

TEST_F(OpenDataPage, AnUnsafeLicenceAddressIsNotALink) {
  portal_.site.licence = {"Giấy phép riêng", "javascript:alert(1)"};
  render();
  std::string html = page("du-lieu/index.html");
  EXPECT_TRUE(has(html, "giấy phép <strong>Giấy phép riêng</strong>"));
  EXPECT_FALSE(has(html, "javascript:"));
}

TEST_F(OpenDataPage, EveryPageLinksItFromTheFooterAndTheHomePageFromItsIntro) {
  render();
  for (const OutputFile& f : files_) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0 || f.path == "404.html") continue;
    std::string link = "<a href=\"" + relative_link(f.path, "du-lieu/index.html") + "\">Dữ liệu mở</a>";
    EXPECT_TRUE(has(f.bytes, link)) << f.path;
  }
  std::string home = page("index.html");
  EXPECT_TRUE(has(home.substr(0, home.find("<footer")), "<a href=\"du-lieu/index.html\">Dữ liệu mở</a>"));
  EXPECT_TRUE(has(page("404.html"), "<a href=\"/du-lieu/index.html\">Dữ liệu mở</a>"));
}

TEST_F(OpenDataPage, PagesOfferTheirFeedsAndDataAsAlternates) {
  options_.data_files = sample_files();
  render();
  std::string home = page("index.html");
  EXPECT_TRUE(has(home, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của Công khai &lt;b&gt;TTHC&lt;/b&gt;\" href=\"feed.xml\">"));
  EXPECT_TRUE(has(home, "<link rel=\"alternate\" type=\"application/json\" title=\"Dữ liệu mở của Công khai &lt;b&gt;TTHC&lt;/b&gt;\" href=\"datapackage.json\">"));
  EXPECT_FALSE(has(home, "ha-tinh/feed.xml"));

  std::string tinh = page("ha-tinh/index.html");
  EXPECT_TRUE(has(tinh, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của tỉnh Hà Tĩnh\" href=\"feed.xml\">"));
  EXPECT_TRUE(has(tinh, "<link rel=\"alternate\" type=\"application/json\" title=\"Dữ liệu mở của tỉnh Hà Tĩnh\" href=\"datapackage.json\">"));
  EXPECT_FALSE(has(tinh, "href=\"../feed.xml\""));  // the portal's feed belongs to the home page

  std::string plan = page("ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(has(plan, "<link rel=\"alternate\" type=\"application/json\" title=\"Dữ liệu các kế hoạch của xã Sơn Lâm (JSON)\" href=\"../../du-lieu/ke-hoach.json\">"));

  std::string xa = page("ha-tinh/huong-son/son-lam/index.html");
  // A commune has no data package of its own: only its feed, which every unit has.
  EXPECT_TRUE(has(xa, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của xã Sơn Lâm\" href=\"feed.xml\">"));
  EXPECT_FALSE(has(xa, "datapackage.json\">"));
  // Nor has a unit without plans in or below it.
  std::string huyen = page("ha-tinh/huong-son/index.html");
  EXPECT_TRUE(has(huyen, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của huyện Hương Sơn\" href=\"feed.xml\">"));
  EXPECT_FALSE(has(huyen, "datapackage.json\">")) << "no data package alternate without the file";
}

}  // namespace
}  // namespace congkhai
