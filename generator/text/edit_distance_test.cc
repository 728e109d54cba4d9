#include "text/edit_distance.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("partners", "partner"), 1u);
  EXPECT_EQ(edit_distance("timeframe", "timefrane"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Closest, OffersNearCandidatesNearestFirst) {
  std::vector<std::string> keys = {"task", "lead", "partners", "output", "timeframe", "number", "id"};
  EXPECT_EQ(closest("partner", keys), std::vector<std::string>{"partners"});
  EXPECT_EQ(closest("lea", keys), std::vector<std::string>{"lead"});
  EXPECT_TRUE(closest("xyzxyzxyz", keys).empty());
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
