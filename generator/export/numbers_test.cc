#include "export/numbers.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

namespace congkhai {
namespace {

TEST(FormatNumber, ShortestRoundTripWithoutFloatNoise) {
  EXPECT_EQ(format_number(60), "60");
  EXPECT_EQ(format_number(41.5), "41.5");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");  // a different double, kept exact
  EXPECT_EQ(format_number(99.99), "99.99");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(-0.0), "0");
}

TEST(FormatNumber, NeverUsesExponents) {
  EXPECT_EQ(format_number(1e21), "1000000000000000000000");
  EXPECT_EQ(format_number(1.5e-7), "0.00000015");
}

TEST(FormatNumber, NonFiniteIsEmpty) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "");
}

}  // namespace
}  // namespace congkhai
