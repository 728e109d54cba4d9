#include "derive/reference_date.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

constexpr long long kNow = 1700000000;  // 2023-11-14T22:13:20Z

TEST(ResolveReferenceDate, AsOfFlagWinsOverSourceDateEpoch) {
  ReferenceDateError error;
  EXPECT_EQ(resolve_reference_date("1704067199", "2020-01-01", kNow, &error), (Date{2020, 1, 1}));
  EXPECT_TRUE(error.message.empty());
}

TEST(ResolveReferenceDate, AnInvalidAsOfIsReportedEvenWithSourceDateEpoch) {
  ReferenceDateError error;
  EXPECT_FALSE(resolve_reference_date("1704067199", "2023-02-30", kNow, &error));
  EXPECT_NE(error.message.find("2023-02-30"), std::string::npos);
  EXPECT_NE(error.message_en.find("--as-of is invalid"), std::string::npos);
}

TEST(ResolveReferenceDate, AnInvalidSourceDateEpochIsReportedEvenWithAsOf) {
  ReferenceDateError error;
  EXPECT_FALSE(resolve_reference_date("soon", "2024-01-01", kNow, &error));
  EXPECT_NE(error.message_en.find("SOURCE_DATE_EPOCH"), std::string::npos);
}

TEST(ResolveReferenceDate, SourceDateEpochStandsInForTheClock) {
  ReferenceDateError error;
  EXPECT_EQ(resolve_reference_date("1704067199", "", kNow, &error), (Date{2023, 12, 31}));
  EXPECT_EQ(resolve_reference_date("1704067200", "", kNow, &error), (Date{2024, 1, 1}));
  EXPECT_EQ(resolve_reference_date("0", "", kNow, &error), (Date{1970, 1, 1}));
  EXPECT_TRUE(error.message.empty());
}

TEST(ResolveReferenceDate, EmptySourceDateEpochCountsAsUnset) {
  ReferenceDateError error;
  EXPECT_EQ(resolve_reference_date("", "2024-03-31", kNow, &error), (Date{2024, 3, 31}));
  EXPECT_EQ(resolve_reference_date("", "", kNow, &error), (Date{2023, 11, 14}));
}

TEST(ResolveReferenceDate, AsOfFlagBeforeNow) {
  ReferenceDateError error;
  EXPECT_EQ(resolve_reference_date(nullptr, "2024-02-29", kNow, &error), (Date{2024, 2, 29}));
  EXPECT_TRUE(error.message.empty());
}

TEST(ResolveReferenceDate, NowIsTheUtcDay) {
  ReferenceDateError error;
  EXPECT_EQ(resolve_reference_date(nullptr, "", kNow, &error), (Date{2023, 11, 14}));
  EXPECT_EQ(resolve_reference_date(nullptr, "", 1704067199, &error), (Date{2023, 12, 31}));
}

TEST(ResolveReferenceDate, InvalidSourceDateEpoch) {
  for (const char* bad : {"abc", "-1", "+5", "12.5", " 1700000000", "1700000000 ", "1e9",
                          "99999999999999999999999", "253402300800"}) {
    ReferenceDateError error;
    EXPECT_FALSE(resolve_reference_date(bad, "2024-01-01", kNow, &error)) << bad;
    EXPECT_NE(error.message.find("SOURCE_DATE_EPOCH"), std::string::npos) << bad;
  }
}

TEST(ResolveReferenceDate, InvalidAsOf) {
  for (const char* bad : {"2024-02-30", "2024-13-01", "2024-03", "2024", "31/03/2024", "hôm nay", "2024-3-1"}) {
    ReferenceDateError error;
    EXPECT_FALSE(resolve_reference_date(nullptr, bad, kNow, &error)) << bad;
    EXPECT_NE(error.message.find("--as-of"), std::string::npos) << bad;
    EXPECT_NE(error.message.find(bad), std::string::npos) << bad;
  }
}

TEST(ResolveReferenceDate, NullErrorIsAllowed) {
  EXPECT_FALSE(resolve_reference_date("x", "", kNow, nullptr));
  EXPECT_FALSE(resolve_reference_date(nullptr, "x", kNow, nullptr));
}

TEST(ResolveReferenceDate, ClockOutOfRange) {
  ReferenceDateError error;
  EXPECT_FALSE(resolve_reference_date(nullptr, "", -5, &error));
  EXPECT_FALSE(error.message.empty());
  EXPECT_FALSE(error.message_en.empty());
}

TEST(DateFromEpochSeconds, FloorsNegativeTimes) {
  EXPECT_EQ(date_from_epoch_seconds(-1), (Date{1969, 12, 31}));
  EXPECT_EQ(date_from_epoch_seconds(86399), (Date{1970, 1, 1}));
  EXPECT_EQ(date_from_epoch_seconds(951782400), (Date{2000, 2, 29}));
  EXPECT_EQ(date_from_epoch_seconds(253402300799LL), (Date{9999, 12, 31}));
}

TEST(DatedBy, PartialDatesCountFromTheirEnd) {
  const Date as_of{2023, 6, 30};
  EXPECT_TRUE(dated_by({2023, 6, 30}, as_of));
  EXPECT_FALSE(dated_by({2023, 7, 1}, as_of));
  EXPECT_TRUE(dated_by({2023, 6, 0}, as_of));
  EXPECT_FALSE(dated_by({2023, 6, 0}, {2023, 6, 15}));
  EXPECT_FALSE(dated_by({2023, 0, 0}, as_of));
  EXPECT_TRUE(dated_by({2030, 1, 1}, {}));  // no reference date: everything counts
}

}  // namespace
}  // namespace congkhai
