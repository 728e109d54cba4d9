// The reference date every derived fact is computed against ("as of"): reproducible builds
// pin it, officials may preview another day, otherwise it is today.
#pragma once

#include <optional>
#include <string>

#include "model/date.h"

namespace congkhai {

// SOURCE_DATE_EPOCH (integer seconds since 1970-01-01 UTC) wins when set and non-empty,
// else `as_of_flag` (--as-of YYYY-MM-DD) when non-empty, else the UTC day of `now_seconds`.
// An invalid value gives nullopt and a Vietnamese message in `*error` (when not null).
std::optional<Date> resolve_reference_date(const char* source_date_epoch, const std::string& as_of_flag,
                                           long long now_seconds, std::string* error);

// Whether content dated `d` had happened by `as_of`: a partial date counts from its end
// ("2023-06" by 2023-06-30, not by 2023-06-15), as statuses do. True when `as_of` is unset.
bool dated_by(const Date& d, const Date& as_of);

// The UTC calendar day of a POSIX time.
Date date_from_epoch_seconds(long long seconds);

}  // namespace congkhai
