// Small charts drawn at build time as inline SVG: no chart library, no JavaScript, nothing
// fetched. The output depends only on the arguments (numbers are written without the C
// library's locale), and every piece of text is escaped.
//
// A chart is an image with a text equivalent: role="img" and a <title> (its accessible name)
// say what it shows; the page keeps the figures as text beside it (the chart repeats them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace congkhai {

// The drawing area of a line chart, in SVG user units (the viewBox is kChartWidth ×
// kChartHeight): x grows with time, y with the value from the bottom.
struct ChartGeometry {
  static constexpr double kWidth = 320, kHeight = 176;
  static constexpr double kLeft = 44, kRight = 308, kTop = 16, kBottom = 144;
};

struct ChartPoint {
  Date date;  // a partial date ("2023-05") stands at its last day, as derive counts it
  double value = 0;
};

struct LineChart {
  std::vector<ChartPoint> points;  // oldest first
  std::optional<double> goal;      // drawn as a dashed line with its value
  std::string unit;                // "%", or a word after the numbers ("hồ sơ"); may be empty
  Date from, to;                   // the time span wanted (a plan's year); widened to fit the points
  std::string label;               // the accessible name: what the chart shows, in words
};

// <svg class="chart" …>…</svg>, or "" when there is no point to draw.
std::string line_chart_svg(const LineChart& chart);

// A number for SVG attributes: at most one decimal, "." as the point, no trailing ".0":
// 41.25 → "41.3", 60 → "60", -0.01 → "0".
std::string svg_number(double v);

// A number for people: at most `decimals` decimals, "," as the point, trailing zeros
// dropped: 41.5 → "41,5". Independent of the locale.
std::string vi_decimal(double v, int decimals = 2);

}  // namespace congkhai
