#include "derive/timeframe.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {
TEST(Timeframe, Smoke) { EXPECT_EQ(parse_timeframe("Tháng 3 năm 2023", 2023).kind, Timeframe::Kind::kDue); }
}  // namespace
}  // namespace congkhai
