#include "export/numbers.h"

#include <charconv>
#include <cmath>

namespace congkhai {

std::string format_number(double value) {
  if (!std::isfinite(value)) return "";
  if (value == 0) return "0";  // also folds -0 into 0
  char buf[400];               // fixed notation of DBL_MAX has 309 digits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return "";
  return std::string(buf, end);
}

}  // namespace congkhai
