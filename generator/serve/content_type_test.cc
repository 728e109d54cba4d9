#include "serve/content_type.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(ContentTypeFor, KnowsTheSiteFiles) {
  EXPECT_EQ(content_type_for("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/site.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("du-lieu/ke-hoach.json"), "application/json");
  EXPECT_EQ(content_type_for("du-lieu/nhiem-vu.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(content_type_for("sitemap.xml"), "application/xml");
  EXPECT_EQ(content_type_for("tep/BAO-CAO.PDF"), "application/pdf");
  EXPECT_EQ(content_type_for("tep/anh.JPG"), "image/jpeg");
  EXPECT_EQ(content_type_for("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("tep/khong-duoi"), "application/octet-stream");
  EXPECT_EQ(content_type_for("a.b/khong-duoi"), "application/octet-stream");
}

}  // namespace
}  // namespace congkhai
