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
  // 17, then a tie at 19 kept in candidate order.
  EXPECT_EQ(nearest("so-hoa-ket-qua-giai-quyet", ids),
            (std::vector<std::string>{"so-hoa-ho-so", "niem-yet-cong-khai", "so-hoa"}));
  EXPECT_EQ(nearest("xyzxyzxyz", ids).size(), 3u);
  EXPECT_TRUE(nearest("x", {}).empty());
}

}  // namespace
}  // namespace congkhai
