#include "render/format.h"

#include <gtest/gtest.h>

#include <limits>

namespace congkhai {
namespace {

TEST(FormatTest, NumbersUseTheDecimalComma) {
  EXPECT_EQ(vi_number("41.5"), "41,5");
  EXPECT_EQ(vi_number(41.5), "41,5");
  EXPECT_EQ(vi_number(60.0), "60");
  EXPECT_EQ(vi_number(1.0 / 3), "0,33");
}

TEST(FormatTest, FileSizesAndTypes) {
  EXPECT_EQ(file_size_vi(850), "0,8 KB");
  EXPECT_EQ(file_size_vi(1000), "1 KB");
  EXPECT_EQ(file_size_vi(1536), "1,5 KB");
  EXPECT_EQ(file_size_vi(20), "0,1 KB");
  EXPECT_EQ(file_size_vi(0), "0 KB");
  EXPECT_EQ(file_size_vi(12 * 1024), "12 KB");
  EXPECT_EQ(file_size_vi(1258291), "1,2 MB");
  EXPECT_EQ(file_type("a/bao-cao.q1.pdf"), "PDF");
  EXPECT_EQ(file_type("a.b/README"), "");
}

TEST(FormatTest, DateLineAsPrinted) {
  Plan p;
  p.place = "Định Hoá";
  p.date = Date{2023, 3, 3};
  EXPECT_EQ(date_line(p), "Định Hoá, ngày 03 tháng 03 năm 2023");
  p.place.clear();
  p.date = Date{2026, 1, 0};
  EXPECT_EQ(date_line(p), "ngày … tháng 01 năm 2026");
  p.date.reset();
  EXPECT_EQ(date_line(p), "");
}

TEST(FormatTest, PlanLabelKeepsBlankNumbersOut) {
  Plan p;
  p.year = 2026;
  p.number = "/KH-UBND";
  EXPECT_EQ(plan_label(p), "Kế hoạch năm 2026");
  p.number = "28/KH-UBND";
  EXPECT_EQ(plan_label(p), "Kế hoạch số 28/KH-UBND");
}

TEST(FormatTest, UnreportedTasksDoNotClaimAStatus) {
  TaskFacts f;
  EXPECT_EQ(status_label(f).text, "Chưa có báo cáo");
  f.reported = true;
  EXPECT_EQ(status_label(f).text, "Chưa bắt đầu");
  f.status = TaskStatus::kInProgress;
  EXPECT_EQ(status_label(f).key, "in-progress");
}

TEST(FormatTest, NumbersOfAnySizeAndSign) {
  EXPECT_EQ(vi_number(1e17), "100000000000000000");
  EXPECT_EQ(vi_number(-1e17), "-100000000000000000");
  EXPECT_EQ(vi_number(1e300).size(), 301u);  // was cut at 63 characters
  EXPECT_EQ(vi_number(-std::numeric_limits<double>::max()).size(), 310u);
  EXPECT_EQ(vi_number(-0.0), "0");
  EXPECT_EQ(vi_number(-0.001), "0");
  EXPECT_EQ(vi_number(1e-300), "0");
  EXPECT_EQ(vi_number(0.125), "0,12");
  EXPECT_EQ(vi_number(-41.5), "-41,5");
  EXPECT_EQ(vi_number(std::numeric_limits<double>::infinity()), "");
  EXPECT_EQ(file_size_vi(std::numeric_limits<long long>::max()), "8796093022208 MB");
}

}  // namespace
TEST(WithAbbreviations, ExplainsEachAbbreviationOnItsFirstUseOnly) {
  std::set<std::string> explained;
  EXPECT_EQ(with_abbreviations("Văn phòng HĐND - UBND xã <b>", &explained),
            "Văn phòng <abbr title=\"Hội đồng nhân dân\">HĐND</abbr> - <abbr title=\"Ủy ban nhân dân\">UBND</abbr> xã &lt;b&gt;");
  EXPECT_EQ(with_abbreviations("UBND huyện; kiểm soát TTHC", &explained),
            "UBND huyện; kiểm soát <abbr title=\"thủ tục hành chính\">TTHC</abbr>");
  // Not inside a longer word.
  EXPECT_EQ(with_abbreviations("DVCX xDVC DVC", &explained), "DVCX xDVC <abbr title=\"dịch vụ công\">DVC</abbr>");
}

}  // namespace congkhai
