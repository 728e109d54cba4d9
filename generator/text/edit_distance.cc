#include "text/edit_distance.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace congkhai {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

// The candidates within `max_distance` of `word` (or starting with it), nearest first.
std::vector<std::string> ranked(std::string_view word, const std::vector<std::string>& candidates,
                                std::size_t limit, std::size_t max_distance) {
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, candidate index
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::size_t d = edit_distance(word, candidates[i]);
    // A candidate that starts with what was typed is a good guess however long it is.
    if (d <= max_distance || (!word.empty() && candidates[i].rfind(word, 0) == 0)) scored.push_back({d, i});
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
  const auto typed = words(word);
  // shared words (more first), distance, candidate index
  std::vector<std::tuple<std::ptrdiff_t, std::size_t, std::size_t>> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto have = words(candidates[i]);
    std::ptrdiff_t shared = 0;
    for (auto w : typed) shared += std::find(have.begin(), have.end(), w) != have.end();
    scored.emplace_back(-shared, edit_distance(word, candidates[i]), i);
  }
  std::stable_sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(candidates[std::get<2>(scored[i])]);
  return out;
}

}  // namespace congkhai
