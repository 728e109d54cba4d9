#include "text/edit_distance.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>

namespace congkhai {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
  const std::size_t far = max_distance + 1;
  if (a.size() > b.size()) std::swap(a, b);
  // Each length difference is one insertion: a long typed id is told apart from short
  // candidates at once, without a row of the table.
  if (b.size() - a.size() > max_distance) return far;
  // Only cells within max_distance of the diagonal can hold a distance up to max_distance
  // (Ukkonen's band): O(max_distance · length) instead of O(length²). Values are capped at
  // `far`, which keeps every cell that matters exact.
  std::vector<std::size_t> prev(b.size() + 2, far), cur(b.size() + 2, far);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = std::min(j, far);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > max_distance ? i - max_distance : 1;
    const std::size_t hi = std::min(b.size(), i + max_distance);
    cur[lo - 1] = lo == 1 ? std::min(i, far) : far;
    std::size_t best = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      cur[j] = std::min(v, far);
      best = std::min(best, cur[j]);
    }
    cur[hi + 1] = far;  // the next row's band may reach one further
    if (best >= far) return far;  // every path to the end crosses this row
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

// The candidates within `max_distance` of `word` (or starting with it), nearest first.
std::vector<std::string> ranked(std::string_view word, const std::vector<std::string>& candidates,
                                std::size_t limit, std::size_t max_distance) {
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, candidate index
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    // A candidate that starts with what was typed is a good guess however long it is; its
    // distance is the letters it adds.
    if (!word.empty() && candidates[i].size() >= word.size() && candidates[i].compare(0, word.size(), word) == 0) {
      scored.push_back({candidates[i].size() - word.size(), i});
      continue;
    }
    std::size_t d = edit_distance(word, candidates[i], max_distance);
    if (d <= max_distance) scored.push_back({d, i});
  }
  std::stable_sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(candidates[scored[i].second]);
  return out;
}

}  // namespace

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  return ranked(word, candidates, limit, std::max<std::size_t>(2, word.size() / 3));
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start <= s.size();) {
      std::size_t end = std::min(s.find('-', start), s.size());
      if (end > start) out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    return out;
  };
  // How often each word was typed: a candidate's shared words are then counted in the time
  // of its own words, whatever the length of what was typed.
  std::unordered_map<std::string_view, std::ptrdiff_t> typed;
  for (auto w : words(word)) ++typed[w];
  // shared words (more first), distance, candidate index
  std::vector<std::tuple<std::ptrdiff_t, std::size_t, std::size_t>> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    auto have = words(candidates[i]);
    std::sort(have.begin(), have.end());
    have.erase(std::unique(have.begin(), have.end()), have.end());
    std::ptrdiff_t shared = 0;
    for (auto w : have)
      if (auto it = typed.find(w); it != typed.end()) shared += it->second;
    scored.emplace_back(-shared, edit_distance(word, candidates[i], kNearestMaxDistance), i);
  }
  std::stable_sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(candidates[std::get<2>(scored[i])]);
  return out;
}

}  // namespace congkhai
