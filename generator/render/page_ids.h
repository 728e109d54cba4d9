// The ids taken on one page, and new unique ones for the headings of its Markdown bodies.
#pragma once

#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace congkhai {

class PageIds {
 public:
  PageIds() = default;
  PageIds(std::initializer_list<std::string> taken) : used_(taken) {}

  // An id the page itself uses: headings never take it.
  void reserve(const std::string& id) { used_.insert(id); }
  bool contains(const std::string& id) const { return used_.count(id) > 0; }

  // `base` when free, else the first free of `base-2`, `base-3` …; the result is taken.
  // Each base remembers the suffix it reached, so n headings with one text cost O(n), not
  // O(n²) (30,000 "## a" once took minutes).
  std::string take(const std::string& base);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, long long> next_suffix_;
};

}  // namespace congkhai
