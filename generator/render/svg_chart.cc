#include "render/svg_chart.h"

#include "text/xml.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace congkhai {
namespace {

using G = ChartGeometry;

// A partial date stands at the end of what it names, as derive counts it.
long day_number(const Date& d) {
  if (d.year == 0) return 0;
  if (d.month == 0) return days_from_civil(Date{d.year, 12, 31});
  if (d.day == 0) return days_from_civil(end_of_month(d.year, d.month));
  return days_from_civil(d);
}

// `v` rounded to `decimals` decimals, written with `point`, trailing zeros dropped.
std::string fixed(double v, int decimals, char point) {
  if (!std::isfinite(v)) return "0";
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  if (std::fabs(v * static_cast<double>(scale)) >= 0x1p53) {
    // Past 2^53 a scaled double is no longer exact, and past 2^63 llround overflows (a target
    // of 1e17 came out as "-92233720368547758,08"): the digits come from to_chars instead,
    // which writes any finite double exactly rounded.
    char buf[400];  // DBL_MAX has 309 digits
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    std::string out(buf, ec == std::errc() ? end : buf);
    if (std::size_t dot = out.find('.'); dot != std::string::npos) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out.pop_back();
      else out[dot] = point;
    }
    return out;
  }
  long long n = std::llround(v * static_cast<double>(scale));
  bool negative = n < 0;
  unsigned long long a = static_cast<unsigned long long>(negative ? -n : n);
  std::string out = std::to_string(a / scale);
  std::string frac = std::to_string(a % scale);
  if (decimals > 0) {
    frac.insert(0, static_cast<size_t>(decimals) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += point + frac;
  }
  return negative && a != 0 ? "-" + out : out;
}

// The smallest of 1, 2, 2.5, 5 × 10^k at least `v` (v > 0).
double nice_step(double v) {
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * p >= v - 1e-9 * p) return m * p;
  return 10 * p;
}

std::string attr(const char* name, double v) { return std::string(" ") + name + "=\"" + svg_number(v) + "\""; }

// Where a line of text at font size 12 lies, roughly: about 6.6 units a character.
struct Box {
  double x0, y0, x1, y1;
  bool contains(double x, double y, double margin) const {
    return x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin;
  }
};

Box text_box(double x, double baseline, const std::string& text, const char* anchor) {
  double chars = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) chars += 1;
  double w = chars * 6.6;
  std::string a = anchor;
  double x0 = a == "end" ? x - w : (a == "middle" ? x - w / 2 : x);
  return {x0, baseline - 10, x0 + w, baseline + 2};
}

bool overlaps(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string svg_number(double v) { return fixed(v, 1, '.'); }

std::string vi_decimal(double v, int decimals) { return fixed(v, decimals, ','); }

std::string line_chart_svg(const LineChart& chart) {
  if (chart.points.empty()) return "";
  const bool percent = chart.unit == "%";
  auto with_unit = [&](const std::string& number) {
    if (percent) return number + "%";
    return chart.unit.empty() ? number : number + " " + chart.unit;
  };

  // Time span: the one asked for, widened to hold every point; a single day gets a month
  // either side so that its point stands in the middle.
  long first = day_number(chart.points.front().date), last = first;
  double top = 0;
  for (const ChartPoint& p : chart.points) {
    first = std::min(first, day_number(p.date));
    last = std::max(last, day_number(p.date));
    top = std::max(top, p.value);
  }
  if (chart.from.year) first = std::min(first, day_number(Date{chart.from.year, chart.from.month ? chart.from.month : 1, chart.from.day ? chart.from.day : 1}));
  if (chart.to.year) last = std::max(last, day_number(chart.to));
  if (last - first < 1) first -= 30, last += 30;
  if (chart.goal) top = std::max(top, *chart.goal);

  // Values from 0 to a round maximum in four steps: 0–100 for a percentage unless a figure
  // is over 100.
  double step = percent && top <= 100 ? 25 : nice_step(std::max(top, 1e-9) * 1.1 / 4);
  double ymax = 4 * step;
  auto x_of = [&](long day) { return G::kLeft + (G::kRight - G::kLeft) * static_cast<double>(day - first) / static_cast<double>(last - first); };
  auto y_of = [&](double v) {
    v = std::clamp(v, 0.0, ymax);
    return G::kBottom - (G::kBottom - G::kTop) * v / ymax;
  };

  // The <title> is the image's accessible name (and its tooltip). Lines of a kind are one
  // path, and marks of a kind share their attributes in a group: the chart stays small.
  std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + svg_number(G::kWidth) + " " + svg_number(G::kHeight) +
                  "\"" + attr("width", G::kWidth) + attr("height", G::kHeight) + " font-size=\"12\" role=\"img\">";
  s += "<title>" + xml_escape(chart.label) + "</title>";
  auto segment = [](double x, double y, char direction, double to) {
    return "M" + svg_number(x) + " " + svg_number(y) + direction + svg_number(to);
  };

  // Value axis: grid lines and their labels.
  std::string grid, axis = segment(G::kLeft, G::kBottom, 'H', G::kRight), value_ticks;
  for (int i = 0; i <= 4; ++i) {
    double v = step * i, y = y_of(v);
    if (i > 0) grid += segment(G::kLeft, y, 'H', G::kRight);
    value_ticks += "<text" + attr("x", G::kLeft - 6) + attr("y", y + 4) + ">" +
                   xml_escape(percent ? vi_decimal(v) + "%" : vi_decimal(v)) + "</text>";
  }
  if (!percent && !chart.unit.empty())
    value_ticks += "<text" + attr("x", G::kLeft - 6) + attr("y", G::kTop - 6) + ">" + xml_escape(chart.unit) + "</text>";

  // Time axis: the first day of every month, few enough to be read ("04/2023").
  Date a = civil_from_days(first), b = civil_from_days(last);
  int months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  int month_step = 1;
  for (int m : {1, 2, 3, 6, 12, 24, 60, 120}) {
    month_step = m;
    if (months / m < 6) break;
  }
  int index = a.year * 12 + (a.month - 1);
  if (a.day != 1) ++index;  // the first whole month
  if (month_step < 12)
    while ((index % 12) % month_step) ++index;  // January, April, July, October …
  else
    while (index % 12) ++index;
  std::string time_ticks;
  for (; index <= b.year * 12 + (b.month - 1); index += month_step) {
    Date d{index / 12, index % 12 + 1, 1};
    double x = x_of(days_from_civil(d));
    axis += segment(x, G::kBottom, 'V', G::kBottom + 4);
    time_ticks += "<text" + attr("x", x) + attr("y", G::kBottom + 18) + ">" + two_digits(d.month) + "/" +
                  std::to_string(d.year) + "</text>";
  }
  s += "<path class=\"chart-grid\" stroke=\"#dee0e2\" d=\"" + grid + "\"/>";
  s += "<path class=\"chart-axis\" stroke=\"#505a5f\" d=\"" + axis + "\"/>";
  s += "<g class=\"chart-tick\" fill=\"#505a5f\" text-anchor=\"end\">" + value_ticks + "</g>";
  if (!time_ticks.empty()) s += "<g class=\"chart-tick\" fill=\"#505a5f\" text-anchor=\"middle\">" + time_ticks + "</g>";

  // The measurements: a line through them and a dot for each; the latest value written
  // above its dot (below when the dot is at the top).
  std::string line;
  for (const ChartPoint& p : chart.points) {
    if (!line.empty()) line += ' ';
    line += svg_number(x_of(day_number(p.date))) + "," + svg_number(y_of(p.value));
  }
  const ChartPoint& latest = chart.points.back();
  const double lx = x_of(day_number(latest.date)), ly = y_of(latest.value);
  const std::string latest_text = with_unit(vi_decimal(latest.value));
  const char* anchor = lx > G::kRight - 24 ? "end" : (lx < G::kLeft + 24 ? "start" : "middle");
  const double vy = ly - 8 < G::kTop + 4 ? ly + 18 : ly - 8;
  Box value_box = text_box(lx, vy, latest_text, anchor);

  // The goal, dashed, with its value written where it covers neither a dot nor the latest
  // value: at the left end above the line, else below it, else at the right end.
  if (chart.goal) {
    double y = y_of(*chart.goal);
    s += "<line class=\"chart-goal\"" + attr("x1", G::kLeft) + attr("x2", G::kRight) + attr("y1", y) + attr("y2", y) +
         " stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
    const std::string text = "Mục tiêu " + with_unit(vi_decimal(*chart.goal));
    struct Place { double x, y; const char* anchor; };
    const Place places[] = {{G::kLeft + 4, y - 5, "start"}, {G::kLeft + 4, y + 14, "start"},
                            {G::kRight, y - 5, "end"}, {G::kRight, y + 14, "end"}};
    Place chosen = places[0];
    for (const Place& pl : places) {
      if (pl.y - 10 < 0 || pl.y > G::kBottom - 2) continue;
      Box box = text_box(pl.x, pl.y, text, pl.anchor);
      bool clear = !overlaps(box, value_box);
      for (const ChartPoint& p : chart.points)
        if (box.contains(x_of(day_number(p.date)), y_of(p.value), 4)) clear = false;
      if (clear) {
        chosen = pl;
        break;
      }
    }
    s += "<text class=\"chart-goal-label\"" + attr("x", chosen.x) + attr("y", chosen.y) +
         (std::string(chosen.anchor) == "end" ? " text-anchor=\"end\"" : "") + " fill=\"#0b0c0c\">" +
         xml_escape(text) + "</text>";
  }

  if (chart.points.size() > 1)
    s += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"" + line + "\"/>";
  s += "<g class=\"chart-point\" fill=\"#1d70b8\">";
  for (const ChartPoint& p : chart.points)
    s += "<circle" + attr("cx", x_of(day_number(p.date))) + attr("cy", y_of(p.value)) + " r=\"3.5\"/>";
  s += "</g>";
  s += "<text class=\"chart-value\"" + attr("x", lx) + attr("y", vy) + " text-anchor=\"" + anchor +
       "\" font-weight=\"700\" fill=\"#0b0c0c\">" + xml_escape(latest_text) + "</text>";
  s += "</svg>";
  return s;
}

}  // namespace congkhai
