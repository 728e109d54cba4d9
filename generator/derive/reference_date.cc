#include "derive/reference_date.h"

#include <charconv>
#include <string_view>
#include <system_error>

namespace congkhai {
namespace {

constexpr long long kSecondsPerDay = 86400;
// Keeps the day count well inside `long` and years inside four digits (up to 9999-12-31).
constexpr long long kMaxSeconds = 253402300799LL;

void set_error(ReferenceDateError* error, std::string message, std::string message_en) {
  if (error) *error = {std::move(message), std::move(message_en)};
}

}  // namespace

bool dated_by(const Date& d, const Date& as_of) {
  if (as_of.year == 0) return true;
  Date last = d.month == 0 ? Date{d.year, 12, 31} : d.day == 0 ? end_of_month(d.year, d.month) : d;
  return last <= as_of;
}

Date date_from_epoch_seconds(long long seconds) {
  long long days = seconds / kSecondsPerDay;
  if (seconds % kSecondsPerDay < 0) --days;  // floor, so that -1 is 1969-12-31
  return civil_from_days(static_cast<long>(days));
}

std::optional<Date> resolve_reference_date(const char* source_date_epoch, const std::string& as_of_flag,
                                           long long now_seconds, ReferenceDateError* error) {
  std::optional<Date> from_epoch;
  if (source_date_epoch && *source_date_epoch) {
    std::string_view s(source_date_epoch);
    long long seconds = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), seconds);
    bool digits_only = s.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits_only || ec != std::errc() || end != s.data() + s.size() || seconds > kMaxSeconds) {
      set_error(error,
                "Biến môi trường SOURCE_DATE_EPOCH không hợp lệ: \"" + std::string(s) +
                    "\" (cần một số nguyên giây kể từ 01/01/1970 UTC)",
                "The SOURCE_DATE_EPOCH environment variable is invalid: \"" + std::string(s) +
                    "\" (it must be a whole number of seconds since 1970-01-01 UTC)");
      return std::nullopt;
    }
    from_epoch = date_from_epoch_seconds(seconds);
  }
  if (!as_of_flag.empty()) {
    auto d = parse_iso_date(as_of_flag);
    if (!d || !d->is_complete()) {
      set_error(error,
                "Ngày tham chiếu --as-of không hợp lệ: \"" + as_of_flag +
                    "\" (cần một ngày có thật, dạng NĂM-THÁNG-NGÀY, ví dụ 2024-03-31)",
                "The reference date --as-of is invalid: \"" + as_of_flag +
                    "\" (it must be a real day, written YEAR-MONTH-DAY, for example 2024-03-31)");
      return std::nullopt;
    }
    return d;
  }
  if (from_epoch) return from_epoch;
  if (now_seconds < 0 || now_seconds > kMaxSeconds) {
    set_error(error, "Đồng hồ hệ thống cho thời điểm không hợp lệ; hãy chỉ định ngày bằng --as-of",
              "The system clock gives an invalid time; give the date with --as-of");
    return std::nullopt;
  }
  return date_from_epoch_seconds(now_seconds);
}

}  // namespace congkhai
