#include "serve/request_path.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(SitePathForTarget, MapsFoldersToTheirIndex) {
  EXPECT_EQ(site_path_for_target("/"), "index.html");
  EXPECT_EQ(site_path_for_target("/ha-tinh/son-lam/"), "ha-tinh/son-lam/index.html");
  EXPECT_EQ(site_path_for_target("/ha-tinh/son-lam"), "ha-tinh/son-lam");
  EXPECT_EQ(site_path_for_target("/a//b/?q=1#x"), "a/b/index.html");
  EXPECT_EQ(site_path_for_target("/tep/bao%20cao.pdf"), "tep/bao cao.pdf");
  EXPECT_EQ(site_path_for_target("/tim-kiem/?q=../../etc"), "tim-kiem/index.html");
}

TEST(SitePathForTarget, RefusesEverythingThatCouldLeaveTheSite) {
  for (const char* t : {"/../etc/passwd", "/a/../../etc/passwd", "/..", "/%2e%2e/etc/passwd",
                        "/%2E%2e/%2e%2E/etc/passwd", "/a/%2e%2e%2fb", "/a%2f..%2f..%2fetc", "/./a",
                        "/a/.", "/a%00.html", "/a\\..\\b", "/a%5c..%5cb", "http://example.org/",
                        "etc/passwd", "", "*", "/%", "/%2", "/%zz", "/a\nb"})
    EXPECT_EQ(site_path_for_target(t), std::nullopt) << t;
}

TEST(SitePathForTarget, AllowsDotsInsideNames) {
  EXPECT_EQ(site_path_for_target("/assets/site..css"), "assets/site..css");
  EXPECT_EQ(site_path_for_target("/...."), "....");
}

}  // namespace
}  // namespace congkhai
