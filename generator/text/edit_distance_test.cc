#include "text/edit_distance.h"

#include <gtest/gtest.h>

#include <chrono>

namespace congkhai {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", "", 5), 0u);
  EXPECT_EQ(edit_distance("partners", "partner", 5), 1u);
  EXPECT_EQ(edit_distance("timeframe", "timefrane", 5), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(edit_distance("sitting", "kitten", 3), 3u);
  EXPECT_EQ(edit_distance("", "abc", 3), 3u);
}

TEST(EditDistance, StopsPastTheBound) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 2), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 0), 1u);
  EXPECT_EQ(edit_distance("abcdef", "fedcba", 3), 4u);
  EXPECT_EQ(edit_distance("abcdef", "fedcba", 6), 6u);
  EXPECT_EQ(edit_distance("a", std::string(1000, 'a'), 10), 11u);
  // Every pair of short strings: the bounded distance is the full one, capped.
  const std::vector<std::string> words = {"", "a", "ab", "ba", "abc", "acb", "bca", "aab", "abab", "baba", "xyz", "abcabc"};
  for (const auto& a : words)
    for (const auto& b : words) {
      const std::size_t full = edit_distance(a, b, 100);
      for (std::size_t k = 0; k <= 7; ++k) EXPECT_EQ(edit_distance(a, b, k), std::min(full, k + 1)) << a << " " << b << " " << k;
    }
}

// A 100,000-character unknown id against 5,000 task ids once took over a minute.
TEST(EditDistance, HintsForAHugeTypedIdAreQuick) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("nhiem-vu-so-" + std::to_string(i) + std::string(60, 'a'));
  const std::string typed(100000, 'a'), dashed = std::string(50000, 'a') + std::string(50000, '-');
  std::string words;
  for (int i = 0; i < 25000; ++i) words += "vu-a";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(closest(typed, ids).empty());
  EXPECT_EQ(nearest(typed, ids).size(), 3u);
  EXPECT_EQ(nearest(dashed, ids).size(), 3u);
  EXPECT_EQ(nearest(words, ids).size(), 3u);
  EXPECT_EQ(closest(ids[7] + "b", ids)[0], ids[7]);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(Closest, OffersNearCandidatesNearestFirst) {
  std::vector<std::string> keys = {"task", "lead", "partners", "output", "timeframe", "number", "id"};
  EXPECT_EQ(closest("partner", keys), std::vector<std::string>{"partners"});
  EXPECT_EQ(closest("lea", keys), std::vector<std::string>{"lead"});
  EXPECT_TRUE(closest("xyzxyzxyz", keys).empty());
  // What was typed starts a candidate: offered however far, nearest first.
  EXPECT_EQ(closest("t", keys), (std::vector<std::string>{"id", "task", "timeframe"}));
}

TEST(Nearest, NamesTheNearestCandidatesHoweverFar) {
  std::vector<std::string> ids = {"niem-yet-cong-khai", "so-hoa-ho-so", "tap-huan", "so-hoa"};
  EXPECT_EQ(nearest("so-hoa-ket-qua-giai-quyet", ids, 1), std::vector<std::string>{"so-hoa-ho-so"});
  // Two shared words (at distances 17 and 19) before none (19, 21).
  EXPECT_EQ(nearest("so-hoa-ket-qua-giai-quyet", ids),
            (std::vector<std::string>{"so-hoa-ho-so", "so-hoa", "niem-yet-cong-khai"}));
  // Shared words count before spelling: "cong-khai" is in the third id only.
  EXPECT_EQ(nearest("cong-khai-thu-tuc", {"ban-hanh-ke-hoach", "ho-tro-nop", "niem-yet-cong-khai"}, 1),
            std::vector<std::string>{"niem-yet-cong-khai"});
  // No shared word: edit distance, ties in candidate order.
  EXPECT_EQ(nearest("xy", {"abcd", "ab", "cd"}), (std::vector<std::string>{"ab", "cd", "abcd"}));
  EXPECT_EQ(nearest("xyzxyzxyz", ids).size(), 3u);
  EXPECT_TRUE(nearest("x", {}).empty());
}

}  // namespace
}  // namespace congkhai
