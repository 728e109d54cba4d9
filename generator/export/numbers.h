// Numbers as text for data files: shortest round-trip, never float noise ("41.5", not "41.499999").
#pragma once

#include <string>

namespace congkhai {

// Shortest text that reads back as the same double, in plain decimal notation (no exponent):
// 60 → "60", 41.5 → "41.5", -0.25 → "-0.25". NaN and infinities give "".
std::string format_number(double value);

}  // namespace congkhai
