// The reference date every derived fact is computed against ("as of"): reproducible builds
// pin it, officials may preview another day, otherwise it is today.
#pragma once

#include <optional>
#include <string>

#include "model/date.h"

namespace congkhai {

// A reason the reference date could not be had, for the command line's edge.
struct ReferenceDateError {
  std::string message;     // Vietnamese
  std::string message_en;  // English, for --lang en
};

// `as_of_flag` (--as-of YYYY-MM-DD) wins when non-empty: the official asked for that day.
// Else SOURCE_DATE_EPOCH (integer seconds since 1970-01-01 UTC) when set and non-empty: the
// reproducible-builds convention, which stands in for the clock. Else the UTC day of
// `now_seconds`. Every value given is checked, even one that another overrides, so a typo is
// never silently ignored: an invalid one gives nullopt and the reason in `*error` (when not
// null).
std::optional<Date> resolve_reference_date(const char* source_date_epoch, const std::string& as_of_flag,
                                           long long now_seconds, ReferenceDateError* error);

// Whether content dated `d` had happened by `as_of`: a partial date counts from its end
// ("2023-06" by 2023-06-30, not by 2023-06-15), as statuses do. True when `as_of` is unset.
bool dated_by(const Date& d, const Date& as_of);

// The UTC calendar day of a POSIX time.
Date date_from_epoch_seconds(long long seconds);

}  // namespace congkhai
