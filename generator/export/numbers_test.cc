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

TEST(NumbersTest, HugeTinyAndNegativeZero) {
  EXPECT_EQ(format_number(1e17), "100000000000000000");
  EXPECT_EQ(format_number(-9.3e18), "-9300000000000000000");
  EXPECT_EQ(format_number(std::numeric_limits<double>::max()).size(), 309u);
  EXPECT_EQ(format_number(-std::numeric_limits<double>::max()).size(), 310u);
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(1e-5), "0.00001");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::denorm_min()).substr(0, 8), "-0.00000");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::denorm_min()).back(), '5');
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "");
}

}  // namespace
}  // namespace congkhai
