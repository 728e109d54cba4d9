#include "render/svg_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <clocale>
#include <regex>

namespace congkhai {
namespace {

using G = ChartGeometry;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::pair<double, double>> circles(const std::string& svg) {
  std::vector<std::pair<double, double>> out;
  std::regex re("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  return out;
}

LineChart year_2023() {
  LineChart c;
  c.from = Date{2023, 1, 1};
  c.to = Date{2023, 12, 31};
  c.unit = "%";
  c.goal = 60;
  c.label = "Tỷ lệ hồ sơ trực tuyến";
  return c;
}

TEST(SvgChartTest, OnePointPerMeasurementAtItsDateAndValue) {
  LineChart c = year_2023();
  c.points = {{Date{2023, 1, 1}, 0}, {Date{2023, 7, 2}, 50}, {Date{2023, 12, 31}, 100}};
  std::string svg = line_chart_svg(c);
  auto pts = circles(svg);
  ASSERT_EQ(pts.size(), 3u);
  // 2 July is day 182 of the 364 days between 1 January and 31 December: the middle.
  EXPECT_DOUBLE_EQ(pts[0].first, G::kLeft);
  EXPECT_DOUBLE_EQ(pts[0].second, G::kBottom);
  EXPECT_DOUBLE_EQ(pts[1].first, (G::kLeft + G::kRight) / 2);
  EXPECT_DOUBLE_EQ(pts[1].second, (G::kTop + G::kBottom) / 2);
  EXPECT_DOUBLE_EQ(pts[2].first, G::kRight);
  EXPECT_DOUBLE_EQ(pts[2].second, G::kTop);
  EXPECT_TRUE(contains(svg, "<polyline class=\"chart-line\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"44,144 176,80 308,16\"/>"));
}

TEST(SvgChartTest, GoalLineAxisLabelsAndLatestValue) {
  LineChart c = year_2023();
  c.points = {{Date{2023, 3, 31}, 41.5}, {Date{2023, 9, 30}, 56.3}};
  std::string svg = line_chart_svg(c);
  // 60% of the 128 units between top and bottom, up from the bottom: 144 - 76.8.
  EXPECT_TRUE(contains(svg, "<line class=\"chart-goal\" x1=\"44\" x2=\"308\" y1=\"67.2\" y2=\"67.2\""));
  EXPECT_TRUE(contains(svg, ">Mục tiêu 60%</text>"));
  for (const char* tick : {">0%</text>", ">25%</text>", ">50%</text>", ">75%</text>", ">100%</text>",
                           ">01/2023</text>", ">04/2023</text>", ">07/2023</text>", ">10/2023</text>"})
    EXPECT_TRUE(contains(svg, tick)) << tick;
  EXPECT_TRUE(contains(svg, ">56,3%</text>")) << "the latest value, with a decimal comma";
  EXPECT_EQ(circles(svg).size(), 2u);
  // Lines of a kind are one path; marks of a kind share their attributes in a group.
  EXPECT_TRUE(contains(svg, "<path class=\"chart-grid\" stroke=\"#dee0e2\" d=\"M44 112H308M44 80H308M44 48H308M44 16H308\"/>"));
  EXPECT_TRUE(contains(svg, "<path class=\"chart-axis\" stroke=\"#505a5f\" d=\"M44 144H308M44 144V148M"));
  EXPECT_TRUE(contains(svg, "<g class=\"chart-tick\" fill=\"#505a5f\" text-anchor=\"end\"><text x=\"38\" y=\"148\">0%</text>"));
  EXPECT_TRUE(contains(svg, "<g class=\"chart-point\" fill=\"#1d70b8\"><circle cx="));
}

TEST(SvgChartTest, IsAnImageWithItsOwnName) {
  LineChart c = year_2023();
  c.points = {{Date{2023, 6, 30}, 12}};
  std::string svg = line_chart_svg(c);
  EXPECT_EQ(svg.rfind("<svg class=\"chart\" viewBox=\"0 0 320 176\" width=\"320\" height=\"176\"", 0), 0u);
  EXPECT_TRUE(contains(svg, "role=\"img\"><title>Tỷ lệ hồ sơ trực tuyến</title>"));
  EXPECT_FALSE(contains(svg, "<polyline")) << "one point needs no line";
  EXPECT_FALSE(contains(svg, "style="));
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(SvgChartTest, EverythingIsEscaped) {
  LineChart c = year_2023();
  c.unit = "hồ sơ <b>\"x\"</b>";
  c.label = "A & B <script>alert('x')</script>";
  c.points = {{Date{2023, 6, 30}, 12}};
  std::string svg = line_chart_svg(c);
  EXPECT_FALSE(contains(svg, "<script"));
  EXPECT_FALSE(contains(svg, "<b>"));
  EXPECT_TRUE(contains(svg, "<title>A &amp; B &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</title>"));
  EXPECT_TRUE(contains(svg, "12 hồ sơ &lt;b&gt;&quot;x&quot;&lt;/b&gt;</text>"));
}

TEST(SvgChartTest, ValuesAboveTheGoalOrOverAHundredWidenTheScale) {
  LineChart c = year_2023();
  c.unit = "hồ sơ";
  c.goal = 1000;
  c.points = {{Date{2023, 3, 31}, 420}, {Date{2023, 6, 30}, 1268}};
  std::string svg = line_chart_svg(c);
  // 1268 × 1.1 / 4 = 348.7, rounded up to 500: the axis reads 0 to 2000.
  EXPECT_TRUE(contains(svg, ">2000</text>"));
  EXPECT_TRUE(contains(svg, ">500</text>"));
  auto pts = circles(svg);
  ASSERT_EQ(pts.size(), 2u);
  EXPECT_NEAR(pts[1].second, G::kBottom - (G::kBottom - G::kTop) * 1268 / 2000, 0.051);
}

TEST(SvgChartTest, PartialDatesStandAtTheirLastDay) {
  LineChart c = year_2023();
  c.points = {{Date{2023, 12, 0}, 30}};
  auto pts = circles(line_chart_svg(c));
  ASSERT_EQ(pts.size(), 1u);
  EXPECT_DOUBLE_EQ(pts[0].first, G::kRight);
}

TEST(SvgChartTest, NoPointNoChart) { EXPECT_EQ(line_chart_svg(year_2023()), ""); }

// Targets of any finite size: llround overflowed past 9.2e16 (UBSan), showing
// "-92233720368547758,08" for a target of 1e17.
TEST(SvgChartTest, NumbersOfAnySize) {
  EXPECT_EQ(vi_decimal(1e17), "100000000000000000");
  EXPECT_EQ(vi_decimal(-1e17), "-100000000000000000");
  EXPECT_EQ(vi_decimal(9.3e18, 2), "9300000000000000000");
  EXPECT_EQ(vi_decimal(123456789012345.67, 2), "123456789012345,67");
  EXPECT_EQ(svg_number(1e17), "100000000000000000");
  EXPECT_EQ(vi_decimal(1e300).size(), 301u);
  EXPECT_EQ(vi_decimal(std::numeric_limits<double>::max()).substr(0, 6), "179769");
  EXPECT_EQ(vi_decimal(-std::numeric_limits<double>::max()).size(), 310u);
  // Tiny and negative zero: no "-0".
  EXPECT_EQ(vi_decimal(1e-300), "0");
  EXPECT_EQ(vi_decimal(-1e-300), "0");
  EXPECT_EQ(vi_decimal(std::numeric_limits<double>::denorm_min()), "0");
  EXPECT_EQ(vi_decimal(-0.0), "0");
  EXPECT_EQ(vi_decimal(-0.004), "0");
  EXPECT_EQ(vi_decimal(-0.005), "-0,01");
  EXPECT_EQ(svg_number(-0.0), "0");
  EXPECT_EQ(vi_decimal(std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(vi_decimal(std::nan("")), "0");
}

// A chart of huge values draws, with its axis labels written out in full.
TEST(SvgChartTest, HugeTargetsChart) {
  for (double v : {1e17, 9.3e18, 1e300, std::numeric_limits<double>::max()}) {
    LineChart c = year_2023();
    c.points = {{Date{2023, 3, 31}, v / 2}, {Date{2023, 6, 30}, v}};
    c.goal = v;
    const std::string svg = line_chart_svg(c);
    EXPECT_FALSE(svg.empty()) << v;
    EXPECT_EQ(svg.find("-9223372036854775"), std::string::npos) << v;
    EXPECT_EQ(svg.find("nan"), std::string::npos) << v;
    EXPECT_EQ(svg.find("inf"), std::string::npos) << v;
  }
}

TEST(SvgChartTest, NumbersIgnoreTheLocale) {
  EXPECT_EQ(svg_number(41.25), "41.3");
  EXPECT_EQ(svg_number(60), "60");
  EXPECT_EQ(svg_number(-0.01), "0");
  EXPECT_EQ(svg_number(-3.46), "-3.5");
  EXPECT_EQ(vi_decimal(41.5), "41,5");
  EXPECT_EQ(vi_decimal(1268), "1268");
  EXPECT_EQ(vi_decimal(0.125, 2), "0,13");
  // A locale with a decimal comma changes nothing (where the system has one).
  const char* old = std::setlocale(LC_NUMERIC, nullptr);
  std::string saved = old ? old : "C";
  if (std::setlocale(LC_NUMERIC, "vi_VN.UTF-8") || std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
    LineChart c = year_2023();
    c.points = {{Date{2023, 7, 2}, 50.25}};
    std::string svg = line_chart_svg(c);
    std::setlocale(LC_NUMERIC, saved.c_str());
    EXPECT_TRUE(contains(svg, "cx=\"176\" cy=\"79.7\""));
  }
  std::setlocale(LC_NUMERIC, saved.c_str());
}

}  // namespace
}  // namespace congkhai
