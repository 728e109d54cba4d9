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

}  // namespace
}  // namespace congkhai
