#include "model/urls.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(RelativeLink, SiblingFolders) {
  EXPECT_EQ(relative_link("a/b/index.html", "a/c/index.html"), "../c/index.html");
}

TEST(RelativeLink, FromRootAndToRoot) {
  EXPECT_EQ(relative_link("index.html", "a/b/index.html"), "a/b/index.html");
  EXPECT_EQ(relative_link("a/b/index.html", "index.html"), "../../index.html");
  EXPECT_EQ(relative_link("index.html", "index.html"), "index.html");
}

TEST(RelativeLink, DeeperTarget) {
  EXPECT_EQ(relative_link("a/index.html", "a/ke-hoach/2023/index.html"), "ke-hoach/2023/index.html");
  EXPECT_EQ(relative_link("a/ke-hoach/2023/index.html", "tep/a/x.pdf"), "../../../tep/a/x.pdf");
}

TEST(PercentEncodePath, KeepsSlugsAndSlashes) {
  EXPECT_EQ(percent_encode_path("../../tep/ha-tinh/x_1.v2~a.pdf"), "../../tep/ha-tinh/x_1.v2~a.pdf");
}

// Each of these would otherwise end the path early ("#", "?"), be read as an escape ("%") or
// make an invalid URL (space).
TEST(PercentEncodePath, EncodesDelimitersSpacesAndPercent) {
  EXPECT_EQ(percent_encode_path("tep/bao cao #1?v=2 50%.pdf"), "tep/bao%20cao%20%231%3Fv%3D2%2050%25.pdf");
  EXPECT_EQ(percent_encode_path("a+b(1)'&;,.pdf"), "a%2Bb%281%29%27%26%3B%2C.pdf");
}

// Vietnamese letters go as their UTF-8 bytes, which browsers show decoded in the address bar.
TEST(PercentEncodePath, EncodesUtf8Bytes) {
  EXPECT_EQ(percent_encode_path("tep/Báo cáo.pdf"), "tep/B%C3%A1o%20c%C3%A1o.pdf");
  EXPECT_EQ(percent_encode_path("kế hoạch"), "k%E1%BA%BF%20ho%E1%BA%A1ch");
}

TEST(FileLink, IsRelativeAndEncoded) {
  EXPECT_EQ(file_link("a/bao-cao/q1/index.html", "a/reports/Báo cáo #1.pdf"),
            "../../../tep/a/reports/B%C3%A1o%20c%C3%A1o%20%231.pdf");
}

TEST(RootPrefix, CountsFolders) {
  EXPECT_EQ(root_prefix("index.html"), "");
  EXPECT_EQ(root_prefix("a/b/index.html"), "../../");
}

TEST(Urls, PlanAndReportPagesSitUnderTheirUnit) {
  Portal p;
  Unit u;
  u.url_path = "ha-tinh/huong-son/son-lam";
  p.units.push_back(u);
  Plan plan;
  plan.unit = 0;
  plan.id = "2023";
  Report r;
  r.unit = 0;
  r.id = "quy-1";
  EXPECT_EQ(plan_page(p, plan), "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_EQ(report_page(p, r), "ha-tinh/huong-son/son-lam/bao-cao/quy-1/index.html");
  EXPECT_TRUE(is_reserved_slug("ke-hoach"));
  EXPECT_TRUE(is_reserved_slug("cap-nhat")) << "the updates page";
  EXPECT_FALSE(is_reserved_slug("son-lam"));
}

TEST(Urls, UpdatesPageAndFeeds) {
  Unit u;
  u.url_path = "ha-tinh/huong-son";
  EXPECT_EQ(updates_page(), "cap-nhat/index.html");
  EXPECT_EQ(portal_feed(), "feed.xml");
  EXPECT_EQ(unit_feed(u), "ha-tinh/huong-son/feed.xml");
  EXPECT_EQ(relative_link(unit_page(u), unit_feed(u)), "feed.xml");
}

TEST(Urls, APlansPortalPathIsReadFromItsPageAddressToo) {
  EXPECT_EQ(normal_plan_path("ha-tinh/huong-son/2023"), "ha-tinh/huong-son/2023");
  EXPECT_EQ(normal_plan_path("/ha-tinh/huong-son/2023/"), "ha-tinh/huong-son/2023");
  EXPECT_EQ(normal_plan_path("ha-tinh/huong-son/ke-hoach/2023/index.html"), "ha-tinh/huong-son/2023");
  EXPECT_EQ(normal_plan_path("ha-tinh/ke-hoach/2023"), "ha-tinh/2023");
  // Only the page's own "ke-hoach/" before the id is taken out.
  EXPECT_EQ(normal_plan_path("ha-tinh/ke-hoach/2023/x"), "ha-tinh/ke-hoach/2023/x");
  EXPECT_EQ(normal_plan_path("ha-tinh/ke-hoach"), "ha-tinh/ke-hoach");
}

}  // namespace
}  // namespace congkhai
