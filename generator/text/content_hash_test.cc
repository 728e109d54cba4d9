#include "text/content_hash.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(ContentHash, SameBytesSameHash) {
  EXPECT_EQ(hash_bytes("kế hoạch 2024"), hash_bytes(std::string("kế hoạch 2024")));
  EXPECT_EQ(hash_bytes("").hex().size(), 32u);
}

TEST(ContentHash, AnyChangedByteChangesTheHash) {
  std::string text(1000, 'a');
  ContentHash base = hash_bytes(text);
  for (std::size_t i : {0u, 7u, 15u, 16u, 999u}) {
    std::string other = text;
    other[i] = 'b';
    EXPECT_NE(hash_bytes(other), base) << i;
  }
  EXPECT_NE(hash_bytes(text + "a"), base);
  EXPECT_NE(hash_bytes(std::string(1001, '\0')), hash_bytes(std::string(1000, '\0')));
}

TEST(ContentHash, HasherSeparatesPieces) {
  ContentHasher a, b;
  a.add("ab");
  a.add("c");
  b.add("a");
  b.add("bc");
  EXPECT_NE(a.finish(), b.finish());
}

}  // namespace
}  // namespace congkhai
