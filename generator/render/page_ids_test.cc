#include "render/page_ids.h"

#include <gtest/gtest.h>

#include <chrono>

namespace congkhai {
namespace {

TEST(PageIdsTest, TakenIdsGetTheFirstFreeSuffix) {
  PageIds ids = {"noi-dung", "muc-3"};
  EXPECT_EQ(ids.take("noi-dung"), "noi-dung-2");
  EXPECT_EQ(ids.take("noi-dung"), "noi-dung-3");
  EXPECT_EQ(ids.take("muc"), "muc");
  EXPECT_EQ(ids.take("muc"), "muc-2");
  EXPECT_EQ(ids.take("muc"), "muc-4");  // muc-3 is the page's own
  // A heading whose own text slugs to a suffixed id takes it; the counter skips it.
  EXPECT_EQ(ids.take("a-2"), "a-2");
  EXPECT_EQ(ids.take("a"), "a");
  EXPECT_EQ(ids.take("a"), "a-3");
  EXPECT_TRUE(ids.contains("a-3"));
  EXPECT_FALSE(ids.contains("a-4"));
}

TEST(PageIdsTest, ManyHeadingsWithOneTextTakeLinearTime) {
  PageIds ids;
  const auto start = std::chrono::steady_clock::now();
  std::string last;
  for (int i = 0; i < 100000; ++i) last = ids.take("a");
  EXPECT_EQ(last, "a-100000");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace congkhai
