#include "export/sitemap.h"

#include <gtest/gtest.h>

#include "export/robots.h"
#include "export/testing_files.h"
#include "export/testing_portal.h"

namespace congkhai {
namespace {

using testing::between;
using testing::make_test_facts;
using testing::make_test_portal;

TEST(Sitemap, NeedsABaseUrl) {
  EXPECT_EQ(write_sitemap(make_test_portal(), make_test_facts()), "");
}

TEST(Sitemap, ListsEveryPageWithAbsoluteUrls) {
  std::string xml = write_sitemap(make_test_portal("https://congkhai.example.vn/"), make_test_facts());
  std::string error;
  ASSERT_TRUE(testing::well_formed_xml(xml, &error)) << error;
  EXPECT_NE(xml.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
            std::string::npos);
  auto locs = between(xml, "<loc>", "</loc>");
  // home, 5 units, 2 plans, 2 reports, open data, updates, search
  ASSERT_EQ(locs.size(), 13u);
  for (const auto& loc : locs) EXPECT_EQ(loc.rfind("https://congkhai.example.vn/", 0), 0u) << loc;
  EXPECT_EQ(locs[0], "https://congkhai.example.vn/index.html");
  EXPECT_EQ(locs[6], "https://congkhai.example.vn/ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
}

TEST(Sitemap, LastmodComesFromContentDates) {
  std::string xml = write_sitemap(make_test_portal("https://x.example"), make_test_facts());
  auto urls = between(xml, "<url>", "</url>");
  auto lastmod = [&](const std::string& path) {
    for (const auto& u : urls)
      if (u.find("<loc>https://x.example/" + path + "</loc>") != std::string::npos) {
        auto m = between(u, "<lastmod>", "</lastmod>");
        return m.empty() ? std::string("-") : m[0];
      }
    return std::string("?");
  };
  EXPECT_EQ(lastmod("ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html"), "2023-04-05");
  EXPECT_EQ(lastmod("thai-nguyen/dinh-hoa/ke-hoach/2026/index.html"), "2026-01");
  EXPECT_EQ(lastmod("ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html"), "2023-04-05");
  EXPECT_EQ(lastmod("ha-tinh/index.html"), "2023-04-05");  // latest below it
  EXPECT_EQ(lastmod("thai-nguyen/index.html"), "2026-01");
  EXPECT_EQ(lastmod("index.html"), "2026-01");
  EXPECT_EQ(lastmod("tim-kiem/index.html"), "-");
  // The updates page lists reports and progress, not plans: its newest item is the report of
  // 2023-06-01, not the 2026 plan.
  EXPECT_EQ(lastmod("cap-nhat/index.html"), "2023-06-01");
}

std::string lastmod_of(const std::string& xml, const std::string& path) {
  for (const auto& u : between(xml, "<url>", "</url>"))
    if (u.find("/" + path + "</loc>") != std::string::npos) {
      auto m = between(u, "<lastmod>", "</lastmod>");
      return m.empty() ? std::string("-") : m[0];
    }
  return "?";
}

// A report dated after the reference date (2023-06-30) is published: its own page, and its
// unit's and plan's pages, which list every report. The updates page and the feeds leave it
// out until that date, so their lastmod does not move.
TEST(Sitemap, ReportAfterTheReferenceDateMovesOnlyThePagesThatShowIt) {
  Portal portal = make_test_portal("https://x.example");
  PortalFacts facts = make_test_facts();
  Report later = portal.reports[0];
  later.id = "2023-q3";
  later.date = {2023, 7, 10};
  portal.reports.push_back(later);
  portal.units[later.unit].reports.push_back(2);
  facts.plans[0].reports.insert(facts.plans[0].reports.begin(), 2);
  facts.plans[0].last_updated = later.date;  // as derive_facts gives it
  std::string xml = write_sitemap(portal, facts);
  EXPECT_EQ(lastmod_of(xml, "ha-tinh/huong-son/son-lam/bao-cao/2023-q3/index.html"), "2023-07-10");
  EXPECT_EQ(lastmod_of(xml, "ha-tinh/huong-son/son-lam/index.html"), "2023-07-10");
  EXPECT_EQ(lastmod_of(xml, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html"), "2023-07-10");
  EXPECT_EQ(lastmod_of(xml, "cap-nhat/index.html"), "2023-06-01");
  // A month-only date counts from its end: "2023-07" is not by 2023-06-30 either.
  portal.reports[2].date = {2023, 7, 0};
  EXPECT_EQ(lastmod_of(write_sitemap(portal, facts), "cap-nhat/index.html"), "2023-06-01");
}

TEST(Robots, PointsToTheSitemapOnlyWhenThereIsOne) {
  Site site;
  std::string without = write_robots(site);
  EXPECT_NE(without.find("User-agent: *\nDisallow:\n"), std::string::npos);
  EXPECT_EQ(without.find("Sitemap:"), std::string::npos);
  EXPECT_NE(without.find("base_url"), std::string::npos);  // says why
  site.base_url = "https://congkhai.example.vn/";
  EXPECT_NE(write_robots(site).find("\nSitemap: https://congkhai.example.vn/sitemap.xml\n"),
            std::string::npos);
}

}  // namespace
}  // namespace congkhai
