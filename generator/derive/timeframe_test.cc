#include "derive/timeframe.h"

#include <gtest/gtest.h>

#include <regex>

#include "derive/real_timeframes_testing.h"

namespace congkhai {
namespace {

using Kind = Timeframe::Kind;
using Cadence = Timeframe::Cadence;

std::string cadence_name(Cadence c) {
  switch (c) {
    case Cadence::kNone: return "none";
    case Cadence::kContinuous: return "continuous";
    case Cadence::kMonthly: return "monthly";
    case Cadence::kQuarterly: return "quarterly";
    case Cadence::kYearly: return "yearly";
    case Cadence::kOnDemand: return "on_demand";
  }
  return "?";
}

// One line that says everything a test cares about, so expectations read like the spec:
// "due 2023-03-31", "period 2024-03-01..2024-12-31", "period 2024-07-01.." (no end),
// "recurring monthly 2023-01-01..2023-12-31", "recurring yearly 2024-01-01.. window 12",
// "checkpoints 2023-03-31,2023-06-30", "unscheduled", "unknown"; then "+on_demand",
// "[qualifier]" and "{part | part}" when present.
std::string summary(const Timeframe& t) {
  std::string s;
  switch (t.kind) {
    case Kind::kDue: s = "due"; break;
    case Kind::kPeriod: s = "period"; break;
    case Kind::kRecurring: s = "recurring"; break;
    case Kind::kCheckpoints: s = "checkpoints"; break;
    case Kind::kUnscheduled: s = "unscheduled"; break;
    case Kind::kUnknown: s = "unknown"; break;
  }
  if (t.kind == Kind::kRecurring) {
    for (std::size_t i = 0; i < t.cadences.size(); ++i) {
      s += i ? "," : " ";
      s += cadence_name(t.cadences[i]);
    }
  }
  if (t.kind == Kind::kCheckpoints) {
    for (std::size_t i = 0; i < t.checkpoints.size(); ++i) {
      s += i ? "," : " ";
      s += format_iso(t.checkpoints[i]);
    }
  } else if (t.start) {
    s += " " + format_iso(*t.start) + ".." + (t.due ? format_iso(*t.due) : "");
  } else if (t.due) {
    s += " " + format_iso(*t.due);
  }
  if (!t.window.empty()) {
    s += " window ";
    if (t.window.first_month) {
      s += std::to_string(t.window.first_month);
      if (t.window.last_month != t.window.first_month) s += "-" + std::to_string(t.window.last_month);
    }
    if (t.window.day) s += (t.window.first_month ? " day " : "day ") + std::to_string(t.window.day);
  }
  if (t.also_on_demand) s += " +on_demand";
  if (!t.qualifier.empty()) s += " [" + t.qualifier + "]";
  if (!t.parts.empty()) {
    s += " {";
    for (std::size_t i = 0; i < t.parts.size(); ++i) s += (i ? " | " : "") + t.parts[i];
    s += "}";
  }
  return s;
}

std::string parse(std::string_view text, int plan_year = 2023) { return summary(parse_timeframe(text, plan_year)); }

// ---- Every timeframe in GLOSSARY.md ----

TEST(ParseTimeframe, MonthAndYear) {
  EXPECT_EQ(parse("Tháng 3 năm 2023"), "due 2023-03-31");
  EXPECT_EQ(parse("Tháng 7 năm 2023"), "due 2023-07-31");
  EXPECT_EQ(parse("Tháng 01/2023"), "due 2023-01-31");
}

TEST(ParseTimeframe, Quarter) {
  EXPECT_EQ(parse("Quý II/2021", 2021), "due 2021-06-30");
  EXPECT_EQ(parse("Quý III năm 2023"), "due 2023-09-30");
}

TEST(ParseTimeframe, QuartersAndYearAreCheckpoints) {
  EXPECT_EQ(parse("Quý I, Quý II, Quý III và năm 2023"),
            "checkpoints 2023-03-31,2023-06-30,2023-09-30,2023-12-31");
}

TEST(ParseTimeframe, LatestDay) {
  EXPECT_EQ(parse("Chậm nhất ngày 25/8/2024", 2024), "due 2024-08-25");
}

TEST(ParseTimeframe, MonthRange) {
  EXPECT_EQ(parse("Từ tháng 3 đến tháng 12/2024", 2024), "period 2024-03-01..2024-12-31");
  EXPECT_EQ(parse("Từ tháng 02 đến tháng 9/2021", 2021), "period 2021-02-01..2021-09-30");
}

TEST(ParseTimeframe, Continuous) {
  EXPECT_EQ(parse("Thường xuyên"), "recurring continuous 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Thường xuyên trong năm 2023", 2024), "recurring continuous 2023-01-01..2023-12-31");
}

TEST(ParseTimeframe, Monthly) {
  Timeframe t = parse_timeframe("Hàng tháng", 2023);
  EXPECT_EQ(summary(t), "recurring monthly 2023-01-01..2023-12-31");
  ASSERT_EQ(t.checkpoints.size(), 12u);
  EXPECT_EQ(t.checkpoints[0], (Date{2023, 1, 31}));
  EXPECT_EQ(t.checkpoints[1], (Date{2023, 2, 28}));
  EXPECT_EQ(t.checkpoints[11], (Date{2023, 12, 31}));
  EXPECT_EQ(parse_timeframe("Hàng tháng", 2024).checkpoints[1], (Date{2024, 2, 29}));
}

TEST(ParseTimeframe, QuarterlyAndYearly) {
  Timeframe t = parse_timeframe("Định kỳ hàng quý, năm", 2023);
  EXPECT_EQ(summary(t), "recurring quarterly,yearly 2023-01-01..2023-12-31");
  EXPECT_EQ(t.checkpoints, (std::vector<Date>{{2023, 3, 31}, {2023, 6, 30}, {2023, 9, 30}, {2023, 12, 31}}));
}

TEST(ParseTimeframe, WithinYear) {
  EXPECT_EQ(parse("Trong năm 2023"), "due 2023-12-31");
  EXPECT_EQ(parse("Năm 2023"), "due 2023-12-31");
}

TEST(ParseTimeframe, SetByAnotherDocument) {
  EXPECT_EQ(parse("Theo kế hoạch"), "unscheduled");
  EXPECT_EQ(parse("Theo kế hoạch cụ thể"), "unscheduled");
  EXPECT_EQ(parse("Theo tiến độ phê duyệt"), "unscheduled");
}

TEST(ParseTimeframe, PeriodicAndAdHocHasNoDate) {
  // "định kỳ" names no interval, so nothing can be derived but "also when needed".
  EXPECT_EQ(parse("Theo định kỳ và đột xuất"), "unscheduled +on_demand");
}

TEST(ParseTimeframe, OnRequestOrContinuous) {
  EXPECT_EQ(parse("Theo yêu cầu hoặc thường xuyên trong năm 2024", 2024),
            "recurring continuous 2024-01-01..2024-12-31 +on_demand");
}

TEST(ParseTimeframe, DateWithQualifier) {
  EXPECT_EQ(parse("Tháng 6 năm 2023 và theo Kế hoạch của UBND tỉnh"),
            "due 2023-06-30 [và theo Kế hoạch của UBND tỉnh]");
}

TEST(ParseTimeframe, QuarterOrAdHoc) {
  EXPECT_EQ(parse("Quý IV năm 2023 hoặc đột xuất"), "due 2023-12-31 +on_demand");
}

TEST(ParseTimeframe, YearlyUntil) {
  Timeframe t = parse_timeframe("Theo từng năm đến 2025", 2023);
  EXPECT_EQ(summary(t), "recurring yearly 2023-01-01..2025-12-31");
  EXPECT_EQ(t.checkpoints, (std::vector<Date>{{2023, 12, 31}, {2024, 12, 31}, {2025, 12, 31}}));
}

// ---- Other forms officials write ----

TEST(ParseTimeframe, DayMonthYearInWords) {
  EXPECT_EQ(parse("ngày 15 tháng 3 năm 2024"), "due 2024-03-15");
  EXPECT_EQ(parse("Ngày 15 tháng 3", 2024), "due 2024-03-15");
}

TEST(ParseTimeframe, BeforeDay) {
  EXPECT_EQ(parse("trước ngày 30/6/2024"), "due 2024-06-30");
  EXPECT_EQ(parse("Hoàn thành trước ngày 30-6-2024"), "due 2024-06-30");
  EXPECT_EQ(parse("Chậm nhất 30.6.2024"), "due 2024-06-30");
  EXPECT_EQ(parse("Trước 15/10", 2024), "due 2024-10-15");
}

TEST(ParseTimeframe, Halves) {
  EXPECT_EQ(parse("6 tháng đầu năm 2024"), "due 2024-06-30");
  EXPECT_EQ(parse("6 tháng cuối năm", 2024), "due 2024-12-31");
  EXPECT_EQ(parse("6 tháng cuối năm 2023"), "due 2023-12-31");
  EXPECT_EQ(parse("9 tháng đầu năm 2023"), "due 2023-09-30");
}

TEST(ParseTimeframe, QuarterAndMonthShortForms) {
  EXPECT_EQ(parse("Quý 2/2024"), "due 2024-06-30");
  EXPECT_EQ(parse("tháng 3/2024"), "due 2024-03-31");
  EXPECT_EQ(parse("Tháng 02/2024"), "due 2024-02-29");
  EXPECT_EQ(parse("Quý IV"), "due 2023-12-31");
  EXPECT_EQ(parse("Tháng 3", 2025), "due 2025-03-31");
  EXPECT_EQ(parse("Cuối năm 2023"), "due 2023-12-31");
}

TEST(ParseTimeframe, DayRange) {
  EXPECT_EQ(parse("từ ngày 01/3/2024 đến ngày 30/6/2024"), "period 2024-03-01..2024-06-30");
  EXPECT_EQ(parse("Từ ngày 15/3 đến 30/6/2024"), "period 2024-03-15..2024-06-30");
  EXPECT_EQ(parse("15/3 - 30/6/2024"), "period 2024-03-15..2024-06-30");
}

TEST(ParseTimeframe, RangeShortForms) {
  EXPECT_EQ(parse("Tháng 3 - tháng 12/2024"), "period 2024-03-01..2024-12-31");
  EXPECT_EQ(parse("Tháng 3 – 12/2024"), "period 2024-03-01..2024-12-31");  // en dash
  EXPECT_EQ(parse("Từ quý II đến quý IV năm 2024"), "period 2024-04-01..2024-12-31");
  EXPECT_EQ(parse("Từ tháng 3/2024"), "period 2024-03-01..");  // no end is made up
  EXPECT_EQ(parse("Từ năm 2023 đến năm 2025"), "period 2023-01-01..2025-12-31");
}

TEST(ParseTimeframe, RangeAcrossNewYear) {
  EXPECT_EQ(parse("Từ tháng 11/2023 đến tháng 2"), "period 2023-11-01..2024-02-29");
}

TEST(ParseTimeframe, ElidedUnits) {
  EXPECT_EQ(parse("Quý I, II, III năm 2024"), "checkpoints 2024-03-31,2024-06-30,2024-09-30");
  EXPECT_EQ(parse("Tháng 6 và tháng 12/2024"), "checkpoints 2024-06-30,2024-12-31");
  EXPECT_EQ(parse("Tháng 6, 12 năm 2024"), "checkpoints 2024-06-30,2024-12-31");
}

TEST(ParseTimeframe, MoreCadences) {
  EXPECT_EQ(parse("Hằng quý"), "recurring quarterly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Hàng năm"), "recurring yearly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Hàng quý, năm 2024"), "recurring quarterly 2024-01-01..2024-12-31");
  EXPECT_EQ(parse("Định kỳ hàng tháng, quý, năm"),
            "recurring monthly,quarterly,yearly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Thường xuyên, liên tục"), "recurring continuous 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Hằng năm đến hết năm 2025"), "recurring yearly 2023-01-01..2025-12-31");
  EXPECT_EQ(parse("Hàng năm 2024"), "recurring yearly 2024-01-01..2024-12-31");
  EXPECT_EQ(parse("Theo quý"), "recurring quarterly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Định kỳ tháng, quý"), "recurring monthly,quarterly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Hàng tuần"), "recurring continuous 2023-01-01..2023-12-31");  // read as ongoing
}

TEST(ParseTimeframe, CadenceWordsInsideOtherPhrases) {
  EXPECT_EQ(parse("Theo quy định"), "unscheduled");  // "quy" here is not "quý"
  EXPECT_EQ(parse("Tháng 3 năm 2023, theo quy định"), "due 2023-03-31 [theo quy định]");
}

TEST(ParseTimeframe, OnDemandAlone) {
  EXPECT_EQ(parse("Đột xuất"), "recurring on_demand +on_demand");
  EXPECT_EQ(parse("Theo yêu cầu"), "recurring on_demand +on_demand");
  EXPECT_EQ(parse("Khi có yêu cầu"), "recurring on_demand +on_demand");
}

TEST(ParseTimeframe, RecurringWithQualifier) {
  EXPECT_EQ(parse("Thường xuyên theo kế hoạch"), "recurring continuous 2023-01-01..2023-12-31 [theo kế hoạch]");
  EXPECT_EQ(parse("Hàng tháng (trước ngày 20)"), "recurring monthly 2023-01-01..2023-12-31 [(trước ngày 20)]");
}

TEST(ParseTimeframe, TrailingPunctuationIsIgnored) {
  EXPECT_EQ(parse("Tháng 3 năm 2023."), "due 2023-03-31");
  EXPECT_EQ(parse("  Quý II/2021;  ", 2021), "due 2021-06-30");
}

// ---- Recurring, open-ended and yearly forms: never a one-off deadline ----

TEST(ParseTimeframe, RecurringWithAStartPoint) {
  EXPECT_EQ(parse("Hằng quý, bắt đầu từ Quý I/2024", 2024), "recurring quarterly 2024-01-01..");
  EXPECT_EQ(parse("Thường xuyên, kể từ tháng 7/2024", 2024), "recurring continuous 2024-07-01..");
  EXPECT_EQ(parse("Hàng tháng, bắt đầu từ tháng 3", 2025), "recurring monthly 2025-03-01..");
  Timeframe t = parse_timeframe("Hằng quý, bắt đầu từ Quý II/2024", 2024);
  EXPECT_EQ(t.checkpoints, (std::vector<Date>{{2024, 6, 30}, {2024, 9, 30}, {2024, 12, 31}}));
  EXPECT_FALSE(deadline_of(t));
  EXPECT_TRUE(is_open_ended(t));
}

TEST(ParseTimeframe, StartWithNoEnd) {
  EXPECT_EQ(parse("Kể từ tháng 7/2024"), "period 2024-07-01..");
  EXPECT_EQ(parse("Bắt đầu từ Quý III/2024"), "period 2024-07-01..");
  EXPECT_EQ(parse("Từ năm 2024 trở đi"), "period 2024-01-01..");
  EXPECT_EQ(parse("Tháng 3/2024 trở đi"), "period 2024-03-01..");
  EXPECT_EQ(parse("Năm 2024 trở đi"), "period 2024-01-01..");
  EXPECT_EQ(parse("Từ tháng 3/2024"), "period 2024-03-01..");
  EXPECT_FALSE(deadline_of(parse_timeframe("Kể từ tháng 7/2024", 2024)));
}

TEST(ParseTimeframe, AndTheFollowingYears) {
  EXPECT_EQ(parse("Năm 2024 và các năm tiếp theo", 2024), "recurring yearly 2024-01-01..");
  EXPECT_EQ(parse("Thường xuyên trong năm 2024 và các năm tiếp theo", 2024), "recurring continuous 2024-01-01..");
  EXPECT_EQ(parse("Quý I/2024 và những năm tiếp theo", 2024), "recurring yearly 2024-01-01.. window 1-3");
  EXPECT_EQ(parse("Tháng 12/2024 và các năm sau", 2024), "recurring yearly 2024-12-01.. window 12");
  EXPECT_EQ(parse("Hằng quý năm 2025 và các năm tiếp theo", 2025), "recurring quarterly 2025-01-01..");
  // Before: read as a one-off deadline on 31/12/2024, so the duty turned "overdue" in January.
  EXPECT_FALSE(deadline_of(parse_timeframe("Năm 2024 và các năm tiếp theo", 2024)));
  EXPECT_EQ(parse("và các năm tiếp theo"), "unknown");
}

TEST(ParseTimeframe, YearlyWindows) {
  EXPECT_EQ(parse("Tháng 12 hằng năm", 2024), "recurring yearly 2024-01-01..2024-12-31 window 12");
  EXPECT_EQ(parse("Từ tháng 3 đến tháng 5 hằng năm", 2024),
            "recurring yearly 2024-01-01..2024-12-31 window 3-5");
  EXPECT_EQ(parse("Quý IV hàng năm", 2024), "recurring yearly 2024-01-01..2024-12-31 window 10-12");
  EXPECT_EQ(parse("Trước ngày 15/12 hằng năm", 2024), "recurring yearly 2024-01-01..2024-12-31 window 12 day 15");
  EXPECT_EQ(parse("Hằng năm, vào tháng 6", 2024), "recurring yearly 2024-01-01..2024-12-31 window 6");
  EXPECT_EQ(parse("Ngày 20 hằng tháng", 2024), "recurring monthly 2024-01-01..2024-12-31 window day 20");
  Timeframe t = parse_timeframe("Tháng 3 hằng năm", 2024);
  EXPECT_EQ(t.checkpoints, (std::vector<Date>{{2024, 3, 31}}));
  EXPECT_FALSE(deadline_of(t));
  EXPECT_EQ(parse_timeframe("Ngày 31 hằng tháng", 2024).checkpoints[1], (Date{2024, 2, 29}));
  // A window with a stated year, or with another cadence, is not guessed.
  EXPECT_EQ(parse("Tháng 12/2024 hằng năm", 2024), "unknown");
  EXPECT_EQ(parse("Tháng 12 hằng quý", 2024), "unknown");
  EXPECT_EQ(parse("Từ tháng 11 đến tháng 2 hằng năm", 2024), "unknown");
}

TEST(ParseTimeframe, PeriodEndingWithAnEvent) {
  EXPECT_EQ(parse("Từ tháng 3/2024 đến khi kết thúc dự án"),
            "period 2024-03-01.. [đến khi kết thúc dự án]");
  EXPECT_EQ(parse("Từ tháng 6 cho đến khi hoàn thành", 2024), "period 2024-06-01.. [cho đến khi hoàn thành]");
  EXPECT_EQ(parse("Hằng tháng, từ tháng 3/2024 đến khi kết thúc"),
            "recurring monthly 2024-03-01.. [đến khi kết thúc]");
  EXPECT_FALSE(deadline_of(parse_timeframe("Từ tháng 3/2024 đến khi kết thúc dự án", 2024)));
}

TEST(ParseTimeframe, SeveralActorsOneCell) {
  EXPECT_EQ(parse("UBND cấp xã: trước ngày 15/11/2024; Văn phòng UBND huyện: trước ngày 30/11/2024"),
            "checkpoints 2024-11-15,2024-11-30 {UBND cấp xã: hạn 15/11/2024 | Văn phòng UBND huyện: "
            "hạn 30/11/2024}");
  EXPECT_EQ(parse("- Cấp xã: Quý II/2024\n- Cấp huyện: Quý III/2024"),
            "checkpoints 2024-06-30,2024-09-30 {Cấp xã: hạn 30/06/2024 | Cấp huyện: hạn 30/09/2024}");
  EXPECT_EQ(parse("Quý I/2024 (cấp xã);\nQuý II/2024 (cấp huyện)"),
            "checkpoints 2024-03-31,2024-06-30 {hạn 31/03/2024 (cấp xã) | hạn 30/06/2024 (cấp huyện)}");
  EXPECT_EQ(parse("Cấp xã: thường xuyên; cấp huyện: hằng quý", 2024),
            "recurring continuous,quarterly {Cấp xã: thường xuyên trong năm 2024 | cấp huyện: hằng quý}");
  // The task's deadline is the last one: nothing of it is due later.
  EXPECT_EQ(deadline_of(parse_timeframe("Cấp xã: Quý II/2024; Cấp huyện: Quý III/2024", 2024)),
            (Date{2024, 9, 30}));
  // A deadline for some and none for others, or a part not understood: no deadline at all.
  EXPECT_EQ(parse("Cấp xã: thường xuyên; Cấp huyện: Quý III/2024"), "unknown");
  EXPECT_EQ(parse("Cấp xã: Quý II/2024; Cấp huyện: sau khi có hướng dẫn rồi xem"), "unknown");
  EXPECT_EQ(parse("Tháng 3/2024 đối với cấp xã, tháng 6/2024 đối với cấp huyện"), "unknown");
}

TEST(ParseTimeframe, SentencesAroundTheForm) {
  EXPECT_EQ(parse("Thực hiện thường xuyên."), "recurring continuous 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Triển khai thực hiện trong Quý II/2024."), "due 2024-06-30");
  EXPECT_EQ(parse("Thời gian thực hiện: Tháng 3/2024"), "due 2024-03-31");
  EXPECT_EQ(parse("Tổ chức thực hiện theo kế hoạch"), "unscheduled");
  EXPECT_EQ(parse("Thực hiện"), "unknown");
}

TEST(ParseTimeframe, BeforeAMonthEndsTheMonthBefore) {
  EXPECT_EQ(parse("Trước tháng 10/2024"), "due 2024-09-30");
  EXPECT_EQ(parse("Hoàn thành trước Quý IV/2024"), "due 2024-09-30");
  EXPECT_EQ(parse("Trước năm 2025"), "due 2024-12-31");
  EXPECT_EQ(parse("Trước ngày 30/6/2024"), "due 2024-06-30");  // a day is read as meant
}

TEST(ParseTimeframe, DeadlineWithMoreWhenLeftOverIsUnknown) {
  // Text after a deadline that says when changes it: no deadline rather than the wrong one.
  EXPECT_EQ(parse("Tháng 12/2024, sau đó thực hiện hằng năm"), "unknown");
  EXPECT_EQ(parse("Quý I/2024 đối với cấp xã, Quý II/2024 đối với cấp huyện"), "unknown");
  EXPECT_EQ(parse("Trước ngày 10/07 của năm báo cáo"), "unknown");
  EXPECT_EQ(parse("Tháng 6 năm 2023 và theo Kế hoạch của UBND tỉnh"),
            "due 2023-06-30 [và theo Kế hoạch của UBND tỉnh]");
  // Without a deadline the remark does no harm and is kept.
  EXPECT_EQ(parse("Hàng tháng (trước ngày 20)"), "recurring monthly 2023-01-01..2023-12-31 [(trước ngày 20)]");
}

TEST(ParseTimeframe, PeriodicWithinAYearHasNoDeadline) {
  EXPECT_EQ(parse("Định kỳ hoặc đột xuất trong năm 2024."), "unscheduled +on_demand");
}

// ---- Spelling variants read the same ----

TEST(ParseTimeframe, WithoutDiacritics) {
  EXPECT_EQ(parse("Quy II/2021"), "due 2021-06-30");
  EXPECT_EQ(parse("thang 3 nam 2023"), "due 2023-03-31");
  EXPECT_EQ(parse("Thuong xuyen trong nam 2023"), "recurring continuous 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Tu thang 3 den thang 12/2024"), "period 2024-03-01..2024-12-31");
  EXPECT_EQ(parse("Quy IV nam 2023 hoac dot xuat"), "due 2023-12-31 +on_demand");
  EXPECT_EQ(parse("Dinh ky hang quy, nam"), "recurring quarterly,yearly 2023-01-01..2023-12-31");
  EXPECT_EQ(parse("Cham nhat ngay 25/8/2024"), "due 2024-08-25");
}

TEST(ParseTimeframe, UpperCaseAndSpacing) {
  EXPECT_EQ(parse("QUÝ  II / 2021"), "due 2021-06-30");
  EXPECT_EQ(parse("THÁNG 3 NĂM 2023"), "due 2023-03-31");
  EXPECT_EQ(parse("Quý\u00a0II/2021"), "due 2021-06-30");  // no-break space from word processors
  EXPECT_EQ(parse("\tTháng   3\tnăm 2023 "), "due 2023-03-31");
}

TEST(ParseTimeframe, LineBreaks) {
  EXPECT_EQ(parse("Quý I, Quý II,\nQuý III và\r\nnăm 2023"),
            "checkpoints 2023-03-31,2023-06-30,2023-09-30,2023-12-31");
  EXPECT_EQ(parse("Tháng 6 năm 2023 và theo\nKế hoạch của  UBND tỉnh"),
            "due 2023-06-30 [và theo Kế hoạch của UBND tỉnh]");
}

TEST(ParseTimeframe, HangAndHang) {
  EXPECT_EQ(parse("Hằng tháng"), parse("Hàng tháng"));
}

TEST(ParseTimeframe, YearForms) {
  EXPECT_EQ(parse("Tháng 3/2023"), parse("Tháng 3 năm 2023"));
  EXPECT_EQ(parse("Quý III/2023"), parse("Quý III năm 2023"));
  EXPECT_EQ(parse("Quý 3 năm 2023"), parse("Quý III năm 2023"));
  EXPECT_EQ(parse("Quý III-2023"), parse("Quý III năm 2023"));
}

TEST(ParseTimeframe, DecomposedInput) {
  // "Quý II/2021" and "Tháng 3 năm 2023" in NFD: base letters followed by combining marks.
  EXPECT_EQ(parse("Quy\xCC\x81 II/2021"), "due 2021-06-30");
  EXPECT_EQ(parse("Tha\xCC\x81ng 3 na\xCC\x86m 2023"), "due 2023-03-31");
  EXPECT_EQ(parse("Thu\xCC\x9Bo\xCC\x9B\xCC\x80ng xuye\xCC\x82n"), "recurring continuous 2023-01-01..2023-12-31");
}

TEST(ParseTimeframe, QualifierKeepsTheTextAsWritten) {
  Timeframe t = parse_timeframe("Tha\xCC\x81ng 6 na\xCC\x86m 2023 va\xCC\x80 theo Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h", 2023);
  EXPECT_EQ(t.qualifier, "và theo Kế hoạch");  // returned in NFC
  EXPECT_EQ(t.raw, "Tha\xCC\x81ng 6 na\xCC\x86m 2023 va\xCC\x80 theo Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h");
}

TEST(ParseTimeframe, PlanYearFillsMissingYear) {
  EXPECT_EQ(parse("Quý I", 2022), "due 2022-03-31");
  EXPECT_EQ(parse("Tháng 3 và tháng 9", 2022), "checkpoints 2022-03-31,2022-09-30");
  EXPECT_EQ(parse("Thường xuyên", 2025), "recurring continuous 2025-01-01..2025-12-31");
}

TEST(ParseTimeframe, UnknownPlanYearLeavesYearlessDatesUnknown) {
  EXPECT_EQ(parse("Tháng 3", 0), "unknown");
  EXPECT_EQ(parse("Tháng 3/2024", 0), "due 2024-03-31");
  EXPECT_EQ(parse("Thường xuyên", 0), "recurring continuous");
}

TEST(ParseTimeframe, KeepsRaw) {
  EXPECT_EQ(parse_timeframe("Quý II/2021", 2021).raw, "Quý II/2021");
  EXPECT_EQ(parse_timeframe("Sau khi có hướng dẫn???", 2021).raw, "Sau khi có hướng dẫn???");
}

// ---- Negative cases: never a crash, never a made-up date ----

TEST(ParseTimeframe, ImpossibleDatesAreUnknown) {
  EXPECT_EQ(parse("ngày 31/2/2024"), "unknown");
  EXPECT_EQ(parse("ngày 29/2/2023"), "unknown");
  EXPECT_EQ(parse("ngày 32/1/2024"), "unknown");
  EXPECT_EQ(parse("Tháng 13/2024"), "unknown");
  EXPECT_EQ(parse("Tháng 0/2024"), "unknown");
  EXPECT_EQ(parse("Quý V/2024"), "unknown");
  EXPECT_EQ(parse("Quý 5 năm 2024"), "unknown");
  EXPECT_EQ(parse("ngày 31 tháng 4 năm 2024"), "unknown");
  EXPECT_EQ(parse("Từ tháng 12/2024 đến tháng 3/2024"), "unknown");
  EXPECT_EQ(parse("ngày 29/2", 2023), "unknown");
  EXPECT_EQ(parse("ngày 29/2", 2024), "due 2024-02-29");
}

TEST(ParseTimeframe, NonsenseIsUnknown) {
  EXPECT_EQ(parse(""), "unknown");
  EXPECT_EQ(parse("   \n "), "unknown");
  EXPECT_EQ(parse("Sau khi có hướng dẫn của tỉnh"), "unscheduled");
  EXPECT_EQ(parse("Chưa xác định"), "unknown");
  EXPECT_EQ(parse("2023-2025-2027"), "unknown");
  EXPECT_EQ(parse("ngày"), "unknown");
  EXPECT_EQ(parse("Tháng"), "unknown");
  EXPECT_EQ(parse("Quý"), "unknown");
  EXPECT_EQ(parse("/ / - ,"), "unknown");
  EXPECT_EQ(parse("99999999999999999999"), "unknown");
  EXPECT_EQ(parse("Quý I năm sau"), "unknown");
}

TEST(ParseTimeframe, LongCellsAreReadInLinearTime) {
  // 60 000 dates with no year each take theirs from the next one stated: one pass, not one
  // scan per date (which took minutes).
  std::string many;
  for (int i = 0; i < 60000; ++i) many += "Quý I, ";
  EXPECT_EQ(parse(many + "Quý II năm 2024"), "checkpoints 2024-03-31,2024-06-30");
  std::string actors;
  for (int i = 0; i < 20000; ++i) actors += "Cấp xã: Quý I/2024;\n";
  EXPECT_EQ(parse_timeframe(actors, 2024).kind, Kind::kCheckpoints);
}

TEST(ParseTimeframe, FailedDateAfterGoodOneIsUnknown) {
  EXPECT_EQ(parse("Tháng 3 năm 2023 và tháng 13"), "unknown");
  EXPECT_EQ(parse("Quý I/2024 và ngày 31/2/2024"), "unknown");
}

TEST(ParseTimeframe, CadenceWithDatesIsUnknown) {
  // Which one is the deadline? Shown as written rather than guessed.
  EXPECT_EQ(parse("Hàng quý, chậm nhất ngày 15/12/2023"), "unknown");
}

TEST(ParseTimeframe, InvalidUtf8DoesNotCrash) {
  EXPECT_EQ(parse("Th\xE1ng 3 \xFF\xFE n\xC4m 2023"), "unknown");
  EXPECT_EQ(parse(std::string_view("Qu\xC3", 3)), "unknown");
  EXPECT_EQ(parse(std::string("Quý II\0/2021", 13)), "due 2021-06-30");  // control characters are spaces
  EXPECT_EQ(parse("Tháng 3 năm 2023 * 2024"), "unknown");
}

// ---- Every real timeframe collected in tests/fixtures/timeframes/real.tsv ----

TEST(RealTimeframes, EachReadsAsExpected) {
  std::vector<RealTimeframe> all = real_timeframes();
  ASSERT_GE(all.size(), 50u);
  for (const RealTimeframe& r : all) {
    Timeframe t = parse_timeframe(r.text, r.year);
    EXPECT_FALSE(r.source.empty()) << "real.tsv:" << r.line << ": five tab-separated columns";
    EXPECT_EQ(summary(t), r.expected) << "real.tsv:" << r.line << ": " << r.text;
    // What has no deadline says so; what has one is a date the text names.
    if (t.kind == Kind::kUnknown) EXPECT_FALSE(deadline_of(t)) << r.text;
  }
}

// docs/content.md states how many were collected and how many are read; the figures follow
// the file.
TEST(RealTimeframes, DocsGiveTheFigures) {
  std::vector<RealTimeframe> all = real_timeframes();
  std::size_t understood = 0;
  for (const RealTimeframe& r : all) understood += parse_timeframe(r.text, r.year).kind != Kind::kUnknown;
  std::string docs = read_whole_file(std::string(CONGKHAI_SOURCE_DIR) + "/docs/content.md");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(docs, m, std::regex(R"(holds (\d+) real timeframe strings)")));
  EXPECT_EQ(std::stoul(m[1]), all.size());
  ASSERT_TRUE(std::regex_search(docs, m, std::regex(R"(reads (\d+) of them)")));
  EXPECT_EQ(std::stoul(m[1]), understood);
}

// ---- describe_timeframe ----

std::string describe(std::string_view text, int plan_year = 2023) {
  return describe_timeframe(parse_timeframe(text, plan_year));
}

TEST(DescribeTimeframe, Due) {
  EXPECT_EQ(describe("Tháng 3 năm 2023"), "hạn 31/03/2023");
  EXPECT_EQ(describe("Chậm nhất ngày 25/8/2024"), "hạn 25/08/2024");
}

TEST(DescribeTimeframe, Period) {
  EXPECT_EQ(describe("Từ tháng 3 đến tháng 12/2024"), "từ 01/03/2024 đến 31/12/2024");
}

TEST(DescribeTimeframe, Recurring) {
  EXPECT_EQ(describe("Thường xuyên trong năm 2023"), "thường xuyên trong năm 2023");
  EXPECT_EQ(describe("Thường xuyên"), "thường xuyên trong năm 2023");
  EXPECT_EQ(describe("Hàng tháng"), "hằng tháng");
  EXPECT_EQ(describe("Định kỳ hàng quý, năm"), "hằng quý và hằng năm");
  EXPECT_EQ(describe("Theo từng năm đến 2025"), "hằng năm đến năm 2025");
  EXPECT_EQ(describe("Theo yêu cầu"), "khi có yêu cầu");
  EXPECT_EQ(describe("Theo yêu cầu hoặc thường xuyên trong năm 2024"),
            "thường xuyên trong năm 2024 hoặc đột xuất");
}

TEST(DescribeTimeframe, Checkpoints) {
  EXPECT_EQ(describe("Quý I, Quý II, Quý III và năm 2023"), "các mốc: 31/03, 30/06, 30/09, 31/12/2023");
  EXPECT_EQ(describe("Tháng 12/2023 và Quý I/2024"), "các mốc: 31/12/2023, 31/03/2024");
}

TEST(DescribeTimeframe, OnDemandAndQualifier) {
  EXPECT_EQ(describe("Quý IV năm 2023 hoặc đột xuất"), "hạn 31/12/2023 hoặc đột xuất");
  EXPECT_EQ(describe("Tháng 6 năm 2023 và theo Kế hoạch của UBND tỉnh"),
            "hạn 30/06/2023 và theo Kế hoạch của UBND tỉnh");
}

TEST(DescribeTimeframe, SeparateRemarkAfterComma) {
  EXPECT_EQ(describe("Hằng năm, thời gian cụ thể theo hướng dẫn"),
            "hằng năm, thời gian cụ thể theo hướng dẫn");
  EXPECT_EQ(describe("Tháng 3 năm 2023 (sau khi có hướng dẫn)"), "hạn 31/03/2023 (sau khi có hướng dẫn)");
}

TEST(DescribeTimeframe, OpenEndedAndWindows) {
  EXPECT_EQ(describe("Kể từ tháng 7/2024", 2024), "từ 01/07/2024, không ghi hạn kết thúc");
  EXPECT_EQ(describe("Từ tháng 3/2024 đến khi kết thúc dự án", 2024), "từ 01/03/2024 đến khi kết thúc dự án");
  EXPECT_EQ(describe("Hằng quý, bắt đầu từ Quý I/2024", 2024), "hằng quý kể từ năm 2024");
  EXPECT_EQ(describe("Thường xuyên, kể từ tháng 7/2024", 2024), "thường xuyên kể từ 01/07/2024");
  EXPECT_EQ(describe("Năm 2024 và các năm tiếp theo", 2024), "hằng năm kể từ năm 2024");
  EXPECT_EQ(describe("Tháng 12 hằng năm", 2024), "hằng năm vào tháng 12");
  EXPECT_EQ(describe("Từ tháng 3 đến tháng 5 hằng năm", 2024), "hằng năm từ tháng 3 đến tháng 5");
  EXPECT_EQ(describe("Trước ngày 15/12 hằng năm", 2024), "hằng năm vào ngày 15/12");
  EXPECT_EQ(describe("Ngày 20 hằng tháng", 2024), "hằng tháng vào ngày 20");
}

TEST(DescribeTimeframe, OnePerActor) {
  EXPECT_EQ(describe("UBND cấp xã: trước ngày 15/11/2024; UBND huyện: Quý IV/2024"),
            "UBND cấp xã: hạn 15/11/2024; UBND huyện: hạn 31/12/2024");
}

TEST(DescribeTimeframe, NoFixedDate) {
  EXPECT_EQ(describe("Theo kế hoạch"), "không có thời hạn cố định");
  EXPECT_EQ(describe("Theo định kỳ và đột xuất"), "không có thời hạn cố định");
}

TEST(DescribeTimeframe, UnknownIsEmptySoTheRawTextStands) {
  EXPECT_EQ(describe("Chưa xác định"), "");
}

// ---- deadline_of ----

TEST(DeadlineOf, DueAndPeriodEnd) {
  EXPECT_EQ(deadline_of(parse_timeframe("Quý II/2021", 2021)), (Date{2021, 6, 30}));
  EXPECT_EQ(deadline_of(parse_timeframe("Từ tháng 3 đến tháng 12/2024", 2024)), (Date{2024, 12, 31}));
}

TEST(DeadlineOf, LastCheckpoint) {
  EXPECT_EQ(deadline_of(parse_timeframe("Quý I, Quý II, Quý III và năm 2023", 2023)), (Date{2023, 12, 31}));
}

TEST(DeadlineOf, NoneForRecurringUnscheduledUnknown) {
  EXPECT_FALSE(deadline_of(parse_timeframe("Thường xuyên", 2023)));
  EXPECT_FALSE(deadline_of(parse_timeframe("Hàng tháng", 2023)));
  EXPECT_FALSE(deadline_of(parse_timeframe("Theo kế hoạch", 2023)));
  EXPECT_FALSE(deadline_of(parse_timeframe("Chưa xác định", 2023)));
}

TEST(DeadlineOf, NoneForOpenEndedForms) {
  for (const char* text : {"Kể từ tháng 7/2024", "Hằng quý, bắt đầu từ Quý I/2024", "Năm 2024 và các năm tiếp theo",
                           "Tháng 12 hằng năm", "Từ tháng 3 đến tháng 5 hằng năm",
                           "Từ tháng 3/2024 đến khi kết thúc dự án", "Thực hiện thường xuyên."})
    EXPECT_FALSE(deadline_of(parse_timeframe(text, 2024))) << text;
}

TEST(IsOpenEnded, OnlyWhenNoEndIsPrinted) {
  EXPECT_TRUE(is_open_ended(parse_timeframe("Kể từ tháng 7/2024", 2024)));
  EXPECT_TRUE(is_open_ended(parse_timeframe("Năm 2024 và các năm tiếp theo", 2024)));
  EXPECT_FALSE(is_open_ended(parse_timeframe("Thường xuyên trong năm 2024", 2024)));
  EXPECT_FALSE(is_open_ended(parse_timeframe("Từ tháng 3 đến tháng 12/2024", 2024)));
  EXPECT_FALSE(is_open_ended(parse_timeframe("Tháng 12 hằng năm", 2024)));
}

}  // namespace
}  // namespace congkhai
