// libFuzzer: any text as a task's timeframe, with a plan year taken from the first bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "derive/timeframe.h"
#include "text/unicode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace congkhai;
  if (size < 2) return 0;
  // Plan years as the loader allows them (1945–2100), and a few outside, in case.
  int year = 1900 + (data[0] | (data[1] << 8)) % 250;
  std::string_view raw(reinterpret_cast<const char*>(data + 2), size - 2);
  if (!is_valid_utf8(raw)) return 0;  // the loader only passes checked, NFC text
  std::string text = to_nfc(raw);
  Timeframe t = parse_timeframe(text, year);
  std::string summary = describe_timeframe(t);
  if (!is_valid_utf8(summary)) __builtin_trap();
  if (auto d = deadline_of(t); d && (d->month > 12 || d->day > 31)) __builtin_trap();
  // A deadline only where a date was read: never for text not read, nor for an open end.
  if (deadline_of(t) && (t.kind == Timeframe::Kind::kUnknown || t.kind == Timeframe::Kind::kRecurring ||
                         t.kind == Timeframe::Kind::kUnscheduled || is_open_ended(t)))
    __builtin_trap();
  for (const Date& d : t.checkpoints)
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) __builtin_trap();
  return 0;
}
