// "Did you mean …?" for mistyped keys and ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace congkhai {

// Levenshtein distance over bytes when it is at most `max_distance`, else max_distance + 1.
// Bounded so that a hint never costs more than O(max_distance · length): a 100,000-character
// typed id is compared with thousands of ids.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance);

// nearest() ranks by distance up to this; farther candidates tie (in candidate order).
inline constexpr std::size_t kNearestMaxDistance = 100;

// Up to `limit` candidates closest to `word`, nearest first, ties in candidate order; only
// candidates within a distance of max(2, word.size() / 3), or starting with `word`, are offered.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

// Up to `limit` candidates nearest to `word` however far they are, for naming what exists when
// nothing is close to what was typed: those sharing more of its "-"-separated words first
// ("cong-khai-thu-tuc" → "niem-yet-cong-khai"), then by edit distance, ties in candidate order.
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

}  // namespace congkhai
